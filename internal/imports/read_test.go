package imports

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/followup-tool/followup/internal/followup"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func newYork(t testing.TB) *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// zeros gives ids made from an all-zero reader: deterministic.
type zeros struct{}

func (zeros) Read(b []byte) (int, error) { clear(b); return len(b), nil }

// TestFixturesGolden imports each fixture (one per export's shape) and
// compares every file it would create with testdata/<name>.golden.
func TestFixturesGolden(t *testing.T) {
	for _, tc := range []struct {
		file   string
		format Format
		opt    Options
	}{
		{"linkedin.csv", LinkedIn, Options{}},
		{"huntr.csv", Huntr, Options{}},
		{"sheet.csv", CSV, Options{}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			opt := tc.opt
			opt.Loc = newYork(t)
			f, errs := Read(tc.file, data, opt)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if f.Format != tc.format {
				t.Errorf("detected %s, want %s", f.Format, tc.format)
			}
			recs, verrs := Validate(tc.file, f.Records, f.Format, "America/New_York")
			if len(verrs) > 0 {
				t.Fatal(verrs)
			}
			p := MakePlan(recs, nil, nil, zeros{})
			var b bytes.Buffer
			for _, c := range p.Create {
				b.WriteString("== content/" + c.Slug + ".md\n")
				b.Write(FileOf(c, tc.file, f.Format))
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(tc.file, ".csv")+".golden")
			if *update {
				os.WriteFile(golden, b.Bytes(), 0o644)
			}
			want, _ := os.ReadFile(golden)
			if b.String() != string(want) {
				t.Errorf("files differ from %s (run with -update and read the diff):\n%s", golden, b.String())
			}
		})
	}
}

func TestLinkedInReadsDatesInTheSiteZoneAndDropsAnswers(t *testing.T) {
	data, _ := os.ReadFile("testdata/linkedin.csv")
	f, errs := Read("Job Applications.csv", data, Options{Loc: newYork(t)})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []struct {
		line    int
		applied string
	}{{2, "2024-03-07"}, {3, "2024-03-11"}, {4, "2023-12-30"}}
	if len(f.Records) != len(want) {
		t.Fatalf("%d records, want %d", len(f.Records), len(want))
	}
	for i, w := range want {
		r := f.Records[i]
		if r.Line != w.line || r.Applied.String() != w.applied || r.Via != followup.ViaOnline {
			t.Errorf("record %d: line %d applied %s via %q, want line %d applied %s via online", i, r.Line, r.Applied, r.Via, w.line, w.applied)
		}
		for _, n := range r.Notes {
			if strings.Contains(n, "salary") || strings.Contains(n, "Revit") {
				t.Errorf("record %d keeps an answer without --keep-answers: %q", i, n)
			}
		}
	}
	f, _ = Read("Job Applications.csv", data, Options{Loc: newYork(t), KeepAnswers: true})
	if n := strings.Join(f.Records[0].Notes, "\n"); !strings.Contains(n, "What salary are you expecting?:68000") {
		t.Errorf("--keep-answers: notes %q lack the answer", n)
	}
}

func TestHuntrListsBecomeStagesOnlyWhereTheDataSaysSo(t *testing.T) {
	data, _ := os.ReadFile("testdata/huntr.csv")
	f, errs := Read("huntr.csv", data, Options{Loc: newYork(t)})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	byCompany := map[string]Record{}
	for _, r := range f.Records {
		byCompany[r.Company] = r
	}
	// 2024-03-02T01:30Z is still March 1 in New York.
	if r := byCompany["Harbor Group"]; r.Applied.String() != "2024-03-01" || hasNote(r, "Huntr list") {
		t.Errorf("Applied list: applied %s notes %q", r.Applied, r.Notes)
	}
	if r := byCompany["Delta Engineering"]; !r.Applied.IsZero() || !hasNote(r, "not applied yet") {
		t.Errorf("Wishlist: applied %s notes %q", r.Applied, r.Notes)
	}
	if r := byCompany["Elm & Oak"]; r.Applied.String() != "2024-03-03" || !hasNote(r, "Huntr list: Interview") {
		t.Errorf("Interview list: applied %s notes %q", r.Applied, r.Notes)
	}
}

