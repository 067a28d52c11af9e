package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/followup-tool/followup/internal/followup"
)

func TestSafeKeepsControlCharactersFromTheTerminal(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain text is kept", "Acme Architecture", "Acme Architecture"},
		{"an escape sequence is neutralised", "Acme\x1b[2J\x1b]0;pwned\x07", "Acme\uFFFD[2J\uFFFD]0;pwned\uFFFD"},
		{"C1 controls too", "Acme\u009b31m", "Acme\uFFFD31m"},
		{"bidi overrides are dropped", "Acme \u202Eevil\u202C", "Acme evil"},
		{"line breaks kept, carriage returns dropped", "a\r\nb\tc", "a\nb\tc"},
		{"accents kept", "Núñez", "Núñez"},
	} {
		if got := safe(c.in); got != c.want {
			t.Errorf("%s: safe(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	if got := cell("Acme\n\tSons\x1b"); got != "Acme Sons\uFFFD" {
		t.Errorf("cell flattens lines and tabs: %q", got)
	}
	if got := field("Acme\tSons\n\x1b[31m"); strings.ContainsAny(got, "\t\n\x1b") {
		t.Errorf("piped field keeps a tab, line break or escape: %q", got)
	}
}

// Columns line up by what the terminal shows: "Núñez" written with
// combining accents (NFD) and a CJK name are as wide as they look.
func TestTableAlignsByDisplayWidth(t *testing.T) {
	var b bytes.Buffer
	table(&b, "", [][]string{
		{"Nun\u0303ez", "x"},
		{"Plain", "x"},
		{"王芳", "x"},
	})
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	for _, l := range lines {
		if w := runewidth.StringWidth(l); w != runewidth.StringWidth(lines[1]) {
			t.Errorf("%q is %d columns wide, want %d:\n%s", l, w, runewidth.StringWidth(lines[1]), b.String())
		}
	}
}

func TestDueInWords(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	la, _ := time.LoadLocation("America/Los_Angeles")
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, ny)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, ny) }
	for _, c := range []struct {
		name     string
		due      time.Time
		deadline bool
		viewer   *time.Location
		want     string
	}{
		{"a day action today", day(2026, 11, 21), false, ny, "today"},
		{"tomorrow", day(2026, 11, 22), false, ny, "tomorrow"},
		{"in 2 days", day(2026, 11, 23), false, ny, "in 2 days, Mon Nov 23"},
		{"1 day overdue", day(2026, 11, 20), false, ny, "1 day overdue"},
		{"3 days overdue", day(2026, 11, 18), false, ny, "3 days overdue"},
		{"a deadline today, in the viewer's zone", time.Date(2026, 11, 21, 16, 0, 0, 0, ny), true, la, "today 13:00"},
		{"a deadline passed this morning", time.Date(2026, 11, 21, 8, 0, 0, 0, ny), true, ny, "overdue since 08:00"},
		{"a deadline tomorrow", time.Date(2026, 11, 22, 15, 30, 0, 0, ny), true, ny, "tomorrow 15:30"},
	} {
		r := jsonAction{due: c.due, deadline: c.deadline, loc: ny}
		if got := dueWords(&r, now, c.viewer); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// An interview at 13:00 in Los Angeles seen from New York.
	iv := jsonAction{due: time.Date(2026, 11, 21, 13, 0, 0, 0, la), deadline: true, loc: la}
	if got := interviewWhen(&iv, now, ny); got != "today 13:00 PST, 16:00 your time" {
		t.Errorf("interview: %q", got)
	}
	if got := interviewWhen(&iv, now, la); got != "today 13:00 PST" {
		t.Errorf("interview in its own zone: %q", got)
	}
}

// The terminal table: interviews first, due in words, the ids, and
// "Nothing due" when nothing is.
func TestPrintTable(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, ny)
	rows := []jsonAction{
		{ID: "acme/check-in/1", Kind: "check-in", Company: "Acme\x1b[2J", To: "Jane Schmoe", Title: "Ms.", Channel: "email", Bucket: "overdue",
			due: time.Date(2026, 11, 18, 0, 0, 0, 0, ny), loc: ny},
		{ID: "nunez/thank-you/r1/ana", Kind: "thank-you", Company: "Estudio Núñez", To: "Ana", Channel: "email", Bucket: "today",
			due: time.Date(2026, 11, 21, 16, 0, 0, 0, ny), deadline: true, loc: ny},
	}
	ivs := []jsonAction{{ID: "acme/interview/r2", Kind: "interview", Company: "Acme", To: "Robert Lee",
		due: time.Date(2026, 11, 21, 13, 0, 0, 0, ny), deadline: true, loc: ny}}
	var b bytes.Buffer
	printTable(&b, rows, ivs, now, ny, false)
	out := b.String()
	for _, want := range []string{"INTERVIEWS (1)", "today 13:00 EST", "with Robert Lee", "Ask about their timeline",
		"OVERDUE (1)", "3 days overdue", "Ms. Jane Schmoe", "acme/check-in/1", "TODAY (1)", "today 16:00"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "INTERVIEWS") > strings.Index(out, "OVERDUE") {
		t.Errorf("interviews are not at the top:\n%s", out)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("an escape character reached the terminal:\n%q", out)
	}
	b.Reset()
	printTable(&b, nil, nil, now, ny, false)
	if !strings.Contains(b.String(), "Nothing due") {
		t.Errorf("empty agenda: %q", b.String())
	}
}

// Messages quote content; printed, they never carry an escape sequence.
func TestErrorsReachTheTerminalWithoutControlCharacters(t *testing.T) {
	var stderr bytes.Buffer
	env := &Env{Stderr: &stderr}
	errs := followup.ErrorList{{Pos: followup.Pos{Path: "content/a.md", Line: 2, Col: 10}, Msg: "company \x1b]0;owned\x07 is odd"}}
	if code := exitCode(env, errs); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if strings.ContainsAny(stderr.String(), "\x1b\x07") {
		t.Errorf("a control character reached the terminal: %q", stderr.String())
	}
}
