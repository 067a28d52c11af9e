package cli

import (
	"fmt"

	"github.com/followup-tool/followup/internal/build"
	"github.com/followup-tool/followup/internal/followup"
)

func runCheck(env *Env, args []string) error {
	fs, c := newFlags("check", "", env)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	opt, err := options(env, c, false)
	if err != nil {
		return err
	}
	// The same pipeline as build, into nothing: whatever build would
	// reject is reported here first.
	res, err := build.Check(opt)
	if err != nil {
		return err
	}
	// Warnings: likely mistakes, printed like errors but never changing
	// the exit status.
	var warns followup.ErrorList
	for _, a := range res.Project.Apps {
		warns = append(warns, a.WarningsAt(res.Plan.Now)...)
	}
	warns.Sort()
	for _, w := range warns {
		fmt.Fprintln(env.Stderr, safe(w.Error()))
	}
	more := ""
	if len(warns) > 0 {
		more = ", " + plural(len(warns), "warning")
	}
	fmt.Fprintf(env.Stdout, "%s, %s, no problems%s\n", plural(len(res.Project.Apps), "application"), plural(len(res.Plan.Actions), "open action"), more)
	return nil
}
