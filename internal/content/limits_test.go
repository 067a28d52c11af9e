package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/content"
)

// project makes a project directory whose content/ holds files.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, "content", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const good = "---\ncompany: Acme\nrole: Designer\n---\n"

// TestSpecialFiles: a device or a symbolic link to one is a positioned
// error, never a read that does not end (/dev/zero) or grows memory
// without limit. The named pipe is in special_unix_test.go.
func TestSpecialFiles(t *testing.T) {
	for _, dev := range []string{"/dev/zero", "/dev/urandom", "/dev/null"} {
		if _, err := os.Stat(dev); err != nil {
			t.Skipf("%s: %v", dev, err)
		}
		t.Run(dev, func(t *testing.T) {
			dir := project(t, map[string]string{"ok.md": good})
			if err := os.Symlink(dev, filepath.Join(dir, "content", "x.md")); err != nil {
				t.Fatal(err)
			}
			apps, errs := content.Load(os.DirFS(dir), content.Options{DefaultTZ: "UTC"})
			if len(apps) != 1 || len(errs) != 1 {
				t.Fatalf("apps %d, errors:\n%v", len(apps), errs)
			}
			want := "content/x.md:1:1: cannot read: not a regular file: it is a character device; followup reads only regular files"
			if got := errs[0].Error(); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestSizeLimits: a file over MaxFileSize, front matter over
// MaxFrontMatter and notes over MaxNotes are refused with a positioned
// error; a file at the limits is read.
func TestSizeLimits(t *testing.T) {
	notes := func(n int) string { return good + strings.Repeat("x", n) }
	front := func(n int) string {
		head := "---\ncompany: Acme\nrole: Designer\nlocation: "
		return head + strings.Repeat("y", n-len(head)+len("---\n")-1) + "\n---\n"
	}
	dir := project(t, map[string]string{
		"at-limit.md":  front(content.MaxFrontMatter) + strings.Repeat("z", content.MaxNotes),
		"big-front.md": front(content.MaxFrontMatter + 1),
		"big-notes.md": notes(content.MaxNotes + 1),
		"over.md":      notes(content.MaxFileSize + 1),
		"way-over.md":  notes(5 * content.MaxFileSize),
	})
	apps, errs := content.Load(os.DirFS(dir), content.Options{DefaultTZ: "UTC"})
	if len(apps) != 1 || apps[0].Slug != "at-limit" {
		t.Errorf("loaded %d applications, want at-limit only", len(apps))
	}
	got := listing(errs)
	want := "content/big-front.md:1:1: front matter is 1.1 MB; it may hold at most 1 MB (keep long text in the notes below the closing ---)\n" +
		"content/big-notes.md:5:1: notes are 65 KB; they may hold at most 64 KB\n" +
		"content/over.md:1:1: cannot read: file too big: it is 2.1 MB, and a file may hold at most 2 MB\n" +
		"content/way-over.md:1:1: cannot read: file too big: it is 10.1 MB, and a file may hold at most 2 MB\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestQuotedPath: a file name with a newline or an escape is quoted in
// the path:line:col line, which would otherwise break in two.
func TestQuotedPath(t *testing.T) {
	dir := project(t, map[string]string{"a\nb.md": "---\ncompany: Acme\n---\n", "c\x1b[31m.md": "---\nrole: x\n---\n"})
	_, errs := content.Load(os.DirFS(dir), content.Options{DefaultTZ: "UTC"})
	got := listing(errs)
	want := "\"content/a\\nb.md\":1:1: missing required field \"role\"\n" +
		"\"content/c\\x1b[31m.md\":1:1: missing required field \"company\"\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestLongLogIsLinear: checking a log used to look each field up by
// counting the entries from the first, so 100,000 entries took minutes.
// The front matter cap now refuses that many (about 30 bytes each); the
// most it admits must check in the normal test time, and with a
// quadratic lookup 30,000 entries took over a minute.
func TestLongLogIsLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ncompany: Acme\nrole: Designer\napplied: 2026-01-02\nlog:\n")
	n := 0
	for b.Len() < content.MaxFrontMatter-100 {
		fmt.Fprintf(&b, "  - on: 2026-01-03\n    heard: x\n")
		n++
	}
	b.WriteString("---\n")
	app, errs := content.Parse("content/long.md", "long", []byte(b.String()), "UTC")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(app.Log) != n || n < 30000 {
		t.Errorf("%d log entries, want %d (at least 30,000)", len(app.Log), n)
	}
	// And every entry wrong: each error is placed without counting the
	// file's lines from the top (the CR makes positions non-trivial).
	bad := strings.ReplaceAll(b.String(), "    heard: x\n", "    heard: \r\n")
	if _, errs := content.Parse("content/long.md", "long", []byte(bad), "UTC"); len(errs) < n {
		t.Errorf("%d errors, want one per entry (%d)", len(errs), n)
	}
}

// TestInterviewerCap: pages and feeds compare every person of an
// application with the others for each action, so 16,000 interviewers
// took seconds to build and 100,000 minutes. An application names at
// most MaxInterviewers, and MaxRounds rounds.
func TestInterviewerCap(t *testing.T) {
	file := func(rounds, people int, name func(int) string) string {
		var b strings.Builder
		b.WriteString("---\ncompany: Acme\nrole: Designer\nrounds:\n")
		for r := 0; r < rounds; r++ {
			fmt.Fprintf(&b, "  - at: 2026-01-05 10:00\n")
			if people > 0 {
				b.WriteString("    interviewers:\n")
			}
			for i := 0; i < people; i++ {
				fmt.Fprintf(&b, "      - name: %s\n", name(i))
			}
		}
		b.WriteString("---\n")
		return b.String()
	}
	distinct := func(i int) string { return fmt.Sprintf("Person %d", i) }
	same := func(int) string { return "Jane Smith" }
	for _, tc := range []struct {
		name, src, want string
	}{
		{"at-cap", file(1, content.MaxInterviewers, same), ""},
		{"16000", file(1, 16000, distinct), "content/x.md:207:9: interviewer 201 of round 1: an application may name at most 200 interviewers in all its rounds"},
		{"8000-same", file(1, 8000, same), "content/x.md:207:9: interviewer 201 of round 1: an application may name at most 200 interviewers in all its rounds"},
		{"over-rounds", file(content.MaxRounds+1, 0, same), "content/x.md:105:5: round 101: an application may have at most 100 rounds"},
		{"spread", file(3, 70, distinct), "content/x.md:211:9: interviewer 61 of round 3: an application may name at most 200 interviewers in all its rounds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := content.Parse("content/x.md", "x", []byte(tc.src), "UTC")
			if got := strings.TrimSpace(listing(errs)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
