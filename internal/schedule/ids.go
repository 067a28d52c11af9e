package schedule

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// PersonIDs is names, for the public view (package redact), which must
// turn the ids a log entry names (skipped: <slug>/thank-you/r1/<name>)
// into the ids of the people as published.
func PersonIDs(people []string) []string { return names(people) }

// names gives each person of a round a distinct id part: a numeric suffix
// when two names collide, "person-N" when a name has no ASCII letters.
//
// The suffix is the first of -2, -3, ... that no one holds yet, so it never
// collides with a name that is written with a number ("Jane Smith",
// "Jane Smith", "Jane Smith 2" used to give jane-smith-2 twice, and two
// actions, calendar events and drafts with one id).
//
// Each base remembers the next suffix to try, so n people of one name
// take n steps, not n²/2 (8,000 interviewers named alike took seconds).
func names(people []string) []string {
	out := make([]string, len(people))
	taken := map[string]bool{}
	next := map[string]int{}
	for i, p := range people {
		base := followup.Slugify(p)
		if base == "" {
			base = fmt.Sprintf("person-%d", i+1)
		}
		s := base
		if taken[s] {
			n := max(next[base], 2)
			for s = suffixed(base, n); taken[s]; n++ {
				s = suffixed(base, n+1)
			}
			next[base] = n + 1
		}
		taken[s] = true
		out[i] = s
	}
	return out
}

func suffixed(base string, n int) string { return base + "-" + strconv.Itoa(n) }

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
