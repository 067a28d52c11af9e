package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"go.yaml.in/yaml/v4"
)

// Parse reads one application file. path is how messages name the file,
// slug its identity, defaultTZ the zone for files without `tz`. Every
// problem found is returned; the application is nil when there are any.
func Parse(path, slug string, data []byte, defaultTZ string) (*followup.Application, followup.ErrorList) {
	p := &parser{path: path}
	app := p.parse(slug, data, defaultTZ)
	if len(p.errs) > 0 {
		p.errs.Sort()
		return nil, p.errs
	}
	return app, nil
}

type parser struct {
	path  string
	errs  followup.ErrorList
	index map[string]*yaml.Node // dotted path -> value node
	keys  map[string]*yaml.Node // dotted path -> key node
	paths map[[2]int]string     // value position -> dotted path
}

// lineOffset: YAML line 1 is file line 2, after the opening ---.
const lineOffset = 1

func (p *parser) at(line, col int) followup.Pos {
	if line <= 0 {
		return followup.Pos{Path: p.path, Line: 1, Col: 1}
	}
	if col <= 0 {
		col = 1
	}
	return followup.Pos{Path: p.path, Line: line + lineOffset, Col: col}
}

// errorf records a problem, unless one is already reported at that exact
// place: a value the decoder rejected is not also reported as empty.
func (p *parser) errorf(pos followup.Pos, format string, args ...any) {
	for _, e := range p.errs {
		if e.Pos == pos {
			return
		}
	}
	p.errs.Add(pos, format, args...)
}

// pos is the position of the value at a dotted path, falling back to its
// parents, then to the top of the file.
func (p *parser) pos(path string) followup.Pos {
	for {
		if n, ok := p.index[path]; ok {
			return p.at(n.Line, n.Column)
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return p.at(0, 0)
		}
		path = path[:i]
	}
}

// keyPos is the position of the key at path (for "this field should not be here").
func (p *parser) keyPos(path string) followup.Pos {
	if n, ok := p.keys[path]; ok {
		return p.at(n.Line, n.Column)
	}
	return p.pos(path)
}

func (p *parser) has(path string) bool { _, ok := p.index[path]; return ok }

func (p *parser) parse(slug string, data []byte, defaultTZ string) *followup.Application {
	front, body, _, problem := split(data)
	if problem != "" {
		p.errorf(p.at(0, 0), "%s", problem)
		return nil
	}
	var raw rawApp
	if len(bytes.TrimSpace(stripComments(front))) == 0 {
		p.missing(&raw)
		return nil
	}
	var root yaml.Node
	if err := yaml.Load(front, &root); err != nil {
		p.yamlError(err, front)
		return nil
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		p.errorf(p.at(doc.Line, doc.Column), "front matter must be fields (company: …, role: …), not %s", describeNode(doc))
		return nil
	}
	p.index = map[string]*yaml.Node{}
	p.keys = map[string]*yaml.Node{}
	p.paths = map[[2]int]string{}
	p.walk("", doc)
	if err := doc.Load(&raw, yaml.WithKnownFields()); err != nil {
		p.yamlError(err, front)
		var many *yaml.LoadErrors
		if !errors.As(err, &many) {
			return nil // not a field-level problem: the fields cannot be trusted
		}
	}
	p.missing(&raw)
	app := p.check(slug, &raw, defaultTZ)
	if app != nil {
		app.Notes = body
		app.Source = data
		app.Path = p.path
	}
	return app
}

// stripComments blanks YAML comment lines, to tell front matter that holds
// nothing from front matter that holds fields.
func stripComments(b []byte) []byte {
	var out []byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' {
			out = append(out, t...)
		}
	}
	return out
}

func (p *parser) missing(raw *rawApp) {
	if strings.TrimSpace(raw.Company) == "" && !p.has("company") {
		p.errorf(p.at(0, 0), "missing required field \"company\"")
	}
	if strings.TrimSpace(raw.Role) == "" && !p.has("role") {
		p.errorf(p.at(0, 0), "missing required field \"role\"")
	}
}

func (p *parser) walk(path string, n *yaml.Node) {
	p.index[path] = n
	p.paths[[2]int{n.Line, n.Column}] = path
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := join(n.Content[i].Value)
			p.keys[k] = n.Content[i]
			p.walk(k, n.Content[i+1])
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p.walk(join(strconv.Itoa(i)), c)
		}
	}
}

var (
	reUnknown   = regexp.MustCompile(`field (\S+) not found in type \*?(?:[\w]+\.)?(\w+)`)
	reDefinedAt = regexp.MustCompile(`defined at line \d+`)
	reConstruct = regexp.MustCompile(`cannot (?:construct|unmarshal) (!!\w+)(?: [^ ]+)? into (\S+)`)
)

func (p *parser) yamlError(err error, front []byte) {
	var many *yaml.LoadErrors
	if errors.As(err, &many) {
		for _, e := range many.Errors {
			p.loadError(e, front)
		}
		return
	}
	var one *yaml.LoadError
	if errors.As(err, &one) {
		p.loadError(one, front)
		return
	}
	p.errorf(p.at(0, 0), "%s", strings.TrimPrefix(err.Error(), "yaml: "))
}

func (p *parser) loadError(e *yaml.LoadError, front []byte) {
	mark := e.Mark
	if e.ContextMark.Line > 0 {
		mark = e.ContextMark
	}
	msg := e.Message
	if m := reUnknown.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("unknown field %q", m[1])
		if s := suggest(m[1], fieldsOf[m[2]]); s != "" {
			msg += fmt.Sprintf(", did you mean %q?", s)
		}
	} else if m := reConstruct.FindStringSubmatch(msg); m != nil {
		field := p.paths[[2]int{mark.Line, mark.Column}]
		msg = fmt.Sprintf("want %s, got %s", describeType(m[2]), describeTag(m[1]))
		if field != "" {
			msg = lastKey(field) + ": " + msg
		}
	} else if tabAt(front, e.Mark.Line) {
		mark = e.Mark
		msg = "tab character in indentation: YAML indents with spaces"
	} else if e.ContextMsg != "" && !strings.Contains(msg, e.ContextMsg) {
		msg = e.ContextMsg + ": " + msg
	}
	if f := p.paths[[2]int{mark.Line, mark.Column}]; f != "" && !strings.HasPrefix(msg, lastKey(f)+":") && !strings.HasPrefix(msg, "unknown field") {
		msg = lastKey(f) + ": " + msg
	}
	msg = reDefinedAt.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(m, "defined at line "))
		return fmt.Sprintf("defined at line %d", n+lineOffset)
	})
	p.errorf(p.at(mark.Line, mark.Column), "%s", msg)
}

func tabAt(front []byte, line int) bool {
	lines := bytes.Split(front, []byte("\n"))
	if line < 1 || line > len(lines) {
		return false
	}
	l := lines[line-1]
	indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
	return bytes.IndexByte(indent, '\t') >= 0
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

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	}
	return "this"
}

// zoneCache avoids reading zone data once per file (LoadLocation is not
// cached by the standard library).
var zoneCache = newZones()

// LoadZone resolves an IANA zone name, rejecting the empty name and
// "Local", which would make builds depend on the machine.
func LoadZone(name string) (*time.Location, error) { return zoneCache.load(name) }
