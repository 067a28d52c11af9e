package content

import (
	"os"
	"path/filepath"
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
