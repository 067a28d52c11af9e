package schedule

import (
	"github.com/followup-tool/followup/internal/followup"
)

// acceptance is an accepted offer somewhere in the search.
type acceptance struct {
	slug    string
	company string
	on      followup.Date
}

func acceptances(apps []*followup.Application) []acceptance {
	var out []acceptance
	for _, a := range apps {
		for _, e := range a.Log {
			if e.Outcome == followup.Accepted {
				out = append(out, acceptance{a.Slug, a.Company, e.On})
			}
		}
	}
	return out
}

// acceptedElsewhere is the first acceptance in another application that
// this one was open for (applied on or before it), if any.
func (p *planner) acceptedElsewhere(accepts []acceptance) *acceptance {
	var best *acceptance
	for i := range accepts {
		a := &accepts[i]
		if a.slug == p.app.Slug || (!p.app.Applied.IsZero() && a.on.Before(p.app.Applied)) {
			continue
		}
		if best == nil || a.on.Before(best.on) {
			best = a
		}
	}
	return best
}

// lastOutcome is the index of the latest outcome entry, or -1.
func (p *planner) lastOutcome() int {
	for i := len(p.app.Log) - 1; i >= 0; i-- {
		if p.app.Log[i].Outcome != "" {
			return i
		}
	}
	return -1
}

// sentAfter reports whether kind is recorded as sent after log entry i.
func (p *planner) sentAfter(kind followup.Kind, i int) bool {
	for _, e := range p.app.Log[i+1:] {
		if e.Sent == kind {
			return true
		}
	}
	return p.skippedKindAfter(kind, i)
}

// deriveStage reads the stage from rounds and log (the schema: "never typed
// twice"). rejected, withdrawn and accepted close the application once
// their notes are recorded; an offer stays open without follow-ups. The
// quiet stage is set by the follow-up cycle (cycle.go).
func (p *planner) deriveStage(accepts []acceptance) (followup.Stage, bool) {
	i := p.lastOutcome()
	if i >= 0 {
		switch p.app.Log[i].Outcome {
		case followup.Accepted:
			return followup.StageAccepted, true
		case followup.Rejected:
			return followup.StageRejected, p.sentAfter(followup.AfterRejection, i)
		case followup.Withdrawn:
			return followup.StageWithdrawn, p.sentAfter(followup.Withdrawal, i)
		}
	}
	if p.acceptedElsewhere(accepts) != nil && p.sentAfter(followup.Withdrawal, i) {
		return followup.StageWithdrawn, true
	}
	if i >= 0 {
		return followup.StageOffer, false
	}
	if len(p.app.Rounds) > 0 {
		return followup.StageInterviewing, false
	}
	return followup.StageApplied, false
}

// followingUp reports whether check-ins, nudges and move-on still apply:
// any outcome ends them, and so does an acceptance elsewhere (docs/rules.md).
func (p *planner) followingUp(accepts []acceptance) bool {
	return p.lastOutcome() < 0 && p.acceptedElsewhere(accepts) == nil
}
