package cli

import (
	"fmt"
	"strings"

	"github.com/followup-tool/followup/internal/edit"
	"github.com/followup-tool/followup/internal/followup"
)

// names collects a repeated --with.
type names []string

func (n *names) String() string     { return strings.Join(*n, ", ") }
func (n *names) Set(v string) error { *n = append(*n, v); return nil }

func runRound(env *Env, args []string) error {
	fs, r := newRecordFlags("round", " APP --at \"YYYY-MM-DD HH:MM\"", env)
	at := fs.String("at", "", "when it starts, `\"YYYY-MM-DD HH:MM\"` in the application's zone")
	length := fs.String("length", "", "how long, such as 45m or 1h (default 1h)")
	kind := fs.String("kind", "", "phone, video, onsite or other")
	timeline := fs.String("timeline", "", "what they said about hearing back, such as \"2 weeks\" or a date")
	var with names
	fs.Var(&with, "with", "an interviewer's `name` (repeat for a panel)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"round: want the application, e.g. followup round acme --at \"2027-01-20 14:00\" --with \"Dr. Robert Lee\""}
	}
	if *at == "" {
		return usageError{"round: --at \"YYYY-MM-DD HH:MM\" is required"}
	}
	lt, err := followup.ParseLocalTime(*at)
	if err != nil {
		return usageError{fmt.Sprintf("round: --at: %v", err)}
	}
	nr := edit.NewRound{At: lt, Length: *length, Timeline: *timeline, With: with}
	if *kind != "" {
		if err := nr.Kind.UnmarshalText([]byte(*kind)); err != nil {
			return usageError{fmt.Sprintf("round: --kind: %v", err)}
		}
	}
	opt, err := r.options(env)
	if err != nil {
		return err
	}
	res, err := edit.AddRound(opt, pos[0], nr)
	if err != nil {
		return recordError(env, err)
	}
	report(env, []edit.Result{*res}, opt.Now)
	return nil
}
