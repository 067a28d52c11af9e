package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The morning page shows that day's 13:00 phone interview, at the
// application's local time, with the reminder to ask about their
// timeline; an interview that is over is gone; a withdrawal with no
// contact never says "Nothing to send" above its draft.
func TestIndexShowsInterviewsAndNoContactWithdrawal(t *testing.T) {
	fsys := fstest.MapFS{
		"followup.toml": {Data: []byte("timezone = \"America/New_York\"\n")},
		"content/acme.md": {Data: []byte(`---
company: Acme
role: Designer
tz: America/Los_Angeles
rounds:
  - at: 2026-11-21 13:00
    kind: phone
    interviewers:
      - name: Jane Schmoe
        title: Ms.
---
`)},
		"content/solo.md": {Data: []byte(`---
company: Solo
role: Designer
applied: 2026-11-02
log:
  - on: 2026-11-21
    outcome: withdrawn
---
`)},
	}
	p := load(t, fsys)
	site := build(t, p, false, mustTime(t, "2026-11-21T09:00:00-05:00"))
	index := string(site["index.html"])
	for _, want := range []string{"Interview · phone", "Sat Nov 21, 13:00–14:00 PST", "data-status>Today<", "With <strong>Ms. Jane Schmoe</strong>", "Ask about their timeline"} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	solo := string(site["solo/index.html"])
	if strings.Contains(solo, "Nothing to send") || !strings.Contains(solo, "the hiring team") || !strings.Contains(solo, "Dear Solo hiring team,") {
		t.Errorf("withdrawal with no contact: card and draft disagree:\n%s", solo)
	}
	site = build(t, p, false, mustTime(t, "2026-11-21T17:30:00-05:00"))
	if strings.Contains(string(site["index.html"]), "Interview · phone") {
		t.Errorf("an interview that is over is still on the index")
	}
}
