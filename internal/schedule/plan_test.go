package schedule

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// dump is everything a plan says, as text, for comparing two plans.
func dump(res *Result) string {
	var b strings.Builder
	for _, a := range res.Actions {
		to := ""
		if a.To != nil {
			to = a.To.Name
		}
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%s|%s|%v|%v|%s\n", a.ID, a.Kind, a.App.Slug, to, a.Channel,
			a.Due.Format(time.RFC3339), a.Start.Format(time.RFC3339), a.AllDay, a.Overdue, a.Reason)
	}
	for _, iv := range res.Interviews {
		fmt.Fprintf(&b, "%s|%s|%s\n", iv.ID, iv.Start.Format(time.RFC3339), iv.End.Format(time.RFC3339))
	}
	slugs := make([]string, 0, len(res.Status))
	for s := range res.Status {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for _, s := range slugs {
		st := res.Status[s]
		next := ""
		if st.Next != nil {
			next = st.Next.ID
		}
		fmt.Fprintf(&b, "%s|%s|%v|%s|%d|%s\n", s, st.Stage, st.Closed, st.LastContact, st.Waiting, next)
	}
	return b.String()
}

// everySituation is one application at each point of the cycle.
func everySituation() []file {
	r := `rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Ana Núñez
        thanked: 2026-11-20
      - name: Robert Lee
        by: letter
`
	thanked := strings.Replace(r, "        by: letter\n", "        thanked: 2026-11-21\n", 1)
	head := func(c string) string {
		return "company: " + c + "\nrole: Designer\ntz: America/New_York\ncontact:\n  name: Jane Schmoe\n"
	}
	return []file{
		{"a/thanks", head("A") + r},
		{"b/check-in", head("B") + thanked},
		{"c/nudge", head("C") + thanked + "log:\n  - on: 2026-12-07\n    sent: check-in\n"},
		{"d/move-on", head("D") + thanked + "log:\n  - on: 2026-12-07\n    sent: check-in\n  - on: 2026-12-12\n    sent: nudge\n"},
		{"e/heard", head("E") + thanked + "log:\n  - on: 2026-12-08\n    heard: soon\n    next: 2026-12-18\n"},
		{"f/rejected", head("F") + thanked + "log:\n  - on: 2026-12-08\n    outcome: rejected\n"},
		{"g/offer", head("G") + thanked + "log:\n  - on: 2026-12-08\n    outcome: offer\n"},
		{"h/withdrawn", head("H") + thanked + "log:\n  - on: 2026-12-08\n    outcome: withdrawn\n"},
		{"i/future", head("I") + "rounds:\n  - at: 2027-01-10 10:00\n    interviewers:\n      - name: Sam Park\n"},
	}
}

// docs/rules.md: "Every rule is a pure function of the content, the configuration
// and the moment of the build".
func TestPlanIsDeterministic(t *testing.T) {
	t.Run("plan twice gives identical results", func(t *testing.T) {
		files := everySituation()
		now := mustTime(t, "2026-12-14T09:00:00-05:00")
		first := dump(Plan(load(t, files...), followup.DefaultPolicy(), now))
		second := dump(Plan(load(t, files...), followup.DefaultPolicy(), now))
		if first != second {
			t.Fatalf("two plans differ:\n%s\n---\n%s", first, second)
		}
		if strings.Count(first, "\n") < 15 {
			t.Fatalf("the plan is suspiciously small:\n%s", first)
		}
	})
	t.Run("plan does not depend on the order of applications", func(t *testing.T) {
		apps := load(t, everySituation()...)
		now := mustTime(t, "2026-12-14T09:00:00-05:00")
		forward := dump(Plan(apps, followup.DefaultPolicy(), now))
		rev := make([]*followup.Application, len(apps))
		for i, a := range apps {
			rev[len(apps)-1-i] = a
		}
		if backward := dump(Plan(rev, followup.DefaultPolicy(), now)); forward != backward {
			t.Fatalf("order of applications changes the plan:\n%s\n---\n%s", forward, backward)
		}
	})
	t.Run("plan does not modify the applications", func(t *testing.T) {
		apps := load(t, everySituation()...)
		before := fmt.Sprintf("%+v", apps)
		Plan(apps, followup.DefaultPolicy(), mustTime(t, "2026-12-14T09:00:00-05:00"))
		if after := fmt.Sprintf("%+v", apps); after != before {
			t.Fatal("Plan changed its input")
		}
	})
}

