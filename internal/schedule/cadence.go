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
// [E]: "enthusiasm does cross the line if you are calling more than
// once a week, calling earlier than the date they said they'd get back to
// you". Moving weekends is the weekend_to_monday setting; moving holidays
// (holidays, extra_holidays) is a product rule, and the reason says so.
func (p *planner) paced(d followup.Date, promise followup.Date) (followup.Date, string) {
	why := ""
	if last := p.lastFollowup(); !last.IsZero() {
		if gap := p.pol.FollowupGap.AfterSkipping(last, p.pol.Holidays); gap.After(d) {
			d = gap
			why += fmt.Sprintf("; the last follow-up went out %s and one per %s is the limit, so %s", day(last), p.pol.FollowupGap, day(d))
		}
	}
	if !promise.IsZero() && !d.After(promise) {
		d = promise.AddDays(1)
		why += fmt.Sprintf("; never on or before the promised %s, so %s", day(promise), day(d))
	}
	// Weekends (weekend_to_monday) and holidays (holidays, extra_holidays:
	// a product rule) move the day on, until a day is neither: Christmas
	// on a Friday goes to Monday.
	for range 31 {
		if name, ok := p.pol.IsHoliday(d); ok {
			next := d.AddDays(1)
			why += fmt.Sprintf("; %s is %s, a holiday (the holidays setting, a product rule), so %s", day(d), name, day(next))
			d = next
			continue
		}
		if wd := d.Weekday(); p.pol.WeekendToMonday && (wd == time.Saturday || wd == time.Sunday) {
			m := d.AddDays(1)
			if wd == time.Saturday {
				m = d.AddDays(2)
			}
			why += fmt.Sprintf("; %s is a %s, so Monday %s", day(d), wd, day(m))
			d = m
			continue
		}
		break
	}
	return d, why
}
