package edit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/zone"
)

// Options are what every recording command takes.
type Options struct {
	Dir    string        // the project (--source)
	Now    time.Time     // the moment to plan at (--now, or the clock)
	On     followup.Date // the day to record; zero: today in the application's zone
	DryRun bool          // show the change, write nothing
	Commit bool          // commit the file with git (also git_commit = true)
}

// UsageError is a request that names nothing, or more than one thing:
// exit code 2, with the candidates.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Result is one file changed (or, with DryRun, that would be).
type Result struct {
	Path    string   // as messages name it
	Slug    string   // the application
	Company string   // the application's company
	What    []string // each change in words
	Diff    string   // unified diff of the file
	Written bool
	Git     string // what happened with git; "" when not asked
	// Next is what is open for the application after the change, soonest
	// first.
	Next  []followup.Action
	Stage followup.Stage
}

// project is a loaded search and its plan.
type project struct {
	opt  Options
	cfg  followup.Config
	tz   string // the default zone, as valid as config left it
	apps []*followup.Application
	plan *schedule.Result
}

func load(opt Options) (*project, error) {
	if opt.Dir == "" {
		opt.Dir = "."
	}
	fsys := os.DirFS(opt.Dir)
	display := filepath.ToSlash(filepath.Join(opt.Dir, config.File))
	if opt.Dir == "." {
		display = config.File
	}
	cfg, errs := config.Load(fsys, config.File, display)
	tz := cfg.Timezone
	if _, err := zone.Load(tz); err != nil {
		tz = "UTC"
	}
	apps, cerrs := content.Load(fsys, content.Options{DefaultTZ: tz, Prefix: filepath.ToSlash(opt.Dir)})
	errs = append(errs.Problems(), cerrs...)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return &project{opt: opt, cfg: cfg, tz: tz, apps: apps, plan: schedule.Plan(apps, cfg.Policy, opt.Now)}, nil
}

// Actions are the open actions of the project at opt.Now (for a command
// that offers them to pick from).
func Actions(opt Options) ([]followup.Action, error) {
	p, err := load(opt)
	if err != nil {
		return nil, err
	}
	return p.plan.Actions, nil
}

// matchID reports whether q names id: the same id, or each of q's
// slash-separated parts the start of one of id's parts, in order
// ("harbor/thank/rosa" names harbor-labs/thank-you/r1/rosa-diaz).
func matchID(q, id string) bool {
	qs := strings.Split(strings.ToLower(strings.Trim(q, "/")), "/")
	is := strings.Split(strings.ToLower(id), "/")
	j := 0
	for _, part := range qs {
		for j < len(is) && !strings.HasPrefix(is[j], part) {
			j++
		}
		if j == len(is) {
			return false
		}
		j++
	}
	return true
}

