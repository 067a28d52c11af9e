package followup

// Suggest returns the candidate closest to s by edit distance, if it is
// close enough to be a likely typo ("interveiwers" -> "interviewers",
// "timezon" -> "timezone"), for "did you mean" in messages.
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	// One edit in a short name is already a different word ("a" is two
	// edits from "tz", but nobody meant tz).
	limit := 1
	switch n := len([]rune(s)); {
	case n >= 8:
		limit = 3
	case n >= 4:
		limit = 2
	}
	if bestD <= limit && bestD < len([]rune(s)) {
		return best
	}
	return ""
}

// distance is the Damerau-Levenshtein (optimal string alignment) distance,
// so a swapped pair of letters counts as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
