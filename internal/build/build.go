// Package build is the pipeline every command runs: load the project
// (followup.toml, content/, the theme), plan it at a moment, and render
// every file of the site, each application's page and calendar feed on
// every core, in a fixed order. What happens to the files is the
// caller's choice:
//
//   - Build hands them to publish, which replaces the output directory;
//   - Check renders the same files into nothing, so whatever Build would
//     reject (a broken layout, an output path two applications share, a
//     draft template that fails) Check reports first, positioned;
//   - Files keeps them in memory, for `serve`.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/draft"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/publish"
	"github.com/followup-tool/followup/internal/redact"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/site"
	"github.com/followup-tool/followup/internal/worklog"
	"github.com/followup-tool/followup/internal/zone"
	"github.com/followup-tool/followup/layouts"
)

// FeedKeyEnv is the environment variable that supplies the feed key.
const FeedKeyEnv = "FOLLOWUP_FEED_KEY"

// ErrNoFeedKey is a public build without a feed key: the public feed's
// file name is derived from the key, so without one there is no name
// that cannot be guessed.
var ErrNoFeedKey = errors.New("a public build needs a feed key, which makes the feed's file name unguessable: " +
	"set feed_key in followup.toml or the " + FeedKeyEnv + " environment variable " +
	"to a random string, e.g. the output of `openssl rand -hex 16`")

// Options says what to build.
type Options struct {
	Dir    string    // the project directory
	FS     fs.FS     // the project's files; nil: os.DirFS(Dir)
	Prefix string    // how messages name the project directory ("" for none)
	Now    time.Time // the moment of the build
	// Day, when set, is the build's day instead: Now is then its first
	// moment in the site's zone, which the configuration, read once
	// with the rest of the project, gives (--now 2026-11-21).
	Day     followup.Date
	Public  bool   // a public build, whatever followup.toml says
	FeedKey string // when set, replaces feed_key (from FOLLOWUP_FEED_KEY)

	// For `serve`, which builds again and again: files whose bytes did
	// not change are not parsed again (Cache), applications whose file
	// and circumstances did not change are not planned again (Plans), nor
	// their activities listed again for the work-search log (Log), and
	// pages and feeds whose data did not change are not rendered again
	// (Memo). Each may be nil.
	Cache *content.Cache
	Plans *schedule.Memo
	Log   *worklog.Memo
	Memo  *site.Memo
}

// Project is a loaded search.
type Project struct {
	FS     fs.FS  // the project root
	Prefix string // how messages name the root (the --source flag)
	Config followup.Config
	Apps   []*followup.Application
	Theme  *layouts.Theme
	Drafts *draft.Set
	// Warnings are likely mistakes in followup.toml: they never stop a
	// build (those of each file are on its application).
	Warnings followup.ErrorList
}

// Result is what a build did.
type Result struct {
	Out     string // the output directory (Build only)
	Files   int    // files written, or that would be
	Project *Project
	Config  followup.Config // the configuration the site was built with
	Plan    *schedule.Result
}

// loadProject reads followup.toml, content/ and the theme from fsys,
// reporting every problem of every file together. cache may be nil.
func loadProject(fsys fs.FS, prefix string, cache *content.Cache) (*Project, followup.ErrorList) {
	p := &Project{FS: fsys, Prefix: prefix, Theme: layouts.New(fsys, prefix)}
	display := config.File
	if prefix != "" && prefix != "." {
		display = strings.TrimSuffix(prefix, "/") + "/" + config.File
	}
	cfg, cerrs0 := config.Load(fsys, config.File, display)
	var errs followup.ErrorList
	for _, e := range cerrs0 {
		if e.Warning {
			p.Warnings = append(p.Warnings, e)
		} else {
			errs = append(errs, e)
		}
	}
	p.Config = cfg
	tz := cfg.Timezone
	if _, err := zone.Load(tz); err != nil {
		tz = "UTC" // already reported by config
	}
	apps, cerrs := content.Load(fsys, content.Options{DefaultTZ: tz, Prefix: prefix, Cache: cache})
	errs = append(errs, cerrs...)
	p.Apps = apps
	set, derrs := draft.Load(p.Theme)
	errs = append(errs, derrs...)
	p.Drafts = set
	errs.Sort()
	return p, errs
}

// ErrShortFeedKey is a public build with a feed key under
// followup.MinFeedKey characters: short keys can be guessed.
var ErrShortFeedKey = fmt.Errorf("the feed key is shorter than %d characters, so the public feed's address could be guessed: "+
	"use a random string, e.g. the output of `openssl rand -hex 16`", followup.MinFeedKey)

