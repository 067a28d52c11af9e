package schedule

import (
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// Product rules for offers (offer.go) and the decline of an offer when
// another is accepted (withdrawal.go).
func TestOffers(t *testing.T) {
	round := `rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
`
	stage := func(s followup.Stage) map[string]followup.Stage { return map[string]followup.Stage{"acme": s} }
	runCases(t, []planCase{
		{
			name: "an offer: thank them the next day",
			files: []file{acme(round + `log:
  - on: 2026-12-04
    outcome: offer
`)},
			now: "2026-12-04T18:00:00-05:00",
			want: []act{
				{id: "acme/offer-thanks/1", kind: "offer-thanks", due: "2026-12-05T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 4", "Dec 5", "product rule"}, notReason: []string{"seed"}},
			},
			stage: stage(followup.StageOffer),
		},
		{
			name: "an offer with a deadline: answer by the day before",
			files: []file{acme(round + `log:
  - on: 2026-12-04
    outcome: offer
    deadline: 2026-12-11
  - on: 2026-12-05
    sent: offer-thanks
`)},
			now: "2026-12-08T09:00:00-05:00",
			want: []act{
				{id: "acme/offer-deadline/1", kind: "offer-deadline", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 11", "Dec 10", "product rule"}},
			},
			stage: stage(followup.StageOffer),
		},
		{
			name: "an offer due the next day: the answer is due on the offer's day",
			files: []file{acme(round + `log:
  - on: 2026-12-04
    outcome: offer
    deadline: 2026-12-04
`)},
			now: "2026-12-04T09:00:00-05:00",
			want: []act{
				{id: "acme/offer-deadline/1", kind: "offer-deadline", due: "2026-12-04T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
				{id: "acme/offer-thanks/1", kind: "offer-thanks", due: "2026-12-05T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name: "answered: sent: offer-deadline closes it",
			files: []file{acme(round + `log:
  - on: 2026-12-04
    outcome: offer
    deadline: 2026-12-11
  - on: 2026-12-05
    sent: offer-thanks
  - on: 2026-12-09
    sent: offer-deadline
`)},
			now:   "2026-12-10T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageOffer),
		},
		{
			name: "accepting the offer ends both",
			files: []file{acme(round + `log:
  - on: 2026-12-04
    outcome: offer
    deadline: 2026-12-11
  - on: 2026-12-06
    outcome: accepted
`)},
			now:   "2026-12-08T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageAccepted),
		},
		{
			// The case: one offer accepted while another stands.
			// The other gets a decline of its offer, not "withdraw my name",
			// and no offer-thanks or offer-deadline of its own: the decline
			// answers it.
			name: "accepting one offer while another stands at offer: decline it",
			files: []file{
				acme(round + `log:
  - on: 2026-12-04
    outcome: offer
    deadline: 2026-12-20
`),
				{"davis", `company: Davis Studios
role: Designer
tz: America/New_York
contact:
  name: Ana Ruiz
` + round + `log:
  - on: 2026-12-03
    outcome: offer
  - on: 2026-12-07
    outcome: accepted
`},
			},
			now: "2026-12-07T09:00:00-05:00",
			want: []act{
				{id: "acme/withdrawal/1", kind: "withdrawal", due: "2026-12-07T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Davis Studios' offer", "decline Acme Architecture's offer"}, notReason: []string{"withdraw your name"}},
			},
			stage: stage(followup.StageOffer),
		},
	})
}

// A withdrawal with nobody in the file to write to says where to send it;
// the card and the draft agree that there is something to send.
func TestWithdrawalWithNoContact(t *testing.T) {
	res := runPlan(t, planCase{
		files: []file{{"solo", `company: Solo
role: Designer
applied: 2026-11-02
log:
  - on: 2026-11-10
    outcome: withdrawn
`}},
		now: "2026-11-10T09:00:00-05:00",
	})
	compare(t, res, []act{
		{id: "solo/withdrawal/1", kind: "withdrawal", due: "2026-11-10T00:00:00-05:00", ch: "email",
			reason: []string{"hiring team where you applied"}},
	})
}

// "Went quiet" counts an application that was ghosted and then withdrawn
// from; not one that answered with a rejection.
func TestWentQuiet(t *testing.T) {
	ghosted := `rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
log:
  - on: 2026-12-07
    sent: check-in
  - on: 2026-12-14
    sent: nudge
`
	for _, c := range []struct {
		name, log, now string
		want           bool
		stage          followup.Stage
	}{
		{"ghosted: quiet on the move-on day", "", "2026-12-21T09:00:00-05:00", true, followup.StageQuiet},
		{"ghosted, then withdrawn", "  - on: 2027-01-05\n    outcome: withdrawn\n  - on: 2027-01-05\n    sent: withdrawal\n", "2027-01-10T09:00:00-05:00", true, followup.StageWithdrawn},
		{"withdrawn while still waiting for the nudge's answer", "  - on: 2026-12-16\n    outcome: withdrawn\n  - on: 2026-12-16\n    sent: withdrawal\n", "2027-01-10T09:00:00-05:00", false, followup.StageWithdrawn},
		{"ghosted, then rejected: they answered", "  - on: 2027-01-05\n    outcome: rejected\n  - on: 2027-01-06\n    sent: after-rejection\n", "2027-01-10T09:00:00-05:00", false, followup.StageRejected},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runPlan(t, planCase{files: []file{acme(ghosted + c.log)}, now: c.now})
			st := res.Status["acme"]
			if st.WentQuiet != c.want || st.Stage != c.stage {
				t.Errorf("went quiet %v stage %s, want %v %s", st.WentQuiet, st.Stage, c.want, c.stage)
			}
		})
	}
	// Silent since applying past quiet_after, then withdrawn.
	res := runPlan(t, planCase{files: []file{acme("applied: 2026-10-01\nlog:\n  - on: 2026-12-01\n    outcome: withdrawn\n  - on: 2026-12-01\n    sent: withdrawal\n")}, now: "2026-12-05T09:00:00-05:00"})
	if st := res.Status["acme"]; !st.WentQuiet {
		t.Errorf("silent 61 days then withdrawn: went quiet false, want true")
	}
}
