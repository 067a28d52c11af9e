package redact

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Acme Architecture", "Acme Architecture"},
		{"write to me@x.example now", "write to [email] now"},
		{"JANE.DOE+jobs@mail.acme.co.uk", "[email]"},
		{"josé@correo.example", "[email]"},
		{"call +1 617 555 0102", "call [phone]"},
		{"(617) 555-0102", "[phone]"},
		{"617.555.0102 or 0044 20 7946 0958", "[phone] or [phone]"},
		{"555 0102", "[phone]"},
		{"on 2026-11-20 at 14:00", "on 2026-11-20 at 14:00"}, // a date is not a phone
		{"Boston, MA 02139", "Boston, MA 02139"},             // a postcode neither
		{"Suite 12, floor 3", "Suite 12, floor 3"},
		{"a@b", "a@b"}, // no domain: not an address
		{"", ""},
	} {
		if got := text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPosting(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://acme.example/jobs/42", "https://acme.example/jobs/42"},
		{"https://acme.example/jobs/42?email=me@x.example&ref=li#apply", "https://acme.example/jobs/42"},
		{"https://user:secret@acme.example/jobs/42", "https://acme.example/jobs/42"},
		{"https://acme.example/jobs/1234567", "https://acme.example/jobs/1234567"}, // job ids are not phones
		{"https://acme.example/apply/me@x.example", ""},
		{"https://acme.example/apply/me%40x.example", ""},
		{"https://acme.example/jobs?", "https://acme.example/jobs"},
		{"javascript:alert(1)", ""},
		{"mailto:me@x.example", ""},
		{"ftp://acme.example/x", ""},
		{"acme.example/jobs", ""},
		{"", ""},
	} {
		if got := posting(tc.in); got != tc.want {
			t.Errorf("Posting(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPublicNumbering: interviewers are numbered per application in the
// order they first appear, rounds top to bottom; one person met twice
// keeps one number; the contact is the recruiter; titles go with names.
func TestPublicNumbering(t *testing.T) {
	iv := func(name string) followup.Interviewer {
		return followup.Interviewer{Person: followup.Person{Name: name, Title: "Dr.", Email: "x@y.example", Phone: "+1 617 555 0102"}}
	}
	a := &followup.Application{
		Company: "Acme",
		Contact: &followup.Person{Name: "Jane Schmoe", Title: "Ms.", Email: "jane@acme.example", Phone: "617 555 0100"},
		Rounds: []followup.Round{
			{Where: "https://zoom.example/j/1?pwd=S3CRET", Learned: "salary", Interviewers: []followup.Interviewer{iv("Lee Park"), iv("Ann Fox")}},
			{Where: "call +1 617 555 0102", Interviewers: []followup.Interviewer{iv("Bo Chan"), iv(" lee park ")}},
		},
		Log:   []followup.LogEntry{{Heard: "they said 20% below", Note: "me@x.example"}, {Sent: followup.CheckIn}},
		Notes: []byte("# secret"),
	}
	got := Public([]*followup.Application{a}, false)[0]
	var labels []string
	for _, r := range got.Rounds {
		if r.Where != "" || r.Learned != "" {
			t.Errorf("round keeps where %q, learned %q", r.Where, r.Learned)
		}
		for _, p := range r.Interviewers {
			labels = append(labels, p.Name)
			if p.Title != "" || p.Email != "" || p.Phone != "" {
				t.Errorf("interviewer %+v keeps private details", p.Person)
			}
		}
	}
	if want := []string{"interviewer 1", "interviewer 2", "interviewer 3", "interviewer 1"}; !equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	if c := got.Contact; c.Name != contact || c.Title != "" || c.Email != "" || c.Phone != "" {
		t.Errorf("contact %+v", *c)
	}
	if got.Log[0].Heard != heard || got.Log[0].Note != "" || got.Log[1].Heard != "" {
		t.Errorf("log %+v", got.Log)
	}
	if got.Notes != nil {
		t.Error("notes kept")
	}
	// The loaded application is left whole (serve keeps it).
	if a.Rounds[0].Where == "" || a.Contact.Email == "" || a.Rounds[0].Interviewers[0].Name != "Lee Park" || a.Log[0].Note == "" {
		t.Error("Public changed the application it was given")
	}
	// public_names = true: names and titles, masked; never emails or phones.
	a.Rounds[0].Interviewers[0].Name = "Lee me@x.example Park"
	named := Public([]*followup.Application{a}, true)[0]
	if p := named.Rounds[0].Interviewers[0]; p.Name != "Lee [email] Park" || p.Title != "Dr." || p.Email != "" || p.Phone != "" {
		t.Errorf("named interviewer %+v", p.Person)
	}
	if c := named.Contact; c.Name != "Jane Schmoe" || c.Email != "" {
		t.Errorf("named contact %+v", *c)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestEveryFieldIsDecided: the public view is an explicit list. A field
// added to the vocabulary is not published until application() names
// it; this test fails until someone decides, here and there, whether
// it is published, masked or left out (and updates the README's table).
func TestEveryFieldIsDecided(t *testing.T) {
	decided := map[reflect.Type]string{
		reflect.TypeOf(followup.Application{}): "Slug ID IDPos Path Company Role Posting Location Applied AppliedPos Via Address Phone TZ Loc Contact Rounds Log Notes Warnings",
		reflect.TypeOf(followup.Person{}):      "Name Title Email Phone By",
		reflect.TypeOf(followup.Round{}):       "N At Length Kind Where Timeline Learned Interviewers",
		reflect.TypeOf(followup.Interviewer{}): "Person Thanked Posted By Learned",
		reflect.TypeOf(followup.LogEntry{}):    "On Sent By Heard Next Outcome Note Deadline Skipped",
	}
	for typ, names := range decided {
		known := map[string]bool{}
		for _, n := range strings.Fields(names) {
			known[n] = true
		}
		for i := 0; i < typ.NumField(); i++ {
			if f := typ.Field(i).Name; !known[f] {
				t.Errorf("%s.%s: decide whether a public build publishes it (redact.application), then list it here", typ.Name(), f)
			}
		}
	}
	// And what is left out stays out: a full application, every private
	// field set, comes back without them.
	a := &followup.Application{Address: "1 Main St", Phone: "+1 617 555 0102", Notes: []byte("x"),
		Contact: &followup.Person{Email: "a@b.example", Phone: "1"}}
	p := Public([]*followup.Application{a}, true)[0]
	if p.Address != "" || p.Phone != "" || p.Notes != nil || p.Contact.Email != "" || p.Contact.Phone != "" {
		t.Errorf("private fields published: %+v", p)
	}
}

// TestSkippedStaysClosed: a skipped: entry names the thank-you by the
// person's name; the public view renames the person, and must rename the
// id with them, or the public plan would reopen the action it closes.
func TestSkippedStaysClosed(t *testing.T) {
	loc := time.UTC
	a := &followup.Application{
		Slug: "harbor", Company: "Harbor", Role: "Eng", Loc: loc, TZ: "UTC",
		Applied: followup.Date{Year: 2027, Month: 1, Day: 4},
		Rounds: []followup.Round{{N: 1, At: followup.LocalTime{Date: followup.Date{Year: 2027, Month: 1, Day: 12}, Hour: 10}, Length: time.Hour,
			Interviewers: []followup.Interviewer{{Person: followup.Person{Name: "Rosa Diaz"}}, {Person: followup.Person{Name: "Tom O'Neil"}}}}},
		Log: []followup.LogEntry{{On: followup.Date{Year: 2027, Month: 1, Day: 13}, Skipped: "harbor/thank-you/r1/rosa-diaz", Note: "never met her"}},
	}
	now := time.Date(2027, 1, 13, 12, 0, 0, 0, loc)
	ids := func(apps []*followup.Application) []string {
		var out []string
		for _, act := range schedule.Plan(apps, followup.DefaultPolicy(), now).Actions {
			out = append(out, act.ID)
		}
		return out
	}
	mine := ids([]*followup.Application{a})
	pub := Public([]*followup.Application{a}, false)
	theirs := ids(pub)
	if len(mine) != 1 || len(theirs) != 1 || theirs[0] != "harbor/thank-you/r1/interviewer-2" {
		t.Errorf("private %q, public %q: want one open thank-you each, to Tom / interviewer 2", mine, theirs)
	}
	if s := pub[0].Log[0].Skipped; s != "harbor/thank-you/r1/interviewer-1" {
		t.Errorf("skipped %q", s)
	}
	// An id that names no one closes nothing, and keeps no name.
	a.Log[0].Skipped = "harbor/thank-you/r1/someone-else"
	if s := Public([]*followup.Application{a}, false)[0].Log[0].Skipped; s != "harbor/thank-you/" {
		t.Errorf("unknown skipped id published as %q", s)
	}
}
