package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/edit"
	"github.com/followup-tool/followup/internal/followup"
)

// recordFlags are the flags of the commands that record what was done
// (done, skip, heard, outcome, round).
type recordFlags struct {
	*common
	on     string
	dryRun bool
	commit bool
}

func newRecordFlags(name, args string, env *Env) (*flag.FlagSet, *recordFlags) {
	fs, c := newFlags(name, args, env)
	r := &recordFlags{common: c}
	fs.StringVar(&r.on, "on", "", "the `day` it happened, YYYY-MM-DD (default: today in the application's zone)")
	fs.BoolVar(&r.dryRun, "dry-run", false, "print the change and write nothing")
	fs.BoolVar(&r.commit, "commit", false, "commit the changed file with git (also: git_commit = true in followup.toml)")
	return fs, r
}

func (r *recordFlags) options(env *Env) (edit.Options, error) {
	now, err := r.moment(env)
	if err != nil {
		return edit.Options{}, err
	}
	o := edit.Options{Dir: r.dir(), Now: now, DryRun: r.dryRun, Commit: r.commit}
	if r.on != "" {
		d, err := followup.ParseDate(r.on)
		if err != nil {
			return o, usageError{fmt.Sprintf("--on: %v", err)}
		}
		o.On = d
	}
	return o, nil
}

// dateFlag parses an optional YYYY-MM-DD flag value.
func dateFlag(name, v string) (followup.Date, error) {
	if v == "" {
		return followup.Date{}, nil
	}
	d, err := followup.ParseDate(v)
	if err != nil {
		return d, usageError{fmt.Sprintf("--%s: %v", name, err)}
	}
	return d, nil
}

// recordError maps what the editor says to exit codes: 2 for a request
// that names nothing or too much, 1 (printed) for a file left unchanged.
func recordError(env *Env, err error) error {
	var ue *edit.UsageError
	var p *edit.Problem
	switch {
	case errors.As(err, &ue):
		return usageError{ue.Msg}
	case errors.As(err, &p):
		fmt.Fprintln(env.Stderr, p.Error())
		return contentError{1}
	}
	return err
}

// report prints each change as a diff, then what is next for its
// application.
func report(env *Env, rs []edit.Result, now time.Time) {
	for _, r := range rs {
		io.WriteString(env.Stdout, r.Diff)
		switch {
		case r.Written:
			fmt.Fprintf(env.Stdout, "Recorded in %s: %s.\n", r.Path, strings.Join(r.What, ", "))
		default:
			fmt.Fprintf(env.Stdout, "Dry run: %s not written (%s).\n", r.Path, strings.Join(r.What, ", "))
		}
		if r.Git != "" {
			fmt.Fprintln(env.Stdout, r.Git)
		}
		if len(r.Next) == 0 {
			fmt.Fprintf(env.Stdout, "Nothing open for %s now (%s).\n", r.Company, r.Stage)
			continue
		}
		fmt.Fprintf(env.Stdout, "Next for %s (%s):\n", r.Company, r.Stage)
		for i, a := range r.Next {
			if i == 5 {
				fmt.Fprintf(env.Stdout, "  … and %d more\n", len(r.Next)-i)
				break
			}
			fmt.Fprintf(env.Stdout, "  %s\n", actionLine(&a, now))
		}
	}
}

// actionLine is one action in a line: due day, kind, recipient, id.
func actionLine(a *followup.Action, now time.Time) string {
	due := a.Day.String()
	if !a.AllDay {
		due = a.Due.Format("2006-01-02 15:04")
	}
	s := due + "  " + string(a.Kind)
	if a.To != nil {
		s += " to " + strings.TrimSpace(a.To.Title+" "+a.To.Name)
	}
	if a.Due.Before(now) {
		s += " (overdue)"
	}
	return s + "  " + a.ID
}
