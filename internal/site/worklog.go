package site

import (
	"bytes"
	"html/template"
	"io"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/worklog"
	"github.com/followup-tool/followup/layouts"
)

// WorklogPage is what layouts/worklog.html is executed with.
type WorklogPage struct {
	Title   string // "Work search log"
	Owner   string // the job seeker, from followup.toml
	Log     *worklog.Log
	Weeks   []WorklogWeek
	Minimum int
}

// WorklogWeek is a week with its label and flag ready to print.
type WorklogWeek struct {
	worklog.Week
	Name string // 2026-W03
	Flag string // "fewer than 3", or ""
}

// worklogLayout is the page's template, in the theme and in a project's
// layouts/ directory (which overrides the embedded one).
const worklogLayout = "worklog.html"

// Worklog renders the work-search log, a page of its own meant to be
// printed (no site header), through html/template from the theme's
// worklog.html (nil theme: the default). Every text from the files is
// escaped by html/template. A broken override is a positioned error.
func Worklog(w io.Writer, l *worklog.Log, owner string, theme *layouts.Theme) error {
	src, display, err := theme.ReadFile(worklogLayout)
	if err != nil {
		return err
	}
	t, err := template.New(worklogLayout).Parse(string(src))
	if err != nil {
		return followup.ErrorList{layouts.TemplateError(display, err)}
	}
	p := WorklogPage{Title: "Work search log", Owner: owner, Log: l, Minimum: l.Minimum}
	for _, wk := range l.Weeks {
		p.Weeks = append(p.Weeks, WorklogWeek{Week: wk, Name: wk.Name(), Flag: l.Flag(wk)})
	}
	var b bytes.Buffer
	if err := t.Execute(&b, p); err != nil {
		return followup.ErrorList{layouts.TemplateError(display, err)}
	}
	_, err = w.Write(b.Bytes())
	return err
}
