package cli

import (
	"fmt"

	"github.com/followup-tool/followup/internal/edit"
	"github.com/followup-tool/followup/internal/followup"
)

func runOutcome(env *Env, args []string) error {
	fs, r := newRecordFlags("outcome", " APP offer|rejected|withdrawn|accepted", env)
	note := fs.String("note", "", "a note to keep with it")
	deadline := fs.String("deadline", "", "for an offer: the `date` to answer by, YYYY-MM-DD")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError{"outcome: want the application and one of offer, rejected, withdrawn, accepted, e.g. followup outcome acme rejected"}
	}
	var o followup.Outcome
	if err := o.UnmarshalText([]byte(pos[1])); err != nil {
		return usageError{fmt.Sprintf("outcome: %v", err)}
	}
	dl, err := dateFlag("deadline", *deadline)
	if err != nil {
		return err
	}
	opt, err := r.options(env)
	if err != nil {
		return err
	}
	res, err := edit.Outcome(opt, pos[0], o, *note, dl)
	if err != nil {
		return recordError(env, err)
	}
	report(env, []edit.Result{*res}, opt.Now)
	return nil
}
