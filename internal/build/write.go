package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/followup-tool/followup/internal/site"
)

// Marker is written into every output directory. A build replaces an
// existing directory only when it carries the marker (or is empty), so a
// mistyped `output` cannot wipe a directory of the user's own.
const Marker = ".followup-site"

const markerText = "This directory is written by `followup build` and replaced whole on every build.\n"

// privateNote is added to the marker of a private build, for whoever
// looks, and so that a public build never keeps a private site around
// as its back buffer.
const privateNote = "It is a private build: it holds email addresses, phone numbers and notes. Publish a public build (followup build --public).\n"

func markerFor(private bool) string {
	if private {
		return markerText + privateNote
	}
	return markerText
}

// PrevSuffix names the back buffer: the site before the current one,
// kept beside it (public.prev) and overwritten in place by the next build.
//
// Why keep it: a build that deletes 20,000 files and creates 20,000 new
// ones spends most of its time in the file system. On ext4 every new
// inode is allocated past the inodes freed in the last minutes (the
// kernel's recently_deleted check), so a rebuild right after a rebuild
// took 3.7-4.4 s just to create 10,000 directories and 20,000 files,
// while overwriting the same files took 0.13-0.15 s (measured on the
// reference machine). Double buffering keeps the swap atomic and makes
// a steady-state build create and delete nothing.
const PrevSuffix = ".prev"

// Write makes the directory out hold exactly the files that fill emits,
// as a private build. See WriteSite.
func Write(out string, fill func(emit site.Emit) error) (int, error) {
	return WriteSite(out, true, fill)
}

// WriteSite makes the directory out hold exactly the files that fill
// emits. They are written into a staging directory beside out (the back
// buffer when there is one, else a new one), which is swapped in only
// when fill and every write succeeded; on any error out is left as it
// was. The previous site becomes the back buffer, unless this build is
// public and that one was private: a private site is not kept beside a
// public one. It returns the number of files written.
func WriteSite(out string, private bool, fill func(emit site.Emit) error) (int, error) {
	return writeSite(out, private, fill, nil)
}

// writeSite is WriteSite, calling written (when not nil) with each file's
// data once it is on disk.
func writeSite(out string, private bool, fill func(emit site.Emit) error, written func([]byte)) (int, error) {
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
	// The back buffer is claimed and listed while fill works (at 100,000
	// applications listing it takes seconds); the first file waits.
	staged := make(chan stagedDir, 1)
	go func() {
		var st stagedDir
		st.dir, st.existing, st.err = stage(parent, base)
		staged <- st
	}()
	var st stagedDir
	var waited bool
	wait := func() stagedDir {
		if !waited {
			st, waited = <-staged, true
			if st.err != nil {
				st.err = fmt.Errorf("cannot stage the new site beside %s: %w", out, st.err)
			}
		}
		return st
	}
	n, err := fillDir(wait, private, fill, written)
	st = wait()
	if st.err != nil {
		if err == nil {
			err = st.err
		}
		return 0, err
	}
	tmp := st.dir
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	var aside string
	if err == nil {
		aside, err = swap(tmp, out)
	}
	if err != nil {
		// A failed build gives the back buffer back: it still holds the
		// marker, and the next build lists it anyway.
		if ours(tmp) {
			keepAsPrev(tmp, filepath.Join(parent, base+PrevSuffix), true)
		} else {
			os.RemoveAll(tmp)
		}
		return 0, err
	}
	if aside != "" {
		keepAsPrev(aside, filepath.Join(parent, base+PrevSuffix), private)
	}
	return n, nil
}

// stagedDir is where the new site is written, and what it already holds.
type stagedDir struct {
	dir      string
	existing *pathSet
	err      error
}

const (
	tmpInfix = ".tmp-" // a site being written, or an old one being removed
	oldInfix = ".old-" // the previous site, moved aside during a two-rename swap
)

