package calendar

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// block is one STANDARD or DAYLIGHT of a serialised VTIMEZONE.
type block struct {
	daylight bool
	start    time.Time // DTSTART as a wall clock (in UTC's clothing)
	from, to int
	rrule    string
}

// parseVTimezone reads the blocks of a serialised VTIMEZONE.
func parseVTimezone(t *testing.T, s string) []block {
	t.Helper()
	var out []block
	var cur *block
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n ", ""), "\r\n") {
		k, v, _ := strings.Cut(l, ":")
		switch {
		case l == "BEGIN:STANDARD" || l == "BEGIN:DAYLIGHT":
			out = append(out, block{daylight: l == "BEGIN:DAYLIGHT"})
			cur = &out[len(out)-1]
		case cur == nil:
		case k == "DTSTART":
			st, err := time.Parse("20060102T150405", v)
			if err != nil {
				t.Fatalf("DTSTART %q: %v", v, err)
			}
			cur.start = st
		case k == "TZOFFSETFROM", k == "TZOFFSETTO":
			sign := 1
			if v[0] == '-' {
				sign = -1
			}
			h, _ := strconv.Atoi(v[1:3])
			m, _ := strconv.Atoi(v[3:5])
			off := sign * (h*3600 + m*60)
			if k == "TZOFFSETFROM" {
				cur.from = off
			} else {
				cur.to = off
			}
		case k == "RRULE":
			cur.rrule = v
		}
	}
	return out
}

// onsets are the instants at which the blocks take effect, up to year y1,
// with the offset each brings, expanding the yearly RRULEs followup writes
// (FREQ=YEARLY;BYMONTH=m;BYDAY=nDD or -1DD) independently of the code
// that wrote them.
func onsets(t *testing.T, bs []block, y1 int) map[int64]int {
	t.Helper()
	days := map[string]time.Weekday{"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
		"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday}
	out := map[int64]int{}
	for _, b := range bs {
		add := func(local time.Time) {
			out[local.Add(-time.Duration(b.from)*time.Second).Unix()] = b.to
		}
		if b.rrule == "" {
			add(b.start)
			continue
		}
		var month, nth int
		var wd time.Weekday
		for _, part := range strings.Split(b.rrule, ";") {
			k, v, _ := strings.Cut(part, "=")
			switch k {
			case "FREQ":
				if v != "YEARLY" {
					t.Fatalf("RRULE %s", b.rrule)
				}
			case "BYMONTH":
				month, _ = strconv.Atoi(v)
			case "BYDAY":
				nth, _ = strconv.Atoi(v[:len(v)-2])
				wd = days[v[len(v)-2:]]
			default:
				t.Fatalf("RRULE part %s", part)
			}
		}
		for y := b.start.Year(); y <= y1; y++ {
			var d time.Time
			if nth > 0 {
				d = time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
				for d.Weekday() != wd {
					d = d.AddDate(0, 0, 1)
				}
				d = d.AddDate(0, 0, 7*(nth-1))
			} else {
				d = time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
				for d.Weekday() != wd {
					d = d.AddDate(0, 0, -1)
				}
			}
			h, m, s := b.start.Clock()
			local := d.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second)
			if y == b.start.Year() && !local.Equal(b.start) {
				t.Errorf("DTSTART %v is not the rule's (%s) onset %v", b.start, b.rrule, local)
			}
			add(local)
		}
	}
	return out
}

