package followup

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Date
		wantErr string // substring; empty means success
	}{
		{"2026-11-02", Date{2026, time.November, 2}, ""},
		{"2026-12-31", Date{2026, time.December, 31}, ""},
		{"0001-01-01", Date{}, "between 1900 and 9000"},
		{"1899-12-31", Date{}, "between 1900 and 9000"},
		{"1900-01-01", Date{1900, time.January, 1}, ""},
		{"9000-12-31", Date{9000, time.December, 31}, ""},
		{"9001-01-01", Date{}, "between 1900 and 9000"},
		{"9999-12-31", Date{}, "between 1900 and 9000"},
		{"2024-02-29", Date{2024, time.February, 29}, ""}, // leap year
		{"2000-02-29", Date{2000, time.February, 29}, ""}, // divisible by 400
		{"2026-02-30", Date{}, `invalid date "2026-02-30": February 2026 has 28 days`},
		{"2026-02-29", Date{}, "February 2026 has 28 days"},
		{"2100-02-29", Date{}, "February 2100 has 28 days"}, // divisible by 100
		{"2026-04-31", Date{}, "April 2026 has 30 days"},
		{"2026-13-01", Date{}, `invalid date "2026-13-01" (want YYYY-MM-DD)`},
		{"2026-00-10", Date{}, "want YYYY-MM-DD"},
		{"2026-01-00", Date{}, "want YYYY-MM-DD"},
		{"2026-01-32", Date{}, "January 2026 has 31 days"},
		{"0000-01-01", Date{}, "want YYYY-MM-DD"},
		{"2026-1-02", Date{}, "want YYYY-MM-DD"},
		{"2026/01/02", Date{}, "want YYYY-MM-DD"},
		{"02-01-2026", Date{}, "want YYYY-MM-DD"},
		{"2026-01-02 ", Date{}, "want YYYY-MM-DD"},
		{"+026-01-02", Date{}, "want YYYY-MM-DD"},
		{"2026-0a-02", Date{}, "want YYYY-MM-DD"},
		{"２０２６-01-02", Date{}, "want YYYY-MM-DD"},
		{"", Date{}, "want YYYY-MM-DD"},
		{"next tuesday", Date{}, `invalid date "next tuesday"`},
	} {
		got, err := ParseDate(tc.in)
		if tc.wantErr == "" {
			if err != nil || got != tc.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
			if got.String() != tc.in {
				t.Errorf("ParseDate(%q).String() = %q", tc.in, got)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("ParseDate(%q) = %v, %v; want error containing %q", tc.in, got, err, tc.wantErr)
		}
	}
}

// The hand-written parser must agree with time.Parse on every day of a
// few years, leap and not.
func TestParseDateAgreesWithTime(t *testing.T) {
	for y := 1999; y <= 2001; y++ {
		for m := 1; m <= 12; m++ {
			for d := 0; d <= 32; d++ {
				s := (Date{y, time.Month(m), d}).String()
				_, want := time.Parse("2006-01-02", s)
				got, err := ParseDate(s)
				if (err == nil) != (want == nil) {
					t.Fatalf("%s: ParseDate err %v, time.Parse err %v", s, err, want)
				}
				if err == nil && got.String() != s {
					t.Fatalf("%s: round trip %s", s, got)
				}
			}
		}
	}
}

func TestDateText(t *testing.T) {
	var d Date
	if err := d.UnmarshalText([]byte(" 2026-11-20 ")); err != nil || d != (Date{2026, time.November, 20}) {
		t.Errorf("UnmarshalText trims spaces: %v %v", d, err)
	}
	before := d
	if err := d.UnmarshalText([]byte("2026-02-30")); err == nil || d != before {
		t.Errorf("a bad date must fail and leave the value alone: %v %v", d, err)
	}
	if b, _ := d.MarshalText(); string(b) != "2026-11-20" {
		t.Errorf("MarshalText = %s", b)
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Error("zero Date prints empty and is zero")
	}
}

