package followup

import (
	"io"
	"strconv"
	"strings"
	"unicode"
)

// fold maps letters with diacritics to ASCII, so "Ana Núñez" becomes
// "ana-nunez" without pulling in a Unicode normalisation library.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ģ': "g", 'ħ': "h", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ł': "l", 'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ŕ': "r", 'ř': "r", 'ś': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'æ': "ae", 'œ': "oe",
}

// Slugify lowercases a name to ASCII letters and digits joined by hyphens.
// Combining marks are dropped, so a name typed with decomposed accents
// ("Nu\u0301n\u0303ez", as some macOS tools write it) gives the same id as
// the composed spelling instead of "nu-n-ez".
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent belongs to the letter before it
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case fold[r] != "":
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(fold[r])
		default:
			dash = true
		}
	}
	return b.String()
}

// idAlphabet has no vowels and no look-alikes (0/o, 1/l), so a random
// suffix never spells a word and reads back unambiguously.
const idAlphabet = "23456789bcdfghjkmnpqrstvwxz"

// NewID returns a short, readable identity for a new application: its
// company's slug (cut at 20 bytes, on a hyphen where one is near) and four
// random characters from rnd, e.g. "acme-architecture-k7qz". taken reports
// ids already in use; NewID draws again until it finds a free one. The id
// names the application in calendar UIDs, so it must survive renaming or
// moving the file: it is written once into the front matter, never derived
// from the path again.
func NewID(company string, taken func(string) bool, rnd io.Reader) string {
	base := Slugify(company)
	if len(base) > 20 {
		base = base[:20]
		if i := strings.LastIndexByte(base, '-'); i >= 12 {
			base = base[:i]
		}
		base = strings.TrimRight(base, "-")
	}
	if base == "" {
		base = "app"
	}
	var b [4]byte
	for {
		if _, err := io.ReadFull(rnd, b[:]); err != nil {
			// A reader that runs dry still gets an id, just not a random one.
			b = [4]byte{}
		}
		var s strings.Builder
		s.WriteString(base)
		s.WriteByte('-')
		for _, c := range b {
			s.WriteByte(idAlphabet[int(c)%len(idAlphabet)])
		}
		id := s.String()
		if taken == nil || !taken(id) {
			return id
		}
		if b == [4]byte{} {
			// rnd is exhausted: count upwards so the loop ends.
			for n := 2; ; n++ {
				alt := id + "-" + strconv.Itoa(n)
				if !taken(alt) {
					return alt
				}
			}
		}
	}
}
