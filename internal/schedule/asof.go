package schedule

import "github.com/followup-tool/followup/internal/followup"

// asOf is the application as it stood on day, its own zone's date of the
// plan's moment: a log entry, a thanked: or a posted: dated later has not
// happened yet at that moment. So a file that holds a whole history
// answers "what was due then" for any --now, which is how the
// advice's timelines read ([E]: check in, then a week later nudge, then move on).
// The application is returned as it is when nothing lies ahead of day.
func asOf(a *followup.Application, day followup.Date) *followup.Application {
	ahead := false
	for _, e := range a.Log {
		ahead = ahead || e.On.After(day)
	}
	for _, r := range a.Rounds {
		for _, iv := range r.Interviewers {
			ahead = ahead || iv.Thanked.After(day) || iv.Posted.After(day)
		}
	}
	if !ahead {
		return a
	}
	c := *a
	c.Log = nil
	for _, e := range a.Log {
		if !e.On.After(day) {
			c.Log = append(c.Log, e)
		}
	}
	c.Rounds = make([]followup.Round, len(a.Rounds))
	for i, r := range a.Rounds {
		r.Interviewers = append([]followup.Interviewer(nil), r.Interviewers...)
		for j := range r.Interviewers {
			iv := &r.Interviewers[j]
			if iv.Thanked.After(day) {
				iv.Thanked = followup.Date{}
			}
			if iv.Posted.After(day) {
				iv.Posted = followup.Date{}
			}
		}
		c.Rounds[i] = r
	}
	return &c
}
