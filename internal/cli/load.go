package cli

import (
	"fmt"
	"os"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/gctune"
	"github.com/followup-tool/followup/internal/project"
	"github.com/followup-tool/followup/internal/schedule"
)

// loaded is a project with its plan.
type loaded struct {
	*project.Project
	Plan *schedule.Result
}

// load reads the project at c.source and plans it at --now. Content
// problems are printed to stderr and returned as contentError.
func load(env *Env, c *common) (*loaded, error) {
	now, err := c.moment(env)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(c.dir()); err != nil || !st.IsDir() {
		return nil, usageError{fmt.Sprintf("--source %s: not a directory", c.source)}
	}
	sizeHeap(c.dir())
	p, errs := project.Load(os.DirFS(c.dir()), c.dir(), nil, nil)
	var warns followup.ErrorList
	if c.warn && p != nil {
		for _, a := range p.Apps {
			warns = append(warns, a.Warnings...)
		}
	}
	if len(errs) > 0 {
		n := len(errs)
		errs = append(errs, warns...)
		errs.Sort()
		fmt.Fprintln(env.Stderr, errs.Error())
		return nil, contentError{n}
	}
	if len(warns) > 0 {
		// Warnings never change the exit status (SPEC 6).
		warns.Sort()
		fmt.Fprintln(env.Stderr, warns.Error())
	}
	return &loaded{Project: p, Plan: schedule.Plan(p.Apps, p.Config.Policy, now)}, nil
}

// sizeHeap tells the collector how big the heap will get: a listing of
// content/ (a few milliseconds at 10,000 files) is cheaper than the
// collections a big search runs without it (see gctune).
func sizeHeap(dir string) {
	files, _ := content.Find(os.DirFS(dir), content.Dir)
	gctune.Headroom(max(64<<20, uint64(len(files))*gctune.PerApplication))
}

// renderAll checks that every draft renders, so a broken override
// template is reported by check rather than at build time.
func renderAll(l *loaded) followup.ErrorList {
	var errs followup.ErrorList
	for i := range l.Plan.Actions {
		a := &l.Plan.Actions[i]
		if _, err := l.Drafts.Render(a, l.Plan.Status[a.App.Slug].Stage, l.Config.Owner); err != nil {
			errs.Add(followup.Pos{Path: "layouts/drafts/" + string(a.Kind) + ".tmpl", Line: 1, Col: 1}, "%v", err)
		}
	}
	return errs
}
