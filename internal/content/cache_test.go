package content

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheTrustsTimesOnlyAfterTheRacyWindow: a file read long after its
// last change is not read again while its size and time stay; one read
// within the window of its change is read again, whatever its times say.
func TestCacheTrustsTimesOnlyAfterTheRacyWindow(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "content", "a.md")
	os.MkdirAll(filepath.Dir(file), 0o755)
	write := func(company string, mod time.Time) {
		t.Helper()
		if err := os.WriteFile(file, []byte("---\ncompany: "+company+"\nrole: R\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(file, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	mod := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		now  time.Time
		want string // the company seen after a same-size change that keeps the times
	}{
		{"read long after the change: times trusted", mod.Add(time.Hour), "Aaaa"},
		{"read right after the change: bytes compared", mod.Add(time.Second), "Bbbb"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cache := NewCache()
			cache.Now = func() time.Time { return c.now }
			write("Aaaa", mod)
			fsys := os.DirFS(dir)
			apps, errs := Load(fsys, Options{DefaultTZ: "UTC", Cache: cache})
			if len(errs) > 0 || apps[0].Company != "Aaaa" {
				t.Fatalf("%v %v", apps, errs)
			}
			write("Bbbb", mod) // same size, same times
			apps, _ = Load(fsys, Options{DefaultTZ: "UTC", Cache: cache})
			if apps[0].Company != c.want {
				t.Errorf("after the change: %q, want %q", apps[0].Company, c.want)
			}
			write("Cccc", mod.Add(time.Minute)) // a real save moves the time
			apps, _ = Load(fsys, Options{DefaultTZ: "UTC", Cache: cache})
			if apps[0].Company != "Cccc" {
				t.Errorf("after a save: %q", apps[0].Company)
			}
		})
	}
}
