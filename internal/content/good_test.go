package content_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

func date(y int, m time.Month, d int) followup.Date { return followup.Date{Year: y, Month: m, Day: d} }

// TestGood loads testdata/good and checks what each file says, field by
// field: slugs from nested paths, dates, lengths (1h when absent),
// timelines as spans or dates, and the zone from the options when a file
// names none.
func TestGood(t *testing.T) {
	apps, errs := content.Load(asContent{os.DirFS("testdata/good")}, content.Options{DefaultTZ: "America/Chicago"})
	if len(errs) > 0 {
		t.Fatalf("errors in testdata/good:\n%s", listing(errs))
	}
	bySlug := map[string]*followup.Application{}
	var slugs []string
	for _, a := range apps {
		bySlug[a.Slug] = a
		slugs = append(slugs, a.Slug)
	}
	if got, want := strings.Join(slugs, " "), "acme bom-crlf europe/berlin/studio minimal"; got != want {
		t.Fatalf("slugs = %q, want %q (sorted, nested path without .md)", got, want)
	}

	for _, tc := range []struct {
		slug  string
		check func(t *testing.T, a *followup.Application)
	}{
		{"acme", func(t *testing.T, a *followup.Application) {
			eq(t, "Path", a.Path, "content/acme.md")
			eq(t, "Company", a.Company, "Acme Architecture")
			eq(t, "Role", a.Role, "Junior Designer")
			eq(t, "Posting", a.Posting, "https://acme.example/jobs/42")
			eq(t, "Location", a.Location, "Boston, MA")
			eq(t, "Applied", a.Applied, date(2026, time.November, 2))
			eq(t, "TZ", a.TZ, "America/New_York")
			eq(t, "Loc", a.Loc.String(), "America/New_York")
			if a.Contact == nil {
				t.Fatal("Contact is nil")
			}
			eq(t, "Contact", *a.Contact, followup.Person{Name: "Jane Schmoe", Title: "Ms.", Email: "jane.schmoe@acme.example", Phone: "+1 617 555 0100"})
			eq(t, "Contact.Address", a.Contact.Address(), "Ms. Schmoe")
			if len(a.Rounds) != 1 {
				t.Fatalf("%d rounds, want 1", len(a.Rounds))
			}
			r := a.Rounds[0]
			eq(t, "N", r.N, 1)
			eq(t, "At", r.At.String(), "2026-11-20 14:00")
			eq(t, "Start", r.Start(a.Loc).Format(time.RFC3339), "2026-11-20T14:00:00-05:00")
			eq(t, "End", r.End(a.Loc).Format(time.RFC3339), "2026-11-20T15:00:00-05:00")
			eq(t, "Length", r.Length, time.Hour)
			eq(t, "Kind", r.Kind, followup.OnsiteRound)
			eq(t, "Where", r.Where, "100 Main St, Boston")
			eq(t, "Learned", r.Learned, "the library project in Cambridge")
			eq(t, "Timeline", r.Timeline.String(), "2 weeks")
			eq(t, "Timeline.From", r.Timeline.From(r.At.Date), date(2026, time.December, 4))
			if len(r.Interviewers) != 2 {
				t.Fatalf("%d interviewers, want 2", len(r.Interviewers))
			}
			eq(t, "Thanked[0]", r.Interviewers[0].Thanked, date(2026, time.November, 20))
			eq(t, "By[0]", r.Interviewers[0].By, followup.Channel(""))
			eq(t, "Address[1]", r.Interviewers[1].Address(), "Dr. Lee")
			eq(t, "By[1]", r.Interviewers[1].By, followup.Letter)
			want := []followup.LogEntry{
				{On: date(2026, 12, 5), Sent: followup.CheckIn, By: followup.Email},
				{On: date(2026, 12, 6), Heard: "Still deciding, expect news next Friday", Next: date(2026, 12, 12)},
				{On: date(2026, 12, 12), Outcome: followup.Rejected},
				{On: date(2026, 12, 13), Sent: followup.AfterRejection},
				{On: date(2026, 12, 20), Outcome: followup.Offer}, // they may come back
			}
			if len(a.Log) != len(want) {
				t.Fatalf("%d log entries, want %d", len(a.Log), len(want))
			}
			for i := range want {
				eq(t, "Log", a.Log[i], want[i])
			}
			eq(t, "Notes", string(a.Notes), "Free notes in markdown: what we talked about, questions to ask next time.\n")
		}},
		{"bom-crlf", func(t *testing.T, a *followup.Application) {
			eq(t, "Company", a.Company, "Windows Co")
			eq(t, "Role", a.Role, "Analyst")
			eq(t, "Applied", a.Applied, date(2026, time.October, 1))
			eq(t, "TZ (default)", a.TZ, "America/Chicago")
			r := a.Rounds[0]
			eq(t, "At", r.At.String(), "2026-10-15 09:30")
			eq(t, "Length", r.Length, 45*time.Minute)
			eq(t, "Kind", r.Kind, followup.PhoneRound)
			eq(t, "Timeline", r.Timeline.Span, followup.Span{N: 10, Unit: followup.BusinessDays})
			// Thursday 15 October + 10 business days skips two weekends.
			eq(t, "Timeline.From", r.Timeline.From(r.At.Date), date(2026, time.October, 29))
			eq(t, "Notes", string(a.Notes), "Notes written on Windows.\r\n")
		}},
		{"europe/berlin/studio", func(t *testing.T, a *followup.Application) {
			eq(t, "Path", a.Path, "content/europe/berlin/studio.md")
			eq(t, "Loc", a.Loc.String(), "Europe/Berlin")
			if len(a.Rounds) != 3 {
				t.Fatalf("%d rounds, want 3", len(a.Rounds))
			}
			r1, r2, r3 := a.Rounds[0], a.Rounds[1], a.Rounds[2]
			eq(t, "r1.Length (default)", r1.Length, time.Hour)
			eq(t, "r1.Kind", r1.Kind, followup.VideoRound)
			eq(t, "r1.Timeline", r1.Timeline.Date, date(2026, time.September, 24))
			eq(t, "r1.Start", r1.Start(a.Loc).Format(time.RFC3339), "2026-09-10T10:00:00+02:00")
			eq(t, "r2.Length", r2.Length, 90*time.Minute)
			eq(t, "r2.Kind (default)", r2.Kind, followup.OtherRound)
			eq(t, "r2.Timeline", r2.Timeline.Span, followup.Span{N: 1, Unit: followup.Weeks})
			eq(t, "r2.Timeline.From", r2.Timeline.From(r2.At.Date), date(2026, time.September, 27))
			eq(t, "r2.Interviewer", r2.Interviewers[0].Name, "Ana Núñez")
			eq(t, "r3.Length", r3.Length, 90*time.Minute)
			if r3.Timeline != nil {
				t.Errorf("r3.Timeline = %v, want nil (none written)", r3.Timeline)
			}
			eq(t, "r3.N", r3.N, 3)
			eq(t, "LatestRound", a.LatestRound().N, 3)
		}},
		{"minimal", func(t *testing.T, a *followup.Application) {
			eq(t, "TZ (default)", a.TZ, "America/Chicago")
			eq(t, "Loc", a.Loc.String(), "America/Chicago")
			eq(t, "Applied", a.Applied.IsZero(), true)
			if a.Contact != nil || a.Rounds != nil || a.Log != nil {
				t.Errorf("contact %v, rounds %v, log %v: want none", a.Contact, a.Rounds, a.Log)
			}
			eq(t, "Notes", string(a.Notes), "")
		}},
	} {
		t.Run(tc.slug, func(t *testing.T) { tc.check(t, bySlug[tc.slug]) })
	}
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// TestParseDefaultTZ: the zone for a file without tz comes from the
// caller, never from the machine.
func TestParseDefaultTZ(t *testing.T) {
	data := []byte("---\ncompany: Acme\nrole: Designer\nrounds:\n  - at: 2026-11-20 14:00\n---\n")
	for _, tz := range []string{"UTC", "Asia/Tokyo", "America/New_York"} {
		app, errs := content.Parse("content/a.md", "a", data, tz)
		if errs != nil {
			t.Fatalf("%s: %v", tz, errs)
		}
		want, _ := time.LoadLocation(tz)
		if got := app.Rounds[0].Start(app.Loc); !got.Equal(time.Date(2026, 11, 20, 14, 0, 0, 0, want)) {
			t.Errorf("%s: start %v", tz, got)
		}
		eq(t, "TZ", app.TZ, tz)
	}
}

// TestCache: an unchanged file is not parsed again, a changed one is.
func TestCache(t *testing.T) {
	root := t.TempDir()
	p := root + "/content/a.md"
	mustWrite(t, p, "---\ncompany: Acme\nrole: Designer\n---\n")
	cache := content.NewCache()
	a1, errs := content.Load(os.DirFS(root), content.Options{DefaultTZ: "UTC", Cache: cache})
	if errs != nil {
		t.Fatal(errs)
	}
	a2, _ := content.Load(os.DirFS(root), content.Options{DefaultTZ: "UTC", Cache: cache})
	if a1[0] != a2[0] {
		t.Error("unchanged file parsed again")
	}
	mustWrite(t, p, "---\ncompany: Acme Inc\nrole: Designer\n---\n")
	a3, _ := content.Load(os.DirFS(root), content.Options{DefaultTZ: "UTC", Cache: cache})
	eq(t, "Company after edit", a3[0].Company, "Acme Inc")
	a4, _ := content.Load(os.DirFS(root), content.Options{DefaultTZ: "Europe/Paris", Cache: cache})
	eq(t, "TZ after default changed", a4[0].TZ, "Europe/Paris")
}

// TestFindSkips: hidden files and editor lock files are not applications,
// files elsewhere in the project are not read, and a project without
// content/ has no applications and no error.
func TestFindSkips(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"content/a.md", "content/.hidden.md", "content/.git/x.md", "content/#b.md#.md", "content/notes.txt", "README.md"} {
		mustWrite(t, root+"/"+p, "---\ncompany: A\nrole: B\n---\n")
	}
	files, errs := content.Find(os.DirFS(root), content.Dir)
	if errs != nil {
		t.Fatal(errs)
	}
	if len(files) != 1 || files[0] != (content.File{Path: "content/a.md", Slug: "a"}) {
		t.Errorf("files = %+v, want only content/a.md", files)
	}
	apps, errs := content.Load(os.DirFS(t.TempDir()), content.Options{DefaultTZ: "UTC"})
	if len(apps) != 0 || errs != nil {
		t.Errorf("no content/: apps %v, errs %v", apps, errs)
	}
}
