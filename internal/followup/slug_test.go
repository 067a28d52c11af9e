package followup

import (
	"bytes"
	"strings"
	"testing"
)

// TestSlugify covers the name part of thank-you ids and of new ids (docs/rules.md: "names
// lowercased to ASCII letters and digits with hyphens").
func TestSlugify(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ana Núñez", "ana-nunez"},
		{"ANA NÚÑEZ", "ana-nunez"},
		// The same name typed with combining accents (NFD, as macOS
		// tools often write it) must give the same id.
		{"Ana Nu\u0301n\u0303ez", "ana-nunez"},
		{"  Robert   Lee  ", "robert-lee"},
		{"Zoë O'Brien", "zoe-o-brien"},
		{"Jürgen Groß", "jurgen-gross"},
		{"Dr. Jane Schmoe, PhD", "dr-jane-schmoe-phd"},
		{"Agent 47", "agent-47"},
		{"王芳", ""},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := Slugify(c.in); got != c.want {
				t.Errorf("Slugify(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestNewIDIsShortReadableAndFree: a new id starts with the company's
// slug, ends with four characters from the unambiguous alphabet, and is
// never one already taken, even when the random source runs dry.
func TestNewIDIsShortReadableAndFree(t *testing.T) {
	for _, c := range []struct {
		company, prefix string
	}{
		{"Acme Architecture", "acme-architecture-"},
		{"Harbor & Sons Shipping International Ltd", "harbor-sons-shipping-"},
		{"王芳", "app-"},
	} {
		id := NewID(c.company, nil, bytes.NewReader([]byte{1, 2, 3, 4}))
		if !strings.HasPrefix(id, c.prefix) || len(id) != len(c.prefix)+4 {
			t.Errorf("NewID(%q) = %q, want %q + 4 characters", c.company, id, c.prefix)
		}
		for _, r := range id[len(c.prefix):] {
			if !strings.ContainsRune(idAlphabet, r) {
				t.Errorf("NewID(%q) = %q: %q is not in the alphabet", c.company, id, r)
			}
		}
	}
	first := NewID("Acme", nil, bytes.NewReader([]byte{1, 2, 3, 4}))
	taken := func(s string) bool { return s == first || s == "acme-2222" || s == "acme-2222-2" }
	if got := NewID("Acme", taken, bytes.NewReader([]byte{1, 2, 3, 4})); got != "acme-2222-3" {
		t.Errorf("with the only draw taken and the source dry: %q, want acme-2222-3", got)
	}
	if got := NewID("Acme", taken, bytes.NewReader([]byte{1, 2, 3, 4, 9, 9, 9, 9})); got == first || !strings.HasPrefix(got, "acme-") {
		t.Errorf("with a second draw: %q", got)
	}
}
