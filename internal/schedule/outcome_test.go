package schedule

import (
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// docs/rules.md, outcomes: after-rejection the next day ([B], [C], [D]);
// withdrawal the same day, after your own withdrawal or another
// application's acceptance ([B], [C]); an offer keeps the application open
// without follow-ups; any outcome ends check-ins.
func TestOutcomes(t *testing.T) {
	thanked := `rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
`
	stage := func(s followup.Stage) map[string]followup.Stage { return map[string]followup.Stage{"acme": s} }
	closed := func(c bool) map[string]bool { return map[string]bool{"acme": c} }
	runCases(t, []planCase{
		{
			name: "after-rejection due the day after outcome rejected",
			files: []file{acme(thanked + `log:
  - on: 2026-12-10
    outcome: rejected
`)},
			now: "2026-12-10T12:00:00-05:00",
			want: []act{
				{id: "acme/after-rejection/1", kind: "after-rejection", due: "2026-12-11T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 10", "Dec 11", "letting you know", "improve"}},
			},
			stage: stage(followup.StageRejected), closed: closed(false),
		},
		{
			name: "after-rejection on a Saturday is not moved",
			files: []file{acme(thanked + `log:
  - on: 2026-12-11
    outcome: rejected
`)},
			now: "2026-12-13T12:00:00-05:00",
			want: []act{
				{id: "acme/after-rejection/1", kind: "after-rejection", due: "2026-12-12T00:00:00-05:00", ch: "email", to: "Jane Schmoe", overdue: true},
			},
		},
		{
			name: "after-rejection closed by sent: after-rejection",
			files: []file{acme(thanked + `log:
  - on: 2026-12-10
    outcome: rejected
  - on: 2026-12-11
    sent: after-rejection
`)},
			now:   "2026-12-12T12:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageRejected), closed: closed(true),
		},
		{
			name: "rejection ends check-ins and nudges",
			files: []file{acme(thanked + `log:
  - on: 2026-12-07
    sent: check-in
  - on: 2026-12-09
    outcome: rejected
  - on: 2026-12-10
    sent: after-rejection
`)},
			now:   "2026-12-20T12:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageRejected), closed: closed(true),
		},
		{
			// Sun Sep 6 2026 starts at 01:00 in Chile (midnight skipped).
			name: "after-rejection in America/Santiago on the day whose midnight is skipped",
			files: []file{{"santiago", `company: Estudio
role: Designer
tz: America/Santiago
contact:
  name: Camila Rojas
rounds:
  - at: 2026-08-28 10:00
    interviewers:
      - name: Camila Rojas
        thanked: 2026-08-28
log:
  - on: 2026-09-05
    outcome: rejected
`}},
			now: "2026-09-05T12:00:00-04:00",
			want: []act{
				{id: "santiago/after-rejection/1", kind: "after-rejection", due: "2026-09-06T01:00:00-03:00", ch: "email", to: "Camila Rojas"},
			},
		},
		{
			name: "withdrawal due the same day as own outcome withdrawn",
			files: []file{acme(thanked + `log:
  - on: 2026-12-10
    outcome: withdrawn
`)},
			now: "2026-12-10T09:00:00-05:00",
			want: []act{
				{id: "acme/withdrawal/1", kind: "withdrawal", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 10", "withdraw"}},
			},
			stage: stage(followup.StageWithdrawn), closed: closed(false),
		},
		{
			name: "withdrawal closed by sent: withdrawal",
			files: []file{acme(thanked + `log:
  - on: 2026-12-10
    outcome: withdrawn
  - on: 2026-12-10
    sent: withdrawal
`)},
			now:   "2026-12-11T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageWithdrawn), closed: closed(true),
		},
		{
			name: "offer keeps the application open with no check-ins",
			files: []file{acme(thanked + `log:
  - on: 2026-12-01
    outcome: offer
  - on: 2026-12-02
    sent: offer-thanks
`)},
			now:   "2027-01-30T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageOffer), closed: closed(false),
		},
		{
			// [B]: an offer may follow a rejection ("they may come
			// back"); the offer is the stage now and no after-rejection is
			// asked for any more.
			name: "offer after a rejection replaces it",
			files: []file{acme(thanked + `log:
  - on: 2026-12-01
    outcome: rejected
  - on: 2026-12-10
    outcome: offer
`)},
			now: "2026-12-11T09:00:00-05:00",
			want: []act{
				{id: "acme/offer-thanks/1", kind: "offer-thanks", due: "2026-12-11T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
			stage: stage(followup.StageOffer), closed: closed(false),
		},
	})
}

// [C]: "tell any other prospective employers on your radar that
// you've ... decided to take another position ... as soon as you've made
// it". docs/rules.md: due on the acceptance's date for every application with no
// outcome or an offer.
func TestWithdrawalAfterAcceptance(t *testing.T) {
	app := func(slug, company, log string) file {
		return file{slug, `company: ` + company + `
role: Designer
tz: America/New_York
contact:
  name: ` + company + ` Recruiter
rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
` + log}
	}
	files := []file{
		app("winner", "Winner Co", `log:
  - on: 2026-12-10
    outcome: accepted
`),
		app("open", "Open Co", ""),
		app("offered", "Offered Co", `log:
  - on: 2026-12-05
    outcome: offer
`),
		app("turned-down", "Turned Down Co", `log:
  - on: 2026-12-01
    outcome: rejected
  - on: 2026-12-02
    sent: after-rejection
`),
		app("told", "Told Co", `log:
  - on: 2026-12-11
    sent: withdrawal
`),
	}
	runCases(t, []planCase{
		{
			// Open Co would otherwise have its check-in on Dec 7: the
			// acceptance ends check-ins.
			name:  "accepted elsewhere: withdrawal to every other open application on the acceptance date",
			files: files,
			now:   "2026-12-10T12:00:00-05:00",
			want: []act{
				{id: "offered/withdrawal/1", kind: "withdrawal", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Offered Co Recruiter",
					reason: []string{"Winner Co", "Dec 10", "Offered Co"}},
				{id: "open/withdrawal/1", kind: "withdrawal", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Open Co Recruiter",
					reason: []string{"Winner Co", "Dec 10"}},
				// Told Co's note is dated Dec 11: on Dec 10 it is not sent yet.
				{id: "told/withdrawal/1", kind: "withdrawal", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Told Co Recruiter",
					reason: []string{"Winner Co", "Dec 10"}},
			},
			stage: map[string]followup.Stage{
				"winner": followup.StageAccepted, "open": followup.StageInterviewing, "offered": followup.StageOffer,
				"turned-down": followup.StageRejected, "told": followup.StageInterviewing,
			},
			closed: map[string]bool{"winner": true, "open": false, "offered": false, "turned-down": true, "told": false},
		},
		{
			name:  "accepted elsewhere: withdrawals are overdue the day after",
			files: files,
			now:   "2026-12-11T12:00:00-05:00",
			want: []act{
				{id: "offered/withdrawal/1", kind: "withdrawal", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Offered Co Recruiter", overdue: true},
				{id: "open/withdrawal/1", kind: "withdrawal", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Open Co Recruiter", overdue: true},
			},
		},
		{
			name: "accepted elsewhere: sent withdrawal closes it, stage withdrawn",
			files: []file{files[0], app("open", "Open Co", `log:
  - on: 2026-12-10
    sent: withdrawal
`)},
			now:    "2026-12-11T12:00:00-05:00",
			want:   nil,
			stage:  map[string]followup.Stage{"open": followup.StageWithdrawn},
			closed: map[string]bool{"open": true},
		},
		{
			// docs/rules.md: a withdrawal goes to applications open "while" the
			// offer is accepted; one applied for afterwards was not, and
			// keeps its own cycle (here a check-in 7 days after its
			// thank-you).
			name: "accepted elsewhere: no withdrawal to an application applied for afterwards",
			files: []file{files[0], {"later", `company: Later Co
role: Designer
applied: 2026-12-15
contact:
  name: Lee Chan
rounds:
  - at: 2026-12-17 10:00
    interviewers:
      - name: Lee Chan
        thanked: 2026-12-17
`}},
			now: "2026-12-18T12:00:00-05:00",
			want: []act{
				{id: "later/check-in/1", kind: "check-in", due: "2026-12-24T00:00:00-05:00", ch: "email", to: "Lee Chan"},
			},
			stage: map[string]followup.Stage{"later": followup.StageInterviewing},
		},
		{
			name:   "accepted application itself has no actions",
			files:  files[:1],
			now:    "2026-12-11T12:00:00-05:00",
			want:   nil,
			stage:  map[string]followup.Stage{"winner": followup.StageAccepted},
			closed: map[string]bool{"winner": true},
		},
	})
}
