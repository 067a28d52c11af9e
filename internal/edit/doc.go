// Package edit records what the user did in an application file the way a
// careful person would by hand: it splices new lines and values into the
// bytes at the positions the YAML parser gives, never re-serialising the
// document, so comments, blank lines, key order, quoting, indentation,
// line endings, a BOM and the notes stay byte for byte. Every splice is
// checked by parsing the result again; a file the editor cannot change
// safely is left alone and the user is told what to paste where.
package edit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

var bom = []byte("\xef\xbb\xbf")

// doc is an application file with the positions of its front matter.
type doc struct {
	data  []byte
	nl    string // the file's line ending, from its first line
	lines []line // the front matter's lines; lines[i] is YAML line i+1
	end   int    // offset of the closing --- line
	root  *yaml.Node
}

type line struct{ start, end int } // end excludes the line ending

func parseDoc(data []byte) (*doc, error) {
	d := &doc{data: data}
	i := 0
	if bytes.HasPrefix(data, bom) {
		i = len(bom)
	}
	j := bytes.IndexByte(data[i:], '\n')
	if j < 0 || strings.TrimSuffix(string(data[i:i+j]), "\r") != "---" {
		return nil, errors.New("the file does not start with a --- line")
	}
	d.nl = "\n"
	if j > 0 && data[i+j-1] == '\r' {
		d.nl = "\r\n"
	}
	s := i + j + 1
	for {
		if s >= len(data) {
			return nil, errors.New("the front matter is never closed with a --- line")
		}
		e := bytes.IndexByte(data[s:], '\n')
		next := len(data)
		if e >= 0 {
			e += s
			next = e + 1
		} else {
			e = len(data)
		}
		l := line{s, e}
		if e > s && data[e-1] == '\r' {
			l.end--
		}
		if string(data[l.start:l.end]) == "---" {
			d.end = s
			break
		}
		if e == len(data) {
			return nil, errors.New("the front matter is never closed with a --- line")
		}
		d.lines = append(d.lines, l)
		s = next
	}
	front := data[d.lines0():d.end]
	// The parser counts a lone CR, NEL and the Unicode line and paragraph
	// separators as line breaks too: with one of them its lines are not
	// the file's lines, and a splice could land anywhere.
	for i, c := range front {
		if c == '\r' && (i+1 == len(front) || front[i+1] != '\n') {
			return nil, errors.New("the front matter has a carriage return (CR) alone, not at the end of a line")
		}
	}
	if bytes.Contains(front, []byte("\u0085")) || bytes.Contains(front, []byte("\u2028")) || bytes.Contains(front, []byte("\u2029")) {
		return nil, errors.New("the front matter has a Unicode line or paragraph separator")
	}
	var root yaml.Node
	if err := yaml.Load(front, &root); err != nil {
		return nil, err
	}
	n := &root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return nil, errors.New("the front matter is not a list of fields")
	}
	d.root = n
	if !d.within(n) {
		return nil, errors.New("the front matter's lines could not be placed")
	}
	return d, nil
}

// within reports whether every node stands on a line of the front matter
// (every splice relies on it).
func (d *doc) within(n *yaml.Node) bool {
	if n.Line < 1 || n.Line > len(d.lines) || n.Column < 1 {
		return false
	}
	for _, c := range n.Content {
		if !d.within(c) {
			return false
		}
	}
	return true
}

// lines0 is the offset of the front matter's first byte.
func (d *doc) lines0() int {
	if len(d.lines) > 0 {
		return d.lines[0].start
	}
	return d.end
}

func (d *doc) text(i int) string { return string(d.data[d.lines[i].start:d.lines[i].end]) }

func (d *doc) indent(i int) int {
	t := d.text(i)
	return len(t) - len(strings.TrimLeft(t, " "))
}

func (d *doc) blank(i int) bool { return strings.TrimSpace(d.text(i)) == "" }

func (d *doc) comment(i int) bool { return strings.HasPrefix(strings.TrimSpace(d.text(i)), "#") }

// fileLine is the line of the file (1-based) of front matter line index i.
func fileLine(i int) int { return i + 2 }

// offset is the byte offset of a node's 1-based line and column (the
// parser counts columns in characters).
func (d *doc) offset(ln, col int) int {
	s := d.lines[ln-1].start
	t := d.data[s:d.lines[ln-1].end]
	for c := 1; c < col && len(t) > 0; c++ {
		_, n := utf8.DecodeRune(t)
		t = t[n:]
		s += n
	}
	return s
}

