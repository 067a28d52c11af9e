package site

import (
	"regexp"
	"strings"
	"testing"
)

var (
	// A tag with an attribute that would run script or load a dangerous
	// URL. Text is escaped ("<" as &lt;), so every "<" starts a tag the
	// renderer wrote; " onclick=" in text is harmless (found by the fuzzer).
	unsafeAttr = regexp.MustCompile(`(?i)<[a-z][^>]*(?:\son[a-z]+\s*=|(?:href|src)\s*=\s*"\s*(?:javascript|vbscript|data:text))`)
	idAttr     = regexp.MustCompile(`\sid="([^"]*)"`)
)

// FuzzMarkdown: notes render without panic or error into HTML with no
// raw tag from the note (no <script>, no event handler, no javascript:
// link), and every id the note creates starts with the page's prefix
// and is given once.
//
//	go test ./internal/site -run '^$' -fuzz FuzzMarkdown -fuzztime 60s
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# a\n# a\n# a 1\n", "<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](&#106;avascript:x)",
		"<img src=x onerror=alert(1)>", "0 onA=", "footnote[^1]\n\n[^1]: n", "# 日本\n## Café", "- [ ] task\n- [x] done",
		"| a |\n|---|\n| <b> |", "www.example.com me@x.example", "```\n<script>\n```", "[a]: <javascript:x>\n[a]",
		strings.Repeat("[", 100), strings.Repeat("> ", 100) + "x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		h, err := Markdown([]byte(src), "note-x-")
		if err != nil {
			t.Fatal(err)
		}
		out := string(h)
		if strings.Contains(strings.ToLower(out), "<script") {
			t.Fatalf("raw <script in %q", out)
		}
		if m := unsafeAttr.FindString(out); m != "" {
			t.Fatalf("unsafe attribute %q in %q", m, out)
		}
		seen := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(out, -1) {
			id := m[1]
			if !strings.HasPrefix(id, "note-x-") {
				t.Fatalf("id %q without the page's prefix", id)
			}
			if seen[id] {
				t.Fatalf("id %q given twice in %q", id, out)
			}
			seen[id] = true
		}
	})
}
