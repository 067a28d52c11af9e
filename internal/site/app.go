package site

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// AppPage is <slug>/index.html: one application.
//
// It has the fields of Page as its own rather than by embedding Page:
// templates find a promoted field by a search that allocates (reflect's
// FieldByNameFunc), every time a page uses it, and base.html uses them a
// dozen times a page. The same goes for InterviewerView and Row.
type AppPage struct {
	Site     string
	Title    string
	Root     string
	Public   bool
	Built    string
	BuiltISO string
	Feed     *Feed
	App      AppView
}

// Page is the part every page shares, as {{.Page}} gave it when Page
// was embedded.
func (p *AppPage) Page() Page {
	return Page{Site: p.Site, Title: p.Title, Root: p.Root, Public: p.Public, Built: p.Built, BuiltISO: p.BuiltISO, Feed: p.Feed}
}

func (p *AppPage) setPage(pg Page) {
	p.Site, p.Title, p.Root, p.Public, p.Built, p.BuiltISO, p.Feed = pg.Site, pg.Title, pg.Root, pg.Public, pg.Built, pg.BuiltISO, pg.Feed
}

// AppView is an application as its page shows it. In a public build the
// private fields are empty.
type AppView struct {
	Slug        string
	Company     string
	Role        string
	Location    string
	Posting     string // html/template drops it when it is not http(s)
	Stage       string
	StageLabel  string
	Closed      bool
	Applied     string // "Mon Nov 9, 2026"; empty when not given
	AppliedISO  string
	TZ          string
	LastContact string
	Waiting     int
	HasWaiting  bool
	Since       string // the day Waiting counts from, YYYY-MM-DD (site.js recounts)
	Contact     *PersonView
	Rounds      []RoundView
	History     []Event       // what was sent and heard, oldest first
	Actions     []ActionView  // open actions, by due moment
	Notes       template.HTML // the notes rendered safely (Site.Page fills them); empty in public builds
	Feed        string        // this application's calendar, relative to its page; empty in public builds
	Warnings    []string      // "line:col: message" of each warning in its file; empty in public builds
}

// PersonView is someone at the employer.
type PersonView struct {
	Name  string
	Title string
	Full  string // "Dr. Robert Lee"
	Email string // private
	Phone string // private
	Tel   string // Phone as a tel: target
}

// RoundView is one interview.
type RoundView struct {
	N            int
	Kind         string
	When         string // "Fri Nov 20, 2026, 14:00–15:30 EST"
	WhenISO      string
	Length       string
	Where        string
	Timeline     string // what they said about hearing back
	Learned      string // private
	Upcoming     bool
	Interviewers []InterviewerView
}

// InterviewerView is a person met in a round and the thank-you's state:
// the fields of PersonView, as its own (see AppPage), and the thank-you.
type InterviewerView struct {
	Name    string
	Title   string
	Full    string // "Dr. Robert Lee"
	Email   string // private
	Phone   string // private
	Tel     string // Phone as a tel: target
	By      string // the thank-you's channel
	Thanked string // the day it went out; empty while due
}

// PersonView is the person, as {{.PersonView}} gave it when PersonView
// was embedded.
func (v InterviewerView) PersonView() PersonView {
	return PersonView{Name: v.Name, Title: v.Title, Full: v.Full, Email: v.Email, Phone: v.Phone, Tel: v.Tel}
}

// Event is one dated line of the history.
type Event struct {
	Day      string // "Nov 20"
	DayISO   string // YYYY-MM-DD
	Kind     string // applied, interview, thanked, sent, heard, outcome
	Text     string
	Detail   string // private details: what they said, a note
	Upcoming bool
}

// sizeHint is a little over the size of the page the default theme makes
// of v: its markup (about 3 KB, 1.6 KB an action card, 600 bytes a round,
// 250 bytes a line of history), its notes, and its text, a draft's three
// times (the card, the mailto: link, escaped). The page is written into a
// buffer of that size: at 10,000 applications, where the median page is
// 7 KB, a fixed 16 KB plus the notes allocated 190 MB, all of it cleared
// first; within an eighth of the estimate no page of the perf corpus
// outgrows it. A theme that writes more only costs the buffer's growth.
func (v *AppView) sizeHint() int {
	n := 3<<10 + len(v.Notes) + 1600*len(v.Actions) + 600*len(v.Rounds) + 256*len(v.History)
	for _, a := range v.Actions {
		if a.Draft != nil {
			n += 3 * (len(a.Draft.Subject) + len(a.Draft.Body))
		}
	}
	for _, e := range v.History {
		n += len(e.Text) + len(e.Detail)
	}
	return n + n/8
}

