//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestCreateKeepsTheUmask: a file gets the mode asked for as the umask
// reduces it, as from any other program: a user whose umask keeps files
// private gets a private file (a chmod after creating it would not be
// reduced by the umask).
func TestCreateKeepsTheUmask(t *testing.T) {
	for _, c := range []struct {
		umask int
		want  os.FileMode
	}{{0o022, 0o644}, {0o077, 0o600}} {
		old := syscall.Umask(c.umask)
		p := filepath.Join(t.TempDir(), "a.md")
		err := createFile(p, []byte("x"), 0o644)
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != c.want {
			t.Errorf("mode %v under umask %03o, want %v", st.Mode().Perm(), c.umask, c.want)
		}
	}
}
