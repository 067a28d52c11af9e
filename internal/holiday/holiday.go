// Package holiday is the public-holiday calendar of a country or region,
// for the follow-up engine: a check-in never falls on Christmas Day. The
// dates come from github.com/rickar/cal/v2, a maintained calendar of the
// holidays of some forty countries with their rules (Easter, "the third
// Monday", substitutes for weekends); a hand list would be wrong by the
// next year. This is the only package that imports it.
package holiday

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fi"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/mx"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/pt"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/us"

	"github.com/followup-tool/followup/internal/followup"
)

// countries are the codes followup knows (ISO 3166-1), with their
// nation-wide holidays; regions add their own (ISO 3166-2 suffixes).
var countries = map[string][]*cal.Holiday{
	"AT": at.Holidays, "BE": be.Holidays, "BR": br.Holidays, "CA": ca.Holidays,
	"CH": ch.Holidays, "DE": de.Holidays, "DK": dk.Holidays, "ES": es.Holidays,
	"FI": fi.Holidays, "FR": fr.Holidays, "GB": gb.Holidays, "IE": ie.Holidays,
	"IT": it.Holidays, "JP": jp.Holidays, "MX": mx.Holidays, "NL": nl.Holidays,
	"NO": no.Holidays, "NZ": nz.Holidays, "PL": pl.Holidays, "PT": pt.Holidays,
	"SE": se.Holidays, "US": us.Holidays,
	// Australia has no nation-wide list in the calendar: each state's.
	"AU": au.HolidaysNSW,
}

// regions are the regional lists the calendar has. A region of a country
// without one ("US-NY") uses the country's holidays.
var regions = map[string][]*cal.Holiday{
	"DE-BW": de.HolidaysBW, "DE-BY": de.HolidaysBY, "DE-BE": de.HolidaysBE, "DE-BB": de.HolidaysBB,
	"DE-HB": de.HolidaysHB, "DE-HH": de.HolidaysHH, "DE-HE": de.HolidaysHE, "DE-MV": de.HolidaysMV,
	"DE-NI": de.HolidaysNI, "DE-NW": de.HolidaysNW, "DE-RP": de.HolidaysRP, "DE-SL": de.HolidaysSL,
	"DE-SN": de.HolidaysSN, "DE-ST": de.HolidaysST, "DE-SH": de.HolidaysSH, "DE-TH": de.HolidaysTH,
	"AU-ACT": au.HolidaysACT, "AU-NSW": au.HolidaysNSW, "AU-NT": au.HolidaysNT, "AU-QLD": au.HolidaysQLD,
	"AU-SA": au.HolidaysSA, "AU-TAS": au.HolidaysTAS, "AU-VIC": au.HolidaysVIC, "AU-WA": au.HolidaysWA,
	"CH-ZH": ch.HolidaysZH, "CH-BE": ch.HolidaysBE, "CH-LU": ch.HolidaysLU, "CH-GE": ch.HolidaysGE,
	"CH-VD": ch.HolidaysVD, "CH-BS": ch.HolidaysBS, "CH-TI": ch.HolidaysTI, "CH-SG": ch.HolidaysSG,
}

