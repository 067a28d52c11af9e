package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// next waits for a batch that contains want, up to a deadline; it never
// asserts timing, only that the batch arrives.
func next(t *testing.T, w *Watcher, want string) Batch {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case b := <-w.C:
			if slices.Contains(b.Paths, want) {
				return b
			}
		case <-deadline:
			t.Fatalf("no batch with %s", want)
		}
	}
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(filepath.Join(content, "old"), 0o755)
	conf := filepath.Join(dir, "followup.toml")
	w, err := New([]string{content, filepath.Join(dir, "layouts")}, []string{conf}, 15*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	t.Run("a write in an existing subdirectory", func(t *testing.T) {
		p := filepath.Join(content, "old", "a.md")
		os.WriteFile(p, []byte("x"), 0o644)
		next(t, w, p)
	})
	t.Run("mkdir -p with a file already in it", func(t *testing.T) {
		p := filepath.Join(content, "2026", "q4", "b.md")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
		next(t, w, p)
		// and the new directory is watched from now on
		os.WriteFile(p, []byte("y"), 0o644)
		next(t, w, p)
	})
	t.Run("a directory moved in with files", func(t *testing.T) {
		src := filepath.Join(dir, "elsewhere", "sub")
		os.MkdirAll(src, 0o755)
		os.WriteFile(filepath.Join(src, "c.md"), []byte("x"), 0o644)
		os.Rename(filepath.Join(dir, "elsewhere"), filepath.Join(content, "moved"))
		next(t, w, filepath.Join(content, "moved", "sub", "c.md"))
	})
	t.Run("the config file, saved by rename", func(t *testing.T) {
		tmp := filepath.Join(dir, "followup.toml.new")
		os.WriteFile(tmp, []byte("title = 'x'"), 0o644)
		os.Rename(tmp, conf)
		next(t, w, conf)
	})
	t.Run("layouts created later", func(t *testing.T) {
		p := filepath.Join(dir, "layouts", "index.html")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
		next(t, w, p)
	})
	t.Run("a burst of 200 files is batched", func(t *testing.T) {
		for i := range 200 {
			os.WriteFile(filepath.Join(content, "old", "burst-"+string(rune('a'+i%26))+string(rune('a'+i/26))+".md"), []byte("x"), 0o644)
		}
		b := next(t, w, filepath.Join(content, "old", "burst-aa.md"))
		if len(b.Paths) < 2 {
			t.Errorf("burst came as batches of %d", len(b.Paths))
		}
	})
	t.Run("removal", func(t *testing.T) {
		p := filepath.Join(content, "old", "a.md")
		os.Remove(p)
		next(t, w, p)
	})
	t.Run("editor temporaries are ignored", func(t *testing.T) {
		for _, n := range []string{".a.md.swp", "4913", "a.md~", "sedAbC123"} {
			if !ignored(n) {
				t.Errorf("%s not ignored", n)
			}
		}
		if ignored("acme.md") || ignored("sed-studio.md") {
			t.Error("real files ignored")
		}
	})
}
