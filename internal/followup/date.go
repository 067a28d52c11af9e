package followup

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day with no zone: what a person writes ("2026-11-20")
// means that day wherever the application is, so it is kept civil and only
// turned into an instant with In.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MinYear and MaxYear bound the years a date may have. Every output
// writes years with four digits (iCalendar's DATE-TIME, RFC 3339 in the
// agenda's JSON, the pages' dates), and a schedule runs past the dates it
// is given: a round's length, a day's reminder, a timeline of up to a
// year, up to ten follow-ups a year apart. A thousand years of margin
// under 9999 keeps every date the tool derives at four digits; before
// 1900 no job application was written in a zone's modern rules.
const (
	MinYear = 1900
	MaxYear = 9000
)

// ParseDate reads YYYY-MM-DD and rejects days that do not exist (2026-02-30)
// and years outside MinYear to MaxYear.
func ParseDate(s string) (Date, error) {
	// By hand rather than time.Parse: it runs for every date of every file,
	// and time.Parse was a tenth of the load profile at 10,000 files.
	// Made only when needed: every date of every file comes through here.
	bad := func() error { return fmt.Errorf("invalid date %q (want YYYY-MM-DD)", s) }
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, bad()
	}
	num := func(b string) int {
		n := 0
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return -1
			}
			n = n*10 + int(b[i]-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 {
		return Date{}, bad()
	}
	if d > daysIn(time.Month(m), y) {
		return Date{}, fmt.Errorf("invalid date %q: %s %d has %d days", s, time.Month(m), y, daysIn(time.Month(m), y))
	}
	if y < MinYear || y > MaxYear {
		return Date{}, fmt.Errorf("invalid date %q: the year must be between %d and %d", s, MinYear, MaxYear)
	}
	return Date{y, time.Month(m), d}, nil
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// DateOf is the civil day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

func (d Date) IsZero() bool { return d == Date{} }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	// Every page and feed prints dates: without fmt it is one allocation.
	b := [10]byte{
		byte('0' + d.Year/1000), byte('0' + d.Year/100%10), byte('0' + d.Year/10%10), byte('0' + d.Year%10), '-',
		byte('0' + d.Month/10), byte('0' + d.Month%10), '-',
		byte('0' + d.Day/10), byte('0' + d.Day%10),
	}
	return string(b[:])
}

// UnmarshalText lets YAML and TOML decoders report a bad date at its value.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(strings.TrimSpace(string(b)))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Noon is d at 12:00 UTC: calendar arithmetic and formatting there never
// meet a daylight-saving edge.
func (d Date) Noon() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// AddDays moves by whole calendar days (never by 24-hour steps).
func (d Date) AddDays(n int) Date { return DateOf(d.Noon().AddDate(0, 0, n)) }

func (d Date) Weekday() time.Weekday { return d.Noon().Weekday() }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int { return d.Noon().Compare(e.Noon()) }

func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }
func (d Date) After(e Date) bool  { return d.Compare(e) > 0 }

// DaysUntil is the number of calendar days from d to e.
func (d Date) DaysUntil(e Date) int { return int(e.Noon().Sub(d.Noon()).Hours() / 24) }

// Max returns the later of d and e.
func (d Date) Max(e Date) Date {
	if e.After(d) {
		return e
	}
	return d
}

// AddBusinessDays counts n weekdays forward, skipping Saturdays and Sundays.
func (d Date) AddBusinessDays(n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}

