package calendar

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// editBase is a search as a user keeps it: an application with an id and
// rounds to come (one interviewer with an email address, one without),
// and one waiting for a check-in.
var editBase = map[string]string{
	"acme": `---
id: acme-k7qz
company: Acme Architecture
role: Junior Designer
applied: 2026-10-01
tz: America/New_York
contact:
  name: Jane Schmoe
  email: jane@acme.example
rounds:
  - at: 2026-10-27 10:00
    kind: video
    interviewers:
      - name: Jane Schmoe
        email: jane@acme.example
  - at: 2026-11-02 10:00
    kind: onsite
    interviewers:
      - name: Robret Lee
      - name: Ana Nunex
        email: ana@acme.example
---
`,
	"initech": `---
id: initech-b2c3
company: Initech
role: Designer
applied: 2026-09-20
tz: Europe/Berlin
contact:
  name: Bill Lumbergh
rounds:
  - at: 2026-10-14 10:00
    interviewers:
      - name: Bill Lumbergh
        thanked: 2026-10-14
log:
  - on: 2026-10-16
    heard: We will be in touch
---
`,
}

// feedOf builds the feed of files (slug -> front matter) at now.
func feedOf(t *testing.T, files map[string]string, pol followup.Policy, now time.Time) ([]byte, map[string]want) {
	t.Helper()
	slugs := make([]string, 0, len(files))
	for s := range files {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	var apps []*followup.Application
	for _, s := range slugs {
		app, errs := content.Parse("content/"+s+".md", s, []byte(files[s]), "UTC")
		if len(errs) > 0 {
			t.Fatalf("%s: %v", s, errs)
		}
		apps = append(apps, app)
	}
	res := schedule.Plan(apps, pol, now)
	opt := baseOptions("America/New_York")
	opt.Stamp = now
	var buf bytes.Buffer
	if err := Write(&buf, opt, res.Actions, res.Interviews, drafts(t, res)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), wants(opt, res)
}

// stamped is what a feed says of each event: SEQUENCE, LAST-MODIFIED and
// DTSTART, by UID.
type stamped struct {
	seq      int
	modified string
	start    string
}

var (
	reEvent    = regexp.MustCompile(`(?s)BEGIN:VEVENT\r\n.*?END:VEVENT\r\n`)
	reUID      = regexp.MustCompile(`\r?\nUID:(.*)\r\n`)
	reSequence = regexp.MustCompile(`\r\nSEQUENCE:(\d+)\r\n`)
	reModified = regexp.MustCompile(`\r\nLAST-MODIFIED:(\w+)\r\n`)
	reStart    = regexp.MustCompile(`\r\n(DTSTART[^\r]*)\r\n`)
)

func events(t *testing.T, feed []byte) map[string]stamped {
	t.Helper()
	out := map[string]stamped{}
	for _, ev := range reEvent.FindAllString(unfold(string(feed)), -1) {
		uid := reUID.FindStringSubmatch(ev)[1]
		seq, err := strconv.Atoi(reSequence.FindStringSubmatch(ev)[1])
		if err != nil {
			t.Fatal(err)
		}
		out[uid] = stamped{seq, reModified.FindStringSubmatch(ev)[1], reStart.FindStringSubmatch(ev)[1]}
	}
	return out
}

// TestEdits builds the search, edits it the way people do, and builds it
// again a day later: the UIDs that name the same things stay (so a
// subscribed calendar updates events in place), every event's SEQUENCE
// grows and its LAST-MODIFIED moves forward (so clients take the update,
// RFC 5545 §3.8.7.4), whatever the edit, even one that removes a record.
func TestEdits(t *testing.T) {
	now := time.Date(2026, 10, 22, 12, 0, 0, 0, time.UTC)
	later := now.Add(24*time.Hour + 17*time.Minute)
	replace := func(slug, old, new string) func(map[string]string, *followup.Policy) {
		return func(f map[string]string, _ *followup.Policy) {
			if !strings.Contains(f[slug], old) {
				t.Fatalf("fixture %s lacks %q", slug, old)
			}
			f[slug] = strings.Replace(f[slug], old, new, 1)
		}
	}
	for _, tc := range []struct {
		name string
		edit func(map[string]string, *followup.Policy)
		// gone and added are the UIDs (before "@") that the edit removes
		// and adds; every other UID must be in both builds.
		gone, added []string
		moved       []string // UIDs (or their beginnings, ending in "/") whose DTSTART must change
	}{
		{name: "nothing"},
		{name: "insert an earlier round", edit: replace("acme", "rounds:\n", "rounds:\n  - at: 2026-10-20 09:00\n    kind: phone\n    interviewers:\n      - name: Pat Recruiter\n"),
			added: []string{"acme-k7qz/interview/20261020", "acme-k7qz/thank-you/20261020/pat-recruiter"}},
		{name: "move the file to archive/", edit: func(f map[string]string, _ *followup.Policy) {
			f["archive/acme-inc"] = f["acme"]
			delete(f, "acme")
		}},
		{name: "fix a typo in a name with an email address", edit: replace("acme", "name: Ana Nunex", "name: Ana Núñez")},
		// Without an email address the name is all there is to go by.
		{name: "fix a typo in a name without one", edit: replace("acme", "name: Robret Lee", "name: Robert Lee"),
			gone: []string{"acme-k7qz/thank-you/20261102/robret-lee"}, added: []string{"acme-k7qz/thank-you/20261102/robert-lee"}},
		{name: "move a round to another hour", edit: replace("acme", "at: 2026-11-02 10:00", "at: 2026-11-02 15:00"),
			moved: []string{"acme-k7qz/interview/20261102", "acme-k7qz/thank-you/20261102/"}},
		{name: "change check_in_after", edit: func(_ map[string]string, p *followup.Policy) {
			p.CheckInAfter = followup.Span{N: 10, Unit: followup.Days}
		},
			moved: []string{"initech-b2c3/check-in/1"}},
		{name: "remove a record", edit: replace("initech", "        thanked: 2026-10-14\n", ""),
			added: []string{"initech-b2c3/thank-you/20261014/bill-lumbergh"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range editBase {
				files[k] = v
			}
			pol := followup.DefaultPolicy()
			first, _ := feedOf(t, files, pol, now)
			if again, _ := feedOf(t, files, pol, now); !bytes.Equal(first, again) {
				t.Fatalf("two builds at the same --now differ:\n%s", diff(string(first), string(again)))
			}
			if tc.edit != nil {
				tc.edit(files, &pol)
			}
			second, w := feedOf(t, files, pol, later)
			a, b := events(t, first), events(t, second)
			if len(a) < 6 {
				t.Fatalf("the first build has %d events", len(a))
			}
			full := func(ids []string) map[string]bool {
				m := map[string]bool{}
				for _, id := range ids {
					m[id+"@sam.example"] = true
				}
				return m
			}
			gone, added := full(tc.gone), full(tc.added)
			isMoved := func(uid string) bool {
				for _, m := range tc.moved {
					if uid == m+"@sam.example" || strings.HasSuffix(m, "/") && strings.HasPrefix(uid, m) {
						return true
					}
				}
				return false
			}
			for uid, x := range a {
				y, ok := b[uid]
				switch {
				case gone[uid] && ok:
					t.Errorf("%s is still there", uid)
				case gone[uid]:
				case !ok:
					t.Errorf("%s is gone: a subscriber sees a delete and an add", uid)
				default:
					if y.seq <= x.seq || y.modified <= x.modified {
						t.Errorf("%s: SEQUENCE %d -> %d, LAST-MODIFIED %s -> %s; want both to grow", uid, x.seq, y.seq, x.modified, y.modified)
					}
					if isMoved(uid) == (x.start == y.start) {
						t.Errorf("%s: DTSTART %s -> %s (moved: %v)", uid, x.start, y.start, isMoved(uid))
					}
				}
			}
			for uid := range b {
				if _, ok := a[uid]; !ok && !added[uid] {
					t.Errorf("new UID %s", uid)
				}
			}
			for uid := range added {
				if _, ok := b[uid]; !ok {
					t.Errorf("no event %s after the edit; have %v", uid, keys(b))
				}
			}
			for _, m := range tc.moved {
				n := 0
				for uid := range a {
					if isMoved(uid) {
						n++
					}
				}
				if n == 0 {
					t.Errorf("no event %s to move; have %v", m, keys(a))
				}
			}
			checkParsers(t, saveFeed(t, "edited.ics", second), w)
		})
	}
}

func keys(m map[string]stamped) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestSequenceNeverFalls: SEQUENCE and LAST-MODIFIED follow --now, never
// fall as it grows, stop at the largest int32 rather than wrapping, and are
// 0 before their epoch.
func TestSequenceNeverFalls(t *testing.T) {
	prev := -1
	for _, s := range []string{"2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "2026-10-22T12:00:00Z",
		"2026-10-22T12:00:01Z", "2027-03-14T02:30:00-04:00", "2094-01-19T03:14:07Z", "2094-01-19T03:14:08Z", "2200-01-01T00:00:00Z"} {
		now, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		n := sequence(now)
		if n < prev || n < 0 || n > 1<<31-1 {
			t.Errorf("sequence(%s) = %d after %d", s, n, prev)
		}
		prev = n
	}
	if sequence(time.Date(2026, 10, 22, 12, 0, 1, 0, time.UTC)) != 25444801 {
		t.Errorf("sequence counts seconds from 2026-01-01: %d", sequence(time.Date(2026, 10, 22, 12, 0, 1, 0, time.UTC)))
	}
}

// TestRepeatedHours: a round at a wall-clock time the clocks pass twice is
// its first occurrence east and west of UTC, is written in UTC so every
// parser reads that moment, and no event around it ends before it starts
// (a 30-minute round at 01:15 on New York's night gives a thank-you from
// 01:45 EDT to 01:15 EST, which a local DTEND would show as ending first).
func TestRepeatedHours(t *testing.T) {
	var apps []*followup.Application
	for _, tc := range []struct{ zone, at, length string }{
		{"America/New_York", "2026-11-01 01:15", "30m"},
		{"Europe/Berlin", "2026-10-25 02:30", "1h"},
		{"Australia/Sydney", "2026-04-05 02:30", "1h"},
	} {
		src := "---\ncompany: " + tc.zone + "\nrole: Designer\ntz: " + tc.zone + "\nrounds:\n  - at: " + tc.at +
			"\n    length: " + tc.length + "\n    interviewers:\n      - name: Pat Doe\n        email: pat@example.com\n---\n"
		app, errs := content.Parse("content/x.md", strings.ToLower(strings.ReplaceAll(tc.zone, "/", "-")), []byte(src), "UTC")
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if len(app.Warnings) != 1 {
			t.Errorf("%s %s: warnings %v, want one", tc.zone, tc.at, app.Warnings)
		}
		apps = append(apps, app)
	}
	opt := baseOptions("UTC")
	opt.Stamp = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	b, res := writeFeed(t, apps, opt)
	checkWire(t, b)
	s := unfold(string(b))
	for _, w := range []string{
		// The first occurrences: EDT, CEST, AEDT.
		"DTSTART:20261101T051500Z\r\nDTEND:20261101T054500Z\r\nSUMMARY:Interview: America/New_York",
		"DTSTART:20261101T054500Z\r\nDTEND:20261101T061500Z\r\nSUMMARY:Thank-you note to Pat Doe",
		"DTSTART:20261025T003000Z\r\nDTEND:20261025T013000Z\r\nSUMMARY:Interview: Europe/Berlin",
		"DTSTART:20260404T153000Z\r\nDTEND:20260404T163000Z\r\nSUMMARY:Interview: Australia/Sydney",
	} {
		if !strings.Contains(s, w) {
			t.Errorf("feed lacks %q", w)
		}
	}
	if strings.Contains(s, "DTSTART;TZID=") {
		t.Errorf("an event in a repeated hour is written in local time")
	}
	for _, ev := range reEvent.FindAllString(s, -1) {
		st := regexp.MustCompile(`\r\nDTSTART[^:]*:(\w+)\r\n`).FindStringSubmatch(ev)[1]
		en := regexp.MustCompile(`\r\nDTEND[^:]*:(\w+)\r\n`).FindStringSubmatch(ev)[1]
		if en <= st {
			t.Errorf("event ends (%s) before it starts (%s):\n%s", en, st, ev)
		}
	}
	w := wants(opt, res)
	if len(w) != 6 {
		t.Fatalf("%d events", len(w))
	}
	checkParsers(t, saveFeed(t, "repeated.ics", b), w)
}
