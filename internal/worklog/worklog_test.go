package worklog

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func app(t *testing.T, slug, src string) *followup.Application {
	t.Helper()
	a, errs := content.Parse("content/"+slug+".md", slug, []byte(src), "America/New_York")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return a
}

func date(t *testing.T, s string) followup.Date {
	d, err := followup.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// search is two applications: one with every kind of record, one hostile.
func search(t *testing.T) []*followup.Application {
	return []*followup.Application{
		app(t, "acme", `---
company: Acme Architecture
role: Junior Designer
posting: https://acme.example/jobs/1
applied: 2026-11-02
via: online
phone: +1 617 555 0100
contact:
  name: Jane Schmoe
  by: phone
rounds:
  - at: 2026-11-10 14:00
    kind: video
    interviewers:
      - name: Jane Schmoe
        title: Ms.
        thanked: 2026-11-10
      - name: Robert Lee
        title: Dr.
        by: letter
        thanked: 2026-11-11
log:
  - on: 2026-11-24
    sent: check-in
  - on: 2026-11-26
    heard: Still deciding
  - on: 2026-12-20
    outcome: offer
---
`),
		app(t, "evil", `---
company: "=HYPERLINK(\"http://x.example\") <script>alert(1)</script> | pipe"
role: "@role"
address: "-1 Main St"
applied: 2026-11-04
via: in person
---
`),
	}
}

func TestWeeksHoldEveryActivityOnItsDateAndFlagShortOnes(t *testing.T) {
	l := Build(search(t), date(t, "2026-11-02"), date(t, "2026-11-30"), date(t, "2026-12-01"), 3)
	type wk struct {
		name  string
		kinds string
		short bool
	}
	want := []wk{
		{"2026-W45", "application application", true},        // Nov 2–8: 2 < 3
		{"2026-W46", "interview thank-you thank-you", false}, // Nov 9–15
		{"2026-W47", "", true},                               // Nov 16–22: nothing
		{"2026-W48", "check-in reply", true},                 // Nov 23–29
		{"2026-W49", "", true},                               // Nov 30 (to): the offer on Dec 20 is after it
	}
	if len(l.Weeks) != len(want) {
		t.Fatalf("%d weeks, want %d", len(l.Weeks), len(want))
	}
	for i, w := range want {
		g := l.Weeks[i]
		var kinds []string
		for _, a := range g.Activities {
			kinds = append(kinds, a.Kind)
		}
		if g.Name() != w.name || strings.Join(kinds, " ") != w.kinds || g.Short != w.short {
			t.Errorf("week %d: %s %q short=%v, want %s %q short=%v", i, g.Name(), strings.Join(kinds, " "), g.Short, w.name, w.kinds, w.short)
		}
	}
	if l.Total != 7 || l.Short != 4 {
		t.Errorf("total %d short %d, want 7 and 4", l.Total, l.Short)
	}
	iv := l.Weeks[1].Activities
	if iv[0].Method != "online" || iv[0].Person != "Ms. Jane Schmoe, Dr. Robert Lee" || iv[2].Method != "letter" {
		t.Errorf("interview week: %+v", iv)
	}
	if c := l.Weeks[3].Activities[0]; c.Method != "phone" || c.Person != "Jane Schmoe" || c.Website != "https://acme.example/jobs/1" || c.Phone != "+1 617 555 0100" {
		t.Errorf("check-in: %+v (method from the contact's by:, website from the posting)", c)
	}
}

func TestRecordsAfterTodayHaveNotHappened(t *testing.T) {
	l := Build(search(t), followup.Date{}, date(t, "2027-01-31"), date(t, "2026-11-10"), 3)
	if l.From != date(t, "2026-11-02") {
		t.Errorf("from %s, want the first activity, 2026-11-02", l.From)
	}
	for _, w := range l.Weeks {
		for _, a := range w.Activities {
			if a.Date.After(date(t, "2026-11-10")) {
				t.Errorf("%s on %s is after today", a.Kind, a.Date)
			}
		}
	}
}

func TestFormatsEscapeUserText(t *testing.T) {
	l := Build(search(t), date(t, "2026-11-02"), date(t, "2026-11-08"), date(t, "2026-11-08"), 3)
	// The HTML page is site's (site.Worklog), tested there.
	var c bytes.Buffer
	if err := CSV(&c, l); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("CSV cell %q would run as a formula", cell)
			}
		}
	}
	var m bytes.Buffer
	if err := Markdown(&m, l, ""); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(m.String(), "\n") {
		if strings.HasPrefix(line, "| 2026") && strings.Count(line, "|")-strings.Count(line, `\|`) != 10 {
			t.Errorf("markdown row has a stray pipe: %s", line)
		}
	}
}

