package calendar

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/followup-tool/followup/internal/followup"
)

// observance is one STANDARD or DAYLIGHT block of a VTIMEZONE: from start
// on, the zone's clocks read offset `to` (they read `from` just before).
type observance struct {
	start    time.Time // the transition instant
	from, to int       // UTC offsets in seconds
	name     string    // abbreviation after the transition (TZNAME)
	dst      bool
}

// transitions lists the observances of loc that cover [from, to]: the one
// in effect at from, anchored there, then one per change of offset,
// abbreviation or DST flag up to to.
//
// Go does not publish a zone's transition table (golang/go#49951), so the
// zone is probed: t.In(loc).Zone() every probeStep, and a bisection to the
// second wherever the answer changes. Time.ZoneBounds looks like a shortcut
// but is not one: for years that a zone's POSIX rule covers it reports a
// bound at every new year, a day off in leap years, and in zones whose
// summer spans the new year (Australia/Lord_Howe, Pacific/Chatham, Go 1.26)
// an end before its start.
func transitions(loc *time.Location, from, to time.Time) []observance {
	type state struct {
		name string
		off  int
		dst  bool
	}
	at := func(t time.Time) state {
		t = t.In(loc)
		name, off := t.Zone()
		return state{name, off, t.IsDST()}
	}
	cur := at(from)
	obs := []observance{{start: from, from: cur.off, to: cur.off, name: cur.name, dst: cur.dst}}
	for t := from; t.Before(to); {
		next := t.Add(probeStep)
		if next.After(to) {
			next = to
		}
		s := at(next)
		if s == cur {
			t = next
			continue
		}
		// Bisect (t, next] down to the first second of the new state.
		lo, hi := t, next
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
			if !mid.After(lo) {
				mid = lo.Add(time.Second)
			}
			if at(mid) == cur {
				lo = mid
			} else {
				hi = mid
			}
		}
		s = at(hi)
		obs = append(obs, observance{start: hi, from: cur.off, to: s.off, name: s.name, dst: s.dst})
		cur, t = s, hi
	}
	return obs
}

// probeStep is how far apart the probes of transitions are. No zone has
// had two transitions within six hours of each other since 1970.
const probeStep = 6 * time.Hour

// vtimezone builds the VTIMEZONE of loc for events between from and to,
// in the shape calendar servers emit where the zone's rule allows it.
//
// Where the zone has followed one yearly rule (two changes a year, each on
// the same weekday of the same month at the same hour) from the year
// before from's to to's, it is one STANDARD and one DAYLIGHT, each with
// the rule as RRULE and its first onset in that earlier year as DTSTART,
// so the rule is in force before the first event. Outlook reads only the
// STANDARD block with the latest DTSTART and a Ruby parser crashed on one
// block per change (issue 16), which this shape avoids. Elsewhere
// (Casablanca, whose changes follow Ramadan; a zone that changed its
// rule) it is one block per change over the whole calendar years of the
// events, after the change in force at their start (or a block with no
// change when there is none in the ten years before). A window of whole
// years means moving one event by a few days rarely changes the
// VTIMEZONE; it always starts on or before the earliest event (a window
// that starts later is a known bug elsewhere, chroncal#130).
//
// Each block's DTSTART is the local time of the change in the offset in
// effect before it (RFC 5545 §3.6.5). A block is DAYLIGHT when the change
// moves the clocks forward and STANDARD when it moves them back, whatever
// the zone data's DST flag says: Europe/Dublin and Africa/Casablanca have
// a negative summer time in the zone data, and labelling by the flag made
// dateutil-based readers take the wrong offset near Dublin's changes. A
// block that changes no offset is DAYLIGHT when its offset is above the
// lowest one of the VTIMEZONE (the zone's standard time).
func vtimezone(tzid string, loc *time.Location, from, to time.Time) *ics.VTimezone {
	y0, y1 := from.In(loc).Year(), to.In(loc).Year()
	obs, rrules := yearly(loc, y0-1, y1)
	if obs == nil {
		obs, rrules = explicit(loc, y0, y1), nil
	}
	low := obs[0].to
	for _, o := range obs {
		low = min(low, o.to, o.from)
	}
	tz := ics.NewTimezone(tzid)
	for i, o := range obs {
		var cb *ics.ComponentBase
		if o.to > o.from || o.to == o.from && o.to > low {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			cb = &d.ComponentBase
		} else {
			cb = &tz.AddStandard().ComponentBase
		}
		cb.AddProperty(ics.ComponentPropertyDtStart, o.local().Format("20060102T150405"))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(o.from))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(o.to))
		if rrules != nil {
			cb.AddProperty(ics.ComponentProperty(ics.PropertyRrule), rrules[i])
		}
		if o.name != "" {
			cb.AddProperty(ics.ComponentProperty(ics.PropertyTzname), line(o.name))
		}
	}
	return tz
}