func TestDateArithmetic(t *testing.T) {
	d := Date{2026, time.December, 30}
	if got := d.AddDays(3); got != (Date{2027, time.January, 2}) {
		t.Errorf("AddDays across the year: %v", got)
	}
	if got := (Date{2026, time.March, 1}).AddDays(-1); got != (Date{2026, time.February, 28}) {
		t.Errorf("AddDays back across February: %v", got)
	}
	// 2026-03-08 is the spring-forward day in the US: whole days still.
	if n := (Date{2026, time.March, 7}).DaysUntil(Date{2026, time.March, 10}); n != 3 {
		t.Errorf("DaysUntil over a DST change = %d, want 3", n)
	}
	if n := (Date{2026, time.March, 10}).DaysUntil(Date{2026, time.March, 7}); n != -3 {
		t.Errorf("DaysUntil backwards = %d, want -3", n)
	}
	if wd := (Date{2026, time.November, 20}).Weekday(); wd != time.Friday {
		t.Errorf("Weekday = %v", wd)
	}
	fri := Date{2026, time.November, 20}
	for n, want := range map[int]Date{
		0:  fri,
		1:  {2026, time.November, 23}, // Monday
		5:  {2026, time.November, 27},
		10: {2026, time.December, 4},
	} {
		if got := fri.AddBusinessDays(n); got != want {
			t.Errorf("Friday + %d business days = %v, want %v", n, got, want)
		}
	}
	if got := (Date{2026, time.November, 21}).AddBusinessDays(1); got != (Date{2026, time.November, 23}) {
		t.Errorf("Saturday + 1 business day = %v, want Monday", got)
	}
	a, b := Date{2026, 1, 2}, Date{2026, 1, 3}
	if !a.Before(b) || a.After(b) || a.Compare(a) != 0 || a.Max(b) != b || b.Max(a) != b {
		t.Error("Before/After/Compare/Max")
	}
}

func TestDateIn(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	if got := (Date{2026, time.November, 20}).In(ny).Format(time.RFC3339); got != "2026-11-20T00:00:00-05:00" {
		t.Errorf("In(New York) = %s", got)
	}
	// Chile moves its clocks from 00:00 to 01:00 on 2026-09-06: that day
	// starts at 01:00, not at 23:00 the evening before.
	scl := mustZone(t, "America/Santiago")
	got := (Date{2026, time.September, 6}).In(scl)
	if s := got.Format(time.RFC3339); s != "2026-09-06T01:00:00-03:00" {
		t.Errorf("In(Santiago) on the spring-forward day = %s, want 2026-09-06T01:00:00-03:00", s)
	}
	if DateOf(got) != (Date{2026, time.September, 6}) {
		t.Errorf("DateOf(In) = %v", DateOf(got))
	}
}

