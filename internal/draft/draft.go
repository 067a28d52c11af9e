// Package draft writes the message behind each action: a subject and a
// body from text/template. The defaults are embedded in the binary; a file
// of the same name under layouts/drafts/ in the project replaces one.
//
// Every template file defines "subject" and "body". They receive Data, so
// an override can use the same facts: the formal address ([B]: "always
// address the recipient by their formal prefix or title"), what was
// learned, the round's day, the owner's signature.
package draft

import (
	"bytes"
	"fmt"
	"github.com/followup-tool/followup/layouts"
	"strings"
	"sync"
	"text/template"

	"github.com/followup-tool/followup/internal/followup"
)

// Draft is a message ready to copy.
type Draft struct {
	Subject string
	Body    string
}

// Data is what a template sees.
type Data struct {
	Kind        string
	Channel     string
	To          string // formal address: "Dr. Lee", or the full name
	ToFull      string // "Dr. Robert Lee"
	Salutation  string // "Dear Dr. Lee,"
	Company     string
	Role        string
	RoundDay    string // "on November 20"
	Learned     string
	Withdrawing bool // the thank-you also withdraws ([B])
	AcceptedAt  bool // a withdrawal because an offer elsewhere was accepted
	Owner       string
	Signature   string
	Today       string // the action's day, for letters

	Addressed bool   // a named person receives it (else: the hiring team)
	Spoke     bool   // an interview took place by the action's day
	Applied   string // "on November 2", or "" when the file has no date
	Declining bool   // a withdrawal that declines an offer standing here
	Deadline  string // an offer's deadline, "January 22", or ""
	Late      bool   // a thank-you written after its deadline
}

// Set is the parsed templates, one per kind. A build renders each draft
// twice (the page and the feed); the set remembers what it rendered.
type Set struct {
	t       map[followup.Kind]*template.Template
	display map[followup.Kind]string // how messages name each kind's file
	done    sync.Map                 // Data -> Draft
}

// Load parses the draft template of every kind from the theme (the
// project's layouts/drafts/ over the defaults) and reports every broken
// one, at the file actually used.
func Load(theme *layouts.Theme) (*Set, followup.ErrorList) {
	s := &Set{t: map[followup.Kind]*template.Template{}, display: map[followup.Kind]string{}}
	var errs followup.ErrorList
	for _, k := range followup.Kinds {
		name := string(k) + ".tmpl"
		src, display, err := theme.ReadFile("drafts/" + name)
		if err != nil {
			errs.Add(followup.Pos{Path: display, Line: 1, Col: 1}, "cannot read: %v", err)
			continue
		}
		t, err := template.New(name).Option("missingkey=error").Parse(string(src))
		if err == nil {
			for _, part := range []string{"subject", "body"} {
				if t.Lookup(part) == nil {
					err = fmt.Errorf("template: %s:1: missing {{define %q}}", name, part)
				}
			}
		}
		if err != nil {
			errs = append(errs, layouts.TemplateError(display, err))
			continue
		}
		s.t[k] = t
		s.display[k] = display
	}
	return s, errs
}

// Render writes the draft of a. stage is the application's stage; owner
// signs it.
func (s *Set) Render(a *followup.Action, stage followup.Stage, owner followup.Owner) (Draft, error) {
	t := s.t[a.Kind]
	if t == nil {
		return Draft{}, fmt.Errorf("no template for %s", a.Kind)
	}
	// A draft is its kind's template executed on d alone, so the draft
	// of the same d is the one rendered before.
	d := data(a, stage, owner)
	if v, ok := s.done.Load(d); ok {
		return v.(Draft), nil
	}
	var sub, body bytes.Buffer
	err := t.ExecuteTemplate(&sub, "subject", d)
	if err == nil {
		err = t.ExecuteTemplate(&body, "body", d)
	}
	if err != nil {
		// Placed in the template file, so check points at what to fix.
		e := layouts.TemplateError(s.display[a.Kind], err)
		e.Msg += " (the draft of " + a.ID + ")"
		return Draft{}, followup.ErrorList{e}
	}
	out := Draft{
		Subject: strings.Join(strings.Fields(sub.String()), " "),
		Body:    tidy(body.String()),
	}
	s.done.Store(d, out)
	return out, nil
}

// tidy trims each line's trailing space and collapses runs of blank lines
// that optional template parts leave behind.
func tidy(s string) string {
	var out []string
	blank := 0
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n") + "\n"
}

func data(a *followup.Action, stage followup.Stage, owner followup.Owner) Data {
	app := a.App
	d := Data{
		Kind:      string(a.Kind),
		Channel:   string(a.Channel),
		Company:   app.Company,
		Role:      app.Role,
		Owner:     owner.Name,
		Signature: strings.TrimSpace(owner.Signature),
		Today:     a.Day.Noon().Format("January 2, 2006"),
	}
	if !app.Applied.IsZero() {
		d.Applied = "on " + app.Applied.Noon().Format("January 2")
	}
	for i := range app.Rounds {
		if !app.Rounds[i].At.Date.After(a.Day) {
			d.Spoke = true
		}
	}
	if a.To != nil {
		d.Addressed = true
		d.To = a.To.Address()
		d.ToFull = strings.TrimSpace(a.To.Title + " " + a.To.Name)
		d.Salutation = "Dear " + d.To + ","
	} else {
		d.To = "the hiring team"
		d.ToFull = "Hiring Team"
		d.Salutation = "Dear " + app.Company + " hiring team,"
	}
	r := a.Round
	if r == nil {
		r = app.LatestRound()
	}
	if r != nil {
		d.RoundDay = "on " + r.At.Date.Noon().Format("January 2")
		d.Learned = r.Learned
		// What this interviewer talked about, so a panel's notes differ.
		if a.Interviewer != nil && a.Interviewer.Learned != "" {
			d.Learned = a.Interviewer.Learned
		}
	} else {
		d.RoundDay = "recently"
	}
	d.Withdrawing = stage == followup.StageWithdrawn
	if a.Kind == followup.ThankYou {
		d.Late = a.Overdue
		if !a.Start.IsZero() {
			// A letter is dated the day it should be posted: the day
			// of the interview, right after it ([B]: "drop it in
			// the mail").
			d.Today = a.Start.In(app.Loc).Format("January 2, 2006")
		}
	}
	if a.Kind == followup.Withdrawal {
		d.AcceptedAt = true
		for i := len(app.Log) - 1; i >= 0; i-- {
			if o := app.Log[i].Outcome; o != "" {
				d.AcceptedAt = o != followup.Withdrawn
				d.Declining = o == followup.Offer
				break
			}
		}
	}
	for i := len(app.Log) - 1; i >= 0; i-- {
		if e := app.Log[i]; e.Outcome != "" {
			if e.Outcome == followup.Offer && !e.Deadline.IsZero() {
				d.Deadline = e.Deadline.Noon().Format("January 2")
			}
			break
		}
	}
	return d
}