// stage returns the directory to write the new site into: the back
// buffer, claimed by renaming it to a name of this process (so two
// builds at once never share it), with an inventory of what it holds;
// or, when there is none, a new empty directory.
func stage(parent, base string) (string, *pathSet, error) {
	prev := filepath.Join(parent, base+PrevSuffix)
	if ours(prev) {
		tmp := filepath.Join(parent, base+tmpInfix+strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(time.Now().UnixNano(), 36))
		if err := os.Rename(prev, tmp); err == nil {
			existing, err := inventory(tmp)
			if err == nil {
				return tmp, existing, nil
			}
			os.RemoveAll(tmp)
		}
	}
	tmp, err := os.MkdirTemp(parent, base+tmpInfix+strconv.Itoa(os.Getpid())+"-")
	return tmp, nil, err
}

// ours reports whether dir is a real directory (not a link) holding
// followup's marker.
func ours(dir string) bool {
	st, err := os.Lstat(dir)
	if err != nil || !st.IsDir() {
		return false
	}
	m, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && m.Mode().IsRegular()
}

// keepAsPrev makes the site that was just replaced the next build's back
// buffer, or removes it.
func keepAsPrev(aside, prev string, private bool) {
	if !private {
		if b, err := os.ReadFile(filepath.Join(aside, Marker)); err != nil || strings.Contains(string(b), privateNote) {
			os.RemoveAll(aside)
			return
		}
	}
	if _, err := os.Lstat(prev); err == nil {
		// Another build kept its own meanwhile.
		os.RemoveAll(aside)
		return
	}
	if err := os.Rename(aside, prev); err != nil {
		os.RemoveAll(aside)
	}
}

// inventory lists everything under dir by slash-separated path, with its
// type. Directories are read in parallel: at 10,000 applications there
// are 10,000 of them.
func inventory(dir string) (*pathSet, error) {
	found := newPathSet()
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2*max(2, runtime.GOMAXPROCS(0)))
	var read func(rel string)
	read = func(rel string) {
		defer wg.Done()
		sem <- struct{}{}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
		var entries []fs.DirEntry
		if err == nil {
			entries, err = f.ReadDir(-1)
			f.Close()
		}
		<-sem
		mu.Lock()
		if err != nil && firstErr == nil {
			firstErr = err
		}
		var sub []string
		var p []byte
		for _, e := range entries {
			p = p[:0]
			if rel != "." {
				p = append(append(p, rel...), '/')
			}
			p = append(p, e.Name()...)
			found.AddBytes(p, e.Type())
			if e.IsDir() {
				sub = append(sub, string(p))
			}
		}
		mu.Unlock()
		for _, s := range sub {
			wg.Add(1)
			go read(s)
		}
	}
	wg.Add(1)
	read(".")
	wg.Wait()
	return found, firstErr
}

