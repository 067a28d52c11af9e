package schedule

import (
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// The situations of the sources (docs/rules.md names them), played through the engine
// at the moments that matter.

// [A] (forum thread): an interview that went well; the interviewer
// said "You will [hear] in about two weeks"; the candidate sent no note.
// About a week and a half later the candidate asked how it was going; the
// reply ("when we did not receive a note from you ... we figured you were
// not interested") ended with the interviewer promising to "let me know in
// one week and gave a date in which I would hear by".
func TestAdviceA(t *testing.T) {
	// Thu Aug 13 2026, 10:00-11:00 EDT, "about two weeks" (Aug 27).
	interview := `company: Corporate Firm
role: Designer
tz: America/New_York
applied: 2026-08-01
rounds:
  - at: 2026-08-13 10:00
    kind: onsite
    timeline: 2 weeks
    interviewers:
      - name: Samuel Hart
        title: Mr.
`
	thankYou := act{id: "firm/thank-you/r1/samuel-hart", kind: "thank-you", due: "2026-08-14T11:00:00-04:00", ch: "email", to: "Samuel Hart",
		start: "2026-08-13T11:00:00-04:00", overdue: true}
	runCases(t, []planCase{
		{
			// The note that was never sent: due within 24 hours, overdue
			// the next day. No check-in while it is missing.
			name:  "[A]: no thank-you sent, the thank-you is overdue",
			files: []file{{"firm", interview}},
			now:   "2026-08-14T12:00:00-04:00",
			want:  []act{thankYou},
			stage: map[string]followup.Stage{"firm": followup.StageInterviewing},
		},
		{
			// Aug 24: the candidate's question; Aug 27: the reply, with a
			// date a week out (Sep 3). The check-in is the day after that
			// date, Fri Sep 4 (the gap from Aug 24 is met). It is the
			// candidate's second check-in: check-in/2. The missing
			// thank-you stays listed, overdue.
			//
			// docs/rules.md lists check-ins only once "every thank-you of its
			// latest round [is] recorded", and also says a reply "restarts
			// the cycle: the next follow-up is a check-in again ... with
			// next, the check-in is due the day after that date". Here the
			// two meet and the rules do not say which wins; [A] says
			// the conversation went on without the note and the new date is
			// what the candidate waits for, so the reply wins. Before the
			// fix in cycle.go the engine listed only the thank-you and
			// never proposed this check-in.
			name: "[A]: a reply with a new date one week out gives a check-in the day after it",
			files: []file{{"firm", interview + `log:
  - on: 2026-08-24
    sent: check-in
  - on: 2026-08-27
    heard: We figured you were not interested; will look into an internship and let you know by Sep 3
    next: 2026-09-03
`}},
			now: "2026-08-28T09:00:00-04:00",
			want: []act{
				thankYou,
				{id: "firm/check-in/2", kind: "check-in", due: "2026-09-04T00:00:00-04:00", ch: "email", to: "Samuel Hart",
					reason: []string{"Aug 27", "Sep 3", "Sep 4"}},
			},
			stage: map[string]followup.Stage{"firm": followup.StageInterviewing},
		},
		{
			// the table of docs/rules.md: a nudge appears when "a check-in went
			// unanswered"; the thank-you condition is the check-in's. The
			// candidate did check in (Aug 24); a week without answer asks
			// for the nudge, thank-you or not.
			name: "[A]: the unanswered check-in is nudged a week later",
			files: []file{{"firm", interview + `log:
  - on: 2026-08-24
    sent: check-in
`}},
			now: "2026-08-25T09:00:00-04:00",
			want: []act{
				thankYou,
				{id: "firm/nudge/1", kind: "nudge", due: "2026-08-31T00:00:00-04:00", ch: "email", to: "Samuel Hart"},
			},
		},
	})
}

// [B]: "If they said two weeks, wait two weeks before additional
// follow-up. If you did not receive any indication about their timeline
// for hiring, allow one week after your thank you note before additional
// contact."
func TestAdviceB(t *testing.T) {
	runCases(t, []planCase{
		{
			// Tue Nov 17 + 2 weeks = Tue Dec 1; check in Wed Dec 2.
			name: "[B]: they said two weeks, wait two weeks",
			files: []file{acme(`rounds:
  - at: 2026-11-17 10:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-17
`)},
			now: "2026-11-18T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-02T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"2 weeks", "Dec 2", "timeline they gave"}, notReason: []string{"seed"}},
			},
		},
		{
			// Thanked Wed Nov 18 (the day after the round): Wed Nov 25.
			name: "[B]: no timeline, one week after the thank-you",
			files: []file{acme(`rounds:
  - at: 2026-11-17 16:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-18
`)},
			now: "2026-11-18T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-25T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Nov 18", "7 days", "a week after your thank-you"}},
			},
		},
	})
}

