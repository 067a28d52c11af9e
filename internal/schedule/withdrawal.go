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
// [B] ("To withdraw yourself from consideration ... send a note
// thanking them for the interview, but withdrawing your name") and [C]
// ("tell any other prospective employers on your radar ... as soon as
// you've made it").
//
// With nobody in the file to write to (no contact and no interviewer: an
// application that never reached an interview) the note goes to the
// hiring team where you applied; the reason says so, and the draft is
// addressed to the team (one truth: the card never says "nothing to
// send" above a draft).
func (p *planner) withdrawal(accepts []acceptance) {
	to, ch := p.recipient()
	noOne := ""
	if to == nil {
		noOne = " There is no contact in the file: send it to the hiring team where you applied (or add a contact:)."
	}
	n := p.count(followup.Withdrawal) + 1
	i := p.lastOutcome()
	if i >= 0 && p.app.Log[i].Outcome == followup.Withdrawn {
		if p.sentAfter(followup.Withdrawal, i) {
			return
		}
		on := p.app.Log[i].On
		p.dayAction(followup.Withdrawal, n, on, to, ch,
			fmt.Sprintf("You withdrew on %s; tell them the same day, thank them, and withdraw your name; the interview advice: withdraw politely, with thanks.%s", day(on), noOne))
		return
	}
	if i >= 0 && p.app.Log[i].Outcome != followup.Offer {
		return
	}
	acc := p.acceptedElsewhere(accepts)
	if acc == nil || p.sentAfter(followup.Withdrawal, i) {
		return
	}
	if i >= 0 {
		// This one stands at offer: the note declines it, with thanks.
		// Telling them the same day is [C]'s advice; declining an
		// offer rather than withdrawing a candidacy is a product rule.
		p.dayAction(followup.Withdrawal, n, acc.on, to, ch,
			fmt.Sprintf("You accepted %s offer on %s; the same day, decline %s offer politely and thank them for it (as soon as you have decided, the advice says; declining an offer is a product rule).%s", possessive(acc.company), day(acc.on), possessive(p.app.Company), noOne))
		return
	}
	p.dayAction(followup.Withdrawal, n, acc.on, to, ch,
		fmt.Sprintf("You accepted %s offer on %s; tell %s the same day and withdraw your name; the interview advice: tell the others as soon as you have decided.%s", possessive(acc.company), day(acc.on), p.app.Company, noOne))
}
