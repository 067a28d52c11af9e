package imports

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

var (
	// 3/7/24, 2:22 PM (LinkedIn), 3/7/2024, 03/07/2024 14:22
	reSlashed = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?i:am|pm)?)?$`)
	// 2024-03-07, 2024-03-07 14:22, 2024-03-07T14:22:05.123Z, …+01:00
	reISO = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$`)
	// 07.03.2024 (German, Russian spreadsheets)
	reDotted = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	reEpoch  = regexp.MustCompile(`^\d{10}(?:\d{3})?$`)
	reWords  = regexp.MustCompile(`^(?:\d{1,2} [A-Za-z]{3,9} \d{4}|[A-Za-z]{3,9} \d{1,2},? \d{4})$`)
)

// parseDate reads the dates spreadsheets and exports write. A date and
// time without a zone (LinkedIn's "3/7/24, 2:22 PM") is a moment in the
// site's zone, so its day is the day written; one with a zone or offset
// (Huntr's "2024-03-07T19:22:05.000Z", Unix seconds) is converted to loc
// first. Slashed dates are month/day, as LinkedIn and US spreadsheets
// write them, unless the first number cannot be a month (25/12/2024).
func parseDate(s string, loc *time.Location) (followup.Date, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a date (want YYYY-MM-DD, M/D/YY or what LinkedIn writes, 3/7/24, 2:22 PM)", s)
	num := func(x string) int { n, _ := strconv.Atoi(x); return n }
	civil := func(y, m, d int) (followup.Date, error) {
		if y < 100 {
			y += 2000 // two-digit years: every job search is this century
		}
		return followup.ParseDate(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
	}
	switch {
	case reSlashed.MatchString(s):
		m := reSlashed.FindStringSubmatch(s)
		a, b := num(m[1]), num(m[2])
		if a > 12 && b <= 12 {
			a, b = b, a
		}
		d, err := civil(num(m[3]), a, b)
		if err != nil {
			return d, bad
		}
		return d, nil
	case reISO.MatchString(s):
		m := reISO.FindStringSubmatch(s)
		if m[7] != "" {
			t, err := time.Parse("2006-01-02T15:04:05Z07:00", isoWithSeconds(m))
			if err != nil {
				return followup.Date{}, bad
			}
			return followup.DateOf(t.In(loc)), nil
		}
		d, err := civil(num(m[1]), num(m[2]), num(m[3]))
		if err != nil {
			return d, fmt.Errorf("%q: %v", s, err)
		}
		return d, nil
	case reDotted.MatchString(s):
		m := reDotted.FindStringSubmatch(s)
		d, err := civil(num(m[3]), num(m[2]), num(m[1]))
		if err != nil {
			return d, bad
		}
		return d, nil
	case reWords.MatchString(s):
		// "Mar 7, 2024", "March 7, 2024", "7 Mar 2024": how some
		// trackers and spreadsheets print dates.
		for _, layout := range []string{"Jan 2, 2006", "January 2, 2006", "2 Jan 2006", "2 January 2006", "Jan 2 2006", "January 2 2006"} {
			if t, err := time.Parse(layout, s); err == nil {
				return followup.DateOf(t), nil
			}
		}
		return followup.Date{}, bad
	case reEpoch.MatchString(s):
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		return followup.DateOf(time.Unix(n, 0).In(loc)), nil
	}
	return followup.Date{}, bad
}

// isoWithSeconds rebuilds an ISO moment in the one layout time.Parse is
// given: seconds present, the offset with a colon.
func isoWithSeconds(m []string) string {
	sec := m[6]
	if sec == "" {
		sec = "00"
	}
	off := m[7]
	if len(off) == 5 {
		off = off[:3] + ":" + off[3:]
	}
	return fmt.Sprintf("%s-%s-%sT%s:%s:%s%s", m[1], m[2], m[3], m[4], m[5], sec, off)
}
