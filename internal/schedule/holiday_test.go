package schedule

import (
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// holidays is a fixed set for tests (package holiday computes the real
// ones; its tests check Christmas is among the US holidays).
type holidays map[followup.Date]string

func (h holidays) Holiday(d followup.Date) (string, bool) { n, ok := h[d]; return n, ok }

var usWinter = holidays{
	{Year: 2026, Month: time.December, Day: 24}: "a holiday you listed",
	{Year: 2026, Month: time.December, Day: 25}: "Christmas Day",
	{Year: 2027, Month: time.January, Day: 1}:   "New Year's Day",
}

// A check-in that would fall on a holiday moves to the next working day,
// as one on a weekend does (a product rule, holidays in followup.toml).
func TestHolidaysMoveCheckIns(t *testing.T) {
	withHolidays := func(p *followup.Policy) { p.Holidays = usWinter }
	runCases(t, []planCase{
		{
			// Thanked Fri Dec 18; 7 days later is Fri Dec 25.
			name: "a check-in falling on Dec 25 with holidays = US moves to Monday Dec 28",
			files: []file{acme(`rounds:
  - at: 2026-12-18 10:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-12-18
`)},
			policy: withHolidays,
			now:    "2026-12-20T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-28T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 25 is Christmas Day, a holiday", "product rule", "Dec 26 is a Saturday, so Monday Dec 28"}},
			},
		},
		{
			name: "without holidays it stays on Dec 25",
			files: []file{acme(`rounds:
  - at: 2026-12-18 10:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-12-18
`)},
			now: "2026-12-20T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-25T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			// Round Mon Dec 21, "3 business days": Dec 22, 23, then Dec
			// 24 and 25 are holidays and the weekend follows, so Dec 28 is
			// the third; the check-in is the day after, Dec 29.
			name: "business days skip holidays",
			files: []file{acme(`rounds:
  - at: 2026-12-21 10:00
    timeline: 3 business days
    interviewers:
      - name: Robert Lee
        thanked: 2026-12-21
`)},
			policy: withHolidays,
			now:    "2026-12-22T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-29T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			// Applied Dec 18; 14 days is Fri Jan 1.
			name:   "an after-applying check-in on New Year's Day moves to Monday",
			files:  []file{acme("applied: 2026-12-18\n")},
			policy: withHolidays,
			now:    "2026-12-20T09:00:00-05:00",
			want: []act{
				{id: "acme/after-applying/1", kind: "after-applying", due: "2027-01-04T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"New Year's Day"}},
			},
		},
	})
}
