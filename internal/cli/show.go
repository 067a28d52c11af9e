package cli

import (
	"fmt"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// runShow prints one open action: what, to whom, when and why, then its
// draft ready to paste (the subject line, a blank line, the body). The id
// is the one agenda prints.
func runShow(env *Env, args []string) error {
	fs, c := newFlags("show", " ID", env)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"show: want one action id, as followup agenda prints it\nusage: followup show [flags] ID"}
	}
	id := pos[0]
	l, err := load(env, c)
	if err != nil {
		return err
	}
	var a *followup.Action
	ids := make([]string, 0, len(l.Plan.Actions))
	for i := range l.Plan.Actions {
		ids = append(ids, l.Plan.Actions[i].ID)
		if l.Plan.Actions[i].ID == id {
			a = &l.Plan.Actions[i]
		}
	}
	if a == nil {
		msg := fmt.Sprintf("no open action %q", safe(id))
		if s := followup.Suggest(id, ids); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			msg += " (followup agenda --all lists the open ones)"
		}
		return fmt.Errorf("%s", msg)
	}
	st := l.Plan.Status[a.App.Slug]
	d, err := l.Project.Drafts.Render(a, st.Stage, l.Config.Owner)
	if err != nil {
		return fmt.Errorf("draft for %s: %w", a.ID, err)
	}
	now := l.Plan.Now
	row := jsonAction{due: a.Due, deadline: !a.AllDay, loc: a.App.Loc}
	w := env.Stdout
	fmt.Fprintf(w, "%s · %s · %s\n", cell(a.ID), a.Kind, cell(a.App.Company))
	due := a.Due.In(a.App.Loc).Format("Mon Jan 2")
	if !a.AllDay {
		due = a.Due.In(a.App.Loc).Format("Mon Jan 2 15:04 MST")
	}
	fmt.Fprintf(w, "Due:  %s (%s)\n", due, dueWords(&row, now, viewerZone(env)))
	if a.To != nil {
		to := cell(strings.TrimSpace(a.To.Title + " " + a.To.Name))
		email, phone := a.App.Reach(a.To)
		if email != "" && a.Channel == followup.Email {
			to += " <" + cell(email) + ">"
		}
		if phone != "" && a.Channel == followup.Phone {
			to += ", " + cell(phone)
		}
		fmt.Fprintf(w, "To:   %s (%s)\n", to, a.Channel)
	} else if a.Kind != followup.MoveOn {
		fmt.Fprintf(w, "To:   the hiring team (%s): no contact in the file\n", a.Channel)
	}
	fmt.Fprintf(w, "Why:  %s\n", cell(a.Reason))
	fmt.Fprintf(w, "Bucket: %s\n\n", bucketLabel[schedule.BucketOf(a, now)])
	if a.Channel == followup.Email {
		fmt.Fprintf(w, "Subject: %s\n\n", cell(d.Subject))
	} else if a.Channel == followup.Phone || a.Kind == followup.MoveOn {
		fmt.Fprintf(w, "%s\n\n", cell(d.Subject))
	}
	fmt.Fprint(w, safe(d.Body))
	return nil
}