// TestVTimezoneAgainstGo checks every VTIMEZONE the feed can carry against
// Go's zone data: at every change of offset in the window and every six
// hours between, the offset the VTIMEZONE gives (the latest onset at or
// before the instant) is the zone's; a block that moves the clocks forward
// is DAYLIGHT and one that moves them back STANDARD; and the shape is the
// servers' (one STANDARD, one DAYLIGHT, with RRULE) where the zone follows
// one yearly rule. The zones have negative summer time (Dublin,
// Casablanca), a half-hour change (Lord_Howe), no change (Kolkata),
// abolished summer time (Sao_Paulo) and the common rules.
func TestVTimezoneAgainstGo(t *testing.T) {
	for _, tc := range []struct {
		zone  string
		shape string // "rule", "explicit" or "fixed"
	}{
		{"Europe/Dublin", "rule"},
		{"Africa/Casablanca", "explicit"},
		{"Australia/Lord_Howe", "rule"},
		{"Asia/Kolkata", "fixed"},
		{"America/Sao_Paulo", "fixed"},
		{"America/New_York", "rule"},
		{"Europe/Berlin", "rule"},
		{"Australia/Sydney", "rule"},
	} {
		loc, err := time.LoadLocation(tc.zone)
		if err != nil {
			t.Fatal(err)
		}
		for _, years := range [][2]int{{2026, 2026}, {2025, 2027}, {2027, 2028}} {
			name := fmt.Sprintf("%s/%d-%d", tc.zone, years[0], years[1])
			from := time.Date(years[0], 3, 15, 12, 0, 0, 0, loc)
			to := time.Date(years[1], 9, 15, 12, 0, 0, 0, loc)
			var buf bytes.Buffer
			if err := vtimezone(tc.zone, loc, from, to).SerializeTo(&buf, serial); err != nil {
				t.Fatal(err)
			}
			bs := parseVTimezone(t, buf.String())
			// The EU's rule is "last Sunday", which in 2025 and 2026 is
			// also the fourth Sunday of October; written as the fourth, it
			// would be wrong in 2027.
			if tc.zone == "Europe/Berlin" || tc.zone == "Europe/Dublin" {
				for _, b := range bs {
					if !strings.HasSuffix(b.rrule, "BYDAY=-1SU") {
						t.Errorf("%s: RRULE %q, want the last Sunday", name, b.rrule)
					}
				}
			}
			switch tc.shape {
			case "rule":
				if len(bs) != 2 || bs[0].rrule == "" || bs[1].rrule == "" || bs[0].daylight == bs[1].daylight {
					t.Errorf("%s: want one STANDARD and one DAYLIGHT with RRULE:\n%s", name, buf.String())
				}
			case "fixed":
				if len(bs) != 1 || bs[0].daylight || bs[0].rrule != "" {
					t.Errorf("%s: want one STANDARD:\n%s", name, buf.String())
				}
			case "explicit":
				if len(bs) < 3 {
					t.Errorf("%s: want a block per change:\n%s", name, buf.String())
				}
			}
			low := bs[0].to
			for _, b := range bs {
				low = min(low, b.from, b.to)
			}
			for _, b := range bs {
				if want := b.to > b.from || b.to == b.from && b.to > low; b.daylight != want {
					t.Errorf("%s: block from %d to %d at %v is DAYLIGHT=%v, want %v", name, b.from, b.to, b.start, b.daylight, want)
				}
			}
			on := onsets(t, bs, years[1]+1)
			offsetAt := func(u time.Time) (int, bool) {
				best, off, ok := int64(0), 0, false
				for at, o := range on {
					if at <= u.Unix() && (!ok || at > best) {
						best, off, ok = at, o, true
					}
				}
				return off, ok
			}
			start := time.Date(years[0], 1, 1, 0, 0, 0, 0, loc)
			end := time.Date(years[1]+1, 1, 1, 0, 0, 0, 0, loc)
			probes := []time.Time{}
			for u := start; u.Before(end); u = u.Add(6 * time.Hour) {
				probes = append(probes, u)
			}
			changes := 0
			for _, o := range transitions(loc, start, end)[1:] {
				if o.from != o.to {
					changes++
					probes = append(probes, o.start, o.start.Add(-time.Second))
					if got, ok := on[o.start.Unix()]; !ok || got != o.to {
						t.Errorf("%s: Go changes to %d at %v; the VTIMEZONE has no onset there", name, o.to, o.start.UTC())
					}
				}
			}
			if tc.shape != "fixed" && changes == 0 {
				t.Errorf("%s: Go's zone data has no change in the window", name)
			}
			for _, u := range probes {
				_, want := u.In(loc).Zone()
				if got, ok := offsetAt(u); !ok || got != want {
					t.Errorf("%s: at %v the VTIMEZONE gives %d (defined %v), Go %d", name, u.UTC(), got, ok, want)
					break
				}
			}
		}
	}
}
