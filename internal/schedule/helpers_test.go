package schedule

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

// The tests read like a job seeker's files: each application is the front
// matter of content/<slug>.md, parsed by package content, so the engine is
// exercised on exactly what a user writes.

// file is one application: its slug and its front matter (without the
// --- lines).
type file struct{ slug, front string }

// acmeHeader is what most cases share: an application in New York with a
// main hiring contact ([D]: check-ins go to "the human resources
// manager or main hiring contact").
const acmeHeader = `company: Acme Architecture
role: Junior Designer
tz: America/New_York
contact:
  name: Jane Schmoe
  title: Ms.
`

// acme is content/acme.md: acmeHeader followed by rest (rounds, log).
func acme(rest string) file { return file{"acme", acmeHeader + rest} }

// load parses files as content/<slug>.md with America/New_York as the
// site's default zone.
func load(t *testing.T, files ...file) []*followup.Application {
	t.Helper()
	var apps []*followup.Application
	for _, f := range files {
		data := "---\n" + strings.TrimLeft(f.front, "\n") + "---\nNotes.\n"
		a, errs := content.Parse("content/"+f.slug+".md", f.slug, []byte(data), "America/New_York")
		if len(errs) > 0 {
			var b strings.Builder
			for _, e := range errs {
				b.WriteString("\n\t" + e.Error())
			}
			t.Fatalf("content/%s.md does not parse:%s\n%s", f.slug, b.String(), data)
		}
		apps = append(apps, a)
	}
	return apps
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("bad time %q in test: %v", s, err)
	}
	return v
}

// act is an expected action. Every field but start and the reason
// fragments is always compared; ch and to are "" for move-on.
type act struct {
	id, kind, due string
	ch, to        string
	overdue       bool
	start         string   // compared when set (RFC 3339)
	reason        []string // fragments the reason must contain
	notReason     []string // fragments it must not contain
}

func (w act) String() string {
	return fmt.Sprintf("%s %s due=%s ch=%q to=%q overdue=%v", w.id, w.kind, w.due, w.ch, w.to, w.overdue)
}

func gotAct(a followup.Action) act {
	to := ""
	if a.To != nil {
		to = a.To.Name
	}
	return act{id: a.ID, kind: string(a.Kind), due: a.Due.Format(time.RFC3339), ch: string(a.Channel), to: to, overdue: a.Overdue}
}

// planCase is one situation: files, a policy, a moment, and the complete
// list of open actions in plan order (due, then id), plus stages.
type planCase struct {
	name   string
	files  []file
	policy func(*followup.Policy)
	now    string
	want   []act
	stage  map[string]followup.Stage // by slug; checked when set
	closed map[string]bool           // by slug; checked when set
}

func runPlan(t *testing.T, c planCase) *Result {
	t.Helper()
	apps := load(t, c.files...)
	pol := followup.DefaultPolicy()
	if c.policy != nil {
		c.policy(&pol)
	}
	res := Plan(apps, pol, mustTime(t, c.now))
	checkInvariants(t, res)
	return res
}

func runCases(t *testing.T, cases []planCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runPlan(t, c)
			compare(t, res, c.want)
			for slug, want := range c.stage {
				st := res.Status[slug]
				if st == nil {
					t.Errorf("no status for %s", slug)
					continue
				}
				if st.Stage != want {
					t.Errorf("stage of %s = %s, want %s", slug, st.Stage, want)
				}
			}
			for slug, want := range c.closed {
				if st := res.Status[slug]; st == nil || st.Closed != want {
					t.Errorf("closed of %s = %v, want %v", slug, st != nil && st.Closed, want)
				}
			}
		})
	}
}

