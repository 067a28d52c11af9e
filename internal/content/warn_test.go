package content

import (
	"strings"
	"testing"
	"time"
)

// Warnings: likely mistakes that never stop a build, each at its value.
func TestWarnings(t *testing.T) {
	for _, c := range []struct {
		name, front string
		want        []string // the listing, one line each
	}{
		{"a clean file has none", `company: Acme
role: Designer
applied: 2026-11-02
contact:
  name: Jane Schmoe
  email: jane@acme.example
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
      - name: Robert Lee
        by: letter
`, nil},
		{"the same interviewer twice, differing only in case", `company: Acme
role: Designer
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        email: r@acme.example
      - name: robert lee
        email: r@acme.example
`, []string{`content/a.md:9:15: warning: robert lee is listed twice in round 1 (also as interviewer 1): each gets a thank-you; remove one`}},
		{"an email thank-you to someone without an address", `company: Acme
role: Designer
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
`, []string{`content/a.md:7:15: warning: no email address for Robert Lee: the thank-you's mail link has no recipient; add email: under this interviewer (or under contact: when it is the same person)`}},
		{"a round without interviewers", `company: Acme
role: Designer
rounds:
  - at: 2026-11-20 14:00
`, []string{`content/a.md:5:9: warning: round 1 has no interviewers, so no thank-you can be computed; list them under interviewers: with each person's name`}},
		{"an abbreviated zone", `company: Acme
role: Designer
tz: EST
`, []string{`content/a.md:4:5: warning: tz: "EST" is a fixed offset or an abbreviation, not a place: its clock never changes for daylight saving; use an IANA zone such as America/New_York`}},
		{"applied after the first round", `company: Acme
role: Designer
applied: 2026-11-25
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        by: phone
`, []string{`content/a.md:4:10: warning: applied: 2026-11-25 is after the first round on 2026-11-20; write the day you applied`}},
		{"an email that is not an address", `company: Acme
role: Designer
contact:
  name: Jane
  email: jane at acme
`, []string{`content/a.md:6:10: warning: email: "jane at acme" is not an email address (want name@example.com)`}},
		{"an empty thanked:", `company: Acme
role: Designer
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        by: phone
        thanked:
`, []string{`content/a.md:9:17: warning: thanked: is empty, so the thank-you still counts as due; write the day it went out (YYYY-MM-DD), or remove the line`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			app, errs := Parse("content/a.md", "a", []byte("---\n"+c.front+"---\n"), "UTC")
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			var got []string
			for _, w := range app.Warnings {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	// An applied date in the future depends on the moment.
	app, _ := Parse("content/a.md", "a", []byte("---\ncompany: Acme\nrole: Designer\napplied: 2026-12-01\n---\n"), "UTC")
	got := app.WarningsAt(time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC))
	if len(got) != 1 || got[0].Error() != "content/a.md:4:10: warning: applied: 2026-12-01 is in the future (today is 2026-11-20); write the day you applied" {
		t.Errorf("future applied: %v", got)
	}
	if got := app.WarningsAt(time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Errorf("applied in the past: %v", got)
	}
}
