package schedule_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// FuzzPlan: for any application that content accepts and any moment, the
// engine never panics; action and interview ids are unique; every due
// moment, start and interview is in its application's zone, on a day
// the outputs can write (a four-digit year); a thank-you's day is the
// day of its due moment.
//
//	go test ./internal/schedule -run '^$' -fuzz FuzzPlan -fuzztime 60s
func FuzzPlan(f *testing.F) {
	files, _ := filepath.Glob("../content/testdata/good/*.md")
	more, _ := filepath.Glob("../../content/*.md")
	for _, p := range append(files, more...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, int64(1795000000), "America/New_York")
	}
	f.Add([]byte("---\ncompany: A\nrole: B\napplied: 9000-12-31\ntz: Pacific/Kiritimati\nrounds:\n  - at: 9000-12-31 23:59\n    length: 24h\n    timeline: 262 business days\n    interviewers:\n      - name: X\n      - name: X\n---\n"),
		int64(221845392000), "Pacific/Pago_Pago")
	f.Fuzz(func(t *testing.T, data []byte, unix int64, tz string) {
		if _, err := time.LoadLocation(tz); err != nil || tz == "" || tz == "Local" {
			tz = "UTC"
		}
		app, errs := content.Parse("content/fuzz.md", "fuzz", data, tz)
		if len(errs) > 0 {
			return
		}
		now := time.Unix(unix, 0).UTC()
		if now.Year() < followup.MinYear || now.Year() > followup.MaxYear {
			return // the command line refuses such a --now
		}
		var pol followup.Policy
		for _, p := range []followup.Policy{followup.DefaultPolicy(), {
			CheckInAfter: followup.Span{N: 262, Unit: followup.BusinessDays}, FollowupGap: followup.Span{N: 52, Unit: followup.Weeks},
			MaxFollowups: 10, WeekendToMonday: true, MailLetters: true,
		}} {
			pol = p
			res := schedule.Plan([]*followup.Application{app}, pol, now)
			ids := map[string]bool{}
			for _, a := range res.Actions {
				if ids[a.ID] {
					t.Fatalf("action id %s twice", a.ID)
				}
				ids[a.ID] = true
				if a.App == nil || a.App.Slug != app.Slug || a.App.Loc != app.Loc {
					t.Fatalf("%s: another application", a.ID)
				}
				for what, tm := range map[string]time.Time{"due": a.Due, "start": a.Start} {
					if tm.IsZero() && what == "start" {
						continue
					}
					if tm.Location() != app.Loc {
						t.Fatalf("%s: %s %v in %v, want %v", a.ID, what, tm, tm.Location(), app.Loc)
					}
					if y := tm.Year(); y < 1000 || y > 9999 {
						t.Fatalf("%s: %s %v: not a four-digit year", a.ID, what, tm)
					}
				}
				if a.Day.Year < 1000 || a.Day.Year > 9999 {
					t.Fatalf("%s: day %s", a.ID, a.Day)
				}
				if a.AllDay && followup.DateOf(a.Due) != a.Day {
					t.Fatalf("%s: due %v is not on its day %s", a.ID, a.Due, a.Day)
				}
			}
			for _, iv := range res.Interviews {
				if ids[iv.ID] {
					t.Fatalf("interview id %s twice", iv.ID)
				}
				ids[iv.ID] = true
				if iv.Start.Location() != app.Loc || iv.End.Location() != app.Loc {
					t.Fatalf("%s: %v to %v, want %v", iv.ID, iv.Start, iv.End, app.Loc)
				}
				if iv.End.Year() > 9999 {
					t.Fatalf("%s ends %v", iv.ID, iv.End)
				}
			}
		}
	})
}
