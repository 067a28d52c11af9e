package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// guarded serves a small private site over a real socket, with a
// recorder that counts its calls (none when record is false: a public
// site).
func guarded(t *testing.T, record bool) (addr string, calls *atomic.Int32) {
	t.Helper()
	fb := &fakeBuild{site: Site{"index.html": []byte("<html><body>private: jane@acme.example</body></html>")}}
	s := New(fb.build, time.Now)
	calls = &atomic.Int32{}
	if record {
		s.SetRecorder(func(body []byte) (int, any) {
			calls.Add(1)
			return 200, map[string]string{"message": "recorded " + string(body)}
		})
	}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	l, err := Listen(0, true)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx, l) }()
	t.Cleanup(func() { stop(); <-done })
	return l.Addr().String(), calls
}

type reply struct {
	code   int
	header http.Header
	body   string
}

// send makes one request to addr, with the Host header given (the
// socket is always the server's).
func send(t *testing.T, addr, method, path, host string, header map[string]string, body string) reply {
	t.Helper()
	req, err := http.NewRequest(method, "http://"+addr+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	for k, v := range header {
		req.Header.Set(k, v)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	// An event stream never ends: its first bytes are enough.
	b := make([]byte, 4096)
	n, _ := io.ReadAtLeast(resp.Body, b, 1)
	return reply{resp.StatusCode, resp.Header, string(b[:n])}
}

var tokenRe = regexp.MustCompile(`data-followup-token="([0-9a-f]+)"`)

// Every request whose Host is not the loopback address and port served
// gets nothing: a page whose own domain is rebound to 127.0.0.1 (DNS
// rebinding) must not read the private site, the event stream or the
// scripts.
func TestForeignHostIsRefused(t *testing.T) {
	addr, _ := guarded(t, true)
	_, port, _ := net.SplitHostPort(addr)
	other := "1"
	if port == "1" {
		other = "2"
	}
	for _, c := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"localhost:" + port, true},
		{"LOCALHOST:" + port, true},
		{"[::1]:" + port, true},
		{"evil.example:" + port, false},
		{"evil.example", false},
		{"127.0.0.1", false},
		{"127.0.0.1:" + other, false},
		{"127.0.0.2:" + port, false},
		{"localhost.evil.example:" + port, false},
		{"0.0.0.0:" + port, false},
	} {
		for _, path := range []string{"/", "/index.html", eventsPath, livePath, cssPath, "/nope"} {
			r := send(t, addr, "GET", path, c.host, nil, "")
			if c.ok {
				if r.code == http.StatusMisdirectedRequest {
					t.Errorf("Host %s %s: refused", c.host, path)
				}
				continue
			}
			if r.code != http.StatusMisdirectedRequest || strings.Contains(r.body, "jane@") || strings.Contains(r.body, "data-followup-token") || strings.Contains(r.body, "event:") {
				t.Errorf("Host %s %s: %d %q, want 421 and nothing of the site", c.host, path, r.code, r.body)
			}
		}
	}
}

// Every answer, refusals included, carries the headers that keep a
// browser from sniffing types, leaking the address in a Referer, or
// running anything but the server's own script.
func TestSecurityHeaders(t *testing.T) {
	addr, _ := guarded(t, true)
	for _, host := range []string{addr, "evil.example"} {
		for _, path := range []string{"/", livePath, "/nope", recordPath} {
			r := send(t, addr, "GET", path, host, nil, "")
			for k, want := range map[string]string{
				"X-Content-Type-Options":  "nosniff",
				"Referrer-Policy":         "no-referrer",
				"Content-Security-Policy": csp,
			} {
				if got := r.header.Get(k); got != want {
					t.Errorf("%s %s: %s = %q, want %q", host, path, k, got, want)
				}
			}
		}
	}
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows more than the server's own script: %s", csp)
	}
	// The page the server serves has no inline script for that policy to
	// block: every script is a file of the server.
	page := send(t, addr, "GET", "/", addr, nil, "").body
	for _, m := range regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(m, ` src="`) {
			t.Errorf("inline script in the served page: %s", m)
		}
	}
	if strings.Contains(page, " style=") || strings.Contains(page, "<style") {
		t.Errorf("inline style in the served page:\n%s", page)
	}
}

