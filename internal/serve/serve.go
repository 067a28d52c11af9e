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
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Site is one build held in memory: output paths (slash-separated, relative)
// to their bytes.
type Site map[string][]byte

// BuildFunc builds the site at a moment. An error's text is shown in the
// overlay, one problem per line.
type BuildFunc func(now time.Time) (Site, error)

// Server holds the last good site and the state of the latest build.
type Server struct {
	build BuildFunc
	now   func() time.Time

	mu      sync.RWMutex
	site    Site
	errText string // the latest build's problems; "" when it succeeded
	gen     int    // bumps on every build that changes what a page shows
	subs    map[chan struct{}]bool
	closing chan struct{}
}

// New makes a server; call Rebuild once before serving.
func New(build BuildFunc, now func() time.Time) *Server {
	return &Server{build: build, now: now, site: Site{}, subs: map[chan struct{}]bool{}, closing: make(chan struct{})}
}

// Rebuild builds at the clock's moment (so the agenda moves across
// midnight while serving), keeps the last good site on failure, and tells
// open pages. It returns the build's error.
func (s *Server) Rebuild() error {
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

const eventsPath = "/_followup/events"

// ServeHTTP serves the site, the event stream, and 404 for everything
// outside the site (including any path that tries to climb out of it).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == eventsPath {
		s.events(w, r)
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
		body = inject(body, gen, errText)
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
func inject(page []byte, gen int, errText string) []byte {
	var b bytes.Buffer
	b.WriteString(`<script>(function(){var gen=` + strconv.Itoa(gen) + `;var es=new EventSource("/_followup/events");` +
		`es.addEventListener("state",function(e){var s=JSON.parse(e.data);if(s.gen!==gen){location.reload();}});})();</script>`)
	if errText != "" {
		b.WriteString(`<div id="followup-errors" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;` +
			`background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem">` +
			`<h2 style="color:#ff8a80;margin-top:0;font-family:system-ui,sans-serif">followup: the last save broke the build</h2>` +
			`<p style="font-family:system-ui,sans-serif">The site below is the last good one. Fix these and it reloads by itself:</p><pre style="white-space:pre-wrap">`)
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
