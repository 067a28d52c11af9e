package site

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/followup-tool/followup/internal/schedule"
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

// TestBigIndexTableIsSplicedExactly: a big index page is executed with a
// mark in its table's place and the table put there afterwards. The page
// must be what executing it with the table gives, with the default
// layout and with overrides that show the table twice or not at all.
func TestBigIndexTableIsSplicedExactly(t *testing.T) {
	def, err := os.ReadFile("../../layouts/index.html")
	if err != nil {
		t.Fatal(err)
	}
	for name, layout := range map[string]string{
		"default": "",
		"twice":   strings.Replace(string(def), "{{.Table}}", "{{.Table}}<hr>{{.Table}}", 1),
		"none":    strings.Replace(string(def), "{{.Table}}", "", 1),
	} {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{"followup.toml": {Data: []byte("timezone = \"America/New_York\"\n")}}
			if layout != "" {
				fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(layout)}
			}
			for i := range 600 {
				fsys[fmt.Sprintf("content/app-%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
					"---\ncompany: Company %03d <&>\nrole: Designer\napplied: 2026-11-01\n---\n", i))}
			}
			p := load(t, fsys)
			in := Input{Config: p.Config, Apps: p.Apps, Plan: schedule.Plan(p.Apps, p.Config.Policy, mustTime(t, "2026-11-21T09:00:00-05:00")), Drafts: p.Drafts, FS: p.FS}
			r := prepared(t, in)
			idx := r.indexPage()
			if err := r.fragments(idx, "index.html"); err != nil {
				t.Fatal(err)
			}
			if len(idx.Table) <= 64<<10 {
				t.Fatalf("the table is %d bytes: too small to be spliced", len(idx.Table))
			}
			got, err := r.execute(r.l.index, "index.html", idx)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := r.l.index.ExecuteTemplate(&want, "base.html", idx); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("spliced page (%d bytes) differs from the executed one (%d bytes)", len(got), want.Len())
			}
			if n := strings.Count(string(got), string(idx.Table)); n != map[string]int{"default": 1, "twice": 2, "none": 0}[name] {
				t.Errorf("the page shows the table %d times", n)
			}
		})
	}
}
