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
func BenchmarkServeRebuild(b *testing.B) {
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
	srv, err := newServer(&Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}, dir, false,
		func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) })
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Rebuild(); err != nil {
		b.Fatal(err)
	}
	target := filepath.Join(dir, "content", "team-0", "app-0000.md")
	orig, _ := os.ReadFile(target)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(target, append(orig, fmt.Sprintf("\nsave %d\n", i)...), 0o644)
		if err := srv.Rebuild(); err != nil {
			b.Fatal(err)
		}
	}
}
