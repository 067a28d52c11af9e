package calendar

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes user text safe for an iCalendar TEXT value before it reaches
// golang-ical, which escapes backslash, semicolon, comma and LF but passes
// everything else through (notes/calendar.md §2, trap 4):
//
//   - invalid UTF-8 becomes U+FFFD, so folding never meets a broken rune;
//   - CRLF, a lone CR, NEL (U+0085) and the Unicode line and paragraph
//     separators (U+2028, U+2029) become LF, which golang-ical writes as \n.
//     A raw CR makes vobject reject the whole feed, and Python's
//     str.splitlines (python-icalendar's line splitter) breaks a content line
//     at NEL, U+2028 and U+2029;
//   - every other control character (C0, DEL, C1) except TAB is dropped:
//     RFC 5545 §3.3.11 allows none of them in TEXT.
//
// clean is idempotent.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	ok := true
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// line is clean text on one line, for SUMMARY, LOCATION and the names put
// into them: line breaks and tabs become spaces, and the ends are trimmed.
func line(s string) string {
	s = clean(s)
	if strings.ContainsAny(s, "\n\t") {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// uidPart keeps the characters that are safe in a UID (and in any client's
// database key) and percent-encodes every other byte, so different ids
// always give different UIDs: "a b" and "a-b" stay apart.
func uidPart(id string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// domain is the right-hand side of every UID: opt.Domain lowercased and
// reduced to host-name characters, or followup.invalid when nothing is left.
func domain(d string) string {
	d = strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return -1
	}, d)
	d = strings.Trim(d, ".-")
	if d == "" {
		return "followup.invalid"
	}
	return d
}

// safeTZID reports whether a zone name can go into a TZID parameter as is.
// IANA names use only these characters; golang-ical backslash-escapes
// anything else in a parameter (trap 5), which parsers read differently.
func safeTZID(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '/' || c == '_' || c == '-' || c == '+') {
			return false
		}
	}
	return true
}

// plain keeps a DESCRIPTION plain text for Google, which renders it as
// HTML and swallows anything in angle brackets ("Jane
// <jane.schmoe@acme.example>" shows as "Jane"): the brackets become the
// single guillemets ‹ ›, which read the same and are not markup.
func plain(s string) string {
	if !strings.ContainsAny(s, "<>") {
		return s
	}
	return strings.NewReplacer("<", "‹", ">", "›").Replace(s)
}
