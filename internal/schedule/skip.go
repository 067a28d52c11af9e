package schedule

import (
	"fmt"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// skipped reports whether the log records a decision not to take the
// action with this id (`skipped: <id>`): a thank-you to someone never met,
// a withdrawal note to an employer who never answered. The action is
// closed as if done; nothing is sent and nothing counts as sent.
func (p *planner) skipped(id string) bool {
	for _, e := range p.app.Log {
		if e.Skipped == id {
			return true
		}
	}
	return false
}

// skippedKindAfter reports whether an action of kind is recorded as
// skipped after log entry i: like a sent note, it closes a rejected or
// withdrawn application.
func (p *planner) skippedKindAfter(kind followup.Kind, i int) bool {
	for _, e := range p.app.Log[i+1:] {
		if strings.HasPrefix(e.Skipped, p.app.Slug+"/"+string(kind)+"/") {
			return true
		}
	}
	return false
}

// dropSkipped removes the actions the log says were decided against.
func (p *planner) dropSkipped() {
	out := p.actions[:0]
	for _, a := range p.actions {
		if !p.skipped(a.ID) {
			out = append(out, a)
		}
	}
	p.actions = out
}

// thankedOrSkipped reports whether every thank-you of round r is recorded
// as sent or as skipped, so the check-in after the round need not wait
// for a note that will never go out.
func (p *planner) thankedOrSkipped(r *followup.Round) bool {
	people := make([]string, len(r.Interviewers))
	for j, iv := range r.Interviewers {
		people[j] = iv.Name
	}
	ids := names(people)
	for j, iv := range r.Interviewers {
		if iv.Thanked.IsZero() && !p.skipped(fmt.Sprintf("%s/thank-you/r%d/%s", p.app.Slug, r.N, ids[j])) {
			return false
		}
	}
	return true
}
