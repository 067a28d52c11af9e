package schedule

import (
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// The calendar of late 2026 these cases count on: Fri Nov 20, Sat Dec 5,
// Mon Dec 7, Sat Dec 12, Mon Dec 14, Sat Dec 19, Mon Jan 4 2027.

// docs/rules.md, check-in: the day after the promise, or check_in_after after the
// latest thank-you of the latest round; only once every round is over and
// every thank-you of the latest round is recorded; weekends moved to
// Monday; due at the first moment of the day in the application's zone.
func TestCheckIn(t *testing.T) {
	runCases(t, []planCase{
		{
			// Nov 20 + 2 weeks = Fri Dec 4; the day after is Sat Dec 5,
			// which weekend_to_monday moves to Mon Dec 7.
			name: "check-in the day after a promised 2 weeks, Saturday moved to Monday",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        title: Dr.
        thanked: 2026-11-20
`)},
			now: "2026-11-25T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-07T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"2 weeks", "Nov 20", "Dec 5", "Saturday", "Monday Dec 7"}},
			},
			stage: map[string]followup.Stage{"acme": followup.StageInterviewing},
		},
		{
			name:   "check-in promised 2 weeks from Nov 20 is due Dec 5 at midnight without weekend_to_monday",
			policy: noWeekendMove,
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
`)},
			now: "2026-11-25T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-05T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"2 weeks", "Dec 5"}, notReason: []string{"Monday"}},
			},
		},
		{
			// Thu Nov 19 + 3 business days: Fri 20, Mon 23, Tue 24; check
			// in Wed Nov 25 (3 calendar days would give Mon Nov 23).
			name: "check-in after N business days skips the weekend",
			files: []file{acme(`rounds:
  - at: 2026-11-19 14:00
    timeline: 3 business days
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-19
`)},
			now: "2026-11-20T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"3 business days"}},
			},
		},
		{
			name: "check-in the day after a timeline given as a date",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 2026-12-02
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
`)},
			now: "2026-11-25T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-03T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 2", "Dec 3"}},
			},
		},
		{
			// [B]: "allow one week after your thank you note"; the
			// latest thank-you of the round counts (Nov 19, not Nov 18).
			name: "check-in without timeline 7 days after the latest thanked",
			files: []file{acme(`rounds:
  - at: 2026-11-18 10:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-18
      - name: Robert Lee
        thanked: 2026-11-19
`)},
			now: "2026-11-20T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-26T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"No timeline", "Nov 19", "7 days", "Nov 26"}},
			},
		},
		{
			// [C] cites an extra week: check_in_after = "14 days".
			name:   "check-in without timeline honours check_in_after 14 days",
			policy: func(p *followup.Policy) { p.CheckInAfter = followup.Span{N: 14, Unit: followup.Days} },
			files: []file{acme(`rounds:
  - at: 2026-11-18 10:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-18
      - name: Robert Lee
        thanked: 2026-11-19
`)},
			now: "2026-11-20T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-03T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"14 days", "Dec 3"}},
			},
		},
		{
			name: "no check-in until every thank-you of the latest round is recorded",
			files: []file{acme(`rounds:
  - at: 2026-11-18 10:00
    timeline: 1 week
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-18
      - name: Robert Lee
`)},
			now: "2026-11-30T09:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/robert-lee", kind: "thank-you", due: "2026-11-19T11:00:00-05:00", ch: "email", to: "Robert Lee", overdue: true},
			},
		},
		{
			// docs/rules.md names the latest round only; Sam's note from round 1
			// stays listed but does not hold the check-in back.
			name: "check-in waits for the latest round's thank-yous only",
			files: []file{acme(`rounds:
  - at: 2026-11-10 10:00
    interviewers:
      - name: Sam Park
  - at: 2026-11-18 10:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
`)},
			now: "2026-11-21T09:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/sam-park", kind: "thank-you", due: "2026-11-11T11:00:00-05:00", ch: "email", to: "Sam Park", overdue: true},
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name: "no check-in while a round is still to come",
			files: []file{acme(`rounds:
  - at: 2026-11-10 10:00
    timeline: 1 week
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-10
  - at: 2026-12-10 14:00
    interviewers:
      - name: Robert Lee
`)},
			now: "2026-11-25T09:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r2/robert-lee", kind: "thank-you", due: "2026-12-11T15:00:00-05:00", ch: "email", to: "Robert Lee"},
			},
		},
		{
			// The round is under way at now (14:00-15:00): still to come.
			name: "no check-in during the latest round",
			files: []file{acme(`rounds:
  - at: 2026-11-10 10:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-10
  - at: 2026-11-25 14:00
`)},
			now:  "2026-11-25T14:30:00-05:00",
			want: nil,
		},
		{
			// Round 1 promised 4 weeks (Nov 30); round 2 said nothing, so
			// the wait is check_in_after from its thank-you: Nov 25, not
			// Dec 1.
			name: "a later round without timeline replaces the earlier promise",
			files: []file{acme(`rounds:
  - at: 2026-11-02 10:00
    timeline: 4 weeks
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-02
  - at: 2026-11-18 10:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
`)},
			now: "2026-11-21T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			// after_applying and quiet_after are product rules
			// (afterapplying.go); turned off, a file with no round has
			// nothing to follow up.
			name:   "no rounds and after_applying off: no check-in, stage applied",
			files:  []file{acme("applied: 2026-11-02\n")},
			policy: func(p *followup.Policy) { p.AfterApplying, p.QuietAfter = followup.Span{}, followup.Span{} },
			now:    "2026-12-20T09:00:00-05:00",
			want:   nil,
			stage:  map[string]followup.Stage{"acme": followup.StageApplied},
		},
		{
			// The first moment of Dec 3 in Tokyo, whatever zone now is in.
			name: "check-in due at the first moment of the day in the application's zone",
			files: []file{{"kaisha", `company: Kaisha
role: Designer
tz: Asia/Tokyo
contact:
  name: Yui Tanaka
rounds:
  - at: 2026-11-20 14:00
    timeline: 2026-12-02
    interviewers:
      - name: Yui Tanaka
        thanked: 2026-11-20
`}},
			now: "2026-11-25T09:00:00-05:00",
			want: []act{
				{id: "kaisha/check-in/1", kind: "check-in", due: "2026-12-03T00:00:00+09:00", ch: "email", to: "Yui Tanaka"},
			},
		},
		{
			// Chile's clocks jump from Sun Sep 6 2026 00:00 to 01:00: that
			// day starts at 01:00 (docs/rules.md), not at 23:00 the day before.
			name:   "check-in in America/Santiago on a day whose midnight is skipped starts at 01:00",
			policy: noWeekendMove,
			files: []file{{"santiago", `company: Estudio
role: Designer
tz: America/Santiago
contact:
  name: Camila Rojas
rounds:
  - at: 2026-08-28 10:00
    timeline: 2026-09-05
    interviewers:
      - name: Camila Rojas
        thanked: 2026-08-28
`}},
			now: "2026-09-01T09:00:00-04:00",
			want: []act{
				{id: "santiago/check-in/1", kind: "check-in", due: "2026-09-06T01:00:00-03:00", ch: "email", to: "Camila Rojas"},
			},
		},
		{
			name: "check-in in America/Santiago on the skipped-midnight Sunday moves to Monday",
			files: []file{{"santiago", `company: Estudio
role: Designer
tz: America/Santiago
contact:
  name: Camila Rojas
rounds:
  - at: 2026-08-28 10:00
    timeline: 2026-09-05
    interviewers:
      - name: Camila Rojas
        thanked: 2026-08-28
`}},
			now: "2026-09-01T09:00:00-04:00",
			want: []act{
				{id: "santiago/check-in/1", kind: "check-in", due: "2026-09-07T00:00:00-03:00", ch: "email", to: "Camila Rojas",
					reason: []string{"Sunday", "Monday Sep 7"}},
			},
		},
	})
}

// docs/rules.md, overdue: a day action is overdue only once its whole day has
// passed in the application's zone (not from its first moment, as a
// deadline would be).
func TestDayActionOverdue(t *testing.T) {
	ny := acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 2026-12-02
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
`)
	tokyo := file{"kaisha", `company: Kaisha
role: Designer
tz: Asia/Tokyo
contact:
  name: Yui Tanaka
rounds:
  - at: 2026-11-20 14:00
    timeline: 2026-12-02
    interviewers:
      - name: Yui Tanaka
        thanked: 2026-11-20
`}
	checkIn := func(overdue bool) []act {
		return []act{{id: "acme/check-in/1", kind: "check-in", due: "2026-12-03T00:00:00-05:00", ch: "email", to: "Jane Schmoe", overdue: overdue}}
	}
	kaisha := func(overdue bool) []act {
		return []act{{id: "kaisha/check-in/1", kind: "check-in", due: "2026-12-03T00:00:00+09:00", ch: "email", to: "Yui Tanaka", overdue: overdue}}
	}
	runCases(t, []planCase{
		{name: "day action not overdue on its day", files: []file{ny}, now: "2026-12-03T00:00:01-05:00", want: checkIn(false)},
		{name: "day action not overdue in the last second of its day", files: []file{ny}, now: "2026-12-03T23:59:59-05:00", want: checkIn(false)},
		{name: "day action overdue once its day has passed", files: []file{ny}, now: "2026-12-04T00:00:00-05:00", want: checkIn(true)},
		// 09:59:59 in New York is 23:59:59 in Tokyo: still Dec 3 there.
		{name: "day action overdue by the application's zone: not yet", files: []file{tokyo}, now: "2026-12-03T09:59:59-05:00", want: kaisha(false)},
		// 10:00 in New York is Dec 4 in Tokyo: Dec 3 has passed there,
		// though not in New York.
		{name: "day action overdue by the application's zone: passed", files: []file{tokyo}, now: "2026-12-03T10:00:00-05:00", want: kaisha(true)},
	})
}

