package followup

import (
	"strings"
	"testing"
	"time"
)

// FuzzDate: a date that parses is in MinYear..MaxYear, is a real day, and
// prints back as it was written; a local time likewise. No input panics.
//
//	go test ./internal/followup -run '^$' -fuzz FuzzDate -fuzztime 60s
func FuzzDate(f *testing.F) {
	for _, s := range []string{"2026-11-20", "2024-02-29", "9000-12-31", "1900-01-01", "9999-12-31", "0000-00-00",
		"2026-11-20 14:00", "2026-11-20T23:59", "2026-02-30 10:00", "２０２６-01-02", "-001-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err == nil {
			if d.Year < MinYear || d.Year > MaxYear {
				t.Fatalf("%q: year %d out of bounds", s, d.Year)
			}
			if d.String() != s {
				t.Fatalf("%q prints as %q", s, d)
			}
			if DateOf(d.Noon()) != d {
				t.Fatalf("%q is not a real day", s)
			}
		}
		if lt, err := ParseLocalTime(s); err == nil {
			if lt.Year < MinYear || lt.Year > MaxYear || lt.Hour > 23 || lt.Minute > 59 || lt.Hour < 0 || lt.Minute < 0 {
				t.Fatalf("%q: %+v out of bounds", s, lt)
			}
			// Times may be written as people say them ("9:00", "2pm"), so
			// the printed form is the canonical one: it must read back as
			// the same time, and keep the date as written.
			back, err := ParseLocalTime(lt.String())
			if err != nil || back != lt {
				t.Fatalf("%q prints as %q, which reads back as %+v (%v)", s, lt, back, err)
			}
			if !strings.HasPrefix(strings.TrimSpace(s), lt.String()[:10]) {
				t.Fatalf("%q prints as %q: the date moved", s, lt)
			}
		}
	})
}

// FuzzSpan: spans and timelines never panic, are never negative, and a
// timeline counted from any date the content may hold stays a date the
// outputs can write (four-digit years) when it is at most a year, as
// content accepts.
//
//	go test ./internal/followup -run '^$' -fuzz FuzzSpan -fuzztime 60s
func FuzzSpan(f *testing.F) {
	for _, s := range []string{"2 weeks", "10 business days", "1h30m", "90 minutes", "0 days", "-1h", "2026-12-04",
		"999999999999 days", "1e9h", "3 working days", "1 calendar day", "9000-12-31", "262 business days"} {
		f.Add(s, 9000, 12, 31)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, d int) {
		sp, err := ParseSpan(s)
		if err == nil {
			if sp.N < 0 || sp.D < 0 {
				t.Fatalf("%q: negative %+v", s, sp)
			}
			if back, err := ParseSpan(sp.String()); err != nil || back != sp {
				t.Fatalf("%q -> %q -> %+v, %v", s, sp, back, err)
			}
		}
		var tl Timeline
		if tl.UnmarshalText([]byte(s)) != nil {
			return
		}
		day, err := ParseDate(dateString(y, m, d))
		if err != nil {
			return
		}
		year := tl.Span.N <= 366 && tl.Span.Unit == Days || tl.Span.N <= 52 && tl.Span.Unit == Weeks || tl.Span.N <= 262 && tl.Span.Unit == BusinessDays
		if !tl.Date.IsZero() || !year {
			return
		}
		got := tl.From(day)
		if got.Before(day) || got.Year > 9999 || len(got.String()) != 10 {
			t.Fatalf("%q from %s = %s", s, day, got)
		}
		if got.In(time.UTC).Year() != got.Year {
			t.Fatalf("%q from %s = %s: not a day of its own year", s, day, got)
		}
	})
}

func dateString(y, m, d int) string {
	return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC).Format("2006-01-02")
}
