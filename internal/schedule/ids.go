package schedule

import (
	"fmt"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

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
		base := followup.Slugify(p)
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

// possessive is "Acme's", or "Davis'" for a name ending in s.
func possessive(name string) string {
	if strings.HasSuffix(name, "s") || strings.HasSuffix(name, "S") {
		return name + "'"
	}
	return name + "'s"
}

// counted is "1 follow-up", "2 follow-ups".
func counted(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