func TestParseLocalTime(t *testing.T) {
	for _, tc := range []struct {
		in, want, wantErr string
	}{
		{"2026-11-20 14:00", "2026-11-20 14:00", ""},
		{"2026-11-20T14:00", "2026-11-20 14:00", ""},
		{"  2026-11-20 09:05 ", "2026-11-20 09:05", ""},
		{"2026-11-20 00:00", "2026-11-20 00:00", ""},
		{"2026-11-20 23:59", "2026-11-20 23:59", ""},
		{"2026-11-20 24:00", "", `invalid time of day "24:00"`},
		{"2026-11-20 25:00", "", `invalid time of day "25:00" (want 14:00, 9:00, 2pm, 9am, 2:30pm or 14h, 00:00 to 23:59) in "2026-11-20 25:00"`},
		{"2026-11-20 14:60", "", "invalid time of day"},
		// Times as people write them.
		{"2026-11-20 9:00", "2026-11-20 09:00", ""},
		{"2026-11-20 2pm", "2026-11-20 14:00", ""},
		{"2026-11-20 9am", "2026-11-20 09:00", ""},
		{"2026-11-20 2:30 PM", "2026-11-20 14:30", ""},
		{"2026-11-20 12am", "2026-11-20 00:00", ""},
		{"2026-11-20 12pm", "2026-11-20 12:00", ""},
		{"2026-11-20 14h", "2026-11-20 14:00", ""},
		{"2026-11-20 14h30", "2026-11-20 14:30", ""},
		{"2026-11-20 13pm", "", "invalid time of day"},
		{"2026-11-20 0am", "", "invalid time of day"},
		{"2026-11-20 14", "", "invalid time of day"},
		{"2026-11-20 14:00:00", "", "invalid time of day"},
		{"2026-11-20", "", "invalid local time"},
		{"2026-02-30 10:00", "", `invalid date "2026-02-30" in local time "2026-02-30 10:00"`},
		{"2026-11-20_14:00", "", "invalid local time"},
		{"next tuesday 2pm", "", `invalid local time "next tuesday 2pm"`},
		// A round ending after 9999 would write a five-digit DTEND.
		{"9999-12-31 23:59", "", `invalid local time "9999-12-31 23:59": the year must be between 1900 and 9000`},
		{"1899-12-31 23:59", "", "the year must be between 1900 and 9000"},
		{"9000-12-31 23:59", "9000-12-31 23:59", ""},
		{"", "", "invalid local time"},
	} {
		got, err := ParseLocalTime(tc.in)
		if tc.wantErr == "" {
			if err != nil || got.String() != tc.want {
				t.Errorf("ParseLocalTime(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("ParseLocalTime(%q) = %v, %v; want error containing %q", tc.in, got, err, tc.wantErr)
		}
	}
}

func TestLocalTimeIn(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	lt, _ := ParseLocalTime("2026-11-20 14:00")
	if got, ok := lt.In(ny); !ok || got.Format(time.RFC3339) != "2026-11-20T14:00:00-05:00" {
		t.Errorf("In = %v, %v", got, ok)
	}
	// 02:30 does not exist on 2026-03-08 in New York.
	gap, _ := ParseLocalTime("2026-03-08 02:30")
	if _, ok := gap.In(ny); ok {
		t.Error("2026-03-08 02:30 New York: want ok=false (skipped by the clocks)")
	}
	// 01:30 happens twice on 2026-11-01; either is a real wall clock.
	twice, _ := ParseLocalTime("2026-11-01 01:30")
	if _, ok := twice.In(ny); !ok {
		t.Error("2026-11-01 01:30 New York exists")
	}
	a, _ := ParseLocalTime("2026-11-20 09:00")
	b, _ := ParseLocalTime("2026-11-20 14:00")
	c, _ := ParseLocalTime("2026-11-21 08:00")
	if !a.Before(b) || b.Before(a) || !b.Before(c) || a.Before(a) {
		t.Error("LocalTime.Before")
	}
}

func TestParseSpan(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Span
		str     string // String(); empty means the input
		wantErr string
	}{
		{"2 weeks", Span{N: 2, Unit: Weeks}, "", ""},
		{"1 week", Span{N: 1, Unit: Weeks}, "", ""},
		{"2 Weeks", Span{N: 2, Unit: Weeks}, "2 weeks", ""},
		{"10 days", Span{N: 10, Unit: Days}, "", ""},
		{"1 day", Span{N: 1, Unit: Days}, "", ""},
		{"0 days", Span{N: 0, Unit: Days}, "", ""},
		{"7 calendar days", Span{N: 7, Unit: Days}, "7 days", ""},
		{"3 business days", Span{N: 3, Unit: BusinessDays}, "", ""},
		{"1 business day", Span{N: 1, Unit: BusinessDays}, "", ""},
		{"5 working days", Span{N: 5, Unit: BusinessDays}, "5 business days", ""},
		{"  2   weeks ", Span{N: 2, Unit: Weeks}, "2 weeks", ""},
		{"45m", Span{Unit: Elapsed, D: 45 * time.Minute}, "", ""},
		{"1h", Span{Unit: Elapsed, D: time.Hour}, "", ""},
		{"1h30m", Span{Unit: Elapsed, D: 90 * time.Minute}, "", ""},
		{"90m", Span{Unit: Elapsed, D: 90 * time.Minute}, "1h30m", ""},
		{"90 minutes", Span{Unit: Elapsed, D: 90 * time.Minute}, "1h30m", ""},
		{"2 hours", Span{Unit: Elapsed, D: 2 * time.Hour}, "2h", ""},
		{"0m", Span{Unit: Elapsed}, "0m", ""},
		{"-1h", Span{}, "", `negative span "-1h"`},
		{"-2 weeks", Span{}, "", `negative span "-2 weeks"`},
		{"", Span{}, "", "empty span"},
		{"   ", Span{}, "", "empty span"},
		{"soon", Span{}, "", `invalid span "soon"`},
		{"two weeks", Span{}, "", `invalid span "two weeks"`},
		{"1.5 weeks", Span{}, "", "invalid span"},
		{"2 fortnights", Span{}, "", `unknown unit "fortnights"`},
		{"1x", Span{}, "", "invalid span"},
	} {
		got, err := ParseSpan(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseSpan(%q) = %v, %v; want error containing %q", tc.in, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseSpan(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			continue
		}
		str := tc.str
		if str == "" {
			str = tc.in
		}
		if got.String() != str {
			t.Errorf("ParseSpan(%q).String() = %q, want %q", tc.in, got, str)
		}
		// What String prints reads back as the same span.
		if back, err := ParseSpan(got.String()); err != nil || back != got {
			t.Errorf("ParseSpan(%q) does not round trip: %+v, %v", got.String(), back, err)
		}
	}
}

func TestSpanAfter(t *testing.T) {
	fri := Date{2026, time.November, 20}
	for _, tc := range []struct {
		span string
		want Date
	}{
		{"0 days", fri},
		{"1 day", Date{2026, time.November, 21}},
		{"2 weeks", Date{2026, time.December, 4}},
		{"3 business days", Date{2026, time.November, 25}},
		{"24h", Date{2026, time.November, 21}},
		{"25h", Date{2026, time.November, 22}}, // elapsed time rounds up to whole days
		{"0m", fri},
	} {
		sp, err := ParseSpan(tc.span)
		if err != nil {
			t.Fatal(err)
		}
		if got := sp.After(fri); got != tc.want {
			t.Errorf("%s after %v = %v, want %v", tc.span, fri, got, tc.want)
		}
	}
	if !(Span{N: 1, Unit: Days}).IsCalendar() || (Span{Unit: Elapsed, D: time.Hour}).IsCalendar() {
		t.Error("IsCalendar")
	}
	if !(Span{Unit: Weeks}).IsZero() || (Span{N: 1, Unit: Weeks}).IsZero() {
		t.Error("IsZero")
	}
}

func TestTimeline(t *testing.T) {
	round := Date{2026, time.November, 20} // a Friday
	for _, tc := range []struct {
		in      string
		str     string
		from    Date
		wantErr string
	}{
		{"2 weeks", "2 weeks", Date{2026, time.December, 4}, ""},
		{"10 days", "10 days", Date{2026, time.November, 30}, ""},
		{"10 business days", "10 business days", Date{2026, time.December, 4}, ""},
		{"1 week", "1 week", Date{2026, time.November, 27}, ""},
		{"2026-12-04", "2026-12-04", Date{2026, time.December, 4}, ""},
		{" 2026-12-04 ", "2026-12-04", Date{2026, time.December, 4}, ""},
		{"2026-02-30", "", Date{}, `invalid date "2026-02-30"`},
		{"48h", "", Date{}, `invalid timeline "48h": count in days or weeks`},
		{"soon", "", Date{}, `invalid timeline "soon"`},
		{"-2 weeks", "", Date{}, `invalid timeline "-2 weeks"`},
		{"", "", Date{}, "invalid timeline"},
	} {
		var tl Timeline
		err := tl.UnmarshalText([]byte(tc.in))
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Timeline(%q) = %v, %v; want error containing %q", tc.in, tl, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Timeline(%q): %v", tc.in, err)
			continue
		}
		if tl.String() != tc.str {
			t.Errorf("Timeline(%q).String() = %q, want %q", tc.in, tl, tc.str)
		}
		if got := tl.From(round); got != tc.from {
			t.Errorf("Timeline(%q).From(%v) = %v, want %v", tc.in, round, got, tc.from)
		}
		if b, _ := tl.MarshalText(); string(b) != tc.str {
			t.Errorf("MarshalText = %q", b)
		}
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	l, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("zone data for %s not available: %v", name, err)
	}
	return l
}

