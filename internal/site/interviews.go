package site

import (
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/schedule"
)

// InterviewView is an interview on the index's agenda: not over yet, at
// the application's local time (site.js adds the viewer's when their zone
// differs), with the reminder to ask about their timeline.
type InterviewView struct {
	ID       string
	Link     string // the application's page
	Company  string
	Role     string
	Kind     string // phone, video, onsite, other
	When     string // "Sat Nov 21, 13:00–14:00 PST"
	StartISO string
	StartMS  int64 // for site.js: the viewer's time and bucket
	EndMS    int64
	Day      string // the start's day, YYYY-MM-DD, in the application's zone
	TZ       string
	Bucket   string // today, week or later at build time
	Label    string // "Today", "This week", "Later"
	Where    string
	With     string // the interviewers' names; empty in public builds
	Reminder string
}

// interviews lists the upcoming interviews for the index.
func (r *Site) interviews() []InterviewView {
	now := r.in.Plan.Now
	var out []InterviewView
	for _, iv := range schedule.Upcoming(r.in.Plan) {
		loc := iv.App.Loc
		start, end := iv.Start.In(loc), iv.End.In(loc)
		layout := "Mon Jan 2"
		if start.Year() != now.In(loc).Year() {
			layout = "Mon Jan 2, 2006"
		}
		bk := schedule.InterviewBucket(&iv, now)
		v := InterviewView{
			ID:       iv.ID,
			Link:     hrefTo("", iv.App.Slug) + "#interviews",
			Company:  iv.App.Company,
			Role:     iv.App.Role,
			Kind:     string(iv.Round.Kind),
			When:     start.Format(layout+", 15:04") + "–" + end.Format("15:04 MST"),
			StartISO: start.Format(time.RFC3339),
			StartMS:  iv.Start.UnixMilli(),
			EndMS:    iv.End.UnixMilli(),
			Day:      start.Format("2006-01-02"),
			TZ:       loc.String(),
			Bucket:   string(bk),
			Where:    iv.Round.Where,
			Reminder: schedule.InterviewReminder,
		}
		if v.Kind == "" {
			v.Kind = "interview"
		}
		for _, b := range bucketNames {
			if b.name == v.Bucket {
				v.Label = b.label
			}
		}
		if !r.in.Config.Public {
			var names []string
			for _, p := range iv.Round.Interviewers {
				names = append(names, strings.TrimSpace(p.Title+" "+p.Name))
			}
			v.With = strings.Join(names, ", ")
		}
		out = append(out, v)
	}
	return out
}
