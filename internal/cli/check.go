package cli

import (
	"fmt"

	"github.com/followup-tool/followup/internal/build"
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
	// Warnings never change the exit status (SPEC 6).
	if w := build.Warnings(res.Project.Apps); len(w) > 0 {
		fmt.Fprintln(env.Stderr, w.Error())
	}
	fmt.Fprintf(env.Stdout, "%s, %s, no problems\n", plural(len(res.Project.Apps), "application"), plural(len(res.Plan.Actions), "open action"))
	return nil
}
