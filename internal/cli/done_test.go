package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// Run with no id at a terminal, done offers the overdue actions and
// today's, and takes the numbers typed.
func TestPick(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, ny)
	app := &followup.Application{Slug: "acme", Loc: ny}
	day := func(d int) followup.Action {
		due := time.Date(2026, 12, d, 0, 0, 0, 0, ny)
		return followup.Action{ID: "acme/check-in/" + string(rune('0'+d%10)), Kind: followup.CheckIn, App: app, Due: due, Start: due, Day: followup.DateOf(due), AllDay: true}
	}
	actions := []followup.Action{day(5), day(7), day(9)} // overdue, today, later
	cases := []struct {
		in      string
		want    []string
		wantErr string
	}{
		{"2\n", []string{"acme/check-in/7"}, ""},
		{"1 2\n", []string{"acme/check-in/5", "acme/check-in/7"}, ""},
		{"1,2\n", []string{"acme/check-in/5", "acme/check-in/7"}, ""},
		{"\n", nil, ""},
		{"", nil, ""},
		{"3\n", nil, `"3" is not one of the numbers 1 to 2`},
		{"x\n", nil, `"x" is not one of the numbers 1 to 2`},
	}
	for _, c := range cases {
		var out bytes.Buffer
		got, err := pick(strings.NewReader(c.in), &out, actions, now)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%q: err %v, want %q", c.in, err, c.wantErr)
			}
			continue
		}
		if err != nil || strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: got %v, %v; want %v", c.in, got, err, c.want)
		}
		if strings.Contains(out.String(), "check-in/9") {
			t.Errorf("a later action was offered:\n%s", out.String())
		}
	}
}
