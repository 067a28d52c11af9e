// Package calendar writes the iCalendar feeds (RFC 5545) that Google,
// Apple, Outlook and Thunderbird subscribe to: one event per open action
// and per interview of the last 90 days or to come.
//
// It uses golang-ical v0.3.4 for escaping and folding and does itself what
// that library gets wrong or leaves out (notes/calendar.md §2): CRLF line
// endings, text normalised before it is set (no CR, no control characters),
// local times written with TZID by hand, a VTIMEZONE generated from Go's
// zone data for every TZID, and no user text in parameters. The tests read
// every feed they write with Mozilla ical.js, python-icalendar and libical.
//
// # Updates that subscribers see
//
// A subscribed client matches events by UID, so UIDs name what survives
// the user's edits (uid.go): the application's id (its path when it has
// none), a round's day, an interviewer's email address.
//
// When an event changes, RFC 5545 §3.8.7.4 asks its SEQUENCE to grow, and
// Google, which fetches subscribed feeds on its own schedule and is
// reported to keep stale copies, is said to apply an update only when
// SEQUENCE grows or LAST-MODIFIED moves (notes/calendar.md §3); Apple and
// Outlook replace a subscribed calendar's events from each fetch, and
// SEQUENCE only ever helps them order versions. followup keeps no state
// between builds (the published site is rebuilt daily from a fresh
// checkout), so it cannot tell which events changed since the last build.
// It relies instead on what it does know, that a later build has a later
// --now: every event's SEQUENCE is the number of seconds from 2026-01-01
// to --now (capped at the largest int32, 2094), and LAST-MODIFIED and
// DTSTAMP are --now in UTC. Every edit (a round moved by some hours, a
// changed check_in_after, a record removed) is thus seen as an update by
// the next build, SEQUENCE never decreases from one build to a later one,
// and the same inputs and --now give the same bytes. A number derived from
// the content cannot promise that: a count of records falls when one is
// removed, and a hash moves backwards half the time, after which a client
// that keeps the higher SEQUENCE ignores the edit. The price, an unchanged
// event that looks revised at each build, costs nothing for a
// subscription: there are no attendees to notify, and clients fetch the
// whole feed anyway.
//
// A wall-clock time the clocks pass twice is its first occurrence
// (followup.LocalTime.In), and an event that starts or ends in such an hour is
// written in UTC, since parsers disagree on a local time there. Each
// VTIMEZONE is labelled by the direction of each change (DAYLIGHT when
// the clocks go forward), in the RRULE shape servers emit where the zone
// follows one yearly rule (vtimezone.go). DESCRIPTION holds no angle
// brackets, which Google would take for HTML.
package calendar
