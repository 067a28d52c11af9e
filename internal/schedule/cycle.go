package schedule

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
)

// cycle proposes the one follow-up that is next for an open application:
// a check-in, then nudges, then letting go.
//
// It applies once every round is over and every thank-you of the latest
// round is recorded (001: "After your thank you notes have been sent, give
// the employer some time"). The first follow-up of a cycle is a check-in
// (001, 003: "express your continued interest, and inquire about the status
// of their next steps"); an unanswered one is followed 7 days later by a
// more explicit nudge (002: "wait a week and send another"; 004: "Would you
// let me know when you expect to be making decisions?"); after
// max_followups unanswered check-ins and nudges, move-on is due 7 days
// after the last (004: "If you don't hear anything back after that,
// mentally move on"; 002: "cut your losses"). On that day the stage becomes
// quiet; from the next day nothing more is listed, until a reply reopens it.
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
	for _, iv := range r.Interviewers {
		if iv.Thanked.IsZero() {
			return // the thank-you comes first
		}
	}
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
		d, why := p.paced(an.base, an.promise)
		p.dayAction(followup.CheckIn, p.count(followup.CheckIn)+1, d, to, ch, an.why+why+" (seeds 001, 004).")
	case n < p.pol.MaxFollowups:
		last := since[n-1]
		d, why := p.paced(last.On.AddDays(7), an.promise)
		p.dayAction(followup.Nudge, p.count(followup.Nudge)+1, d, to, ch,
			fmt.Sprintf("Your %s of %s went unanswered; a week later, %s, ask more explicitly when they expect to decide%s (seeds 002, 004).", last.Sent, day(last.On), day(last.On.AddDays(7)), why))
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
			fmt.Sprintf("%d follow-ups since %s went unanswered, the last on %s; a week later, %s, mentally move on (seeds 002, 004).", n, day(since[0].On), day(last.On), day(d)))
	}
}
