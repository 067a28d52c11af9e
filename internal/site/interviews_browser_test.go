package site

import (
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The index's interviews follow the viewer: their own time is added when
// their zone differs ("16:00 your time"), and an interview that is over
// leaves the list when the page is opened later.
func TestBrowserInterviewsShowTheViewersTime(t *testing.T) {
	p := load(t, fstest.MapFS{
		"followup.toml": {Data: []byte("timezone = \"America/Los_Angeles\"\n")},
		"content/acme.md": {Data: []byte(`---
company: Acme
role: Designer
tz: America/Los_Angeles
rounds:
  - at: 2026-11-21 13:00
    kind: phone
    interviewers:
      - name: Jane Schmoe
        email: jane@acme.example
---
`)},
	})
	built := mustTime(t, "2026-11-21T08:00:00-08:00")
	dir := writeSite(t, build(t, p, false, built))
	for _, c := range []struct {
		name, tz, at, yours string
		hidden              bool
	}{
		{"from New York", "America/New_York", "2026-11-21T08:00:00-08:00", ", 16:00 your time", false},
		{"in its own zone", "America/Los_Angeles", "2026-11-21T08:00:00-08:00", "", false},
		{"opened after it ended", "America/New_York", "2026-11-21T15:00:00-08:00", "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := newTab(t)
			if _, err := chromedp.Call(tb.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: c.tz}); err != nil {
				t.Fatal(err)
			}
			tb.beforeLoad(fakeClock(mustTime(t, c.at)))
			tb.open("file://" + filepath.Join(dir, "index.html"))
			got := eval[[]any](tb, `(() => { const el = document.querySelector('[data-interview]'); return [el.querySelector('[data-yours]').textContent, el.hidden]; })()`)
			if got[0] != c.yours || got[1] != c.hidden {
				t.Errorf("your time %q hidden %v, want %q %v", got[0], got[1], c.yours, c.hidden)
			}
		})
	}
}