func person(p *followup.Person, public bool) PersonView {
	v := PersonView{Name: p.Name, Title: p.Title, Full: strings.TrimSpace(p.Title + " " + p.Name)}
	if !public {
		v.Email, v.Phone, v.Tel = p.Email, p.Phone, tel(p.Phone)
	}
	return v
}

func longDay(d followup.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Noon().Format("Mon Jan 2, 2006")
}

func (r *Site) appPage(a *followup.Application) (*AppPage, error) {
	public := r.in.Config.Public
	root := rootOf(a.Slug)
	st := r.status(a)
	now := r.in.Plan.Now
	v := AppView{
		Slug:       a.Slug,
		Company:    a.Company,
		Role:       a.Role,
		Location:   a.Location,
		Posting:    a.Posting,
		Stage:      string(st.Stage),
		StageLabel: stageLabels[st.Stage],
		Closed:     st.Closed,
		Applied:    longDay(a.Applied),
		AppliedISO: a.Applied.String(),
		TZ:         a.Loc.String(),
		Actions:    r.byApp[a.Slug],
	}
	if !st.LastContact.IsZero() {
		v.LastContact = longDay(st.LastContact)
	}
	if !st.Closed {
		v.HasWaiting, v.Waiting = true, st.Waiting
		v.Since = followup.DateOf(now.In(a.Loc)).AddDays(-st.Waiting).String()
	}
	if a.Contact != nil {
		c := person(a.Contact, public)
		v.Contact = &c
	}
	if !public {
		for _, w := range a.WarningsAt(now) {
			v.Warnings = append(v.Warnings, fmt.Sprintf("%d:%d: %s", w.Pos.Line, w.Pos.Col, w.Msg))
		}
	}
	for i := range a.Rounds {
		v.Rounds = append(v.Rounds, r.round(a, &a.Rounds[i], now))
	}
	v.History = history(a, now, public)
	if !public {
		v.Feed = "calendar.ics"
	}
	title := a.Company
	if a.Role != "" {
		title += " · " + a.Role
	}
	p := &AppPage{App: v}
	p.setPage(r.page(title, root))
	return p, nil
}

// idPrefix starts the ids of a page's notes: "note-" plus the slug, so a
// note's "# Questions" cannot take the id of a part of the page.
func idPrefix(slug string) string {
	return "note-" + followup.Slugify(slug) + "-"
}

func (r *Site) round(a *followup.Application, rd *followup.Round, now time.Time) RoundView {
	start, end := rd.Start(a.Loc), rd.End(a.Loc)
	when := start.Format("Mon Jan 2, 2006, 15:04") + "–" + end.Format("15:04 MST")
	if followup.DateOf(start) != followup.DateOf(end) {
		when = start.Format("Mon Jan 2, 2006, 15:04 MST") + " – " + end.Format("Mon Jan 2, 15:04 MST")
	}
	v := RoundView{
		N:        rd.N,
		Kind:     string(rd.Kind),
		When:     when,
		WhenISO:  start.Format(time.RFC3339),
		Length:   lengthText(rd.Length),
		Where:    rd.Where,
		Upcoming: start.After(now),
	}
	if v.Kind == "" {
		v.Kind = "interview"
	}
	if rd.Timeline != nil {
		// "within 2 weeks (by Dec 4)" or "by Jan 22", never "within
		// 2027-01-22".
		by := rd.Timeline.FromSkipping(rd.At.Date, r.in.Config.Policy.Holidays).Noon().Format("Jan 2")
		switch {
		case rd.Timeline.IsSpan():
			v.Timeline = "within " + rd.Timeline.String() + " (by " + by + ")"
		case rd.Timeline.Said != "":
			v.Timeline = "“" + rd.Timeline.Said + "” (by " + by + ")"
		default:
			v.Timeline = "by " + by
		}
	}
	if !r.in.Config.Public {
		v.Learned = rd.Learned
	}
	for i := range rd.Interviewers {
		iv := &rd.Interviewers[i]
		p := person(&iv.Person, r.in.Config.Public)
		v.Interviewers = append(v.Interviewers, InterviewerView{
			Name: p.Name, Title: p.Title, Full: p.Full, Email: p.Email, Phone: p.Phone, Tel: p.Tel,
			By:      string(iv.By.Or(followup.Email)),
			Thanked: shortDay(iv.Thanked),
		})
	}
	return v
}

