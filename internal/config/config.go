// Package config reads followup.toml over followup.DefaultConfig. Every key
// is optional; an unknown key or a bad value is a positioned error, so a
// typo like "timezon" is never silently ignored.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/holiday"
	"github.com/followup-tool/followup/internal/publish"
	"github.com/followup-tool/followup/internal/zone"
	"github.com/pelletier/go-toml/v2"
)

// File is the configuration's name at the project root.
const File = "followup.toml"

// maxSize is the most followup.toml may hold; a real one is under 1 KB.
const maxSize = 64 << 10

type rawConfig struct {
	Title       *string `toml:"title"`
	BaseURL     *string `toml:"base_url"`
	Timezone    *string `toml:"timezone"`
	Output      *string `toml:"output"`
	Public      *bool   `toml:"public"`
	PublicNames *bool   `toml:"public_names"`
	Domain      *string `toml:"domain"`
	FeedKey     *string `toml:"feed_key"`

	GitCommit      *bool      `toml:"git_commit"`
	WorklogMinimum *int       `toml:"worklog_minimum"`
	Owner          *rawOwner  `toml:"owner"`
	Policy         *rawPolicy `toml:"policy"`
	// holidays and extra_holidays may be written at the top or under
	// [policy] (the issue that asked for them wrote them at the top).
	Holidays      *string   `toml:"holidays"`
	ExtraHolidays *[]string `toml:"extra_holidays"`
}

type rawOwner struct {
	Name      *string `toml:"name"`
	Email     *string `toml:"email"`
	Signature *string `toml:"signature"`
}

type rawPolicy struct {
	CheckInAfter    *string   `toml:"check_in_after"` // parsed after decoding, so every bad span is reported
	FollowupGap     *string   `toml:"followup_gap"`
	MaxFollowups    *int      `toml:"max_followups"`
	WeekendToMonday *bool     `toml:"weekend_to_monday"`
	MailLetters     *bool     `toml:"mail_letters"`
	AfterApplying   *string   `toml:"after_applying"`
	QuietAfter      *string   `toml:"quiet_after"`
	Holidays        *string   `toml:"holidays"`
	ExtraHolidays   *[]string `toml:"extra_holidays"`
}

// Load reads name from fsys. A missing file gives the defaults. display is
// how messages name the file.
func Load(fsys fs.FS, name, display string) (followup.Config, followup.ErrorList) {
	cfg := followup.DefaultConfig()
	// As an application file: a regular file only (a named pipe would
	// hang the read), of a bounded size.
	data, err := content.ReadRegular(fsys, name, maxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	var errs followup.ErrorList
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		errs.Add(followup.Pos{Path: display, Line: 1, Col: 1}, "cannot read: %v", err)
		return cfg, errs
	}
	return parse(data, display)
}

