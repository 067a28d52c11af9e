package config

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzParse: followup.toml never makes Parse panic; every problem is at
// a real place of the file, and the same input gives the same answer.
//
//	go test ./internal/config -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title = \"x\"\n", "title = 3\npublic = \"yes\"\n[policy]\nmax_followups = \"two\"\n", "[owner]\nname = 5\n",
		"owner = \"Sam\"\n", "title = [1, 2]\n", "a.b.c = 1\n", "[policy]\ncheck_in_after = \"0 days\"\n",
		"timezone = \"posixrules\"\n", "feed_key = \"short\"\n", "[[policy]]\n", "title = 2026-01-02T10:00:00Z\n",
		"t = { a = [ { b = 1 } ] }\n", "title = \"\"\"\nx\"\"\"\n", "\xef\xbb\xbftitle = 'é'\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, errs := parse(data, File)
		lines := bytes.Split(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("\n"))
		for _, e := range errs {
			if e.Pos.Path != File || e.Pos.Line < 1 || e.Pos.Col < 1 || e.Msg == "" {
				t.Fatalf("bad error %q", e)
			}
			if e.Pos.Line > len(lines) {
				t.Fatalf("%s: past the last line (%d)", e, len(lines))
			}
			if n := utf8.RuneCount(lines[e.Pos.Line-1]); e.Pos.Col > n+1 {
				t.Fatalf("%s: past the end of the line (%d characters)", e, n)
			}
		}
		_, again := parse(data, File)
		if again.Error() != errs.Error() {
			t.Fatalf("not deterministic:\n%s\nthen\n%s", errs, again)
		}
	})
}
