package calendar

import (
	"fmt"
	"time"

	ics "github.com/arran4/golang-ical"
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

// vtimezone builds the VTIMEZONE of loc for events between from and to.
// The window is widened to whole calendar years in the zone, so moving one
// event by a few days rarely changes the VTIMEZONE; it always starts on or
// before the earliest event (a window that starts later is a known bug
// elsewhere, chroncal#130). Each observance's DTSTART is the local time of
// the transition in the offset in effect before it (RFC 5545 §3.6.5: "the
// local time ... as it is in effect prior to the onset"), given without
// RRULE: explicit observances are valid and leave no rule to misread.
func vtimezone(tzid string, loc *time.Location, from, to time.Time) *ics.VTimezone {
	y0, y1 := from.In(loc).Year(), to.In(loc).Year()
	start := time.Date(y0, time.January, 1, 0, 0, 0, 0, loc)
	end := time.Date(y1+1, time.January, 1, 0, 0, 0, 0, loc)
	tz := ics.NewTimezone(tzid)
	for _, o := range transitions(loc, start, end) {
		var cb *ics.ComponentBase
		if o.dst {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			cb = &d.ComponentBase
		} else {
			cb = &tz.AddStandard().ComponentBase
		}
		local := o.start.UTC().Add(time.Duration(o.from) * time.Second)
		cb.AddProperty(ics.ComponentPropertyDtStart, local.Format("20060102T150405"))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(o.from))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(o.to))
		if o.name != "" {
			cb.AddProperty(ics.ComponentProperty(ics.PropertyTzname), line(o.name))
		}
	}
	return tz
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
