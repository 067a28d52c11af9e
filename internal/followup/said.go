package followup

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Relative is a timeline said relative to the round's day rather than
// as a span or a date.
type Relative int

const (
	notRelative   Relative = iota
	endOfNextWeek          // "next week", "end of next week": Friday of the next week
	endOfWeek              // "end of the week", "this week": the Friday of the round's week
	endOfMonth             // "end of the month": the month's last day
	byWeekday              // "by Friday": the first such weekday after the round
)

// TimelineForms lists what a timeline may say, for messages.
const TimelineForms = `"2 weeks", "10 days", "5 business days", "2-3 weeks", "a week or two", "next week", "end of next week", "by Friday", "end of the month", or a date YYYY-MM-DD`

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// parseSaid reads the forms people use for a timeline beyond "N units"
// and a date. A range ("2-3 weeks", "a week or two", "2 to 3 weeks")
// counts to its later end: checking in before the end they gave would be
// "calling earlier than the date they said they'd get back to you"
// ([E]). ok is false when s is none of these forms.
func parseSaid(s string) (Timeline, bool) {
	l := strings.ToLower(strings.Join(strings.Fields(s), " "))
	l = strings.TrimPrefix(l, "within ")
	l = strings.TrimPrefix(l, "in ")
	switch l {
	case "next week", "end of next week", "by next week", "by the end of next week", "the end of next week":
		return Timeline{Rel: endOfNextWeek, Said: s}, true
	case "this week", "end of the week", "end of this week", "by the end of the week", "by the end of this week", "the end of the week":
		return Timeline{Rel: endOfWeek, Said: s}, true
	case "end of the month", "end of month", "by the end of the month", "the end of the month", "end of this month", "by end of month":
		return Timeline{Rel: endOfMonth, Said: s}, true
	}
	if w, ok := strings.CutPrefix(l, "by "); ok {
		if wd, ok := weekdays[strings.TrimSuffix(w, "s")]; ok {
			return Timeline{Rel: byWeekday, Weekday: wd, Said: s}, true
		}
	}
	if wd, ok := weekdays[l]; ok {
		return Timeline{Rel: byWeekday, Weekday: wd, Said: s}, true
	}
	// Ranges: "2-3 weeks", "2 to 3 weeks", "a week or two", "one or two weeks".
	f := strings.Fields(strings.NewReplacer("–", "-", "—", "-").Replace(l))
	num := func(w string) (int, bool) {
		if n, ok := numberWords[w]; ok {
			return n, true
		}
		n, err := strconv.Atoi(w)
		return n, err == nil && n >= 0
	}
	unit := func(w string) (Unit, bool) {
		switch strings.TrimSuffix(w, "s") {
		case "day":
			return Days, true
		case "week":
			return Weeks, true
		}
		return 0, false
	}
	switch {
	case len(f) == 2 && strings.Count(f[0], "-") == 1:
		// "2-3 weeks"
		lo, hi, _ := strings.Cut(f[0], "-")
		a, ok1 := num(lo)
		b, ok2 := num(hi)
		u, ok3 := unit(f[1])
		if ok1 && ok2 && ok3 && a <= b {
			return Timeline{Span: Span{N: b, Unit: u}, Said: s}, true
		}
	case len(f) == 4 && (f[1] == "to" || f[1] == "or"):
		// "2 to 3 weeks", "one or two weeks"
		a, ok1 := num(f[0])
		b, ok2 := num(f[2])
		u, ok3 := unit(f[3])
		if ok1 && ok2 && ok3 {
			return Timeline{Span: Span{N: max(a, b), Unit: u}, Said: s}, true
		}
	case len(f) == 4 && f[2] == "or":
		// "a week or two"
		a, ok1 := num(f[0])
		u, ok2 := unit(f[1])
		b, ok3 := num(f[3])
		if ok1 && ok2 && ok3 {
			return Timeline{Span: Span{N: max(a, b), Unit: u}, Said: s}, true
		}
	case len(f) == 2:
		// "a week", "two weeks"
		if n, ok := numberWords[f[0]]; ok {
			if u, ok := unit(f[1]); ok {
				return Timeline{Span: Span{N: n, Unit: u}, Said: s}, true
			}
		}
	}
	return Timeline{}, false
}

// relativeFrom is the promised day of a relative timeline said on day d.
// Weeks run Monday to Sunday, and a week's end is its Friday: "by the end
// of next week" means the working week.
func (tl Timeline) relativeFrom(d Date) Date {
	friday := func(d Date) Date { // the Friday of d's week
		off := (int(time.Friday) - int(d.Weekday()) + 7) % 7
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			off -= 7
		}
		return d.AddDays(off)
	}
	switch tl.Rel {
	case endOfWeek:
		if f := friday(d); !f.Before(d) {
			return f
		}
		return d
	case endOfNextWeek:
		return friday(d).AddDays(7)
	case endOfMonth:
		return Date{Year: d.Year, Month: d.Month, Day: daysIn(d.Month, d.Year)}
	case byWeekday:
		n := (int(tl.Weekday) - int(d.Weekday()) + 7) % 7
		if n == 0 {
			n = 7
		}
		return d.AddDays(n)
	}
	return d
}

// parseClock reads a time of day as people write it: "14:00", "9:00",
// "2pm", "9am", "2:30 pm", "14h", "14h30".
func parseClock(s string) (hour, minute int, err error) {
	const forms = `want 14:00, 9:00, 2pm, 9am, 2:30pm or 14h`
	l := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	l = strings.ReplaceAll(l, ".", "")
	bad := func() error { return fmt.Errorf("invalid time of day %q (%s, 00:00 to 23:59)", s, forms) }
	ampm := ""
	for _, suf := range []string{"am", "pm"} {
		if strings.HasSuffix(l, suf) {
			ampm, l = suf, strings.TrimSuffix(l, suf)
		}
	}
	h, m, found := strings.Cut(l, ":")
	if !found && ampm == "" {
		h, m, found = strings.Cut(l, "h")
		if !found {
			return 0, 0, bad()
		}
	}
	if h == "" || len(h) > 2 || (m != "" && len(m) != 2) {
		return 0, 0, bad()
	}
	hour, err1 := strconv.Atoi(h)
	if m != "" {
		var err2 error
		minute, err2 = strconv.Atoi(m)
		if err2 != nil {
			return 0, 0, bad()
		}
	} else if found && ampm == "" && !strings.Contains(l, "h") {
		return 0, 0, bad()
	}
	if err1 != nil || hour < 0 || minute < 0 || minute > 59 {
		return 0, 0, bad()
	}
	switch ampm {
	case "":
		if hour > 23 {
			return 0, 0, bad()
		}
	default:
		if hour < 1 || hour > 12 {
			return 0, 0, bad()
		}
		hour %= 12
		if ampm == "pm" {
			hour += 12
		}
	}
	return hour, minute, nil
}

// AfterSkipping is sp after d, where business days also skip the holidays
// of h (nil: none). Other spans count every day.
func (sp Span) AfterSkipping(d Date, h HolidaySet) Date {
	if sp.Unit != BusinessDays || h == nil {
		return sp.After(d)
	}
	for n := sp.N; n > 0; {
		d = d.AddDays(1)
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if _, ok := h.Holiday(d); ok {
			continue
		}
		n--
	}
	return d
}

// FromSkipping is From, with business days skipping the holidays of h.
func (tl Timeline) FromSkipping(d Date, h HolidaySet) Date {
	if tl.IsSpan() {
		return tl.Span.AfterSkipping(d, h)
	}
	return tl.From(d)
}
