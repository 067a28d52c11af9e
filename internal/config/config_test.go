package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/followup-tool/followup/internal/followup"
)

func TestDefaults(t *testing.T) {
	want := followup.DefaultConfig()
	for name, data := range map[string]string{
		"empty":    "",
		"comments": "# nothing set yet\n\n",
		"bom":      "\xef\xbb\xbf",
		"tables":   "[owner]\n[policy]\n",
	} {
		cfg, errs := parse([]byte(data), File)
		if errs != nil {
			t.Errorf("%s: %v", name, errs)
		}
		if cfg != want {
			t.Errorf("%s: %+v, want the defaults %+v", name, cfg, want)
		}
	}
	if want.Timezone != "UTC" || want.Policy.MaxFollowups != 2 || !want.Policy.WeekendToMonday ||
		want.Policy.CheckInAfter != (followup.Span{N: 7, Unit: followup.Days}) || want.Policy.FollowupGap != want.Policy.CheckInAfter {
		t.Errorf("defaults differ from the schema in README.md: %+v", want)
	}
	// An absent file is the defaults, without an error.
	cfg, errs := Load(fstest.MapFS{}, File, File)
	if errs != nil || cfg != want {
		t.Errorf("absent file: %+v %v", cfg, errs)
	}
	// A file that cannot be read is an error at 1:1.
	_, errs = Load(fstest.MapFS{File + "/x": {}}, File, "proj/"+File)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "proj/followup.toml:1:1: cannot read:") {
		t.Errorf("unreadable file: %v", errs)
	}
}

func TestParseAll(t *testing.T) {
	data := `title = "Sam's search"
base_url = "https://sam.example/jobs"
timezone = "Europe/Berlin"
worklog_minimum = 5

[owner]
name = "Sam Rivera"
email = "sam@example.com"

[policy]
check_in_after = "14 days"
followup_gap = "1 week"
max_followups = 3
weekend_to_monday = false
mail_letters = true
after_applying = "10 business days"
quiet_after = "off"
`
	cfg, errs := parse([]byte(data), File)
	if errs != nil {
		t.Fatal(errs)
	}
	want := followup.DefaultConfig()
	want.Title = "Sam's search"
	want.BaseURL = "https://sam.example/jobs/" // a slash is added
	want.Timezone = "Europe/Berlin"
	want.WorklogMinimum = 5
	want.Owner = followup.Owner{Name: "Sam Rivera", Email: "sam@example.com", Signature: "Best regards,\nSam Rivera"}
	want.Policy = followup.Policy{
		CheckInAfter:    followup.Span{N: 14, Unit: followup.Days},
		FollowupGap:     followup.Span{N: 1, Unit: followup.Weeks},
		MaxFollowups:    3,
		WeekendToMonday: false,
		MailLetters:     true,
		AfterApplying:   followup.Span{N: 10, Unit: followup.BusinessDays},
	}
	if cfg != want {
		t.Errorf("got  %+v\nwant %+v", cfg, want)
	}
	cfg, _ = parse([]byte("[owner]\nname = \"Sam\"\nsignature = \"Cheers,\\nSam\"\n[policy]\ncheck_in_after = \"5 business days\"\n"), File)
	if cfg.Owner.Signature != "Cheers,\nSam" || cfg.Policy.CheckInAfter != (followup.Span{N: 5, Unit: followup.BusinessDays}) {
		t.Errorf("signature %q, check_in_after %v", cfg.Owner.Signature, cfg.Policy.CheckInAfter)
	}
}

