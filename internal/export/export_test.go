package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/export"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/imports"
	"github.com/followup-tool/followup/internal/schedule"
)

type zeros struct{}

func (zeros) Read(b []byte) (int, error) { clear(b); return len(b), nil }

// imported reads a fixture of package imports and parses the files it
// would create, as the search would load them.
func imported(t *testing.T, name string) ([]imports.Record, []*followup.Application) {
	t.Helper()
	data, err := os.ReadFile("../imports/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, errs := imports.Read(name, data, imports.Options{Loc: time.UTC})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p := imports.MakePlan(f.Records, nil, nil, zeros{})
	var apps []*followup.Application
	for _, c := range p.Create {
		a, errs := content.Parse("content/"+c.Slug+".md", c.Slug, imports.FileOf(c, name, f.Format), "UTC")
		if len(errs) > 0 {
			t.Fatalf("%s: %v", c.Slug, errs)
		}
		apps = append(apps, a)
	}
	return f.Records, apps
}

// TestImportThenExportKeepsEveryField: what an import reads comes back
// out of an export, field for field, and importing again creates nothing.
func TestImportThenExportKeepsEveryField(t *testing.T) {
	for _, name := range []string{"linkedin.csv", "huntr.csv", "sheet.csv"} {
		t.Run(name, func(t *testing.T) {
			recs, apps := imported(t, name)
			// quiet_after off: months after these applications they would be
			// quiet, and this test is about the fields, not the stage.
			pol := followup.DefaultPolicy()
			pol.QuietAfter = followup.Span{}
			plan := schedule.Plan(apps, pol, time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC))
			rows := export.Rows(apps, plan, true)
			if len(rows) != len(recs) {
				t.Fatalf("%d rows for %d records", len(rows), len(recs))
			}
			bySlug := map[string]export.Row{}
			for _, r := range rows {
				bySlug[r.Slug] = r
			}
			for _, rec := range recs {
				r, ok := bySlug[imports.BaseSlug(rec.Company, rec.Role)]
				if !ok {
					t.Errorf("line %d: no row", rec.Line)
					continue
				}
				applied := ""
				if !rec.Applied.IsZero() {
					applied = rec.Applied.String()
				}
				if r.Company != rec.Company || r.Role != rec.Role || r.Posting != rec.Posting || r.Location != rec.Location ||
					r.Applied != applied || r.Via != string(rec.Via) || *r.ContactName != rec.Contact.Name ||
					*r.Address != rec.Address || *r.Phone != rec.Phone || r.ID == "" || r.Stage != "applied" {
					t.Errorf("line %d: row %+v from record %+v", rec.Line, r, rec)
				}
			}
			// The exported CSV is itself an import that creates nothing.
			var b bytes.Buffer
			if err := export.CSV(&b, rows, true); err != nil {
				t.Fatal(err)
			}
			f, errs := imports.Read("export.csv", b.Bytes(), imports.Options{Loc: time.UTC})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			back := map[string]imports.Record{}
			for _, r := range f.Records {
				back[r.Company+"|"+r.Role] = r
			}
			for _, rec := range recs {
				r := back[rec.Company+"|"+rec.Role]
				if r.Phone != rec.Phone || r.Posting != rec.Posting || r.Applied != rec.Applied || r.Via != rec.Via || (rec.Contact.Name != "" && r.Contact.Email != rec.Contact.Email) {
					t.Errorf("line %d read back from the export as %+v, want %+v", rec.Line, r, rec)
				}
			}
			again := imports.MakePlan(f.Records, imports.ExistingOf(apps), nil, zeros{})
			if len(again.Create) != 0 || len(again.Skip) != len(recs) {
				t.Errorf("re-import creates %d and skips %d, want 0 and %d", len(again.Create), len(again.Skip), len(recs))
			}
		})
	}
}

func TestPrivateColumnsOnlyWhenAsked(t *testing.T) {
	_, apps := imported(t, "sheet.csv")
	plan := schedule.Plan(apps, followup.DefaultPolicy(), time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC))
	var pub, js bytes.Buffer
	export.CSV(&pub, export.Rows(apps, plan, false), false)
	export.JSON(&js, export.Rows(apps, plan, false))
	for _, out := range []string{pub.String(), js.String()} {
		for _, secret := range []string{"jane@acme.example", "Jane Schmoe", "555 0100", "Main St"} {
			if strings.Contains(out, secret) {
				t.Errorf("export without --private contains %q", secret)
			}
		}
	}
	var objs []map[string]any
	if err := json.Unmarshal(js.Bytes(), &objs); err != nil {
		t.Fatal(err)
	}
	for k := range objs[0] {
		found := false
		for _, c := range export.Columns {
			found = found || c == k
		}
		if !found {
			t.Errorf("JSON key %q is not a documented column", k)
		}
	}
	if len(objs[0]) != len(export.Columns) {
		t.Errorf("JSON has %d keys, CSV %d columns", len(objs[0]), len(export.Columns))
	}
	var priv bytes.Buffer
	export.CSV(&priv, export.Rows(apps, plan, true), true)
	recs, _ := csv.NewReader(&priv).ReadAll()
	if got := strings.Join(recs[0][len(export.Columns):], ","); got != strings.Join(export.PrivateColumns, ",") {
		t.Errorf("private header ends %q", got)
	}
	if recs[1][len(export.Columns)+1] != "jane@acme.example" {
		t.Errorf("private row: %q", recs[1])
	}
}

func TestCountsAreOfWhatHadHappened(t *testing.T) {
	a, errs := content.Parse("content/acme.md", "acme", []byte(`---
id: acme-k7qz
company: Acme
role: Designer
applied: 2026-11-02
rounds:
  - at: 2026-11-10 14:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-10
  - at: 2026-12-01 10:00
log:
  - on: 2026-11-24
    sent: check-in
  - on: 2026-12-02
    sent: nudge
---
`), "UTC")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	rows := export.Rows([]*followup.Application{a}, schedule.Plan([]*followup.Application{a}, followup.DefaultPolicy(), now), false)
	r := rows[0]
	if r.ID != "acme-k7qz" || r.Rounds != 1 || r.ThankYous != 1 || r.FollowupsSent != 1 || r.Stage != "interviewing" || r.LastContact == "" {
		t.Errorf("row %+v: want 1 round held, 1 thank-you, 1 follow-up at %s", r, now)
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1 617": "'+1 617", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)", "\t=x": "'\t=x",
		"Acme": "Acme", "": "", "2026-11-02": "2026-11-02", "a=b": "a=b",
	} {
		if got := export.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}
