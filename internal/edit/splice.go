package edit

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// splice replaces data[start:end] with text.
type splice struct {
	start, end int
	text       string
}

// kv is one field to write, in order; a non-nil list writes a nested list
// of records under the key.
type kv struct {
	key, value string
	list       [][]kv
}

// recordLines renders one record of a list: "- " before its first field,
// the others under it. dash is the column of "-", key that of the fields.
func recordLines(rec []kv, dash, key int, st listStyle, nl string) string {
	var b strings.Builder
	for i, f := range rec {
		if i == 0 {
			b.WriteString(strings.Repeat(" ", dash) + "-" + strings.Repeat(" ", key-dash-1))
		} else {
			b.WriteString(strings.Repeat(" ", key))
		}
		if f.list == nil {
			b.WriteString(f.key + ": " + f.value + nl)
			continue
		}
		b.WriteString(f.key + ":" + nl)
		for _, sub := range f.list {
			b.WriteString(recordLines(sub, key+st.dash, key+st.dash+st.key, st, nl))
		}
	}
	return b.String()
}

// setField sets a field of a block mapping (an interviewer) to a plain
// value: the value is replaced in place when the field is written, else a
// line is added after the mapping's last, at its fields' indentation.
func (d *doc) setField(m *yaml.Node, name, value string) ([]splice, *refusal) {
	if r := shape(m, "that entry"); r != nil {
		return nil, r
	}
	k, v := field(m, name)
	if k == nil {
		if r := blockScalarBefore(m); r != nil {
			return nil, r
		}
		at := d.blockEnd(m.Line-1, m.Column-1)
		return []splice{{d.lineStart(at), d.lineStart(at), strings.Repeat(" ", m.Column-1) + name + ": " + value + d.nl}}, nil
	}
	return d.replaceValue(k, v, value)
}

// replaceValue puts value where v stands on k's line, keeping its quotes
// and the column of a comment after it.
func (d *doc) replaceValue(k, v *yaml.Node, value string) ([]splice, *refusal) {
	if k.Style != 0 && k.Style != yaml.TaggedStyle || k.Kind != yaml.ScalarNode {
		return nil, refuse(k, "the field %s is written in an unusual way", k.Value)
	}
	li := k.Line - 1
	lend := d.lines[li].end
	var start, end int
	empty := v.Kind == yaml.ScalarNode && v.Value == "" && v.ShortTag() == "!!null"
	if empty {
		// "thanked:" with nothing after it: the value goes after the colon.
		start = d.offset(k.Line, k.Column) + len(k.Value)
		for start < lend && d.data[start] == ' ' {
			start++
		}
		if start >= lend || d.data[start] != ':' {
			return nil, refuse(k, "the field %s is written in an unusual way", k.Value)
		}
		start++
		end = start
	} else {
		if v.Kind != yaml.ScalarNode || v.Line != k.Line {
			return nil, refuse(v, "%s holds more than a single value on its line", k.Value)
		}
		start = d.offset(v.Line, v.Column)
		var ok bool
		end, ok = d.scalarEnd(v, start, lend)
		if !ok {
			return nil, refuse(v, "%s is written over more than one line", k.Value)
		}
		switch v.Style &^ yaml.TaggedStyle {
		case yaml.DoubleQuotedStyle:
			value = `"` + value + `"`
		case yaml.SingleQuotedStyle:
			value = "'" + value + "'"
		}
	}
	rest := string(d.data[end:lend])
	text := value
	if empty {
		text = " " + value
	}
	if t := strings.TrimLeft(rest, " \t"); t != "" {
		if !strings.HasPrefix(t, "#") {
			return nil, refuse(v, "%s is followed by something other than a comment", k.Value)
		}
		// Keep the comment where it stood: the value takes the room of the
		// spaces before it, leaving at least one.
		gap := len(rest) - len(t)
		old := end - start
		pad := max(gap-(len(text)-old), 1)
		if empty {
			pad = max(gap-len(text), 1)
		}
		return []splice{{start, end + gap, text + strings.Repeat(" ", pad)}}, nil
	}
	return []splice{{start, end, text}}, nil
}

// scalarEnd is the offset just after a single-line scalar that starts at
// start, or false when it goes on over more than one line.
func (d *doc) scalarEnd(v *yaml.Node, start, lend int) (int, bool) {
	t := string(d.data[start:lend])
	switch v.Style &^ yaml.TaggedStyle {
	case yaml.DoubleQuotedStyle:
		for i := 1; i < len(t); i++ {
			switch t[i] {
			case '\\':
				i++
			case '"':
				return start + i + 1, true
			}
		}
		return 0, false
	case yaml.SingleQuotedStyle:
		for i := 1; i < len(t); i++ {
			if t[i] == '\'' {
				if i+1 < len(t) && t[i+1] == '\'' {
					i++
					continue
				}
				return start + i + 1, true
			}
		}
		return 0, false
	case 0:
		if i := strings.Index(t, " #"); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimRight(t, " \t")
		if t != v.Value && !(v.ShortTag() == "!!null") {
			return 0, false
		}
		return start + len(t), true
	}
	return 0, false
}

