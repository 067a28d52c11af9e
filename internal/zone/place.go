package zone

import (
	"regexp"
	"strings"
)

var reOffset = regexp.MustCompile(`^(?i)(utc|gmt|etc/gmt|etc/utc)?\s*[+-]\s*\d{1,2}(:?\d{2})?$`)

// abbreviations are zone names that are offsets or abbreviations in the
// zone database, with the place most people mean by them.
var abbreviations = map[string]string{
	"EST": "America/New_York", "EDT": "America/New_York", "EST5EDT": "America/New_York",
	"CST": "America/Chicago", "CDT": "America/Chicago", "CST6CDT": "America/Chicago",
	"MST": "America/Denver", "MDT": "America/Denver", "MST7MDT": "America/Denver",
	"PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PST8PDT": "America/Los_Angeles",
	"HST": "Pacific/Honolulu", "AKST": "America/Anchorage",
	"CET": "Europe/Paris", "MET": "Europe/Paris", "EET": "Europe/Athens", "WET": "Europe/Lisbon",
	"BST": "Europe/London", "IST": "Asia/Kolkata", "JST": "Asia/Tokyo", "AEST": "Australia/Sydney",
}

// NotAPlace reports whether tz names an offset or an abbreviation rather
// than a place, with a suggestion.
func NotAPlace(tz string) (string, bool) {
	if s, ok := abbreviations[strings.ToUpper(tz)]; ok {
		return s, true
	}
	if reOffset.MatchString(tz) || strings.HasPrefix(tz, "Etc/GMT") && tz != "Etc/GMT" {
		return "Europe/London or America/New_York (the place whose clock you mean)", true
	}
	return "", false
}
