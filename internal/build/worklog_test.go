package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorklogOnlyInAPrivateBuild: the printable work-search log names the
// employer's phone and the people contacted, so only a private build
// writes it, and a public one never does, whatever the layouts hold.
func TestWorklogOnlyInAPrivateBuild(t *testing.T) {
	withPhone := strings.Replace(acme, "applied: 2026-11-09\n", "applied: 2026-11-09\nphone: +1 207 555 0142\naddress: 12 Wharf Road\n", 1)
	dir := writeProject(t, map[string]string{
		"content/acme.md": withPhone,
		"followup.toml":   "worklog_minimum = 2\n[owner]\nname = \"Sam <b>Rivera</b>\"\n",
	})
	res, err := Build(Options{Dir: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(res.Out, worklogFile))
	if err != nil {
		t.Fatalf("private build: %v", err)
	}
	page := string(b)
	for _, want := range []string{"Sam &lt;b&gt;Rivera&lt;/b&gt;", "207 555 0142", "12 Wharf Road", "2026-11-09", "Week 46 of 2026", "fewer than 2"} {
		if !strings.Contains(page, want) {
			t.Errorf("worklog.html lacks %q", want)
		}
	}
	res, err = Build(Options{Dir: dir, Now: now, Public: true, FeedKey: "key-of-16-chars!"})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range tree(t, res.Out) {
		if name == worklogFile {
			t.Errorf("a public build wrote %s", name)
		}
		if strings.Contains(text, "207 555") || strings.Contains(text, "Wharf") {
			t.Errorf("public %s names the employer's phone or address", name)
		}
	}
}
