package site

// Browser tests: the built site in a real Chromium (Debian's
// /usr/bin/chromium) driven by chromedp. chromedp's API changes often
//, so every use of it goes through the helpers at
// the top of this file.

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserCtx is the package's one browser; nil when there is none.
var (
	browserCtx  context.Context
	browserSkip string
)

func chromiumPath() string {
	for _, p := range []string{os.Getenv("FOLLOWUP_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// runBrowserTests starts one Chromium for the package's tests, runs them
// and stops it.
func runBrowserTests(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		return m.Run() // newTab skips
	}
	path := chromiumPath()
	if path == "" {
		browserSkip = "no Chromium at /usr/bin/chromium (apt-get install chromium, or set FOLLOWUP_CHROMIUM)"
		return m.Run()
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		browserSkip = fmt.Sprintf("Chromium at %s does not start: %v", path, err)
		return m.Run()
	}
	browserCtx = ctx
	return m.Run()
}

// tab is a fresh tab of the package's browser, with the page's console
// collected. Without a browser the test is skipped, or fails on CI.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

func newTab(t *testing.T) *tab {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the browser suite runs without it")
	}
	if browserCtx == nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set and the browser tests cannot run: %s", browserSkip)
		}
		t.Skip(browserSkip)
	}
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	tb := &tab{t: t, ctx: ctx}
	if err := chromedp.Listen(ctx, tb.listen); err != nil {
		t.Fatal(err)
	}
	// The page believes it has the focus, as a person's window would: the
	// clipboard API refuses an unfocused document.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return tb
}

func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			tb.problems = append(tb.problems, fmt.Sprintf("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

// consoleProblems is every error and warning the tab saw so far.
func (tb *tab) consoleProblems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.problems...)
}

// beforeLoad runs js in every document of the tab before its own scripts.
func (tb *tab) beforeLoad(js string) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js}); err != nil {
		tb.t.Fatal(err)
	}
}

func (tb *tab) open(url string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		tb.t.Fatalf("opening %s: %v", url, err)
	}
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// eval evaluates js in the page, awaiting a promise, into T.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// screenshot writes the whole page at width as PNGs of at most 1600
// pixels' height each: path, then path-2.png, path-3.png, …
func (tb *tab) screenshot(width int64, path string) {
	tb.t.Helper()
	tb.do(chromedp.EmulateViewport(width, 900))
	height := eval[float64](tb, `document.documentElement.scrollHeight`)
	const part = 1600.0
	for i, y := 0, 0.0; y < height; i, y = i+1, y+part {
		h := min(part, height-y)
		r, err := chromedp.Call(tb.ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatPng,
			Clip:                  &page.Viewport{X: 0, Y: y, Width: float64(width), Height: h, Scale: 1},
			CaptureBeyondViewport: new(true),
			FromSurface:           new(true),
		})
		if err != nil {
			tb.t.Fatal(err)
		}
		name := path
		if i > 0 {
			name = strings.TrimSuffix(path, ".png") + fmt.Sprintf("-%d.png", i+1)
		}
		if err := os.WriteFile(name, r.Data, 0o644); err != nil {
			tb.t.Fatal(err)
		}
	}
}

// writeSite writes a rendered site into a new directory and returns it.
func writeSite(t *testing.T, site map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range site {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// serveUnder serves dir at a subpath of a local server, as a project page
// is served (https://user.github.io/project/).
func serveUnder(t *testing.T, dir, prefix string) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}
