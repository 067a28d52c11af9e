package content

import (
	"reflect"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// The raw types mirror the front matter field by field; yaml tags are the
// contract of SPEC section 1. They are converted into followup types once
// every value has been checked.

type rawApp struct {
	Company  string        `yaml:"company"`
	Role     string        `yaml:"role"`
	Posting  string        `yaml:"posting"`
	Location string        `yaml:"location"`
	Applied  followup.Date `yaml:"applied"`
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
}

type rawRound struct {
	At           followup.LocalTime `yaml:"at"`
	Length       *followup.Span     `yaml:"length"`
	Kind         followup.RoundKind `yaml:"kind"`
	Where        string             `yaml:"where"`
	Timeline     *followup.Timeline `yaml:"timeline"`
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