// parse decodes a followup.toml held in data.
func parse(data []byte, display string) (followup.Config, followup.ErrorList) {
	cfg := followup.DefaultConfig()
	var errs followup.ErrorList
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	raw, vals, ok := decode(data, display, &errs)
	if !ok {
		return cfg, errs
	}
	pos := func(key string) followup.Pos {
		p, ok := vals[key]
		if !ok {
			p = [2]int{1, 1}
		}
		return followup.Pos{Path: display, Line: p[0], Col: p[1]}
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&cfg.Title, raw.Title)
	set(&cfg.BaseURL, raw.BaseURL)
	set(&cfg.Timezone, raw.Timezone)
	set(&cfg.Output, raw.Output)
	set(&cfg.Domain, raw.Domain)
	set(&cfg.FeedKey, raw.FeedKey)
	if raw.Public != nil {
		cfg.Public = *raw.Public
	}
	if raw.PublicNames != nil {
		cfg.PublicNames = *raw.PublicNames
	}
	if raw.FeedKey != nil {
		// Written here, the key is committed with the project, and a
		// public repository publishes it; the build warns (FeedKeyPos).
		cfg.FeedKeyPos = pos("feed_key")
		if n := len(strings.TrimSpace(cfg.FeedKey)); n < followup.MinFeedKey {
			errs.Add(pos("feed_key"), "feed_key: %d characters; a feed key needs at least %d, such as the output of `openssl rand -hex 16`", n, followup.MinFeedKey)
		}
	}
	if raw.GitCommit != nil {
		cfg.GitCommit = *raw.GitCommit
	}
	switch {
	case cfg.Timezone == "Local":
		errs.Add(pos("timezone"), "timezone: \"Local\" is the zone of whichever machine builds the site; want an IANA zone such as America/New_York")
	case cfg.Timezone == "":
		errs.Add(pos("timezone"), "timezone: want an IANA zone such as America/New_York")
	default:
		if sug, ok := zone.NotAPlace(cfg.Timezone); ok {
			errs.Warn(pos("timezone"), "timezone: %q is a fixed offset or an abbreviation, not a place: its clock never changes for daylight saving; use an IANA zone such as %s", cfg.Timezone, sug)
		}
		if _, err := zone.Load(cfg.Timezone); err != nil {
			errs.Add(pos("timezone"), "timezone: unknown time zone %q (want an IANA zone such as America/New_York)", cfg.Timezone)
		}
	}
	if cfg.BaseURL != "" && !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	if cfg.BaseURL != "" && !strings.HasPrefix(cfg.BaseURL, "https://") && !strings.HasPrefix(cfg.BaseURL, "http://") {
		errs.Add(pos("base_url"), "base_url: want an http(s) URL such as https://you.example/jobs/")
	}
	if err := publish.CheckOutput(cfg.Output); err != nil {
		errs.Add(pos("output"), "%v", err)
	}
	if m := raw.WorklogMinimum; m != nil {
		if *m < 0 || *m > 50 {
			errs.Add(pos("worklog_minimum"), "worklog_minimum: want 0 to 50 activities a week (3 is what most unemployment offices ask; 0 flags no week)")
		} else {
			cfg.WorklogMinimum = *m
		}
	}
	if o := raw.Owner; o != nil {
		set(&cfg.Owner.Name, o.Name)
		set(&cfg.Owner.Email, o.Email)
		if o.Signature != nil {
			cfg.Owner.Signature = *o.Signature
		} else if o.Name != nil {
			cfg.Owner.Signature = "Best regards,\n" + *o.Name
		}
	}
	if p := raw.Policy; p != nil {
		days := func(key string, dst *followup.Span, v *string) {
			if v == nil {
				return
			}
			sp, msg := parseDays(*v)
			if msg != "" {
				errs.Add(pos("policy."+key), "%s: %s", key, msg)
				return
			}
			*dst = sp
		}
		days("check_in_after", &cfg.Policy.CheckInAfter, p.CheckInAfter)
		days("followup_gap", &cfg.Policy.FollowupGap, p.FollowupGap)
		// The product rules after applying can be turned off with "off"
		// (a zero span).
		offOr := func(key string, dst *followup.Span, v *string) {
			if v != nil && strings.EqualFold(strings.TrimSpace(*v), "off") {
				*dst = followup.Span{}
				return
			}
			days(key, dst, v)
		}
		offOr("after_applying", &cfg.Policy.AfterApplying, p.AfterApplying)
		offOr("quiet_after", &cfg.Policy.QuietAfter, p.QuietAfter)
		if p.MaxFollowups != nil {
			if *p.MaxFollowups < 1 || *p.MaxFollowups > 10 {
				errs.Add(pos("policy.max_followups"), "max_followups: want 1 to 10 (2 is one check-in and one nudge)")
			} else {
				cfg.Policy.MaxFollowups = *p.MaxFollowups
			}
		}
		if p.WeekendToMonday != nil {
			cfg.Policy.WeekendToMonday = *p.WeekendToMonday
		}
		if p.MailLetters != nil {
			cfg.Policy.MailLetters = *p.MailLetters
		}
	}
	holidays(&cfg, &raw, pos, &errs)
	errs.Sort()
	return cfg, errs
}

