package schedule

import (
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// Product rules after applying (afterapplying.go): one check-in
// after_applying (14 days) after applying when nothing was heard, and
// quiet after quiet_after (45 days) with still no round and no reply.
func TestAfterApplying(t *testing.T) {
	applied := func(rest string) []file { return []file{acme("applied: 2026-11-02\n" + rest)} }
	stage := func(s followup.Stage) map[string]followup.Stage { return map[string]followup.Stage{"acme": s} }
	off := func(p *followup.Policy) { p.AfterApplying = followup.Span{} }
	quietOff := func(p *followup.Policy) { p.QuietAfter = followup.Span{} }
	runCases(t, []planCase{
		{
			// The case: 17 days with nothing, and no action ever.
			name:  "17 days silent since applying: the after-applying check-in is overdue",
			files: applied(""),
			now:   "2026-11-19T09:00:00-05:00",
			want: []act{
				{id: "acme/after-applying/1", kind: "after-applying", due: "2026-11-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe", overdue: true,
					reason: []string{"Nov 2", "14 days", "Nov 16", "product rule"}, notReason: []string{"seed"}},
			},
			stage: stage(followup.StageApplied),
		},
		{
			name:  "13 days after applying the check-in is listed ahead",
			files: applied(""),
			now:   "2026-11-15T09:00:00-05:00",
			want: []act{
				{id: "acme/after-applying/1", kind: "after-applying", due: "2026-11-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name:  "applied on a Sunday: the check-in 14 days later moves to Monday",
			files: []file{acme("applied: 2026-11-01\n")},
			now:   "2026-11-10T09:00:00-05:00",
			want: []act{
				{id: "acme/after-applying/1", kind: "after-applying", due: "2026-11-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe",
					reason: []string{"Nov 15 is a Sunday, so Monday Nov 16"}},
			},
		},
		{
			name:  "no contact: the check-in stays and says to find someone to write to",
			files: []file{{"solo", "company: Solo\nrole: Designer\napplied: 2026-11-02\n"}},
			now:   "2026-11-19T09:00:00-05:00",
			want: []act{
				{id: "solo/after-applying/1", kind: "after-applying", due: "2026-11-16T00:00:00-05:00", ch: "email", overdue: true,
					reason: []string{"no contact", "add them as contact:"}},
			},
		},
		{
			name: "recorded with sent: after-applying: nothing more until quiet",
			files: applied(`log:
  - on: 2026-11-16
    sent: after-applying
`),
			now:   "2026-12-01T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageApplied),
		},
		{
			name: "a reply ends it",
			files: applied(`log:
  - on: 2026-11-10
    heard: We are reviewing applications
`),
			now:   "2026-11-19T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageApplied),
		},
		{
			name: "a round ends it: only the round's thank-you is listed",
			files: applied(`rounds:
  - at: 2026-11-25 13:00
    kind: phone
    interviewers:
      - name: Robert Lee
`),
			now: "2026-11-19T09:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/robert-lee", kind: "thank-you", due: "2026-11-26T14:00:00-05:00", ch: "email", to: "Robert Lee"},
			},
			stage: stage(followup.StageInterviewing),
		},
		{
			name: "an outcome ends it",
			files: applied(`log:
  - on: 2026-11-10
    outcome: rejected
  - on: 2026-11-11
    sent: after-rejection
`),
			now:   "2026-11-19T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageRejected),
		},
		{
			name:  "44 days after applying it is still overdue",
			files: applied(""),
			now:   "2026-12-16T09:00:00-05:00",
			want: []act{
				{id: "acme/after-applying/1", kind: "after-applying", due: "2026-11-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe", overdue: true},
			},
			stage: stage(followup.StageApplied),
		},
		{
			// A dead application must not stay overdue forever.
			name:  "45 days after applying with no round and no reply: quiet, and off the agenda",
			files: applied(""),
			now:   "2026-12-17T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageQuiet),
		},
		{
			name: "quiet after 45 days even when the check-in was sent",
			files: applied(`log:
  - on: 2026-11-16
    sent: after-applying
`),
			now:   "2027-01-05T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageQuiet),
		},
		{
			name:   `after_applying "off": no check-in, still quiet after 45 days`,
			files:  applied(""),
			policy: off,
			now:    "2026-11-19T09:00:00-05:00",
			want:   nil,
			stage:  stage(followup.StageApplied),
		},
		{
			name:   `quiet_after "off": the check-in stays overdue`,
			files:  applied(""),
			policy: quietOff,
			now:    "2027-03-01T09:00:00-05:00",
			want: []act{
				{id: "acme/after-applying/1", kind: "after-applying", due: "2026-11-16T00:00:00-05:00", ch: "email", to: "Jane Schmoe", overdue: true},
			},
			stage: stage(followup.StageApplied),
		},
		{
			name:  "no applied date: nothing to count from",
			files: []file{acme("")},
			now:   "2027-03-01T09:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageApplied),
		},
	})
}
