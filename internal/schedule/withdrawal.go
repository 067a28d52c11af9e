package schedule

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
)

// withdrawal proposes a note that thanks them and withdraws your name, due
// the same day: after your own outcome withdrawn, or when another
// application's offer is accepted while this one is still open (no
// outcome, or an offer).
//
// Seeds 001 ("To withdraw yourself from consideration ... send a note
// thanking them for the interview, but withdrawing your name") and 002
// ("tell any other prospective employers on your radar ... as soon as
// you've made it").
func (p *planner) withdrawal(accepts []acceptance) {
	to, ch := p.recipient()
	n := p.count(followup.Withdrawal) + 1
	i := p.lastOutcome()
	if i >= 0 && p.app.Log[i].Outcome == followup.Withdrawn {
		if p.sentAfter(followup.Withdrawal, i) {
			return
		}
		on := p.app.Log[i].On
		p.dayAction(followup.Withdrawal, n, on, to, ch,
			fmt.Sprintf("You withdrew on %s; tell them the same day, thank them, and withdraw your name (seed 001).", day(on)))
		return
	}
	if i >= 0 && p.app.Log[i].Outcome != followup.Offer {
		return
	}
	acc := p.acceptedElsewhere(accepts)
	if acc == nil || p.sentAfter(followup.Withdrawal, i) {
		return
	}
	p.dayAction(followup.Withdrawal, n, acc.on, to, ch,
		fmt.Sprintf("You accepted %s's offer on %s; tell %s the same day and withdraw your name (seed 002).", acc.company, day(acc.on), p.app.Company))
}