// fillDir writes what fill emits into the staged directory, which it
// waits for on the first file. What the directory already holds (the back
// buffer) is overwritten in place, and whatever the new site does not
// have is removed at the end.
func fillDir(stage func() stagedDir, private bool, fill func(emit site.Emit) error, written func([]byte)) (int, error) {
	var dir string
	// seen: the files emitted; used: the directories the new site has.
	var existing, seen, used *pathSet
	// The directory of the file emitted last: its sibling comes next.
	lastDir := "."
	ready := false
	start := func() error {
		if !ready {
			st := stage()
			if st.err != nil {
				return st.err
			}
			dir, existing, ready = st.dir, st.existing, true
			// The new site is about as big as the old one.
			seen = newPathSetFor(existing.Len(), existing.Size())
			used = newPathSetFor(existing.Len()/2, existing.Size()/2)
			used.Add(".", fs.ModeDir)
		}
		return nil
	}
	// Files are written by a few goroutines: at 10,000 applications the
	// build was mostly waiting on open and write, one file at a time.
	// Which file lands first does not matter; the swap comes after all.
	type file struct {
		path, name string
		data       []byte
		reuse      bool
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
				if err := writeFile(f.path, f.data, f.reuse); err != nil {
					mu.Lock()
					if writeErr == nil {
						writeErr = fmt.Errorf("writing %s: %w", f.name, err)
					}
					mu.Unlock()
				}
				if written != nil {
					written(f.data)
				}
			}
		}()
	}
	abs := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	var mkdirs func(rel string) error
	mkdirs = func(rel string) error {
		if used.Has(rel) {
			return nil
		}
		if err := mkdirs(path.Dir(rel)); err != nil {
			return err
		}
		used.Add(rel, fs.ModeDir)
		// Not used until now, so not made by this build either.
		t, ok := existing.Keep(rel)
		if ok && t.IsDir() {
			return nil
		}
		if ok {
			if err := os.Remove(abs(rel)); err != nil {
				return err
			}
		}
		return os.Mkdir(abs(rel), 0o755)
	}
	emit := func(name string, data []byte) error {
		if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") || name == Marker {
			return fmt.Errorf("build: invalid output path %q", name)
		}
		if err := start(); err != nil {
			return err
		}
		if !seen.Add(name, 0) {
			return fmt.Errorf("build: two outputs named %s", name)
		}
		mu.Lock()
		err := writeErr
		mu.Unlock()
		if err != nil {
			return err
		}
		if d := path.Dir(name); d != lastDir {
			if err := mkdirs(d); err != nil {
				return err
			}
			lastDir = d
		}
		reuse := false
		if t, ok := existing.Keep(name); ok {
			switch {
			case t.IsRegular():
				reuse = true
			case t.IsDir():
				if used.Has(name) {
					return fmt.Errorf("build: %s is both a file and a directory", name)
				}
				if err := os.RemoveAll(abs(name)); err != nil {
					return err
				}
				existing.Delete(name)
			default: // a link or a device: never written through
				if err := os.Remove(abs(name)); err != nil {
					return err
				}
			}
		}
		files <- file{abs(name), name, data, reuse}
		return nil
	}
	err := fill(emit)
	close(files)
	wg.Wait()
	if err == nil {
		err = writeErr
	}
	if err == nil {
		err = start()
	}
	if err != nil {
		return 0, err
	}
	if err := removeStale(dir, existing, seen); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerFor(private)), 0o644); err != nil {
		return 0, fmt.Errorf("writing %s: %w", Marker, err)
	}
	return seen.Len(), nil
}

// removeStale removes what the back buffer held that the new site does
// not: files it did not emit, directories it does not use (fillDir asked
// existing to Keep every one it emitted or used). What was under a
// directory that became a file went with it.
func removeStale(dir string, existing, seen *pathSet) error {
	var stale []string
	existing.Each(func(p string, _ fs.FileMode, kept bool) {
		if p != Marker && !kept {
			stale = append(stale, p)
		}
	})
	sort.Strings(stale)
	gone := map[string]bool{}
	for _, p := range stale {
		replaced := false
		for a := path.Dir(p); a != "."; a = path.Dir(a) {
			if seen.Has(a) || gone[a] {
				replaced = true
				break
			}
		}
		if replaced {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return err
		}
		gone[p] = true
	}
	return nil
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

// swapRenames replaces out with tmp by two renames: out aside, tmp in.
// Between the renames out does not exist; a build killed there is
// repaired by recoverLeftovers. It returns where the previous site is
// now ("" when there was none).
func swapRenames(tmp, out string) (string, error) {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, out)
	}
	dir, name := filepath.Split(tmp)
	old := filepath.Join(dir, strings.Replace(name, tmpInfix, oldInfix, 1))
	if err := os.Rename(out, old); err != nil {
		return "", fmt.Errorf("moving the previous site aside: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return "", fmt.Errorf("swapping in the new site: %w (and restoring the previous one: %v; it is in %s)", err, rerr, old)
		}
		return "", fmt.Errorf("swapping in the new site: %w", err)
	}
	return old, nil
}
