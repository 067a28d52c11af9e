package scaffold_test

import (
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/scaffold"
)

// TestApplicationReadsBackAsWritten: every field a scaffold writes, with
// values that need quoting, reads back through content unchanged.
func TestApplicationReadsBackAsWritten(t *testing.T) {
	for _, n := range []scaffold.NewApplication{
		{Company: "Acme", Role: "Designer", Applied: "2026-11-02"},
		{Company: "Acme", Role: "Designer"}, // a wishlist job: no applied date
		{ID: "beta-k7qz", Company: "Beta: The Company", Role: "- lead", Posting: "https://x.example/?a=1#b", Location: "Boston, MA",
			Applied: "2026-11-02", Via: "in person", Address: "12 Wharf Road, #3", Phone: "6175550100", TZ: "Europe/Berlin",
			ContactName: "Dr. Ana Núñez", ContactEmail: "ana@beta.example", ContactPhone: "+1 617 555 0101", Notes: "Line one\n\n---\nnot front matter"},
	} {
		data := scaffold.Application(n)
		a, errs := content.Parse("content/x.md", "x", data, "UTC")
		if len(errs) > 0 {
			t.Fatalf("%v\n%s", errs, data)
		}
		applied := ""
		if !a.Applied.IsZero() {
			applied = a.Applied.String()
		}
		if a.ID != n.ID || a.Company != n.Company || a.Role != n.Role || a.Posting != n.Posting || a.Location != n.Location ||
			applied != n.Applied || string(a.Via) != n.Via || a.Address != n.Address || a.Phone != n.Phone {
			t.Errorf("read back %+v from\n%s", a, data)
		}
		if n.ContactName != "" && (a.Contact == nil || a.Contact.Name != n.ContactName || a.Contact.Email != n.ContactEmail || a.Contact.Phone != n.ContactPhone) {
			t.Errorf("contact %+v from\n%s", a.Contact, data)
		}
		if n.Notes != "" && !strings.Contains(string(a.Notes), n.Notes) {
			t.Errorf("notes %q", a.Notes)
		}
	}
}