// The recording endpoint answers only the page this server served: POST,
// its own Origin, the token the page carries, a JSON body. Each refusal
// records nothing.
func TestRecordRefusals(t *testing.T) {
	addr, calls := guarded(t, true)
	m := tokenRe.FindStringSubmatch(send(t, addr, "GET", "/", addr, nil, "").body)
	if m == nil {
		t.Fatal("the served page carries no token")
	}
	token := m[1]
	good := map[string]string{"Origin": "http://" + addr, "X-Followup-Token": token, "Content-Type": "application/json"}
	with := func(k, v string) map[string]string {
		h := map[string]string{}
		for a, b := range good {
			h[a] = b
		}
		if v == "" {
			delete(h, k)
		} else {
			h[k] = v
		}
		return h
	}
	body := `{"op":"done","ids":["acme/check-in/1"]}`
	cases := []struct {
		name, method, host string
		header             map[string]string
		want               int
	}{
		{"foreign Host", "POST", "evil.example:80", with("Origin", "http://evil.example:80"), http.StatusMisdirectedRequest},
		{"foreign Host, our Origin", "POST", "evil.example", good, http.StatusMisdirectedRequest},
		{"foreign Origin", "POST", addr, with("Origin", "http://evil.example"), http.StatusForbidden},
		{"Origin of another port", "POST", addr, with("Origin", "http://127.0.0.1:1"), http.StatusForbidden},
		{"Origin null", "POST", addr, with("Origin", "null"), http.StatusForbidden},
		{"no Origin", "POST", addr, with("Origin", ""), http.StatusForbidden},
		{"no token", "POST", addr, with("X-Followup-Token", ""), http.StatusForbidden},
		{"wrong token", "POST", addr, with("X-Followup-Token", strings.Repeat("0", len(token))), http.StatusForbidden},
		{"GET", "GET", addr, good, http.StatusMethodNotAllowed},
		{"PUT", "PUT", addr, good, http.StatusMethodNotAllowed},
		{"text/plain", "POST", addr, with("Content-Type", "text/plain"), http.StatusUnsupportedMediaType},
		{"form", "POST", addr, with("Content-Type", "application/x-www-form-urlencoded"), http.StatusUnsupportedMediaType},
		{"multipart", "POST", addr, with("Content-Type", "multipart/form-data; boundary=x"), http.StatusUnsupportedMediaType},
		{"no content type", "POST", addr, with("Content-Type", ""), http.StatusUnsupportedMediaType},
	}
	for _, c := range cases {
		r := send(t, addr, c.method, recordPath, c.host, c.header, body)
		if r.code != c.want {
			t.Errorf("%s: %d %q, want %d", c.name, r.code, r.body, c.want)
		}
	}
	if n := calls.Load(); n != 0 {
		t.Fatalf("%d refused requests reached the recorder", n)
	}
	// The page's own request goes through (so the refusals above are the
	// checks, not a broken endpoint).
	if r := send(t, addr, "POST", recordPath, addr, good, body); r.code != 200 || !strings.Contains(r.body, "recorded") {
		t.Fatalf("the page's own request: %d %q", r.code, r.body)
	}
	if r := send(t, addr, "POST", recordPath, addr, with("Content-Type", "application/json; charset=utf-8"), body); r.code != 200 {
		t.Fatalf("application/json with a charset: %d %q", r.code, r.body)
	}
	if n := calls.Load(); n != 2 {
		t.Fatalf("recorder called %d times, want 2", n)
	}
}

// A public site (serve --public) has no recording endpoint and no token.
func TestPublicServeRecordsNothing(t *testing.T) {
	addr, _ := guarded(t, false)
	if page := send(t, addr, "GET", "/", addr, nil, "").body; strings.Contains(page, "data-followup-token") {
		t.Errorf("public page carries a token: %s", page)
	}
	h := map[string]string{"Origin": "http://" + addr, "Content-Type": "application/json"}
	if r := send(t, addr, "POST", recordPath, addr, h, `{}`); r.code != http.StatusNotFound {
		t.Errorf("public record endpoint: %d, want 404", r.code)
	}
}
