package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

// TestTOMLErrorShapes decodes real mistakes with go-toml and checks that
// the adapter still turns each into a job seeker's message at the right
// place. A library release that rewords one fails here.
func TestTOMLErrorShapes(t *testing.T) {
	for _, c := range []struct {
		name, src string
		line, col int
		want      string
	}{
		{"key twice", "title = \"a\"\ntitle = \"b\"\n", 2, 1, "title: written twice; keep one"},
		{"newline in text", "title = \"a\nb\"\n", 1, 1, "text in quotes must end on the same line"},
		{"wrong kind into a struct", "", 0, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.src == "" {
				// The struct decoder's message, still read as a fallback.
				var v rawConfig
				err := toml.Unmarshal([]byte("title = 3\n"), &v)
				var de *toml.DecodeError
				if !errors.As(err, &de) {
					t.Fatalf("want a DecodeError, got %v", err)
				}
				if m := reType.FindStringSubmatch(strings.TrimPrefix(de.Error(), "toml: ")); m == nil {
					t.Errorf("the adapter does not recognise %q", de.Error())
				}
				return
			}
			var doc map[string]any
			err := toml.Unmarshal([]byte(c.src), &doc)
			var de *toml.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("want a DecodeError, got %v", err)
			}
			row, col := de.Position()
			if got := decodeMessage(de); !strings.Contains(got, c.want) {
				t.Errorf("message %q, want %q (go-toml said %q)", got, c.want, de.Error())
			}
			if row != c.line || (c.col > 1 && col != c.col) {
				t.Errorf("at %d:%d, want %d:%d", row, col, c.line, c.col)
			}
		})
	}
	// Through Parse, every problem at its place.
	_, errs := parse([]byte("title = 1\n[policy]\nmax_followups = \"x\"\n"), "followup.toml")
	if len(errs) != 2 || errs[0].Pos.Line != 1 || errs[1].Pos.Line != 3 {
		t.Errorf("Parse: %v", errs)
	}
}

// TestAbbreviatedZoneIsAWarning: `timezone = "EST"` is a zone of the
// database, but not a place: a warning at the value, never an error.
func TestAbbreviatedZoneIsAWarning(t *testing.T) {
	cfg, errs := parse([]byte("timezone = \"EST\"\n"), "followup.toml")
	if len(errs) != 1 || !errs[0].Warning || errs[0].Pos.Line != 1 || errs[0].Pos.Col != 12 || len(errs.Problems()) != 0 {
		t.Fatalf("%v", errs)
	}
	if cfg.Timezone != "EST" || !strings.Contains(errs[0].Msg, "America/New_York") {
		t.Errorf("%q: %v", cfg.Timezone, errs)
	}
}
