// Package publish is the only code that writes the output directory
// (public/ unless followup.toml says otherwise). It makes a build safe to
// run at any time:
//
//   - The new site is written into a staging directory beside the output
//     (public.tmp-<pid>-…, in the same parent, so renames stay on one file
//     system) and swapped in only once every file is written. A failed
//     build (bad content, a broken layout, a full disk, kill -9 halfway)
//     leaves the last good site as it was. On Linux the swap is a single
//     renameat2(RENAME_EXCHANGE); elsewhere it is two renames, and a build
//     killed between them is repaired by the next one.
//   - Every directory publish makes carries a marker file (.followup-site)
//     from the moment it is created. Only a directory with the marker is
//     ever moved or removed, and only the output directory and its staging
//     siblings (public.tmp-*, public.old-*, public.prev): a directory of
//     the user's that happens to be named public.old-2025 is never touched.
//     An existing output directory without the marker is replaced only
//     when it is empty.
//
// # The back buffer
//
// The site before the current one is kept beside it as public.prev and
// becomes the next build's staging directory: its files are overwritten
// in place and what the new site lacks is removed. The reason is the file
// system, not the CPU: on ext4 every new inode is allocated past the
// inodes freed in the last minutes, so a build that deletes 20,000 files
// and creates 20,000 new ones right after the previous build spent
// seconds in the kernel, while overwriting the same files took a tenth of
// a second (docs/performance.md has the figures). A private site is never
// kept beside a public build. public.prev can be deleted at any time.
package publish

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
)

// Marker is the file in every directory publish writes. Its presence is
// what allows publish to replace, move or remove a directory.
const Marker = ".followup-site"

const markerText = "This directory is written by `followup build` and replaced whole on every build.\n"

// privateNote is added to the marker of a private build, for whoever
// looks, and so that a public build never keeps a private site around.
const privateNote = "It is a private build: it holds email addresses, phone numbers and notes. Publish a public build (followup build --public).\n"

// stagingNote marks a directory still being written.
const stagingNote = "It is being written; if no build is running, the next build removes it.\n"

func markerFor(private bool) string {
	if private {
		return markerText + privateNote
	}
	return markerText
}

// prevSuffix names the back buffer beside the output directory.
const prevSuffix = ".prev"

const (
	tmpInfix = ".tmp-" // a site being written, or an old one being removed
	oldInfix = ".old-" // the previous site, moved aside during a two-rename swap
)

// Emit receives one output file: a slash-separated path relative to the
// site's root, and its bytes.
type Emit func(name string, data []byte) error

// Resolve returns the output directory for the configured output, which
// must lie inside the project dir. Symbolic links in its parents are
// resolved first, so `sub -> ../outside` or `c -> content` cannot lead a
// build to replace a directory outside the project or the content itself.
func Resolve(dir, output string) (string, error) {
	if err := CheckOutput(output); err != nil {
		return "", err
	}
	o := filepath.Clean(filepath.FromSlash(output))
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	out := filepath.Join(root, o)
	// Resolve the deepest parent that exists: the output itself may not.
	parent := filepath.Dir(out)
	for {
		real, err := filepath.EvalSymlinks(parent)
		if err == nil {
			rel, rerr := filepath.Rel(root, filepath.Join(real, strings.TrimPrefix(out, parent)))
			if rerr != nil || rel == "." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || rel == ".." {
				return "", fmt.Errorf("output %q: leads outside the project (through a symbolic link); want a directory inside it, such as public", output)
			}
			if reserved(strings.Split(filepath.ToSlash(rel), "/")[0]) {
				return "", fmt.Errorf("output %q: leads into the project's own files (through a symbolic link); choose another, such as public", output)
			}
			out = filepath.Join(root, rel)
			break
		}
		if !errors.Is(err, fs.ErrNotExist) || parent == root || parent == filepath.Dir(parent) {
			return "", err
		}
		parent = filepath.Dir(parent)
	}
	if st, err := os.Lstat(out); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return "", fmt.Errorf("output %q: is a symbolic link; want a directory inside the project, such as public", output)
	}
	return out, nil
}

