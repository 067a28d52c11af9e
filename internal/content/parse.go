package content

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

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
		// Warnings go with the errors, so check shows every problem at once.
		p.errs = append(p.errs, p.warns...)
		p.errs.Sort()
		return nil, p.errs
	}
	if len(p.warns) > 0 {
		p.warns.Sort()
		app.Warnings = p.warns
	}
	return app, nil
}

type parser struct {
	path      string
	front     []byte
	yl        *yamlLines // built on the first error
	errs      followup.ErrorList
	warns     followup.ErrorList    // warnings (followup.Error.Warning)
	doc       *yaml.Node            // the front matter's top mapping
	plain     bool                  // no alias, no non-record in a list of records (see suspicious)
	index     map[string]*yaml.Node // dotted path -> value node; nil until needed
	keys      map[string]*yaml.Node // dotted path -> key node
	paths     map[[2]int]string     // value position -> dotted path
	rejected  map[followup.Pos]bool // where the decoder rejected a value
	suggested map[string]bool       // top-level fields offered for a typo
	steps     int                   // nodes lookup visited: its work, for TestLookupWork
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
	line, col = p.lines().filePos(line, col)
	return followup.Pos{Path: p.path, Line: line + lineOffset, Col: col}
}

func (p *parser) lines() *yamlLines {
	if p.yl == nil {
		p.yl = newYAMLLines(p.front)
	}
	return p.yl
}

// errorf records a problem found after decoding, unless the decoder
// already rejected the value at that place: a value that did not decode is
// not also reported as missing or empty. Two checks that fail at the same
// place (a log entry with neither "on" nor "sent") are both reported.
func (p *parser) errorf(pos followup.Pos, format string, args ...any) {
	if p.rejected[pos] {
		return
	}
	p.errs.Add(pos, format, args...)
}

// reject records a problem the YAML library found.
func (p *parser) reject(pos followup.Pos, msg string) {
	if p.rejected == nil {
		p.rejected = map[followup.Pos]bool{}
	}
	p.rejected[pos] = true
	p.errs.Add(pos, "%s", msg)
}

// pos is the position of the value at a dotted path, falling back to its
// parents, then to the top of the file.
func (p *parser) pos(path string) followup.Pos {
	for {
		if _, n := p.lookup(path); n != nil {
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
	if k, _ := p.lookup(path); k != nil {
		return p.at(k.Line, k.Column)
	}
	return p.pos(path)
}

func (p *parser) has(path string) bool { _, n := p.lookup(path); return n != nil }

// node is the value at a dotted path, or nil.
func (p *parser) node(path string) *yaml.Node { _, n := p.lookup(path); return n }

// lookup finds the key and value nodes at a dotted path ("rounds.1.at")
// by walking down from the top, numbering the records of a list the way
// the decoder does (walk's index gives the same answers, and is built
// only when a file has problems: building it for every file was a
// quarter of what parsing allocated).
func (p *parser) lookup(path string) (key, val *yaml.Node) {
	if p.index != nil {
		return p.keys[path], p.index[path]
	}
	n := p.doc
	if n == nil {
		return nil, nil
	}
	var stack [6]string
	parts := stack[:0]
	for rest := path; rest != ""; {
		var seg string
		seg, rest, _ = strings.Cut(rest, ".")
		switch n.Kind {
		case yaml.MappingNode:
			var k, v *yaml.Node
			p.steps += len(n.Content) / 2
			for i := 0; i+1 < len(n.Content); i += 2 {
				if c := n.Content[i]; c.Value == seg && !(c.Kind == yaml.ScalarNode && c.ShortTag() == "!!null") {
					k, v = c, n.Content[i+1] // the last of duplicates, as walk
				}
			}
			if v == nil {
				return nil, nil
			}
			key, n = k, v
		case yaml.SequenceNode:
			want, err := strconv.Atoi(seg)
			if err != nil {
				return nil, nil
			}
			if p.plain {
				// Every item of a list of records is a record: the
				// n-th record is the n-th item. Counting them from the
				// start for every field of every entry made a log of
				// 100,000 entries take minutes to check.
				if want < 0 || want >= len(n.Content) {
					return nil, nil
				}
				key, n = nil, n.Content[want]
				parts = append(parts, seg)
				continue
			}
			records := isRecordListParts(parts)
			var v *yaml.Node
			i := 0
			for _, c := range n.Content {
				p.steps++
				if records && !isRecord(c) {
					continue
				}
				if i == want {
					v = c
					break
				}
				i++
			}
			if v == nil {
				return nil, nil
			}
			key, n = nil, v
		default:
			return nil, nil
		}
		parts = append(parts, seg)
	}
	return key, n
}

// isRecord: a list of records keeps only mappings, as the decoder does.
func isRecord(c *yaml.Node) bool {
	kind := c.Kind
	if kind == yaml.AliasNode && c.Alias != nil {
		kind = c.Alias.Kind
	}
	return kind == yaml.MappingNode
}

// buildIndex makes walk's maps, for the error paths that need positions
// by path and paths by position.
func (p *parser) buildIndex() {
	if p.index != nil || p.doc == nil {
		return
	}
	p.index = map[string]*yaml.Node{}
	p.keys = map[string]*yaml.Node{}
	p.paths = map[[2]int]string{}
	p.walk("", p.doc)
}

// suspicious reports whether walk would find a problem: a field without a
// name, an alias, or an entry that is not a record in a list of records.
// Files without any (nearly all) never build the index.
func suspicious(n *yaml.Node, parts []string) bool {
	switch n.Kind {
	case yaml.AliasNode:
		return true
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!null" {
				return true
			}
			if suspicious(n.Content[i+1], append(parts, k.Value)) {
				return true
			}
		}
	case yaml.SequenceNode:
		records := isRecordListParts(parts)
		for _, c := range n.Content {
			if records && !isRecord(c) {
				return true
			}
			if suspicious(c, append(parts, "#")) {
				return true
			}
		}
	}
	return false
}

