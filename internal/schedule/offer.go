package schedule

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
)

// offer proposes what an offer calls for. The advice articles stop at the
// decision, so these are product rules (docs/reference.md), and their reasons say so:
//
//   - offer-thanks: thank them for the offer, due the day after it. It
//     carries the articles' courtesy forward ([B]: thank them "for their
//     time"; [C]: "These notes are a courtesy ... EVERYONE values").
//   - offer-deadline: when the offer's log entry has deadline:, answer by
//     then, due the day before, so the answer is not written on the last
//     day; an offer made the day before its deadline is due that day.
//
// Both belong to the latest outcome while it is an offer: accepting,
// declining (withdrawn) or a rejection ends them, and so does accepting
// another offer, since the decline of this one (withdrawal.go) is then the
// answer and says thank you itself. Each is recorded with sent: and its
// kind after the offer.
func (p *planner) offer(accepts []acceptance) {
	i := p.lastOutcome()
	if i < 0 || p.app.Log[i].Outcome != followup.Offer || p.acceptedElsewhere(accepts) != nil {
		return
	}
	e := p.app.Log[i]
	n := 0
	for _, f := range p.app.Log[:i+1] {
		if f.Outcome == followup.Offer {
			n++
		}
	}
	to, ch := p.recipient()
	noOne := ""
	if to == nil {
		noOne = " There is no contact in the file: add the person who made the offer as contact:."
	}
	const product = " This is a product rule, not advice from the interview articles."
	if !p.sentAfter(followup.OfferThanks, i) {
		due := e.On.AddDays(1)
		p.dayAction(followup.OfferThanks, n, due, to, ch,
			fmt.Sprintf("%s made an offer on %s; the next day, %s, thank them for it, whatever you decide.%s%s", p.app.Company, day(e.On), day(due), noOne, product))
	}
	if !e.Deadline.IsZero() && !p.sentAfter(followup.OfferDeadline, i) {
		due := e.Deadline.AddDays(-1)
		if due.Before(e.On) {
			due = e.On
		}
		p.dayAction(followup.OfferDeadline, n, due, to, ch,
			fmt.Sprintf("The offer of %s must be answered by %s; give them your answer by the day before, %s, so it is not left to the last day; the draft holds a paragraph that accepts and one that declines: keep yours.%s%s", day(e.On), day(e.Deadline), day(due), noOne, product))
	}
}
