package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/build"
)

// --now 2027-01-25 is the start of that day in the site's zone.
func TestNowDateAloneIsTheStartOfTheDayInTheSiteZone(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "followup.toml"), []byte("timezone = \"America/Los_Angeles\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := &Env{Now: time.Now, Getenv: func(string) string { return "" }}
	for _, c := range []struct{ now, want string }{
		{"2027-01-25", "2027-01-25T00:00:00-08:00"},
		{"2027-01-25T09:00:00-05:00", "2027-01-25T09:00:00-05:00"},
	} {
		got, err := (&common{source: dir, now: c.now}).moment(env)
		if err != nil || got.Format(time.RFC3339) != c.want {
			t.Errorf("--now %s: %v %v, want %s", c.now, got, err, c.want)
		}
	}
	// A command that loads the project reads followup.toml once, and
	// plans at the same moment.
	opt, err := options(env, &common{source: dir, now: "2027-01-25"}, false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := build.Plan(opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Plan.Now.Format(time.RFC3339); got != "2027-01-25T00:00:00-08:00" {
		t.Errorf("--now 2027-01-25 planned at %s", got)
	}
	if _, err := (&common{source: dir, now: "2027-02-30"}).moment(env); err == nil {
		t.Errorf("--now 2027-02-30 accepted")
	}
	// Without a followup.toml: UTC, the default zone.
	got, _ := (&common{source: t.TempDir(), now: "2027-01-25"}).moment(env)
	if got.Format(time.RFC3339) != "2027-01-25T00:00:00Z" {
		t.Errorf("no config: %s", got.Format(time.RFC3339))
	}
}
