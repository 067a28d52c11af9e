// Package build makes the site on disk: it loads the project, plans it at
// a moment, renders every file and writes them to the output directory
// (public/ unless followup.toml says otherwise) in one swap.
//
// The swap is what makes a build safe to run at any time: the new site is
// written beside the old one (public.tmp-…, in the same parent, so the
// rename stays on one file system) and exchanged with it only when every
// file is written. A failed build (bad content, a broken layout, a full
// disk, kill -9 halfway) leaves the last good public/ as it was, and the
// next build removes what a killed one left behind. On Linux the exchange
// is a single renameat2(RENAME_EXCHANGE); elsewhere it is two renames,
// and a build killed between them is repaired by the next one.
//
// Render is the in-memory half (no disk), for `serve` and for tests;
// Write is the disk half, for anything that produces files through an
// Emit callback.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/project"
	"github.com/followup-tool/followup/internal/redact"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/site"
)

// FeedKeyEnv is the environment variable that supplies the feed key.
const FeedKeyEnv = "FOLLOWUP_FEED_KEY"

// ErrNoFeedKey is a public build without a feed key: the public feed's
// file name is derived from the key, so without one there is no name
// that cannot be guessed.
var ErrNoFeedKey = errors.New("a public build needs a feed key, which makes the feed's file name unguessable: " +
	"set feed_key in followup.toml or the " + FeedKeyEnv + " environment variable " +
	"to a random string, e.g. the output of `openssl rand -hex 16`")

// ErrShortFeedKey is a public build with a feed key under
// followup.MinFeedKey characters: short keys can be guessed.
var ErrShortFeedKey = fmt.Errorf("the feed key is shorter than %d characters, so the public feed's address could be guessed: "+
	"use a random string, e.g. the output of `openssl rand -hex 16`", followup.MinFeedKey)

// Options says what to build.
type Options struct {
	Dir     string    // the project directory
	Prefix  string    // how messages name the project directory ("" for none)
	Now     time.Time // the moment of the build
	Public  bool      // a public build, whatever followup.toml says
	FeedKey string    // when set, replaces feed_key (from FOLLOWUP_FEED_KEY)

	// For `serve`, which builds again and again: files whose bytes did
	// not change are not parsed again (Cache), and pages and feeds whose
	// inputs did not change are not rendered again (Memo). Both may be nil.
	Cache *content.Cache
	Memo  *site.Memo
}

// Result is what a build did.
type Result struct {
	Out     string // the output directory
	Files   int    // files written
	Project *project.Project
	Config  followup.Config // the configuration the site was built with
	Plan    *schedule.Result
}

// Configure applies the command line's choices over followup.toml.
func Configure(cfg followup.Config, opt Options) (followup.Config, error) {
	if opt.Public {
		cfg.Public = true
	}
	if opt.FeedKey != "" {
		cfg.FeedKey = opt.FeedKey
	}
	if cfg.Public && strings.TrimSpace(cfg.FeedKey) == "" {
		return cfg, ErrNoFeedKey
	}
	if cfg.Public && len(strings.TrimSpace(cfg.FeedKey)) < followup.MinFeedKey {
		return cfg, ErrShortFeedKey
	}
	return cfg, nil
}

// Build loads the project in opt.Dir, plans it at opt.Now, and replaces
// its output directory with the new site. Content problems come back as
// a followup.ErrorList.
func Build(opt Options) (*Result, error) {
	out, private, err := peek(opt)
	if err != nil {
		// Content problems come first, with followup.toml's own.
		if _, perr := prepare(opt); perr != nil {
			return nil, perr
		}
		return nil, err
	}
	// The content is loaded and planned inside the fill, so that the
	// back buffer is claimed and listed at the same time.
	var res *Result
	// The pages' and feeds' buffers go back to the pool once on disk.
	bufs := site.NewBuffers()
	n, err := writeSite(out, private, func(emit site.Emit) error {
		var err error
		if res, err = prepare(opt); err != nil {
			return err
		}
		return render(res.Project, res.Config, res.Plan, nil, bufs, emit)
	}, bufs.Return)
	if err != nil {
		return nil, err
	}
	res.Out, res.Files = out, n
	return res, nil
}

