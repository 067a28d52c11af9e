package calendar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

// Three independent parsers read every feed the tests write and must
// agree with the engine on every instant: Mozilla ical.js (Thunderbird's
// engine, JavaScript, from npm, pinned by testdata/icaljs/package-lock.json),
// which reads times through the feed's VTIMEZONEs; Debian's
// python3-icalendar, which reads them through pytz and ignores the
// VTIMEZONEs; and libical (C, Evolution's and many servers' library,
// through Debian's gir1.2-ical-3.0 and python3-gi), which expands the
// VTIMEZONEs with its own code. All print the same JSON
// (testdata/icaljs/parse.mjs, testdata/pyical/parse.py,
// testdata/libical/parse.py).

type parsedEvent struct {
	UID         string   `json:"uid"`
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	Location    string   `json:"location"`
	URL         string   `json:"url"`
	Start       string   `json:"start"`
	End         string   `json:"end"`
	AllDay      bool     `json:"allDay"`
	TZID        string   `json:"tzid"`
	Alarms      []string `json:"alarms"`
}

type parsedFeed struct {
	Name   string        `json:"name"`
	Events []parsedEvent `json:"events"`
	Errors []string      `json:"errors"`
}

type extParser struct {
	name  string
	ready func() error // nil when the parser can run
	cmd   func(path string) *exec.Cmd
	// reads reports whether the parser reads text like s back faithfully;
	// nil means always.
	reads func(s string) bool
}

var (
	npmOnce sync.Once
	npmErr  error
)

func icaljsDir() string { return filepath.Join("testdata", "icaljs") }

