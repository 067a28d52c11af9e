package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/followup-tool/followup/internal/followup"
	"go.yaml.in/yaml/v4"
)

// This file is the adapter between the YAML library's errors and
// followup's messages: the only place that reads the library's wording.
// Positions come from the library's structured LoadError (its Mark); the
// wording is matched only where no structure says what went wrong (an
// unknown field, a key written twice, a value of the wrong type).
// TestYAMLErrorShapes feeds the library real mistakes and fails when a
// new release words one of them differently, so an upgrade cannot
// quietly turn a helpful message into a raw one.

var (
	reUnknown   = regexp.MustCompile(`field (\S+) not found in type \*?(?:[\w]+\.)?(\w+)`)
	reDuplicate = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
	reConstruct = regexp.MustCompile(`cannot (?:construct|unmarshal) (!!\w+)(?: [^ ]+)? into (\S+)`)
)

func (p *parser) yamlError(err error) {
	var many *yaml.LoadErrors
	if errors.As(err, &many) {
		for _, e := range many.Errors {
			p.loadError(e)
		}
		return
	}
	var one *yaml.LoadError
	if errors.As(err, &one) {
		p.loadError(one)
		return
	}
	p.reject(p.at(0, 0), strings.TrimPrefix(err.Error(), "yaml: "))
}

// loadError turns one of the YAML library's errors into a message for a
// job seeker, at the value it is about: the library's wording names Go
// types and parser states ("while scanning a quoted scalar").
func (p *parser) loadError(e *yaml.LoadError) {
	line, col := e.Mark.Line, e.Mark.Column
	msg := e.Message
	p.buildIndex()
	field := func() string { return p.paths[[2]int{line, col}] }
	if m := reUnknown.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("unknown field %q", m[1])
		if s := followup.Suggest(m[1], fieldsOf[m[2]]); s != "" {
			msg += fmt.Sprintf(", did you mean %q?", s)
			if m[2] == "rawApp" {
				if p.suggested == nil {
					p.suggested = map[string]bool{}
				}
				p.suggested[s] = true
			}
		}
	} else if m := reDuplicate.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[2])
		msg = fmt.Sprintf("%s: written twice (first at line %d); keep one", m[1], p.at(n, 1).Line)
	} else if m := reConstruct.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("want %s, got %s", describeType(m[2]), describeTag(m[1]))
		if f := field(); f != "" {
			msg = lastKey(f) + ": " + msg
		}
	} else if e.Stage == yaml.ReaderStage || e.Stage == yaml.ScannerStage || e.Stage == yaml.ParserStage {
		line, col, msg = syntaxError(e, p.lines())
	}
	if f := field(); f != "" && !strings.HasPrefix(msg, lastKey(f)+":") && !strings.HasPrefix(msg, "unknown field") {
		msg = lastKey(f) + ": " + msg
	}
	p.reject(p.at(line, col), msg)
}

