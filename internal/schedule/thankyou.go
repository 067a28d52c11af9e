package schedule

import (
	"fmt"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// thankYous lists a thank-you for every interviewer of every round that has
// none recorded, including rounds still to come, so the note is on the
// agenda before the interview.
//
// [B] ("should be sent within 24 hours of your interview"), [C] ("Did
// you meet with four people at once? Then send each of those people a
// thank-you note"), [D] ("Within the first day ... to each person who
// interviewed you") and [E] ("if there are multiple interviews, send a
// thank-you note each time"). The deadline is 24 hours of elapsed time
// after the round's end; the calendar event starts at the end, since the
// best moment to write is right away ([B]: "stop immediately after the
// interview ... and write the note itself"). Thank-you notes stay due in
// every stage: [B] says to send one even when you no longer want the job.
func (p *planner) thankYous() {
	loc := p.app.Loc
	for i := range p.app.Rounds {
		r := &p.app.Rounds[i]
		end := r.End(loc)
		due := end.Add(24 * time.Hour)
		people := make([]string, len(r.Interviewers))
		for j, iv := range r.Interviewers {
			people[j] = iv.Name
		}
		ids := names(people)
		for j := range r.Interviewers {
			iv := &r.Interviewers[j]
			ch := iv.By.Or(followup.Email)
			id := fmt.Sprintf("%s/thank-you/r%d/%s", p.app.Slug, r.N, ids[j])
			if iv.Thanked.IsZero() {
				p.thankYou(id, r, iv, ch, end, due)
			}
			// mail_letters: a posted letter as well ([A]: "Email one first,
			// of course, but also cover your bases and mail one the
			// traditional way"); recorded with posted:.
			if p.pol.MailLetters && ch != followup.Letter && iv.Posted.IsZero() {
				p.thankYou(id+"/letter", r, iv, followup.Letter, end, due)
			}
		}
	}
}

func (p *planner) thankYou(id string, r *followup.Round, iv *followup.Interviewer, ch followup.Channel, end, due time.Time) {
	// The reason names the due moment the action carries (the deadline,
	// 24 hours after the end) and, for a letter, the best moment too: the
	// same day, so it arrives the next. One truth: the calendar event
	// starts at the end, the action is overdue only after the deadline.
	ends := end.Format("Jan 2 15:04")
	by := due.Format("Jan 2 15:04 MST")
	reason := fmt.Sprintf("Round %d (%s) with %s ends %s; send a thank-you within 24 hours, by %s. The interview advice: thank each interviewer within a day.",
		r.N, r.Kind, iv.Address(), ends, by)
	switch ch {
	case followup.Letter:
		reason = fmt.Sprintf("Round %d (%s) with %s ends %s; %s gets a letter: write it right after, post it the same day, %s, so it arrives the next day, and by %s at the latest. The interview advice: a posted note shows extra effort; get it to them within a day.",
			r.N, r.Kind, iv.Address(), ends, iv.Address(), end.Format("Jan 2"), by)
	case followup.Phone:
		reason = fmt.Sprintf("Round %d (%s) with %s ends %s; call to thank them within 24 hours, by %s. The interview advice: thank each interviewer within a day.",
			r.N, r.Kind, iv.Address(), ends, by)
	}
	p.actions = append(p.actions, followup.Action{
		ID:          id,
		Kind:        followup.ThankYou,
		App:         p.app,
		Round:       r,
		Interviewer: iv,
		To:          &iv.Person,
		Channel:     ch,
		Due:         due,
		Start:       end,
		Day:         followup.DateOf(due),
		Overdue:     due.Before(p.now),
		Reason:      reason,
	})
}
