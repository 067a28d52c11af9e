package cli

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/followup-tool/followup/internal/site"

	"github.com/followup-tool/followup/internal/build"
	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/edit"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/serve"
	"github.com/followup-tool/followup/internal/watch"
	"github.com/followup-tool/followup/internal/worklog"
)

// debounce gathers one save's events (they spread under 1 ms) and a
// checkout's hundreds into one rebuild, well inside the 50 ms budget from
// save to reload.
const debounce = 10 * time.Millisecond

func runServe(env *Env, args []string) error {
	fs, c := newFlags("serve", "", env)
	port := fs.Int("port", 1313, "port on 127.0.0.1 (when busy and not given, the next free one)")
	public := fs.Bool("public", false, "serve the public build: no contacts, drafts or notes")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "port" })
	if _, err := c.moment(env); err != nil {
		return err
	}
	dir := c.dir()
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageError{fmt.Sprintf("--source %s: not a directory", c.source)}
	}
	// Each rebuild plans at its own moment, so the agenda moves across
	// midnight while serving; --now pins it.
	//
	// The moment is taken to the minute: every due moment is a whole
	// minute, and a page's data hold the moment (the agenda's buckets, the
	// footer), so a clock to the nanosecond would make every save render
	// every page again instead of only what the save changed.
	clock := func() time.Time { return env.Now().Truncate(time.Minute) }
	if c.now != "" {
		t, _ := c.moment(env)
		clock = func() time.Time { return t }
	}
	srv, w, err := newWatchedServer(env, dir, *public, clock)
	if err != nil {
		return err
	}
	defer w.Close()
	if err := srv.Rebuild(); err != nil {
		fmt.Fprintf(env.Stderr, "%v\n(serving anyway: the page shows these until they are fixed)\n", err)
	}
	l, err := serve.Listen(*port, explicit)
	if err != nil {
		return err
	}
	ctx := env.Context
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	if got := l.Addr().(*net.TCPAddr).Port; got != *port && *port != 0 {
		fmt.Fprintf(env.Stdout, "Port %d is busy; using %d instead.\n", *port, got)
	}
	fmt.Fprintf(env.Stdout, "Serving %s at http://%s/ (Ctrl-C to stop)\n", dir, l.Addr())
	logf := func(format string, args ...any) {
		fmt.Fprintf(env.Stderr, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
	}
	go srv.Watch(ctx, w, logf)
	if err := srv.Serve(ctx, l); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Stopped.")
	return nil
}

// newServer makes the in-memory server for the project in dir: each
// rebuild is build.Files with a parse cache and a page memo kept between
// rebuilds.
func newServer(env *Env, dir string, public bool, clock func() time.Time) (*serve.Server, *content.Cache, error) {
	cache := content.NewCache()
	cache.Now = time.Now // files whose times have not moved are not read again
	opt := build.Options{Dir: dir, Prefix: dir, Public: public, FeedKey: env.Getenv(build.FeedKeyEnv),
		Cache: cache, Plans: schedule.NewMemo(), Log: worklog.NewMemo(), Memo: site.NewMemo()}
	srv := serve.New(func(now time.Time) (serve.Site, error) {
		o := opt
		o.Now = now
		files, _, err := build.Files(o)
		return files, err
	}, clock)
	if !public {
		// The page's buttons record through the same code as the
		// commands; a public site has none.
		srv.SetRecorder(func(body []byte) (int, any) {
			status, reply := edit.Handle(edit.Options{Dir: dir, Now: clock()}, body)
			// The rebuild that follows comes before the watcher's word
			// on the file just written.
			cache.Rescan()
			return status, reply
		})
	}
	return srv, cache, nil
}

// newWatchedServer is newServer with the project watched, as `serve`
// runs it; call srv.Watch(ctx, w, …) to rebuild on changes. The watcher
// starts before the first build, so a save made during it is one the
// watcher reports, never one it missed. The cache then takes the
// watcher's word on what changed in content/: a save costs the read of
// the files it touched, not a stat of every file. When the watcher lost
// events, every file is checked again.
func newWatchedServer(env *Env, dir string, public bool, clock func() time.Time) (*serve.Server, *watch.Watcher, error) {
	w, err := newWatcher(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	srv, cache, err := newServer(env, dir, public, clock)
	if err != nil {
		w.Close()
		return nil, nil, err
	}
	watched(srv, cache, dir)
	return srv, w, nil
}

func watched(srv *serve.Server, cache *content.Cache, dir string) {
	cache.Watched()
	srv.SetChanged(func(b watch.Batch) {
		if b.Overflow {
			cache.Rescan()
		}
		for _, p := range b.Paths {
			rel, err := filepath.Rel(dir, p)
			if err != nil || !filepath.IsLocal(rel) {
				cache.Rescan() // not under the project: no guess what it is
				continue
			}
			cache.Changed(filepath.ToSlash(rel))
		}
	})
}

// newWatcher watches what a build reads: content/ and layouts/ (recursively)
// and followup.toml.
func newWatcher(dir string) (*watch.Watcher, error) {
	return watch.New([]string{filepath.Join(dir, content.Dir), filepath.Join(dir, "layouts")},
		[]string{filepath.Join(dir, config.File)}, debounce)
}
