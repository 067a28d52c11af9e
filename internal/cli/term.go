package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/mattn/go-runewidth"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// safe makes content fit to print on a terminal: control characters
// (escape sequences start with one: a company named "\x1b[2J" would clear
// the screen) become U+FFFD, and the invisible marks that reorder text
// (bidirectional overrides) are dropped. Line breaks and tabs are kept;
// table cells flatten them with cell.
func safe(s string) string {
	clean := true
	for _, r := range s {
		if bad(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
			// a CRLF file's line end: the \n that follows is kept
		case isBidi(r):
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
			b.WriteRune(unicode.ReplacementChar)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func bad(r rune) bool {
	return (unicode.IsControl(r) && r != '\n' && r != '\t') || isBidi(r)
}

// isBidi reports the marks that change the direction of the text around
// them (a "Trojan Source" name could make a line read differently).
func isBidi(r rune) bool {
	return r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// cell is s for one cell of a table: safe, on one line.
func cell(s string) string {
	return strings.Join(strings.Fields(safe(s)), " ")
}

// table writes rows with columns aligned by display width: an accented
// name written with combining marks, or a name in CJK characters, lines up
// as it shows (tabwriter counts code points).
func table(w io.Writer, indent string, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// dueWords says when r is due, as a person would: "today 16:00", "in 2
// days", "3 days overdue". A moment (a thank-you's deadline) is in the
// viewer's zone; a day action counts days in its application's zone,
// where its day is.
func dueWords(r *jsonAction, now time.Time, viewer *time.Location) string {
	if r.deadline {
		t := r.due.In(viewer)
		today := followup.DateOf(now.In(viewer))
		n := today.DaysUntil(followup.DateOf(t))
		switch {
		case t.Before(now) && n == 0:
			return "overdue since " + t.Format("15:04")
		case t.Before(now):
			return plural(-n, "day") + " overdue"
		case n == 0:
			return "today " + t.Format("15:04")
		case n == 1:
			return "tomorrow " + t.Format("15:04")
		}
		return fmt.Sprintf("in %d days, %s", n, t.Format("Mon Jan 2 15:04"))
	}
	day := followup.DateOf(r.due.In(r.loc))
	n := followup.DateOf(now.In(r.loc)).DaysUntil(day)
	switch {
	case n < 0:
		return plural(-n, "day") + " overdue"
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days, %s", n, day.Noon().Format("Mon Jan 2"))
}

// interviewWhen is an interview's start at the application's local time
// and, when the viewer's clock reads differently, theirs too: "today
// 13:00 PST, 16:00 your time".
func interviewWhen(r *jsonAction, now time.Time, viewer *time.Location) string {
	local := r.due.In(r.loc)
	today := followup.DateOf(now.In(r.loc))
	n := today.DaysUntil(followup.DateOf(local))
	var s string
	switch n {
	case 0:
		s = "today " + local.Format("15:04 MST")
	case 1:
		s = "tomorrow " + local.Format("15:04 MST")
	default:
		s = local.Format("Mon Jan 2 15:04 MST")
	}
	if mine := r.due.In(viewer); mine.Format("15:04 MST") != local.Format("15:04 MST") {
		if followup.DateOf(mine) != followup.DateOf(local) {
			s += ", " + mine.Format("Mon 15:04") + " your time"
		} else {
			s += ", " + mine.Format("15:04") + " your time"
		}
	}
	return s
}

// printTable is the agenda for a person at a terminal: the interviews at
// the top, then the actions by bucket, each with its due in words and the
// id to give followup show (and followup done).
func printTable(w io.Writer, rows, interviews []jsonAction, now time.Time, viewer *time.Location, all bool) {
	if len(interviews) > 0 {
		fmt.Fprintf(w, "\nINTERVIEWS (%d)\n", len(interviews))
		var t [][]string
		for i := range interviews {
			r := &interviews[i]
			with := ""
			if r.To != "" {
				with = "with " + cell(r.To)
			}
			t = append(t, []string{interviewWhen(r, now, viewer), cell(r.Company), with, cell(r.ID)})
		}
		table(w, "  ", t)
		fmt.Fprintf(w, "  %s\n", schedule.InterviewReminder)
	}
	if len(rows) == 0 {
		if all {
			fmt.Fprintln(w, "\nNothing due. Nothing open.")
		} else {
			fmt.Fprintln(w, "\nNothing due in the next 7 days. (followup agenda --all lists everything open.)")
		}
		fmt.Fprintln(w)
		return
	}
	order := []schedule.Bucket{schedule.Overdue, schedule.Today, schedule.Week}
	if all {
		order = append(order, schedule.Later)
	}
	for _, b := range order {
		var t [][]string
		for i := range rows {
			r := &rows[i]
			if r.Bucket != bucketLabel[b] {
				continue
			}
			to := strings.TrimSpace(r.Title + " " + r.To)
			t = append(t, []string{dueWords(r, now, viewer), r.Kind, cell(r.Company), orDash(cell(to)), orDash(r.Channel), cell(r.ID)})
		}
		if len(t) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d)\n", strings.ToUpper(bucketLabel[b]), len(t))
		table(w, "  ", t)
	}
	fmt.Fprintln(w, "\nfollowup show ID prints the reason and the draft.")
}