// holidays builds the holiday calendar of holidays = "US" (a country, or
// country-region, code) and extra_holidays = ["2026-12-24"]. Default:
// none, as before the setting existed.
func holidays(cfg *followup.Config, raw *rawConfig, pos func(string) followup.Pos, errs *followup.ErrorList) {
	code, codeKey := raw.Holidays, "holidays"
	extra, extraKey := raw.ExtraHolidays, "extra_holidays"
	if p := raw.Policy; p != nil {
		if p.Holidays != nil {
			if code != nil {
				errs.Add(pos("policy.holidays"), "holidays: written both at the top and under [policy]; keep one")
			}
			code, codeKey = p.Holidays, "policy.holidays"
		}
		if p.ExtraHolidays != nil {
			if extra != nil {
				errs.Add(pos("policy.extra_holidays"), "extra_holidays: written both at the top and under [policy]; keep one")
			}
			extra, extraKey = p.ExtraHolidays, "policy.extra_holidays"
		}
	}
	if code == nil && extra == nil {
		return
	}
	var days []followup.Date
	if extra != nil {
		for i, s := range *extra {
			d, err := followup.ParseDate(s)
			if err != nil {
				errs.Add(pos(fmt.Sprintf("%s.%d", extraKey, i)), "extra_holidays: %q is not a date (want YYYY-MM-DD, such as \"2026-12-24\")", s)
				continue
			}
			days = append(days, d)
		}
	}
	c := ""
	if code != nil {
		c = *code
	}
	cal, err := holiday.New(c, days)
	if err != nil {
		errs.Add(pos(codeKey), "holidays: %v", err)
		return
	}
	cfg.Policy.Holidays = cal
}

// parseDays reads a policy span: whole days, weeks or business days, at
// least one day and at most a year (the schedule counts business days one
// by one, so a billion of them would never finish).
func parseDays(s string) (followup.Span, string) {
	const want = `count in days or weeks, such as "7 days", "1 week" or "5 business days"`
	sp, err := followup.ParseSpan(s)
	switch {
	case strings.HasPrefix(strings.TrimSpace(s), "-"):
		return sp, fmt.Sprintf("must be at least 1 day, not %q", s)
	case err != nil:
		return sp, fmt.Sprintf("%s, not %q", want, s)
	case !sp.IsCalendar():
		return sp, fmt.Sprintf("%s, not %q", want, s)
	case sp.IsZero():
		return sp, fmt.Sprintf("must be at least 1 day, not %q", s)
	case sp.Unit == followup.Days && sp.N > 366,
		sp.Unit == followup.Weeks && sp.N > 52,
		sp.Unit == followup.BusinessDays && sp.N > 262:
		return sp, fmt.Sprintf("%q is more than a year", s)
	}
	return sp, ""
}

// unknownKey explains a key the configuration does not have: a typo of a
// known key, or a known key written under the wrong [table] (TOML puts
// every key after a [table] header into that table).
func unknownKey(parts []string) string {
	key := strings.Join(parts, ".")
	msg := fmt.Sprintf("unknown key %q", key)
	if s := followup.Suggest(key, allKeys); s != "" {
		return msg + fmt.Sprintf(", did you mean %q?", s)
	}
	last := parts[len(parts)-1]
	for _, k := range allKeys {
		table, name, ok := strings.Cut(k, ".")
		if !ok {
			table, name = "", k
		}
		if name != last || strings.Contains(name, ".") {
			continue
		}
		if table == "" {
			return msg + fmt.Sprintf(": %s goes at the top of the file, above the first [table]", last)
		}
		return msg + fmt.Sprintf(": %s goes under [%s]", last, table)
	}
	return msg
}

func tomlKindName(k string) string {
	switch k {
	case "string":
		return "text"
	case "integer", "int":
		return "a whole number"
	case "float":
		return "a decimal number"
	case "boolean", "bool":
		return "true/false"
	case "array":
		return "a list"
	case "inline table", "table":
		return "a table"
	case "date":
		return "a date or time"
	}
	return "a " + k
}