// syntaxError explains a YAML syntax error and places it: where the
// construct that is never finished starts (an unclosed quote or bracket),
// or where the scanner gave up (a line indented out of step).
func syntaxError(e *yaml.LoadError, lines *yamlLines) (line, col int, msg string) {
	text := lines.text(e.Mark.Line)
	switch {
	case tabAt(lines.text(e.Mark.Line)):
		return e.Mark.Line, e.Mark.Column, "tab character in indentation: YAML indents with spaces"
	case strings.Contains(e.ContextMsg, "quoted scalar"):
		q := `"`
		if runeAt(lines.text(e.ContextMark.Line), e.ContextMark.Column) == `'\''` {
			q = "'"
		}
		return e.ContextMark.Line, e.ContextMark.Column, fmt.Sprintf("the quote opened here is never closed: add the closing %s at the end of the value", q)
	case strings.Contains(e.ContextMsg, "flow sequence"):
		return e.ContextMark.Line, e.ContextMark.Column, `the list opened here with "[" is not closed: separate items with "," and end it with "]"`
	case strings.Contains(e.ContextMsg, "flow mapping"):
		return e.ContextMark.Line, e.ContextMark.Column, `the fields opened here with "{" are not closed: separate them with "," and end them with "}"`
	case e.Message == "mapping values are not allowed in this context":
		key, value, ok := strings.Cut(strings.TrimSpace(text), ": ")
		key = strings.TrimSpace(strings.TrimPrefix(key, "- "))
		if ok && utf8.RuneCountInString(text[:len(text)-len(strings.TrimLeft(text, " "))])+utf8.RuneCountInString(key) < e.Mark.Column-1 && !strings.ContainsAny(key, " \"'") {
			// key: Boston: MA
			start := strings.Index(text, ": ") + 2
			start += len(text[start:]) - len(strings.TrimLeft(text[start:], " "))
			vcol := utf8.RuneCountInString(text[:start]) + 1
			return e.Mark.Line, vcol, fmt.Sprintf("%s: a value that contains \": \" must be in quotes: %s: %q", key, key, strings.TrimSpace(value))
		}
		indent := utf8.RuneCountInString(text[:len(text)-len(strings.TrimLeft(text, " "))])
		return e.Mark.Line, indent + 1, "this line is indented more than the field above it: start fields of the same level in the same column"
	case strings.Contains(e.ContextMsg, "simple key"):
		return e.ContextMark.Line, e.ContextMark.Column, `want "field: value" here: a value that goes on over several lines must be indented under its field, or put in quotes`
	case strings.HasPrefix(e.Message, "did not find expected"):
		// a block mapping or list that a line breaks out of
		indent := utf8.RuneCountInString(text[:len(text)-len(strings.TrimLeft(text, " "))])
		return e.Mark.Line, indent + 1, "this line does not line up with the ones above it: start fields of the same level in the same column, and list items with \"- \""
	case e.Message == "found character that cannot start any token":
		msg := fmt.Sprintf("a value cannot start with %s: put the value in quotes", runeAt(text, e.Mark.Column))
		if key, _, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(text), "- "), ":"); ok && !strings.ContainsAny(key, " \"'`") && key != "" && e.Mark.Column > utf8.RuneCountInString(text)-utf8.RuneCountInString(strings.TrimLeft(text, " -"))+utf8.RuneCountInString(key)+1 {
			msg = key + ": " + msg
		}
		return e.Mark.Line, e.Mark.Column, msg
	}
	line, col = e.Mark.Line, e.Mark.Column
	if e.ContextMark.Line > 0 {
		line, col = e.ContextMark.Line, e.ContextMark.Column
	}
	msg = e.Message
	if e.ContextMsg != "" && !strings.Contains(msg, e.ContextMsg) {
		msg = e.ContextMsg + ": " + msg
	}
	return line, col, "YAML syntax: " + msg
}

// runeAt quotes the character at a 1-based column.
func runeAt(s string, col int) string {
	for i, r := range []rune(s) {
		if i == col-1 {
			return strconv.QuoteRune(r)
		}
	}
	return "it"
}

// tabAt reports whether a line is indented with a tab.
func tabAt(l string) bool {
	indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
	return strings.IndexByte(indent, '\t') >= 0
}

func lastKey(path string) string {
	parts := strings.Split(path, ".")
	for i := len(parts) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil {
			return parts[i]
		}
	}
	return path
}

func describeTag(tag string) string {
	switch tag {
	case "!!seq":
		return "a list"
	case "!!map":
		return "a mapping"
	case "!!str":
		return "text"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true/false"
	case "!!null":
		return "nothing"
	case "!!timestamp":
		return "a timestamp"
	}
	return tag
}

func describeType(t string) string {
	switch {
	case strings.HasSuffix(t, "roundLength"):
		return "a duration such as 45m or 1h"
	case strings.HasSuffix(t, "roundTimeline"):
		return "a timeline such as \"2 weeks\" or a date YYYY-MM-DD"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case t == "string":
		return "text"
	case strings.Contains(t, "raw"):
		return "a mapping of fields"
	case strings.HasSuffix(t, "Date"):
		return "a date YYYY-MM-DD"
	case strings.HasSuffix(t, "LocalTime"):
		return "a local time YYYY-MM-DD HH:MM"
	case strings.HasSuffix(t, "Span"), strings.HasSuffix(t, "Timeline"):
		return "a span like \"2 weeks\""
	case strings.HasPrefix(t, "int"):
		return "a whole number"
	case t == "bool":
		return "true or false"
	}
	return "a single value"
}
