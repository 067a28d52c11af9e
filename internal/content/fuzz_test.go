package content_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/followup-tool/followup/internal/content"
)

// FuzzParse feeds arbitrary bytes to Parse: it must never panic, and every
// problem must name the file and a real place in it (line and column from
// 1, no further than the file's last line or the line's end). Either an application or
// errors come back, never both, never neither.
//
//	go test -run=^$ -fuzz=FuzzParse -fuzztime=60s ./internal/content
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"testdata/bad", "testdata/good"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			f.Add(data)
			return nil
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	const path = "content/fuzz.md"
	f.Fuzz(func(t *testing.T, data []byte) {
		app, errs := content.Parse(path, "fuzz", data, "UTC")
		if (app == nil) == (len(errs) == 0) {
			t.Fatalf("app %v with %d errors: want exactly one of them", app != nil, len(errs))
		}
		text := bytes.Split(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("\n"))
		lines := len(text)
		for _, e := range errs {
			if e.Pos.Path != path {
				t.Errorf("%s: path %q, want %q", e, e.Pos.Path, path)
			}
			if e.Pos.Line < 1 || e.Pos.Col < 1 {
				t.Errorf("%s: line and column must be >= 1", e)
			}
			if e.Pos.Line > lines {
				t.Errorf("%s: line past the end of the file (%d lines)", e, lines)
			} else if n := utf8.RuneCount(bytes.TrimSuffix(text[e.Pos.Line-1], []byte("\r"))); e.Pos.Col > n+1 {
				t.Errorf("%s: column past the end of the line (%d characters)", e, n)
			}
			if e.Msg == "" {
				t.Errorf("%s: empty message", e)
			}
		}
		if app != nil && (app.Loc == nil || app.Slug != "fuzz" || app.Company == "" || app.Role == "") {
			t.Errorf("incomplete application: %+v", app)
		}
		// Same input, same answer.
		_, again := content.Parse(path, "fuzz", data, "UTC")
		if again.Error() != errs.Error() {
			t.Errorf("not deterministic:\n%s\nthen\n%s", errs, again)
		}
	})
}
