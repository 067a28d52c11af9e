package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// bucketLabel names a bucket in the terminal and in --json.
var bucketLabel = map[schedule.Bucket]string{
	schedule.Overdue: "overdue",
	schedule.Today:   "today",
	schedule.Week:    "next 7 days",
	schedule.Later:   "later",
}

// jsonAction is the contract of SPEC 5 for scripts; keys may be added,
// never renamed.
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
}

func runAgenda(env *Env, args []string) error {
	fs, c := newFlags("agenda", "", env)
	all := fs.Bool("all", false, "list every open action, whatever its due date")
	asJSON := fs.Bool("json", false, "print a JSON array (for scripts)")
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
	var rows []jsonAction
	for i := range l.Plan.Actions {
		a := &l.Plan.Actions[i]
		bk := schedule.BucketOf(a, now)
		if bk == schedule.Later && !*all {
			continue
		}
		st := l.Plan.Status[a.App.Slug]
		d, err := l.Project.Drafts.Render(a, st.Stage, l.Config.Owner)
		if err != nil {
			return fmt.Errorf("draft for %s: %w", a.ID, err)
		}
		row := jsonAction{
			ID: a.ID, Kind: string(a.Kind), Application: a.App.Slug, Company: a.App.Company,
			Channel: string(a.Channel), Due: a.Due.Format(time.RFC3339), Overdue: a.Overdue,
			Reason: a.Reason, Subject: d.Subject, Body: d.Body, Role: a.App.Role, Stage: string(st.Stage),
			Bucket: bucketLabel[bk], Day: a.Day.String(), Start: a.Start.Format(time.RFC3339),
		}
		if a.To != nil {
			row.To, row.Title = a.To.Name, a.To.Title
		}
		if a.Round != nil {
			row.Round = a.Round.N
		}
		rows = append(rows, row)
	}
	switch {
	case *asJSON:
		if rows == nil {
			rows = []jsonAction{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	case isTerminal(env.Stdout):
		printTable(env.Stdout, rows, *all)
	default:
		for _, r := range rows {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Bucket, r.Due, r.Kind, r.Company, orDash(r.To), orDash(r.Channel), r.ID)
		}
	}
	return nil
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

func printTable(w io.Writer, rows []jsonAction, all bool) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "Nothing due in the next 7 days. (followup agenda --all lists everything open.)")
		return
	}
	order := []schedule.Bucket{schedule.Overdue, schedule.Today, schedule.Week}
	if all {
		order = append(order, schedule.Later)
	}
	for _, b := range order {
		var in []jsonAction
		for _, r := range rows {
			if r.Bucket == bucketLabel[b] {
				in = append(in, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d)\n", strings.ToUpper(bucketLabel[b]), len(in))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range in {
			due, _ := time.Parse(time.RFC3339, r.Due)
			when := due.Format("Mon Jan 2")
			if r.Kind == string(followup.ThankYou) {
				when = due.Format("Mon Jan 2 15:04")
			}
			to := r.To
			if r.Title != "" {
				to = r.Title + " " + r.To
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", when, r.Kind, r.Company, orDash(to), orDash(r.Channel))
		}
		tw.Flush()
	}
	fmt.Fprintln(w)
}
