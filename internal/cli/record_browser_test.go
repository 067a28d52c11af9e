package cli

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const recordFile = `---
company: Acme Architecture
role: Designer
applied: 2026-11-02
tz: America/New_York
contact:
  name: Jane Schmoe   # the recruiter
rounds:
  - at: 2026-11-20 14:00
    timeline: 2 weeks
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-20
---
Notes.
`

// TestBrowserMarkSent: in Debian's Chromium, "Mark sent" on the page that
// followup serve serves records the check-in in the file (the same splice
// as followup done), and the page reloads without the action, showing
// what was written.
func TestBrowserMarkSent(t *testing.T) {
	path := chromium(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "content", "acme.md")
	writeFile(t, filepath.Join(dir, "followup.toml"), "timezone = \"America/New_York\"\n")
	writeFile(t, file, recordFile)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.FixedZone("EST", -5*3600))
	addr, bctx := serveInBrowser(t, path, dir, func() time.Time { return now })
	// Anything the page's Content-Security-Policy blocks, and any script
	// error, shows in the console: there must be none.
	var mu sync.Mutex
	var problems []string
	if err := chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				problems = append(problems, "console: "+ev.Entry.Text)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}

	const card = `[data-record="acme/check-in/1"]`
	const btn = card + ` button[data-action="done"]`
	start := time.Now()
	if err := chromedp.Do(bctx, chromedp.Navigate("http://"+addr+"/acme/"), chromedp.WaitVisible(chromedp.CSS(btn))); err != nil {
		t.Fatal(err)
	}
	t.Logf("page ready %v after start", time.Since(start))
	clicked := time.Now()
	if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(btn))); err != nil {
		t.Fatal(err)
	}
	eval := func(js string) string {
		v, err := chromedp.Run(bctx, chromedp.Evaluate[string](js))
		if err != nil {
			return "" // the page may be reloading under us
		}
		return v
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		gone := eval(`document.readyState === 'complete' && !document.querySelector('`+card+`') ? 'gone' : ''`) == "gone"
		wrote := eval(`(document.getElementById('followup-wrote') || {textContent: ''}).textContent`)
		if gone && strings.Contains(wrote, "+    sent: check-in") {
			t.Logf("reloaded without the action %v after the click", time.Since(clicked))
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the action is still on the page or the page does not show what was written (gone %v, shown %q)", gone, wrote)
		}
		time.Sleep(50 * time.Millisecond)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(recordFile, "---\nNotes.", "log:\n  - on: 2026-12-07\n    sent: check-in\n---\nNotes.", 1)
	if string(got) != want {
		t.Fatalf("file after Mark sent:\n%s\nwant:\n%s", got, want)
	}

	// "They replied…" opens a small form; saving it records the reply.
	if err := chromedp.Do(bctx,
		chromedp.WaitVisible(chromedp.CSS(`[data-app="acme"] button[data-action="heard"]`)),
		chromedp.Click(chromedp.CSS(`[data-app="acme"] button[data-action="heard"]`)),
		chromedp.SendKeys(chromedp.CSS(`[data-app="acme"] input[name="text"]`), "Still deciding"),
		chromedp.Click(chromedp.CSS(`[data-app="acme"] .record-form button[type="submit"]`)),
	); err != nil {
		t.Fatal(err)
	}
	for {
		got, _ = os.ReadFile(file)
		if strings.Contains(string(got), "    heard: Still deciding\n") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the reply was not recorded:\n%s", got)
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("page problem: %s", p)
	}
}
