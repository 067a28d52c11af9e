package calendar

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/draft"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/zone/zonetest"
	"github.com/followup-tool/followup/layouts"
)

// TestMain pins the zone data to Go's own copy before the first
// LoadLocation, so the VTIMEZONEs in the golden files do not depend on the
// machine's tzdata (notes/libraries.md §10). An explicit ZONEINFO wins.
func TestMain(m *testing.M) {
	zonetest.Pin()
	os.Exit(m.Run())
}

// now is the build moment of the fixtures: Thursday 2026-10-22, 08:00 in
// New York. Berlin leaves summer time on Sunday 2026-10-25, New York and
// Los Angeles on Sunday 2026-11-01, and the fixtures put events on both
// sides of those changes.
var now = time.Date(2026, 10, 22, 12, 0, 0, 0, time.UTC)

var owner = followup.Owner{Name: "Sam Rivera", Email: "sam@example.com", Signature: "Best regards,\nSam Rivera"}

// Applications by zone, as front matter.
var fixtures = map[string][]string{
	"new_york": {
		// Two rounds around the change: Oct 30 in EDT (-04), Nov 2 in EST
		// (-05); thank-yous ahead of time, one of them a letter.
		`---
company: Acme Architecture
role: Junior Designer
posting: https://acme.example/jobs/42
location: Boston, MA
applied: 2026-10-05
tz: America/New_York
contact:
  name: Jane Schmoe
  title: Ms.
  email: jane.schmoe@acme.example
  phone: "+1 617 555 0100"
rounds:
  - at: 2026-10-30 14:00
    length: 1h
    kind: video
    where: Zoom
    interviewers:
      - name: Jane Schmoe
        title: Ms.
        email: jane.schmoe@acme.example
  - at: 2026-11-02 10:00
    length: 1h30m
    kind: onsite
    where: 100 Main St, Boston; 3rd floor
    learned: the library project in Cambridge
    interviewers:
      - name: Robert Lee
        title: Dr.
        by: letter
      - name: Ana Núñez
        email: ana.nunez@acme.example
        phone: "+1 617 555 0199"
---
Notes.
`,
		// Withdrawn on Oct 20: a withdrawal note due that day.
		`---
company: Hooli
role: Product Designer
applied: 2026-09-01
tz: America/New_York
contact:
  name: Gavin Belson
  email: gavin@hooli.example
rounds:
  - at: 2026-09-15 11:00
    kind: phone
    interviewers:
      - name: Gavin Belson
        thanked: 2026-09-15
log:
  - on: 2026-10-20
    outcome: withdrawn
---
`,
	},
	"los_angeles": {
		// They said two weeks; the check-in went out, so a nudge is due.
		`---
company: Initrode
role: UX Designer
applied: 2026-09-10
tz: America/Los_Angeles
contact:
  name: Bill Lumbergh
  title: Mr.
  email: bill@initrode.example
  phone: "+1 213 555 0142"
rounds:
  - at: 2026-10-01 10:00
    kind: video
    timeline: 2 weeks
    interviewers:
      - name: Bill Lumbergh
        title: Mr.
        thanked: 2026-10-01
log:
  - on: 2026-10-16
    sent: check-in
---
`,
		// A check-in and a nudge unanswered: time to move on.
		`---
company: Pied Piper
role: Visual Designer
applied: 2026-09-01
tz: America/Los_Angeles
contact:
  name: Monica Hall
  email: monica@piedpiper.example
rounds:
  - at: 2026-09-20 10:00
    kind: onsite
    interviewers:
      - name: Monica Hall
        thanked: 2026-09-20
log:
  - on: 2026-10-09
    sent: check-in
  - on: 2026-10-16
    sent: nudge
---
`,
		// Rounds on Oct 28 (PDT, -07) and Nov 3 (PST, -08).
		`---
company: Umbrella Corp
role: Design Lead
applied: 2026-10-01
tz: America/Los_Angeles
rounds:
  - at: 2026-10-28 09:00
    length: 45m
    kind: phone
    interviewers:
      - name: Albert Wesker
        title: Dr.
        email: wesker@umbrella.example
  - at: 2026-11-03 09:00
    length: 2h
    kind: onsite
    where: 545 S Birdneck Rd, Raccoon City
    interviewers:
      - name: Albert Wesker
        title: Dr.
        by: phone
        phone: "+1 555 0100 999"
---
`,
	},
	"berlin": {
		// Rounds on Oct 23 (CEST, +02) and Oct 27 (CET, +01).
		`---
company: Kraftwerk GmbH
role: Gestalter
applied: 2026-10-01
tz: Europe/Berlin
contact:
  name: Jürgen Müller
  title: Dr.
  email: j.mueller@kraftwerk.example
rounds:
  - at: 2026-10-23 14:00
    kind: video
    interviewers:
      - name: Jürgen Müller
        title: Dr.
        email: j.mueller@kraftwerk.example
  - at: 2026-10-27 14:00
    length: 1h
    kind: onsite
    where: Unter den Linden 1, 10117 Berlin
    interviewers:
      - name: Jürgen Müller
        title: Dr.
      - name: Zoë Straße
---
`,
		// Rejected on Oct 21: thank them and ask for feedback the next day.
		`---
company: Bauhaus Studio
role: Designer
applied: 2026-09-01
tz: Europe/Berlin
contact:
  name: Walter Gropius
  title: Mr.
  email: walter@bauhaus.example
rounds:
  - at: 2026-10-01 10:00
    interviewers:
      - name: Walter Gropius
        title: Mr.
        thanked: 2026-10-01
log:
  - on: 2026-10-21
    outcome: rejected
---
`,
	},
}

