// Package serve is `followup serve`: the site served from memory on
// 127.0.0.1, rebuilt when the project changes, with the browser reloaded
// by Server-Sent Events (no websocket library, no external script).
//
// A build that fails keeps the last good site; every page then carries an
// overlay listing each `path:line:col: message`, pushed to open pages at
// once and gone by itself when the file is fixed. The server never dies on
// bad content.
package serve

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "embed"

	"github.com/followup-tool/followup/internal/watch"
)

// The live-reload script and the overlay's styles: files of the server,
// never part of a build, so the page needs no inline script or style.
var (
	//go:embed live.js
	liveJS []byte
	//go:embed live.css
	liveCSS []byte
)

// Site is one build held in memory: output paths (slash-separated, relative)
// to their bytes.
type Site map[string][]byte

// BuildFunc builds the site at a moment. An error's text is shown in the
// overlay, one problem per line.
type BuildFunc func(now time.Time) (Site, error)

// Server holds the last good site and the state of the latest build.
type Server struct {
	build   BuildFunc
	now     func() time.Time
	changed func(watch.Batch) // told of each batch before its rebuild
	// One build at a time: the watcher's and the recording endpoint's
	// would otherwise race, and the older could be served last.
	building sync.Mutex

	mu      sync.RWMutex
	site    Site
	errText string // the latest build's problems; "" when it succeeded
	gen     int    // bumps on every build that changes what a page shows
	subs    map[chan struct{}]bool
	closing chan struct{}

	port   atomic.Int32 // the port served; 0 until Serve
	token  string       // random per process; the served page sends it back
	record RecordFunc   // nil: no recording endpoint (a public site)
}

// RecordFunc records what the served page posted (a JSON body) and
// returns the HTTP status and the JSON reply.
type RecordFunc func(body []byte) (status int, reply any)

// New makes a server; call Rebuild once before serving.
func New(build BuildFunc, now func() time.Time) *Server {
	var b [32]byte
	rand.Read(b[:])
	return &Server{build: build, now: now, site: Site{}, subs: map[chan struct{}]bool{}, closing: make(chan struct{}), token: hex.EncodeToString(b[:])}
}

// SetRecorder turns on the recording endpoint: pages get the token and
// their buttons post to f.
func (s *Server) SetRecorder(f RecordFunc) { s.record = f }

// SetChanged has f told of each batch of changes the watcher reports,
// before the rebuild it causes: a build that trusts the watcher's word
// (content.Cache.Watched) reads again only what changed.
func (s *Server) SetChanged(f func(watch.Batch)) { s.changed = f }

// Rebuild builds at the clock's moment (so the agenda moves across
// midnight while serving), keeps the last good site on failure, and tells
// open pages. It returns the build's error.
func (s *Server) Rebuild() error {
	s.building.Lock()
	defer s.building.Unlock()
	site, err := s.build(s.now())
	s.mu.Lock()
	changed := false
	if err != nil {
		text := err.Error()
		changed = text != s.errText
		s.errText = text
	} else {
		changed = s.errText != "" || !same(s.site, site)
		s.errText = ""
		s.site = site
	}
	if changed {
		s.gen++
		for c := range s.subs {
			select {
			case c <- struct{}{}:
			default:
			}
		}
	}
	s.mu.Unlock()
	return err
}

func same(a, b Site) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// Close ends every open event stream, so http.Server.Shutdown returns.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.closing:
	default:
		close(s.closing)
	}
}

const (
	eventsPath = "/_followup/events"
	recordPath = "/_followup/record"
	livePath   = "/_followup/live.js"
	cssPath    = "/_followup/live.css"
)