// In is the first instant of the day in loc. That is midnight, except in
// zones whose clocks jump over midnight (e.g. America/Santiago in
// September), where the day starts at 01:00; time.Date would instead
// normalise to 23:00 the evening before.
func (d Date) In(loc *time.Location) time.Time {
	t, _ := wall(d.Year, d.Month, d.Day, 0, 0, 0, loc)
	if DateOf(t) == d {
		return t
	}
	// t fell on the previous day: the day begins at a transition between
	// t and the next whole hours; find the first second that is on day d.
	lo, hi := t, t.Add(3*time.Hour)
	for hi.Sub(lo) > time.Second {
		mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
		if DateOf(mid.In(loc)) == d {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi.In(loc)
}

// LocalTime is a wall-clock minute in the application's zone
// ("2026-11-20 14:00").
type LocalTime struct {
	Date
	Hour, Minute int
}

// ParseLocalTime reads "YYYY-MM-DD HH:MM" (a "T" is accepted for the
// space), with the time of day in any form parseClock reads: "2026-11-20
// 2pm", "2026-11-20 9:00", "2026-11-20 14h".
func ParseLocalTime(s string) (LocalTime, error) {
	s = strings.TrimSpace(s)
	bad := func() error {
		return fmt.Errorf("invalid local time %q (want YYYY-MM-DD HH:MM, or a time such as 2pm, 9:00 or 14h after the date)", s)
	}
	if len(s) < 12 || (s[10] != ' ' && s[10] != 'T') {
		return LocalTime{}, bad()
	}
	d, err := ParseDate(s[:10])
	if err != nil {
		if t, err2 := time.Parse("2006-01-02", s[:10]); err2 == nil && (t.Year() < MinYear || t.Year() > MaxYear) {
			return LocalTime{}, fmt.Errorf("invalid local time %q: the year must be between %d and %d", s, MinYear, MaxYear)
		}
		if _, err2 := time.Parse("2006-01-02", s[:10]); err2 != nil && strings.Count(s[:10], "-") == 2 {
			return LocalTime{}, fmt.Errorf("invalid date %q in local time %q", s[:10], s)
		}
		return LocalTime{}, bad()
	}
	h, m, err := parseClock(s[11:])
	if err != nil {
		return LocalTime{}, fmt.Errorf("%v in %q", err, s)
	}
	return LocalTime{Date: d, Hour: h, Minute: m}, nil
}

func (lt LocalTime) String() string {
	if lt.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %02d:%02d", lt.Date, lt.Hour, lt.Minute)
}

func (lt *LocalTime) UnmarshalText(b []byte) error {
	v, err := ParseLocalTime(string(b))
	if err != nil {
		return err
	}
	*lt = v
	return nil
}

func (lt LocalTime) MarshalText() ([]byte, error) { return []byte(lt.String()), nil }

// In is the instant of lt in loc: the one conversion from a wall clock the
// user wrote to an instant, which the agenda, the pages and the feed all
// go through. ok is false when the wall clock does not exist that day
// (skipped by a daylight-saving jump); the instant is then the one Go
// picks, which check reports. A wall clock that occurs twice (the clocks
// go back over it) means its first occurrence, as RFC 5545 §3.3.5 says of
// a local time in the repeated hour; see wall.
func (lt LocalTime) In(loc *time.Location) (t time.Time, ok bool) {
	t, n := wall(lt.Year, lt.Month, lt.Day, lt.Hour, lt.Minute, 0, loc)
	return t, n > 0
}

// Repeated reports whether lt occurs twice in loc (check warns about it).
func (lt LocalTime) Repeated(loc *time.Location) bool {
	_, n := wall(lt.Year, lt.Month, lt.Day, lt.Hour, lt.Minute, 0, loc)
	return n > 1
}

// wall is the first instant at which the clocks of loc read the given
// wall time, and how many instants do (0 when the clocks jump over it,
// then t is time.Date's answer; 2 in the hour the clocks go back over).
//
// time.Date does not promise which of two instants it returns, and in
// practice takes the first west of UTC and the second east of it (Berlin
// and Sydney). Every instant that reads that wall time is the wall time
// read as UTC minus an offset the zone has in force then, so the
// candidates are the offsets of the zone a day either side of time.Date's
// answer: no zone has changed its offset twice within a day since 1970.
func wall(year int, month time.Month, day, hour, min, sec int, loc *time.Location) (t time.Time, n int) {
	t = time.Date(year, month, day, hour, min, sec, 0, loc)
	if loc == nil || loc == time.UTC {
		return t, 1
	}
	// Most wall times lie far from any change of offset: with the same
	// offset a day either side, the wall time reads once, and time.Date's
	// answer is it (a save in serve plans every round of the search).
	_, before := t.Add(-26 * time.Hour).Zone()
	_, at := t.Zone()
	_, after := t.Add(26 * time.Hour).Zone()
	if before == at && at == after {
		return t, 1
	}
	asUTC := time.Date(year, month, day, hour, min, sec, 0, time.UTC)
	reads := func(u time.Time) bool {
		y, mo, d := u.Date()
		h, mi, s := u.Clock()
		return y == year && mo == month && d == day && h == hour && mi == min && s == sec
	}
	var first time.Time
	var seen [3]int64
	for _, probe := range [3]time.Time{t.Add(-26 * time.Hour), t, t.Add(26 * time.Hour)} {
		_, off := probe.Zone()
		u := asUTC.Add(-time.Duration(off) * time.Second).In(loc)
		if !reads(u) {
			continue
		}
		dup := false
		for _, x := range seen[:n] {
			dup = dup || x == u.Unix()
		}
		if dup {
			continue
		}
		seen[n] = u.Unix()
		n++
		if n == 1 || u.Before(first) {
			first = u
		}
	}
	if n == 0 {
		return t, 0
	}
	return first, n
}

// RepeatedAt reports whether the wall clock of t in loc (to the second)
// also reads so at another instant: t falls in an hour the clocks go back
// over, where a local time with a TZID is read differently by different
// parsers, so the feed writes such an instant in UTC.
func RepeatedAt(t time.Time, loc *time.Location) bool {
	w := t.In(loc)
	_, n := wall(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), loc)
	return n > 1
}

// Unit is what a Span counts.
type Unit int

const (
	Elapsed      Unit = iota // a duration of clock time: 45m, 1h30m
	Days                     // calendar days
	Weeks                    // calendar weeks
	BusinessDays             // Monday to Friday
)

// Span is a length of time as people say it: "2 weeks", "10 days",
// "3 business days", or clock time "1h30m" / "90 minutes".
type Span struct {
	N    int
	Unit Unit
	D    time.Duration // for Elapsed
}

// ParseSpan reads a span; it never accepts a negative one.
func ParseSpan(s string) (Span, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") {
		return Span{}, fmt.Errorf("negative span %q", s)
	}
	if s == "" {
		return Span{}, fmt.Errorf("empty span (want e.g. \"2 weeks\", \"10 days\" or \"1h30m\")")
	}
	f := strings.Fields(strings.ToLower(s))
	if len(f) >= 2 {
		n, err := strconv.Atoi(f[0])
		if err != nil || n < 0 {
			return Span{}, fmt.Errorf("invalid span %q (want e.g. \"2 weeks\", \"10 days\" or \"3 business days\")", s)
		}
		unit := strings.Join(f[1:], " ")
		switch strings.TrimSuffix(unit, "s") {
		case "day", "calendar day":
			return Span{N: n, Unit: Days}, nil
		case "week":
			return Span{N: n, Unit: Weeks}, nil
		case "business day", "working day", "workday":
			return Span{N: n, Unit: BusinessDays}, nil
		case "minute", "min":
			return Span{Unit: Elapsed, D: time.Duration(n) * time.Minute}, nil
		case "hour", "hr":
			return Span{Unit: Elapsed, D: time.Duration(n) * time.Hour}, nil
		}
		return Span{}, fmt.Errorf("invalid span %q: unknown unit %q (want days, weeks, business days, hours or minutes)", s, unit)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return Span{}, fmt.Errorf("invalid span %q (want e.g. \"2 weeks\", \"10 days\" or \"1h30m\")", s)
	}
	if d < 0 {
		return Span{}, fmt.Errorf("negative span %q", s)
	}
	return Span{Unit: Elapsed, D: d}, nil
}

