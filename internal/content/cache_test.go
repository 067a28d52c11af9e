package content

import (
	"os"
	"path/filepath"
	"strings"
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

// TestWatchedCacheTakesTheWatchersWord: once watched, a file is read
// again when the watcher names it, and only then; a new, removed or
// renamed file changes the list; Rescan checks every file by its times
// again.
func TestWatchedCacheTakesTheWatchersWord(t *testing.T) {
	dir := t.TempDir()
	fsys := os.DirFS(dir)
	long := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	write := func(name, company string, mod time.Time) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("---\ncompany: "+company+"\nrole: R\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	cache := NewCache()
	cache.Now = func() time.Time { return long.Add(time.Hour) }
	load := func() string {
		t.Helper()
		apps, errs := Load(fsys, Options{DefaultTZ: "UTC", Cache: cache})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var names []string
		for _, a := range apps {
			names = append(names, a.Slug+"="+a.Company)
		}
		return strings.Join(names, " ")
	}
	write("content/a.md", "Aaaa", long)
	write("content/sub/b.md", "Bbbb", long)
	if got := load(); got != "a=Aaaa sub/b=Bbbb" {
		t.Fatalf("before watching: %s", got)
	}
	cache.Watched()
	steps := []struct {
		name    string
		do      func()
		changed []string
		want    string
	}{
		{"the first watched load checks times", func() {}, nil, "a=Aaaa sub/b=Bbbb"},
		{"a change the watcher did not report is not seen", func() { write("content/a.md", "Axxx", long.Add(time.Minute)) }, nil, "a=Aaaa sub/b=Bbbb"},
		{"reported, it is", func() {}, []string{"content/a.md"}, "a=Axxx sub/b=Bbbb"},
		{"same size, same times: the watcher's word is enough", func() { write("content/a.md", "Ayyy", long.Add(time.Minute)) }, []string{"content/a.md"}, "a=Ayyy sub/b=Bbbb"},
		{"a new file", func() { write("content/c.md", "Cccc", long) }, []string{"content/c.md"}, "a=Ayyy c=Cccc sub/b=Bbbb"},
		{"a removed file", func() { os.Remove(filepath.Join(dir, "content", "a.md")) }, []string{"content/a.md"}, "c=Cccc sub/b=Bbbb"},
		{"a renamed directory", func() {
			os.Rename(filepath.Join(dir, "content", "sub"), filepath.Join(dir, "content", "moved"))
		}, []string{"content/sub", "content/moved", "content/moved/b.md"}, "c=Cccc moved/b=Bbbb"},
		{"followup.toml changed: no file of content/", func() {}, []string{"followup.toml"}, "c=Cccc moved/b=Bbbb"},
		{"a link to a file outside content/", func() {
			write("outside/d.md", "Dddd", long)
			os.Symlink(filepath.Join("..", "outside", "d.md"), filepath.Join(dir, "content", "d.md"))
		}, []string{"content/d.md"}, "c=Cccc d=Dddd moved/b=Bbbb"},
		{"its target changed, unseen by the watcher: checked by its times", func() { write("outside/d.md", "Deee", long.Add(time.Minute)) }, nil, "c=Cccc d=Deee moved/b=Bbbb"},
		{"events lost: every file by its times", func() {
			write("content/c.md", "Czzz", long.Add(2*time.Minute))
			cache.Rescan()
		}, nil, "c=Czzz d=Deee moved/b=Bbbb"},
	}
	for _, s := range steps {
		s.do()
		cache.Changed(s.changed...)
		if got := load(); got != s.want {
			t.Errorf("%s: %s, want %s", s.name, got, s.want)
		}
	}
}
