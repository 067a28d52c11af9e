package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

type fakeBuild struct {
	mu   sync.Mutex
	site Site
	err  error
}

func (f *fakeBuild) build(time.Time) (Site, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := Site{}
	for k, v := range f.site {
		out[k] = v
	}
	return out, f.err
}

func (f *fakeBuild) set(site Site, err error) {
	f.mu.Lock()
	f.site, f.err = site, err
	f.mu.Unlock()
}

// stream reads "state" events from the SSE endpoint.
func stream(t *testing.T, url string) (<-chan map[string]any, func()) {
	req, _ := http.NewRequest("GET", url+eventsPath, nil)
	ctx, cancel := context.WithCancel(context.Background())
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	c := make(chan map[string]any, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var m map[string]any
				json.Unmarshal([]byte(d), &m)
				c <- m
			}
		}
		close(c)
	}()
	return c, func() { cancel(); resp.Body.Close() }
}

func recv(t *testing.T, c <-chan map[string]any) map[string]any {
	t.Helper()
	select {
	case m, ok := <-c:
		if !ok {
			t.Fatal("stream closed")
		}
		return m
	case <-time.After(5 * time.Second):
		t.Fatal("no event before the deadline")
	}
	return nil
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func TestServer(t *testing.T) {
	fb := &fakeBuild{site: Site{"index.html": []byte("<html><body>v1</body></html>"), "acme/index.html": []byte("<body>acme</body>"), "calendar.ics": []byte("BEGIN:VCALENDAR\r\n")}}
	s := New(fb.build, time.Now)
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
	url := "http://" + l.Addr().String()

	events, closeStream := stream(t, url)
	defer closeStream()
	first := recv(t, events)

	code, ctype, body := get(t, url+"/")
	if code != 200 || !strings.Contains(body, "v1") || !strings.Contains(body, `<script src="/_followup/live.js" data-gen=`) || ctype != "text/html; charset=utf-8" {
		t.Fatalf("index: %d %q %q", code, ctype, body)
	}
	if code, ctype, _ := get(t, url+"/calendar.ics"); code != 200 || ctype != "text/calendar; charset=utf-8" {
		t.Errorf("feed: %d %q", code, ctype)
	}
	if code, _, body := get(t, url+"/acme"); code != 200 || !strings.Contains(body, "acme") {
		t.Errorf("/acme should redirect to /acme/: %d", code)
	}
	for _, p := range []string{"/../go.mod", "/%2e%2e/go.mod", "/acme/%2E%2E/%2E%2E/etc/passwd", "/nope", "/..%5cgo.mod"} {
		if code, _, _ := get(t, url+p); code != 404 {
			t.Errorf("%s: %d, want 404", p, code)
		}
	}

	// A change reloads open pages.
	fb.set(Site{"index.html": []byte("<body>v2</body>")}, nil)
	s.Rebuild()
	if m := recv(t, events); m["gen"] == first["gen"] || m["errors"] != "" {
		t.Fatalf("reload event: %v after %v", m, first)
	}
	if _, _, body := get(t, url+"/"); !strings.Contains(body, "v2") {
		t.Fatal("new content not served")
	}
	if code, _, _ := get(t, url+"/acme/"); code != 404 {
		t.Error("a removed page is still served")
	}

	// A broken build keeps the last good site and shows the problems.
	fb.set(nil, errors.New("content/acme.md:3:10: applied: invalid date \"2026-02-30\" <b>"))
	s.Rebuild()
	if m := recv(t, events); !strings.Contains(m["errors"].(string), "content/acme.md:3:10") {
		t.Fatalf("error event: %v", m)
	}
	_, _, body = get(t, url+"/")
	if !strings.Contains(body, "v2") || !strings.Contains(body, "content/acme.md:3:10: applied: invalid date &#34;2026-02-30&#34; &lt;b&gt;") {
		t.Fatalf("overlay missing or unescaped: %s", body)
	}

	// Fixed: the overlay leaves by itself.
	fb.set(Site{"index.html": []byte("<body>v3</body>")}, nil)
	s.Rebuild()
	if m := recv(t, events); m["errors"] != "" {
		t.Fatalf("still broken: %v", m)
	}
	if _, _, body := get(t, url+"/"); strings.Contains(body, "followup-errors") || !strings.Contains(body, "v3") {
		t.Fatal("overlay stayed")
	}

	// Shutdown with an open stream returns promptly and cleanly.
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("shutdown hung on the open event stream")
	}
}

func TestListenBusyPort(t *testing.T) {
	l, err := Listen(0, true)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	busy := l.Addr().(*net.TCPAddr).Port
	if _, err := Listen(busy, true); err == nil || !strings.Contains(err.Error(), "--port") {
		t.Errorf("explicit busy port: %v", err)
	}
	l2, err := Listen(busy, false)
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	if got := l2.Addr().(*net.TCPAddr).Port; got == busy {
		t.Errorf("got the busy port %d", got)
	}
}
