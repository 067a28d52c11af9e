package content

import (
	"bytes"
	"testing"
)

// FuzzSplit: the front-matter splitter never panics; when it finds front
// matter, the front matter and the body are the file's own bytes in
// order, the body starts at the line it says, and the closing fence is
// the first "---" line after the opening one.
//
//	go test ./internal/content -run '^$' -fuzz FuzzSplit -fuzztime 60s
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "---\n---\n", "---\r\na: 1\r\n---\r\nbody", "\xef\xbb\xbf---\nx\n---", "---\n--- \n---\n",
		"---", "---\n", "---\na\n", "a\n---\n---\n", "---\n\x00\n---\n", "---\r---\r", "---\n---",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		front, body, bodyLine, problem := split(data)
		if problem != "" {
			if front != nil || body != nil || bodyLine != 0 {
				t.Fatalf("a problem (%s) with a result", problem)
			}
			return
		}
		d := bytes.TrimPrefix(data, bom)
		if !bytes.HasPrefix(d, []byte("---\n")) && !bytes.HasPrefix(d, []byte("---\r\n")) {
			t.Fatalf("front matter found in a file that does not open with ---: %q", data)
		}
		start := bytes.IndexByte(d, '\n') + 1 // after the opening fence
		if !bytes.HasPrefix(d[start:], front) || !bytes.HasSuffix(d, body) || start+len(front) > len(d)-len(body) {
			t.Fatalf("front %q or body %q are not the file's bytes", front, body)
		}
		// Everything between the front matter and the body is the closing fence.
		i := start + len(front)
		fence := d[i : len(d)-len(body)]
		if f := string(bytes.TrimRight(fence, "\r\n")); f != "---" {
			t.Fatalf("between front matter and body: %q", fence)
		}
		// No line of the front matter is a fence.
		for _, l := range bytes.Split(front, []byte("\n")) {
			if string(bytes.TrimSuffix(l, []byte("\r"))) == "---" {
				t.Fatalf("front matter %q holds a fence", front)
			}
		}
		if want := bytes.Count(d[:len(d)-len(body)], []byte("\n")) + 1; bodyLine != want && len(body) > 0 {
			t.Fatalf("body at line %d, want %d", bodyLine, want)
		}
	})
}
