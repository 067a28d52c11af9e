package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/followup-tool/followup/internal/serve"
)

// TestServeReloadsTheOpenPage: in Debian's Chromium, the page that is open
// reloads by itself after a save, through the Server-Sent Events stream.
func TestServeReloadsTheOpenPage(t *testing.T) {
	path := chromium(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "followup.toml"), "timezone = \"America/New_York\"\n")
	writeFile(t, filepath.Join(dir, "content", "acme.md"), strings.Replace(appFile, "%s", "Acme", 1))
	addr, bctx := serveInBrowser(t, path, dir, time.Now)
	if err := chromedp.Do(bctx, chromedp.Navigate("http://"+addr+"/acme/")); err != nil {
		t.Fatal(err)
	}
	title := func() string {
		v, err := chromedp.Run(bctx, chromedp.Evaluate[string]("document.querySelector('h1') ? document.querySelector('h1').textContent : ''"))
		if err != nil {
			return "" // the page may be reloading under us
		}
		return v
	}
	if got := title(); !strings.Contains(got, "Acme") {
		t.Fatalf("page title %q", got)
	}
	// No wait for the page's EventSource to connect: a stream that opens
	// after the save gets the new build's generation at once and reloads.
	writeFile(t, filepath.Join(dir, "content", "acme.md"), strings.Replace(appFile, "%s", "Acme Reloaded", 1))
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(title(), "Acme Reloaded") {
		if time.Now().After(deadline) {
			t.Fatalf("the open page did not reload: title %q", title())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// serveInBrowser serves the project in dir over a real socket, watching
// it as `followup serve` does, and opens a Chromium context with a
// minute's deadline; everything stops when the test ends.
func serveInBrowser(t *testing.T, path, dir string, clock func() time.Time) (addr string, bctx context.Context) {
	t.Helper()
	env := &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	srv, w, err := newWatchedServer(env, dir, false, clock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	l, err := serve.Listen(0, true)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	go srv.Serve(ctx, l)
	go srv.Watch(ctx, w, func(string, ...any) {})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	bctx, cancelT := context.WithTimeout(bctx, 60*time.Second)
	t.Cleanup(cancelT)
	return l.Addr().String(), bctx
}

// chromium is the browser the tests drive: Debian's, or FOLLOWUP_CHROMIUM.
// Without it the test is skipped, or fails under CI; -short skips it.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the browser suite runs without it")
	}
	path := "/usr/bin/chromium"
	if p := os.Getenv("FOLLOWUP_CHROMIUM"); p != "" {
		path = p
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs Chromium at %s (apt-get install chromium)", path)
		}
		t.Skipf("no Chromium at %s (apt-get install chromium, or set FOLLOWUP_CHROMIUM)", path)
	}
	return path
}