// local is the wall-clock time of the change in the offset before it.
func (o observance) local() time.Time {
	return o.start.UTC().Add(time.Duration(o.from) * time.Second)
}

// yearStart is the first instant of January 1 of year y in loc.
func yearStart(loc *time.Location, y int) time.Time {
	return followup.Date{Year: y, Month: time.January, Day: 1}.In(loc)
}

// yearly reports whether loc changed its offset by one yearly rule in
// every year from y0 to y1, and returns the two changes of y0 with their
// RRULEs; nil when it did not.
func yearly(loc *time.Location, y0, y1 int) ([]observance, []string) {
	all := transitions(loc, yearStart(loc, y0), yearStart(loc, y1+1))[1:]
	if len(all) != 2*(y1-y0+1) {
		return nil, nil
	}
	type rule struct {
		month    time.Month
		weekday  time.Weekday
		nth      int // 1..5 counted from the start of the month
		last     bool
		clock    time.Duration
		from, to int
		name     string
	}
	ruleOf := func(o observance) rule {
		l := o.local()
		days := time.Date(l.Year(), l.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		h, m, s := l.Clock()
		return rule{l.Month(), l.Weekday(), (l.Day()-1)/7 + 1, l.Day()+7 > days,
			time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second, o.from, o.to, o.name}
	}
	var rrules []string
	for k := range 2 {
		first := ruleOf(all[k])
		if first.from == first.to {
			return nil, nil
		}
		sameNth, sameLast := true, true
		for y := y0; y <= y1; y++ {
			o := all[2*(y-y0)+k]
			r := ruleOf(o)
			if o.local().Year() != y || r.month != first.month || r.weekday != first.weekday || r.clock != first.clock ||
				r.from != first.from || r.to != first.to || r.name != first.name {
				return nil, nil
			}
			sameNth = sameNth && r.nth == first.nth
			sameLast = sameLast && r.last
		}
		// "Last Sunday" is the commonest rule (the EU's) and can look
		// like "fourth Sunday" for a few years running, so it wins; a rule
		// counted from the start of the month is never last every year.
		day := ""
		switch {
		case sameLast:
			day = "-1"
		case sameNth && first.nth <= 4:
			day = fmt.Sprint(first.nth)
		default:
			return nil, nil
		}
		rrules = append(rrules, fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s%s", first.month, day,
			strings.ToUpper(first.weekday.String()[:2])))
	}
	return all[:2], rrules
}

// explicit lists one observance per change of loc in the years y0 to y1,
// after the change in force on January 1 of y0.
func explicit(loc *time.Location, y0, y1 int) []observance {
	start := yearStart(loc, y0)
	obs := transitions(loc, start, yearStart(loc, y1+1))
	if before := transitions(loc, yearStart(loc, y0-10), start); len(before) > 1 {
		obs[0] = before[len(before)-1]
	}
	return obs
}

// utcOffset formats seconds east of UTC as RFC 5545's UTC-OFFSET: +HHMM,
// or +HHMMSS when there are seconds.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	h, m, s := sec/3600, sec/60%60, sec%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}