// csp allows the server's own script and styles and nothing else: no
// inline script, no other origin. The favicon is a data: URL.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// hostOK reports whether a request names this server: the loopback
// address and the port served. A web page whose own domain is rebound to
// 127.0.0.1 sends its domain as the Host and gets nothing (DNS
// rebinding), on every path, the event stream included.
func (s *Server) hostOK(host string) bool {
	h, p, err := net.SplitHostPort(host)
	port := s.port.Load()
	if err != nil || port == 0 || p != strconv.Itoa(int(port)) {
		return false
	}
	switch strings.ToLower(h) {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}

// ServeHTTP serves the site, the event stream, and 404 for everything
// outside the site (including any path that tries to climb out of it).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", csp)
	if !s.hostOK(r.Host) {
		http.Error(w, "followup serve answers only at its own address, http://127.0.0.1:"+strconv.Itoa(int(s.port.Load()))+"/", http.StatusMisdirectedRequest)
		return
	}
	if r.URL.Path == recordPath {
		s.recordHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case livePath, cssPath:
		b, ctype := liveJS, "text/javascript; charset=utf-8"
		if r.URL.Path == cssPath {
			b, ctype = liveCSS, "text/css; charset=utf-8"
		}
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-store")
		w.Write(b)
		return
	}
	p := r.URL.Path
	if strings.Contains(p, "..") || strings.Contains(r.URL.RawPath, "%2e") || strings.Contains(r.URL.RawPath, "%2E") ||
		strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		http.NotFound(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name == "" || strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	s.mu.RLock()
	body, ok := s.site[name]
	_, dir := s.site[path.Join(name, "index.html")]
	errText, gen := s.errText, s.gen
	s.mu.RUnlock()
	if !ok && dir {
		http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
		return
	}
	if !ok {
		if name == "favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".ics":
		ctype = "text/calendar; charset=utf-8"
	case ".html":
		ctype = "text/html; charset=utf-8"
		token := ""
		if s.record != nil {
			token = s.token
		}
		body = inject(body, gen, errText, token)
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// events streams one "reload" event per change, and the current state on
// connect, so a tab that missed an event while reconnecting still catches
// up.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // a server WriteTimeout would cut the stream
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan struct{}, 1)
	s.mu.Lock()
	s.subs[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, c)
		s.mu.Unlock()
	}()
	send := func() error {
		s.mu.RLock()
		gen, errText := s.gen, s.errText
		s.mu.RUnlock()
		msg, _ := json.Marshal(map[string]any{"gen": gen, "errors": errText})
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", msg); err != nil {
			return err
		}
		return rc.Flush()
	}
	fmt.Fprintf(w, "retry: 500\n\n")
	if send() != nil {
		return
	}
	for {
		select {
		case <-c:
			if send() != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		}
	}
}

// inject adds the live-reload script (and, after a failed build, the
// overlay) to a page. Only serve does this: build output stays as built.
// The script and the overlay's styles are files of the server, so the
// page needs no inline script or style. token, when set, is what the
// page's recording buttons send back.
func inject(page []byte, gen int, errText, token string) []byte {
	var b bytes.Buffer
	b.WriteString(`<link rel="stylesheet" href="` + cssPath + `"><script src="` + livePath + `" data-gen="` + strconv.Itoa(gen) + `"`)
	if token != "" {
		b.WriteString(` data-followup-token="` + token + `"`)
	}
	b.WriteString(`></script>`)
	if errText != "" {
		b.WriteString(`<div id="followup-errors" role="alert">` +
			`<h2>followup: the last save broke the build</h2>` +
			`<p>The site below is the last good one. Fix these and it reloads by itself:</p><pre>`)
		b.WriteString(html.EscapeString(errText))
		b.WriteString(`</pre></div>`)
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), b.Bytes()...)
	}
	out := make([]byte, 0, len(page)+b.Len())
	out = append(out, page[:i]...)
	out = append(out, b.Bytes()...)
	return append(out, page[i:]...)
}

// recordHTTP is the recording endpoint. It answers only the page this
// server served: POST, the Origin of this server, the per-process token
// the page carries, and a JSON body (a content type a cross-site form
// cannot send without asking first).
func (s *Server) recordHTTP(w http.ResponseWriter, r *http.Request) {
	if s.record == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		replyJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "POST only"})
		return
	}
	if o := r.Header.Get("Origin"); o != "http://"+r.Host {
		replyJSON(w, http.StatusForbidden, map[string]string{"error": "only the pages of this server may record"})
		return
	}
	if t := r.Header.Get("X-Followup-Token"); subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) != 1 {
		replyJSON(w, http.StatusForbidden, map[string]string{"error": "missing or wrong token: reload the page"})
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		replyJSON(w, http.StatusUnsupportedMediaType, map[string]string{"error": "want Content-Type: application/json"})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
	if err != nil {
		replyJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": "request too large"})
		return
	}
	status, reply := s.record(body)
	if status < 300 {
		// Rebuild now, so the page that reloads shows the change; the
		// watcher's rebuild after it finds nothing new.
		s.Rebuild()
	}
	replyJSON(w, status, reply)
}

func replyJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// Listen binds 127.0.0.1:port. When the port is busy and was not chosen
// explicitly, the next free ports are tried.
func Listen(port int, explicit bool) (net.Listener, error) {
	for i := 0; i < 20; i++ {
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port+i)))
		if err == nil {
			return l, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, err
		}
		if explicit {
			return nil, fmt.Errorf("port %d is busy (another followup serve?); choose another with --port", port)
		}
	}
	return nil, fmt.Errorf("ports %d to %d are busy; choose one with --port", port, port+19)
}

// Serve runs the HTTP server on l until ctx is done, then shuts down
// cleanly: event streams closed first, so Shutdown does not wait for them.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	if a, ok := l.Addr().(*net.TCPAddr); ok {
		s.port.Store(int32(a.Port))
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(s.Close)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.Close()
	sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	return nil
}

// Files returns the last good site (for tests and tools).
func (s *Server) Files() Site {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.site
}
