// Package project loads a whole search from a directory tree: the
// configuration, every application, and the draft templates, reporting
// every problem of every file together.
package project

import (
	"io/fs"

	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/draft"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/zone"
)

// Project is a loaded search.
type Project struct {
	FS     fs.FS  // the project root
	Prefix string // how messages name the root (the --source flag)
	Config followup.Config
	Apps   []*followup.Application
	Drafts *draft.Set
}

// Load reads followup.toml, content/ and layouts/drafts/ from fsys. cache
// may be nil; with one, unchanged files are not parsed again. notes may
// be nil; else, given the configuration, it says how to render each
// application's notes while its file is parsed (nil: leave them).
func Load(fsys fs.FS, prefix string, cache *content.Cache, notes func(followup.Config) content.NotesFunc) (*Project, followup.ErrorList) {
	p := &Project{FS: fsys, Prefix: prefix}
	display := config.File
	if prefix != "" && prefix != "." {
		display = prefix + "/" + config.File
	}
	cfg, errs := config.Load(fsys, config.File, display)
	p.Config = cfg
	tz := cfg.Timezone
	if _, err := zone.Load(tz); err != nil {
		tz = "UTC" // already reported by config
	}
	opt := content.Options{DefaultTZ: tz, Prefix: prefix, Cache: cache}
	if notes != nil {
		opt.Notes = notes(cfg)
	}
	apps, cerrs := content.Load(fsys, opt)
	errs = append(errs, cerrs...)
	p.Apps = apps
	set, derrs := draft.Load(fsys, prefix)
	errs = append(errs, derrs...)
	p.Drafts = set
	errs.Sort()
	return p, errs
}