func (sp *Span) UnmarshalText(b []byte) error {
	v, err := ParseSpan(string(b))
	if err != nil {
		return err
	}
	*sp = v
	return nil
}

func (sp Span) MarshalText() ([]byte, error) { return []byte(sp.String()), nil }

func (sp Span) String() string {
	plural := func(n int, w string) string {
		if n == 1 {
			return "1 " + w
		}
		return fmt.Sprintf("%d %ss", n, w)
	}
	switch sp.Unit {
	case Days:
		return plural(sp.N, "day")
	case Weeks:
		return plural(sp.N, "week")
	case BusinessDays:
		return plural(sp.N, "business day")
	}
	return shortDuration(sp.D)
}

func shortDuration(d time.Duration) string {
	s := d.String()
	// "1h30m0s" -> "1h30m", but "10s" stays "10s" (found by FuzzSpan:
	// trimming any "0s" printed ten seconds as "1").
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	if s == "0s" {
		return "0m"
	}
	return s
}

// IsCalendar reports whether the span counts days (so it can be added to a Date).
func (sp Span) IsCalendar() bool { return sp.Unit != Elapsed }

// IsZero reports whether the span is empty.
func (sp Span) IsZero() bool { return sp.N == 0 && sp.D == 0 }

// After is the day sp after d. Elapsed spans are rounded up to whole days.
func (sp Span) After(d Date) Date {
	switch sp.Unit {
	case Days:
		return d.AddDays(sp.N)
	case Weeks:
		return d.AddDays(7 * sp.N)
	case BusinessDays:
		return d.AddBusinessDays(sp.N)
	}
	days := int((sp.D + 24*time.Hour - 1) / (24 * time.Hour))
	return d.AddDays(days)
}