// [D]: "A week has gone by and you haven't heard anything ... send
// another note, but to the human resources manager or main hiring
// contact"; "If you receive unfortunate news about your candidacy, ask the
// hiring contact for feedback."
func TestAdviceD(t *testing.T) {
	base := `company: Tower Group
role: Designer
tz: America/New_York
contact:
  name: Pat Morgan
  title: Mx.
rounds:
  - at: 2026-11-17 10:00
    interviewers:
      - name: Robert Lee
        title: Dr.
        thanked: 2026-11-17
      - name: Sam Park
        thanked: 2026-11-17
`
	runCases(t, []planCase{
		{
			name:  "[D]: a week later, follow up with the main hiring contact",
			files: []file{{"tower", base}},
			now:   "2026-11-18T09:00:00-05:00",
			want: []act{
				{id: "tower/check-in/1", kind: "check-in", due: "2026-11-24T00:00:00-05:00", ch: "email", to: "Pat Morgan"},
			},
		},
		{
			name: "[D]: after a rejection, ask the hiring contact for feedback",
			files: []file{{"tower", base + `log:
  - on: 2026-11-24
    sent: check-in
  - on: 2026-12-03
    outcome: rejected
`}},
			now: "2026-12-03T12:00:00-05:00",
			want: []act{
				{id: "tower/after-rejection/1", kind: "after-rejection", due: "2026-12-04T00:00:00-05:00", ch: "email", to: "Pat Morgan",
					reason: []string{"improve", "keeps the door open"}, notReason: []string{"seed"}},
			},
			stage: map[string]followup.Stage{"tower": followup.StageRejected},
		},
	})
}

// [E]: "When you don't hear back after they said you would, politely
// follow up ... If you've gone through all the steps above and still
// haven't heard anything ... be more explicit ... If you don't hear
// anything back after that, mentally move on."
func TestAdviceE(t *testing.T) {
	// They said they would decide by Tue Dec 1.
	base := acme(`rounds:
  - at: 2026-11-17 10:00
    timeline: 2026-12-01
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-17
`)
	withLog := func(log string) []file { return []file{{base.slug, base.front + log}} }
	runCases(t, []planCase{
		{
			name:  "[E]: check in the day after the date they said",
			files: []file{base},
			now:   "2026-11-30T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-02T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Dec 1", "Dec 2"}},
			},
		},
		{
			name: "[E]: a week later, the explicit nudge",
			files: withLog(`log:
  - on: 2026-12-02
    sent: check-in
`),
			now: "2026-12-03T09:00:00-05:00",
			want: []act{
				{id: "acme/nudge/1", kind: "nudge", due: "2026-12-09T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"explicitly", "their timeline"}},
			},
		},
		{
			name: "[E]: nothing after that, mentally move on",
			files: withLog(`log:
  - on: 2026-12-02
    sent: check-in
  - on: 2026-12-09
    sent: nudge
`),
			now: "2026-12-10T09:00:00-05:00",
			want: []act{
				{id: "acme/move-on/1", kind: "move-on", due: "2026-12-16T00:00:00-05:00", reason: []string{"move on", "let it go"}, notReason: []string{"seed"}},
			},
			stage: map[string]followup.Stage{"acme": followup.StageInterviewing},
		},
		{
			name: "[E]: on the move-on day the application is quiet",
			files: withLog(`log:
  - on: 2026-12-02
    sent: check-in
  - on: 2026-12-09
    sent: nudge
`),
			now:   "2026-12-16T09:00:00-05:00",
			want:  []act{{id: "acme/move-on/1", kind: "move-on", due: "2026-12-16T00:00:00-05:00"}},
			stage: map[string]followup.Stage{"acme": followup.StageQuiet},
		},
		{
			// "If they resurface in a month with an offer": the offer
			// reopens nothing to send but is the stage.
			name: "[E]: they resurface with an offer",
			files: withLog(`log:
  - on: 2026-12-02
    sent: check-in
  - on: 2026-12-09
    sent: nudge
  - on: 2027-01-15
    outcome: offer
`),
			now: "2027-01-16T09:00:00-05:00",
			// No more check-ins; the offer itself is thanked for (a
			// product rule, offer.go).
			want: []act{
				{id: "acme/offer-thanks/1", kind: "offer-thanks", due: "2027-01-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
			stage: map[string]followup.Stage{"acme": followup.StageOffer},
		},
	})
}
