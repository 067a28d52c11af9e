package cli

import "fmt"

func runCheck(env *Env, args []string) error {
	fs, c := newFlags("check", "", env)
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
	if errs := renderAll(l); len(errs) > 0 {
		return errs.Err()
	}
	fmt.Fprintf(env.Stdout, "%s, %s, no problems\n", plural(len(l.Apps), "application"), plural(len(l.Plan.Actions), "open action"))
	return nil
}