// peek reads where the site goes and whether it is private from
// followup.toml alone, before the content is loaded.
func peek(opt Options) (out string, private bool, err error) {
	cfg, errs := config.Load(os.DirFS(opt.Dir), config.File, config.File)
	if len(errs) > 0 {
		return "", false, errs.Err()
	}
	if cfg, err = Configure(cfg, opt); err != nil {
		return "", false, err
	}
	if out, err = outputDir(opt.Dir, cfg.Output); err != nil {
		return "", false, err
	}
	return out, !cfg.Public, nil
}

// Files builds the site in memory, for `serve`: the files Build would
// write (without the marker), by slash-separated path.
func Files(opt Options) (map[string][]byte, error) {
	res, err := prepare(opt)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	if opt.Memo != nil {
		opt.Memo.Gen = generation(res.Project.FS, res.Config)
	}
	err = Render(res.Project, res.Config, res.Plan, opt.Memo, func(name string, data []byte) error {
		if _, dup := files[name]; dup {
			return fmt.Errorf("build: two outputs named %s", name)
		}
		files[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// prepare loads and plans the project.
func prepare(opt Options) (*Result, error) {
	// A private build's pages show the notes: they are rendered while
	// the files are parsed. A public build never renders them.
	notes := func(cfg followup.Config) content.NotesFunc {
		if c, err := Configure(cfg, opt); err == nil && !c.Public {
			return site.RenderNotes
		}
		return nil
	}
	p, errs := project.Load(os.DirFS(opt.Dir), opt.Prefix, opt.Cache, notes)
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	cfg, err := Configure(p.Config, opt)
	if err != nil {
		return nil, err
	}
	if cfg.Public {
		// The public view, before anything is planned or rendered from
		// it: what a public build may publish, and nothing else.
		p.Apps = redact.Public(p.Apps, cfg.PublicNames)
		cfg = redact.Config(cfg)
	}
	return &Result{Project: p, Config: cfg, Plan: schedule.Plan(p.Apps, cfg.Policy, opt.Now)}, nil
}

// Render produces every file of the site through emit, without touching
// the disk: the pages, the stylesheet, the script and the calendar
// feeds (each application's beside its page, made in the same parallel
// pass; the whole search's at the end).
func Render(p *project.Project, cfg followup.Config, plan *schedule.Result, memo *site.Memo, emit site.Emit) error {
	return render(p, cfg, plan, memo, nil, emit)
}

// render is Render, with application pages and feeds written into
// buffers lent by bufs when it is not nil (emit must then give them back).
func render(p *project.Project, cfg followup.Config, plan *schedule.Result, memo *site.Memo, bufs *site.Buffers, emit site.Emit) error {
	perApp, root := feeds(p, cfg, plan, memo, bufs)
	err := site.Render(site.Input{
		Buffers: bufs,
		Memo:    memo,
		Config:  cfg,
		Apps:    p.Apps,
		Plan:    plan,
		Drafts:  p.Drafts,
		FS:      p.FS,
		Prefix:  p.Prefix,
		PerApp:  perApp,
	}, emit)
	r := <-root // made beside the pages
	if err != nil {
		return err
	}
	if r.err != nil {
		return r.err
	}
	return emit(r.Name, r.Data)
}

// outputDir resolves the configured output inside the project and refuses
// the places a build must never replace: the project itself, content/,
// layouts/ and .git.
func outputDir(dir, output string) (string, error) {
	o := filepath.Clean(filepath.FromSlash(output))
	first := strings.Split(filepath.ToSlash(o), "/")[0]
	switch {
	case filepath.IsAbs(o), o == ".", first == "..":
		return "", fmt.Errorf("output %q: want a directory inside the project, such as public", output)
	case first == "content", first == "layouts", first == ".git", first == ".github":
		return "", fmt.Errorf("output %q: that directory holds the project's own files; choose another, such as public", output)
	}
	return filepath.Join(dir, o), nil
}

// generation sums up what every page depends on: the configuration and
// every file under layouts/ (pages, stylesheet, draft templates). When it
// changes, a memo renders every page again.
func generation(fsys fs.FS, cfg followup.Config) string {
	h := sha256.New()
	fmt.Fprintf(h, "%#v\n", cfg)
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
