package site

import (
	"errors"
	"html/template"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/layouts"
)

// parsedLayouts is the parsed set: one template per page kind (each a
// clone of base.html with its "main"), and the static files.
type parsedLayouts struct {
	index, app, closed *template.Template
	style, script      []byte
	display            map[string]string // file name -> how messages name the copy used
}

// loadLayouts reads each layout from the theme (the project's copy when
// it has one) and reports every broken one at the file used.
func loadLayouts(theme *layouts.Theme) (*parsedLayouts, followup.ErrorList) {
	l := &parsedLayouts{display: map[string]string{}}
	var errs followup.ErrorList
	read := func(name string) []byte {
		b, display, err := theme.ReadFile(name)
		l.display[name] = display
		if err != nil {
			errs.Add(followup.Pos{Path: display, Line: 1, Col: 1}, "cannot read: %v", err)
		}
		return b
	}
	l.style = read("style.css")
	l.script = read("site.js")
	base, err := template.New("base.html").Parse(string(read("base.html")))
	if err != nil {
		errs = append(errs, layouts.TemplateError(l.display["base.html"], err))
		return l, errs
	}
	page := func(name string) *template.Template {
		src := read(name)
		t, err := base.Clone()
		if err == nil {
			_, err = t.New(name).Parse(string(src))
		}
		if err == nil && t.Lookup("main") == nil {
			err = errors.New("template: " + name + ":1: missing {{define \"main\"}}")
		}
		if err != nil {
			errs = append(errs, layouts.TemplateError(l.display[name], err))
			return nil
		}
		return t
	}
	l.index = page("index.html")
	l.app = page("application.html")
	l.closed = page("closed.html")
	return l, errs
}

// execError places an execution error in the file it names (base.html or
// the page's own file).
func (l *parsedLayouts) execError(page string, err error) error {
	path := l.display[page]
	if d, ok := l.display[layouts.TemplateName(err)]; ok {
		path = d
	}
	return followup.ErrorList{layouts.TemplateError(path, err)}
}
