package schedule

import (
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

// TestRecordsAheadOfNowHaveNotHappened: a file holding the schema's whole
// history (check-in Dec 5, reply Dec 6 with Dec 12, rejection Dec 12,
// feedback note Dec 13) answers what was due at each moment of it.
func TestRecordsAheadOfNowHaveNotHappened(t *testing.T) {
	app, errs := content.Parse("content/acme.md", "acme", []byte(`---
company: Acme Architecture
role: Junior Designer
applied: 2026-11-02
tz: America/New_York
contact:
  name: Jane Schmoe
  title: Ms.
rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-20
      - name: Robert Lee
        thanked: 2026-11-21
        by: letter
log:
  - on: 2026-12-05
    sent: check-in
  - on: 2026-12-06
    heard: Still deciding, expect news next Friday
    next: 2026-12-12
  - on: 2026-12-12
    outcome: rejected
  - on: 2026-12-13
    sent: after-rejection
---
`), "UTC")
	if errs != nil {
		t.Fatal(errs)
	}
	for _, tc := range []struct{ now, want string }{
		{"2026-11-20T16:00:00-05:00", "acme/thank-you/r1/robert-lee 2026-11-21T15:00:00-05:00"}, // Lee's note is dated tomorrow
		{"2026-11-23T09:00:00-05:00", "acme/check-in/1 2026-12-07T00:00:00-05:00"},              // Dec 5 is a Saturday
		{"2026-12-07T09:00:00-05:00", "acme/check-in/2 2026-12-14T00:00:00-05:00"},              // the reply restarted the cycle: Dec 13 is a Sunday
		{"2026-12-12T09:00:00-05:00", "acme/after-rejection/1 2026-12-13T00:00:00-05:00"},
		{"2026-12-14T09:00:00-05:00", ""},
	} {
		now, _ := time.Parse(time.RFC3339, tc.now)
		got := ""
		for _, a := range Plan([]*followup.Application{app}, followup.DefaultPolicy(), now).Actions {
			got += a.ID + " " + a.Due.Format(time.RFC3339)
		}
		if got != tc.want {
			t.Errorf("at %s: %q, want %q", tc.now, got, tc.want)
		}
	}
}
