package holiday

import (
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

func day(y int, m time.Month, d int) followup.Date { return followup.Date{Year: y, Month: m, Day: d} }

func TestCalendars(t *testing.T) {
	for _, c := range []struct {
		code string
		d    followup.Date
		want bool
		name string
	}{
		{"US", day(2026, time.December, 25), true, "Christmas Day"},
		{"US", day(2026, time.November, 26), true, "Thanksgiving Day"},
		{"US", day(2026, time.December, 24), false, ""},
		{"US", day(2026, time.July, 3), true, "Independence Day"}, // observed: July 4 2026 is a Saturday
		{"US-NY", day(2026, time.December, 25), true, "Christmas Day"},
		{"us", day(2027, time.January, 1), true, "New Year's Day"},
		{"DE-BY", day(2027, time.January, 6), true, ""},
		{"DE", day(2027, time.January, 6), false, ""},
		{"GB", day(2026, time.December, 28), true, ""}, // Boxing Day on a Saturday, observed Monday
		{"", day(2026, time.December, 25), false, ""},
	} {
		cal, err := New(c.code, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.code, err)
		}
		name, ok := cal.Holiday(c.d)
		if ok != c.want || (c.name != "" && name != c.name) {
			t.Errorf("%s %s: %q %v, want %q %v", c.code, c.d, name, ok, c.name, c.want)
		}
	}
	cal, _ := New("", []followup.Date{day(2026, time.December, 24)})
	if name, ok := cal.Holiday(day(2026, time.December, 24)); !ok || name != "a holiday you listed" {
		t.Errorf("extra holiday: %q %v", name, ok)
	}
	if _, err := New("XX", nil); err == nil || !strings.Contains(err.Error(), "US") {
		t.Errorf("unknown code: %v", err)
	}
}

func TestForZone(t *testing.T) {
	for tz, want := range map[string]string{"America/New_York": "US", "Europe/Berlin": "DE", "Australia/Sydney": "AU-NSW", "UTC": "", "Antarctica/Troll": ""} {
		if got := ForZone(tz); got != want {
			t.Errorf("ForZone(%s) = %q, want %q", tz, got, want)
		}
		if want != "" {
			if _, err := New(want, nil); err != nil {
				t.Errorf("ForZone(%s) proposes %q, which New rejects: %v", tz, want, err)
			}
		}
	}
}