func TestMarkdownGolden(t *testing.T) {
	l := Build(search(t), date(t, "2026-11-02"), date(t, "2026-11-30"), date(t, "2026-12-01"), 3)
	var b bytes.Buffer
	Markdown(&b, l, "Sam Rivera")
	b.WriteString("\n-- csv --\n")
	CSV(&b, l)
	if *update {
		os.WriteFile("testdata/log.golden", b.Bytes(), 0o644)
	}
	want, _ := os.ReadFile("testdata/log.golden")
	if b.String() != string(want) {
		t.Errorf("differs from testdata/log.golden (-update, then read the diff):\n%s", b.String())
	}
}

func TestRecentKeepsTheLatestWeeksThatFit(t *testing.T) {
	l := Build(search(t), date(t, "2026-11-02"), date(t, "2026-11-30"), date(t, "2026-12-01"), 3)
	// Weeks hold 2, 3, 0, 2, 0 activities.
	for _, tc := range []struct {
		max     int
		from    string
		total   int
		earlier int
	}{
		{100, "2026-11-02", 7, 0},
		{5, "2026-11-09", 5, 2},
		{4, "2026-11-16", 2, 5},
		{0, "2026-11-30", 0, 7}, // the latest week always
	} {
		r := l.Recent(tc.max)
		if r.From.String() != tc.from || r.Total != tc.total || r.Earlier != tc.earlier {
			t.Errorf("Recent(%d): from %s total %d earlier %d, want %s %d %d", tc.max, r.From, r.Total, r.Earlier, tc.from, tc.total, tc.earlier)
		}
	}
}

// TestMemoBuildsAsBuildDoes: through a run of saves, a memo's log is
// deeply equal to a fresh one; a save that changes nothing the log shows
// hands back the last log itself (so the page's memo compares nothing).
func TestMemoBuildsAsBuildDoes(t *testing.T) {
	apps := search(t)
	acme := func(extra string) *followup.Application {
		src := `---
company: Acme Architecture
role: Junior Designer
applied: 2026-11-02
rounds:
  - at: 2026-11-10 14:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-10
` + extra + `---
Notes.
`
		return app(t, "acme", src)
	}
	memo := NewMemo()
	today := date(t, "2026-12-01")
	var last *Log
	for _, s := range []struct {
		name  string
		edit  func()
		today followup.Date
		same  bool // the last log comes back
	}{
		{"first", func() {}, today, false},
		{"nothing changed", func() {}, today, true},
		{"acme rewritten", func() { apps[0] = acme("") }, today, false},
		{"acme's notes only: a new file, the same activities", func() {
			a := acme("")
			a.Notes = []byte("Other notes.")
			apps[0] = a
		}, today, true},
		{"a check-in sent", func() { apps[0] = acme("log:\n  - on: 2026-11-20\n    sent: check-in\n") }, today, false},
		{"a day later", func() {}, date(t, "2026-12-02"), false},
		{"evil removed", func() { apps = apps[:1] }, date(t, "2026-12-02"), false},
	} {
		s.edit()
		got := memo.Build(apps, followup.Date{}, s.today, s.today, 2)
		want := Build(apps, followup.Date{}, s.today, s.today, 2)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the memo's log differs from a fresh one:\n%+v\n%+v", s.name, got, want)
		}
		if (got == last) != s.same {
			t.Errorf("%s: the last log came back: %v, want %v", s.name, got == last, s.same)
		}
		last = got
	}
}
