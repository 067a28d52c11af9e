package cli

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/site"
	"github.com/followup-tool/followup/internal/worklog"
	"github.com/followup-tool/followup/internal/zone"
)

// maxWorklogWeeks bounds --from/--to: ten years of weeks is more than any
// claim asks for, and a typo in a year should not print a thousand.
const maxWorklogWeeks = 530

func runWorklog(env *Env, args []string) error {
	fs, c := newFlags("worklog", "", env)
	fromS := fs.String("from", "", "first day, YYYY-MM-DD (default: the first activity)")
	toS := fs.String("to", "", "last day, YYYY-MM-DD (default: today)")
	format := fs.String("format", "md", "md, csv or html")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	if *format != "md" && *format != "csv" && *format != "html" {
		return usageError{fmt.Sprintf("worklog: --format %q: want md, csv or html", *format)}
	}
	day := func(flag, s string) (followup.Date, error) {
		if s == "" {
			return followup.Date{}, nil
		}
		d, err := followup.ParseDate(s)
		if err != nil {
			return d, usageError{fmt.Sprintf("worklog: --%s: %v", flag, err)}
		}
		return d, nil
	}
	from, err := day("from", *fromS)
	if err != nil {
		return err
	}
	to, err := day("to", *toS)
	if err != nil {
		return err
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return usageError{fmt.Sprintf("worklog: --to %s is before --from %s", to, from)}
	}
	if !from.IsZero() && !to.IsZero() && from.DaysUntil(to) > 7*maxWorklogWeeks {
		return usageError{fmt.Sprintf("worklog: %s to %s is more than ten years; narrow --from and --to", from, to)}
	}
	l, err := load(env, c)
	if err != nil {
		return err
	}
	loc, err := zone.Load(l.Config.Timezone)
	if err != nil {
		return err
	}
	today := followup.DateOf(l.Plan.Now.In(loc))
	log := worklog.Build(l.Project.Apps, from, to, today, l.Config.WorklogMinimum)
	if len(log.Weeks) > maxWorklogWeeks {
		return usageError{fmt.Sprintf("worklog: %s to %s is more than ten years; narrow --from and --to", log.From, log.To)}
	}
	switch *format {
	case "csv":
		return worklog.CSV(env.Stdout, log)
	case "html":
		return site.Worklog(env.Stdout, log, l.Config.Owner.Name, l.Project.Theme)
	}
	return worklog.Markdown(env.Stdout, log, l.Config.Owner.Name)
}
