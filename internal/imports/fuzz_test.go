package imports

import (
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzRead: any bytes are read without a panic, every problem is at a
// line of the file, and every record that comes back names a company and
// a role at a line of the file.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"linkedin.csv", "huntr.csv", "sheet.csv"} {
		b, _ := os.ReadFile("testdata/" + name)
		f.Add(b)
	}
	f.Add([]byte("company;role\n\"a\"\"b\";c\n"))
	f.Add([]byte("\xff\xfec\x00,\x00r\x00\n\x00"))
	f.Add([]byte("company,role\n\"unclosed,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, errs := Read("f.csv", data, Options{Loc: time.UTC})
		lines := strings.Count(string(data), "\n") + 2
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines*2 {
				t.Errorf("problem at line %d of a file of at most %d lines: %v", e.Line, lines, e)
			}
		}
		for _, r := range file.Records {
			if strings.TrimSpace(r.Company) == "" || strings.TrimSpace(r.Role) == "" {
				t.Errorf("record without company or role: %+v", r)
			}
			if r.Line < 2 {
				t.Errorf("record at line %d (the header is line 1 at least)", r.Line)
			}
		}
		recs, _ := Validate("f.csv", file.Records, file.Format, "UTC")
		p := MakePlan(recs, nil, nil, zeros{})
		for _, c := range p.Create {
			FileOf(c, "f.csv", file.Format)
		}
	})
}
