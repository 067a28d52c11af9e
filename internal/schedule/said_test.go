package schedule

import "testing"

// Timelines as people say them ([B]: "If they said two weeks, wait two
// weeks"): a range counts to its later end, "next week" to that week's
// Friday, "by Friday" to the Friday after the round.
func TestCheckInAfterTimelinesAsSaid(t *testing.T) {
	round := func(timeline string) []file {
		return []file{acme(`rounds:
  - at: 2026-11-19 2pm
    timeline: ` + timeline + `
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-19
`)}
	}
	now := "2026-11-20T09:00:00-05:00"
	runCases(t, []planCase{
		{name: "2-3 weeks: the day after three weeks", files: round("2-3 weeks"), now: now, want: []act{
			{id: "acme/check-in/1", kind: "check-in", due: "2026-12-11T00:00:00-05:00", ch: "email", to: "Jane Schmoe", reason: []string{"They said 2-3 weeks on Nov 19"}},
		}},
		{name: "a week or two: the day after two weeks", files: round("a week or two"), now: now, want: []act{
			{id: "acme/check-in/1", kind: "check-in", due: "2026-12-04T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
		}},
		{name: "next week: the Saturday after it moves to Monday", files: round("next week"), now: now, want: []act{
			{id: "acme/check-in/1", kind: "check-in", due: "2026-11-30T00:00:00-05:00", ch: "email", to: "Jane Schmoe", reason: []string{"They said next week"}},
		}},
		{name: "end of the month: the first of the next", files: round("end of the month"), now: now, want: []act{
			{id: "acme/check-in/1", kind: "check-in", due: "2026-12-01T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
		}},
		{name: "by Friday, said on a Thursday: the followup gap still holds a week", files: round("by Friday"), now: now, want: []act{
			{id: "acme/check-in/1", kind: "check-in", due: "2026-11-23T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
		}},
	})
}
