package site

import (
	"errors"
	deflayouts "github.com/followup-tool/followup/layouts"
	"html/template"
	"io/fs"
	"regexp"
	"strconv"

	"github.com/followup-tool/followup/internal/followup"
)

// LayoutDir is where a project's overrides live.
const LayoutDir = "layouts"

// layouts is the parsed set: one template per page kind (each a clone of
// base.html with its "main"), and the static files.
type layouts struct {
	index, app    *template.Template
	closed        *template.Template
	style, script []byte
	display       map[string]string // file name -> how messages name it

	// fastApp: base.html and application.html are the embedded
	// defaults, so application pages can be written by appPageHTML.
	fastApp bool
	// fastBase: base.html is the default, so its "action" and
	// "pipeline-table" blocks can be written by cardHTML and tableHTML.
	fastBase bool
}

// noFastPath makes every page go through html/template. fast.go, the
// hand-written copy of the pages, is being deleted; until then the
// templates alone are the pages (they carry what the copy lacks: the
// recording commands and buttons).
var noFastPath = true

// loadLayouts reads each layout from the project's layouts/ when present,
// else from the embedded defaults, and reports every broken one.
func loadLayouts(fsys fs.FS, prefix string) (*layouts, followup.ErrorList) {
	l := &layouts{display: map[string]string{}}
	var errs followup.ErrorList
	read := func(name string) []byte {
		if fsys != nil {
			b, err := fs.ReadFile(fsys, LayoutDir+"/"+name)
			if err == nil {
				l.display[name] = joinPath(prefix, LayoutDir+"/"+name)
				return b
			}
			if !errors.Is(err, fs.ErrNotExist) {
				errs.Add(followup.Pos{Path: joinPath(prefix, LayoutDir+"/"+name), Line: 1, Col: 1}, "cannot read: %v", err)
			}
		}
		b, _ := fs.ReadFile(deflayouts.FS, name)
		l.display[name] = "(default) " + name
		return b
	}
	l.style = read("style.css")
	l.script = read("site.js")
	base, err := template.New("base.html").Parse(string(read("base.html")))
	if err != nil {
		errs = append(errs, templateError(l.display["base.html"], err))
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
			errs = append(errs, templateError(l.display[name], err))
			return nil
		}
		return t
	}
	l.index = page("index.html")
	l.app = page("application.html")
	l.closed = page("closed.html")
	l.fastBase = !noFastPath && l.display["base.html"] == "(default) base.html"
	l.fastApp = !noFastPath && l.display["base.html"] == "(default) base.html" && l.display["application.html"] == "(default) application.html"
	return l, errs
}

func joinPath(prefix, p string) string {
	if prefix == "" || prefix == "." {
		return p
	}
	return prefix + "/" + p
}

var reTemplateLine = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: ?(.*)$`)

// templateError turns html/template's "template: name:line: msg" into a
// positioned error at the file.
func templateError(path string, err error) *followup.Error {
	msg, line, col := err.Error(), 1, 1
	if m := reTemplateLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[2])
		if m[3] != "" {
			col, _ = strconv.Atoi(m[3])
		}
		msg = m[4]
	}
	return &followup.Error{Pos: followup.Pos{Path: path, Line: line, Col: col}, Msg: msg}
}

// execError places an execution error in the file it names (base.html or
// the page's own file).
func (l *layouts) execError(page string, err error) error {
	path := l.display[page]
	if m := reTemplateLine.FindStringSubmatch(err.Error()); m != nil {
		if d, ok := l.display[m[1]]; ok {
			path = d
		}
	}
	return followup.ErrorList{templateError(path, err)}
}
