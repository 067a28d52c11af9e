package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/build"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/zone"
)

// bucketLabel names a bucket in the terminal and in --json.
var bucketLabel = map[schedule.Bucket]string{
	schedule.Overdue: "overdue",
	schedule.Today:   "today",
	schedule.Week:    "next 7 days",
	schedule.Later:   "later",
}

// jsonAction is the contract of docs/reference.md for scripts; keys may be added,
// never renamed. An interview (--interviews) has the same keys, with
// kind "interview", due = start, to = its interviewers, and end and
// where besides.
type jsonAction struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	Application string `json:"application"`
	Company     string `json:"company"`
	To          string `json:"to"`
	Channel     string `json:"channel"`
	Due         string `json:"due"`
	Overdue     bool   `json:"overdue"`
	Reason      string `json:"reason"`
	Subject     string `json:"subject"`
	Body        string `json:"body"`
	Role        string `json:"role"`
	Stage       string `json:"stage"`
	Bucket      string `json:"bucket"`
	Day         string `json:"day"`
	Start       string `json:"start"`
	Title       string `json:"title,omitempty"`
	Round       int    `json:"round,omitempty"`
	End         string `json:"end,omitempty"`
	Where       string `json:"where,omitempty"`

	due      time.Time // for the terminal
	deadline bool      // due is a moment (thank-you, interview), not a day
	loc      *time.Location
}

func runAgenda(env *Env, args []string) error {
	fs, c := newFlags("agenda", "", env)
	all := fs.Bool("all", false, "list every open action, whatever its due date")
	asJSON := fs.Bool("json", false, "print a JSON array (for scripts)")
	withInterviews := fs.Bool("interviews", false, "with --json: add upcoming interviews as objects of kind \"interview\"")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	l, err := load(env, c)
	if err != nil {
		return err
	}
	now := l.Plan.Now
	rows, err := actionRows(l, func(b schedule.Bucket) bool { return *all || b != schedule.Later })
	if err != nil {
		return err
	}
	ivs := interviewRows(l, *all)
	switch {
	case *asJSON:
		if *withInterviews {
			rows = append(rows, ivs...)
			slices.SortStableFunc(rows, func(a, b jsonAction) int { return a.due.Compare(b.due) })
		}
		if rows == nil {
			rows = []jsonAction{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	case isTerminal(env.Stdout):
		printTable(env.Stdout, rows, ivs, now, viewerZone(env), *all)
	default:
		printPlain(env.Stdout, rows)
	}
	return nil
}

// actionRows are the open actions whose bucket keep accepts, with drafts.
func actionRows(l *build.Result, keep func(schedule.Bucket) bool) ([]jsonAction, error) {
	now := l.Plan.Now
	var rows []jsonAction
	for i := range l.Plan.Actions {
		a := &l.Plan.Actions[i]
		bk := schedule.BucketOf(a, now)
		if !keep(bk) {
			continue
		}
		st := l.Plan.Status[a.App.Slug]
		d, err := l.Project.Drafts.Render(a, st.Stage, l.Config.Owner)
		if err != nil {
			return nil, fmt.Errorf("draft for %s: %w", a.ID, err)
		}
		row := jsonAction{
			ID: a.ID, Kind: string(a.Kind), Application: a.App.Slug, Company: a.App.Company,
			Channel: string(a.Channel), Due: a.Due.Format(time.RFC3339), Overdue: a.Overdue,
			Reason: a.Reason, Subject: d.Subject, Body: d.Body, Role: a.App.Role, Stage: string(st.Stage),
			Bucket: bucketLabel[bk], Day: a.Day.String(), Start: a.Start.Format(time.RFC3339),
			due: a.Due, deadline: !a.AllDay, loc: a.App.Loc,
		}
		if a.To != nil {
			row.To, row.Title = a.To.Name, a.To.Title
		}
		if a.Round != nil {
			row.Round = a.Round.N
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// interviewRows are the interviews not over yet (today and the next 7
// days, or all of them).
func interviewRows(l *build.Result, all bool) []jsonAction {
	now := l.Plan.Now
	var rows []jsonAction
	for _, iv := range schedule.Upcoming(l.Plan) {
		bk := schedule.InterviewBucket(&iv, now)
		if bk == schedule.Later && !all {
			continue
		}
		var names []string
		for _, p := range iv.Round.Interviewers {
			names = append(names, p.Name)
		}
		kind := string(iv.Round.Kind)
		if kind == "" {
			kind = "interview"
		}
		start := iv.Start.In(iv.App.Loc)
		reason := fmt.Sprintf("Round %d (%s) %s–%s", iv.Round.N, kind, start.Format("Mon Jan 2 15:04"), iv.End.In(iv.App.Loc).Format("15:04 MST"))
		if len(names) > 0 {
			reason += " with " + strings.Join(names, ", ")
		}
		reason += ". " + schedule.InterviewReminder
		st := l.Plan.Status[iv.App.Slug]
		rows = append(rows, jsonAction{
			ID: iv.ID, Kind: "interview", Application: iv.App.Slug, Company: iv.App.Company,
			To: strings.Join(names, ", "), Due: start.Format(time.RFC3339), Reason: reason,
			Role: iv.App.Role, Stage: string(st.Stage), Bucket: bucketLabel[bk],
			Day: followup.DateOf(start).String(), Start: start.Format(time.RFC3339), Round: iv.Round.N,
			End: iv.End.In(iv.App.Loc).Format(time.RFC3339), Where: iv.Round.Where,
			due: iv.Start, deadline: true, loc: iv.App.Loc,
		})
	}
	return rows
}

// printPlain is the piped form, one action a line, seven fields separated
// by tabs: bucket, due (RFC 3339), kind, company, to, channel, id; an
// empty field is "-". Tabs, line breaks and control characters in the
// content become spaces, so a line is always one record of seven fields.
// README documents it; keep it stable.
func printPlain(w io.Writer, rows []jsonAction) {
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Bucket, r.Due, r.Kind, field(r.Company), field(r.To), orDash(r.Channel), field(r.ID))
	}
}

// field is a piped field: one line, no tab, no control character.
func field(s string) string {
	return orDash(strings.TrimSpace(safe(strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s))))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// viewerZone is the zone of the person at the terminal: $TZ when set,
// else the machine's. Only the terminal table uses it.
func viewerZone(env *Env) *time.Location {
	if tz := strings.TrimPrefix(env.Getenv("TZ"), ":"); tz != "" {
		if loc, err := zone.Load(tz); err == nil {
			return loc
		}
	}
	return time.Local
}
