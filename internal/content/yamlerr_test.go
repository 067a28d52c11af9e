package content

import (
	"errors"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestYAMLErrorShapes decodes real mistakes with the YAML library and
// checks that the adapter still recognises each of its messages. A
// library release that rewords one fails here, instead of followup
// printing the library's words (Go type names, parser states) to users.
func TestYAMLErrorShapes(t *testing.T) {
	load := func(src string) *yaml.LoadError {
		t.Helper()
		var raw rawApp
		err := yaml.Load([]byte(src), &raw, yaml.WithKnownFields())
		var many *yaml.LoadErrors
		if errors.As(err, &many) && len(many.Errors) > 0 {
			return many.Errors[0]
		}
		var one *yaml.LoadError
		if errors.As(err, &one) {
			return one
		}
		t.Fatalf("%q: want a LoadError, got %v", src, err)
		return nil
	}
	for _, c := range []struct {
		name, src string
		match     func(msg string) bool
	}{
		{"unknown field", "company: A\ncompnay: B\n", func(m string) bool {
			g := reUnknown.FindStringSubmatch(m)
			return g != nil && g[1] == "compnay" && g[2] == "rawApp"
		}},
		{"unknown nested field", "company: A\ncontact:\n  nmae: X\n", func(m string) bool {
			g := reUnknown.FindStringSubmatch(m)
			return g != nil && g[1] == "nmae" && g[2] == "rawPerson"
		}},
		{"key twice", "company: A\ncompany: B\n", func(m string) bool {
			g := reDuplicate.FindStringSubmatch(m)
			return g != nil && g[1] == "company" && g[2] == "1"
		}},
		{"wrong type", "company: [a, b]\n", func(m string) bool {
			g := reConstruct.FindStringSubmatch(m)
			return g != nil && g[1] == "!!seq"
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := load(c.src)
			if !c.match(e.Message) {
				t.Errorf("the adapter does not recognise %q", e.Message)
			}
			if e.Mark.Line < 1 || e.Mark.Column < 1 {
				t.Errorf("no position: %+v", e.Mark)
			}
		})
	}
	// Syntax errors are placed from the structured stage and context.
	for _, src := range []string{"company: \"unterminated\n", "company: [a\n", "a:\n\t- b\n"} {
		e := load(src)
		if e.Stage != yaml.ReaderStage && e.Stage != yaml.ScannerStage && e.Stage != yaml.ParserStage {
			t.Errorf("%q: stage %v is not a syntax stage: %q", src, e.Stage, e.Message)
		}
	}
}