// docs/rules.md: "Ids depend on the content alone, so they stay stable across
// builds" -- a calendar subscribed to the feed updates events in place
// when only their dates move.
func TestIDsStableWhenOnlyDatesChange(t *testing.T) {
	ids := func(t *testing.T, f file, now string) (map[string]string, *Result) {
		t.Helper()
		res := Plan(load(t, f), followup.DefaultPolicy(), mustTime(t, now))
		m := map[string]string{}
		for _, a := range res.Actions {
			m[a.ID] = a.Due.Format(time.RFC3339)
		}
		return m, res
	}
	for _, c := range []struct {
		name, now           string
		before, after       file
		wantIDs             []string
		dueBefore, dueAfter string // of wantIDs[0]
	}{
		{
			name: "thank-you id stays when the round moves",
			now:  "2026-11-19T09:00:00-05:00",
			before: acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
`),
			after: acme(`rounds:
  - at: 2026-11-23 09:30
    length: 2h
    interviewers:
      - name: Robert Lee
`),
			wantIDs:   []string{"acme/thank-you/r1/robert-lee"},
			dueBefore: "2026-11-21T15:00:00-05:00", dueAfter: "2026-11-24T11:30:00-05:00",
		},
		{
			name: "check-in id stays when the timeline changes",
			now:  "2026-11-21T09:00:00-05:00",
			before: acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
`),
			after: acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 3 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-21
`),
			wantIDs:   []string{"acme/check-in/1"},
			dueBefore: "2026-12-07T00:00:00-05:00", dueAfter: "2026-12-14T00:00:00-05:00",
		},
		{
			name: "nudge id stays when the check-in's date changes",
			now:  "2026-12-10T09:00:00-05:00",
			before: acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
log:
  - on: 2026-12-07
    sent: check-in
`),
			after: acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
log:
  - on: 2026-12-09
    sent: check-in
`),
			wantIDs:   []string{"acme/nudge/1"},
			dueBefore: "2026-12-14T00:00:00-05:00", dueAfter: "2026-12-16T00:00:00-05:00",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := ids(t, c.before, c.now)
			after, _ := ids(t, c.after, c.now)
			if len(before) != len(c.wantIDs) || len(after) != len(c.wantIDs) {
				t.Fatalf("ids before %v, after %v, want exactly %v", before, after, c.wantIDs)
			}
			for _, id := range c.wantIDs {
				if _, ok := before[id]; !ok {
					t.Fatalf("before: no %s in %v", id, before)
				}
				if _, ok := after[id]; !ok {
					t.Fatalf("after: no %s in %v", id, after)
				}
			}
			if got := before[c.wantIDs[0]]; got != c.dueBefore {
				t.Errorf("before: due %s, want %s", got, c.dueBefore)
			}
			if got := after[c.wantIDs[0]]; got != c.dueAfter {
				t.Errorf("after: due %s, want %s", got, c.dueAfter)
			}
		})
	}
}

// Status: the next action of each application is its earliest open one;
// interviews are listed for the calendar with their own ids.
func TestStatusAndInterviews(t *testing.T) {
	apps := load(t, acme(`rounds:
  - at: 2026-11-10 10:00
    interviewers:
      - name: Sam Park
        thanked: 2026-11-10
  - at: 2026-11-30 09:00
    length: 45m
    interviewers:
      - name: Robert Lee
`), file{"quiet", "company: Quiet Co\nrole: Designer\napplied: 2026-11-01\n"})
	res := Plan(apps, followup.DefaultPolicy(), mustTime(t, "2026-11-21T09:00:00-05:00"))
	t.Run("next is the earliest open action", func(t *testing.T) {
		st := res.Status["acme"]
		if st.Next == nil || st.Next.ID != "acme/thank-you/r2/robert-lee" {
			t.Fatalf("next = %v, want acme/thank-you/r2/robert-lee", st.Next)
		}
		if st.Stage != followup.StageInterviewing || st.Closed {
			t.Errorf("stage %s closed %v, want interviewing, open", st.Stage, st.Closed)
		}
		if st.LastContact.String() != "2026-11-10" {
			t.Errorf("last contact %s, want 2026-11-10 (round 2 is to come)", st.LastContact)
		}
		if st.Waiting != 11 {
			t.Errorf("waiting %d days, want 11 (since the round of Nov 10)", st.Waiting)
		}
	})
	t.Run("silent since applying: next is the after-applying check-in; waiting counts from applied", func(t *testing.T) {
		st := res.Status["quiet"]
		if st.Next == nil || st.Next.ID != "quiet/after-applying/1" || st.Stage != followup.StageApplied || st.Waiting != 20 {
			t.Errorf("next %v stage %s waiting %d, want quiet/after-applying/1, applied, 20", st.Next, st.Stage, st.Waiting)
		}
	})
	t.Run("interviews in start order with stable ids", func(t *testing.T) {
		var got []string
		for _, iv := range res.Interviews {
			got = append(got, iv.ID+" "+iv.Start.Format(time.RFC3339)+" "+iv.End.Format(time.RFC3339))
		}
		want := []string{
			"acme/interview/r1 2026-11-10T10:00:00-05:00 2026-11-10T11:00:00-05:00",
			"acme/interview/r2 2026-11-30T09:00:00-05:00 2026-11-30T09:45:00-05:00",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("interviews:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}
