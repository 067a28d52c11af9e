package content_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// asContent serves a directory as the content/ folder of a project, so a
// fixture tree can be loaded by content.Load without a content/ level of
// its own: "content/x.md" opens "x.md" of the wrapped FS.
type asContent struct{ fsys fs.FS }

func (a asContent) Open(name string) (fs.File, error) {
	switch {
	case name == ".":
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case name == content.Dir:
		return a.fsys.Open(".")
	case strings.HasPrefix(name, content.Dir+"/"):
		return a.fsys.Open(strings.TrimPrefix(name, content.Dir+"/"))
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func listing(errs followup.ErrorList) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestBadGolden loads every malformed file of testdata/bad at once and
// compares the whole `path:line:col: message` listing with
// testdata/bad.golden. Run with -update to rewrite it, then read the diff:
// every line must name the offending value and say what to write instead.
func TestBadGolden(t *testing.T) {
	apps, errs := content.Load(asContent{os.DirFS("testdata/bad")}, content.Options{DefaultTZ: "UTC"})
	got := listing(errs)
	if *update {
		if err := os.WriteFile("testdata/bad.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/bad.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("listing differs from testdata/bad.golden (run go test -run TestBadGolden -update to accept):\n%s", lineDiff(string(want), got))
	}
	for _, a := range apps {
		t.Errorf("%s: loaded without an error, every file in testdata/bad must have one", a.Path)
	}
	// Every fixture must be named in the listing, every error must point
	// into the file (line >= 1, col >= 1, never past its last line).
	named := map[string]bool{}
	for _, e := range errs {
		named[e.Pos.Path] = true
		if e.Pos.Line < 1 || e.Pos.Col < 1 {
			t.Errorf("%s: position below 1:1", e)
		}
		data, err := os.ReadFile(filepath.Join("testdata/bad", strings.TrimPrefix(e.Pos.Path, content.Dir+"/")))
		if err != nil {
			t.Errorf("%s: %v", e, err)
			continue
		}
		if lines := bytes.Count(data, []byte("\n")) + 1; e.Pos.Line > lines {
			t.Errorf("%s: line past the end of the file (%d lines)", e, lines)
		}
	}
	entries, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range entries {
		if p := content.Dir + "/" + d.Name(); !named[p] {
			t.Errorf("%s: no error reported", p)
		}
	}
}

// lineDiff shows the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// TestPositions pins the exact place of errors whose line and column are
// easy to get wrong: a BOM with CRLF endings, and a file with several
// problems, all of which must be reported.
func TestPositions(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string // "line:col: message prefix"
	}{
		{"bom-crlf.md", []string{`4:10: applied: invalid date "2026-13-01"`}},
		{"bom-crlf-syntax.md", []string{`4:11: location: a value that contains ": " must be in quotes: location: "Boston: MA"`}},
		{"bom-crlf-tab.md", []string{"6:1: tab character in indentation"}},
		{"rounds-lone-dash.md", []string{"5:4: rounds: empty entry", "9:18: thanked: 2026-11-19 is before the round"}},
		{"only-fences.md", []string{`1:1: missing required field "company"`, `1:1: missing required field "role"`}},
		{"three-errors.md", []string{
			"2:10: company: want text, got a list",
			`4:10: applied: invalid date "2026-02-30"`,
			`7:5: unknown field "interveiwers"`,
		}},
		{"unclosed-quote.md", []string{"2:10: "}},
		{"tab-indent.md", []string{"5:1: "}},
		{"duplicate-key.md", []string{"5:1: "}},
		{"thanked-before-round.md", []string{"8:18: thanked: 2026-11-19 is before the round"}},
		{"log-out-of-order.md", []string{"8:9: on: 2026-12-01 is before the entry above it"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/bad", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			app, errs := content.Parse("content/"+tc.file, "x", data, "UTC")
			if app != nil {
				t.Errorf("got an application, want errors")
			}
			if len(errs) != len(tc.want) {
				t.Errorf("got %d errors, want %d:\n%s", len(errs), len(tc.want), listing(errs))
			}
			for i, w := range tc.want {
				if i >= len(errs) {
					break
				}
				got := strings.TrimPrefix(errs[i].Error(), "content/"+tc.file+":")
				if !strings.HasPrefix(got, w) {
					t.Errorf("error %d = %q, want prefix %q", i, got, w)
				}
			}
		})
	}
}

// TestFindOddFiles covers what git cannot hold: a directory named x.md and a
// file the user may not read.
func TestFindOddFiles(t *testing.T) {
	t.Run("directory named .md", func(t *testing.T) {
		root := t.TempDir()
		mustWrite(t, filepath.Join(root, "content", "ok.md"), "---\ncompany: Acme\nrole: Designer\n---\n")
		if err := os.MkdirAll(filepath.Join(root, "content", "x.md"), 0o755); err != nil {
			t.Fatal(err)
		}
		mustWrite(t, filepath.Join(root, "content", "x.md", "inner.md"), "---\ncompany: Inner\nrole: Designer\n---\n")
		apps, errs := content.Load(os.DirFS(root), content.Options{DefaultTZ: "UTC"})
		want := "content/x.md:1:1: is a directory, not a markdown file; rename it without .md\n"
		if got := listing(errs); got != want {
			t.Errorf("errors:\n%s\nwant:\n%s", got, want)
		}
		var slugs []string
		for _, a := range apps {
			slugs = append(slugs, a.Slug)
		}
		// The directory's own files are still read: only its name is wrong.
		if got := strings.Join(slugs, ","); got != "ok,x.md/inner" {
			t.Errorf("slugs = %s, want ok,x.md/inner", got)
		}
	})
	t.Run("unreadable file", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: chmod 000 does not stop root from reading the file, so there is nothing to test")
		}
		root := t.TempDir()
		p := filepath.Join(root, "content", "secret.md")
		mustWrite(t, p, "---\ncompany: Acme\nrole: Designer\n---\n")
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		_, errs := content.Load(os.DirFS(root), content.Options{DefaultTZ: "UTC", Prefix: "proj"})
		want := "proj/content/secret.md:1:1: cannot read: permission denied\n"
		if got := listing(errs); got != want {
			t.Errorf("errors:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("unreadable directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: chmod 000 does not stop root from reading the directory, so there is nothing to test")
		}
		root := t.TempDir()
		d := filepath.Join(root, "content", "locked")
		mustWrite(t, filepath.Join(d, "a.md"), "---\ncompany: Acme\nrole: Designer\n---\n")
		if err := os.Chmod(d, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(d, 0o755) })
		_, errs := content.Load(os.DirFS(root), content.Options{DefaultTZ: "UTC"})
		want := "content/locked:1:1: cannot read: permission denied\n"
		if got := listing(errs); got != want {
			t.Errorf("errors:\n%s\nwant:\n%s", got, want)
		}
	})
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
