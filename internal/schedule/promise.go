package schedule

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
)

// anchor is what the current follow-up cycle counts from: the latest round
// or, when they replied since, the latest reply.
type anchor struct {
	heard   int           // index of the reply in the log, or -1 for the round
	base    followup.Date // the first day a check-in is due by this rule
	promise followup.Date // the day they promised news; zero when none
	why     string        // the facts, as the start of a reason
}

// anchorOf finds the cycle's start for latest round r.
//
// The promise is the most recent thing they said about timing: the round's
// timeline (counted from the round's day; [B]: "If they said two
// weeks, wait two weeks") or a reply's new date ([A]: the interviewer
// "gave a date in which I would hear by"). A later round without a
// timeline replaces an earlier promise, and then the wait is check_in_after
// after the last thank-you ([B]: "allow one week after your thank you
// note"). A reply restarts the cycle: with a new date, check in the day
// after it; without, check_in_after after the reply ([E]: "When you don't
// hear back after they said you would, politely follow up").
func (p *planner) anchorOf(r *followup.Round) anchor {
	roundDay := r.At.Date
	after := p.pol.CheckInAfter
	a := anchor{heard: -1}
	if r.Timeline != nil {
		a.promise = r.Timeline.FromSkipping(roundDay, p.pol.Holidays)
		a.base = a.promise.AddDays(1)
		switch {
		case r.Timeline.IsSpan():
			a.why = fmt.Sprintf("They said %s on %s; check in the day after, %s", r.Timeline, day(roundDay), day(a.base))
		case r.Timeline.Said != "":
			// "next week", "by Friday": the day it names, from the round's.
			a.why = fmt.Sprintf("They said %s on %s, that is by %s; check in the day after, %s", r.Timeline.Said, day(roundDay), day(a.promise), day(a.base))
		default:
			a.why = fmt.Sprintf("At the round on %s they promised news by %s; check in the day after, %s", day(roundDay), day(a.promise), day(a.base))
		}
	} else {
		thanked := roundDay
		for _, iv := range r.Interviewers {
			thanked = thanked.Max(iv.Thanked)
		}
		a.base = after.AfterSkipping(thanked, p.pol.Holidays)
		what := "the last thank-you went out"
		if len(r.Interviewers) == 0 {
			what = "the round was"
		}
		a.why = fmt.Sprintf("No timeline was given at the round on %s and %s %s; check in %s later, %s", day(roundDay), what, day(thanked), after, day(a.base))
	}
	for i, e := range p.app.Log {
		if e.Heard == "" || e.On.Before(roundDay) {
			continue
		}
		a.heard = i
		if !e.Next.IsZero() {
			a.promise = e.Next
			a.base = e.Next.AddDays(1)
			a.why = fmt.Sprintf("They replied on %s with a new date, %s; check in the day after, %s", day(e.On), day(e.Next), day(a.base))
		} else {
			a.base = after.AfterSkipping(e.On, p.pol.Holidays)
			a.why = fmt.Sprintf("They replied on %s without a new date; check in %s later, %s", day(e.On), after, day(a.base))
		}
	}
	return a
}
