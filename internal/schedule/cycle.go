package schedule

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
)

// cycle proposes the one follow-up that is next for an open application:
// a check-in, then nudges, then letting go.
//
// It applies once every round is over. The first check-in after a round
// waits until every thank-you of that round is recorded ([B]: "After your
// thank you notes have been sent, give the employer some time"). That
// condition belongs to the check-in counted from the round alone (docs/rules.md's
// table), so it holds back neither the nudge after a check-in the
// candidate sent anyway nor the check-in after a reply: a reply restarts
// the cycle, and with a new date the check-in is due the day after it
// (docs/rules.md). [A] is that case: no note was sent, the interviewer
// answered the candidate's question with "a date in which I would hear
// by", and the day after that date is when to follow up, while the missing
// thank-you stays listed, overdue. (Before, a missing thank-you silenced
// the whole cycle, replies included.)
//
// The first follow-up of a cycle is a check-in ([B], [D]: "express your
// continued interest, and inquire about the status of their next steps");
// an unanswered one is followed 7 days later by a more explicit nudge
// ([C]: "wait a week and send another"; [E]: "Would you let me know when
// you expect to be making decisions?"); after max_followups unanswered
// check-ins and nudges, move-on is due 7 days after the last ([E]: "If you
// don't hear anything back after that, mentally move on"; [C]: "cut your
// losses"). On that day the stage becomes quiet; from the next day nothing
// more is listed, until a reply reopens it.
func (p *planner) cycle() {
	a := p.app
	if len(a.Rounds) == 0 {
		return
	}
	for i := range a.Rounds {
		if a.Rounds[i].End(a.Loc).After(p.now) {
			return // a round is still to come: they have not decided yet
		}
	}
	r := a.LatestRound()
	an := p.anchorOf(r)
	var since []followup.LogEntry
	for i, e := range a.Log {
		if e.Sent != followup.CheckIn && e.Sent != followup.Nudge {
			continue
		}
		if (an.heard >= 0 && i > an.heard) || (an.heard < 0 && !e.On.Before(r.At.Date)) {
			since = append(since, e)
		}
	}
	to, ch := p.recipient()
	switch n := len(since); {
	case n == 0:
		if an.heard < 0 && !p.thankedOrSkipped(r) {
			return // the thank-you comes first
		}
		d, why := p.paced(an.base, an.promise)
		p.dayAction(followup.CheckIn, p.count(followup.CheckIn)+1, d, to, ch, an.why+why+"; the interview advice: respect the timeline they gave, and without one allow a week after your thank-you.")
	case n < p.pol.MaxFollowups:
		last := since[n-1]
		d, why := p.paced(last.On.AddDays(7), an.promise)
		p.dayAction(followup.Nudge, p.count(followup.Nudge)+1, d, to, ch,
			fmt.Sprintf("Your %s of %s went unanswered; a week later, %s, ask more explicitly when they expect to decide%s; the interview advice: wait a week, then say plainly that you need their timeline.", last.Sent, day(last.On), day(last.On.AddDays(7)), why))
	default:
		last := since[n-1]
		d := last.On.AddDays(7)
		if !p.today.Before(d) {
			p.stage = followup.StageQuiet
		}
		if p.today.After(d) {
			return
		}
		cycles := 1
		for _, e := range a.Log[:max(an.heard, 0)] {
			if e.Heard != "" {
				cycles++
			}
		}
		if an.heard >= 0 {
			cycles++
		}
		p.dayAction(followup.MoveOn, cycles, d, nil, "",
			fmt.Sprintf("%s since %s went unanswered, the last on %s; a week later, %s, mentally move on; the interview advice: when they say nothing after that, let it go.", counted(n, "follow-up"), day(since[0].On), day(last.On), day(d)))
	}
}
