package site

import (
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// Buckets of the agenda, as site.js names them (schedule.BucketOf).
const (
	BucketOverdue = string(schedule.Overdue)
	BucketToday   = string(schedule.Today)
	BucketWeek    = string(schedule.Week)
	BucketLater   = string(schedule.Later)
)

// ActionView is one open follow-up as the pages show it.
type ActionView struct {
	ID       string // the stable id, e.g. acme/thank-you/r1/jane-schmoe
	Anchor   string // the HTML id of its card on the application's page
	Order    int    // position in the plan: by due moment, then id
	Kind     string // thank-you, check-in, nudge, move-on, after-rejection, withdrawal, after-applying, offer-thanks, offer-deadline
	Label    string // "Thank-you note", "Check-in", …
	Slug     string
	Company  string
	Role     string
	To       string // "Dr. Robert Lee"; empty for move-on
	Channel  string // email, letter, phone; empty for move-on
	Due      string // the due moment for people, in the application's zone
	DueISO   string // RFC 3339 with the application's offset
	DueMS    int64  // the due instant in Unix milliseconds (for site.js)
	StartMS  int64  // when to do it: a thank-you's round end, else DueMS
	Day      string // the due day, YYYY-MM-DD, in the application's zone
	TZ       string // the application's IANA zone
	Deadline bool   // a thank-you: Due is a deadline rather than a whole day
	Bucket   string // at build time: overdue, today, week or later
	Reason   string // the rule and the facts behind it
	Link     string // on the index: the action on its application's page; empty there
	Draft    *DraftView
	// Private: a private build, whose cards show the command that records
	// the action (and, served by followup serve, its buttons).
	Private bool
}

// DraftView is the message of an action; nil in public builds.
type DraftView struct {
	Subject string
	Body    string
	Email   string // the recipient's address, when known
	Phone   string // the recipient's phone, when known
	Tel     string // Phone as a tel: target: digits and a leading +
	Mail    bool   // sent by email: the page offers a mailto: link
}

func (r *Site) action(a *followup.Action, order int) (ActionView, error) {
	loc := a.App.Loc
	v := ActionView{
		ID:       a.ID,
		Anchor:   "do-" + strings.TrimPrefix(a.ID, a.App.Slug+"/"),
		Order:    order,
		Kind:     string(a.Kind),
		Label:    a.Label(),
		Slug:     a.App.Slug,
		Company:  a.App.Company,
		Role:     a.App.Role,
		Channel:  string(a.Channel),
		DueISO:   a.Due.In(loc).Format(time.RFC3339),
		DueMS:    a.Due.UnixMilli(),
		StartMS:  a.Start.UnixMilli(),
		Day:      a.Day.String(),
		TZ:       loc.String(),
		Deadline: !a.AllDay,
		Bucket:   string(schedule.BucketOf(a, r.in.Plan.Now)),
		Reason:   a.Reason,
	}
	if a.To != nil {
		v.To = strings.TrimSpace(a.To.Title + " " + a.To.Name)
	}
	now := r.in.Plan.Now.In(loc)
	due := a.Due.In(loc)
	layout := "Mon Jan 2"
	if due.Year() != now.Year() {
		layout = "Mon Jan 2, 2006"
	}
	if v.Deadline {
		layout += ", 15:04 MST"
	}
	v.Due = due.Format(layout)
	v.Private = !r.in.Config.Public
	if r.in.Config.Public || a.Kind == followup.MoveOn {
		return v, nil
	}
	st := r.in.Plan.Status[a.App.Slug]
	stage := followup.StageApplied
	if st != nil {
		stage = st.Stage
	}
	if d, ok := r.in.Memo.draft(a, stage); ok {
		v.Draft = d
		return v, nil
	}
	d, err := r.in.Drafts.Render(a, stage, r.in.Config.Owner)
	if err != nil {
		return v, err
	}
	v.Draft = &DraftView{Subject: d.Subject, Body: d.Body, Mail: a.Channel == followup.Email}
	if a.To != nil {
		email, phone := reach(a.App, a.To)
		v.Draft.Email, v.Draft.Phone, v.Draft.Tel = email, phone, tel(phone)
	}
	r.in.Memo.putDraft(a, stage, v.Draft)
	return v, nil
}

// reach is how to reach p (followup.Application.Reach).
func reach(app *followup.Application, p *followup.Person) (email, phone string) { return app.Reach(p) }

// tel keeps what a tel: link needs: digits, and a + in front.
func tel(phone string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(phone) {
		if (r >= '0' && r <= '9') || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