// docs/rules.md, recipients: check-ins, nudges, after-rejection and withdrawal go
// to the contact ([D]: "the human resources manager or main hiring
// contact"), else to the first interviewer of the latest round.
func TestRecipients(t *testing.T) {
	rounds := `rounds:
  - at: 2026-11-02 10:00
    interviewers:
      - name: Alex Kim
        thanked: 2026-11-02
  - at: 2026-11-18 10:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
      - name: Sam Park
        thanked: 2026-11-18
`
	head := "company: Acme Architecture\nrole: Junior Designer\n"
	runCases(t, []planCase{
		{
			name: "contact gets the check-in",
			files: []file{{"acme", head + `contact:
  name: Pat Morgan
  title: Mx.
` + rounds}},
			now:  "2026-11-20T09:00:00-05:00",
			want: []act{{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Pat Morgan"}},
		},
		{
			name:  "without contact the first interviewer of the latest round gets the check-in",
			files: []file{{"acme", head + rounds}},
			now:   "2026-11-20T09:00:00-05:00",
			want:  []act{{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Robert Lee"}},
		},
		{
			name: "contact by: phone makes the check-in a call",
			files: []file{{"acme", head + `contact:
  name: Pat Morgan
  by: phone
` + rounds}},
			now:  "2026-11-20T09:00:00-05:00",
			want: []act{{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "phone", to: "Pat Morgan"}},
		},
		{
			name: "without contact the first interviewer of the latest round gets the after-rejection",
			files: []file{{"acme", head + rounds + `log:
  - on: 2026-11-24
    outcome: rejected
`}},
			now:  "2026-11-24T09:00:00-05:00",
			want: []act{{id: "acme/after-rejection/1", kind: "after-rejection", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Robert Lee"}},
		},
	})
}
