package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkServeRebuild is the save-to-reload path of `followup serve` on a
// search of 1,000 applications: one file changes, the server rebuilds
// (unchanged files come from the parse cache) and swaps in the new site.
// The target is under 50 ms per save.
//
// FOLLOWUP_BENCH_CORPUS names a generated corpus to use instead (`go run
// ./cmd/bench` passes its 1,000-application one); the synthetic search
// below is a harsher case: every one of its applications has an open
// check-in, so the agenda on the index has 1,000 cards.
func BenchmarkServeRebuild(b *testing.B) {
	if dir := os.Getenv("FOLLOWUP_BENCH_CORPUS"); dir != "" {
		benchRebuild(b, dir)
		return
	}
	dir := b.TempDir()
	os.WriteFile(filepath.Join(dir, "followup.toml"), []byte("timezone = \"America/New_York\"\n"), 0o644)
	notes := strings.Repeat("Talked about the *library project*; ask about [mentoring](https://acme.example/m).\n\n- one\n- two\n\n", 8)
	for i := range 1000 {
		d := 1 + i%28
		p := filepath.Join(dir, "content", fmt.Sprintf("team-%d", i%10), fmt.Sprintf("app-%04d.md", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(fmt.Sprintf(`---
company: Company %d
role: Designer
applied: 2026-10-%02d
contact:
  name: Jane Schmoe
  title: Ms.
  email: jane@example.com
rounds:
  - at: 2026-11-%02d 14:00
    timeline: 2 weeks
    interviewers:
      - name: Robert Lee
        title: Dr.
        thanked: 2026-11-%02d
---
%s`, i, d, d, d, notes)), 0o644)
	}
	benchRebuild(b, dir)
}

// benchRebuild times one save (a file's bytes change) and the rebuild,
// with the cache taking the watcher's word as in `serve` (the watcher's
// report is made by hand: its debounce is not the rebuild's time).
func benchRebuild(b *testing.B, dir string) {
	srv, cache, err := newServer(&Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}, dir, false,
		func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) })
	if err != nil {
		b.Fatal(err)
	}
	watched(srv, cache, dir)
	if err := srv.Rebuild(); err != nil {
		b.Fatal(err)
	}
	var target string
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && target == "" && strings.HasSuffix(p, ".md") {
			target = p
		}
		return nil
	})
	orig, _ := os.ReadFile(target)
	rel, _ := filepath.Rel(dir, target)
	b.Cleanup(func() { os.WriteFile(target, orig, 0o644) })
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(target, append(orig, fmt.Sprintf("\nsave %d\n", i)...), 0o644)
		cache.Changed(filepath.ToSlash(rel))
		if err := srv.Rebuild(); err != nil {
			b.Fatal(err)
		}
	}
}