func lengthText(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}

func shortDay(d followup.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Noon().Format("Jan 2, 2006")
}

// history is the application's dated events, oldest first; events of a
// day keep the order of the file (application, rounds, then the log).
func history(a *followup.Application, now time.Time, public bool) []Event {
	type dated struct {
		on followup.Date
		ev Event
	}
	n := 1 + len(a.Log)
	for i := range a.Rounds {
		n += 1 + 2*len(a.Rounds[i].Interviewers)
	}
	all := make([]dated, 0, n)
	add := func(on followup.Date, e Event) {
		e.Day, e.DayISO = shortDay(on), on.String()
		all = append(all, dated{on, e})
	}
	if !a.Applied.IsZero() {
		add(a.Applied, Event{Kind: "applied", Text: "Applied for " + a.Role})
	}
	for i := range a.Rounds {
		rd := &a.Rounds[i]
		text := "Round " + strconv.Itoa(rd.N) + ": interview"
		if rd.Kind != "" {
			text = "Round " + strconv.Itoa(rd.N) + ": " + string(rd.Kind) + " interview"
		}
		for k, iv := range rd.Interviewers {
			if k == 0 {
				text += " with "
			} else {
				text += ", "
			}
			text += strings.TrimSpace(iv.Title + " " + iv.Name)
		}
		upcoming := rd.Start(a.Loc).After(now)
		if upcoming {
			text += " (upcoming)"
		}
		add(rd.At.Date, Event{Kind: "interview", Text: text, Upcoming: upcoming})
		for _, iv := range rd.Interviewers {
			if !iv.Thanked.IsZero() {
				add(iv.Thanked, Event{Kind: "thanked", Text: "Thank-you " + verb(iv.By.Or(followup.Email)) + " to " + strings.TrimSpace(iv.Title+" "+iv.Name)})
			}
			if !iv.Posted.IsZero() {
				add(iv.Posted, Event{Kind: "thanked", Text: "Thank-you letter posted to " + strings.TrimSpace(iv.Title+" "+iv.Name)})
			}
		}
	}
	for _, e := range a.Log {
		ev := Event{}
		switch {
		case e.Sent != "":
			ev.Kind = "sent"
			ev.Text = "Sent the " + string(e.Sent) + " by " + string(e.By.Or(followup.Email))
		case e.Heard != "":
			ev.Kind = "heard"
			ev.Text = "Heard back"
			if !e.Next.IsZero() {
				ev.Text += "; they gave a new date: " + shortDay(e.Next)
			}
			if !public {
				ev.Detail = e.Heard
			}
		case e.Outcome != "":
			ev.Kind = "outcome"
			ev.Text = "Outcome: " + string(e.Outcome)
			if !e.Deadline.IsZero() {
				ev.Text += "; answer by " + shortDay(e.Deadline)
			}
		case e.Skipped != "":
			ev.Kind = "skipped"
			// The id names the kind after the slug; the public view says
			// no more than the kind (the id carries a person's name).
			kind, _, _ := strings.Cut(strings.TrimPrefix(e.Skipped, a.Slug+"/"), "/")
			ev.Text = "Decided not to send the " + kind
			if !public {
				ev.Text += " (" + e.Skipped + ")"
			}
		}
		if !public && e.Note != "" {
			ev.Detail = strings.TrimSpace(ev.Detail + "\n" + e.Note)
		}
		add(e.On, ev)
	}
	slices.SortStableFunc(all, func(x, y dated) int { return x.on.Compare(y.on) })
	out := make([]Event, len(all))
	for i, d := range all {
		out[i] = d.ev
	}
	return out
}

func verb(c followup.Channel) string {
	switch c {
	case followup.Letter:
		return "letter sent"
	case followup.Phone:
		return "call made"
	}
	return "email sent"
}