var parsers = []extParser{
	{
		name: "ical.js",
		ready: func() error {
			if _, err := exec.LookPath("node"); err != nil {
				return fmt.Errorf("node not found: %v", err)
			}
			npmOnce.Do(func() {
				if _, err := os.Stat(filepath.Join(icaljsDir(), "node_modules", "ical.js")); err == nil {
					return
				}
				if _, err := exec.LookPath("npm"); err != nil {
					npmErr = fmt.Errorf("npm not found: %v", err)
					return
				}
				cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
				cmd.Dir = icaljsDir()
				if out, err := cmd.CombinedOutput(); err != nil {
					npmErr = fmt.Errorf("npm ci in %s: %v\n%s", icaljsDir(), err, out)
				}
			})
			return npmErr
		},
		cmd: func(path string) *exec.Cmd {
			return exec.Command("node", filepath.Join(icaljsDir(), "parse.mjs"), path)
		},
	},
	{
		name: "python-icalendar",
		ready: func() error {
			// Debian's interpreter: a pyenv python3 on PATH lacks the module.
			out, err := exec.Command("/usr/bin/python3", "-c", "import icalendar").CombinedOutput()
			if err != nil {
				return fmt.Errorf("/usr/bin/python3 cannot import icalendar (apt-get install python3-icalendar): %v %s", err, out)
			}
			return nil
		},
		cmd: func(path string) *exec.Cmd {
			return exec.Command("/usr/bin/python3", filepath.Join("testdata", "pyical", "parse.py"), path)
		},
		// python-icalendar 4.0.3 (Debian 12) unescapes TEXT with a chain of
		// str.replace calls and a second pass for percent escapes
		// (parser.unescape_char, unescape_string): an escaped backslash
		// before "n" becomes a newline, two escaped backslashes become one,
		// and "%2C", "%3A", "%3B", "%5C" become , : ; \. Its text is
		// compared only where none of that can happen; its instants always.
		reads: func(s string) bool {
			return !strings.Contains(s, `\`) && !strings.Contains(s, "%2C") && !strings.Contains(s, "%3A") &&
				!strings.Contains(s, "%3B") && !strings.Contains(s, "%5C")
		},
	},
	{
		name: "libical",
		ready: func() error {
			out, err := exec.Command("/usr/bin/python3", "-c",
				`import gi; gi.require_version("ICalGLib", "3.0"); from gi.repository import ICalGLib`).CombinedOutput()
			if err != nil {
				return fmt.Errorf("/usr/bin/python3 cannot load libical's ICalGLib (apt-get install gir1.2-ical-3.0 python3-gi): %v %s", err, out)
			}
			return nil
		},
		cmd: func(path string) *exec.Cmd {
			return exec.Command("/usr/bin/python3", filepath.Join("testdata", "libical", "parse.py"), path)
		},
	},
}

// runParser parses the feed at path with p, skipping (or failing in CI)
// when p is not installed.
func runParser(t *testing.T, p extParser, path string) parsedFeed {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the parser suite runs without it")
	}
	if err := p.ready(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI: %v", p.name, err)
		}
		t.Skipf("%s not available: %v", p.name, err)
	}
	cmd := p.cmd(path)
	cmd.Env = append(os.Environ(), "TZ=UTC", "PYTHONIOENCODING=utf-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s on %s: %v\n%s", p.name, path, err, stderr.String())
	}
	var f parsedFeed
	if err := json.Unmarshal(out, &f); err != nil {
		t.Fatalf("%s on %s: bad JSON %v: %s", p.name, path, err, out)
	}
	return f
}

// want is what the engine computed for one event.
type want struct {
	Start, End string // UTC instant or date, as the parsers print them
	AllDay     bool
}

func instant(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// checkParsers runs both parsers on the feed at path and checks that each
// finds exactly the events of wants, at the instants the engine computed,
// with the text golang-ical's own parser reads back.
func checkParsers(t *testing.T, path string, wants map[string]want) {
	t.Helper()
	own := ownParse(t, path)
	for _, p := range parsers {
		t.Run(p.name, func(t *testing.T) {
			f := runParser(t, p, path)
			if len(f.Errors) > 0 {
				t.Errorf("%s reports errors: %q", p.name, f.Errors)
			}
			if len(f.Events) != len(wants) {
				t.Errorf("%s finds %d events, want %d", p.name, len(f.Events), len(wants))
			}
			seen := map[string]bool{}
			for _, ev := range f.Events {
				if seen[ev.UID] {
					t.Errorf("%s: UID %s twice", p.name, ev.UID)
				}
				seen[ev.UID] = true
				w, ok := wants[ev.UID]
				if !ok {
					t.Errorf("%s: unexpected event %s", p.name, ev.UID)
					continue
				}
				if ev.Start != w.Start || ev.End != w.End || ev.AllDay != w.AllDay {
					t.Errorf("%s: %s is %s..%s (all-day %v), engine says %s..%s (all-day %v)",
						p.name, ev.UID, ev.Start, ev.End, ev.AllDay, w.Start, w.End, w.AllDay)
				}
				o := own[ev.UID]
				for _, c := range [][3]string{
					{"SUMMARY", ev.Summary, o.Summary},
					{"DESCRIPTION", ev.Description, o.Description},
					{"LOCATION", ev.Location, o.Location},
					{"URL", ev.URL, o.URL},
				} {
					if p.reads != nil && !p.reads(c[2]) {
						continue
					}
					if c[1] != c[2] {
						t.Errorf("%s: %s %s = %q, golang-ical reads %q", p.name, ev.UID, c[0], c[1], c[2])
					}
				}
			}
		})
	}
}

// ownParse reads a feed back with golang-ical's parser.
func ownParse(t *testing.T, path string) map[string]parsedEvent {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("golang-ical cannot read %s: %v", path, err)
	}
	out := map[string]parsedEvent{}
	get := func(ev *ics.VEvent, p ics.ComponentProperty) string {
		if v := ev.GetProperty(p); v != nil {
			return v.Value
		}
		return ""
	}
	for _, ev := range cal.Events() {
		uid := get(ev, ics.ComponentPropertyUniqueId)
		out[uid] = parsedEvent{UID: uid, Summary: get(ev, ics.ComponentPropertySummary),
			Description: get(ev, ics.ComponentPropertyDescription), Location: get(ev, ics.ComponentPropertyLocation),
			URL: get(ev, ics.ComponentPropertyUrl)}
	}
	return out
}

// checkWire checks the bytes themselves: CRLF on every line, no line over
// 75 octets, no fold inside a UTF-8 sequence, no control characters but
// TAB, VTIMEZONEs before the first event and one for every TZID used.
func checkWire(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Errorf("feed does not end in CRLF")
	}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Errorf("feed starts with a BOM")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	var tzids, used []string
	firstEvent, lastTZ := -1, -1
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) { // a fold inside a multi-byte character breaks both halves
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		for _, r := range l {
			if r < 0x20 && r != '\t' || r == 0x7f {
				t.Errorf("line %d has control character %U", i+1, r)
			}
		}
		switch {
		case l == "BEGIN:VEVENT" && firstEvent < 0:
			firstEvent = i
		case l == "BEGIN:VTIMEZONE":
			lastTZ = i
		case strings.HasPrefix(l, "TZID:"):
			tzids = append(tzids, strings.TrimPrefix(l, "TZID:"))
		}
		if _, rest, ok := strings.Cut(l, ";TZID="); ok {
			id, _, _ := strings.Cut(rest, ":")
			used = append(used, id)
		}
	}
	if firstEvent >= 0 && lastTZ > firstEvent {
		t.Errorf("a VTIMEZONE (line %d) comes after the first event (line %d)", lastTZ+1, firstEvent+1)
	}
	if len(tzids) == 0 {
		t.Errorf("no VTIMEZONE")
	}
	sort.Strings(tzids)
	for _, id := range used {
		if i := sort.SearchStrings(tzids, id); i == len(tzids) || tzids[i] != id {
			t.Errorf("TZID=%s has no VTIMEZONE (have %v)", id, tzids)
		}
	}
}
