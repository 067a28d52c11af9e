package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sync"

	"github.com/followup-tool/followup/internal/calendar"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/publish"
	"github.com/followup-tool/followup/internal/site"
	"github.com/followup-tool/followup/internal/worklog"
)

// render produces every file of the site through emit, in a fixed order:
// style.css, site.js, each application's page and feed in slug order,
// index.html, closed.html (big searches), the whole search's feed and, in
// a private build, worklog.html. The
// applications are rendered on every core; the output does not depend on
// how the goroutines are scheduled.
func render(res *Result, opt Options, emit publish.Emit) error {
	s, err := prepare(res, opt)
	if err != nil {
		return err
	}
	return s.render(emit)
}

// prepared is a planned site ready to be written: the layouts parsed, the
// action views made, and the output paths checked. memo and log are the
// memos of `serve` (Options), nil in a build.
type prepared struct {
	res      *Result
	memo     *site.Memo
	log      *worklog.Memo
	site     *site.Site
	feeds    *feeds
	feedName string
}

func prepare(res *Result, opt Options) (*prepared, error) {
	cfg, plan := res.Config, res.Plan
	feedName := calendar.FeedName(cfg.Public, cfg.FeedKey)
	names := site.FeedNames{Local: feedName}
	if !cfg.Public && cfg.BaseURL != "" && cfg.FeedKey != "" {
		names.Published = calendar.FeedName(true, cfg.FeedKey)
	}
	s, err := site.New(site.Input{
		Config: cfg,
		Apps:   res.Project.Apps,
		Plan:   plan,
		Drafts: res.Project.Drafts,
		Theme:  res.Project.Theme,
		Feeds:  names,
		Memo:   opt.Memo,
	})
	if err != nil {
		return nil, err
	}
	if errs := checkOutputs(s.Apps(), feedName); len(errs) > 0 {
		return nil, errs.Err()
	}
	return &prepared{res: res, memo: opt.Memo, log: opt.Log, site: s, feeds: newFeeds(res, feedName), feedName: feedName}, nil
}

func (p *prepared) render(emit publish.Emit) error {
	res, memo, s, f, feedName := p.res, p.memo, p.site, p.feeds, p.feedName
	apps := s.Apps()
	if err := emit("style.css", s.Style()); err != nil {
		return err
	}
	if err := emit("site.js", s.Script()); err != nil {
		return err
	}
	type out struct {
		page []byte
		feed *calendar.Feed
	}
	// What of each application's feed the whole search's is joined from.
	events := make([]*calendar.Feed, 0, len(apps))
	err := each(len(apps), func(i int) (out, error) {
		a := apps[i]
		page, err := s.Page(a)
		if err != nil {
			return out{}, err
		}
		feed, err := f.app(a, memo)
		return out{page, feed}, err
	}, func(i int, o out) error {
		slug := apps[i].Slug
		events = append(events, o.feed.Events())
		if err := emit(site.PageName(slug), o.page); err != nil {
			return err
		}
		return emit(path.Join(slug, feedName), o.feed.Bytes())
	})
	if err != nil {
		return err
	}
	// The index, closed.html, the whole search's feed and the work-search
	// log are each one big file made from the whole search: they are made
	// side by side once the pages are out, so a big search never holds
	// them and a window of pages at once.
	type file struct {
		data []byte
		err  error
	}
	var index, closed, all, log file
	var wg sync.WaitGroup
	wg.Add(4)
	go func() { defer wg.Done(); index.data, index.err = s.Index() }()
	go func() { defer wg.Done(); closed.data, closed.err = s.Closed() }()
	go func() { defer wg.Done(); all.data, all.err = f.all(events) }()
	go func() { defer wg.Done(); log.data, log.err = worklogPage(res, memo, p.log) }()
	wg.Wait()
	for _, x := range []struct {
		name string
		file
	}{{"index.html", index}, {"closed.html", closed}, {feedName, all}, {worklogFile, log}} {
		if x.err != nil {
			return x.err
		}
		if x.data == nil && x.name != "index.html" {
			continue // closed.html: a small search's index shows all; worklog.html: a private build's only
		}
		if err := emit(x.name, x.data); err != nil {
			return err
		}
	}
	return nil
}

// feeds writes the calendar feeds. A public build names them after the
// feed key (calendar.FeedName), so they cannot be guessed, and leaves
// drafts, emails and phone numbers out of them.
type feeds struct {
	res   *Result
	opt   calendar.Options
	draft calendar.DraftFunc
	acts  map[string][]followup.Action    // by slug
	ivs   map[string][]followup.Interview // by slug
}