// Plan loads the project and plans it at opt.Now: what `agenda` needs.
// Content problems come back as a followup.ErrorList.
func Plan(opt Options) (*Result, error) { return plan(opt, false) }

// plan is Plan; for a public build that renders (view), planned from the
// public view of the applications (package redact), so that nothing the
// public build may not publish reaches the schedule, the pages or the
// feeds. The agenda, for the user alone, plans what was written.
func plan(opt Options, view bool) (*Result, error) {
	res, err := load(opt, view)
	if err != nil {
		return nil, err
	}
	res.schedule(opt)
	return res, nil
}

// load is plan without the planning: everything that can fail.
func load(opt Options, view bool) (*Result, error) {
	fsys := opt.FS
	if fsys == nil {
		fsys = os.DirFS(opt.Dir)
	}
	p, errs := loadProject(fsys, opt.Prefix, opt.Cache)
	if len(errs) > 0 {
		// Every problem at once: the other files' warnings too.
		return nil, append(errs, warnings(p.Apps)...).Err()
	}
	cfg := p.Config
	if opt.Public {
		cfg.Public = true
	}
	if opt.FeedKey != "" {
		cfg.FeedKey = opt.FeedKey
	}
	if cfg.Public && strings.TrimSpace(cfg.FeedKey) == "" {
		return nil, ErrNoFeedKey
	}
	if cfg.Public && len(strings.TrimSpace(cfg.FeedKey)) < followup.MinFeedKey {
		return nil, ErrShortFeedKey
	}
	if view && cfg.Public {
		p.Apps = redact.Public(p.Apps, cfg.PublicNames)
		cfg = redact.Config(cfg)
	}
	return &Result{Project: p, Config: cfg}, nil
}

// schedule plans a loaded project at opt.Now (or the start of opt.Day).
func (res *Result) schedule(opt Options) {
	now := opt.Now
	if !opt.Day.IsZero() {
		now = opt.Day.In(zone.Or(res.Config.Timezone))
	}
	res.Plan = opt.Plans.Plan(res.Project.Apps, res.Config.Policy, now)
}

// Check does everything Build does but write: it renders every file and
// checks every output path, and returns what Build would reject.
func Check(opt Options) (*Result, error) {
	res, err := plan(opt, true)
	if err != nil {
		return nil, err
	}
	if opt.Dir != "" {
		// Where the site would go: followup.toml's reader checked the
		// name, this follows its symbolic links as Build does.
		if _, err := publish.Resolve(opt.Dir, res.Config.Output); err != nil {
			return nil, err
		}
	}
	n := 0
	err = render(res, opt, func(string, []byte) error { n++; return nil })
	if err != nil {
		return nil, err
	}
	res.Files = n
	return res, nil
}

// Build renders the site and replaces the output directory with it.
//
// Once the project is loaded (and nothing can be wrong with its
// content), it is planned and the site prepared while publish claims its
// staging directory beside the output and lists what is in it: two
// things done one after the other on one core, side by side on two.
func Build(opt Options) (*Result, error) {
	res, err := load(opt, true)
	if err != nil {
		return nil, err
	}
	out, err := publish.Resolve(opt.Dir, res.Config.Output)
	if err != nil {
		return nil, err
	}
	type ready struct {
		s   *prepared
		err error
	}
	c := make(chan ready, 1)
	go func() {
		res.schedule(opt)
		s, err := prepare(res, opt)
		c <- ready{s, err}
	}()
	n, err := publish.Write(out, !res.Config.Public, func(emit publish.Emit) error {
		r := <-c
		if r.err != nil {
			return r.err
		}
		return r.s.render(emit)
	})
	if err != nil {
		return nil, err
	}
	res.Out, res.Files = out, n
	return res, nil
}

// Files builds the site in memory, for `serve`: the files Build would
// write (without the marker), by slash-separated path.
func Files(opt Options) (map[string][]byte, *Result, error) {
	res, err := plan(opt, true)
	if err != nil {
		return nil, nil, err
	}
	opt.Memo.Generation(generation(res))
	files := map[string][]byte{}
	err = render(res, opt, func(name string, data []byte) error {
		if _, dup := files[name]; dup {
			return fmt.Errorf("build: two outputs named %s", name)
		}
		files[name] = data
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return files, res, nil
}

// warnings lists the warnings of apps (followup.Error.Warning), sorted:
// check prints them, and they never change the exit status.
func warnings(apps []*followup.Application) followup.ErrorList {
	var w followup.ErrorList
	for _, a := range apps {
		w = append(w, a.Warnings...)
	}
	w.Sort()
	return w
}