var allKeys = []string{"title", "base_url", "timezone", "output", "public", "public_names", "domain", "feed_key", "worklog_minimum",
	"owner", "owner.name", "owner.email", "owner.signature",
	"policy", "policy.check_in_after", "policy.followup_gap", "policy.max_followups", "policy.weekend_to_monday", "policy.mail_letters",
	"git_commit", "policy.after_applying", "policy.quiet_after", "holidays", "extra_holidays",
	"policy.holidays", "policy.extra_holidays"}

// kinds is the kind of value each key of followup.toml takes, read from
// the raw types' toml tags, so that a key added there is known here.
var kinds = func() map[string]string {
	m := map[string]string{}
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			key := strings.Split(f.Tag.Get("toml"), ",")[0]
			if prefix != "" {
				key = prefix + "." + key
			}
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch ft.Kind() {
			case reflect.String:
				m[key] = "string"
			case reflect.Bool:
				m[key] = "bool"
			case reflect.Int:
				m[key] = "int"
			case reflect.Struct:
				m[key] = "table"
				walk(key, ft)
			case reflect.Slice:
				m[key] = "array"
			default:
				panic("config: no kind for " + key)
			}
		}
	}
	walk("", reflect.TypeOf(rawConfig{}))
	return m
}()

// decode reads followup.toml into raw, reporting every unknown key and
// every value of the wrong kind, not just the first: go-toml's decoder
// into a struct stops at the first wrong kind. The document is read
// into plain maps, which takes any kind; what is unknown or of the
// wrong kind is reported at its place and left out, and the rest is
// decoded into the struct. ok is false when the document does not
// parse at all (a syntax error, a key written twice), which go-toml
// reports one at a time.
func decode(data []byte, display string, errs *followup.ErrorList) (raw rawConfig, vals map[string][2]int, ok bool) {
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		*errs = append(*errs, tomlError(data, display, err))
		return raw, nil, false
	}
	vals, keys := positions(data)
	at := func(m map[string][2]int, key string) followup.Pos {
		p, ok := m[key]
		if !ok {
			p = [2]int{1, 1}
		}
		return followup.Pos{Path: display, Line: p[0], Col: p[1]}
	}
	var clean func(prefix string, m map[string]any)
	clean = func(prefix string, m map[string]any) {
		for k, v := range m {
			full := k
			if prefix != "" {
				full = prefix + "." + k
			}
			want, known := kinds[full]
			if !known {
				errs.Add(at(keys, full), "%s", unknownKey(strings.Split(full, ".")))
				delete(m, k)
				continue
			}
			if got := kindOf(v); got != want {
				errs.Add(at(vals, full), "%s: want %s, not %s", full, kindName(want, full), tomlKindName(got))
				delete(m, k)
				continue
			}
			if list, isList := v.([]any); isList {
				// Every list of followup.toml is a list of text.
				bad := false
				for i, e := range list {
					if got := kindOf(e); got != "string" {
						errs.Add(at(vals, fmt.Sprintf("%s.%d", full, i)), "%s: want a list of text in quotes, not %s in it", full, tomlKindName(got))
						bad = true
					}
				}
				if bad {
					delete(m, k)
				}
				continue
			}
			if sub, isTable := v.(map[string]any); isTable {
				clean(full, sub)
			}
		}
	}
	clean("", doc)
	// What is left is known and of the right kind: back to TOML, and
	// into the struct, which can no longer fail.
	b, err := toml.Marshal(doc)
	if err == nil {
		dec := toml.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		err = dec.Decode(&raw)
	}
	if err != nil {
		*errs = append(*errs, tomlError(data, display, err))
		return raw, vals, false
	}
	return raw, vals, true
}

// kindOf names the kind of a value go-toml decoded into an any, in the
// words tomlKindName knows.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "int"
	case float64:
		return "float"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "table"
	}
	return "date"
}

func kindName(kind, key string) string {
	switch kind {
	case "string":
		return "text in quotes"
	case "int":
		return "a whole number"
	case "bool":
		return "true or false"
	case "table":
		return fmt.Sprintf("a table ([%s] followed by its keys)", key)
	case "array":
		return `a list such as ["2026-12-24"]`
	}
	return "another kind of value"
}
