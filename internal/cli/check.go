package cli

import (
	"fmt"

	"github.com/followup-tool/followup/internal/build"
	"github.com/followup-tool/followup/internal/followup"
)

func runCheck(env *Env, args []string) error {
	fs, c := newFlags("check", "", env)
	public := fs.Bool("public", false, "check the public build, as build --public makes it (needs a feed key)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	opt, err := options(env, c, *public)
	if err != nil {
		return err
	}
	// The same pipeline as build, into nothing: whatever build would
	// reject is reported here first.
	res, err := build.Check(opt)
	if err != nil {
		return err
	}
	// Warnings never change the exit status (docs/reference.md). Those that depend
	// on the moment (an applied date ahead of it) are added here.
	warns := append(followup.ErrorList(nil), res.Project.Warnings...)
	for _, a := range res.Project.Apps {
		warns = append(warns, a.WarningsAt(res.Plan.Now)...)
	}
	warns.Sort()
	if len(warns) > 0 {
		fmt.Fprintln(env.Stderr, safe(warns.Error()))
	}
	fmt.Fprintf(env.Stdout, "%s, %s, no problems\n", plural(len(res.Project.Apps), "application"), plural(len(res.Plan.Actions), "open action"))
	return nil
}
