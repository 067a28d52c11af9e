package content

import (
	"sort"
	"unicode/utf8"
)

// yamlLines numbers the lines of the front matter the way the YAML
// scanner does, where a CR alone, NEL, LS and PS end a line as LF and CRLF
// do, so that its marks can be turned into file positions, whose lines end
// at LF only (as in most editors and the rest of this package). A stray CR
// in a value would otherwise move every later error down a line.
type yamlLines struct {
	front  []byte
	starts []int // byte offset where each YAML line starts
	plain  bool  // only LF and CRLF: YAML lines are file lines
	lf     []int // offsets of the LFs, once filePos needs them
}

func newYAMLLines(front []byte) *yamlLines {
	l := &yamlLines{front: front, starts: []int{0}, plain: true}
	for i := 0; i < len(front); i++ {
		switch c := front[i]; {
		case c == '\n':
		case c == '\r':
			if i+1 < len(front) && front[i+1] == '\n' {
				i++
			} else {
				l.plain = false
			}
		case c == 0xC2 && i+1 < len(front) && front[i+1] == 0x85: // NEL
			i++
			l.plain = false
		case c == 0xE2 && i+2 < len(front) && front[i+1] == 0x80 && (front[i+2] == 0xA8 || front[i+2] == 0xA9): // LS, PS
			i += 2
			l.plain = false
		default:
			continue
		}
		l.starts = append(l.starts, i+1)
	}
	return l
}

// filePos turns a YAML mark (1-based line and column in characters) into
// the 1-based line and column of the front matter counted by LF.
func (l *yamlLines) filePos(line, col int) (int, int) {
	if l.plain {
		return line, col
	}
	off := len(l.front)
	if line-1 < len(l.starts) {
		off = l.starts[line-1]
		for n := 1; n < col && off < len(l.front); n++ {
			_, size := utf8.DecodeRune(l.front[off:])
			off += size
		}
	}
	if l.lf == nil {
		l.lf = []int{}
		for i, c := range l.front {
			if c == '\n' {
				l.lf = append(l.lf, i)
			}
		}
	}
	// Counting the line breaks before off for every error made a file of
	// many errors quadratic; the breaks are found once and searched.
	n := sort.SearchInts(l.lf, off) // line breaks before off
	start := 0
	if n > 0 {
		start = l.lf[n-1] + 1
	}
	return 1 + n, utf8.RuneCount(l.front[start:off]) + 1
}

// text is a YAML line without its line break ("" past the end).
func (l *yamlLines) text(line int) string {
	if line < 1 || line > len(l.starts) {
		return ""
	}
	end := len(l.front)
	if line < len(l.starts) {
		end = l.starts[line]
	}
	s := string(l.front[l.starts[line-1]:end])
	for _, br := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		if len(s) >= len(br) && s[len(s)-len(br):] == br {
			s = s[:len(s)-len(br)]
			break
		}
	}
	if len(s) > 0 && s[len(s)-1] == '\r' { // CRLF
		s = s[:len(s)-1]
	}
	return s
}
