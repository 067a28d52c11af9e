package schedule

import (
	"fmt"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// lastFollowup is the day of the latest check-in or nudge (or check-in
// after applying) recorded in the log, whatever cycle it belonged to; zero
// when none.
func (p *planner) lastFollowup() followup.Date {
	var last followup.Date
	for _, e := range p.app.Log {
		if e.Sent == followup.CheckIn || e.Sent == followup.Nudge || e.Sent == followup.AfterApplying {
			last = last.Max(e.On)
		}
	}
	return last
}

// paced applies the cadence rules to a check-in or nudge proposed for
// day: take the later of that and followup_gap after the previous check-in
// or nudge (exactly the gap is allowed), never on or before the promised
// day, then move a Saturday or Sunday to Monday. It returns the day and
// what moved it, to finish the reason.
//
// Seed 004: "enthusiasm does cross the line if you are calling more than
// once a week, calling earlier than the date they said they'd get back to
// you". Moving weekends is the weekend_to_monday setting.
func (p *planner) paced(d followup.Date, promise followup.Date) (followup.Date, string) {
	why := ""
	if last := p.lastFollowup(); !last.IsZero() {
		if gap := p.pol.FollowupGap.After(last); gap.After(d) {
			d = gap
			why += fmt.Sprintf("; the last follow-up went out %s and one per %s is the limit, so %s", day(last), p.pol.FollowupGap, day(d))
		}
	}
	if !promise.IsZero() && !d.After(promise) {
		d = promise.AddDays(1)
		why += fmt.Sprintf("; never on or before the promised %s, so %s", day(promise), day(d))
	}
	if p.pol.WeekendToMonday {
		switch d.Weekday() {
		case time.Saturday, time.Sunday:
			m := d.AddDays(1)
			if d.Weekday() == time.Saturday {
				m = d.AddDays(2)
			}
			why += fmt.Sprintf("; %s is a %s, so Monday %s", day(d), d.Weekday(), day(m))
			d = m
		}
	}
	return d, why
}