// TestDateStringIsSprintf: String writes the digits itself; it must say
// what fmt says, in range and out of it.
func TestDateStringIsSprintf(t *testing.T) {
	for _, y := range []int{-1, 0, 7, 999, 1000, 2026, 9999, 10000} {
		for m := time.Month(0); m <= 13; m++ {
			for d := 0; d <= 100; d++ {
				dt := Date{y, m, d}
				want := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				if dt.IsZero() {
					want = ""
				}
				if got := dt.String(); got != want {
					t.Fatalf("%#v.String() = %q, want %q", dt, got, want)
				}
			}
		}
	}
}

func TestTimelineAsPeopleSayIt(t *testing.T) {
	thu := Date{2026, time.November, 19} // a Thursday
	for _, tc := range []struct{ in, want string }{
		{"2 weeks", "2026-12-03"},
		{"2-3 weeks", "2026-12-10"},
		{"2 to 3 weeks", "2026-12-10"},
		{"a week or two", "2026-12-03"},
		{"one or two weeks", "2026-12-03"},
		{"a week", "2026-11-26"},
		{"ten days", "2026-11-29"},
		{"next week", "2026-11-27"},
		{"end of next week", "2026-11-27"},
		{"by the end of next week", "2026-11-27"},
		{"end of the week", "2026-11-20"},
		{"by Friday", "2026-11-20"},
		{"by Thursday", "2026-11-26"},
		{"by Monday", "2026-11-23"},
		{"end of the month", "2026-11-30"},
		{"2026-12-04", "2026-12-04"},
	} {
		var tl Timeline
		if err := tl.UnmarshalText([]byte(tc.in)); err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if got := tl.From(thu).String(); got != tc.want {
			t.Errorf("%q said on Thu Nov 19: %s, want %s", tc.in, got, tc.want)
		}
	}
	var tl Timeline
	err := tl.UnmarshalText([]byte("soonish"))
	if err == nil || !strings.Contains(err.Error(), "a week or two") || !strings.Contains(err.Error(), "by Friday") {
		t.Errorf("an unknown form must list the accepted ones: %v", err)
	}
}

