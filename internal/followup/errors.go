package followup

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a place in an input file. Line and Col are 1-based; a zero Line
// means the whole file.
type Pos struct {
	Path string
	Line int
	Col  int
}

func (p Pos) String() string {
	path := quotePath(p.Path)
	if p.Line == 0 {
		return path
	}
	return path + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// quotePath returns a file name as messages print it: as it is, unless it
// holds a control character (a newline would split the path:line:col
// line in two, and an escape sequence would speak to the terminal) or is
// not UTF-8; then Go-quoted, "content/a\nb.md".
func quotePath(path string) string {
	if !utf8.ValidString(path) || strings.ContainsFunc(path, unicode.IsControl) || strings.HasPrefix(path, `"`) {
		return strconv.Quote(path)
	}
	return path
}

// Error is one problem in the content or configuration, at a position.
//
// A warning is a problem worth knowing that does not stop the run: it
// prints as "path:line:col: warning: message" and never changes the exit
// status (docs/reference.md).
type Error struct {
	Pos     Pos
	Msg     string
	Warning bool
}

func (e *Error) Error() string {
	if e.Warning {
		return e.Pos.String() + ": warning: " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList collects every problem of a run, so the user sees all of them
// at once (as go/scanner.ErrorList does) rather than fixing one per run.
type ErrorList []*Error

// Add appends a problem at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Warn appends a warning at pos.
func (l *ErrorList) Warn(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// Sort orders problems by path, line, column and message, and drops exact
// duplicates, so output is stable whatever order files were read in.
func (l *ErrorList) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && *e == *s[i-1] {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Problems is l without its warnings: what stops a command.
func (l ErrorList) Problems() ErrorList {
	var out ErrorList
	for _, e := range l {
		if !e.Warning {
			out = append(out, e)
		}
	}
	return out
}

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns the list sorted as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
