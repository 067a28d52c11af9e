package edit

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	lines := func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString("l" + string(rune('a'+i-1)) + "\n")
		}
		return b.String()
	}
	base := lines(20)
	cases := []struct {
		name, a, b, want string
	}{
		{"same", base, base, ""},
		{"one line added", "a\nb\nc\n", "a\nb\nX\nc\n", "--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n b\n+X\n c\n"},
		{"value changed, CRLF shown without CR", "a\r\nb: 1\r\nc\r\n", "a\r\nb: 2\r\nc\r\n", "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b: 1\n+b: 2\n c\n"},
		{"two additions close: one hunk, only the added lines", "n: Ann\nn: Bob\n---\n", "n: Ann\nt: 1\nn: Bob\nt: 1\n---\n",
			"--- a/f\n+++ b/f\n@@ -1,3 +1,5 @@\n n: Ann\n+t: 1\n n: Bob\n+t: 1\n ---\n"},
		{"two additions far apart: two hunks", base, strings.Replace(strings.Replace(base, "lb\n", "lb\nX\n", 1), "ls\n", "ls\nY\n", 1),
			"--- a/f\n+++ b/f\n@@ -1,5 +1,6 @@\n la\n lb\n+X\n lc\n ld\n le\n@@ -17,4 +18,5 @@\n lq\n lr\n ls\n+Y\n lt\n"},
		{"at the very start", "a\n", "X\na\n", "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+X\n a\n"},
		{"BOM not shown", "\ufeff---\na\n", "\ufeff---\na\nb\n", "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n ---\n a\n+b\n"},
	}
	for _, c := range cases {
		if got := diff("f", []byte(c.a), []byte(c.b)); got != c.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
}