// compare checks the plan holds exactly the wanted actions, in order.
func compare(t *testing.T, res *Result, want []act) {
	t.Helper()
	var got []string
	for _, a := range res.Actions {
		got = append(got, gotAct(a).String())
	}
	var exp []string
	for _, w := range want {
		exp = append(exp, w.String())
	}
	if strings.Join(got, "\n") != strings.Join(exp, "\n") {
		t.Fatalf("actions differ\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(exp, "\n\t"))
	}
	for i, w := range want {
		a := res.Actions[i]
		if w.start != "" && a.Start.Format(time.RFC3339) != w.start {
			t.Errorf("%s: start = %s, want %s", w.id, a.Start.Format(time.RFC3339), w.start)
		}
		for _, frag := range w.reason {
			if !strings.Contains(a.Reason, frag) {
				t.Errorf("%s: reason %q does not contain %q", w.id, a.Reason, frag)
			}
		}
		for _, frag := range w.notReason {
			if strings.Contains(a.Reason, frag) {
				t.Errorf("%s: reason %q contains %q", w.id, a.Reason, frag)
			}
		}
	}
}

// checkInvariants holds for every action of every plan (docs/rules.md):
// unique ids that start with the slug; due in the application's zone; a
// thank-you starts at its round's end and is due 24 hours later; a day
// action starts when it is due, at the first moment of its day; move-on
// has neither recipient nor channel, everything else has a channel and a
// recipient, unless the file names nobody to write to (no contact and no
// interviewer), when the draft goes to the hiring team.
func checkInvariants(t *testing.T, res *Result) {
	t.Helper()
	seen := map[string]bool{}
	for _, a := range res.Actions {
		if seen[a.ID] {
			t.Errorf("duplicate id %s", a.ID)
		}
		seen[a.ID] = true
		if !strings.HasPrefix(a.ID, a.App.Slug+"/"+string(a.Kind)+"/") {
			t.Errorf("%s: id does not start with <slug>/<kind>/", a.ID)
		}
		if a.Due.Location() != a.App.Loc {
			t.Errorf("%s: due %s is not in the application's zone %s", a.ID, a.Due, a.App.Loc)
		}
		if a.Reason == "" {
			t.Errorf("%s: no reason", a.ID)
		}
		switch a.Kind {
		case followup.ThankYou:
			if a.AllDay || a.Round == nil || a.Interviewer == nil {
				t.Errorf("%s: a thank-you is a deadline with a round and an interviewer", a.ID)
				continue
			}
			end := a.Round.End(a.App.Loc)
			if !a.Start.Equal(end) || !a.Due.Equal(end.Add(24*time.Hour)) {
				t.Errorf("%s: start %s due %s, want round end %s and 24h later", a.ID, a.Start, a.Due, end)
			}
			if a.Day != followup.DateOf(a.Due) {
				t.Errorf("%s: day %s, want the deadline's day %s", a.ID, a.Day, followup.DateOf(a.Due))
			}
			if a.Overdue != a.Due.Before(res.Now) {
				t.Errorf("%s: overdue %v, want deadline %s before now %s", a.ID, a.Overdue, a.Due, res.Now)
			}
		default:
			if !a.AllDay || !a.Start.Equal(a.Due) || !a.Due.Equal(a.Day.In(a.App.Loc)) {
				t.Errorf("%s: a day action starts and is due at the first moment of %s, got start %s due %s", a.ID, a.Day, a.Start, a.Due)
			}
			if followup.DateOf(a.Due) != a.Day {
				t.Errorf("%s: due %s is not on %s", a.ID, a.Due, a.Day)
			}
		}
		nobody := a.App.Contact == nil && (a.App.LatestRound() == nil || len(a.App.LatestRound().Interviewers) == 0)
		if (a.Kind == followup.MoveOn) != (a.Channel == "") || (a.Kind == followup.MoveOn || nobody) != (a.To == nil) {
			t.Errorf("%s: channel %q to %v: only move-on has neither", a.ID, a.Channel, a.To)
		}
	}
	for i := 1; i < len(res.Actions); i++ {
		a, b := res.Actions[i-1], res.Actions[i]
		if b.Due.Before(a.Due) || (b.Due.Equal(a.Due) && b.ID < a.ID) {
			t.Errorf("actions out of order: %s before %s", a.ID, b.ID)
		}
	}
}

// Policy tweaks for planCase.policy.
func noWeekendMove(p *followup.Policy) { p.WeekendToMonday = false }
func mailLetters(p *followup.Policy)   { p.MailLetters = true }
