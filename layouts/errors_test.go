package layouts

import (
	htmltemplate "html/template"
	"strings"
	"testing"
	texttemplate "text/template"
)

// TestTemplateErrorShapes feeds TemplateError the errors the template
// packages really produce, parsing and executing, so a Go release that
// changes their wording fails here instead of degrading every message to
// 1:1.
func TestTemplateErrorShapes(t *testing.T) {
	type data struct{ Name string }
	parse := func(pkg, src string) error {
		var err error
		if pkg == "html" {
			_, err = htmltemplate.New("page.html").Parse(src)
		} else {
			_, err = texttemplate.New("page.tmpl").Parse(src)
		}
		return err
	}
	exec := func(pkg, src string) error {
		var b strings.Builder
		if pkg == "html" {
			tm, err := htmltemplate.New("page.html").Parse(src)
			if err != nil {
				return err
			}
			return tm.Execute(&b, data{})
		}
		tm, err := texttemplate.New("page.tmpl").Option("missingkey=error").Parse(src)
		if err != nil {
			return err
		}
		return tm.Execute(&b, data{})
	}
	for _, c := range []struct {
		name      string
		err       error
		line, col int
		file, msg string
	}{
		{"html parse", parse("html", "a\nb\n{{.Name"), 3, 1, "page.html", "unclosed action"},
		{"text parse", parse("text", "a\n{{nope}}"), 2, 1, "page.tmpl", `function "nope" not defined`},
		{"html execute", exec("html", "a\n\n  {{.Missing}}"), 3, 4, "page.html", `executing "page.html" at <.Missing>`},
		{"text execute", exec("text", "{{.Missing}}"), 1, 2, "page.tmpl", `executing "page.tmpl" at <.Missing>`},
		{"html escaper", exec("html", "<a href=\"{{.Name}}\n"), 1, 1, "page.html", "ends in a non-text context"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.err == nil {
				t.Fatal("no error")
			}
			e := TemplateError("layouts/x", c.err)
			if e.Pos.Line != c.line || (c.col > 1 && e.Pos.Col != c.col) || !strings.Contains(e.Msg, c.msg) || strings.HasPrefix(e.Msg, "template") {
				t.Errorf("%v\n-> %d:%d %q, want %d:%d containing %q", c.err, e.Pos.Line, e.Pos.Col, e.Msg, c.line, c.col, c.msg)
			}
			if got := TemplateName(c.err); got != c.file {
				t.Errorf("TemplateName = %q, want %q", got, c.file)
			}
		})
	}
}
