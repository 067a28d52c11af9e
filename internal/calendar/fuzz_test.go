package calendar

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/followup-tool/followup/internal/followup"
)

// FuzzText sends arbitrary text through normalisation, escaping and
// folding into a one-event calendar (as the company, the recipient, the
// slug, the reason and the draft) and reads it back with golang-ical's
// parser: every property must come back as the value that was set, that
// value must hold the normalised text, and the bytes must be valid on the
// wire (CRLF, at most 75 octets a line, no split UTF-8, no controls).
//
//	go test ./internal/calendar -run '^$' -fuzz FuzzText -fuzztime 60s
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "plain", "a,b;c\\d\ne", "CRLF\r\nCR\rLF\n", "\x00\x01\x1b[31m\x7f\u0085\u2028\u2029",
		"😀‍👩‍💻 東京都千代田区 " + strings.Repeat("長", 40), strings.Repeat("a", 74) + "é",
		strings.Repeat(" ", 100), strings.Repeat("<", 80) + ">", "\\n\\N\\,\\;\\\\", "\xff\xfe invalid \xc3",
		"tab\tbetween", "%2C%3A%3B%5C", "\"quoted\":colon", "BEGIN:VEVENT\r\nEND:VCALENDAR",
	} {
		f.Add(s)
	}
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		app := &followup.Application{Slug: "x/" + s, Company: s, Role: s, Loc: loc, TZ: "America/New_York"}
		to := &followup.Person{Name: s, Title: s, Email: s, Phone: s}
		day := followup.Date{Year: 2026, Month: 11, Day: 2}
		a := followup.Action{ID: "x/" + s + "/check-in/1", Kind: followup.CheckIn, App: app, To: to, Channel: followup.Email,
			Day: day, Due: day.In(loc), Start: day.In(loc), AllDay: true, Reason: s}
		opt := Options{Name: s, Domain: s, BaseURL: "https://sam.example/jobs/", Stamp: now, Version: s, Zone: "America/New_York"}
		cal, err := build(opt, []followup.Action{a}, nil, func(*followup.Action) (string, string, error) { return s, s, nil })
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := cal.SerializeTo(&buf, ics.WithNewLineWindows); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		wire(t, out)
		var fast bytes.Buffer
		if err := Write(&fast, opt, []followup.Action{a}, nil, func(*followup.Action) (string, string, error) { return s, s, nil }); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fast.Bytes(), out) {
			t.Fatalf("Write differs from SerializeTo:\n%s", diff(string(out), fast.String()))
		}
		back, err := ics.ParseCalendar(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("golang-ical cannot read its output back: %v\n%q", err, out)
		}
		if len(back.Events()) != 1 || len(cal.Events()) != 1 {
			t.Fatalf("%d events back, want 1", len(back.Events()))
		}
		sameProps(t, "VCALENDAR", calProps(cal), calProps(back))
		sameProps(t, "VEVENT", cal.Events()[0].Properties, back.Events()[0].Properties)

		// The text that was set is the normalised input.
		c := clean(s)
		if !utf8.ValidString(c) || clean(c) != c {
			t.Fatalf("clean(%q) = %q: invalid or not idempotent", s, c)
		}
		for _, r := range c {
			if r != '\t' && r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
				t.Fatalf("clean(%q) keeps %U", s, r)
			}
		}
		ev := back.Events()[0]
		get := func(p ics.ComponentProperty) string {
			if v := ev.GetProperty(p); v != nil {
				return v.Value
			}
			return ""
		}
		if l := line(s); !strings.Contains(get(ics.ComponentPropertySummary), l) {
			t.Errorf("SUMMARY %q lacks %q", get(ics.ComponentPropertySummary), l)
		}
		if r := plain(strings.TrimSpace(c)); !strings.HasPrefix(get(ics.ComponentPropertyDescription), r) {
			t.Errorf("DESCRIPTION %q does not start with %q", get(ics.ComponentPropertyDescription), r)
		}
		if strings.ContainsAny(get(ics.ComponentPropertyDescription), "<>") {
			t.Errorf("DESCRIPTION %q has angle brackets", get(ics.ComponentPropertyDescription))
		}
		if body := plain(strings.TrimRight(c, "\n")); strings.TrimSpace(body) != "" && !strings.Contains(get(ics.ComponentPropertyDescription), "\n\n"+body) {
			t.Errorf("DESCRIPTION %q lacks the draft %q", get(ics.ComponentPropertyDescription), body)
		}
		if got, want := get(ics.ComponentPropertyUniqueId), aUID(&a, s); got != want {
			t.Errorf("UID %q, want %q", got, want)
		}
	})
}

func calProps(c *ics.Calendar) []ics.IANAProperty {
	var ps []ics.IANAProperty
	for _, p := range c.CalendarProperties {
		ps = append(ps, ics.IANAProperty(p))
	}
	return ps
}

// sameProps compares properties as set with properties as parsed.
func sameProps(t *testing.T, where string, set, got []ics.IANAProperty) {
	t.Helper()
	if len(set) != len(got) {
		t.Fatalf("%s: %d properties set, %d read back", where, len(set), len(got))
	}
	for i := range set {
		a, b := set[i].BaseProperty, got[i].BaseProperty
		if propKey(a) != propKey(b) || a.Value != b.Value {
			t.Errorf("%s: set %s:%q, read %s:%q", where, propKey(a), a.Value, propKey(b), b.Value)
		}
	}
}

// propKey is a property's name and parameters (golang-ical spells
// REFRESH-INTERVAL's VALUE parameter into the name when writing).
func propKey(p ics.BaseProperty) string {
	var ks []string
	for k, v := range p.ICalParameters {
		ks = append(ks, ";"+k+"="+strings.Join(v, ","))
	}
	sort.Strings(ks)
	return p.IANAToken + strings.Join(ks, "")
}

// wire checks the bytes of a feed without the test's zone bookkeeping.
func wire(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatalf("no final CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits UTF-8: %q", i+1, l)
		}
		for _, r := range l {
			if r < 0x20 && r != '\t' || r == 0x7f {
				t.Fatalf("line %d has %U: %q", i+1, r, l)
			}
		}
	}
}
