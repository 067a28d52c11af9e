package schedule

import (
	"fmt"
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

// names gives each person of a round a distinct id part: a numeric suffix
// when two names collide, "person-N" when a name has no ASCII letters.
//
// The suffix is the first of -2, -3, ... that no one holds yet, so it never
// collides with a name that is written with a number ("Jane Smith",
// "Jane Smith", "Jane Smith 2" used to give jane-smith-2 twice, and two
// actions, calendar events and drafts with one id).
func names(people []string) []string {
	out := make([]string, len(people))
	taken := map[string]bool{}
	for i, p := range people {
		base := Slugify(p)
		if base == "" {
			base = fmt.Sprintf("person-%d", i+1)
		}
		s := base
		for n := 2; taken[s]; n++ {
			s = fmt.Sprintf("%s-%d", base, n)
		}
		taken[s] = true
		out[i] = s
	}
	return out
}
