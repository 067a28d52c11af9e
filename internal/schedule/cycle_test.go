package schedule

import (
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// promised2Weeks is a round on Fri Nov 20 with "2 weeks" (promise Fri Dec
// 4), thanked the same day, followed by log.
func promised2Weeks(log string) file {
	return acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
` + log)
}

// docs/rules.md, nudge and cadence: a week after an unanswered check-in; at least
// followup_gap after the previous check-in or nudge (exactly the gap is
// allowed), even across a reply; never on or before the promised date
// ([E]: "calling more than once a week, calling earlier than the date
// they said they'd get back to you").
func TestNudgeAndCadence(t *testing.T) {
	runCases(t, []planCase{
		{
			name: "nudge 7 days after an unanswered check-in",
			files: []file{promised2Weeks(`log:
  - on: 2026-12-07
    sent: check-in
`)},
			now: "2026-12-08T09:00:00-05:00",
			want: []act{
				{id: "acme/nudge/1", kind: "nudge", due: "2026-12-14T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"check-in of Dec 7", "Dec 14", "explicitly"}},
			},
			stage: map[string]followup.Stage{"acme": followup.StageInterviewing},
		},
		{
			name: "nudge falling on a Saturday moves to Monday",
			files: []file{promised2Weeks(`log:
  - on: 2026-12-05
    sent: check-in
`)},
			now: "2026-12-08T09:00:00-05:00",
			want: []act{
				{id: "acme/nudge/1", kind: "nudge", due: "2026-12-14T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Saturday", "Monday Dec 14"}},
			},
		},
		{
			name:   "nudge on a Saturday stays there without weekend_to_monday",
			policy: noWeekendMove,
			files: []file{promised2Weeks(`log:
  - on: 2026-12-05
    sent: check-in
`)},
			now: "2026-12-08T09:00:00-05:00",
			want: []act{
				{id: "acme/nudge/1", kind: "nudge", due: "2026-12-12T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			// The reply restarts the cycle (check-in again, #2) but its new
			// date (Dec 9) would put the check-in on Dec 10, three days
			// after the last one: the gap holds it to Dec 14, exactly 7
			// days after Dec 7.
			name: "cadence cap counts from the previous check-in even across a heard",
			files: []file{promised2Weeks(`log:
  - on: 2026-12-07
    sent: check-in
  - on: 2026-12-08
    heard: Still deciding, news tomorrow
    next: 2026-12-09
`)},
			now: "2026-12-09T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/2", kind: "check-in", due: "2026-12-14T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 9", "Dec 7", "one per 7 days"}},
			},
		},
		{
			// The day after the new date (Dec 8) is exactly 7 days after
			// the early check-in of Dec 1: allowed, not pushed to Dec 9.
			name: "cadence allows exactly followup_gap after the previous check-in",
			files: []file{promised2Weeks(`log:
  - on: 2026-12-01
    sent: check-in
  - on: 2026-12-02
    heard: We'll decide by Monday
    next: 2026-12-07
`)},
			now: "2026-12-03T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/2", kind: "check-in", due: "2026-12-08T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name:   "cadence honours followup_gap 10 days",
			policy: func(p *followup.Policy) { p.FollowupGap = followup.Span{N: 10, Unit: followup.Days} },
			files: []file{promised2Weeks(`log:
  - on: 2026-12-07
    sent: check-in
  - on: 2026-12-08
    heard: Still deciding, news tomorrow
    next: 2026-12-09
`)},
			now: "2026-12-09T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/2", kind: "check-in", due: "2026-12-17T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"10 days"}},
			},
		},
		{
			// They promised Dec 15; the candidate checked in early on Nov
			// 30. A nudge a week later (Dec 7) would be before the
			// promise: it waits for the day after, Dec 16.
			name: "nudge never on or before the promised date",
			files: []file{acme(`rounds:
  - at: 2026-11-18 10:00
    timeline: 2026-12-15
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
log:
  - on: 2026-11-30
    sent: check-in
`)},
			now: "2026-12-01T09:00:00-05:00",
			want: []act{
				{id: "acme/nudge/1", kind: "nudge", due: "2026-12-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"never on or before the promised Dec 15"}},
			},
		},
		{
			// A week after the check-in of Nov 30 is Dec 7, the promised
			// day itself: "never on" it, so Tue Dec 8.
			name: "nudge never on the promised date itself",
			files: []file{acme(`rounds:
  - at: 2026-11-18 10:00
    timeline: 2026-12-07
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
log:
  - on: 2026-11-30
    sent: check-in
`)},
			now: "2026-12-01T09:00:00-05:00",
			want: []act{
				{id: "acme/nudge/1", kind: "nudge", due: "2026-12-08T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name:   "max_followups 3 allows a second nudge",
			policy: func(p *followup.Policy) { p.MaxFollowups = 3 },
			files: []file{promised2Weeks(`log:
  - on: 2026-12-07
    sent: check-in
  - on: 2026-12-14
    sent: nudge
`)},
			now: "2026-12-15T09:00:00-05:00",
			want: []act{
				{id: "acme/nudge/2", kind: "nudge", due: "2026-12-21T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
	})
}

// docs/rules.md, move-on: after max_followups (default 2: check-in and nudge), 7
// days after the last, not moved off weekends, no recipient or channel; on
// its day the stage is quiet; from the next day it is gone and the stage
// stays quiet; a later reply reopens the cycle ([E]: "If you don't
// hear anything back after that, mentally move on"; [C]: "cut your
// losses").
func TestMoveOn(t *testing.T) {
	// Check-in Mon Dec 7, nudge Sat Dec 12: move-on Sat Dec 19.
	unanswered := `log:
  - on: 2026-12-07
    sent: check-in
  - on: 2026-12-12
    sent: nudge
`
	quiet := map[string]followup.Stage{"acme": followup.StageQuiet}
	interviewing := map[string]followup.Stage{"acme": followup.StageInterviewing}
	moveOn := act{id: "acme/move-on/1", kind: "move-on", due: "2026-12-19T00:00:00-05:00",
		reason: []string{"Dec 7", "Dec 12", "Dec 19", "move on"}}
	runCases(t, []planCase{
		{
			name:  "move-on 7 days after the last nudge, no recipient, not moved off Saturday",
			files: []file{promised2Weeks(unanswered)},
			now:   "2026-12-14T09:00:00-05:00",
			want:  []act{moveOn},
			stage: interviewing,
		},
		{
			name:  "move-on on its day: stage quiet and still listed",
			files: []file{promised2Weeks(unanswered)},
			now:   "2026-12-19T20:00:00-05:00",
			want:  []act{moveOn},
			stage: quiet,
		},
		{
			// 03:00 UTC on Dec 20 is still Dec 19 in New York: the
			// application's day, not UTC's, decides.
			name:  "move-on day is the application's day, whatever zone now is in",
			files: []file{promised2Weeks(unanswered)},
			now:   "2026-12-20T03:00:00Z",
			want:  []act{moveOn},
			stage: quiet,
		},
		{
			name:  "move-on from the next day: no longer listed and stage stays quiet",
			files: []file{promised2Weeks(unanswered)},
			now:   "2026-12-20T00:00:00-05:00",
			want:  nil,
			stage: quiet,
		},
		{
			name:  "move-on a month later: nothing more proposed, still quiet",
			files: []file{promised2Weeks(unanswered)},
			now:   "2027-01-20T09:00:00-05:00",
			want:  nil,
			stage: quiet,
		},
		{
			// One check-in went out before, so the new one is #2; due
			// check_in_after (7 days) after the reply, Mon Jan 4.
			name: "move-on: a later heard reopens with check-in/2",
			files: []file{promised2Weeks(unanswered + `  - on: 2026-12-28
    heard: Sorry for the silence, still deciding
`)},
			now: "2026-12-29T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/2", kind: "check-in", due: "2027-01-04T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 28", "without a new date"}},
			},
			stage: interviewing,
		},
		{
			name: "move-on: the reopened cycle ends in move-on/2",
			files: []file{promised2Weeks(unanswered + `  - on: 2026-12-28
    heard: Sorry for the silence, still deciding
  - on: 2027-01-04
    sent: check-in
  - on: 2027-01-11
    sent: nudge
`)},
			now: "2027-01-12T09:00:00-05:00",
			want: []act{
				{id: "acme/move-on/2", kind: "move-on", due: "2027-01-18T00:00:00-05:00"},
			},
			stage: interviewing,
		},
		{
			name:   "move-on after the check-in alone with max_followups 1",
			policy: func(p *followup.Policy) { p.MaxFollowups = 1 },
			files: []file{promised2Weeks(`log:
  - on: 2026-12-07
    sent: check-in
`)},
			now: "2026-12-08T09:00:00-05:00",
			want: []act{
				{id: "acme/move-on/1", kind: "move-on", due: "2026-12-14T00:00:00-05:00"},
			},
		},
	})
}

// docs/rules.md, replies: a heard restarts the cycle; with next, check in the day
// after that date; without, check_in_after after the reply, but never on or
// before a promise that still stands ([A]: the interviewer "gave a date in
// which I would hear by"; [E]: "When you don't hear back after they said
// you would, politely follow up").
func TestHeard(t *testing.T) {
	lateDec := func(log string) file {
		return acme(`rounds:
  - at: 2026-11-18 10:00
    timeline: 2026-12-15
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
` + log)
	}
	runCases(t, []planCase{
		{
			name: "heard with next: check-in the day after next",
			files: []file{promised2Weeks(`log:
  - on: 2026-12-01
    heard: Still deciding, news by the 10th
    next: 2026-12-10
`)},
			now: "2026-12-02T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-11T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 1", "Dec 10", "Dec 11"}},
			},
		},
		{
			name: "heard without next: check_in_after after the reply",
			files: []file{acme(`rounds:
  - at: 2026-11-18 10:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
log:
  - on: 2026-11-20
    heard: Still interviewing others
`)},
			now: "2026-11-21T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-27T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Nov 20", "without a new date"}},
			},
		},
		{
			// Nov 25 + 7 days = Dec 2, but they promised Dec 15 at the
			// round and that still stands.
			name: "heard without next never on or before a still-standing promise",
			files: []file{lateDec(`log:
  - on: 2026-11-25
    heard: Thanks for your note
`)},
			now: "2026-11-26T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 15"}},
			},
		},
		{
			// The promise is the most recent thing they said: the reply's
			// Dec 1 replaces the round's Dec 15.
			name: "heard with next replaces the round's promise, even an earlier date",
			files: []file{lateDec(`log:
  - on: 2026-11-25
    heard: We moved faster than planned, news by Dec 1
    next: 2026-12-01
`)},
			now: "2026-11-26T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-02T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			// A reply before the latest round belongs to the round before:
			// round 2 said nothing, so 7 days after its thank-you.
			name: "heard before the latest round does not set its promise",
			files: []file{acme(`rounds:
  - at: 2026-11-02 10:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-02
  - at: 2026-11-18 10:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
log:
  - on: 2026-11-05
    heard: Invited to a second round; decision by Dec 20
    next: 2026-12-20
`)},
			now: "2026-11-19T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			// A reply restarts the count toward max_followups: after
			// check-in, nudge, reply, the next is a check-in, not move-on.
			name: "heard restarts the count toward max_followups",
			files: []file{promised2Weeks(`log:
  - on: 2026-12-07
    sent: check-in
  - on: 2026-12-14
    sent: nudge
  - on: 2026-12-15
    heard: Decision next week
    next: 2026-12-22
`)},
			now: "2026-12-16T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/2", kind: "check-in", due: "2026-12-23T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
	})
}

// With max_followups = 1 the move-on counts "1 follow-up", not "1 follow-ups".
func TestMoveOnAfterOneFollowUpSaysItInTheSingular(t *testing.T) {
	res := runPlan(t, planCase{
		files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
log:
  - on: 2026-12-07
    sent: check-in
`)},
		policy: func(p *followup.Policy) { p.MaxFollowups = 1 },
		now:    "2026-12-14T09:00:00-05:00",
	})
	if len(res.Actions) != 1 || !strings.HasPrefix(res.Actions[0].Reason, "1 follow-up since") {
		t.Fatalf("want one move-on counting 1 follow-up, got %+v", res.Actions)
	}
}
