package calendar

import (
	ics "github.com/arran4/golang-ical"

	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

var update = flag.Bool("update", false, "rewrite testdata/*.ics from the current output")

// writeFeed writes a feed for apps and returns its bytes and the plan.
func writeFeed(t *testing.T, apps []*followup.Application, opt Options) ([]byte, *schedule.Result) {
	t.Helper()
	res := schedule.Plan(apps, followup.DefaultPolicy(), opt.Stamp)
	var df DraftFunc
	if !opt.Public {
		df = drafts(t, res)
	}
	var buf bytes.Buffer
	if err := Write(&buf, opt, res.Actions, res.Interviews, df); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res
}

// saveFeed writes b under the test's temporary directory for the parsers.
func saveFeed(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func allFixtures() []string {
	var all []string
	for _, z := range []string{"new_york", "los_angeles", "berlin"} {
		all = append(all, fixtures[z]...)
	}
	return all
}

func TestGolden(t *testing.T) {
	public := baseOptions("America/New_York")
	public.Public = true
	noLinks := baseOptions("UTC")
	noLinks.BaseURL, noLinks.Domain, noLinks.Name, noLinks.Version = "", "", "", ""
	for _, tc := range []struct {
		name  string
		files []string
		opt   Options
		// events is how many events the feed must have, as a guard
		// against a fixture that quietly stops producing any.
		events int
	}{
		{"new_york", fixtures["new_york"], baseOptions("America/New_York"), 7},
		{"los_angeles", fixtures["los_angeles"], baseOptions("America/Los_Angeles"), 8},
		{"berlin", fixtures["berlin"], baseOptions("Europe/Berlin"), 7},
		{"all", allFixtures(), baseOptions("America/New_York"), 22},
		{"public", allFixtures(), public, 22},
		{"no_links", fixtures["berlin"], noLinks, 7},
		{"empty", nil, baseOptions("Europe/Berlin"), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, res := writeFeed(t, load(t, tc.files...), tc.opt)
			golden := filepath.Join("testdata", tc.name+".ics")
			if *update {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			g, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b, g) {
				t.Errorf("output differs from %s (run go test -update if the change is intended):\n%s", golden, diff(string(g), string(b)))
			}
			checkWire(t, b)
			w := wants(tc.opt, res)
			if len(w) != tc.events {
				t.Errorf("fixture gives %d events, want %d", len(w), tc.events)
			}
			if got := bytes.Count(b, []byte("BEGIN:VEVENT\r\n")); got != len(w) {
				t.Errorf("feed has %d events, engine %d", got, len(w))
			}
			checkParsers(t, saveFeed(t, tc.name+".ics", b), w)
		})
	}
}

// nextYear is an application with an interview next year: its feed has
// a VTIMEZONE of New York from next year, the others' from this year.
const nextYear = `---
company: Next Year
role: Planner
applied: 2026-10-01
tz: America/New_York
rounds:
  - at: 2027-01-12 10:00
    interviewers:
      - name: Jo March
---
`

// TestWriteIsSerializeTo holds Write, which serialises the parts feeds
// share once, to the bytes golang-ical writes for the whole calendar:
// the whole search's feed and each application's, under options that
// change each shared part, written twice so the second comes from the
// caches, and in an order where feeds with other names come in between.
func TestWriteIsSerializeTo(t *testing.T) {
	var opts []Options
	for _, z := range []string{"America/New_York", "Europe/Berlin", "UTC", "", "Etc/GMT+5", "Asia/Kathmandu"} {
		o := baseOptions(z)
		opts = append(opts, o)
		o.Public, o.Version, o.Name = true, "1.2//3", "Ünïcode, search; with \\ and a name long enough to be folded over two lines"
		opts = append(opts, o)
	}
	// An interview next year: its application's feed has that year's
	// VTIMEZONE, the whole search's both years', the others this year's.
	apps := load(t, append(allFixtures(), nextYear)...)
	spans := map[string]bool{} // the VTIMEZONEs seen
	defer func() {
		// (The rule's first onsets are in the year before the events:
		// 2025 for this year's and both years', 2026 for next year's.)
		if len(spans) < 2 {
			t.Errorf("the feeds have %d different VTIMEZONEs of New York, want 2 (from this year, from next)", len(spans))
		}
	}()
	for round := range 2 {
		for _, opt := range opts {
			res := schedule.Plan(apps, followup.DefaultPolicy(), opt.Stamp)
			var df DraftFunc
			if !opt.Public {
				df = drafts(t, res)
			}
			feeds := append([]appEvents{{res.Actions, res.Interviews}}, perApp(res, apps)...)
			for i, f := range feeds {
				o := opt
				if i > 0 {
					o.Name += ": " + apps[i-1].Company
				}
				acts, ivs := f.acts, f.ivs
				cal, err := build(o, acts, ivs, df)
				if err != nil {
					t.Fatal(err)
				}
				var want, got bytes.Buffer
				if err := cal.SerializeTo(&want, ics.WithNewLineWindows); err != nil {
					t.Fatal(err)
				}
				if err := Write(&got, o, acts, ivs, df); err != nil {
					t.Fatal(err)
				}
				if _, z, ok := bytes.Cut(want.Bytes(), []byte("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n")); ok {
					z, _, _ = bytes.Cut(z, []byte("END:VTIMEZONE"))
					spans[string(z)] = true
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("round %d, zone %q, feed %d: Write differs from SerializeTo:\n%s", round, o.Zone, i, diff(want.String(), got.String()))
				}
			}
		}
	}
}

// appEvents are one application's actions and interviews.
type appEvents struct {
	acts []followup.Action
	ivs  []followup.Interview
}

// perApp splits a plan's actions and interviews by application.
func perApp(res *schedule.Result, apps []*followup.Application) []appEvents {
	var out []appEvents
	for _, a := range apps {
		var e appEvents
		for _, x := range res.Actions {
			if x.App == a {
				e.acts = append(e.acts, x)
			}
		}
		for _, x := range res.Interviews {
			if x.App == a {
				e.ivs = append(e.ivs, x)
			}
		}
		out = append(out, e)
	}
	return out
}

// TestJoinIsMake: the whole search's feed joined from its applications'
// feeds is byte for byte the feed made from all their events at once,
// under options that change each part of a feed, whether the
// applications' feeds are whole or reduced to their events; and two
// feeds with one event are refused as one feed with it twice is.
func TestJoinIsMake(t *testing.T) {
	// Next year's interview comes first: the other applications' feeds
	// widen New York's VTIMEZONE to this year.
	apps := load(t, append([]string{nextYear}, allFixtures()...)...)
	for _, z := range []string{"America/New_York", "Europe/Berlin", "UTC", "", "Asia/Kathmandu"} {
		for _, public := range []bool{false, true} {
			opt := baseOptions(z)
			opt.Public = public
			res := schedule.Plan(apps, followup.DefaultPolicy(), opt.Stamp)
			var df DraftFunc
			if !public {
				df = drafts(t, res)
			}
			want, err := Make(opt, res.Actions, res.Interviews, df)
			if err != nil {
				t.Fatal(err)
			}
			var whole, events []*Feed
			for i, e := range perApp(res, apps) {
				o := opt
				o.Name += ": " + apps[i].Company
				f, err := Make(o, e.acts, e.ivs, df)
				if err != nil {
					t.Fatal(err)
				}
				whole, events = append(whole, f), append(events, f.Events())
			}
			for name, feeds := range map[string][]*Feed{"whole": whole, "events": events} {
				got, err := Join(opt, feeds)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("zone %q, public %v, %s feeds: Join differs from Make:\n%s", z, public, name, diff(string(want.Bytes()), string(got.Bytes())))
				}
			}
			if _, err := Join(opt, append(events, events[len(events)-1])); err == nil || !strings.Contains(err.Error(), "two events") {
				t.Errorf("a feed joined twice: err = %v", err)
			}
		}
	}
}

