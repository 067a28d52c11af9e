package schedule

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// Status is what the plan says about one application.
type Status struct {
	App         *followup.Application
	Stage       followup.Stage
	Closed      bool          // nothing more will be proposed
	LastContact followup.Date // the latest dated thing in rounds or log (zero if none)
	Waiting     int           // days since they last moved (round or reply), if open
	WentQuiet   bool          // quiet now, or quiet when you withdrew (quiet.go)
	Next        *followup.Action
}

// Result is a plan: the open actions, sorted by due moment then id, the
// interviews, and the status of every application by slug.
type Result struct {
	Now        time.Time
	Actions    []followup.Action
	Interviews []followup.Interview
	Status     map[string]*Status
}

// Plan computes every open action for apps under pol at now.
func Plan(apps []*followup.Application, pol followup.Policy, now time.Time) *Result {
	return (*Memo)(nil).Plan(apps, pol, now)
}

// Plan is the package's Plan, with each application's own plan reused
// from the memo's last call when nothing it depends on changed.
func (m *Memo) Plan(apps []*followup.Application, pol followup.Policy, now time.Time) *Result {
	res := &Result{Now: now, Status: make(map[string]*Status, len(apps))}
	last, lastAccepts := m.begin(pol, now)
	past := make([]*followup.Application, len(apps))
	for i, a := range apps {
		if e, ok := last[a]; ok {
			past[i] = e.past
			continue
		}
		past[i] = asOf(a, followup.DateOf(now.In(a.Loc)))
	}
	accepts := acceptances(past)
	if !slices.Equal(accepts, lastAccepts) {
		last = nil // an acceptance changes the plans of the others
	}
	// Each application is planned on its own: the acceptances are all
	// they share.
	out := make([]planned, len(past))
	for i, a := range past {
		if e, ok := last[apps[i]]; ok {
			out[i] = e
			continue
		}
		p := &planner{app: a, pol: pol, now: now, today: followup.DateOf(now.In(a.Loc))}
		p.plan(accepts)
		out[i] = planned{a, p.actions, interviews(a), *p.status()}
	}
	m.keep(apps, out, accepts)
	nActions, nInterviews := 0, 0
	for i := range out {
		nActions += len(out[i].actions)
		nInterviews += len(out[i].interviews)
	}
	res.Actions = make([]followup.Action, 0, nActions)
	res.Interviews = make([]followup.Interview, 0, nInterviews)
	for i, a := range past {
		res.Actions = append(res.Actions, out[i].actions...)
		res.Interviews = append(res.Interviews, out[i].interviews...)
		st := out[i].status // a copy: Next is this result's
		res.Status[a.Slug] = &st
	}
	res.Actions = sortedBy(res.Actions, func(a, b *followup.Action) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	for i := range res.Actions {
		if st := res.Status[res.Actions[i].App.Slug]; st.Next == nil {
			st.Next = &res.Actions[i]
		}
	}
	res.Interviews = sortedBy(res.Interviews, func(a, b *followup.Interview) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return res
}

// planner holds the facts about one application while its rules run.
type planner struct {
	app     *followup.Application
	pol     followup.Policy
	now     time.Time
	today   followup.Date // now's day in the application's zone
	actions []followup.Action
	stage   followup.Stage
	closed  bool
}

func (p *planner) plan(accepts []acceptance) {
	p.thankYous()
	p.stage, p.closed = p.deriveStage(accepts)
	p.rejection()
	p.withdrawal(accepts)
	p.offer(accepts)
	if p.followingUp(accepts) {
		p.cycle()
		p.afterApplying()
	}
	p.dropSkipped()
}

// dayAction is an action due on a whole day in the application's zone
// (docs/rules.md: "due at the first moment of its day").
func (p *planner) dayAction(kind followup.Kind, n int, day followup.Date, to *followup.Person, ch followup.Channel, reason string) {
	due := day.In(p.app.Loc)
	p.actions = append(p.actions, followup.Action{
		ID:      fmt.Sprintf("%s/%s/%d", p.app.Slug, kind, n),
		Kind:    kind,
		App:     p.app,
		To:      to,
		Channel: ch,
		Due:     due,
		Start:   due,
		Day:     day,
		AllDay:  true,
		// A day action is overdue once its day has passed (docs/rules.md).
		Overdue: !p.now.Before(day.AddDays(1).In(p.app.Loc)),
		Reason:  reason,
	})
}

// recipient of check-ins, nudges, after-rejection and withdrawal: the main
// hiring contact ([D]: "the human resources manager or main hiring
// contact"), else the first interviewer of the latest round.
func (p *planner) recipient() (*followup.Person, followup.Channel) {
	if c := p.app.Contact; c != nil {
		return c, c.By.Or(followup.Email)
	}
	if r := p.app.LatestRound(); r != nil && len(r.Interviewers) > 0 {
		iv := &r.Interviewers[0].Person
		return iv, iv.By.Or(followup.Email)
	}
	return nil, followup.Email
}

// count is how many log entries record kind as sent.
func (p *planner) count(kind followup.Kind) int {
	n := 0
	for _, e := range p.app.Log {
		if e.Sent == kind {
			n++
		}
	}
	return n
}

func day(d followup.Date) string { return d.Noon().Format("Jan 2") }

func (p *planner) status() *Status {
	st := &Status{App: p.app, Stage: p.stage, Closed: p.closed, WentQuiet: p.wentQuiet()}
	var moved followup.Date
	for i := range p.app.Rounds {
		r := &p.app.Rounds[i]
		if r.End(p.app.Loc).After(p.now) {
			continue
		}
		st.LastContact = st.LastContact.Max(r.At.Date)
		moved = moved.Max(r.At.Date)
		for _, iv := range r.Interviewers {
			st.LastContact = st.LastContact.Max(iv.Thanked)
		}
	}
	for _, e := range p.app.Log {
		if e.On.After(p.today) {
			continue
		}
		st.LastContact = st.LastContact.Max(e.On)
		if e.Heard != "" || e.Outcome != "" {
			moved = moved.Max(e.On)
		}
	}
	if moved.IsZero() {
		moved = p.app.Applied
	}
	if !p.closed && !moved.IsZero() && !moved.After(p.today) {
		st.Waiting = moved.DaysUntil(p.today)
	}
	return st
}

func interviews(a *followup.Application) []followup.Interview {
	var out []followup.Interview
	for i := range a.Rounds {
		r := &a.Rounds[i]
		out = append(out, followup.Interview{
			ID:    fmt.Sprintf("%s/interview/r%d", a.Slug, r.N),
			App:   a,
			Round: r,
			Start: r.Start(a.Loc),
			End:   r.End(a.Loc),
		})
	}
	return out
}

// sortedBy sorts big records by moving their positions, not the records
// (a stable sort of 20,000 actions moved each many times); ties keep
// their order.
func sortedBy[T any](v []T, cmp func(a, b *T) int) []T {
	at := make([]int, len(v))
	for i := range at {
		at[i] = i
	}
	slices.SortFunc(at, func(i, j int) int {
		if c := cmp(&v[i], &v[j]); c != 0 {
			return c
		}
		return i - j
	})
	out := make([]T, len(v))
	for k, i := range at {
		out[k] = v[i]
	}
	return out
}
