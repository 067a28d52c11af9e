package schedule

import (
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// InterviewReminder is what to do in every interview: ask when they
// expect to decide, so the check-in can wait for that date ([E]:
// "Hopefully, you asked about their timeline in the interview itself").
const InterviewReminder = "Ask about their timeline for a decision."

// Upcoming is the interviews of res not over at its moment (one under way
// is still listed), in start order: what the agenda shows besides the
// actions.
func Upcoming(res *Result) []followup.Interview {
	var out []followup.Interview
	for _, iv := range res.Interviews {
		if iv.End.After(res.Now) {
			out = append(out, iv)
		}
	}
	return out
}

// InterviewBucket places an interview on the agenda at now, by days in
// its application's zone: today (under way or later today), the next 7
// days, or later. It is never overdue: an interview that is over leaves
// the agenda (its thank-you takes its place).
func InterviewBucket(iv *followup.Interview, now time.Time) Bucket {
	today := followup.DateOf(now.In(iv.App.Loc))
	switch d := followup.DateOf(iv.Start.In(iv.App.Loc)); {
	case !d.After(today):
		return Today
	case !d.After(today.AddDays(7)):
		return Week
	}
	return Later
}