// appendRecord adds a record at the end of the list in the top-level
// field name (log, rounds), creating the field when it is absent, empty
// or "[]". before, when the field is absent, names a top-level field to
// write it above (rounds go above log).
func (d *doc) appendRecord(name string, rec []kv, before string) ([]splice, *refusal) {
	st := d.learnStyle()
	k, v := field(d.root, name)
	if k == nil {
		var at int
		if bk, _ := field(d.root, before); bk != nil {
			at = bk.Line - 1
			for at > 0 && (d.blank(at-1) || d.comment(at-1) && d.indent(at-1) == 0) {
				at--
			}
		} else {
			at = d.blockEnd(-1, 0)
			if last := d.root.Content; len(last) > 0 {
				if r := blockScalarBefore(d.root); r != nil {
					return nil, r
				}
			}
		}
		text := name + ":" + d.nl + recordLines(rec, st.dash, st.dash+st.key, st, d.nl)
		return []splice{{d.lineStart(at), d.lineStart(at), text}}, nil
	}
	if k.Column != 1 {
		return nil, refuse(k, "%s: is not at the start of its line", name)
	}
	if v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
		for _, it := range v.Content {
			if r := shape(it, "an entry of "+name); r != nil && it.Kind != yaml.MappingNode {
				return nil, r
			}
		}
		last := v.Content[len(v.Content)-1]
		dash, ok := d.dashCol(last)
		if !ok || last.Kind != yaml.MappingNode {
			return nil, refuse(last, "the last entry of %s is laid out in an unusual way", name)
		}
		if r := blockScalarBefore(last); r != nil {
			return nil, r
		}
		key := last.Column - 1
		if last.Style&yaml.FlowStyle != 0 {
			key = dash + st.key
		}
		at := d.blockEnd(last.Line-1, dash+1)
		return []splice{{d.lineStart(at), d.lineStart(at), recordLines(rec, dash, key, st, d.nl)}}, nil
	}
	empty := v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" ||
		v.Kind == yaml.SequenceNode && len(v.Content) == 0 && v.Style&yaml.FlowStyle != 0
	if !empty {
		if v.Kind == yaml.SequenceNode {
			return nil, refuse(v, "%s is written inline (flow style, with [ ])", name)
		}
		return nil, refuse(v, "%s is not a list", name)
	}
	var out []splice
	li := k.Line - 1
	if v.Value != "" || v.Kind == yaml.SequenceNode {
		// "log: []" or "log: ~": the value goes, the key stays (with a
		// comment after it, in its column).
		if v.Line != k.Line {
			return nil, refuse(v, "%s is laid out in an unusual way", name)
		}
		start := d.offset(v.Line, v.Column)
		end := start + len(v.Value)
		if v.Kind == yaml.SequenceNode {
			rest := string(d.data[start:d.lines[li].end])
			if !strings.HasPrefix(rest, "[") {
				return nil, refuse(v, "%s is laid out in an unusual way", name)
			}
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return nil, refuse(v, "%s is laid out in an unusual way", name)
			}
			end = start + j + 1
		}
		if t := strings.TrimSpace(string(d.data[end:d.lines[li].end])); t != "" {
			out = append(out, splice{start, end, strings.Repeat(" ", end-start)})
		} else {
			ks := d.offset(k.Line, k.Column) + len(name)
			for ks < start && d.data[ks] != ':' {
				ks++
			}
			out = append(out, splice{ks + 1, d.lines[li].end, ""})
		}
	}
	// After the key's line and the comments that go on under it.
	at := li + 1
	for at < len(d.lines) && d.comment(at) && d.indent(at) > 0 {
		at++
	}
	text := recordLines(rec, st.dash, st.dash+st.key, st, d.nl)
	out = append(out, splice{d.lineStart(at), d.lineStart(at), text})
	return out, nil
}

// apply makes the new bytes from non-overlapping splices in order.
func apply(data []byte, sp []splice) []byte {
	var b []byte
	at := 0
	for _, s := range sp {
		b = append(b, data[at:s.start]...)
		b = append(b, s.text...)
		at = s.end
	}
	return append(b, data[at:]...)
}

// plainSafe lists the characters a value may hold and still be written
// without quotes; anything else is quoted, and every choice is checked by
// parsing the result.
func quoteText(s string) string {
	if plainOK(s) {
		return s
	}
	return strconv.Quote(s)
}

func plainOK(s string) bool {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\r\t\"") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") ||
		strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'%@`") {
		return false
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0xfeff {
			return false
		}
	}
	var v map[string]any
	if err := yaml.Load([]byte("k: "+s+"\n"), &v); err != nil {
		return false
	}
	got, ok := v["k"].(string)
	return ok && got == s
}
