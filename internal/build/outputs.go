package build

import (
	"path"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/publish"
	"github.com/followup-tool/followup/internal/site"
)

// checkOutputs finds the applications whose files would land where
// another file of the site goes: content/style.css.md would make a
// directory of the stylesheet, content/a/index.html.md a directory of
// a's page. Each is reported at the content file that causes it, so
// check names it before build fails on it.
func checkOutputs(apps []*followup.Application, feedName string) followup.ErrorList {
	type owner struct {
		what string                // for people: "the stylesheet"; "" for an application's page
		app  *followup.Application // nil for the site's own files
	}
	files := make(map[string]owner, 2*len(apps)+7)
	dirs := make(map[string]owner, len(apps))
	for name, what := range map[string]string{
		"style.css":    "the stylesheet",
		"site.js":      "the script",
		"index.html":   "the agenda page",
		"closed.html":  "the page of closed applications",
		worklogFile:    "the work-search log",
		feedName:       "the calendar feed",
		publish.Marker: "the build's marker file",
	} {
		files[name] = owner{what: what}
	}
	var errs followup.ErrorList
	report := func(a *followup.Application, out string, other owner) {
		what := other.what
		if other.app != nil {
			what = "the page of " + other.app.Path
		}
		errs.Add(followup.Pos{Path: a.Path, Line: 1, Col: 1},
			"this application's page would be written to %s, which is also where %s goes; rename the file or move it into a folder", out, what)
	}
	for _, a := range apps {
		me := owner{app: a}
		clash := false
		for _, out := range []string{site.PageName(a.Slug), path.Join(a.Slug, feedName)} {
			if o, ok := files[out]; ok {
				report(a, out, o)
				clash = true
				break
			}
			if o, ok := dirs[out]; ok {
				report(a, out, o)
				clash = true
				break
			}
			for d := path.Dir(out); d != "."; d = path.Dir(d) {
				if o, ok := files[d]; ok {
					report(a, d+"/", o)
					clash = true
					break
				}
			}
			if clash {
				break
			}
		}
		if clash || strings.HasPrefix(a.Slug, ".") {
			continue
		}
		files[site.PageName(a.Slug)] = me
		files[path.Join(a.Slug, feedName)] = me
		for d := a.Slug; d != "."; d = path.Dir(d) {
			if _, ok := dirs[d]; !ok {
				dirs[d] = me
			}
		}
	}
	errs.Sort()
	return errs
}