// lineStart is the offset where a line inserted before front matter
// line index i begins (the closing --- line when i is past the end).
func (d *doc) lineStart(i int) int {
	if i < len(d.lines) {
		return d.lines[i].start
	}
	return d.end
}

// blockEnd is the index of the line before which a line that ends the
// block starting at line index first (whose fields stand in column col,
// 0-based) is inserted: after the block's last line of content, and of
// comments indented into it; before blank lines and the comments above
// whatever follows the block.
func (d *doc) blockEnd(first, col int) int {
	k := first + 1
	for ; k < len(d.lines); k++ {
		if !d.blank(k) && !d.comment(k) && d.indent(k) < col {
			break
		}
	}
	for k > first+1 && (d.blank(k-1) || (d.comment(k-1) && d.indent(k-1) < max(col, 1))) {
		k--
	}
	return k
}

// refusal says why a file cannot be edited safely.
type refusal struct {
	line   int // line index of the front matter, -1 when none
	reason string
}

func (r *refusal) Error() string { return r.reason }

func refuse(n *yaml.Node, format string, args ...any) *refusal {
	ln := -1
	if n != nil {
		ln = n.Line - 1
	}
	return &refusal{line: ln, reason: fmt.Sprintf(format, args...)}
}

// field is the key and value of a mapping's field, or nils.
func field(m *yaml.Node, name string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			k, v = m.Content[i], m.Content[i+1]
		}
	}
	return k, v
}

// shape refuses what cannot be edited by splicing lines: flow style
// (`[a, b]`, `{name: X}`) and anchors or aliases.
func shape(n *yaml.Node, what string) *refusal {
	if n.Style&yaml.FlowStyle != 0 && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
		return refuse(n, "%s is written inline (flow style, with [ ] or { })", what)
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return refuse(n, "%s uses a YAML anchor or alias (& or *)", what)
	}
	return nil
}

// anchors refuses a document with any anchor or alias anywhere: a splice
// next to one could change what the alias means.
func anchors(n *yaml.Node) *refusal {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return refuse(n, "the front matter uses a YAML anchor or alias (& or *)")
	}
	for _, c := range n.Content {
		if r := anchors(c); r != nil {
			return r
		}
	}
	return nil
}

// lastLeaf is the last scalar of a node, in the order of the text.
func lastLeaf(n *yaml.Node) *yaml.Node {
	for len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n
}

// blockScalarBefore refuses an insertion right after a block scalar (| or
// >): where such a value ends depends on blank lines and indentation a
// new line would change.
func blockScalarBefore(n *yaml.Node) *refusal {
	leaf := lastLeaf(n)
	if leaf.Kind == yaml.ScalarNode && leaf.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return refuse(leaf, "a block of text (| or >) ends just where the new lines would go")
	}
	return nil
}

// dashCol is the 0-based column of the "-" of a block list's item.
func (d *doc) dashCol(item *yaml.Node) (int, bool) {
	t := d.text(item.Line - 1)
	off := d.offset(item.Line, item.Column) - d.lines[item.Line-1].start
	pre := strings.TrimRight(t[:off], " ")
	if !strings.HasSuffix(pre, "-") || strings.TrimLeft(pre[:len(pre)-1], " ") != "" {
		return 0, false
	}
	return len(pre) - 1, true
}

// listStyle is how a file indents a list of records: the "-" so many
// columns right of its field, the item's fields so many right of the "-".
type listStyle struct{ dash, key int }

// learnStyle reads how the file indents its lists of records (log, rounds,
// interviewers), so new lists look like their siblings; two and two when
// it has none.
func (d *doc) learnStyle() listStyle {
	var found *listStyle
	var look func(key, val *yaml.Node)
	look = func(key, val *yaml.Node) {
		if found != nil || val.Kind != yaml.SequenceNode || val.Style&yaml.FlowStyle != 0 {
			return
		}
		for _, it := range val.Content {
			if it.Kind != yaml.MappingNode || it.Style&yaml.FlowStyle != 0 {
				continue
			}
			if dc, ok := d.dashCol(it); ok {
				found = &listStyle{dash: dc - (key.Column - 1), key: it.Column - 1 - dc}
				if found.dash < 0 || found.key < 2 {
					found = nil
					continue
				}
				return
			}
		}
		for _, it := range val.Content {
			if it.Kind == yaml.MappingNode {
				if k, v := field(it, "interviewers"); v != nil {
					look(k, v)
				}
			}
		}
	}
	for _, name := range []string{"log", "rounds"} {
		if k, v := field(d.root, name); v != nil {
			look(k, v)
		}
	}
	if found != nil {
		return *found
	}
	return listStyle{2, 2}
}
