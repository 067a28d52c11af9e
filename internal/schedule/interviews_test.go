package schedule

import (
	"testing"
)

// Interviews on the agenda: upcoming and under way, never overdue.
func TestUpcomingInterviews(t *testing.T) {
	f := acme(`rounds:
  - at: 2026-11-10 10:00
    interviewers:
      - name: Sam Park
        thanked: 2026-11-10
  - at: 2026-11-21 13:00
    kind: phone
    interviewers:
      - name: Robert Lee
  - at: 2026-11-25 09:00
  - at: 2026-12-20 09:00
`)
	for _, c := range []struct {
		name, now string
		want      []string // id bucket
	}{
		{"the morning of a 13:00 phone interview: today, then this week, then later", "2026-11-21T08:00:00-05:00",
			[]string{"acme/interview/r2 today", "acme/interview/r3 week", "acme/interview/r4 later"}},
		{"under way at 13:30: still today", "2026-11-21T13:30:00-05:00",
			[]string{"acme/interview/r2 today", "acme/interview/r3 week", "acme/interview/r4 later"}},
		{"over at 14:00: gone", "2026-11-21T14:00:00-05:00",
			[]string{"acme/interview/r3 week", "acme/interview/r4 later"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runPlan(t, planCase{files: []file{f}, now: c.now})
			var got []string
			for _, iv := range Upcoming(res) {
				got = append(got, iv.ID+" "+string(InterviewBucket(&iv, res.Now)))
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("got %v, want %v", got, c.want)
				}
			}
		})
	}
}
