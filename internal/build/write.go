package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/followup-tool/followup/internal/site"
)

// Marker is written into every output directory. A build replaces an
// existing directory only when it carries the marker (or is empty), so a
// mistyped `output` cannot wipe a directory of the user's own.
const Marker = ".followup-site"

const markerText = "This directory is written by `followup build` and replaced whole on every build.\n"

// Write makes the directory out hold exactly the files that fill emits.
// They are written into a temporary directory beside out, which is
// swapped in only when fill and every write succeeded; on any error out
// is left as it was. It returns the number of files written.
func Write(out string, fill func(emit site.Emit) error) (int, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	if err := recoverLeftovers(parent, base); err != nil {
		return 0, err
	}
	if err := checkReplaceable(out); err != nil {
		return 0, err
	}
	tmp, err := os.MkdirTemp(parent, base+tmpInfix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return 0, fmt.Errorf("cannot stage the new site beside %s: %w", out, err)
	}
	n, err := fillDir(tmp, fill)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err == nil {
		err = swap(tmp, out)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	return n, nil
}

const (
	tmpInfix = ".tmp-" // a site being written, or an old one being removed
	oldInfix = ".old-" // the previous site, moved aside during a two-rename swap
)

func fillDir(dir string, fill func(emit site.Emit) error) (int, error) {
	seen := map[string]bool{}
	made := map[string]bool{dir: true}
	// Files are written by a few goroutines: at 10,000 applications the
	// build was mostly waiting on open and write, one file at a time.
	// Which file lands first does not matter; the swap comes after all.
	type file struct {
		path, name string
		data       []byte
	}
	files := make(chan file, 64)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var writeErr error
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range files {
				if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
					mu.Lock()
					if writeErr == nil {
						writeErr = fmt.Errorf("writing %s: %w", f.name, err)
					}
					mu.Unlock()
				}
			}
		}()
	}
	emit := func(name string, data []byte) error {
		if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
			return fmt.Errorf("build: invalid output path %q", name)
		}
		if seen[name] {
			return fmt.Errorf("build: two outputs named %s", name)
		}
		seen[name] = true
		mu.Lock()
		err := writeErr
		mu.Unlock()
		if err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		files <- file{p, name, data}
		return nil
	}
	err := fill(emit)
	close(files)
	wg.Wait()
	if err == nil {
		err = writeErr
	}
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644); err != nil {
		return 0, fmt.Errorf("writing %s: %w", Marker, err)
	}
	return len(seen), nil
}

// checkReplaceable refuses to replace a directory followup did not write.
func checkReplaceable(out string) error {
	st, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s exists and is not a directory; remove it or set output in followup.toml", out)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s exists and was not written by followup (no %s in it); move it away or set output in followup.toml", out, Marker)
	}
	return nil
}

// recoverLeftovers cleans up after builds that were killed: it removes their
// temporary directories and, when a kill fell between the two renames of
// a swap, puts the previous site back. Directories of builds still
// running (another process) are left alone.
func recoverLeftovers(parent, base string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	var olds []string
	for _, e := range entries {
		name := e.Name()
		var rest string
		switch {
		case strings.HasPrefix(name, base+tmpInfix):
			rest = name[len(base+tmpInfix):]
		case strings.HasPrefix(name, base+oldInfix):
			rest = name[len(base+oldInfix):]
		default:
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || !e.IsDir() {
			continue
		}
		if pid != os.Getpid() && alive(pid) {
			continue
		}
		if strings.HasPrefix(name, base+oldInfix) {
			olds = append(olds, name)
			continue
		}
		os.RemoveAll(filepath.Join(parent, name))
	}
	out := filepath.Join(parent, base)
	sort.Strings(olds)
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		// The newest aside copy is the last good site.
		newest := olds[0]
		var newestTime int64
		for _, o := range olds {
			if st, err := os.Stat(filepath.Join(parent, o)); err == nil && st.ModTime().UnixNano() > newestTime {
				newest, newestTime = o, st.ModTime().UnixNano()
			}
		}
		if err := os.Rename(filepath.Join(parent, newest), out); err != nil {
			return fmt.Errorf("restoring the previous site from %s: %w", newest, err)
		}
	}
	for _, o := range olds {
		os.RemoveAll(filepath.Join(parent, o))
	}
	return nil
}

// swapRenames replaces out with tmp by two renames: out aside, tmp in,
// then the old copy removed. Between the renames out does not exist; a
// build killed there is repaired by recoverLeftovers.
func swapRenames(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	dir, name := filepath.Split(tmp)
	old := filepath.Join(dir, strings.Replace(name, tmpInfix, oldInfix, 1))
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("moving the previous site aside: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("swapping in the new site: %w (and restoring the previous one: %v; it is in %s)", err, rerr, old)
		}
		return fmt.Errorf("swapping in the new site: %w", err)
	}
	os.RemoveAll(old)
	return nil
}
