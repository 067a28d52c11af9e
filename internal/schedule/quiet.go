package schedule

import "github.com/followup-tool/followup/internal/followup"

// wentQuiet reports whether the application counts as one that went quiet
// (the index's "Went quiet" figure): it is quiet now, or it was quiet on
// the day before you withdrew from it, yourself or by accepting another
// offer. An application that was ghosted and then withdrawn went quiet
// ([E]: "If you don't hear anything back after that, mentally move on" is
// the ghosting; the withdrawal only records it); one they answered with an
// offer or a rejection did not, since they answered.
func (p *planner) wentQuiet() bool {
	if p.stage == followup.StageQuiet {
		return true
	}
	if p.stage != followup.StageWithdrawn {
		return false
	}
	var left followup.Date // the day you withdrew
	for _, e := range p.app.Log {
		if e.Outcome != "" {
			if e.Outcome != followup.Withdrawn {
				return false // they answered first
			}
			left = e.On
			break
		}
	}
	if left.IsZero() {
		// Withdrawn by an acceptance elsewhere: the day of the first
		// withdrawal note stands for it.
		for _, e := range p.app.Log {
			if e.Sent == followup.Withdrawal {
				left = e.On
				break
			}
		}
	}
	if left.IsZero() {
		return false
	}
	before := left.AddDays(-1)
	q := &planner{app: asOf(p.app, before), pol: p.pol, today: before}
	q.now = left.In(p.app.Loc).Add(-1)
	q.thankYous()
	q.stage, q.closed = q.deriveStage(nil)
	if q.followingUp(nil) {
		q.cycle()
		q.afterApplying()
	}
	return q.stage == followup.StageQuiet
}
