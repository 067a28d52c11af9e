package cli

import (
	"github.com/followup-tool/followup/internal/edit"
)

func runSkip(env *Env, args []string) error {
	fs, r := newRecordFlags("skip", " ID… --why TEXT", env)
	why := fs.String("why", "", "why it will not be sent (written as the log entry's note)")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return usageError{"skip: give the id of each action to skip (followup agenda prints them) and --why"}
	}
	if *why == "" {
		return usageError{"skip: say why with --why \"…\" (it goes into the log, so you remember later)"}
	}
	opt, err := r.options(env)
	if err != nil {
		return err
	}
	rs, err := edit.Skip(opt, ids, *why)
	report(env, rs, opt.Now)
	if err != nil {
		return recordError(env, err)
	}
	return nil
}
