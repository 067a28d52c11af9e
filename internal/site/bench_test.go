package site

import (
	"testing"
	"testing/fstest"

	"github.com/followup-tool/followup/internal/schedule"
)

// BenchmarkRenderPage renders the site of one application: its page (with
// markdown notes and drafts), the index, the stylesheet and the script,
// layouts parsed included.
func BenchmarkRenderPage(b *testing.B) {
	in := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := renderSite(in, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppPage renders one application's page as a build does once
// the site is prepared: its view, its notes through goldmark, and the
// HTML.
func BenchmarkAppPage(b *testing.B) {
	in := benchInput(b)
	in.Feeds = feedNames(in.Config)
	s, err := New(in)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Page(s.Apps()[0]); err != nil {
			b.Fatal(err)
		}
	}
}

func benchInput(b *testing.B) Input {
	p := load(b, benchFS)
	now := mustTime(b, "2026-11-21T09:00:00-05:00")
	plan := schedule.Plan(p.Apps, p.Config.Policy, now)
	return Input{Config: p.Config, Apps: p.Apps, Plan: plan, Drafts: p.Drafts, Theme: p.Theme}
}

var benchFS = fstest.MapFS{
	"followup.toml": {Data: []byte("title = \"Search\"\ntimezone = \"America/New_York\"\n[owner]\nname = \"Sam Rivera\"\n")},
	"content/acme.md": {Data: []byte(`---
company: Acme Architecture
role: Junior Designer
applied: 2026-11-02
contact:
  name: Jane Schmoe
  title: Ms.
  email: jane@acme.example
rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    learned: the library project
    interviewers:
      - name: Jane Schmoe
        title: Ms.
      - name: Robert Lee
        title: Dr.
        by: letter
---
## Onsite

- Portfolio review: they liked the **pavilion** study.[^1]

| Question | Answer |
|---|---|
| Team | 14 |

[^1]: Ask about Rhino.
`)},
}
