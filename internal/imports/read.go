package imports

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// Format is a kind of export.
type Format string

const (
	LinkedIn Format = "linkedin" // LinkedIn's Jobs/Job Applications.csv
	Huntr    Format = "huntr"    // Huntr's jobs export
	CSV      Format = "csv"      // any CSV with a header
)

// Options says how to read a file.
type Options struct {
	Format Format // "" detects it from the header
	// Map places columns by their header name (any case and spacing) on a
	// field: one of Fields, or "-" to leave the column out.
	Map map[string]string
	// Loc is the site's zone: dates with a clock time and no zone are
	// moments in it, and moments with a zone are turned into its days.
	Loc *time.Location
	// KeepAnswers keeps LinkedIn's "Question And Answers" column (it can
	// hold the salary you asked for) in the notes; it is dropped otherwise.
	KeepAnswers bool
}

// Fields are the fields a column can be placed on with --map.
var Fields = []string{"company", "role", "applied", "posting", "location", "via", "address", "phone",
	"contact.name", "contact.email", "contact.phone", "notes"}

// Record is one application read from a row.
type Record struct {
	Line     int // the row's line in the file
	Company  string
	Role     string
	Posting  string
	Location string
	Applied  followup.Date
	Via      followup.Via
	Address  string
	Phone    string
	Contact  followup.Person // Name, Email, Phone; empty when the row names nobody
	Notes    []string        // lines for the file's notes
}

// File is what Read found in a file.
type File struct {
	Format   Format
	Encoding Encoding
	Sep      rune
	Records  []Record // the valid rows, in file order
	// Fatal: a problem with the file as a whole (no header, a column
	// for company or role missing), so no row could be read.
	Fatal bool
}

// Read reads an export. Every problem is returned, each at its line; the
// records of the rows without one are returned beside them, so a caller
// may go on without the bad rows (--skip-bad).
func Read(path string, data []byte, opt Options) (*File, Errors) {
	if opt.Loc == nil {
		opt.Loc = time.UTC
	}
	t, errs := readTable(path, data)
	f := &File{Encoding: t.enc, Sep: t.sep, Format: opt.Format}
	if t.header == nil || t.headerBad {
		f.Fatal = true
		return f, errs
	}
	if f.Format == "" {
		f.Format = detect(t.header)
	}
	cols, herrs := place(path, t.header, f.Format, opt.Map)
	errs = append(errs, herrs...)
	if len(herrs) > 0 {
		f.Fatal = true
		errs.sort()
		return f, errs
	}
	for _, r := range t.rows {
		rec, rerrs := cols.record(path, r, f.Format, opt)
		errs = append(errs, rerrs...)
		if len(rerrs) == 0 {
			f.Records = append(f.Records, rec)
		}
	}
	errs.sort()
	return f, errs
}

// detect names the export a header comes from.
func detect(header []string) Format {
	has := map[string]bool{}
	for _, h := range header {
		has[norm(h)] = true
	}
	switch {
	case has["applicationdate"] && has["companyname"] && has["jobtitle"]:
		return LinkedIn
	case has["listname"] && has["companyname"]:
		return Huntr
	}
	return CSV
}

// known places columns by name. LinkedIn's and Huntr's headers are fixed;
// a spreadsheet's are whatever its owner typed, so the common names of
// each field are listed.
var known = map[Format]map[string]string{
	LinkedIn: {
		"applicationdate": "applied", "contactemail": "contact.email", "contactphonenumber": "contact.phone",
		"companyname": "company", "jobtitle": "role", "joburl": "posting",
		"resumename": "resume", "questionandanswers": "answers",
	},
	Huntr: {
		"createdat": "applied", "title": "role", "url": "posting", "location": "location",
		"listname": "list", "companyname": "company", "salary": "notes", "notes": "notes",
	},
	CSV: {
		"company": "company", "companyname": "company", "employer": "company", "organization": "company", "organisation": "company",
		"role": "role", "title": "role", "jobtitle": "role", "position": "role", "job": "role",
		"applied": "applied", "date": "applied", "dateapplied": "applied", "applieddate": "applied", "appliedon": "applied", "applicationdate": "applied",
		"posting": "posting", "url": "posting", "link": "posting", "joburl": "posting", "postingurl": "posting", "joblink": "posting", "website": "posting",
		"location": "location", "city": "location",
		"via": "via", "method": "via", "appliedvia": "via",
		"address": "address", "employeraddress": "address",
		"phone": "phone", "employerphone": "phone", "phonenumber": "phone",
		"contact": "contact.name", "contactname": "contact.name", "contactperson": "contact.name", "recruiter": "contact.name",
		"email": "contact.email", "contactemail": "contact.email", "recruiteremail": "contact.email",
		"contactphone": "contact.phone", "contactphonenumber": "contact.phone",
		"notes": "notes", "note": "notes", "comments": "notes", "comment": "notes",
	},
}

// columns maps each column of the header to the field it fills ("" keeps
// the cell in the notes under the column's name, "-" drops it).
type columns struct {
	header []string
	field  []string
}

