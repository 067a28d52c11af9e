package calendar

import (
	"io"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// BenchmarkWriteFeed writes the feed of one application: three thank-yous,
// an interview to come, with drafts.
func BenchmarkWriteFeed(b *testing.B) {
	app, errs := content.Parse("content/acme.md", "acme", []byte(`---
company: Acme Architecture
role: Junior Designer
tz: America/New_York
contact:
  name: Jane Schmoe
  title: Ms.
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
      - name: Robert Lee
        by: letter
      - name: Ana Núñez
  - at: 2026-12-02 10:00
    where: 100 Main St, Boston
---
`), "UTC")
	if errs != nil {
		b.Fatal(errs)
	}
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, app.Loc)
	plan := schedule.Plan([]*followup.Application{app}, followup.DefaultPolicy(), now)
	opt := Options{Name: "Search", Domain: "sam.example", BaseURL: "https://sam.example/jobs/", Stamp: now, Zone: "America/New_York"}
	draft := func(a *followup.Action) (string, string, error) {
		return "Thank you", "Dear " + a.To.Address() + ",\n\nThank you.", nil
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, opt, plan.Actions, plan.Interviews, draft); err != nil {
			b.Fatal(err)
		}
	}
}
