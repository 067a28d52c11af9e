package site

import (
	"strings"
	"testing"
)

// A built page has no recording buttons (only followup serve adds them):
// the private page shows the command to copy for each open action and
// for the application, the public page neither.
func TestRecordCommandsOnlyInPrivateBuilds(t *testing.T) {
	p := load(t, fixtureFS(t))
	now := mustTime(t, fixtureNow)
	private := build(t, p, false, now)
	page := string(private["acme/index.html"])
	for _, want := range []string{
		`<code>followup done acme/`,
		`data-record="acme/`,
		`<code>followup heard acme "what they said" --next YYYY-MM-DD</code>`,
		`<code>followup outcome acme offer|rejected|withdrawn|accepted</code>`,
		`<code>followup round acme --at "YYYY-MM-DD HH:MM" --with "Their Name"</code>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("private acme page lacks %s", want)
		}
	}
	if !strings.Contains(string(private["index.html"]), `<code>followup done `) {
		t.Error("private index: the agenda's actions show no command")
	}
	for name, b := range build(t, p, true, now) {
		s := string(b)
		for _, bad := range []string{"followup done", "followup heard", "data-record=", "data-app=", "data-followup-token"} {
			if strings.HasSuffix(name, ".html") && strings.Contains(s, bad) {
				t.Errorf("public %s contains %q", name, bad)
			}
		}
	}
	for name, b := range private {
		if strings.HasSuffix(name, ".html") && strings.Contains(string(b), "data-followup-token") {
			t.Errorf("built %s carries a server token", name)
		}
	}
}
