package schedule

import (
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// skipped: <id> closes that action and only that one (docs/reference.md): a
// thank-you to someone never met, a withdrawal to an employer who never
// answered.
func TestSkipped(t *testing.T) {
	panel := `rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-20
      - name: Rosa Diaz
`
	stage := func(s followup.Stage) map[string]followup.Stage { return map[string]followup.Stage{"acme": s} }
	closed := func(c bool) map[string]bool { return map[string]bool{"acme": c} }
	runCases(t, []planCase{
		{
			name:  "an unsent thank-you is due, and holds back the check-in",
			files: []file{acme(panel)},
			now:   "2026-12-07T12:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/rosa-diaz", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Rosa Diaz", overdue: true},
			},
		},
		{
			name: "a skipped thank-you is closed and the check-in follows the promise",
			files: []file{acme(panel + `log:
  - on: 2026-11-22
    skipped: acme/thank-you/r1/rosa-diaz
    note: never met her; she was out sick
`)},
			now: "2026-12-07T12:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-12-07T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name: "skipping another application's id closes nothing here",
			files: []file{acme(panel + `log:
  - on: 2026-11-22
    skipped: harbor/thank-you/r1/rosa-diaz
`)},
			now: "2026-12-07T12:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/rosa-diaz", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Rosa Diaz", overdue: true},
			},
		},
		{
			name: "a skipped withdrawal closes a withdrawn application",
			files: []file{acme(`log:
  - on: 2026-12-10
    outcome: withdrawn
  - on: 2026-12-10
    skipped: acme/withdrawal/1
    note: they never answered a single email
`)},
			now:   "2026-12-11T12:00:00-05:00",
			want:  nil,
			stage: stage(followup.StageWithdrawn), closed: closed(true),
		},
		{
			name: "a skip dated after now has not happened yet",
			files: []file{acme(`log:
  - on: 2026-12-10
    outcome: withdrawn
  - on: 2026-12-12
    skipped: acme/withdrawal/1
`)},
			now: "2026-12-10T12:00:00-05:00",
			want: []act{
				{id: "acme/withdrawal/1", kind: "withdrawal", due: "2026-12-10T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
			stage: stage(followup.StageWithdrawn), closed: closed(false),
		},
	})
}
