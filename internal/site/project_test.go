package site

import (
	"io/fs"

	"github.com/followup-tool/followup/internal/calendar"
	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/draft"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/layouts"
)

// project is a loaded search, as build loads it (build imports site, so
// site's tests load it themselves).
type project struct {
	FS     fs.FS
	Config followup.Config
	Apps   []*followup.Application
	Theme  *layouts.Theme
	Drafts *draft.Set
}

func loadProject(fsys fs.FS) (*project, followup.ErrorList) {
	p := &project{FS: fsys, Theme: layouts.New(fsys, "")}
	cfg, errs := config.Load(fsys, config.File, config.File)
	p.Config = cfg
	apps, cerrs := content.Load(fsys, content.Options{DefaultTZ: cfg.Timezone})
	p.Apps = apps
	set, derrs := draft.Load(p.Theme)
	p.Drafts = set
	errs = append(append(errs, cerrs...), derrs...)
	errs.Sort()
	return p, errs
}

// feedNames are the feeds' names as build gives them.
func feedNames(cfg followup.Config) FeedNames {
	n := FeedNames{Local: calendar.FeedName(cfg.Public, cfg.FeedKey)}
	if !cfg.Public && cfg.BaseURL != "" && cfg.FeedKey != "" {
		n.Published = calendar.FeedName(true, cfg.FeedKey)
	}
	return n
}

// renderSite renders every page of the site, in build's order, without
// the calendar feeds.
func renderSite(in Input, emit func(name string, data []byte) error) error {
	if in.Feeds.Local == "" {
		in.Feeds = feedNames(in.Config)
	}
	s, err := New(in)
	if err != nil {
		return err
	}
	if err := emit("style.css", s.Style()); err != nil {
		return err
	}
	if err := emit("site.js", s.Script()); err != nil {
		return err
	}
	for _, a := range s.Apps() {
		b, err := s.Page(a)
		if err != nil {
			return err
		}
		if err := emit(PageName(a.Slug), b); err != nil {
			return err
		}
	}
	b, err := s.Index()
	if err != nil {
		return err
	}
	if err := emit("index.html", b); err != nil {
		return err
	}
	if b, err = s.Closed(); err != nil || b == nil {
		return err
	}
	return emit("closed.html", b)
}
