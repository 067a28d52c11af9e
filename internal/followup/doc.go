// Package followup is the vocabulary of the tool: applications, rounds,
// interviewers, log entries, actions, policy and positioned errors.
//
// It depends on the standard library only and does no I/O, so every other
// package (content, schedule, draft, site, calendar, cli) can share these
// types without depending on each other. The rules that turn applications
// into actions live in package schedule; reading them from files lives in
// package content.
package followup
