package schedule

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
)

// afterApplying covers the time before any interview, which the advice
// articles leave out: they start at the interview, and most applications
// never reach one. Two product rules, each a setting (docs/reference.md):
//
//   - after_applying (default 14 days): one polite check-in of kind
//     after-applying, to the contact, when nothing has been heard since
//     applying. Only one: it is recorded with sent: after-applying and
//     nothing more is proposed until they answer. It follows the cadence
//     and weekend rules of the other check-ins ([E]: not "more than once a
//     week").
//   - quiet_after (default 45 days): an application with still no round
//     and no reply that long after applying becomes quiet and leaves the
//     agenda, as move-on does after an interview ([E]: "mentally move
//     on"), so a dead application is not overdue forever.
//
// A round, a reply or an outcome ends both; so does an acceptance
// elsewhere (the caller runs this only while following up). An
// application without an applied date has nothing to count from.
func (p *planner) afterApplying() {
	a := p.app
	if a.Applied.IsZero() || len(a.Rounds) > 0 || a.Applied.After(p.today) {
		return
	}
	for _, e := range a.Log {
		if e.Heard != "" {
			return
		}
	}
	if q := p.pol.QuietAfter; !q.IsZero() {
		if quiet := q.AfterSkipping(a.Applied, p.pol.Holidays); !p.today.Before(quiet) {
			p.stage = followup.StageQuiet
			return
		}
	}
	if p.pol.AfterApplying.IsZero() || p.count(followup.AfterApplying) > 0 {
		return
	}
	base := p.pol.AfterApplying.AfterSkipping(a.Applied, p.pol.Holidays)
	d, why := p.paced(base, followup.Date{})
	to, ch := p.recipient()
	reason := fmt.Sprintf("You applied on %s and have heard nothing since; %s later, %s, send one polite check-in%s.", day(a.Applied), p.pol.AfterApplying, day(base), why)
	if to == nil {
		// Nobody to write to: the action stays (the check-in is still
		// worth doing) but says what to do first; the draft is addressed
		// to the hiring team.
		reason += " There is no contact in the file yet: find the recruiter or hiring manager (the posting, the company's site, a mutual connection), add them as contact:, and write to them."
	}
	reason += " This is a product rule, not advice from the interview articles: after_applying in followup.toml changes or turns it off."
	p.dayAction(followup.AfterApplying, 1, d, to, ch, reason)
}
