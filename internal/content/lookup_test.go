package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestLookupAgreesWithTheIndex: lookup walks down the tree for the
// checks of a good file; walk's index answers for files with problems.
// Both must name the same node for every path, in every fixture.
func TestLookupAgreesWithTheIndex(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.md")
	more, _ := filepath.Glob("../../content/*.md")
	files = append(files, more...)
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		front, _, _, problem := split(data)
		if problem != "" {
			continue
		}
		var root yaml.Node
		if yaml.Load(front, &root) != nil || root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
			continue
		}
		p := &parser{path: f, front: front, doc: root.Content[0]}
		p.buildIndex()
		index, keys := p.index, p.keys
		p.index, p.keys = nil, nil
		for path, want := range index {
			k, got := p.lookup(path)
			if got != want {
				t.Errorf("%s: lookup(%q) = %v, the index has %v", f, path, got, want)
			}
			if k != keys[path] {
				t.Errorf("%s: lookup(%q) key = %v, the index has %v", f, path, k, keys[path])
			}
			checked++
		}
		for _, path := range []string{"nope", "rounds.99", "rounds.0.nope", "log.x", "company.deeper"} {
			if _, got := p.lookup(path); got != index[path] {
				t.Errorf("%s: lookup(%q) = %v, want %v", f, path, got, index[path])
			}
		}
	}
	t.Logf("%d paths in %d files", checked, len(files))
	if checked < 500 {
		t.Errorf("only %d paths checked", checked)
	}
}

// TestLookupWork: checking a file looks fields up by path for every log
// entry, round and interviewer. The work of those lookups must grow with
// the file, not with its square: counting the entries from the first for
// every field made 100,000 log entries take minutes.
func TestLookupWork(t *testing.T) {
	for _, n := range []int{1000, 12000} {
		var b strings.Builder
		b.WriteString("---\ncompany: Acme\nrole: Designer\napplied: 2026-01-02\nrounds:\n  - at: 2026-01-05 10:00\n    interviewers:\n")
		for i := 0; i < MaxInterviewers; i++ {
			fmt.Fprintf(&b, "      - name: P%d\n", i)
		}
		b.WriteString("log:\n")
		for i := 0; i < n; i++ {
			b.WriteString("  - on: 2026-01-03\n    heard: x\n")
		}
		b.WriteString("---\n")
		p := &parser{path: "content/x.md"}
		app := p.parse("x", []byte(b.String()), "UTC")
		if app == nil || len(app.Log) != n || len(app.Rounds[0].Interviewers) != MaxInterviewers {
			t.Fatalf("n=%d: %v", n, p.errs)
		}
		// A handful of lookups per entry, each over a few fields.
		if per := p.steps / n; per > 100 {
			t.Errorf("n=%d: %d lookup steps, %d per entry: grows with the file's square", n, p.steps, per)
		}
	}
}
