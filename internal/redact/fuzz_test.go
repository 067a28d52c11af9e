package redact

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzMask: a masked text holds no email address or phone number the
// masks look for, masking it again changes nothing, and a published
// posting has no query, fragment or user information.
//
//	go test ./internal/redact -run '^$' -fuzz FuzzMask -fuzztime 60s
func FuzzMask(f *testing.F) {
	for _, s := range []string{"me@x.example", "+1 617 555 0102", "https://u:p@h.example/p?q=1#f", "２０２６ ５５５ ０１０２",
		"a@b.c@d.e", "(((1)))2-3-4-5-6-7", "mailto:me@x.example", "https://h.example/a%40b.example", "http://[::1]:80/x?y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := text(s)
		if email.MatchString(m) {
			t.Fatalf("Text(%q) = %q keeps an address", s, m)
		}
		for _, p := range phone.FindAllString(m, -1) {
			if !isoDate.MatchString(p) {
				t.Fatalf("Text(%q) = %q keeps a phone number %q", s, m, p)
			}
		}
		if text(m) != m {
			t.Fatalf("Text(%q) = %q, and again %q", s, m, text(m))
		}
		p := posting(s)
		if p == "" {
			return
		}
		u, err := url.Parse(p)
		if err != nil {
			t.Fatalf("Posting(%q) = %q does not parse: %v", s, p, err)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.ContainsAny(p, "?#") || (u.Scheme != "http" && u.Scheme != "https") {
			t.Fatalf("Posting(%q) = %q", s, p)
		}
		if strings.Contains(u.Path, "@") && email.MatchString(u.Path) {
			t.Fatalf("Posting(%q) = %q keeps an address", s, p)
		}
	})
}