// TestErrors pins every message with its position: the line and column of
// the offending key (unknown keys) or value (everything else).
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       []string
	}{
		{"typos", "title = \"x\"\ntimezon = \"UTC\"\n\n[policy]\nmax_folowups = 3\n", []string{
			`followup.toml:2:1: unknown key "timezon", did you mean "timezone"?`,
			`followup.toml:5:1: unknown key "policy.max_folowups", did you mean "policy.max_followups"?`,
		}},
		{"typo in table name", "[polcy]\nmax_followups = 3\n", []string{
			`followup.toml:1:2: unknown key "polcy", did you mean "policy"?`,
		}},
		{"key under the wrong table", "[policy]\nmax_followups = 3\ntimezone = \"Europe/Paris\"\n", []string{
			`followup.toml:3:1: unknown key "policy.timezone": timezone goes at the top of the file, above the first [table]`,
		}},
		{"policy key under owner", "[owner]\nmail_letters = true\n", []string{
			`followup.toml:2:1: unknown key "owner.mail_letters": mail_letters goes under [policy]`,
		}},
		{"bad after_applying and quiet_after", "[policy]\nafter_applying = \"soon\"\nquiet_after = \"0 days\"\n", []string{
			`followup.toml:2:18: after_applying: count in days or weeks, such as "7 days", "1 week" or "5 business days", not "soon"`,
			`followup.toml:3:15: quiet_after: must be at least 1 day, not "0 days"`,
		}},
		{"unrelated key", "colour = \"blue\"\n", []string{
			`followup.toml:1:1: unknown key "colour"`,
		}},
		{"three wrong kinds at once", "title = 3\npublic = \"yes\"\n[policy]\nmax_followups = \"two\"\n", []string{
			`followup.toml:1:9: title: want text in quotes, not a whole number`,
			`followup.toml:2:10: public: want true or false, not text`,
			`followup.toml:4:17: policy.max_followups: want a whole number, not text`,
		}},
		{"wrong kinds, unknown keys and bad values together", "title = [1]\ncolour = 1\ntimezone = \"Mars/Base\"\n[owner]\nname = 5\nnick = \"s\"\n[policy]\nfollowup_gap = \"0 days\"\nmail_letters = 1\n", []string{
			`followup.toml:1:9: title: want text in quotes, not a list`,
			`followup.toml:2:1: unknown key "colour"`,
			`followup.toml:3:12: timezone: unknown time zone "Mars/Base" (want an IANA zone such as America/New_York)`,
			`followup.toml:5:8: owner.name: want text in quotes, not a whole number`,
			`followup.toml:6:1: unknown key "owner.nick", did you mean "owner.name"?`,
			`followup.toml:8:16: followup_gap: must be at least 1 day, not "0 days"`,
			`followup.toml:9:16: policy.mail_letters: want true or false, not a whole number`,
		}},
		{"a date for text", "title = 2026-01-02\n", []string{
			`followup.toml:1:9: title: want text in quotes, not a date or time`,
		}},
		{"lists of the wrong kind", "extra_holidays = [1, \"2026-12-24\", true]\n[policy]\nextra_holidays = \"2026-12-24\"\n", []string{
			`followup.toml:1:19: extra_holidays: want a list of text in quotes, not a whole number in it`,
			`followup.toml:1:36: extra_holidays: want a list of text in quotes, not true/false in it`,
			`followup.toml:3:18: policy.extra_holidays: want a list such as ["2026-12-24"], not text`,
		}},
		{"short feed key", "feed_key = \"abc\"\n", []string{
			"followup.toml:1:12: feed_key: 3 characters; a feed key needs at least 16, such as the output of `openssl rand -hex 16`",
		}},
		{"text for a number", "[policy]\nmax_followups = \"two\"\n", []string{
			`followup.toml:2:17: policy.max_followups: want a whole number, not text`,
		}},
		{"number for text", "title = 3\n", []string{
			`followup.toml:1:9: title: want text in quotes, not a whole number`,
		}},
		{"text for a bool", "[policy]\nweekend_to_monday = \"yes\"\n", []string{
			`followup.toml:2:21: policy.weekend_to_monday: want true or false, not text`,
		}},
		{"decimal for a number", "[policy]\nmax_followups = 1.5\n", []string{
			`followup.toml:2:17: policy.max_followups: want a whole number, not a decimal number`,
		}},
		{"value for a table", "owner = \"Sam\"\n", []string{
			`followup.toml:1:9: owner: want a table ([owner] followed by its keys), not text`,
		}},
		{"number for a span", "[policy]\ncheck_in_after = 7\n", []string{
			`followup.toml:2:18: policy.check_in_after: want text in quotes, not a whole number`,
		}},
		{"unknown zone", "title = \"x\"\n  timezone  =  \"America/New York\"  # NY\n", []string{
			`followup.toml:2:16: timezone: unknown time zone "America/New York" (want an IANA zone such as America/New_York)`,
		}},
		{"zone on Mars", "timezone = \"Mars/Base\"\n", []string{
			`followup.toml:1:12: timezone: unknown time zone "Mars/Base" (want an IANA zone such as America/New_York)`,
		}},
		{"machine zone", "timezone = \"Local\"\n", []string{
			`followup.toml:1:12: timezone: "Local" is the zone of whichever machine builds the site; want an IANA zone such as America/New_York`,
		}},
		{"empty zone", "timezone = \"\"\n", []string{
			`followup.toml:1:12: timezone: want an IANA zone such as America/New_York`,
		}},
		{"clock time", "[policy]\ncheck_in_after = \"1h\"\n", []string{
			`followup.toml:2:18: check_in_after: count in days or weeks, such as "7 days", "1 week" or "5 business days", not "1h"`,
		}},
		{"zero days", "[policy]\nfollowup_gap = \"0 days\"\n", []string{
			`followup.toml:2:16: followup_gap: must be at least 1 day, not "0 days"`,
		}},
		{"negative", "[policy]\nfollowup_gap = \"-7 days\"\n", []string{
			`followup.toml:2:16: followup_gap: must be at least 1 day, not "-7 days"`,
		}},
		{"not a span", "[policy]\ncheck_in_after = \"a week or so\"\n", []string{
			`followup.toml:2:18: check_in_after: count in days or weeks, such as "7 days", "1 week" or "5 business days", not "a week or so"`,
		}},
		{"endless", "[policy]\ncheck_in_after = \"999999999 business days\"\n", []string{
			`followup.toml:2:18: check_in_after: "999999999 business days" is more than a year`,
		}},
		{"worklog_minimum negative", "worklog_minimum = -1\n", []string{
			`followup.toml:1:19: worklog_minimum: want 0 to 50 activities a week (3 is what most unemployment offices ask; 0 flags no week)`,
		}},
		{"worklog_minimum under policy", "[policy]\nworklog_minimum = 3\n", []string{
			`followup.toml:2:1: unknown key "policy.worklog_minimum": worklog_minimum goes at the top of the file, above the first [table]`,
		}},
		{"max_followups 0", "[policy]\nmax_followups = 0\n", []string{
			`followup.toml:2:17: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"max_followups 11", "[policy]\nmax_followups = 11\n", []string{
			`followup.toml:2:17: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"every value problem at once", "timezone = \"Mars/Base\"\nbase_url = \"ftp://x\"\noutput = \"../out\"\n[policy]\ncheck_in_after = \"1h\"\nfollowup_gap = \"0 days\"\nmax_followups = 0\n", []string{
			`followup.toml:1:12: timezone: unknown time zone "Mars/Base" (want an IANA zone such as America/New_York)`,
			`followup.toml:2:12: base_url: want an http(s) URL such as https://you.example/jobs/`,
			`followup.toml:3:10: output "../out": want a directory inside the project, such as public`,
			`followup.toml:5:18: check_in_after: count in days or weeks, such as "7 days", "1 week" or "5 business days", not "1h"`,
			`followup.toml:6:16: followup_gap: must be at least 1 day, not "0 days"`,
			`followup.toml:7:17: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"dotted key", "policy.max_followups = 0\n", []string{
			`followup.toml:1:24: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"inline table", "policy = { max_followups = 0 }\n", []string{
			`followup.toml:1:28: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"header with spaces and a comment", "[ policy ] # etiquette\n\"max_followups\" = 0\n", []string{
			`followup.toml:2:19: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"CRLF and BOM", "\xef\xbb\xbftitle = \"x\"\r\n[policy]\r\nmax_followups = 0\r\n", []string{
			`followup.toml:3:17: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"a string that looks like a key", "title = \"\"\"\nmax_followups = 0\n\"\"\"\n[policy]\nmax_followups = 0\n", []string{
			`followup.toml:5:17: max_followups: want 1 to 10 (2 is one check-in and one nudge)`,
		}},
		{"duplicate", "title = \"a\"\ntitle = \"b\"\n", []string{
			`followup.toml:2:1: title: written twice; keep one`,
		}},
		{"unclosed quote", "title = \"Job search\n", []string{
			`followup.toml:1:20: text in quotes must end on the same line: add the closing "`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := parse([]byte(tc.data), File)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// A bad value leaves the default in place, so the rest of the
// configuration still works while the error is reported.
func TestBadValueKeepsDefault(t *testing.T) {
	cfg, errs := parse([]byte("[policy]\nmax_followups = 0\ncheck_in_after = \"1h\"\nmail_letters = true\n"), File)
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	def := followup.DefaultPolicy()
	if cfg.Policy.MaxFollowups != def.MaxFollowups || cfg.Policy.CheckInAfter != def.CheckInAfter || !cfg.Policy.MailLetters {
		t.Errorf("policy %+v", cfg.Policy)
	}
}

// TestValuePositions pins the one use of go-toml's unstable parser.
func TestValuePositions(t *testing.T) {
	data := "title = \"Café\" # a\n[ policy ]\n\"quoted\" = 1\nowner.name = 'x'\nt = { a = 1, b = { c = 2 } }\n[owner] # c\nname = \"é\"\nlast = \"\"\"\nx = 1\n\"\"\"\n"
	got := valuePositions([]byte(data))
	for key, want := range map[string][2]int{
		"title":             {1, 9},
		"policy":            {2, 3},
		"policy.quoted":     {3, 12},
		"policy.owner.name": {4, 14},
		"policy.t":          {5, 5},
		"policy.t.a":        {5, 11},
		"policy.t.b.c":      {5, 24},
		"owner":             {6, 2},
		"owner.name":        {7, 8},
		"owner.last":        {8, 8},
	} {
		if got[key] != want {
			t.Errorf("%s at %v, want %v", key, got[key], want)
		}
	}
	if _, ok := got["owner.x"]; ok {
		t.Error("a key inside a multi-line string is not a key")
	}
	// Broken TOML: what came before the error, no panic.
	if got := valuePositions([]byte("a = 1\nb = \n")); got["a"] != [2]int{1, 5} {
		t.Errorf("broken document: %v", got)
	}
}

// TestFeedKeyPos: a feed key written in followup.toml is marked, so that
// a build warns that it is committed with the project.
func TestFeedKeyPos(t *testing.T) {
	cfg, errs := parse([]byte("title = \"x\"\nfeed_key = \"0123456789abcdef\"\n"), File)
	if len(errs) > 0 || cfg.FeedKey != "0123456789abcdef" || cfg.FeedKeyPos.String() != "followup.toml:2:12" {
		t.Errorf("%v %q at %v", errs, cfg.FeedKey, cfg.FeedKeyPos)
	}
	cfg, _ = parse([]byte("title = \"x\"\n"), File)
	if cfg.FeedKeyPos.Line != 0 {
		t.Errorf("no feed_key, yet marked at %v", cfg.FeedKeyPos)
	}
	cfg, _ = parse([]byte("public_names = true\n"), File)
	if !cfg.PublicNames {
		t.Error("public_names = true not read")
	}
}

// TestKindsCoverEveryKey: every key of the raw types has a kind (so the
// decoder does not call it unknown) and is offered by suggestions.
func TestKindsCoverEveryKey(t *testing.T) {
	sugg := map[string]bool{}
	for _, k := range allKeys {
		sugg[k] = true
	}
	for k := range kinds {
		if !sugg[k] {
			t.Errorf("%s is a key but not in allKeys", k)
		}
	}
	if kinds["policy.max_followups"] != "int" || kinds["owner"] != "table" || kinds["public_names"] != "bool" {
		t.Errorf("kinds: %v", kinds)
	}
}

func TestHolidays(t *testing.T) {
	cfg, errs := parse([]byte("holidays = \"US\"\nextra_holidays = [\"2026-12-24\"]\n"), File)
	if errs != nil {
		t.Fatal(errs)
	}
	for _, d := range []followup.Date{{Year: 2026, Month: 12, Day: 25}, {Year: 2026, Month: 12, Day: 24}} {
		if _, ok := cfg.Policy.IsHoliday(d); !ok {
			t.Errorf("%s is not a holiday", d)
		}
	}
	cfg, errs = parse([]byte("[policy]\nholidays = \"DE-BY\"\n"), File)
	if _, ok := cfg.Policy.IsHoliday(followup.Date{Year: 2027, Month: 1, Day: 6}); errs != nil || !ok {
		t.Errorf("[policy] holidays = DE-BY: Epiphany is not a holiday (%v)", errs)
	}
	if cfg, _ := parse(nil, File); cfg.Policy.Holidays != nil {
		t.Errorf("default: holidays set")
	}
	_, errs = parse([]byte("holidays = \"Narnia\"\nextra_holidays = [\"Dec 24\"]\n"), File)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`followup.toml:1:12: holidays: unknown holiday calendar "Narnia" (want a country code such as US, GB or DE, or a region such as DE-BY; known: AT, AU, BE, BR, CA, CH, DE, DK, ES, FI, FR, GB, IE, IT, JP, MX, NL, NO, NZ, PL, PT, SE, US)`,
		`followup.toml:2:19: extra_holidays: "Dec 24" is not a date (want YYYY-MM-DD, such as "2026-12-24")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