// CheckOutput says what is wrong with output as the output directory
// without looking at the disk (Resolve also follows symbolic links): it
// must name a directory inside the project that holds none of the
// project's own files. followup.toml's reader reports it at the value.
func CheckOutput(output string) error {
	o := filepath.Clean(filepath.FromSlash(output))
	first := strings.Split(filepath.ToSlash(o), "/")[0]
	rooted := filepath.IsAbs(o) || filepath.VolumeName(o) != "" || strings.HasPrefix(o, `\`) // C:x and \x on Windows too
	switch {
	case output == "", output != strings.TrimSpace(output), rooted, o == ".", first == "..":
		return fmt.Errorf("output %q: want a directory inside the project, such as public", output)
	case reserved(first):
		return fmt.Errorf("output %q: that directory holds the project's own files; choose another, such as public", output)
	}
	return nil
}

// reserved is a top-level name whose directory holds the project's own
// files. It is compared as a case-insensitive file system (macOS,
// Windows) would, and without the trailing dots and spaces Windows drops
// from a name.
func reserved(first string) bool {
	switch strings.ToLower(strings.TrimRight(first, ". ")) {
	case "content", "layouts", ".git", ".github":
		return true
	}
	return false
}

// Write makes the directory out hold exactly the files that fill emits.
// They are written into a staging directory beside out (the back buffer
// when there is one, else a new one), which is swapped in only when fill
// and every write succeeded; on any error out is left as it was. It
// returns the number of files written.
func Write(out string, private bool, fill func(emit Emit) error) (int, error) {
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
	tmp, existing, claimed, err := stage(parent, base)
	if err != nil {
		return 0, fmt.Errorf("cannot stage the new site beside %s: %w", out, err)
	}
	n, err := fillDir(tmp, existing, private, fill)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	var aside string
	if err == nil {
		aside, err = swap(tmp, out)
	}
	if err != nil {
		// A claimed back buffer is given back (the next build lists it
		// anyway); a new staging directory goes.
		if claimed {
			keepAsPrev(tmp, filepath.Join(parent, base+prevSuffix), true)
		} else {
			removeOurs(tmp)
		}
		return 0, err
	}
	if aside != "" {
		keepAsPrev(aside, filepath.Join(parent, base+prevSuffix), private)
	}
	return n, nil
}

// stage returns the directory to write the new site into: the back
// buffer, claimed by renaming it to a name of this process (so two builds
// at once never share it), with an inventory of what it holds; or a new
// directory, marked as followup's before anything else is written.
func stage(parent, base string) (dir string, existing map[string]fs.FileMode, claimed bool, err error) {
	prefix := base + tmpInfix + strconv.Itoa(os.Getpid()) + "-"
	prev := filepath.Join(parent, base+prevSuffix)
	if ours(prev) {
		tmp := filepath.Join(parent, prefix+strconv.FormatInt(time.Now().UnixNano(), 36))
		if err := os.Rename(prev, tmp); err == nil {
			existing, err := inventory(tmp)
			if err == nil {
				return tmp, existing, true, nil
			}
			os.RemoveAll(tmp) // ours: it was renamed from a marked directory
		}
	}
	tmp, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return "", nil, false, err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText+stagingNote), 0o644); err != nil {
		os.Remove(tmp)
		return "", nil, false, err
	}
	return tmp, map[string]fs.FileMode{Marker: 0}, false, nil
}

// ours reports whether dir is a real directory (not a link) holding the
// marker.
func ours(dir string) bool {
	st, err := os.Lstat(dir)
	if err != nil || !st.IsDir() {
		return false
	}
	m, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && m.Mode().IsRegular()
}

// removeOurs removes dir when it carries the marker, or when it is an
// empty directory; anything else is left alone.
func removeOurs(dir string) {
	if ours(dir) {
		os.RemoveAll(dir)
		return
	}
	os.Remove(dir) // only succeeds when empty
}

// keepAsPrev makes the site that was just replaced the next build's back
// buffer, or removes it.
func keepAsPrev(aside, prev string, private bool) {
	if !ours(aside) {
		removeOurs(aside)
		return
	}
	if !private {
		if b, err := os.ReadFile(filepath.Join(aside, Marker)); err != nil || strings.Contains(string(b), privateNote) {
			os.RemoveAll(aside)
			return
		}
	}
	if _, err := os.Lstat(prev); err == nil {
		// Another build kept its own meanwhile, or prev is not ours.
		os.RemoveAll(aside)
		return
	}
	if err := os.Rename(aside, prev); err != nil {
		os.RemoveAll(aside)
	}
}

// inventory lists everything under dir by slash-separated path, with its
// type.
func inventory(dir string) (map[string]fs.FileMode, error) {
	found := map[string]fs.FileMode{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		found[filepath.ToSlash(rel)] = d.Type()
		return nil
	})
	return found, err
}

// fillDir writes what fill emits into dir. What dir already holds (the
// back buffer, listed in existing) is overwritten in place, and whatever
// the new site does not have is removed at the end.
func fillDir(dir string, existing map[string]fs.FileMode, private bool, fill func(emit Emit) error) (int, error) {
	seen := map[string]bool{}             // the files emitted
	used := map[string]bool{".": true}    // the directories the new site has
	kept := map[string]bool{Marker: true} // what of existing the new site keeps
	// Files are written by a few goroutines: one file at a time, a build
	// mostly waits on open and write. The swap comes after all of them.
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
			}
		}()
	}
	abs := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	var mkdirs func(rel string) error
	mkdirs = func(rel string) error {
		if used[rel] {
			return nil
		}
		if err := mkdirs(path.Dir(rel)); err != nil {
			return err
		}
		if seen[rel] {
			return fmt.Errorf("%s is both a file and a directory", rel)
		}
		used[rel] = true
		t, ok := existing[rel]
		kept[rel] = true
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
			return fmt.Errorf("invalid output path %q", name)
		}
		if seen[name] {
			return fmt.Errorf("two outputs named %s", name)
		}
		if used[name] {
			return fmt.Errorf("%s is both a file and a directory", name)
		}
		seen[name] = true
		mu.Lock()
		err := writeErr
		mu.Unlock()
		if err != nil {
			return err
		}
		if err := mkdirs(path.Dir(name)); err != nil {
			return err
		}
		reuse := false
		if t, ok := existing[name]; ok {
			kept[name] = true
			switch {
			case t.IsRegular():
				reuse = true
			case t.IsDir():
				if err := os.RemoveAll(abs(name)); err != nil {
					return err
				}
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
	if err != nil {
		return 0, err
	}
	if err := removeStale(dir, existing, kept, seen); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerFor(private)), 0o644); err != nil {
		return 0, fmt.Errorf("writing %s: %w", Marker, err)
	}
	return len(seen), nil
}

// removeStale removes what the back buffer held that the new site does
// not. What was under a directory that became a file went with it.
func removeStale(dir string, existing map[string]fs.FileMode, kept, seen map[string]bool) error {
	var stale []string
	for p := range existing {
		if !kept[p] {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	gone := map[string]bool{}
	for _, p := range stale {
		replaced := false
		for a := path.Dir(p); a != "."; a = path.Dir(a) {
			if seen[a] || gone[a] {
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
	if ours(out) {
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

// recoverLeftovers cleans up after builds that were killed: it removes
// their staging directories and, when a kill fell between the two renames
// of a swap, puts the previous site back. Only directories that carry the
// marker, with a name of publish's and the pid of a process that no
// longer runs, are touched.
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
		pidText, tail, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || tail == "" || !e.IsDir() || !ours(filepath.Join(parent, name)) {
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
		if p := filepath.Join(parent, o); ours(p) {
			os.RemoveAll(p)
		}
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
