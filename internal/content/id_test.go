package content_test

import (
	"testing"
	"testing/fstest"

	"github.com/followup-tool/followup/internal/content"
)

// TestIDs: an application's id is read, checked for its characters, and
// two files with one id (or an id that is another file's path) are an
// error at the second file's id value.
func TestIDs(t *testing.T) {
	file := func(id string) *fstest.MapFile {
		s := "---\n"
		if id != "" {
			s += "id: " + id + "\n"
		}
		return &fstest.MapFile{Data: []byte(s + "company: Acme\nrole: Designer\n---\n")}
	}
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		ids   map[string]string // slug -> Identity, when loading succeeds
		errs  []string
	}{
		{"ids and paths", fstest.MapFS{"acme.md": file("acme-k7qz"), "archive/old.md": file("")},
			map[string]string{"acme": "acme-k7qz", "archive/old": "archive/old"}, nil},
		{"duplicate", fstest.MapFS{"a.md": file("acme-k7qz"), "archive/b.md": file("acme-k7qz"), "c.md": file("acme-k7qz")}, nil, []string{
			`content/archive/b.md:2:5: id: "acme-k7qz" is already the id of content/a.md; give each application its own`,
			`content/c.md:2:5: id: "acme-k7qz" is already the id of content/a.md; give each application its own`,
		}},
		{"another file's path", fstest.MapFS{"acme.md": file(""), "archive/acme-inc.md": file("acme")}, nil, []string{
			`content/archive/acme-inc.md:2:5: id: "acme" is how content/acme.md, which has no id, is identified; choose another id or give that file one`,
		}},
		{"bad characters", fstest.MapFS{"a.md": file("Acme_K7"), "b.md": file(`"acme k7"`), "c.md": file(`""`)}, nil, []string{
			`content/a.md:2:5: id: "Acme_K7": want lowercase letters, digits and single hyphens, such as acme-k7qz`,
			`content/b.md:2:5: id: "acme k7": want lowercase letters, digits and single hyphens, such as acme-k7qz`,
			`content/c.md:2:5: id: must not be empty; write a short name such as acme-k7qz, or remove the line`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			apps, errs := content.Load(asContent{tc.files}, content.Options{DefaultTZ: "UTC"})
			if got := listing(errs); got != joinLines(tc.errs) {
				t.Errorf("errors:\n%s\nwant:\n%s", got, joinLines(tc.errs))
			}
			if tc.ids == nil {
				return
			}
			if len(apps) != len(tc.ids) {
				t.Fatalf("%d applications, want %d", len(apps), len(tc.ids))
			}
			for _, a := range apps {
				if a.Identity() != tc.ids[a.Slug] {
					t.Errorf("%s: identity %q, want %q", a.Slug, a.Identity(), tc.ids[a.Slug])
				}
			}
		})
	}
}

func joinLines(ls []string) string {
	s := ""
	for _, l := range ls {
		s += l + "\n"
	}
	return s
}

// TestRepeatedHourWarning: a round in the hour the clocks go back over is
// a warning at its value and the application still loads, with the first
// occurrence; with an error in the same file both are reported.
func TestRepeatedHourWarning(t *testing.T) {
	for _, tc := range []struct {
		tz, at string
		warn   string // "" = none
		utc    string // the round's start
	}{
		{"America/New_York", "2026-11-01 01:30", "content/x.md:7:9: warning: at: 2026-11-01 01:30 happens twice in America/New_York (the clocks go back over it); followup takes the first, EDT (UTC-04:00)", "2026-11-01T05:30:00Z"},
		{"Europe/Berlin", "2026-10-25 02:30", "content/x.md:7:9: warning: at: 2026-10-25 02:30 happens twice in Europe/Berlin (the clocks go back over it); followup takes the first, CEST (UTC+02:00)", "2026-10-25T00:30:00Z"},
		{"Australia/Sydney", "2026-04-05 02:30", "content/x.md:7:9: warning: at: 2026-04-05 02:30 happens twice in Australia/Sydney (the clocks go back over it); followup takes the first, AEDT (UTC+11:00)", "2026-04-04T15:30:00Z"},
		{"Europe/Berlin", "2026-10-25 03:30", "", "2026-10-25T02:30:00Z"},
	} {
		src := "---\ncompany: Acme\nrole: Designer\ntz: " + tc.tz + "\nrounds:\n  -\n    at: " + tc.at + "\n    interviewers:\n      - name: Jo\n        email: jo@example.com\n---\n"
		app, errs := content.Parse("content/x.md", "x", []byte(src), "UTC")
		if len(errs) > 0 || app == nil {
			t.Fatalf("%s %s: %v", tc.tz, tc.at, errs)
		}
		if got := listing(app.Warnings); got != joinLines(nonEmpty(tc.warn)) {
			t.Errorf("%s %s: warnings %q, want %q", tc.tz, tc.at, got, tc.warn)
		}
		if got := app.Rounds[0].Start(app.Loc).UTC().Format("2006-01-02T15:04:05Z"); got != tc.utc {
			t.Errorf("%s %s: starts %s, want %s", tc.tz, tc.at, got, tc.utc)
		}
		bad := src[:len("---\n")] + "applied: 2026-02-30\n" + src[len("---\n"):]
		_, errs = content.Parse("content/x.md", "x", []byte(bad), "UTC")
		if tc.warn != "" && (len(errs) != 2 || !errs[1].Warning || errs[0].Warning) {
			t.Errorf("%s %s with an error: %q, want the error and the warning", tc.tz, tc.at, listing(errs))
		}
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