// place decides the field of every column: --map first, then the export's
// own names. Company and role must each have a column.
func place(path string, header []string, f Format, m map[string]string) (*columns, Errors) {
	c := &columns{header: header, field: make([]string, len(header))}
	var errs Errors
	byName := map[string]int{}
	for i, h := range header {
		byName[norm(h)] = i
		c.field[i] = known[f][norm(h)]
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, col := range keys {
		i, ok := byName[norm(col)]
		if !ok {
			errs = append(errs, Error{path, 1, fmt.Sprintf("--map %s=%s: the header has no column %q (it has %s)", col, m[col], col, strings.Join(quoteAll(header), ", "))})
			continue
		}
		c.field[i] = m[col]
	}
	var missing []string
	for _, want := range []string{"company", "role"} {
		n := 0
		for _, fl := range c.field {
			if fl == want {
				n++
			}
		}
		switch {
		case n == 0:
			missing = append(missing, want)
		case n > 1:
			var names []string
			for i, fl := range c.field {
				if fl == want {
					names = append(names, fmt.Sprintf("%q", header[i]))
				}
			}
			errs = append(errs, Error{path, 1, fmt.Sprintf("%s: columns %s all hold it; keep one with --map COLUMN=- for the others", want, strings.Join(names, " and "))})
		}
	}
	if len(missing) > 0 {
		var unplaced []string
		for i, fl := range c.field {
			if fl == "" {
				unplaced = append(unplaced, fmt.Sprintf("%q", header[i]))
			}
		}
		msg := fmt.Sprintf("no column for %s", strings.Join(missing, " or "))
		if len(unplaced) > 0 {
			msg += fmt.Sprintf("; columns not placed: %s", strings.Join(unplaced, ", "))
		}
		msg += fmt.Sprintf("; name them with --map, e.g. --map %q=%s", firstOr(unplaced, "COLUMN"), missing[0])
		errs = append(errs, Error{path, 1, msg})
	}
	return c, errs
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}

func firstOr(s []string, def string) string {
	if len(s) == 0 {
		return def
	}
	return strings.Trim(s[0], `"`)
}

// record reads one row.
func (c *columns) record(path string, r row, f Format, opt Options) (Record, Errors) {
	rec := Record{Line: r.line}
	if f == LinkedIn {
		// LinkedIn only records what was sent through LinkedIn itself.
		rec.Via = followup.ViaOnline
	}
	var errs Errors
	bad := func(col int, format string, args ...any) {
		errs = append(errs, Error{path, r.line, fmt.Sprintf("%s: ", c.header[col]) + fmt.Sprintf(format, args...)})
	}
	var list string
	for i, cell := range r.cells {
		v := unguard(strings.TrimSpace(cell))
		if v == "" {
			continue
		}
		switch c.field[i] {
		case "company":
			rec.Company = oneLine(v)
		case "role":
			rec.Role = oneLine(v)
		case "posting":
			rec.Posting = v
		case "location":
			rec.Location = oneLine(v)
		case "address":
			rec.Address = oneLine(v)
		case "phone":
			rec.Phone = v
		case "contact.name":
			rec.Contact.Name = oneLine(v)
		case "contact.email":
			rec.Contact.Email = v
		case "contact.phone":
			rec.Contact.Phone = v
		case "applied":
			d, err := parseDate(v, opt.Loc)
			if err != nil {
				bad(i, "%v", err)
				continue
			}
			rec.Applied = d
		case "via":
			var via followup.Via
			if err := via.UnmarshalText([]byte(v)); err != nil {
				bad(i, "%v", err)
				continue
			}
			rec.Via = via
		case "notes":
			if f == CSV {
				rec.Notes = append(rec.Notes, v)
			} else {
				rec.Notes = append(rec.Notes, c.header[i]+": "+v)
			}
		case "resume":
			rec.Notes = append(rec.Notes, "Résumé sent: "+v)
		case "answers":
			if opt.KeepAnswers {
				rec.Notes = append(rec.Notes, "Questions and answers: "+v)
			}
		case "list":
			list = v
		case "-":
		default:
			rec.Notes = append(rec.Notes, c.header[i]+": "+v)
		}
	}
	for i, fl := range c.field {
		if (fl == "company" || fl == "role") && strings.TrimSpace(r.cells[i]) == "" {
			bad(i, "empty; every application needs its %s", fl)
		}
	}
	if list != "" {
		huntrList(&rec, list)
	}
	return rec, errs
}

// huntrList applies a Huntr list name. followup derives the stage from
// dated records, and Huntr's export dates only when a job was added to
// the board: "Applied" is the stage a file without rounds or log already
// has, and a job still on the wishlist has not been applied to. Every
// other list (Interview, Offer, Rejected, your own) is kept as a note
// saying what to record, since writing an interview or an outcome with a
// date the export does not hold would make the engine plan from a guess.
func huntrList(rec *Record, list string) {
	switch norm(list) {
	case "applied":
	case "wishlist", "saved", "bookmarked":
		rec.Applied = followup.Date{}
		rec.Notes = append(rec.Notes, "Huntr list: "+list+" (not applied yet: add applied: when you apply)")
	default:
		rec.Notes = append(rec.Notes, "Huntr list: "+list+" (record the interviews under rounds:, and an offer or rejection under log: with its date)")
	}
}

// oneLine folds a value that should be one line (a spreadsheet cell may
// hold line breaks) into one.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// unguard undoes the apostrophe that `followup export` (and careful
// spreadsheets) put before a cell starting with = + - or @, so that an
// export imports back as it was.
func unguard(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}
