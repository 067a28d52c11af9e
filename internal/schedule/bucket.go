package schedule

import (
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// Bucket is where an action stands on the agenda at a moment. The site's
// script computes the same buckets in the browser (site.js); keep the two
// in step.
type Bucket string

const (
	Overdue Bucket = "overdue"
	Today   Bucket = "today"
	Week    Bucket = "week" // the next 7 days
	Later   Bucket = "later"
)

// BucketOf places a at now, by days in the application's zone. A thank-you
// whose round is over belongs to today however far its deadline: the best
// time to write it is right away ([B]: "stop immediately after the
// interview ... and write the note itself").
func BucketOf(a *followup.Action, now time.Time) Bucket {
	today := followup.DateOf(now.In(a.App.Loc))
	switch {
	case a.Overdue:
		return Overdue
	case a.Kind == followup.ThankYou && !a.Start.After(now):
		return Today
	case !a.Day.After(today):
		return Today
	case !a.Day.After(today.AddDays(7)):
		return Week
	}
	return Later
}