func newFeeds(res *Result, name string) *feeds {
	cfg, plan := res.Config, res.Plan
	f := &feeds{
		res: res,
		opt: calendar.Options{
			Name:    cfg.Title,
			Domain:  feedDomain(cfg),
			BaseURL: cfg.BaseURL,
			Stamp:   plan.Now,
			Public:  cfg.Public,
			Zone:    cfg.Timezone,
		},
		acts: map[string][]followup.Action{},
		ivs:  map[string][]followup.Interview{},
	}
	if !cfg.Public {
		f.draft = func(a *followup.Action) (string, string, error) {
			d, err := res.Project.Drafts.Render(a, plan.Status[a.App.Slug].Stage, cfg.Owner)
			return d.Subject, d.Body, err
		}
	}
	for _, a := range plan.Actions {
		f.acts[a.App.Slug] = append(f.acts[a.App.Slug], a)
	}
	for _, iv := range plan.Interviews {
		f.ivs[iv.App.Slug] = append(f.ivs[iv.App.Slug], iv)
	}
	return f
}

// app is an application's own feed. With a memo, a feed whose data (the
// application as parsed, its actions and interviews, and their stages)
// are those of last time is not made again.
func (f *feeds) app(a *followup.Application, memo *site.Memo) (*calendar.Feed, error) {
	o := f.opt
	o.Name = f.res.Config.Title + ": " + a.Company
	acts, ivs := f.acts[a.Slug], f.ivs[a.Slug]
	name := path.Join(a.Slug, "calendar")
	var data any
	if memo != nil {
		data = feedData{Opt: o, App: a, Acts: acts, Ivs: ivs, Stages: f.stages(acts)}
		if v, ok := memo.Get(name, data); ok {
			return v.(*calendar.Feed), nil
		}
	}
	feed, err := calendar.Make(o, acts, ivs, f.draft)
	if err == nil {
		memo.Put(name, data, feed)
	}
	return feed, err
}

// feedData is what an application's feed is made from, besides the
// memo's generation.
type feedData struct {
	Opt    calendar.Options
	App    *followup.Application
	Acts   []followup.Action
	Ivs    []followup.Interview
	Stages []followup.Stage
}

func (f *feeds) stages(acts []followup.Action) []followup.Stage {
	out := make([]followup.Stage, len(acts))
	for i, a := range acts {
		if st := f.res.Plan.Status[a.App.Slug]; st != nil {
			out[i] = st.Stage
		}
	}
	return out
}

// all is the whole search's feed, joined from the events of its
// applications' feeds (calendar.Join): it holds exactly their events, so
// they are not made a second time.
func (f *feeds) all(events []*calendar.Feed) ([]byte, error) {
	feed, err := calendar.Join(f.opt, events)
	if err != nil {
		return nil, err
	}
	return feed.Bytes(), nil
}

// feedDomain names the owner of the UIDs: the configured domain, else the
// host the site is published at.
func feedDomain(cfg followup.Config) string {
	if cfg.Domain != "" {
		return cfg.Domain
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return ""
}

// generation sums up what the data of a page or feed does not show: the
// configuration and every file of the project's layouts/. When it
// changes, a memo renders everything again.
func generation(res *Result) string {
	h := sha256.New()
	fmt.Fprintf(h, "%#v\n", res.Config)
	fsys := res.Project.FS
	fs.WalkDir(fsys, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(fsys, p)
			fmt.Fprintf(h, "%s %d\n", p, len(b))
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

// each computes work(i) for i in [0, n) on every core and calls use(i,
// result) in order of i, from the calling goroutine, holding at most a
// small window of results: the site is never all in memory. It stops at
// the first error, from work or use.
func each[T any](n int, work func(i int) (T, error), use func(i int, v T) error) error {
	workers := runtime.GOMAXPROCS(0)
	type result struct {
		v   T
		err error
	}
	slots := make(chan chan result, 4*workers) // in input order; bounded
	jobs := make(chan func())
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j()
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(slots)
		for i := range n {
			c := make(chan result, 1)
			select {
			case slots <- c:
			case <-stop:
				return
			}
			select {
			case jobs <- func() { v, err := work(i); c <- result{v, err} }:
			case <-stop:
				return
			}
		}
	}()
	var first error
	i := 0
	for c := range slots {
		if first != nil {
			continue // drain: a slot queued after the stop may never get its job
		}
		r := <-c
		if r.err != nil {
			first = r.err
		} else if err := use(i, r.v); err != nil {
			first = err
		}
		if first != nil {
			close(stop)
		}
		i++
	}
	wg.Wait()
	return first
}
