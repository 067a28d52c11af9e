// Package worklog lists every job-search activity by ISO week, with the
// fields the weekly work-search logs of unemployment insurance ask for
// (New York, Washington and Nebraska among others): the date, the
// employer, its website or address and phone, the person contacted, the
// method, the position and the result. Weeks with fewer activities than
// the required minimum are flagged, so a gap shows before the claim is
// filed rather than after.
//
// Activities come from what the files record, each on its own date: an
// application (applied:), an interview (a round), a thank-you (thanked:
// and posted:), and every log entry (a check-in or nudge sent, a reply,
// an outcome). Nothing is inferred: a record dated after the log's day
// has not happened yet and is left out.
package worklog

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/followup-tool/followup/internal/followup"
)

// Activity is one line of the log.
type Activity struct {
	Date     followup.Date
	Kind     string // application, interview, thank-you, check-in, nudge, reply, outcome, …
	Slug     string
	Employer string
	Website  string // the employer's address, else the posting's URL
	Phone    string // the employer's
	Person   string // who was contacted
	Method   string // online, email, phone, letter, in person; "" when the files do not say
	Position string
	Result   string
}

// Week is an ISO week (Monday to Sunday) and its activities.
type Week struct {
	Year, Number int
	Start, End   followup.Date
	Activities   []Activity
	Short        bool // fewer activities than the minimum
}

// Log is the weeks from From to To, every one of them, empty or not.
type Log struct {
	From, To followup.Date
	Minimum  int
	Weeks    []Week
	Total    int // activities in all weeks
	Short    int // weeks flagged
	// Earlier is how many activities before From were left out by
	// Recent; 0 for a log with everything asked for.
	Earlier int
}

// Recent keeps the latest weeks that hold at most max activities between
// them (the latest week always), so a page stays printable and quick to
// build for a search of thousands of applications; the rest is counted in
// Earlier, and `followup worklog --from` prints it.
func (l *Log) Recent(max int) *Log {
	n, i := 0, len(l.Weeks)
	for i > 0 && (i == len(l.Weeks) || n+len(l.Weeks[i-1].Activities) <= max) {
		n += len(l.Weeks[i-1].Activities)
		i--
	}
	if i == 0 {
		return l
	}
	r := *l
	r.Weeks = l.Weeks[i:]
	r.From = r.Weeks[0].Start
	r.Total, r.Short = 0, 0
	for _, w := range r.Weeks {
		r.Total += len(w.Activities)
		if w.Short {
			r.Short++
		}
	}
	r.Earlier = l.Earlier + l.Total - r.Total
	return &r
}

// Build makes the log of apps between from and to (inclusive; a zero from
// starts at the first activity, a zero to ends today). Records after
// today have not happened and are left out.
func Build(apps []*followup.Application, from, to, today followup.Date, minimum int) *Log {
	return (*Memo)(nil).Build(apps, from, to, today, minimum)
}

// Memo keeps each application's activities, and the last log, from one
// build of the log to the next, for `serve`, which makes the log on every
// save while a save changes one file, and mostly not what the log shows
// (its notes). An application's activities depend on it alone: the parse
// cache hands back the same pointer while its file is unchanged, and the
// memo keeps it alive, so an address is never reused. A nil *Memo makes
// everything.
type Memo struct {
	mu   sync.Mutex
	acts map[*followup.Application][]Activity
	last struct {
		bounds bounds
		apps   []*followup.Application
		acts   [][]Activity
		log    *Log
	}
}

// bounds are what a log is asked for besides the activities.
type bounds struct {
	from, to, today followup.Date
	minimum         int
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{acts: map[*followup.Application][]Activity{}} }

// Build is the package's Build. When every application's activities are
// those of the last call (the same, or deeply equal for a file that
// changed) and so are the bounds, it returns the last call's log itself.
func (m *Memo) Build(apps []*followup.Application, from, to, today followup.Date, minimum int) *Log {
	per := m.activities(apps)
	b := bounds{from, to, today, minimum}
	if l := m.same(apps, per, b); l != nil {
		return l
	}
	l := build(per, from, to, today, minimum)
	if m != nil {
		m.mu.Lock()
		m.last.bounds, m.last.apps, m.last.acts, m.last.log = b, slices.Clone(apps), per, l
		m.mu.Unlock()
	}
	return l
}

