// Package export writes a search out as a table, one row per application,
// for spreadsheets (CSV) and scripts (JSON). The columns and keys are
// fixed and documented in the README: they may be added to, never
// renamed. Contacts' details (names, emails, phones) and the employer's
// address and phone are written only when asked for (Private).
package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"sort"
	"strconv"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// Row is one application. The json tags are the JSON keys; Columns lists
// the CSV columns in the same order.
type Row struct {
	ID            string `json:"id"`
	Slug          string `json:"slug"`
	Company       string `json:"company"`
	Role          string `json:"role"`
	Posting       string `json:"posting"`
	Location      string `json:"location"`
	Applied       string `json:"applied"`
	Via           string `json:"via"`
	Stage         string `json:"stage"`
	LastContact   string `json:"last_contact"`
	NextAction    string `json:"next_action"`
	NextDue       string `json:"next_due"`
	Rounds        int    `json:"rounds"`
	ThankYous     int    `json:"thank_yous"`
	FollowupsSent int    `json:"followups_sent"`
	// Private only (nil otherwise, and then absent from the JSON).
	ContactName  *string `json:"contact_name,omitempty"`
	ContactEmail *string `json:"contact_email,omitempty"`
	ContactPhone *string `json:"contact_phone,omitempty"`
	Address      *string `json:"address,omitempty"`
	Phone        *string `json:"phone,omitempty"`
}

// Columns are the CSV header; PrivateColumns follow them with Private.
var (
	Columns        = []string{"id", "slug", "company", "role", "posting", "location", "applied", "via", "stage", "last_contact", "next_action", "next_due", "rounds", "thank_yous", "followups_sent"}
	PrivateColumns = []string{"contact_name", "contact_email", "contact_phone", "address", "phone"}
)

// Rows makes one row per application, in slug order. Counts are of what
// had happened at the plan's moment: a round held, a thank-you or a
// follow-up recorded on or before that day (a file may hold a round
// still to come, or a record written ahead).
func Rows(apps []*followup.Application, plan *schedule.Result, private bool) []Row {
	rows := make([]Row, 0, len(apps))
	for _, a := range apps {
		today := followup.DateOf(plan.Now.In(a.Loc))
		r := Row{ID: a.ID, Slug: a.Slug, Company: a.Company, Role: a.Role, Posting: a.Posting, Location: a.Location,
			Applied: date(a.Applied), Via: string(a.Via)}
		if st := plan.Status[a.Slug]; st != nil {
			r.Stage = string(st.Stage)
			r.LastContact = date(st.LastContact)
			if st.Next != nil {
				r.NextAction = string(st.Next.Kind)
				r.NextDue = date(st.Next.Day)
			}
		}
		for i := range a.Rounds {
			rd := &a.Rounds[i]
			if !rd.Start(a.Loc).After(plan.Now) {
				r.Rounds++
			}
			for _, iv := range rd.Interviewers {
				if !iv.Thanked.IsZero() && !iv.Thanked.After(today) {
					r.ThankYous++
				}
			}
		}
		for _, e := range a.Log {
			if (e.Sent == followup.CheckIn || e.Sent == followup.Nudge) && !e.On.After(today) {
				r.FollowupsSent++
			}
		}
		if private {
			var c followup.Person
			if a.Contact != nil {
				c = *a.Contact
			}
			r.ContactName, r.ContactEmail, r.ContactPhone = ptr(c.Name), ptr(c.Email), ptr(c.Phone)
			r.Address, r.Phone = ptr(a.Address), ptr(a.Phone)
		}
		rows = append(rows, r)
	}
	// Loaded searches come in slug order already; a caller's list may not.
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Slug < rows[j].Slug })
	return rows
}

func ptr(s string) *string { return &s }

func date(d followup.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// JSON writes rows as an indented JSON array.
func JSON(w io.Writer, rows []Row) error {
	if rows == nil {
		rows = []Row{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rows)
}

// CSV writes rows with a header; the private columns only when private.
func CSV(w io.Writer, rows []Row, private bool) error {
	cw := NewCSV(w)
	head := Columns
	if private {
		head = append(append([]string{}, Columns...), PrivateColumns...)
	}
	cw.Write(head)
	for _, r := range rows {
		rec := []string{r.ID, r.Slug, r.Company, r.Role, r.Posting, r.Location, r.Applied, r.Via, r.Stage, r.LastContact,
			r.NextAction, r.NextDue, strconv.Itoa(r.Rounds), strconv.Itoa(r.ThankYous), strconv.Itoa(r.FollowupsSent)}
		if private {
			rec = append(rec, deref(r.ContactName), deref(r.ContactEmail), deref(r.ContactPhone), deref(r.Address), deref(r.Phone))
		}
		cw.Write(rec)
	}
	return cw.Flush()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Writer is a CSV writer whose every cell is made safe to open in a
// spreadsheet (see SafeCell).
type Writer struct {
	w   *csv.Writer
	err error
}

// NewCSV writes comma-separated UTF-8 with CRLF line ends (RFC 4180, and
// what spreadsheet programs expect).
func NewCSV(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: cw}
}

// Write writes one record; the first error is kept for Flush.
func (w *Writer) Write(cells []string) {
	if w.err != nil {
		return
	}
	safe := make([]string, len(cells))
	for i, c := range cells {
		safe[i] = SafeCell(c)
	}
	w.err = w.w.Write(safe)
}

// Flush writes what is buffered and returns the first error.
func (w *Writer) Flush() error {
	w.w.Flush()
	if w.err != nil {
		return w.err
	}
	return w.w.Error()
}

// SafeCell guards a cell against formula injection: a spreadsheet runs a
// cell that starts with = + - or @ (or a tab or carriage return before
// one) as a formula, so a company named "=HYPERLINK(…)" in a content file
// could run in whoever opens the export. Such a cell gets a leading
// apostrophe, which spreadsheets show as text (OWASP's advice).
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