// load parses front matter snippets into applications.
func load(t testing.TB, files ...string) []*followup.Application {
	t.Helper()
	var apps []*followup.Application
	for _, f := range files {
		company := strings.SplitN(strings.SplitN(f, "company: ", 2)[1], "\n", 2)[0]
		slug := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(company), " ", "-"))
		app, errs := content.Parse("content/"+slug+".md", slug, []byte(f), "UTC")
		if len(errs) > 0 {
			t.Fatalf("fixture %s: %v", slug, errs)
		}
		apps = append(apps, app)
	}
	return apps
}

func baseOptions(zone string) Options {
	return Options{Name: "Job search", Domain: "sam.example", BaseURL: "https://sam.example/jobs/",
		Stamp: now, Version: "0.1.0", Zone: zone}
}

// drafts returns the DraftFunc of a plan with the default templates.
func drafts(t testing.TB, res *schedule.Result) DraftFunc {
	t.Helper()
	set, errs := draft.Load(layouts.New(nil, ""))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return func(a *followup.Action) (string, string, error) {
		d, err := set.Render(a, res.Status[a.App.Slug].Stage, owner)
		return d.Subject, d.Body, err
	}
}

// wants is what the engine says each event of a feed should be.
func wants(opt Options, res *schedule.Result) map[string]want {
	w := map[string]want{}
	for i := range res.Actions {
		a := &res.Actions[i]
		uid := aUID(a, opt.Domain)
		if a.AllDay {
			w[uid] = want{Start: a.Day.String(), End: a.Day.AddDays(1).String(), AllDay: true}
		} else {
			w[uid] = want{Start: instant(a.Start), End: instant(a.Start.Add(thankYouBlock))}
		}
	}
	for i := range res.Interviews {
		iv := &res.Interviews[i]
		if iv.Start.After(opt.Stamp.AddDate(0, 0, -pastInterviewDays)) {
			w[iUID(iv, opt.Domain)] = want{Start: instant(iv.Start), End: instant(iv.End)}
		}
	}
	return w
}

// aUID and iUID are the full UIDs of an action's and an interview's events.
func aUID(a *followup.Action, dom string) string { return uidPart(actionUID(a)) + "@" + domain(dom) }

func iUID(iv *followup.Interview, dom string) string {
	return uidPart(interviewUID(iv)) + "@" + domain(dom)
}
