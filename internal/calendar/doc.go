// Package calendar writes the iCalendar feeds (RFC 5545) that Google,
// Apple, Outlook and Thunderbird subscribe to: one event per open action
// and per upcoming interview, with UIDs that stay stable across builds.
//
// It uses golang-ical v0.3.4 for escaping and folding and does itself what
// that library gets wrong or leaves out (notes/calendar.md §2): CRLF line
// endings, text normalised before it is set (no CR, no control characters),
// local times written with TZID by hand, a VTIMEZONE generated from Go's
// zone data for every TZID, and no user text in parameters. The tests read
// every feed they write with Mozilla ical.js and python-icalendar.
package calendar
