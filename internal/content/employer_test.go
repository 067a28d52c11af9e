package content_test

import (
	"testing"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

func TestEmployerFieldsAreRead(t *testing.T) {
	src := "---\nid: harbor-k7qz\ncompany: Harbor Freight Design\nrole: Draftsperson\napplied: 2026-11-02\n" +
		"via: In-Person\naddress: \" 12 Wharf Road, Portland, ME 04101 \"\nphone: (207) 555-0142 ext. 12\n---\nnotes\n"
	app, errs := content.Parse("content/harbor.md", "harbor", []byte(src), "UTC")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if app.ID != "harbor-k7qz" || app.Via != followup.ViaInPerson || app.Address != "12 Wharf Road, Portland, ME 04101" || app.Phone != "(207) 555-0142 ext. 12" {
		t.Errorf("got id %q via %q address %q phone %q", app.ID, app.Via, app.Address, app.Phone)
	}
}

func TestEmployerFieldsAreChecked(t *testing.T) {
	for _, tc := range []struct {
		name, field, want string
	}{
		{"id with capitals", "id: Acme_1", `content/a.md:4:5: id: "Acme_1": want lowercase letters, digits and single hyphens, such as acme-k7qz`},
		{"id with a double hyphen", "id: acme--x", `content/a.md:4:5: id: "acme--x": want lowercase letters, digits and single hyphens, such as acme-k7qz`},
		{"unknown via", "via: fax", `content/a.md:4:6: via: unknown way of applying "fax" (want online, email, referral, in person, phone or letter)`},
		{"empty address", "address:", `content/a.md:4:9: address: must not be empty; write the employer's address or remove the field`},
		{"phone in words", "phone: ask Rosa", `content/a.md:4:8: phone: "ask Rosa" is not a phone number; write digits, spaces and + ( ) - . such as "+1 617 555 0100" (the employer's, for work-search logs)`},
		{"phone too short", "phone: 12", `content/a.md:4:8: phone: "12" is not a phone number; write digits, spaces and + ( ) - . such as "+1 617 555 0100" (the employer's, for work-search logs)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "---\ncompany: Acme\nrole: Dev\n" + tc.field + "\n---\n"
			_, errs := content.Parse("content/a.md", "a", []byte(src), "UTC")
			if len(errs) != 1 || errs[0].Error() != tc.want {
				t.Errorf("got %v\nwant %s", errs, tc.want)
			}
		})
	}
}
