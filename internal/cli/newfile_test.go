package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestCreateWritesTheFileAndNothingElse(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	if err := createFile(p, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil || string(b) != "hello\n" {
		t.Fatalf("read %q, %v", b, err)
	}
	// Its mode is the umask's: TestCreateKeepsTheUmask.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only a.md (no temporary file left)", len(entries))
	}
}

func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("mine"), 0o644)
	err := createFile(p, []byte("theirs"), 0o644)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "mine" {
		t.Errorf("file became %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after the refusal", len(entries))
	}
}

func TestCreateRacesHaveOneWinner(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	var wg sync.WaitGroup
	wins := make(chan int, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if createFile(p, []byte{byte('a' + i)}, 0o644) == nil {
				wins <- i
			}
		}()
	}
	wg.Wait()
	close(wins)
	var won []int
	for i := range wins {
		won = append(won, i)
	}
	if len(won) != 1 {
		t.Fatalf("%d creators won, want 1", len(won))
	}
	if b, _ := os.ReadFile(p); len(b) != 1 || b[0] != byte('a'+won[0]) {
		t.Errorf("file holds %q, the winner wrote %q", b, string(rune('a'+won[0])))
	}
}