func (p *parser) parse(slug string, data []byte, defaultTZ string) *followup.Application {
	front, body, bodyLine, problem := split(data)
	p.front = front
	if problem != "" {
		p.errorf(p.at(0, 0), "%s", problem)
		return nil
	}
	if len(front) > MaxFrontMatter {
		p.errorf(p.at(0, 0), "front matter is %s; it may hold at most %s (keep long text in the notes below the closing ---)", megabytes(int64(len(front))), megabytes(MaxFrontMatter))
		return nil
	}
	if len(body) > MaxNotes {
		p.errorf(followup.Pos{Path: p.path, Line: bodyLine, Col: 1}, "notes are %s; they may hold at most %s", megabytes(int64(len(body))), megabytes(MaxNotes))
	}
	var raw rawApp
	if onlyComments(front) {
		p.missing(&raw)
		return nil
	}
	var root yaml.Node
	if err := yaml.Load(front, &root); err != nil {
		p.yamlError(err)
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
	p.doc = doc
	if suspicious(doc, make([]string, 0, 6)) {
		p.buildIndex() // and report what walk finds
	} else {
		p.plain = true
	}
	if err := doc.Load(&raw, yaml.WithKnownFields()); err != nil {
		p.yamlError(err)
		var many *yaml.LoadErrors
		if !errors.As(err, &many) {
			return nil // not a field-level problem: the fields cannot be trusted
		}
	}
	p.missing(&raw)
	app := p.check(slug, &raw, defaultTZ)
	if app != nil {
		// A copy, so the front matter's bytes are not kept alive with
		// every application of a big search.
		app.Notes = bytes.Clone(body)
		app.Path = p.path
	}
	return app
}

// onlyComments reports whether front matter holds nothing but blank and
// comment lines: no fields at all.
func onlyComments(b []byte) bool {
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

// missing reports a required field that is not written at all; one that
// is written but empty is reported by check, at its value. A field offered
// as the fix for a typo ("compnay") is not reported again.
func (p *parser) missing(raw *rawApp) {
	for _, f := range []struct {
		name, value string
	}{{"company", raw.Company}, {"role", raw.Role}} {
		if strings.TrimSpace(f.value) == "" && !p.has(f.name) && !p.suggested[f.name] {
			p.errorf(p.at(0, 0), "missing required field %q", f.name)
		}
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
			if key := n.Content[i]; key.Kind == yaml.ScalarNode && key.ShortTag() == "!!null" {
				// The decoder skips a field without a name, and its value
				// must not stand in for a field of the same name above.
				p.errorf(p.at(key.Line, key.Column), "field name missing before \":\"")
				continue
			}
			k := join(n.Content[i].Value)
			p.keys[k] = n.Content[i]
			p.walk(k, n.Content[i+1])
		}
	case yaml.SequenceNode:
		// The decoder drops an item of a list of records that is not a
		// mapping (a lone "-", or text), so number the paths the way the
		// decoder numbers the records it keeps; otherwise every later
		// record would be reported at the position of the one above it.
		records := isRecordList(path)
		i := 0
		for _, c := range n.Content {
			kind := c.Kind
			if kind == yaml.AliasNode && c.Alias != nil {
				kind = c.Alias.Kind
			}
			if records && kind != yaml.MappingNode {
				p.paths[[2]int{c.Line, c.Column}] = path
				if c.Kind == yaml.ScalarNode && c.ShortTag() == "!!null" {
					p.errorf(p.at(c.Line, c.Column), "%s: empty entry (a lone \"-\"); fill it in or remove it", lastKey(path))
				}
				continue
			}
			p.walk(join(strconv.Itoa(i)), c)
			i++
		}
	case yaml.AliasNode:
		// Aliases would make the checks below see a different tree than
		// the decoder; nobody needs them in an application file.
		p.errorf(p.at(n.Line, n.Column), "%s: aliases (*%s) are not supported in front matter; write the value out", lastKey(path), n.Value)
	}
}

// isRecordList reports whether the list at path holds records (rounds, log
// entries, interviewers) rather than single values.
func isRecordList(path string) bool {
	return isRecordListParts(strings.Split(path, "."))
}

func isRecordListParts(parts []string) bool {
	switch len(parts) {
	case 1:
		return parts[0] == "rounds" || parts[0] == "log"
	case 3:
		return parts[0] == "rounds" && parts[2] == "interviewers"
	}
	return false
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
