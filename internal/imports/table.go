package imports

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Error is a problem at a line of the imported file.
type Error struct {
	Path string
	Line int // 1-based; the line a row starts on
	Msg  string
}

func (e Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg) }

// Errors is every problem of a file, in line order.
type Errors []Error

func (l Errors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func (l Errors) sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Line < l[j].Line })
}

// table is a CSV file read into cells.
type table struct {
	header    []string
	headerBad bool // a problem with the header itself
	rows      []row
	enc       Encoding
	sep       rune
}

type row struct {
	line  int // where the row starts (a quoted value may span lines)
	cells []string
}

// maxRows bounds what is read: no search has a million applications, and
// a file that claims to is not one to turn into files.
const maxRows = 100_000

// readTable decodes data and splits it into a header and rows. A row with
// a number of cells other than the header's, a bare or unclosed quote, is
// reported at its line and left out; reading goes on after it, so every
// problem of the file is reported at once.
func readTable(path string, data []byte) (*table, Errors) {
	text, enc := decode(data)
	t := &table{enc: enc, sep: separator(text)}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = t.sep
	r.FieldsPerRecord = -1 // checked here, with a message that says what to do
	r.LazyQuotes = false
	var errs Errors
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, Error{path, pe.StartLine, quoteProblem(pe)})
				if pe.Err == csv.ErrQuote && pe.Line > pe.StartLine {
					// An unclosed quote swallowed the rest of the file.
					break
				}
				continue
			}
			errs = append(errs, Error{path, 1, err.Error()})
			break
		}
		line, _ := r.FieldPos(0) // a record read without error has a field
		if t.header == nil {
			if blankRow(rec) {
				continue
			}
			t.header = trimAll(rec)
			if dup := duplicate(t.header); dup != "" {
				errs = append(errs, Error{path, line, fmt.Sprintf("column %q appears twice in the header; rename one", dup)})
				t.headerBad = true
			}
			continue
		}
		if blankRow(rec) {
			continue // spreadsheets save empty rows as ",,,,"
		}
		if len(rec) != len(t.header) {
			errs = append(errs, Error{path, line, fmt.Sprintf("%d cells, but the header has %d columns: a value holding %q must be in double quotes", len(rec), len(t.header), string(t.sep))})
			continue
		}
		if len(t.rows) == maxRows {
			errs = append(errs, Error{path, line, fmt.Sprintf("more than %d rows; split the file", maxRows)})
			break
		}
		t.rows = append(t.rows, row{line, rec})
	}
	if t.header == nil && len(errs) == 0 {
		errs = append(errs, Error{path, 1, "no header: the first line must name the columns (company, role, …)"})
	}
	return t, errs
}

// quoteProblem explains encoding/csv's quoting errors.
func quoteProblem(pe *csv.ParseError) string {
	switch pe.Err {
	case csv.ErrBareQuote:
		return fmt.Sprintf(`a " inside a value that is not in quotes (column %d): put the value in double quotes and double the " inside it ("")`, pe.Column)
	case csv.ErrQuote:
		if pe.Line > pe.StartLine {
			return fmt.Sprintf(`the quote opened here is never closed (the file ends on line %d): close it, or double the " inside the value ("")`, pe.Line)
		}
		return fmt.Sprintf(`text after a closing quote (column %d): a " inside a quoted value must be doubled ("")`, pe.Column)
	}
	return pe.Err.Error()
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func trimAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, c := range rec {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

func duplicate(header []string) string {
	seen := map[string]bool{}
	for _, h := range header {
		k := norm(h)
		if k != "" && seen[k] {
			return h
		}
		seen[k] = true
	}
	return ""
}

// norm is a column name for matching: lowercase letters and digits only,
// so "Company Name", "company_name" and "companyName" are one.
func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