// diff shows the first differing lines of two feeds.
func diff(a, b string) string {
	al, bl := strings.Split(a, "\r\n"), strings.Split(b, "\r\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
			if len(out) > 20 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// TestFeedProperties checks the calendar properties clients rely on
// (notes/calendar.md §5) and what the events say.
func TestFeedProperties(t *testing.T) {
	b, _ := writeFeed(t, load(t, fixtures["new_york"]...), baseOptions("America/New_York"))
	s := unfold(string(b))
	for _, l := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//followup//followup 0.1.0//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
		"\r\nX-WR-CALNAME:Job search\r\n", "\r\nNAME:Job search\r\n", "\r\nX-WR-TIMEZONE:America/New_York\r\n",
		"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n", "\r\nX-PUBLISHED-TTL:PT12H\r\n",
		"\r\nDTSTAMP:20261022T120000Z\r\n",
		// New York's rule, as calendar servers write it, in force from
		// the year before the events.
		"\r\nBEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\nDTSTART:20250309T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n" +
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZNAME:EDT\r\nEND:DAYLIGHT\r\n" +
			"BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n" +
			"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZNAME:EST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
		// Local time with TZID on both sides of the change.
		"\r\nDTSTART;TZID=America/New_York:20261030T140000\r\nDTEND;TZID=America/New_York:20261030T150000\r\n",
		"\r\nDTSTART;TZID=America/New_York:20261102T100000\r\nDTEND;TZID=America/New_York:20261102T113000\r\n",
		// Thank-you: from the round's end, a 30-minute block.
		"\r\nDTSTART;TZID=America/New_York:20261102T113000\r\nDTEND;TZID=America/New_York:20261102T120000\r\nSUMMARY:Thank-you note to Ana Núñez — Acme Architecture\r\n",
		"\r\nSUMMARY:Thank-you letter to Dr. Lee — Acme Architecture\r\n",
		"\r\nSUMMARY:Thank-you note to Ms. Schmoe — Acme Architecture\r\n",
		"\r\nSUMMARY:Interview: Acme Architecture (onsite)\r\nLOCATION:100 Main St\\, Boston\\; 3rd floor\r\n",
		"\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n",
		"ask about their timeline", "Ask about their timeline: when do they expect to decide\\, and when should you hear back?",
		"\r\nURL:https://sam.example/jobs/acme-architecture/\r\n",
		// UIDs: the round by its day, the interviewer by name or a hash
		// of the email address.
		"\r\nUID:acme-architecture/thank-you/20261102/robert-lee@sam.example\r\n",
		"\r\nUID:acme-architecture/interview/20261102@sam.example\r\n",
		"\r\nUID:hooli/withdrawal/1@sam.example\r\n",
		// Withdrawal: all-day on its day.
		"\r\nDTSTART;VALUE=DATE:20261020\r\nDTEND;VALUE=DATE:20261021\r\nSUMMARY:Withdraw from Hooli: tell Gavin Belson\r\n",
		"Dear Dr. Lee\\,", "With: Dr. Robert Lee\\; Ana Núñez (ana.nunez@acme.example)\\, phone +1 617 555 0199",
	} {
		if !strings.Contains(s, l) {
			t.Errorf("feed lacks %q", l)
		}
	}
	for _, bad := range []string{"ATTENDEE", "ORGANIZER", "CN=", "T140000Z", "<", ">"} {
		if strings.Contains(s, bad) {
			t.Errorf("feed has %q", bad)
		}
	}
}

func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestSummaries(t *testing.T) {
	b, _ := writeFeed(t, load(t, allFixtures()...), baseOptions("UTC"))
	var got []string
	for _, l := range strings.Split(unfold(string(b)), "\r\n") {
		if strings.HasPrefix(l, "SUMMARY:") {
			got = append(got, strings.TrimPrefix(l, "SUMMARY:"))
		}
	}
	sort.Strings(got)
	wantAll := []string{
		"Check in with Mr. Lumbergh — Initrode", // not due: a nudge is
		"Follow up again with Mr. Lumbergh — Initrode",
		"Interview: Acme Architecture (onsite)",
		"Interview: Acme Architecture (video)",
		"Interview: Kraftwerk GmbH (onsite)",
		"Interview: Kraftwerk GmbH (video)",
		"Interview: Umbrella Corp (onsite)",
		"Interview: Umbrella Corp (phone)",
		"Move on from Pied Piper",
		"Thank Mr. Gropius and ask for feedback — Bauhaus Studio",
		"Thank-you call to Dr. Wesker — Umbrella Corp",
		"Thank-you letter to Dr. Lee — Acme Architecture",
		"Thank-you note to Ana Núñez — Acme Architecture",
		"Thank-you note to Dr. Müller — Kraftwerk GmbH",
		"Thank-you note to Dr. Wesker — Umbrella Corp",
		"Thank-you note to Ms. Schmoe — Acme Architecture",
		"Thank-you note to Zoë Straße — Kraftwerk GmbH",
		"Withdraw from Hooli: tell Gavin Belson",
	}
	have := map[string]int{}
	for _, s := range got {
		have[s]++
	}
	for _, w := range wantAll[1:] {
		if have[w] == 0 {
			t.Errorf("no event %q; have %q", w, got)
		}
	}
	if have[wantAll[0]] != 0 {
		t.Errorf("a check-in already sent is still on the calendar")
	}
}

var (
	reEmail = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}`)
	rePhone = regexp.MustCompile(`\+?\d[\d ().-]{7,}\d`)
)

// TestPublic: a public build carries no email address, phone number or
// draft, in any property or parameter.
func TestPublic(t *testing.T) {
	opt := baseOptions("America/New_York")
	opt.Public = true
	apps := load(t, allFixtures()...)
	res := schedule.Plan(apps, followup.DefaultPolicy(), now)
	called := false
	var buf bytes.Buffer
	err := Write(&buf, opt, res.Actions, res.Interviews, func(a *followup.Action) (string, string, error) {
		called = true
		return "SECRET SUBJECT", "SECRET BODY", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if called {
		t.Errorf("public build asked for drafts")
	}
	s := unfold(buf.String())
	// The UID's "@" is the feed's domain, not an address.
	noUID := regexp.MustCompile(`(?m)^UID:.*\r\n`).ReplaceAllString(s, "")
	if m := reEmail.FindAllString(noUID, -1); len(m) > 0 {
		t.Errorf("public feed has email addresses %q", m)
	}
	for _, l := range strings.Split(noUID, "\r\n") {
		if strings.HasPrefix(l, "DTSTART") || strings.HasPrefix(l, "DTEND") || strings.HasPrefix(l, "DTSTAMP") ||
			strings.HasPrefix(l, "LAST-MODIFIED") || strings.HasPrefix(l, "TZOFFSET") {
			continue
		}
		if m := rePhone.FindAllString(l, -1); len(m) > 0 {
			t.Errorf("public feed has phone numbers %q in %q", m, l)
		}
	}
	// The private build of the same content has them, so the test above
	// is not vacuous, and has drafts.
	priv, _ := writeFeed(t, apps, baseOptions("America/New_York"))
	ps := unfold(string(priv))
	set := drafts(t, res)
	for _, a := range res.Actions {
		sub, body, _ := set(&a)
		// (The move-on note's subject is its summary, which is public.)
		for _, part := range []string{sub, firstLine(body)} {
			if part == "Move on from Pied Piper" {
				continue
			}
			if esc := strings.NewReplacer(`,`, `\,`, `;`, `\;`).Replace(part); !strings.Contains(ps, esc) {
				t.Errorf("private feed lacks draft text %q of %s", part, a.ID)
			} else if strings.Contains(s, esc) {
				t.Errorf("public feed has draft text %q of %s", part, a.ID)
			}
		}
	}
	for _, secret := range []string{"jane.schmoe@acme.example", "+1 617 555 0100", "+1 555 0100 999", "SECRET", "Subject:", "Best regards", "Draft"} {
		if strings.Contains(s, secret) {
			t.Errorf("public feed has %q", secret)
		}
	}
	for _, secret := range []string{"jane.schmoe@acme.example", "+1 617 555 0199", "+1 555 0100 999", "bill@initrode.example"} {
		if !strings.Contains(ps, secret) {
			t.Errorf("private feed lacks %q", secret)
		}
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// TestPublicRedactsReason: a reason that quotes a contact's address (as a
// custom template or a future rule might) is blanked in a public build.
func TestPublicRedactsReason(t *testing.T) {
	app := load(t, fixtures["los_angeles"][0])[0]
	res := schedule.Plan([]*followup.Application{app}, followup.DefaultPolicy(), now)
	a := res.Actions[0]
	a.Reason = "They wrote from bill@initrode.example, call +1 213 555 0142."
	opt := baseOptions("America/Los_Angeles")
	opt.Public = true
	var buf bytes.Buffer
	if err := Write(&buf, opt, []followup.Action{a}, nil, nil); err != nil {
		t.Fatal(err)
	}
	s := unfold(buf.String())
	if strings.Contains(s, "bill@initrode.example") || strings.Contains(s, "555 0142") {
		t.Errorf("public feed leaks the contact:\n%s", s)
	}
	if !strings.Contains(s, "They wrote from [private]\\, call [private].") {
		t.Errorf("reason not redacted as expected:\n%s", s)
	}
}

// TestText: user text with every kind of trouble reaches the parsers as
// the normalised text, in SUMMARY, LOCATION and DESCRIPTION.
func TestText(t *testing.T) {
	const company = "Café, Ltd; \\\\srv\\share \"Q\" 😀‍👩‍💻 東京\x01"
	const where = "Bldg 3, Room 4;\r\nfloor 2\r\t東京都千代田区丸の内一丁目 😀 \x7f\u2028end"
	body := "Line one, with comma; semicolon \\ backslash\r\nLine two\rLine three\x00\x1b[31m red\u0085NEL\n\n" +
		strings.Repeat("長い日本語の文章です。", 12) + "\n" + strings.Repeat("👩‍👩‍👧‍👦", 20) + "\ttab\n"
	subject := "Re: \"Design\", Acme; next steps \\o/"
	app := &followup.Application{Slug: "text/東京 café", Company: company, Role: "Designer\r\n(contract)",
		TZ: "Asia/Tokyo", Contact: &followup.Person{Name: "Ji-woo 김, Jr.", Title: "Ms.", Email: "k@x.example"}}
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	app.Loc = loc
	app.Rounds = []followup.Round{{N: 1, At: followup.LocalTime{Date: followup.Date{Year: 2026, Month: 11, Day: 20}, Hour: 14},
		Length: time.Hour, Kind: followup.OnsiteRound, Where: where,
		Interviewers: []followup.Interviewer{{Person: followup.Person{Name: "Ji-woo 김, Jr.", Title: "Ms."}}}}}
	res := schedule.Plan([]*followup.Application{app}, followup.DefaultPolicy(), now)
	if len(res.Actions) != 1 || len(res.Interviews) != 1 {
		t.Fatalf("plan: %d actions, %d interviews", len(res.Actions), len(res.Interviews))
	}
	res.Actions[0].Reason = "Reason, with; everything\\ \r\n" + company
	opt := baseOptions("Asia/Tokyo")
	var buf bytes.Buffer
	err = Write(&buf, opt, res.Actions, res.Interviews, func(*followup.Action) (string, string, error) {
		return subject, body, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	checkWire(t, b)
	path := saveFeed(t, "text.ics", b)
	w := wants(opt, res)
	checkParsers(t, path, w)

	// What each parser must read back, written out by hand.
	wantCompany := "Café, Ltd; \\\\srv\\share \"Q\" 😀‍👩‍💻 東京"
	wantWhere := "Bldg 3, Room 4; floor 2  東京都千代田区丸の内一丁目 😀  end"
	wantBody := "Line one, with comma; semicolon \\ backslash\nLine two\nLine three[31m red\nNEL\n\n" +
		strings.Repeat("長い日本語の文章です。", 12) + "\n" + strings.Repeat("👩‍👩‍👧‍👦", 20) + "\ttab"
	own := ownParse(t, path)
	ty := own[aUID(&res.Actions[0], opt.Domain)]
	iv := own[iUID(&res.Interviews[0], opt.Domain)]
	// (Person.Address takes the last word of the name after the title.)
	if want := "Thank-you note to Ms. Jr. — " + wantCompany; ty.Summary != want {
		t.Errorf("SUMMARY = %q, want %q", ty.Summary, want)
	}
	if iv.Location != wantWhere {
		t.Errorf("LOCATION = %q, want %q", iv.Location, wantWhere)
	}
	for _, part := range []string{wantBody, "Subject: " + subject, "Reason, with; everything\\ \n" + wantCompany,
		"Role: Designer (contract) at " + wantCompany, "To: Ms. Ji-woo 김, Jr.\nBy: email",
		"https://sam.example/jobs/text/%E6%9D%B1%E4%BA%AC%20caf%C3%A9/"} {
		if !strings.Contains(ty.Description, part) {
			t.Errorf("DESCRIPTION lacks %q:\n%q", part, ty.Description)
		}
	}
	if !strings.Contains(iv.Description, "Where: "+wantWhere) {
		t.Errorf("interview DESCRIPTION lacks the place:\n%q", iv.Description)
	}
	if want := aUID(&res.Actions[0], ""); !strings.HasPrefix(want, "text/%E6%9D%B1%E4%BA%AC%20caf%C3%A9/") {
		t.Errorf("UID %q not percent-encoded", want)
	}
}

// TestDeterminism: the same input gives the same bytes; moving one
// action's due date changes that event's lines and nothing else.
func TestDeterminism(t *testing.T) {
	apps := load(t, allFixtures()...)
	opt := baseOptions("America/New_York")
	a, _ := writeFeed(t, apps, opt)
	b, res := writeFeed(t, load(t, allFixtures()...), opt)
	if !bytes.Equal(a, b) {
		t.Fatalf("two writes differ:\n%s", diff(string(a), string(b)))
	}
	df := drafts(t, res)
	write := func(actions []followup.Action) []byte {
		var buf bytes.Buffer
		if err := Write(&buf, opt, actions, res.Interviews, df); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, kind := range []followup.Kind{followup.Nudge, followup.ThankYou} {
		t.Run(string(kind), func(t *testing.T) {
			actions := append([]followup.Action(nil), res.Actions...)
			i := -1
			for j := range actions {
				if actions[j].Kind == kind {
					i = j
					break
				}
			}
			if i < 0 {
				t.Fatalf("no %s action in the fixtures", kind)
			}
			before := write(actions)
			a := &actions[i]
			a.Day = a.Day.AddDays(2)
			a.Due = a.Due.AddDate(0, 0, 2)
			a.Start = a.Start.AddDate(0, 0, 2)
			after := write(actions)
			uid := aUID(a, opt.Domain)
			evBefore, restBefore := splitEvent(string(before), uid)
			evAfter, restAfter := splitEvent(string(after), uid)
			if restBefore != restAfter {
				t.Errorf("moving %s changed other lines:\n%s", a.ID, diff(restBefore, restAfter))
			}
			if evBefore == evAfter {
				t.Errorf("moving %s changed nothing", a.ID)
			}
			var changed []string
			bl, al := strings.Split(evBefore, "\r\n"), strings.Split(evAfter, "\r\n")
			for k := range bl {
				if k < len(al) && bl[k] != al[k] {
					changed = append(changed, strings.SplitN(al[k], ":", 2)[0])
				}
			}
			// The dates move; at the same --now, nothing else does
			// (TestEdits has what a later build changes).
			if !(contains(changed, "DTSTART;VALUE=DATE") || contains(changed, "DTSTART;TZID=America/New_York") ||
				contains(changed, "DTSTART;TZID=America/Los_Angeles") || contains(changed, "DTSTART;TZID=Europe/Berlin")) ||
				contains(changed, "SEQUENCE") || contains(changed, "LAST-MODIFIED") || contains(changed, "UID") {
				t.Errorf("changed lines %q, want DTSTART and not SEQUENCE, LAST-MODIFIED or UID among them", changed)
			}
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// splitEvent cuts the VEVENT with uid out of a feed.
func splitEvent(feed, uid string) (event, rest string) {
	i := strings.Index(feed, "UID:"+uid+"\r\n")
	if i < 0 {
		return "", feed
	}
	start := strings.LastIndex(feed[:i], "BEGIN:VEVENT\r\n")
	end := start + strings.Index(feed[start:], "END:VEVENT\r\n") + len("END:VEVENT\r\n")
	return feed[start:end], feed[:start] + feed[end:]
}

// TestEmpty: no events is still a valid calendar with the site's zone.
func TestEmpty(t *testing.T) {
	for _, zone := range []string{"", "UTC", "America/Sao_Paulo", "Asia/Kolkata"} {
		opt := baseOptions(zone)
		var buf bytes.Buffer
		if err := Write(&buf, opt, nil, nil, nil); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		checkWire(t, buf.Bytes())
		if !strings.Contains(s, "BEGIN:VTIMEZONE\r\n") || strings.Contains(s, "VEVENT") {
			t.Errorf("zone %q: want one VTIMEZONE and no events:\n%s", zone, s)
		}
		if (zone != "") != strings.Contains(s, "X-WR-TIMEZONE:") {
			t.Errorf("zone %q: X-WR-TIMEZONE wrong:\n%s", zone, s)
		}
		checkParsers(t, saveFeed(t, "empty.ics", buf.Bytes()), map[string]want{})
	}
}

func TestErrors(t *testing.T) {
	app := load(t, fixtures["berlin"][1])[0]
	res := schedule.Plan([]*followup.Application{app}, followup.DefaultPolicy(), now)
	opt := baseOptions("Europe/Berlin")
	dup := append(res.Actions, res.Actions...)
	if err := Write(&bytes.Buffer{}, opt, dup, nil, nil); err == nil || !strings.Contains(err.Error(), "two events") {
		t.Errorf("duplicate UIDs: err = %v", err)
	}
	bad := opt
	bad.BaseURL = "sam.example/jobs"
	if err := Write(&bytes.Buffer{}, bad, res.Actions, nil, nil); err == nil {
		t.Errorf("relative base URL accepted")
	}
	bad = opt
	bad.Zone = "Mars/Olympus"
	if err := Write(&bytes.Buffer{}, bad, res.Actions, nil, nil); err == nil {
		t.Errorf("unknown site zone accepted")
	}
}

// TestUIDDomain: the domain is reduced to host-name characters.
func TestUIDDomain(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "a/b@followup.invalid",
		"Sam.Example":      "a/b@sam.example",
		" sam example;\n ": "a/b@samexample",
		"@@@":              "a/b@followup.invalid",
	} {
		if got := uidPart("a/b") + "@" + domain(in); got != want {
			t.Errorf("UID of a/b in %q = %q, want %q", in, got, want)
		}
	}
	if uidPart("a b") == uidPart("a-b") {
		t.Errorf("different ids give the same UID")
	}
}

// TestTransitions checks the 6-hour probe against an hourly one over the
// years a feed is likely to cover, in zones with odd rules, and against
// the transitions of 2026 as published.
func TestTransitions(t *testing.T) {
	for _, name := range []string{"America/New_York", "America/Los_Angeles", "Europe/Berlin", "Europe/London",
		"Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo", "America/Santiago",
		"Africa/Casablanca", "Europe/Dublin", "UTC", "Pacific/Chatham", "America/St_Johns"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		from := time.Date(2025, 1, 1, 0, 0, 0, 0, loc)
		to := time.Date(2028, 1, 1, 0, 0, 0, 0, loc)
		var probed []time.Time
		zone := func(t time.Time) string {
			n, o := t.In(loc).Zone()
			return fmt.Sprint(n, o, t.In(loc).IsDST())
		}
		for t := from; t.Before(to); t = t.Add(15 * time.Minute) {
			if zone(t) != zone(t.Add(15*time.Minute)) {
				u := t
				for zone(u) == zone(t) {
					u = u.Add(time.Second)
				}
				probed = append(probed, u)
			}
		}
		obs := transitions(loc, from, to)
		var got []time.Time
		for _, o := range obs[1:] {
			got = append(got, o.start)
		}
		if len(got) != len(probed) {
			t.Errorf("%s: %d transitions, the 15-minute scan finds %d: %v vs %v", name, len(got), len(probed), got, probed)
			continue
		}
		for i := range got {
			if !got[i].Equal(probed[i]) {
				t.Errorf("%s: transition %d at %v, the 15-minute scan says %v", name, i, got[i], probed[i])
			}
		}
		if _, off := from.Zone(); obs[0].to != off || !obs[0].start.Equal(from) {
			t.Errorf("%s: first observance %+v does not start the window %v", name, obs[0], from)
		}
		for i := 1; i < len(obs); i++ {
			if obs[i].from != obs[i-1].to {
				t.Errorf("%s: observance %d from %d, previous to %d", name, i, obs[i].from, obs[i-1].to)
			}
		}
	}
	utc := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	for name, want := range map[string][]time.Time{
		"America/New_York":    {utc("2026-03-08T07:00:00Z"), utc("2026-11-01T06:00:00Z")},
		"America/Los_Angeles": {utc("2026-03-08T10:00:00Z"), utc("2026-11-01T09:00:00Z")},
		"Europe/Berlin":       {utc("2026-03-29T01:00:00Z"), utc("2026-10-25T01:00:00Z")},
	} {
		loc, _ := time.LoadLocation(name)
		obs := transitions(loc, time.Date(2026, 1, 1, 0, 0, 0, 0, loc), time.Date(2027, 1, 1, 0, 0, 0, 0, loc))
		if len(obs) != 3 || !obs[1].start.Equal(want[0]) || !obs[2].start.Equal(want[1]) {
			t.Errorf("%s 2026: %+v, want transitions at %v", name, obs, want)
		}
	}
}

// TestZonesParsers: events in zones with odd rules (half hours, southern
// summers, a 30-minute DST, +13:45) land where the engine says, for both
// parsers: ical.js through our VTIMEZONE, python through pytz.
func TestZonesParsers(t *testing.T) {
	var apps []*followup.Application
	for i, name := range []string{"Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo",
		"America/Santiago", "Europe/London", "Pacific/Chatham", "America/St_Johns",
		"Europe/Dublin", "Africa/Casablanca", "America/New_York", "Europe/Berlin"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		app := &followup.Application{Slug: strings.ToLower(strings.ReplaceAll(name, "/", "-")), Company: name, TZ: name, Loc: loc}
		// Days either side of the changes of most of these zones (and of
		// Casablanca's around Ramadan), and in each season.
		for j, day := range []int{1, 44, 46, 80, 88, 94, 120, 200, 296, 298, 300, 310, 400} {
			d := followup.Date{Year: 2026, Month: 1, Day: 1}.AddDays(day)
			app.Rounds = append(app.Rounds, followup.Round{N: j + 1, At: followup.LocalTime{Date: d, Hour: 9 + i}, Length: time.Hour,
				Kind: followup.VideoRound, Interviewers: []followup.Interviewer{{Person: followup.Person{Name: "Pat Doe"}}}})
		}
		apps = append(apps, app)
	}
	opt := baseOptions("Australia/Lord_Howe")
	opt.Stamp = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	b, res := writeFeed(t, apps, opt)
	checkWire(t, b)
	w := wants(opt, res)
	if len(w) != 12*13*2 {
		t.Fatalf("%d events", len(w))
	}
	checkParsers(t, saveFeed(t, "zones.ics", b), w)
}
