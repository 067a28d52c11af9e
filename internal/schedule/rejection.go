package schedule

import (
	"fmt"

	"github.com/followup-tool/followup/internal/followup"
)

// rejection proposes a note the day after a rejection that thanks them for
// letting you know and asks how to improve.
//
// [B] ("After a Rejection ... You should send another thank you
// note"), [C] ("(a) thank you for letting me know (b) ask how you can
// improve for future interviews") and [D] ("ask the hiring contact for
// feedback"). It does not move off weekends: docs/rules.md moves only check-ins
// and nudges.
func (p *planner) rejection() {
	i := p.lastOutcome()
	if i < 0 || p.app.Log[i].Outcome != followup.Rejected || p.sentAfter(followup.AfterRejection, i) {
		return
	}
	n := 0
	for _, e := range p.app.Log[:i+1] {
		if e.Outcome == followup.Rejected {
			n++
		}
	}
	on := p.app.Log[i].On
	due := on.AddDays(1)
	to, ch := p.recipient()
	p.dayAction(followup.AfterRejection, n, due, to, ch,
		fmt.Sprintf("They said no on %s; the next day, %s, thank them for letting you know and ask how you could improve; the interview advice: a thank-you after a rejection keeps the door open.", day(on), day(due)))
}
