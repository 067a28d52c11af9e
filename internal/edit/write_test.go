package edit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

const small = "---\ncompany: Acme\nrole: Designer\napplied: 2027-01-04\n---\nNotes.\n"

// record is what a command does: open, splice, replace.
func record(path string, e followup.LogEntry) error {
	f, err := open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	out, err := Apply(path, "acme", f.Data, "UTC", log(e, "heard"))
	if err != nil {
		return err
	}
	return f.Replace(out)
}

// Eight commands at once on one file: each waits for the one before, so
// every entry is in the file at the end.
func TestConcurrentEdits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.md")
	if err := os.WriteFile(path, []byte(small), 0o600); err != nil {
		t.Fatal(err)
	}
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = record(path, followup.LogEntry{On: followup.Date{Year: 2027, Month: 1, Day: 5}, Heard: fmt.Sprintf("reply %d", i)})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("edit %d: %v", i, err)
		}
	}
	data, _ := os.ReadFile(path)
	a, perrs := content.Parse(path, "acme", data, "UTC")
	if len(perrs) > 0 {
		t.Fatalf("result does not parse: %v\n%s", perrs, data)
	}
	if len(a.Log) != n {
		t.Fatalf("%d entries, want %d (an update was lost):\n%s", len(a.Log), n, data)
	}
	for i := range n {
		if !strings.Contains(string(data), fmt.Sprintf("heard: reply %d\n", i)) {
			t.Errorf("reply %d is missing", i)
		}
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", st.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// An editor saves the file between followup's read and its write: the
// write is refused and the editor's bytes stay.
func TestChangedOnDisk(t *testing.T) {
	for _, name := range []string{"same size", "longer", "replaced by rename"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "acme.md")
			os.WriteFile(path, []byte(small), 0o644)
			f, err := open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			saved := strings.Replace(small, "Acme", "Acmf", 1)
			switch name {
			case "longer":
				saved = small + "More notes.\n"
			case "replaced by rename":
				os.WriteFile(path+".new", []byte(saved), 0o644)
				if err := os.Rename(path+".new", path); err != nil {
					t.Fatal(err)
				}
			}
			if name != "replaced by rename" {
				if err := os.WriteFile(path, []byte(saved), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, err := Apply(path, "acme", f.Data, "UTC", log(followup.LogEntry{On: followup.Date{Year: 2027, Month: 1, Day: 5}, Heard: "ok"}, "heard"))
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Replace(out); !errors.Is(err, errChanged) {
				t.Fatalf("Replace = %v, want ErrChanged", err)
			}
			if got, _ := os.ReadFile(path); string(got) != saved {
				t.Errorf("the editor's save was overwritten:\n%s", got)
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".*"))
			if len(left) > 0 {
				t.Errorf("temporary files left behind: %v", left)
			}
		})
	}
}

// Two `done` commands for one thank-you at once: one records it, the
// other finds it recorded and writes nothing (no second date).
func TestConcurrentDoneRecordsOnce(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "content", "acme.md")
	os.MkdirAll(filepath.Dir(file), 0o755)
	os.WriteFile(file, []byte("---\ncompany: Acme\nrole: Designer\nrounds:\n  - at: 2026-11-20 14:00\n    interviewers:\n      - name: Jane Roe\n---\n"), 0o644)
	const n = 6
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			opt := Options{Dir: dir, Now: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), On: followup.Date{Year: 2026, Month: 11, Day: 20 + i%2}}
			_, errs[i] = Done(opt, []string{"acme/thank/jane"})
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		var p *Problem
		var ue *UsageError
		switch {
		case err == nil:
			ok++
		case errors.As(err, &p) && strings.Contains(p.Reason, "no longer open"), errors.As(err, &ue):
			// found it recorded, after or before its first look
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	data, _ := os.ReadFile(file)
	if ok != 1 || strings.Count(string(data), "thanked:") != 1 {
		t.Fatalf("%d commands wrote; want 1:\n%s", ok, data)
	}
}
