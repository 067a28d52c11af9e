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
		if err := Render(in, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppPage renders one application's page as a build does for
// each application once the layouts are parsed and the actions made: its
// view, its notes through goldmark, and the HTML.
func BenchmarkAppPage(b *testing.B) {
	r := prepared(b, benchInput(b))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.appPageBytes(r.apps[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// prepared is a renderer of in with the layouts loaded, as Render makes.
func prepared(tb testing.TB, in Input) *renderer {
	tb.Helper()
	l, errs := loadLayouts(in.FS, "")
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	r := &renderer{in: in, l: l, loc: siteZone(in.Config.Timezone)}
	if err := r.prepare(); err != nil {
		tb.Fatal(err)
	}
	return r
}

func benchInput(b *testing.B) Input {
	p := load(b, benchFS)
	now := mustTime(b, "2026-11-21T09:00:00-05:00")
	plan := schedule.Plan(p.Apps, p.Config.Policy, now)
	return Input{Config: p.Config, Apps: p.Apps, Plan: plan, Drafts: p.Drafts, FS: p.FS}
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
