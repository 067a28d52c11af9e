package content

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// The raw types mirror the front matter field by field; yaml tags are the
// contract of the schema in README.md. They are converted into followup types once
// every value has been checked.

type rawApp struct {
	ID       string        `yaml:"id"`
	Company  string        `yaml:"company"`
	Role     string        `yaml:"role"`
	Posting  string        `yaml:"posting"`
	Location string        `yaml:"location"`
	Applied  followup.Date `yaml:"applied"`
	Via      followup.Via  `yaml:"via"`     // how you applied (work-search logs)
	Address  string        `yaml:"address"` // the employer's
	Phone    string        `yaml:"phone"`   // the employer's
	TZ       string        `yaml:"tz"`
	Contact  *rawPerson    `yaml:"contact"`
	Rounds   []rawRound    `yaml:"rounds"`
	Log      []rawLog      `yaml:"log"`
}

type rawPerson struct {
	Name  string           `yaml:"name"`
	Title string           `yaml:"title"`
	Email string           `yaml:"email"`
	Phone string           `yaml:"phone"`
	By    followup.Channel `yaml:"by"` // preferred channel for check-ins and nudges
}

type rawInterviewer struct {
	Name    string           `yaml:"name"`
	Title   string           `yaml:"title"`
	Email   string           `yaml:"email"`
	Phone   string           `yaml:"phone"`
	Thanked followup.Date    `yaml:"thanked"`
	Posted  followup.Date    `yaml:"posted"`
	By      followup.Channel `yaml:"by"`
	Learned string           `yaml:"learned"`
}

type rawRound struct {
	At           followup.LocalTime `yaml:"at"`
	Length       *roundLength       `yaml:"length"`
	Kind         followup.RoundKind `yaml:"kind"`
	Where        string             `yaml:"where"`
	Timeline     *roundTimeline     `yaml:"timeline"`
	Learned      string             `yaml:"learned"`
	Interviewers []rawInterviewer   `yaml:"interviewers"`
}

type rawLog struct {
	On      followup.Date    `yaml:"on"`
	Sent    followup.Kind    `yaml:"sent"`
	By      followup.Channel `yaml:"by"`
	Heard   string           `yaml:"heard"`
	Next    followup.Date    `yaml:"next"`
	Outcome followup.Outcome `yaml:"outcome"`
	Note    string           `yaml:"note"`
	// Deadline is when an offer must be answered (docs/reference.md).
	Deadline followup.Date `yaml:"deadline"`
	// Skipped is the id of an action decided against (docs/reference.md).
	Skipped string `yaml:"skipped"`
}

// roundLength is a round's length, clock time such as 45m or 1h30m. It
// reads like a followup.Span, with messages that say what a length is.
type roundLength struct{ followup.Span }

func (l *roundLength) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	sp, err := followup.ParseSpan(s)
	switch {
	case strings.HasPrefix(s, "-"):
		return fmt.Errorf("must be positive, such as 45m or 1h, not %q", s)
	case err != nil:
		return fmt.Errorf("want a duration such as 45m, 1h or 1h30m, not %q", s)
	}
	l.Span = sp
	return nil
}

// roundTimeline is what they said about hearing back: a followup.Timeline,
// with messages that say what a timeline is.
type roundTimeline struct{ followup.Timeline }

func (t *roundTimeline) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if strings.HasPrefix(s, "-") {
		return fmt.Errorf("%q is negative: write what they said, such as \"2 weeks\" or \"10 business days\", or the date", s)
	}
	var tl followup.Timeline
	if err := tl.UnmarshalText(b); err != nil {
		if sp, err2 := followup.ParseSpan(s); err2 == nil && !sp.IsCalendar() {
			return fmt.Errorf("%q is clock time: count in days or weeks (\"10 days\", \"2 weeks\", \"5 business days\") or give the date", s)
		}
		if strings.HasPrefix(err.Error(), "invalid date") {
			return err
		}
		return fmt.Errorf("%q is not a timeline: write what they said: %s", s, followup.TimelineForms)
	}
	if tl.Date.IsZero() && moreThanAYear(tl.Span) {
		// Counting a billion business days one by one would hang the
		// schedule; nobody is promised an answer in more than a year.
		return fmt.Errorf("%q is more than a year: write what they said, such as \"2 weeks\", or the date", s)
	}
	t.Timeline = tl
	return nil
}

// moreThanAYear reports whether a calendar span reaches past a year,
// without counting it out (business days are counted one by one).
func moreThanAYear(sp followup.Span) bool {
	switch sp.Unit {
	case followup.Days:
		return sp.N > 366
	case followup.Weeks:
		return sp.N > 52
	case followup.BusinessDays:
		return sp.N > 262
	}
	return false
}

// fieldsOf maps a raw type's name (as the YAML library prints it) to its
// field names, for "did you mean" suggestions.
var fieldsOf = map[string][]string{}

func init() {
	for _, v := range []any{rawApp{}, rawPerson{}, rawInterviewer{}, rawRound{}, rawLog{}} {
		t := reflect.TypeOf(v)
		var names []string
		for i := 0; i < t.NumField(); i++ {
			names = append(names, strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0])
		}
		fieldsOf[t.Name()] = names
	}
}