func hasNote(r Record, s string) bool {
	for _, n := range r.Notes {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

func utf16Bytes(s string, order binary.AppendByteOrder, bom bool) []byte {
	var b []byte
	if bom {
		b = order.AppendUint16(b, 0xfeff)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

func TestEncodingsAndSeparators(t *testing.T) {
	text := "company\trole\tnotes\r\nCafé Núñez\tDesigner\t\"two\r\nlines\"\r\n"
	semi := "company;role\nCafé Núñez;Designer\n"
	for _, tc := range []struct {
		name string
		data []byte
		enc  Encoding
		sep  rune
	}{
		{"UTF-8", []byte(semi), UTF8, ';'},
		{"UTF-8 BOM", append([]byte{0xef, 0xbb, 0xbf}, semi...), utf8BOM, ';'},
		{"UTF-16LE BOM tabs", utf16Bytes(text, binary.LittleEndian, true), utf16LE, '\t'},
		{"UTF-16BE BOM tabs", utf16Bytes(text, binary.BigEndian, true), utf16BE, '\t'},
		{"UTF-16LE without BOM", utf16Bytes(text, binary.LittleEndian, false), utf16LE, '\t'},
		{"Windows-1252", []byte("company,role\nCaf\xe9 N\xfa\xf1ez,Designer\n"), windows1252, ','},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, errs := Read("x.csv", tc.data, Options{})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if f.Encoding != tc.enc || f.Sep != tc.sep {
				t.Errorf("read as %s with %q, want %s with %q", f.Encoding, f.Sep, tc.enc, tc.sep)
			}
			if len(f.Records) != 1 || f.Records[0].Company != "Café Núñez" || f.Records[0].Role != "Designer" {
				t.Fatalf("records %+v", f.Records)
			}
			if tc.sep == '\t' && strings.Join(f.Records[0].Notes, "|") != "two\r\nlines" && strings.Join(f.Records[0].Notes, "|") != "two\nlines" {
				t.Errorf("quoted newline: notes %q", f.Records[0].Notes)
			}
		})
	}
}

func TestProblemsAtTheirLines(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opt        Options
		want       []string
	}{
		{"too few cells", "company,role,applied\nAcme,Designer,2024-01-02\nBeta,Estimator\n",
			Options{}, []string{`x.csv:3: 2 cells, but the header has 3 columns: a value holding "," must be in double quotes`}},
		{"bare quote", "company,role\nAcme \"Ltd\",Designer\nBeta,Estimator\n",
			Options{}, []string{`x.csv:2: a " inside a value that is not in quotes (column 6): put the value in double quotes and double the " inside it ("")`}},
		{"unclosed quote", "company,role\nAcme,Designer\n\"Beta,Estimator\nGamma,Clerk\n",
			Options{}, []string{`x.csv:3: the quote opened here is never closed (the file ends on line 4): close it, or double the " inside the value ("")`}},
		{"bad date and empty role, every problem at once", "company,role,applied\nAcme,,2024-01-02\nBeta,Estimator,31/31/2024\n",
			Options{}, []string{
				`x.csv:2: role: empty; every application needs its role`,
				`x.csv:3: applied: "31/31/2024" is not a date (want YYYY-MM-DD, M/D/YY or what LinkedIn writes, 3/7/24, 2:22 PM)`,
			}},
		{"no company column", "Firm,Job title,Salary\nAcme,Designer,1\n",
			Options{}, []string{`x.csv:1: no column for company; columns not placed: "Firm", "Salary"; name them with --map, e.g. --map "Firm"=company`}},
		{"--map places it", "Firm,Job title\nAcme,Designer\n", Options{Map: map[string]string{"firm": "company"}}, nil},
		{"--map names a missing column", "company,role\nAcme,Designer\n", Options{Map: map[string]string{"Firma": "company"}},
			[]string{`x.csv:1: --map Firma=company: the header has no column "Firma" (it has "company", "role")`}},
		{"two role columns", "company,role,title\nAcme,Designer,Designer\n", Options{},
			[]string{`x.csv:1: role: columns "role" and "title" all hold it; keep one with --map COLUMN=- for the others`}},
		{"bad via", "company,role,via\nAcme,Designer,fax\n", Options{},
			[]string{`x.csv:2: via: unknown way of applying "fax" (want online, email, referral, in person, phone or letter)`}},
		{"empty file", "", Options{}, []string{`x.csv:1: no header: the first line must name the columns (company, role, …)`}},
		{"a column twice", "\ncompany,role,Company\nAcme,Designer,Acme\n", Options{}, []string{`x.csv:2: column "Company" appears twice in the header; rename one`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := Read("x.csv", []byte(tc.data), tc.opt)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestValidateReportsWhatContentWouldReject(t *testing.T) {
	f, errs := Read("x.csv", []byte("company,role,phone\nAcme,Designer,call Rosa\nBeta,Clerk,+1 617 555 0100\n"), Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ok, verrs := Validate("x.csv", f.Records, f.Format, "UTC")
	if len(ok) != 1 || ok[0].Company != "Beta" {
		t.Errorf("valid records %+v", ok)
	}
	if len(verrs) != 1 || !strings.HasPrefix(verrs[0].Error(), `x.csv:2: phone: "call Rosa" is not a phone number`) {
		t.Errorf("errors %v", verrs)
	}
}

func TestParseDate(t *testing.T) {
	loc := newYork(t)
	for in, want := range map[string]string{
		"3/7/24, 2:22 PM":           "2024-03-07",
		"12/30/23, 11:59 PM":        "2023-12-30",
		"03/07/2024":                "2024-03-07",
		"25/12/2024":                "2024-12-25",
		"2024-03-07":                "2024-03-07",
		"2024-03-07 23:30":          "2024-03-07",
		"2024-03-08T03:30:00.000Z":  "2024-03-07",
		"2024-03-08T03:30:00+01:00": "2024-03-07",
		"07.03.2024":                "2024-03-07",
		"1709836920":                "2024-03-07",
		"1709836920000":             "2024-03-07",
	} {
		d, err := parseDate(in, loc)
		if err != nil || d.String() != want {
			t.Errorf("parseDate(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"2/30/24", "2024-13-01", "yesterday", "13/13/2024", "Foo 7, 2024", "Feb 30, 2024"} {
		if d, err := parseDate(in, loc); err == nil {
			t.Errorf("parseDate(%q) = %s, want an error", in, d)
		}
	}
}

// TestFatalProblemsStopEveryRow: a problem with the header leaves no row
// to import, so --skip-bad cannot go on without it.
func TestFatalProblemsStopEveryRow(t *testing.T) {
	for name, data := range map[string]string{
		"no header":     "",
		"twice":         "company,role,company\nAcme,Designer,Acme\n",
		"no role":       "company,salary\nAcme,1\n",
		"row problem":   "company,role\nAcme\nBeta,Clerk\n",
		"every row bad": "company,role\n,\"x\n",
	} {
		f, errs := Read("x.csv", []byte(data), Options{})
		fatal := name != "row problem" && name != "every row bad"
		if f.Fatal != fatal || len(errs) == 0 {
			t.Errorf("%s: Fatal %v with %v, want %v", name, f.Fatal, errs, fatal)
		}
		if f.Fatal && len(f.Records) > 0 {
			t.Errorf("%s: records beside a fatal problem", name)
		}
	}
}
