package site

import (
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/content"
)

// TestManyHeadingsOfOneName: every repeat of a heading used to count its
// suffix up from -1, so 20,000 headings "# a" (an 80 KB note) took 48 s.
// The ids must still be distinct and numbered in order.
func TestManyHeadingsOfOneName(t *testing.T) {
	const n = 20000
	src := strings.Repeat("# a\n", n) + "# a 5\n"
	h, err := markdown([]byte(src), "p-")
	if err != nil {
		t.Fatal(err)
	}
	s := string(h)
	if got := strings.Count(s, "<h1 id="); got != n+1 {
		t.Fatalf("%d headings, want %d", got, n+1)
	}
	for _, id := range []string{`id="p-a"`, `id="p-a-1"`, `id="p-a-19999"`, `id="p-a-5-1"`} {
		if strings.Count(s, id+">") != 1 {
			t.Errorf("%s: %d times, want once", id, strings.Count(s, id+">"))
		}
	}
}

// TestWorstNotesFinish: inputs whose rendering grows faster than their
// size (deep nesting, unclosed brackets, one label defined over and
// over) are bounded by the notes limit; at that limit they render in
// well under the test timeout.
func TestWorstNotesFinish(t *testing.T) {
	const size = content.MaxNotes
	nested := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			line := strings.Repeat("  ", i) + "- x\n"
			if b.Len()+len(line) > size {
				break
			}
			b.WriteString(line)
		}
		return b.String()
	}
	for name, src := range map[string]string{
		"nested list":     nested(2000),
		"nested quotes":   strings.Repeat(">", size-2) + "x\n",
		"brackets":        strings.Repeat("[", size/2) + strings.Repeat("]", size/2),
		"link labels":     strings.Repeat("[x]: y\n", size/7),
		"emphasis":        strings.Repeat("*", size/2) + strings.Repeat("a*", size/4),
		"bullets in line": strings.Repeat("- ", size/2),
	} {
		if len(src) > size {
			t.Fatalf("%s: %d bytes, over the limit", name, len(src))
		}
		if _, err := markdown([]byte(src), "p-"); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
