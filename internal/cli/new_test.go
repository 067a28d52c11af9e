package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestNewWritesFreeID: followup new writes an id drawn from Env.Rand that
// no other file has, neither as its id nor as its path.
func TestNewWritesFreeID(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("followup.toml", "timezone = \"UTC\"\n")
	// Zero bytes draw "acme-2222" first, then count upwards.
	write("content/old.md", "---\nid: acme-2222\ncompany: Acme\nrole: X\n---\n")
	write("content/acme-2222-2.md", "---\ncompany: Acme\nrole: Y\n---\n")
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Now: func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" },
		Rand: bytes.NewReader(nil)}
	if code := Main([]string{"new", "--source", dir, "--company", "Acme", "--role", "Z", "new-one"}, env); code != 0 {
		t.Fatalf("new exited %d", code)
	}
	b, err := os.ReadFile(filepath.Join(dir, "content", "new-one.md"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^id: (\S+)`).FindSubmatch(b); m == nil || string(m[1]) != "acme-2222-3" {
		t.Errorf("id line %q, want acme-2222-3 (acme-2222 and acme-2222-2 are taken):\n%s", m, b)
	}
	env.Rand = bytes.NewReader([]byte{0, 1, 2, 3})
	if code := Main([]string{"new", "--source", dir, "--company", "Acme", "--role", "Z", "fixed"}, env); code != 0 {
		t.Fatalf("new exited %d", code)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content", "fixed.md")); !bytes.Contains(b, []byte("\nid: acme-2345  #")) {
		t.Errorf("with a fixed reader the id is not acme-2345:\n%s", b)
	}
	if code := Main([]string{"check", "--source", dir, "--now", "2026-11-21T09:00:00Z"}, env); code != 0 {
		t.Errorf("check exited %d on the new files", code)
	}
}