// Timeline is what an employer said about hearing back: a span counted from
// the round's day ("2 weeks", "2-3 weeks"), a date ("2026-12-04"), or a
// day relative to the round ("next week", "by Friday", "end of the month").
type Timeline struct {
	Span    Span
	Date    Date
	Rel     Relative
	Weekday time.Weekday // for byWeekday
	Said    string       // as written, for the forms beyond "N units" and dates
}

func (tl *Timeline) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if len(s) == 10 && strings.Count(s, "-") == 2 && s[0] >= '0' && s[0] <= '9' {
		d, err := ParseDate(s)
		if err != nil {
			return err
		}
		*tl = Timeline{Date: d}
		return nil
	}
	if v, ok := parseSaid(s); ok {
		*tl = v
		return nil
	}
	sp, err := ParseSpan(s)
	if err != nil {
		return fmt.Errorf("invalid timeline %q (want %s)", s, TimelineForms)
	}
	if !sp.IsCalendar() {
		return fmt.Errorf("invalid timeline %q: count in days or weeks, or give a date", s)
	}
	*tl = Timeline{Span: sp}
	return nil
}

func (tl Timeline) MarshalText() ([]byte, error) { return []byte(tl.String()), nil }

func (tl Timeline) String() string {
	switch {
	case !tl.Date.IsZero():
		return tl.Date.String()
	case tl.Said != "":
		return tl.Said
	}
	return tl.Span.String()
}

// IsSpan reports whether the timeline counts a span from the round's day
// ("within 2 weeks"), rather than naming a day.
func (tl Timeline) IsSpan() bool { return tl.Date.IsZero() && tl.Rel == notRelative }

// From is the promised day for a round held on day d.
func (tl Timeline) From(d Date) Date {
	if !tl.Date.IsZero() {
		return tl.Date
	}
	if tl.Rel != notRelative {
		return tl.relativeFrom(d)
	}
	return tl.Span.After(d)
}
