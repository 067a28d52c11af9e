//go:build unix

package content_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/followup-tool/followup/internal/content"
)

// TestNamedPipe: opening a named pipe waits for a writer; check, build
// and agenda hung on one named x.md. It is refused before it is opened.
func TestNamedPipe(t *testing.T) {
	dir := project(t, map[string]string{"ok.md": good})
	for _, name := range []string{"x.md", "y"} {
		if err := syscall.Mkfifo(filepath.Join(dir, "content", name), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	// And a symbolic link to one.
	if err := os.Symlink("y", filepath.Join(dir, "content", "z.md")); err != nil {
		t.Fatal(err)
	}
	apps, errs := content.Load(os.DirFS(dir), content.Options{DefaultTZ: "UTC"})
	got := listing(errs)
	want := "content/x.md:1:1: cannot read: it is a named pipe (FIFO); followup reads only regular files\n" +
		"content/z.md:1:1: cannot read: not a regular file: it is a named pipe (FIFO); followup reads only regular files\n"
	if len(apps) != 1 || got != want {
		t.Errorf("%d apps; got\n%swant\n%s", len(apps), got, want)
	}
}