func (p *project) action(q string) (*followup.Action, error) {
	var found []*followup.Action
	for i := range p.plan.Actions {
		a := &p.plan.Actions[i]
		if a.ID == q {
			return a, nil
		}
		if q != "" && matchID(q, a.ID) {
			found = append(found, a)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	var b strings.Builder
	list := found
	if len(found) == 0 {
		fmt.Fprintf(&b, "no open action matches %q", q)
		for i := range p.plan.Actions {
			list = append(list, &p.plan.Actions[i])
		}
		if len(list) > 0 {
			b.WriteString("; the open actions are:")
		} else {
			b.WriteString("; nothing is open")
		}
	} else {
		fmt.Fprintf(&b, "%q matches %d open actions; give more of the id:", q, len(found))
	}
	names := make([]string, len(list))
	for i, a := range list {
		names[i] = a.ID
	}
	listCandidates(&b, names, " (followup agenda --all lists them)")
	return nil, &UsageError{b.String()}
}

// app finds an application by its slug, or an unambiguous part of a slug
// or of a company's name.
func (p *project) app(q string) (*followup.Application, error) {
	var found []*followup.Application
	lq := strings.ToLower(strings.TrimSpace(q))
	for _, a := range p.apps {
		if a.Slug == q {
			return a, nil
		}
		if lq != "" && (strings.Contains(strings.ToLower(a.Slug), lq) || strings.Contains(strings.ToLower(a.Company), lq)) {
			found = append(found, a)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	var b strings.Builder
	list := found
	if len(found) == 0 {
		fmt.Fprintf(&b, "no application matches %q", q)
		list = p.apps
		if len(list) > 0 {
			b.WriteString("; the applications are:")
		}
	} else {
		fmt.Fprintf(&b, "%q matches %d applications; give more of the name:", q, len(found))
	}
	names := make([]string, len(list))
	for i, a := range list {
		names[i] = a.Slug + " (" + a.Company + ")"
	}
	listCandidates(&b, names, "")
	return nil, &UsageError{b.String()}
}

// listCandidates writes the candidates of an ambiguous or unknown name,
// one a line, at most 30 of them; more says where to see the rest.
func listCandidates(b *strings.Builder, names []string, more string) {
	for i, n := range names {
		if i == 30 {
			fmt.Fprintf(b, "\n  … and %d more%s", len(names)-i, more)
			return
		}
		fmt.Fprintf(b, "\n  %s", n)
	}
}

// day is the day to record: --on, or today in the application's zone. A
// day after today is refused: a record dated later has not happened yet
// at --now (the engine reads it so), and the action would stay open.
func (p *project) day(a *followup.Application) (followup.Date, error) {
	today := followup.DateOf(p.opt.Now.In(a.Loc))
	if p.opt.On.IsZero() {
		return today, nil
	}
	if p.opt.On.After(today) {
		return p.opt.On, &UsageError{fmt.Sprintf("--on %s is after today (%s in %s): record what happened once it has", p.opt.On, today, a.Loc)}
	}
	return p.opt.On, nil
}

func fullName(pe *followup.Person) string {
	return strings.TrimSpace(pe.Title + " " + pe.Name)
}

// pending is the changes to one file.
type pending struct {
	app     *followup.Application
	changes []Change
}

func group(list []pending, a *followup.Application, c Change) []pending {
	for i := range list {
		if list[i].app == a {
			list[i].changes = append(list[i].changes, c)
			return list
		}
	}
	return append(list, pending{a, []Change{c}})
}

// Done records open actions as done: a thank-you as thanked: (posted:
// for the extra posted letter) on its interviewer, anything else as a log
// entry sent: <kind>, with by: when it did not go by email.
func Done(opt Options, ids []string) ([]Result, error) {
	p, err := load(opt)
	if err != nil {
		return nil, err
	}
	var todo []pending
	seen := map[string]bool{}
	for _, q := range ids {
		a, err := p.action(q)
		if err != nil {
			return nil, err
		}
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		on, err := p.day(a.App)
		if err != nil {
			return nil, err
		}
		var c Change
		switch a.Kind {
		case followup.ThankYou:
			j := -1
			for k := range a.Round.Interviewers {
				if &a.Round.Interviewers[k] == a.Interviewer {
					j = k
				}
			}
			if j < 0 {
				return nil, fmt.Errorf("%s: interviewer not found", a.ID)
			}
			posted := strings.HasSuffix(a.ID, "/letter")
			what := "thanked " + fullName(&a.Interviewer.Person)
			if posted {
				what = "posted a thank-you letter to " + fullName(&a.Interviewer.Person)
			}
			c = thanked(a.Round.N-1, j, posted, on, what)
		case followup.MoveOn:
			return nil, &UsageError{fmt.Sprintf("%s: moving on needs no record; it passes by itself (or record a reply with followup heard)", a.ID)}
		default:
			e := followup.LogEntry{On: on, Sent: a.Kind}
			if a.Channel != "" && a.Channel != followup.Email {
				e.By = a.Channel
			}
			what := "sent the " + string(a.Kind)
			if a.To != nil {
				what += " to " + fullName(a.To)
			}
			c = log(e, what)
		}
		c.action = a.ID
		todo = group(todo, a.App, c)
	}
	return p.write(todo)
}

// Skip records decisions not to take open actions, with the reason.
func Skip(opt Options, ids []string, why string) ([]Result, error) {
	if strings.TrimSpace(why) == "" {
		return nil, &UsageError{"skip: say why with --why (it goes into the log as the note)"}
	}
	p, err := load(opt)
	if err != nil {
		return nil, err
	}
	var todo []pending
	for _, q := range ids {
		a, err := p.action(q)
		if err != nil {
			return nil, err
		}
		on, err := p.day(a.App)
		if err != nil {
			return nil, err
		}
		c := log(followup.LogEntry{On: on, Skipped: a.ID, Note: strings.TrimSpace(why)}, "skipped "+a.ID)
		c.action = a.ID
		todo = group(todo, a.App, c)
	}
	return p.write(todo)
}

// Heard records a reply, with the new date they gave, if any.
func Heard(opt Options, app, text string, next followup.Date) (*Result, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, &UsageError{"heard: say what they said"}
	}
	return one(opt, app, func(p *project, a *followup.Application) (Change, error) {
		on, err := p.day(a)
		return log(followup.LogEntry{On: on, Heard: text, Next: next}, "heard from "+a.Company), err
	})
}

// Outcome records a decision; an offer may carry the day to answer by.
func Outcome(opt Options, app string, o followup.Outcome, note string, deadline followup.Date) (*Result, error) {
	if !deadline.IsZero() && o != followup.Offer {
		return nil, &UsageError{"outcome: --deadline is the day to answer an offer by; it goes with offer only"}
	}
	return one(opt, app, func(p *project, a *followup.Application) (Change, error) {
		on, err := p.day(a)
		return log(followup.LogEntry{On: on, Outcome: o, Note: strings.TrimSpace(note), Deadline: deadline}, "outcome "+string(o)), err
	})
}

// AddRound records an interview round.
func AddRound(opt Options, app string, r NewRound) (*Result, error) {
	return one(opt, app, func(p *project, a *followup.Application) (Change, error) {
		c, err := round(r, "added round "+fmt.Sprint(len(a.Rounds)+1)+" on "+r.At.String())
		if err != nil {
			return Change{}, &UsageError{"round: " + err.Error()}
		}
		return c, nil
	})
}

func one(opt Options, q string, make func(*project, *followup.Application) (Change, error)) (*Result, error) {
	p, err := load(opt)
	if err != nil {
		return nil, err
	}
	a, err := p.app(q)
	if err != nil {
		return nil, err
	}
	c, err := make(p, a)
	if err != nil {
		return nil, err
	}
	rs, err := p.write([]pending{{a, []Change{c}}})
	if err != nil {
		return nil, err
	}
	return &rs[0], nil
}

// write applies each file's changes, checks them all, then writes.
func (p *project) write(todo []pending) ([]Result, error) {
	var out []Result
	for _, t := range todo {
		r, err := p.writeOne(t)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (p *project) writeOne(t pending) (Result, error) {
	a := t.app
	path := filepath.FromSlash(a.Path)
	r := Result{Path: a.Path, Slug: a.Slug, Company: a.Company}
	var f *File
	var data []byte
	if p.opt.DryRun {
		b, err := os.ReadFile(path)
		if err != nil {
			return r, err
		}
		data = b
	} else {
		var err error
		if f, err = open(path); err != nil {
			return r, err
		}
		defer f.Close()
		data = f.Data
	}
	if err := p.stillOpen(a, data, t.changes); err != nil {
		return r, err
	}
	cur := data
	for _, c := range t.changes {
		next, err := Apply(a.Path, a.Slug, cur, p.tz, c)
		if err != nil {
			return r, err
		}
		cur = next
		r.What = append(r.What, c.What)
	}
	r.Diff = diff(a.Path, data, cur)
	if !p.opt.DryRun {
		if err := f.Replace(cur); err != nil {
			if errors.Is(err, errChanged) {
				return r, fmt.Errorf("%s: %w", a.Path, err)
			}
			return r, err
		}
		r.Written = true
		if p.opt.Commit || p.cfg.GitCommit {
			r.Git = commit(path, "followup: "+strings.Join(r.What, ", ")+" ("+a.Slug+")")
		}
	}
	// What is next for the application, from the file as it now reads.
	neu, errs := content.Parse(a.Path, a.Slug, cur, p.tz)
	if len(errs) > 0 {
		return r, errs
	}
	apps := slices.Clone(p.apps)
	for i := range apps {
		if apps[i] == a {
			apps[i] = neu
		}
	}
	plan := schedule.Plan(apps, p.cfg.Policy, p.opt.Now)
	for _, x := range plan.Actions {
		if x.App.Slug == a.Slug {
			r.Next = append(r.Next, x)
		}
	}
	if st := plan.Status[a.Slug]; st != nil {
		r.Stage = st.Stage
	}
	return r, nil
}

// stillOpen checks, on the bytes read under the lock, that each action
// to close is still open: another command may have recorded it between
// this one's first look and its lock, and recording it twice would add a
// second entry or move its date.
func (p *project) stillOpen(a *followup.Application, data []byte, changes []Change) error {
	need := false
	for _, c := range changes {
		need = need || c.action != ""
	}
	if !need {
		return nil
	}
	neu, errs := content.Parse(a.Path, a.Slug, data, p.tz)
	if len(errs) > 0 {
		return errs
	}
	apps := slices.Clone(p.apps)
	for i := range apps {
		if apps[i] == a {
			apps[i] = neu
		}
	}
	open := map[string]bool{}
	for _, x := range schedule.Plan(apps, p.cfg.Policy, p.opt.Now).Actions {
		open[x.ID] = true
	}
	for _, c := range changes {
		if c.action != "" && !open[c.action] {
			return &Problem{Path: a.Path, Reason: c.action + " is no longer open: it was recorded meanwhile (by another command?)"}
		}
	}
	return nil
}
