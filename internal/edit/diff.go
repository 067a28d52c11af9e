package edit

import (
	"fmt"
	"strings"
)

// diff is a unified diff of a file before and after an edit, with three
// lines of context. The lines both versions share at the start and at the
// end are matched first; what lies between (one or a few splices) is
// matched line by line by a longest common subsequence, so a panel of
// thank-yous shows as the lines added, not as a block rewritten.
func diff(path string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	x := splitLines(string(a))
	y := splitLines(string(b))
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	// ops: ' ' both, '-' only in a, '+' only in b, in order.
	var ops []byte
	for range p {
		ops = append(ops, ' ')
	}
	ops = append(ops, middle(x[p:len(x)-s], y[p:len(y)-s])...)
	for range s {
		ops = append(ops, ' ')
	}
	var o strings.Builder
	fmt.Fprintf(&o, "--- a/%s\n+++ b/%s\n", path, path)
	const ctx = 3
	// Walk the ops; a hunk runs from ctx before a change to ctx after the
	// last change that is within 2*ctx of the one before.
	i, ai, bi := 0, 0, 0
	for i < len(ops) {
		if ops[i] == ' ' {
			i, ai, bi = i+1, ai+1, bi+1
			continue
		}
		start := max(i-ctx, 0)
		for k := start; k < i; k++ { // step back over the context
			ai--
			bi--
		}
		end := i
		for k := i; k < len(ops); k++ {
			if ops[k] != ' ' {
				end = k + 1
			} else if k-end >= 2*ctx {
				break
			}
		}
		end = min(end+ctx, len(ops))
		var body strings.Builder
		na, nb := 0, 0
		a0, b0 := ai, bi
		for k := start; k < end; k++ {
			switch ops[k] {
			case ' ':
				body.WriteString(" " + show(x[ai]))
				ai, bi, na, nb = ai+1, bi+1, na+1, nb+1
			case '-':
				body.WriteString("-" + show(x[ai]))
				ai, na = ai+1, na+1
			case '+':
				body.WriteString("+" + show(y[bi]))
				bi, nb = bi+1, nb+1
			}
		}
		fmt.Fprintf(&o, "@@ -%s +%s @@\n%s", rng(a0, na), rng(b0, nb), body.String())
		i = end
	}
	return o.String()
}

// splitLines splits after each newline; a last line without one is kept.
func splitLines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

func show(l string) string {
	return strings.TrimPrefix(strings.TrimSuffix(strings.TrimSuffix(l, "\n"), "\r"), "\ufeff") + "\n"
}

// middle matches two runs of lines by a longest common subsequence; runs
// too long for that (edits far apart in a huge file) are shown as one
// block replaced.
func middle(x, y []string) []byte {
	var ops []byte
	if len(x)*len(y) > 1<<22 {
		for range x {
			ops = append(ops, '-')
		}
		for range y {
			ops = append(ops, '+')
		}
		return ops
	}
	n, m := len(x), len(y)
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			ops = append(ops, ' ')
			i, j = i+1, j+1
		case i < n && (j == m || l[i+1][j] >= l[i][j+1]):
			ops = append(ops, '-')
			i++
		default:
			ops = append(ops, '+')
			j++
		}
	}
	return ops
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
