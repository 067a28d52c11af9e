package edit

import (
	"fmt"
	"strings"
)

// Diff is a unified diff of a file before and after an edit. An edit
// changes one stretch of lines (a value, inserted lines), so the hunk is
// what lies between the lines both share at the start and at the end.
func Diff(path string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	x := strings.SplitAfter(string(a), "\n")
	y := strings.SplitAfter(string(b), "\n")
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	const ctx = 3
	from := max(p-ctx, 0)
	toX := min(len(x)-s+ctx, len(x))
	toY := min(len(y)-s+ctx, len(y))
	// A file that ends in a newline splits into a last empty piece.
	if toX == len(x) && x[len(x)-1] == "" {
		toX--
	}
	if toY == len(y) && y[len(y)-1] == "" {
		toY--
	}
	var o strings.Builder
	fmt.Fprintf(&o, "--- a/%s\n+++ b/%s\n", path, path)
	fmt.Fprintf(&o, "@@ -%s +%s @@\n", rng(from, toX-from), rng(from, toY-from))
	line := func(mark, l string) {
		l = strings.TrimSuffix(strings.TrimSuffix(l, "\n"), "\r")
		o.WriteString(mark + strings.TrimPrefix(l, "\ufeff") + "\n")
	}
	for i := from; i < p; i++ {
		line(" ", x[i])
	}
	for i := p; i < len(x)-s; i++ {
		line("-", x[i])
	}
	for i := p; i < len(y)-s; i++ {
		line("+", y[i])
	}
	for i := len(x) - s; i < toX; i++ {
		line(" ", x[i])
	}
	return o.String()
}

func rng(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