// activities lists each application's activities, from the memo for an
// application it has seen.
func (m *Memo) activities(apps []*followup.Application) [][]Activity {
	per := make([][]Activity, len(apps))
	if m == nil {
		for i, a := range apps {
			per[i] = activities(a)
		}
		return per
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	next := make(map[*followup.Application][]Activity, len(apps))
	for i, a := range apps {
		acts, ok := m.acts[a]
		if !ok {
			acts = activities(a)
		}
		per[i], next[a] = acts, acts
	}
	m.acts = next // a file removed or changed is forgotten
	return per
}

// same is the last log when it was made from the same activities and
// bounds, else nil.
func (m *Memo) same(apps []*followup.Application, per [][]Activity, b bounds) *Log {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	l := &m.last
	if l.log == nil || l.bounds != b || len(l.acts) != len(per) {
		return nil
	}
	for i := range per {
		if l.apps[i] != apps[i] && !slices.Equal(l.acts[i], per[i]) {
			return nil
		}
	}
	return l.log
}

func build(per [][]Activity, from, to, today followup.Date, minimum int) *Log {
	if to.IsZero() {
		to = today
	}
	n := 0
	for _, acts := range per {
		n += len(acts)
	}
	// Sorted through references with integer keys, and copied once, in
	// their final order: moving the records themselves in a stable sort
	// copied each of them n·log²n times (half a second for 40,000
	// activities), and a copy of every one of them before the sort was a
	// third of the log of a big search.
	type ref struct{ key, app, act int }
	refs := make([]ref, 0, n)
	for i, as := range per {
		for j := range as {
			d := as[j].Date
			if d.After(today) || d.After(to) || (!from.IsZero() && d.Before(from)) {
				continue
			}
			refs = append(refs, ref{d.Year*512 + int(d.Month)*32 + d.Day, i, j})
		}
	}
	slices.SortStableFunc(refs, func(a, b ref) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(per[a.app][a.act].Slug, per[b.app][b.act].Slug)
	})
	all := make([]Activity, len(refs))
	for k, r := range refs {
		all[k] = per[r.app][r.act]
	}
	if from.IsZero() {
		from = to
		if len(all) > 0 && all[0].Date.Before(to) {
			from = all[0].Date
		}
	}
	l := &Log{From: from, To: to, Minimum: minimum}
	if to.Before(from) {
		return l
	}
	i := 0
	for start := monday(from); !start.After(to); start = start.AddDays(7) {
		y, n := start.Noon().ISOWeek()
		w := Week{Year: y, Number: n, Start: start, End: start.AddDays(6)}
		first := i
		for i < len(all) && !all[i].Date.After(w.End) {
			i++
		}
		if i > first {
			w.Activities = all[first:i:i] // the week's run of the sorted list
		}
		w.Short = len(w.Activities) < minimum
		l.Total += len(w.Activities)
		if w.Short {
			l.Short++
		}
		l.Weeks = append(l.Weeks, w)
	}
	return l
}

// monday is the Monday of d's ISO week.
func monday(d followup.Date) followup.Date {
	wd := int(d.Weekday()+6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-wd)
}

// activities lists what one application records.
func activities(a *followup.Application) []Activity {
	base := Activity{Slug: a.Slug, Employer: a.Company, Position: a.Role, Phone: a.Phone, Website: a.Address}
	if base.Website == "" {
		base.Website = a.Posting
	}
	contact := ""
	var contactBy followup.Channel
	if a.Contact != nil {
		contact, contactBy = a.Contact.Name, a.Contact.By
	}
	n := 1 + len(a.Log)
	for _, r := range a.Rounds {
		n += 1 + 2*len(r.Interviewers)
	}
	out := make([]Activity, 0, n)
	add := func(d followup.Date, kind, person, method, result string) {
		act := base
		act.Date, act.Kind, act.Person, act.Method, act.Result = d, kind, person, method, result
		out = append(out, act)
	}
	if !a.Applied.IsZero() {
		add(a.Applied, "application", contact, viaMethod(a.Via), "applied")
	}
	for _, r := range a.Rounds {
		if r.At.IsZero() {
			continue
		}
		var names []string
		for _, iv := range r.Interviewers {
			names = append(names, fullName(iv.Person))
		}
		add(r.At.Date, "interview", strings.Join(names, ", "), roundMethod[r.Kind], "interviewed")
		for _, iv := range r.Interviewers {
			if !iv.Thanked.IsZero() {
				add(iv.Thanked, "thank-you", fullName(iv.Person), string(iv.By.Or(followup.Email)), "thank-you sent")
			}
			if !iv.Posted.IsZero() {
				add(iv.Posted, "thank-you letter", fullName(iv.Person), string(followup.Letter), "thank-you letter posted")
			}
		}
	}
	for _, e := range a.Log {
		switch {
		case e.Sent != "":
			add(e.On, string(e.Sent), contact, string(e.By.Or(contactBy.Or(followup.Email))), string(e.Sent)+" sent")
		case e.Heard != "":
			add(e.On, "reply", contact, "", "reply: "+oneLine(e.Heard))
		case e.Outcome != "":
			add(e.On, "outcome", contact, "", string(e.Outcome))
		}
	}
	return out
}

// roundMethod is how an interview took place, in the words of the logs: a
// video call is online, an interview at their office is in person.
var roundMethod = map[followup.RoundKind]string{
	followup.PhoneRound:  "phone",
	followup.VideoRound:  "online",
	followup.OnsiteRound: "in person",
}

// viaMethod: the logs' methods are online, email, phone, letter and in
// person; a referral is kept as written, since the files do not say how
// the referred application went in.
func viaMethod(v followup.Via) string { return string(v) }

func fullName(p followup.Person) string {
	if p.Title != "" {
		return p.Title + " " + p.Name
	}
	return p.Name
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
