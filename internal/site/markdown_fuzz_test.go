package site

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var (
	// Text is escaped ("<" as &lt;), so every "<" starts a tag the
	// renderer wrote; " onclick=" or "javascript:" in text is harmless
	// (the fuzzer found both in text).
	tag       = regexp.MustCompile(`(?i)<[a-z][^>]*>`)
	handler   = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	urlAttr   = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*"([^"]*)"`)
	badScheme = regexp.MustCompile(`^(?:javascript:|vbscript:|data:text)`)
	idAttr    = regexp.MustCompile(`\sid="([^"]*)"`)
)

// unsafeTag returns a tag of out that would run script: an event
// handler, or a link whose URL, as a browser reads it (entities decoded,
// whitespace and controls dropped, any case), has a script scheme.
func unsafeTag(out string) string {
	for _, t := range tag.FindAllString(out, -1) {
		if handler.MatchString(t) {
			return t
		}
		for _, m := range urlAttr.FindAllStringSubmatch(t, -1) {
			u := strings.Map(func(r rune) rune {
				if r <= ' ' || r == 0x7f {
					return -1
				}
				return unicode.ToLower(r)
			}, html.UnescapeString(m[1]))
			if badScheme.MatchString(u) {
				return t
			}
		}
	}
	return ""
}

// FuzzMarkdown: notes render without panic or error into HTML with no
// raw tag from the note (no <script>, no event handler, no javascript:
// link), and every id the note creates starts with the page's prefix
// and is given once.
//
//	go test ./internal/site -run '^$' -fuzz FuzzMarkdown -fuzztime 60s
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# a\n# a\n# a 1\n", "<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](&#106;avascript:x)",
		"<img src=x onerror=alert(1)>", "0 onA=", "[0](jAvAsCript)0", "[x](java&#x09;script&colon;alert(1))", "footnote[^1]\n\n[^1]: n", "# 日本\n## Café", "- [ ] task\n- [x] done",
		"| a |\n|---|\n| <b> |", "www.example.com me@x.example", "```\n<script>\n```", "[a]: <javascript:x>\n[a]",
		strings.Repeat("[", 100), strings.Repeat("> ", 100) + "x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		h, err := markdown([]byte(src), "note-x-")
		if err != nil {
			t.Fatal(err)
		}
		out := string(h)
		if strings.Contains(strings.ToLower(out), "<script") {
			t.Fatalf("raw <script in %q", out)
		}
		if m := unsafeTag(out); m != "" {
			t.Fatalf("unsafe tag %q in %q", m, out)
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

// TestUnsafeTag: the fuzz target's oracle finds what a browser would run
// and nothing else.
func TestUnsafeTag(t *testing.T) {
	for s, bad := range map[string]bool{
		`<a href="javascript:alert(1)">`:              true,
		`<a href="JaVa&#x09;Script&#58;alert(1)">`:    true,
		`<img src="data:text/html,x" alt="">`:         true,
		`<b onclick="x">`:                             true,
		`<a href="jAvAsCript">`:                       false,
		`<p>javascript: onclick=</p>`:                 false,
		`<img src="data:image/png;base64,AA">`:        false,
		`<a href="https://x.example/?q=javascript:">`: false,
	} {
		if got := unsafeTag(s) != ""; got != bad {
			t.Errorf("unsafeTag(%s) = %v, want %v", s, got, bad)
		}
	}
}
