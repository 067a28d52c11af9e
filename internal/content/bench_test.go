package content

import "testing"

var benchFile = []byte(`---
company: Acme Architecture
role: Junior Designer
posting: https://acme.example/jobs/42
location: Boston, MA
applied: 2026-11-02
tz: America/New_York
contact:
  name: Jane Schmoe
  title: Ms.
  email: jane.schmoe@acme.example
  phone: "+1 617 555 0100"
rounds:
  - at: 2026-11-20 14:00
    length: 1h
    kind: onsite
    where: 100 Main St, Boston
    timeline: 2 weeks
    learned: the library project in Cambridge
    interviewers:
      - name: Jane Schmoe
        title: Ms.
        thanked: 2026-11-20
      - name: Robert Lee
        title: Dr.
        thanked: 2026-11-21
        by: letter
log:
  - on: 2026-12-05
    sent: check-in
  - on: 2026-12-06
    heard: Still deciding, expect news next Friday
    next: 2026-12-12
---
Free notes in markdown: what we talked about, questions to ask next time.
`)

// BenchmarkParse is one realistic file: split, YAML, checks.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchFile)))
	for b.Loop() {
		if _, errs := Parse("content/acme.md", "acme", benchFile, "UTC"); errs != nil {
			b.Fatal(errs)
		}
	}
}
