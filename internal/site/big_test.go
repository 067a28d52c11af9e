package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestBigSearchMovesClosedApplications: above BigSearch applications the
// index keeps the open ones and closed.html lists the rest, so the page
// opened every morning stays small at thousands of applications.
func TestBigSearchMovesClosedApplications(t *testing.T) {
	fsys := fstest.MapFS{"followup.toml": {Data: []byte("timezone = \"America/New_York\"\n")}}
	for i := range BigSearch + 10 {
		outcome := ""
		if i%2 == 0 {
			outcome = "log:\n  - on: 2026-11-10\n    outcome: rejected\n  - on: 2026-11-11\n    sent: after-rejection\n"
		}
		fsys[fmt.Sprintf("content/app-%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ncompany: Company %03d\nrole: Designer\napplied: 2026-11-01\n%s---\n", i, outcome))}
	}
	site := build(t, load(t, fsys), false, mustTime(t, "2026-11-21T09:00:00-05:00"))
	index, closed := string(site["index.html"]), string(site["closed.html"])
	if closed == "" {
		t.Fatal("no closed.html")
	}
	if !strings.Contains(index, `href="closed.html">105 closed</a>`) {
		t.Error("index does not link the closed applications")
	}
	if strings.Contains(index, "Company 000</a></td>") || !strings.Contains(index, "Company 001</a></td>") {
		t.Error("index table should hold the open applications only")
	}
	if !strings.Contains(closed, "Company 000</a></td>") || strings.Contains(closed, "Company 001</a></td>") {
		t.Error("closed.html should hold the closed applications only")
	}
	if !strings.Contains(index, "more in the table") {
		t.Error("stage lists are not cut short")
	}
}
