package config

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// valuePositions maps each dotted key of a TOML document ("timezone",
// "policy.max_followups") to the line and column of its value, for
// messages about values that decode but make no sense. go-toml's decoder
// keeps no positions; its unstable parser does, and this is the one place
// that uses it (pinned by TestValuePositions). Tables written as [table],
// dotted keys and inline tables all count; a document that does not parse
// gives what was found before the error.
func valuePositions(data []byte) map[string][2]int {
	vals, _ := positions(data)
	return vals
}

// positions is valuePositions, and also where each dotted key is written:
// its first segment of a key = value line, or the name in a [table]
// header. A dotted key (owner.name = …) also places its prefix (owner).
func positions(data []byte) (vals, keys map[string][2]int) {
	out := map[string][2]int{}
	keys = map[string][2]int{}
	var p unstable.Parser
	p.Reset(data)
	at := func(n *unstable.Node) [2]int {
		off := int(n.Raw.Offset)
		if off > len(data) {
			return [2]int{1, 1}
		}
		before := data[:off]
		line := 1 + strings.Count(string(before), "\n")
		lineStart := strings.LastIndexByte(string(before), '\n') + 1
		return [2]int{line, utf8.RuneCount(before[lineStart:]) + 1}
	}
	key := func(prefix string, it unstable.Iterator) (string, *unstable.Node) {
		var parts []string
		var first *unstable.Node
		for it.Next() {
			if first == nil {
				first = it.Node()
			}
			parts = append(parts, string(it.Node().Data))
			k := strings.Join(parts, ".")
			if prefix != "" {
				k = prefix + "." + k
			}
			if _, ok := keys[k]; !ok {
				keys[k] = at(it.Node())
			}
		}
		return strings.Join(parts, "."), first
	}
	var record func(prefix string, kv *unstable.Node)
	record = func(prefix string, kv *unstable.Node) {
		k, _ := key(prefix, kv.Key())
		if prefix != "" {
			k = prefix + "." + k
		}
		v := kv.Value()
		out[k] = at(v)
		if v.Kind == unstable.Array {
			// An array keeps no position of its own: its elements do
			// ("extra_holidays.0"), and the array is where its "["
			// is, after the "=" that follows the key's last part
			// (else its first element's).
			n := 0
			for it := v.Children(); it.Next(); n++ {
				p := at(it.Node())
				if n == 0 {
					out[k] = p
				}
				out[fmt.Sprintf("%s.%d", k, n)] = p
			}
			var last *unstable.Node
			for it := kv.Key(); it.Next(); {
				last = it.Node()
			}
			if last != nil {
				off := int(last.Raw.Offset + last.Raw.Length)
				if i := strings.IndexByte(string(data[min(off, len(data)):]), '='); i >= 0 {
					off += i + 1
					for off < len(data) && (data[off] == ' ' || data[off] == '\t') {
						off++
					}
					out[k] = at(&unstable.Node{Raw: unstable.Range{Offset: uint32(off)}})
				}
			}
		}
		if v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				if it.Node().Kind == unstable.KeyValue {
					record(k, it.Node())
				}
			}
		}
	}
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var first *unstable.Node
			table, first = key("", e.Key())
			if _, ok := out[table]; !ok && first != nil {
				out[table] = at(first)
			}
		case unstable.KeyValue:
			record(table, e)
		}
	}
	return out, keys
}
