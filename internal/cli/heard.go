package cli

import (
	"strings"

	"github.com/followup-tool/followup/internal/edit"
)

func runHeard(env *Env, args []string) error {
	fs, r := newRecordFlags("heard", " APP TEXT [--next DATE]", env)
	next := fs.String("next", "", "a new `date` they gave, YYYY-MM-DD (the check-in is due the day after)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usageError{"heard: want the application and what they said, e.g. followup heard acme \"Still deciding\" --next 2027-01-22"}
	}
	nd, err := dateFlag("next", *next)
	if err != nil {
		return err
	}
	opt, err := r.options(env)
	if err != nil {
		return err
	}
	res, err := edit.Heard(opt, pos[0], strings.Join(pos[1:], " "), nd)
	if err != nil {
		return recordError(env, err)
	}
	report(env, []edit.Result{*res}, opt.Now)
	return nil
}
