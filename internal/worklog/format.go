package worklog

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/followup-tool/followup/internal/export"
)

// columns are the CSV header: one row per activity, and one row for a
// week without any, so that an empty week shows rather than vanishes.
var columns = []string{"week", "week_activities", "week_flag", "date", "activity", "employer", "website_or_address", "phone", "person_contacted", "method", "position", "result"}

// Flag is what a short week says.
func (l *Log) Flag(w Week) string {
	if !w.Short {
		return ""
	}
	return fmt.Sprintf("fewer than %d", l.Minimum)
}

// Name is the ISO week as "2026-W03".
func (w Week) Name() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// CSV writes the log as CSV, every cell guarded against formula injection.
func CSV(w io.Writer, l *Log) error {
	cw := export.NewCSV(w)
	cw.Write(columns)
	for _, wk := range l.Weeks {
		head := []string{wk.Name(), strconv.Itoa(len(wk.Activities)), l.Flag(wk)}
		if len(wk.Activities) == 0 {
			cw.Write(append(head, "", "", "", "", "", "", "", "", ""))
		}
		for _, a := range wk.Activities {
			cw.Write(append(head, a.Date.String(), a.Kind, a.Employer, a.Website, a.Phone, a.Person, a.Method, a.Position, a.Result))
		}
	}
	return cw.Flush()
}

// Markdown writes the log as a markdown document: a table per week.
func Markdown(w io.Writer, l *Log, owner string) error {
	var b bytes.Buffer
	title := "Work search log"
	if owner != "" {
		title += ": " + mdCell(owner)
	}
	fmt.Fprintf(&b, "# %s\n\n%s to %s: %d %s in %d %s", title, l.From, l.To, l.Total, plural(l.Total, "activity", "activities"), len(l.Weeks), plural(len(l.Weeks), "week", "weeks"))
	if l.Minimum > 0 {
		fmt.Fprintf(&b, "; %d %s with fewer than %d", l.Short, plural(l.Short, "week", "weeks"), l.Minimum)
	}
	b.WriteString(".\n")
	if l.Earlier > 0 {
		fmt.Fprintf(&b, "\n%d earlier %s left out.\n", l.Earlier, plural(l.Earlier, "activity", "activities"))
	}
	for _, wk := range l.Weeks {
		fmt.Fprintf(&b, "\n## Week %d of %d, %s to %s: %d %s", wk.Number, wk.Year, wk.Start, wk.End, len(wk.Activities), plural(len(wk.Activities), "activity", "activities"))
		if wk.Short {
			fmt.Fprintf(&b, " (**fewer than %d**)", l.Minimum)
		}
		b.WriteString("\n")
		if len(wk.Activities) == 0 {
			continue
		}
		b.WriteString("\n| date | activity | employer | website or address | phone | person contacted | method | position | result |\n|---|---|---|---|---|---|---|---|---|\n")
		for _, a := range wk.Activities {
			cells := []string{a.Date.String(), a.Kind, a.Employer, a.Website, a.Phone, a.Person, a.Method, a.Position, a.Result}
			for i := range cells {
				cells[i] = mdCell(cells[i])
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// mdCell keeps user text from breaking the table or turning into markup:
// pipes, backslashes and the characters markdown acts on are escaped,
// line breaks become spaces.
func mdCell(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\|*_`[]<>#!~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