// TestWall: a wall clock that occurs twice means its first occurrence in
// every zone, east and west of UTC (time.Date takes the second east of
// it); one that does not occur is reported; RepeatedAt sees both instants
// of the repeated hour.
func TestWall(t *testing.T) {
	for _, tc := range []struct {
		zone, at string
		n        int
		want     string // the instant, UTC; "" = not checked (a gap)
	}{
		{"America/New_York", "2026-11-01 01:30", 2, "2026-11-01T05:30:00Z"},
		{"America/New_York", "2026-11-01 00:59", 1, "2026-11-01T04:59:00Z"},
		{"America/New_York", "2026-11-01 02:00", 1, "2026-11-01T07:00:00Z"},
		{"America/New_York", "2026-03-08 02:30", 0, ""},
		{"Europe/Berlin", "2026-10-25 02:30", 2, "2026-10-25T00:30:00Z"},
		{"Europe/Berlin", "2026-10-25 02:00", 2, "2026-10-25T00:00:00Z"},
		{"Europe/Berlin", "2026-10-25 03:00", 1, "2026-10-25T02:00:00Z"},
		{"Australia/Sydney", "2026-04-05 02:30", 2, "2026-04-04T15:30:00Z"},
		{"Australia/Lord_Howe", "2026-04-05 01:45", 2, "2026-04-04T14:45:00Z"},
		{"Europe/Dublin", "2026-10-25 01:30", 2, "2026-10-25T00:30:00Z"},
		{"Africa/Casablanca", "2026-02-15 02:30", 2, "2026-02-15T01:30:00Z"},
		{"Africa/Casablanca", "2026-02-15 03:30", 1, "2026-02-15T03:30:00Z"},
		{"Asia/Kolkata", "2026-10-25 02:30", 1, "2026-10-24T21:00:00Z"},
		{"UTC", "2026-10-25 02:30", 1, "2026-10-25T02:30:00Z"},
	} {
		loc := mustZone(t, tc.zone)
		lt, err := ParseLocalTime(tc.at)
		if err != nil {
			t.Fatal(err)
		}
		got, n := wall(lt.Year, lt.Month, lt.Day, lt.Hour, lt.Minute, 0, loc)
		if n != tc.n {
			t.Errorf("%s %s: %d occurrences, want %d", tc.zone, tc.at, n, tc.n)
		}
		if tc.want != "" && got.UTC().Format(time.RFC3339) != tc.want {
			t.Errorf("%s %s: %s, want %s", tc.zone, tc.at, got.UTC().Format(time.RFC3339), tc.want)
		}
		if in, ok := lt.In(loc); ok != (tc.n > 0) || (tc.n > 0 && !in.Equal(got)) || lt.Repeated(loc) != (tc.n > 1) {
			t.Errorf("%s %s: In = %v, %v; Repeated = %v", tc.zone, tc.at, in, ok, lt.Repeated(loc))
		}
		if tc.n > 0 {
			if RepeatedAt(got, loc) != (tc.n > 1) {
				t.Errorf("%s %s: RepeatedAt(first) = %v", tc.zone, tc.at, !(tc.n > 1))
			}
			if tc.n > 1 {
				_, off := got.Zone()
				second := got.Add(time.Duration(off-offsetAfter(got, loc)) * time.Second)
				if !RepeatedAt(second, loc) || second.Equal(got) {
					t.Errorf("%s %s: RepeatedAt(second occurrence %v) = false", tc.zone, tc.at, second)
				}
			}
		}
	}
}