// codes lists the country codes, for messages.
func codes() []string {
	out := make([]string, 0, len(countries))
	for c := range countries {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Calendar is a set of holidays: a country's (or region's) public
// holidays, on their day and on the day they are observed, plus extra
// days the user names. It is safe for concurrent use.
type Calendar struct {
	code  string
	list  []*cal.Holiday
	extra map[followup.Date]bool
	years sync.Map // int -> map[followup.Date]string
}

// New is the calendar of code ("US", "US-NY", "DE-BY"; "" for none) plus
// extra days.
func New(code string, extra []followup.Date) (*Calendar, error) {
	written := code
	code = strings.ToUpper(strings.TrimSpace(code))
	c := &Calendar{code: code, extra: map[followup.Date]bool{}}
	for _, d := range extra {
		c.extra[d] = true
	}
	if code == "" {
		return c, nil
	}
	country, _, _ := strings.Cut(code, "-")
	list, ok := regions[code]
	if !ok {
		list, ok = countries[country]
	}
	if !ok {
		return nil, fmt.Errorf("unknown holiday calendar %q (want a country code such as US, GB or DE, or a region such as DE-BY; known: %s)", written, strings.Join(codes(), ", "))
	}
	c.list = list
	return c, nil
}

// GoString is the calendar's definition, as %#v prints it: what a
// configuration is compared by (a memo's generation), which must not
// change with the calendar's address or the years it has looked up.
func (c *Calendar) GoString() string {
	if c == nil {
		return "(*holiday.Calendar)(nil)"
	}
	days := make([]string, 0, len(c.extra))
	for d := range c.extra {
		days = append(days, d.String())
	}
	sort.Strings(days)
	return fmt.Sprintf("holiday.New(%q, %q)", c.code, days)
}

// Code is the calendar's code as configured ("" for none).
func (c *Calendar) Code() string { return c.code }

// Holiday reports whether d is a holiday and its name.
func (c *Calendar) Holiday(d followup.Date) (string, bool) {
	if c == nil {
		return "", false
	}
	if c.extra[d] {
		return "a holiday you listed", true
	}
	if len(c.list) == 0 {
		return "", false
	}
	m, ok := c.years.Load(d.Year)
	if !ok {
		days := map[followup.Date]string{}
		for _, h := range c.list {
			if h.Type != cal.ObservancePublic && h.Type != cal.ObservanceBank {
				continue
			}
			actual, observed := h.Calc(d.Year)
			for _, t := range []struct {
				y, m, d int
				zero    bool
			}{{actual.Year(), int(actual.Month()), actual.Day(), actual.IsZero()}, {observed.Year(), int(observed.Month()), observed.Day(), observed.IsZero()}} {
				if !t.zero {
					day := followup.Date{Year: t.y, Month: timeMonth(t.m), Day: t.d}
					if _, dup := days[day]; !dup {
						days[day] = h.Name
					}
				}
			}
		}
		m, _ = c.years.LoadOrStore(d.Year, days)
	}
	name, ok := m.(map[followup.Date]string)[d]
	return name, ok
}

// zoneCountry proposes a country from the first part of a zone name's
// city, for followup init: the zones people have, not every zone.
var zoneCountry = map[string]string{
	"America/New_York": "US", "America/Chicago": "US", "America/Denver": "US", "America/Los_Angeles": "US",
	"America/Phoenix": "US", "America/Anchorage": "US", "Pacific/Honolulu": "US", "America/Detroit": "US",
	"America/Boise": "US", "America/Indiana/Indianapolis": "US", "America/Kentucky/Louisville": "US",
	"America/Toronto": "CA", "America/Vancouver": "CA", "America/Edmonton": "CA", "America/Winnipeg": "CA",
	"America/Halifax": "CA", "America/St_Johns": "CA", "America/Regina": "CA", "America/Montreal": "CA",
	"America/Mexico_City": "MX", "America/Sao_Paulo": "BR",
	"Europe/London": "GB", "Europe/Dublin": "IE", "Europe/Paris": "FR", "Europe/Berlin": "DE",
	"Europe/Madrid": "ES", "Europe/Rome": "IT", "Europe/Amsterdam": "NL", "Europe/Brussels": "BE",
	"Europe/Zurich": "CH", "Europe/Vienna": "AT", "Europe/Stockholm": "SE", "Europe/Oslo": "NO",
	"Europe/Copenhagen": "DK", "Europe/Helsinki": "FI", "Europe/Warsaw": "PL", "Europe/Lisbon": "PT",
	"Asia/Tokyo": "JP", "Pacific/Auckland": "NZ",
	"Australia/Sydney": "AU-NSW", "Australia/Melbourne": "AU-VIC", "Australia/Brisbane": "AU-QLD",
	"Australia/Perth": "AU-WA", "Australia/Adelaide": "AU-SA", "Australia/Hobart": "AU-TAS", "Australia/Darwin": "AU-NT",
}

// ForZone proposes the holiday calendar of the place of an IANA zone, or
// "" when followup does not know one.
func ForZone(tz string) string {
	if c, ok := zoneCountry[tz]; ok {
		return c
	}
	return ""
}

func timeMonth(m int) time.Month { return time.Month(m) }
