package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/edit"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

func runDone(env *Env, args []string) error {
	fs, r := newRecordFlags("done", " ID…", env)
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	opt, err := r.options(env)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		if !inTerminal(env.Stdin) {
			return usageError{"done: give the id of each action done (followup agenda prints them), e.g. followup done acme/thank-you/r1/jane"}
		}
		actions, err := edit.Actions(opt)
		if err != nil {
			return recordError(env, err)
		}
		ids, err = pick(env.Stdin, env.Stdout, actions, opt.Now)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			fmt.Fprintln(env.Stdout, "Nothing recorded.")
			return nil
		}
	}
	rs, err := edit.Done(opt, ids)
	report(env, rs, opt.Now)
	if err != nil {
		return recordError(env, err)
	}
	return nil
}

// inTerminal: the person is at the keyboard (stdin is a terminal).
func inTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// pick offers the overdue actions and today's, and reads the numbers of
// those done.
func pick(in io.Reader, out io.Writer, actions []followup.Action, now time.Time) ([]string, error) {
	var offer []followup.Action
	for _, a := range actions {
		if b := schedule.BucketOf(&a, now); b == schedule.Overdue || b == schedule.Today {
			offer = append(offer, a)
		}
	}
	if len(offer) == 0 {
		fmt.Fprintln(out, "Nothing is due today or overdue; give an id (followup agenda --all lists them).")
		return nil, nil
	}
	fmt.Fprintln(out, "Due today and overdue:")
	for i, a := range offer {
		fmt.Fprintf(out, "  %2d. %s\n", i+1, actionLine(&a, now))
	}
	fmt.Fprint(out, "Which did you do? Numbers, separated by spaces (Enter for none): ")
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && line == "" {
		return nil, nil
	}
	var ids []string
	for _, f := range strings.Fields(strings.ReplaceAll(line, ",", " ")) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(offer) {
			return nil, usageError{fmt.Sprintf("done: %q is not one of the numbers 1 to %d", f, len(offer))}
		}
		ids = append(ids, offer[n-1].ID)
	}
	return ids, nil
}
