// Package calendar writes the iCalendar feeds (RFC 5545) that Google,
// Apple, Outlook and Thunderbird subscribe to: one event per open action
// and per upcoming interview, with UIDs that stay stable across builds.
package calendar
