// Package redact makes the public view of a search: the applications as
// a public build publishes them. It is one transformation of the
// vocabulary, made after loading and before planning, so that the
// schedule, the pages and the calendar feeds of a public build only
// ever see data that may go on the open web; none of them has to
// remember what to leave out. The private build never calls it.
//
// What is published, field by field (README, "Public builds"):
//
//   - company, role, location, the site title: published, with every
//     email address and phone number in them masked ("[email]",
//     "[phone]");
//   - posting: scheme, host and path only. The query and fragment
//     (?email=…, ?pwd=…, #token) and any user:password@ are dropped; a
//     URL that is not http(s), or whose path holds an email address, is
//     not published;
//   - a round's where: not published; the round shows its kind only
//     (phone, video, onsite, other). A video link's ?pwd= and "call
//     +1 617 555 0102" were published verbatim before;
//   - names: with public_names = false (the default) the contact is
//     "the recruiter" and interviewers are "interviewer 1",
//     "interviewer 2"... numbered per application in the order they
//     first appear in the file, rounds top to bottom, so one person met
//     in two rounds keeps one number, and adding a round never
//     renumbers the ones above it; titles (Dr., Ms.) are dropped with
//     the names. With public_names = true names and titles are
//     published, masked like the texts above;
//   - emails and phone numbers of people, the employer's address and
//     phone, what was learned in a round, what they said (heard:), log
//     notes and the notes below the front matter: never published.
//
// Dates, stages, kinds, channels, lengths and timelines are published as
// they are: they hold no free text.
package redact

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// Masks written in place of what is found in a published text.
const (
	emailMask = "[email]"
	phoneMask = "[phone]"
)

// contact is what the contact is called when names are not published.
const contact = "the recruiter"

// heard stands for what they said: a log entry must keep saying that
// they replied (the schedule counts replies), not what they replied.
const heard = "heard back"