// offsetAfter is loc's offset a day after t.
func offsetAfter(t time.Time, loc *time.Location) int {
	_, off := t.Add(24 * time.Hour).In(loc).Zone()
	return off
}

// FuzzWall: for any wall clock in zones with every kind of change, Wall
// returns an instant that reads that wall clock when one does, never a
// later one than time.Date's, and counts two only in a repeated hour.
//
//	go test ./internal/followup -run '^$' -fuzz FuzzWall -fuzztime 60s
func FuzzWall(f *testing.F) {
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Europe/Dublin",
		"Africa/Casablanca", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Apia", "America/Santiago", "UTC"}
	f.Add(uint8(0), uint16(2026), uint8(11), uint8(1), uint8(1), uint8(30))
	f.Add(uint8(1), uint16(2026), uint8(10), uint8(25), uint8(2), uint8(30))
	f.Add(uint8(8), uint16(2011), uint8(12), uint8(30), uint8(12), uint8(0))
	f.Fuzz(func(t *testing.T, z uint8, y uint16, mo, d, h, mi uint8) {
		loc, err := time.LoadLocation(zones[int(z)%len(zones)])
		if err != nil {
			t.Skip(err)
		}
		year, month, day, hour, min := 1900+int(y)%300, time.Month(1+int(mo)%12), 1+int(d)%28, int(h)%24, int(mi)%60
		got, n := wall(year, month, day, hour, min, 0, loc)
		if n < 0 || n > 2 {
			t.Fatalf("%d occurrences", n)
		}
		if n == 0 {
			return
		}
		if y2, m2, d2 := got.Date(); y2 != year || m2 != month || d2 != day || got.Hour() != hour || got.Minute() != min {
			t.Fatalf("Wall(%d-%02d-%02d %02d:%02d %s) = %v", year, month, day, hour, min, loc, got)
		}
		if td := time.Date(year, month, day, hour, min, 0, 0, loc); got.After(td) {
			t.Fatalf("Wall gives %v, later than time.Date's %v", got, td)
		}
		if RepeatedAt(got, loc) != (n == 2) {
			t.Fatalf("RepeatedAt(%v) disagrees with %d occurrences", got, n)
		}
	})
}

// FuzzSaid: times and timelines as people write them never panic, and a
// time of day that parses is on the clock.
func FuzzSaid(f *testing.F) {
	for _, s := range []string{"2pm", "12am", "14h30", "9:00", "2-3 weeks", "a week or two", "by Friday", "end of the month", "99999999999-3 weeks", "-h", "h", ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if h, m, err := parseClock(s); err == nil && (h < 0 || h > 23 || m < 0 || m > 59) {
			t.Fatalf("ParseClock(%q) = %d:%d", s, h, m)
		}
		var tl Timeline
		// Content refuses spans past a year (business days are counted one
		// by one); From is only asked about those it accepts.
		if tl.UnmarshalText([]byte(s)) == nil && tl.Span.N <= 400 {
			tl.From(Date{2026, time.November, 19})
		}
	})
}
