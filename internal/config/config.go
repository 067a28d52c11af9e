// Package config reads followup.toml over followup.DefaultConfig. Every key
// is optional; an unknown key or a bad value is a positioned error, so a
// typo like "timezon" is never silently ignored.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/pelletier/go-toml/v2"
)

// File is the configuration's name at the project root.
const File = "followup.toml"

type rawConfig struct {
	Title    *string    `toml:"title"`
	BaseURL  *string    `toml:"base_url"`
	Timezone *string    `toml:"timezone"`
	Output   *string    `toml:"output"`
	Public   *bool      `toml:"public"`
	Domain   *string    `toml:"domain"`
	FeedKey  *string    `toml:"feed_key"`
	Owner    *rawOwner  `toml:"owner"`
	Policy   *rawPolicy `toml:"policy"`
}

type rawOwner struct {
	Name      *string `toml:"name"`
	Email     *string `toml:"email"`
	Signature *string `toml:"signature"`
}

type rawPolicy struct {
	CheckInAfter    *followup.Span `toml:"check_in_after"`
	FollowupGap     *followup.Span `toml:"followup_gap"`
	MaxFollowups    *int           `toml:"max_followups"`
	WeekendToMonday *bool          `toml:"weekend_to_monday"`
	MailLetters     *bool          `toml:"mail_letters"`
}

// Load reads name from fsys. A missing file gives the defaults. display is
// how messages name the file.
func Load(fsys fs.FS, name, display string) (followup.Config, followup.ErrorList) {
	cfg := followup.DefaultConfig()
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	var errs followup.ErrorList
	if err != nil {
		errs.Add(followup.Pos{Path: display, Line: 1, Col: 1}, "cannot read: %v", err)
		return cfg, errs
	}
	return Parse(data, display)
}

var reField = regexp.MustCompile(`struct field \w+\.(\w+)\.(\w+) of type (\S+)`)

// Parse decodes a followup.toml held in data.
func Parse(data []byte, display string) (followup.Config, followup.ErrorList) {
	cfg := followup.DefaultConfig()
	var errs followup.ErrorList
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var raw rawConfig
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		var strict *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &strict):
			for _, e := range strict.Errors {
				row, col := e.Position()
				key := strings.Join(e.Key(), ".")
				msg := fmt.Sprintf("unknown key %q", key)
				if s := suggestKey(key); s != "" {
					msg += fmt.Sprintf(", did you mean %q?", s)
				}
				errs.Add(followup.Pos{Path: display, Line: row, Col: col}, "%s", msg)
			}
		case errors.As(err, &de):
			row, col := de.Position()
			msg := strings.TrimPrefix(de.Error(), "toml: ")
			if m := reField.FindStringSubmatch(msg); m != nil {
				msg = fmt.Sprintf("%s: wrong type, want %s", keyName(m[1], m[2]), m[3])
			}
			errs.Add(followup.Pos{Path: display, Line: row, Col: col}, "%s", msg)
		default:
			errs.Add(followup.Pos{Path: display, Line: 1, Col: 1}, "%v", err)
		}
		return cfg, errs
	}
	pos := func(key string) followup.Pos {
		l, c := findKey(data, key)
		return followup.Pos{Path: display, Line: l, Col: c}
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
	if cfg.Timezone == "" || cfg.Timezone == "Local" {
		errs.Add(pos("timezone"), "timezone: want an IANA zone such as America/New_York")
	} else if _, err := loadZone(cfg.Timezone); err != nil {
		errs.Add(pos("timezone"), "timezone: unknown time zone %q", cfg.Timezone)
	}
	if cfg.BaseURL != "" && !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	if cfg.BaseURL != "" && !strings.HasPrefix(cfg.BaseURL, "https://") && !strings.HasPrefix(cfg.BaseURL, "http://") {
		errs.Add(pos("base_url"), "base_url: want an http(s) URL such as https://you.example/jobs/")
	}
	if strings.TrimSpace(cfg.Output) == "" || strings.Contains(cfg.Output, "..") {
		errs.Add(pos("output"), "output: want a directory name inside the project, such as public")
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
		days := func(key string, dst *followup.Span, v *followup.Span) {
			if v == nil {
				return
			}
			if !v.IsCalendar() {
				errs.Add(pos("policy."+key), "%s: count in days or weeks, such as \"7 days\"", key)
				return
			}
			if v.IsZero() {
				errs.Add(pos("policy."+key), "%s: must be at least 1 day", key)
				return
			}
			*dst = *v
		}
		days("check_in_after", &cfg.Policy.CheckInAfter, p.CheckInAfter)
		days("followup_gap", &cfg.Policy.FollowupGap, p.FollowupGap)
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
	errs.Sort()
	return cfg, errs
}

func keyName(typ, field string) string {
	for _, k := range allKeys {
		if strings.EqualFold(strings.ReplaceAll(k[strings.LastIndex(k, ".")+1:], "_", ""), field) {
			return k
		}
	}
	return strings.ToLower(typ + "." + field)
}

var allKeys = []string{"title", "base_url", "timezone", "output", "public", "domain", "feed_key",
	"owner", "owner.name", "owner.email", "owner.signature",
	"policy", "policy.check_in_after", "policy.followup_gap", "policy.max_followups", "policy.weekend_to_monday", "policy.mail_letters"}

func suggestKey(key string) string {
	best, bestD := "", 3
	for _, k := range allKeys {
		if d := levenshtein(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev = cur
	}
	return prev[len(b)]
}

// findKey finds where a (dotted) key is written, for messages about values
// that decoded but make no sense. go-toml's decoder keeps no positions, and
// its position-keeping parser is explicitly unstable, so a line scan of
// table headers and "key =" lines does it.
func findKey(data []byte, dotted string) (line, col int) {
	table, key := "", dotted
	if i := strings.LastIndexByte(dotted, '.'); i >= 0 {
		table, key = dotted[:i], dotted[i+1:]
	}
	cur := ""
	for n, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			cur = strings.TrimSpace(strings.Trim(t, "[]"))
			continue
		}
		k, _, ok := strings.Cut(t, "=")
		if ok && strings.TrimSpace(k) == key && cur == table {
			return n + 1, strings.Index(l, "=") + 2 + len(l[strings.Index(l, "=")+1:]) - len(strings.TrimLeft(l[strings.Index(l, "=")+1:], " \t"))
		}
		if ok && table != "" && cur == "" && strings.TrimSpace(k) == dotted {
			return n + 1, 1
		}
	}
	return 1, 1
}