var (
	// An address: something@host.tld, the parts in any script.
	email = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`)
	// A phone number: seven or more digits, with at most three
	// separators (spaces, dashes, dots, slashes, brackets) between
	// two of them, and an optional leading + or (. "+1 617 555 0102",
	// "(617) 555-0102", "617.555.0102", "0044 20 7946 0958".
	phone = regexp.MustCompile(`[+(]?\p{N}(?:[\s\-./()]{0,3}\p{N}){6,}`)
	// A date is not a phone number.
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// text masks every email address and phone number in s. It errs on the
// side of masking: a run of seven digits or more that is not a
// YYYY-MM-DD date is taken for a phone number.
func text(s string) string {
	if s == "" {
		return s
	}
	s = email.ReplaceAllString(s, emailMask)
	return phone.ReplaceAllStringFunc(s, func(m string) string {
		if isoDate.MatchString(m) {
			return m
		}
		return phoneMask
	})
}

// posting is a posting URL as a public build publishes it: http(s),
// host and path, without user information, query or fragment; "" when
// it is not an http(s) URL or its path holds an email address.
func posting(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return ""
	}
	u.User = nil
	u.RawQuery, u.ForceQuery = "", false
	u.Fragment, u.RawFragment = "", ""
	out := u.String()
	if email.MatchString(out) || email.MatchString(u.Path) || strings.ContainsAny(out, " \t\r\n") {
		return ""
	}
	return out
}

// Public returns the public view of apps: new applications, so that the
// loaded ones (kept by serve's cache between builds) stay whole. names
// publishes the names of the contact and interviewers (public_names).
func Public(apps []*followup.Application, names bool) []*followup.Application {
	out := make([]*followup.Application, len(apps))
	for i, a := range apps {
		out[i] = application(a, names)
	}
	return out
}

// Config is the configuration as a public build uses it: the site's
// title masked, the owner's email dropped (drafts, the only place that
// uses it, are not published).
func Config(cfg followup.Config) followup.Config {
	cfg.Title = text(cfg.Title)
	cfg.Owner.Email = ""
	return cfg
}

// application builds the public application field by field: a field
// is published only when it is named here, so a field added to the
// vocabulary later stays private until someone decides otherwise
// (TestEveryFieldIsDecided fails until they do).
func application(a *followup.Application, names bool) *followup.Application {
	p := &followup.Application{
		Slug:     a.Slug, // the page's address: published in both builds
		ID:       a.ID,   // lowercase ASCII letters, digits and dashes only (content checks it)
		IDPos:    a.IDPos,
		Path:     a.Path, // for messages, never rendered
		Company:  text(a.Company),
		Role:     text(a.Role),
		Posting:  posting(a.Posting),
		Location: text(a.Location),
		Applied:  a.Applied,
		// AppliedPos: where applied: is written, for check's warnings.
		AppliedPos: a.AppliedPos,
		Via:        a.Via, // one of six words
		TZ:         a.TZ,
		Loc:        a.Loc,
		Warnings:   a.Warnings, // check prints them; a build does not
		// Not published: Address, Phone (the employer's, for work-search
		// logs), Notes.
	}
	label := labeller(names)
	if a.Contact != nil {
		c := person(*a.Contact, names, contact)
		p.Contact = &c
	}
	p.Rounds = make([]followup.Round, len(a.Rounds))
	for i, r := range a.Rounds {
		pr := followup.Round{
			N:        r.N,
			At:       r.At,
			Length:   r.Length,
			Kind:     r.Kind,
			Timeline: r.Timeline,
			// Not published: Where, Learned.
		}
		pr.Interviewers = make([]followup.Interviewer, len(r.Interviewers))
		for j, iv := range r.Interviewers {
			pr.Interviewers[j] = followup.Interviewer{
				Person:  person(iv.Person, names, label(iv.Name)),
				Thanked: iv.Thanked,
				Posted:  iv.Posted,
				By:      iv.By,
				// Not published: Learned (what to mention to them).
			}
		}
		p.Rounds[i] = pr
	}
	ids := thankYouIDs(a, p)
	p.Log = make([]followup.LogEntry, len(a.Log))
	for i, e := range a.Log {
		pe := followup.LogEntry{
			On:       e.On,
			Sent:     e.Sent,
			By:       e.By,
			Next:     e.Next,
			Outcome:  e.Outcome,
			Deadline: e.Deadline,
			Skipped:  skippedID(e.Skipped, a.Slug, ids),
			// Not published: Note.
		}
		if e.Heard != "" {
			pe.Heard = heard
		}
		p.Log[i] = pe
	}
	return p
}

// thankYouIDs maps the id of each thank-you of a, which names the
// person (acme/thank-you/r1/jane-smith), to the id of the same thank-you
// in the public application pub (acme/thank-you/r1/interviewer-1), so
// that a skipped: entry still closes the action it names.
func thankYouIDs(a, pub *followup.Application) map[string]string {
	m := map[string]string{}
	for i, r := range a.Rounds {
		mine := make([]string, len(r.Interviewers))
		theirs := make([]string, len(r.Interviewers))
		for j := range r.Interviewers {
			mine[j] = r.Interviewers[j].Name
			theirs[j] = pub.Rounds[i].Interviewers[j].Name
		}
		mine, theirs = schedule.PersonIDs(mine), schedule.PersonIDs(theirs)
		base := a.Slug + "/thank-you/r" + strconv.Itoa(r.N) + "/"
		for j := range mine {
			m[base+mine[j]] = base + theirs[j]
			m[base+mine[j]+"/letter"] = base + theirs[j] + "/letter"
		}
	}
	return m
}

// skippedID is a skipped: id as the public application names it. An id
// with a person's name that names no one of the application closes
// nothing, in either build: it keeps only its kind, which is all the
// schedule reads of it.
func skippedID(id, slug string, ids map[string]string) string {
	if id == "" {
		return ""
	}
	if pub, ok := ids[id]; ok {
		return pub
	}
	if rest, ok := strings.CutPrefix(id, slug+"/thank-you/"); ok && rest != "" {
		return slug + "/thank-you/"
	}
	return text(id)
}

// person is a person as published: never their email or phone; their
// name and title masked, or their role in place of both.
func person(p followup.Person, names bool, role string) followup.Person {
	out := followup.Person{Name: role, By: p.By}
	if names {
		out.Name, out.Title = text(p.Name), text(p.Title)
	}
	return out
}

// labeller numbers an application's interviewers in the order they first
// appear; a name met again keeps its number. Names are compared as the
// schedule compares people, ignoring case and surrounding spaces.
func labeller(names bool) func(name string) string {
	if names {
		return func(string) string { return "" }
	}
	seen := map[string]string{}
	return func(name string) string {
		k := strings.ToLower(strings.TrimSpace(name))
		if l, ok := seen[k]; ok {
			return l
		}
		l := "interviewer " + strconv.Itoa(len(seen)+1)
		seen[k] = l
		return l
	}
}
