package cli

import "fmt"

func runCheck(env *Env, args []string) error {
	fs, c := newFlags("check", "", env)
	c.warn = true
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
	fmt.Fprintf(env.Stdout, "%d applications, %d open actions, no problems\n", len(l.Apps), len(l.Plan.Actions))
	return nil
}
