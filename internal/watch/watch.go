// Package watch reports changes under a project's directories as debounced
// batches, through fsnotify.
//
// fsnotify does not watch recursively (fsnotify#18), so every directory is
// added by walking, and a directory created or moved in later is walked and
// added too, with events synthesised for the files already in it: their own
// CREATE events were never delivered. Events are
// gathered with a short trailing debounce, so an editor's
// write-rename-chmod dance or a git checkout of 200 files is one batch.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batch is one debounced set of changed paths, sorted. Overflow means
// events were lost and everything should be re-read.
type Batch struct {
	Paths    []string
	Overflow bool
}

// Watcher watches directory trees and single files.
type Watcher struct {
	w        *fsnotify.Watcher
	trees    []string // watched recursively
	files    map[string]bool
	debounce time.Duration
	C        chan Batch
	Errors   chan error
	done     chan struct{}
}

// New watches each tree recursively (missing ones are watched from their
// parent, so creating layouts/ later is seen) and each file by name.
func New(trees, files []string, debounce time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, files: map[string]bool{}, debounce: debounce,
		C: make(chan Batch, 1), Errors: make(chan error, 8), done: make(chan struct{})}
	parents := map[string]bool{}
	for _, t := range trees {
		t = filepath.Clean(t)
		w.trees = append(w.trees, t)
		parents[filepath.Dir(t)] = true
		if _, err := os.Stat(t); err == nil {
			w.addTree(t, nil)
		}
	}
	for _, f := range files {
		f = filepath.Clean(f)
		w.files[f] = true
		parents[filepath.Dir(f)] = true
	}
	// Files are watched through their directory: editors that save by
	// renaming would otherwise leave a watch on a deleted inode.
	for p := range parents {
		if err := fw.Add(p); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// Close stops watching; C is closed after the last batch.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	return w.w.Close()
}

// addTree adds dir and every directory below it, and appends the files
// found to synth (when not nil).
func (w *Watcher) addTree(dir string, synth *[]string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return filepath.SkipDir
			}
			if err := w.w.Add(p); err != nil {
				w.report(err)
			}
			return nil
		}
		if synth != nil && !ignored(d.Name()) {
			*synth = append(*synth, p)
		}
		return nil
	})
}

func (w *Watcher) report(err error) {
	select {
	case w.Errors <- err:
	default:
	}
}

// relevant reports whether a path is inside a watched tree or is a watched file.
func (w *Watcher) relevant(p string) bool {
	if w.files[p] {
		return true
	}
	for _, t := range w.trees {
		if p == t || strings.HasPrefix(p, t+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// ignored drops editor temporaries and hidden files (the list Hugo uses).
func ignored(name string) bool {
	switch {
	case name == "" || name == "4913" || name == ".DS_Store":
		return true
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#"):
		return true
	case strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bck"):
		return true
	case strings.Contains(name, "jb_old___"), strings.Contains(name, "jb_tmp___"), strings.Contains(name, "jb_bak___"):
		return true
	case len(name) == 9 && strings.HasPrefix(name, "sed") && !strings.Contains(name, "."):
		return true // sed -i writes sedXXXXXX beside the file, then renames it over
	}
	return false
}

func (w *Watcher) loop() {
	defer close(w.C)
	pending := map[string]bool{}
	overflow := false
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || ignored(filepath.Base(ev.Name)) {
				continue
			}
			name := filepath.Clean(ev.Name)
			if !w.relevant(name) {
				continue
			}
			if ev.Op.Has(fsnotify.Create) || ev.Op.Has(fsnotify.Rename) {
				if st, err := os.Stat(name); err == nil && st.IsDir() {
					var synth []string
					w.addTree(name, &synth)
					for _, s := range synth {
						pending[s] = true
					}
				}
			}
			pending[name] = true
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				overflow = true
				for _, t := range w.trees {
					if _, err := os.Stat(t); err == nil {
						w.addTree(t, nil)
					}
				}
			} else {
				w.report(err)
				continue
			}
		case <-fire:
			fire = nil
			b := Batch{Overflow: overflow}
			for p := range pending {
				b.Paths = append(b.Paths, p)
			}
			sort.Strings(b.Paths)
			select {
			case w.C <- b:
				pending, overflow = map[string]bool{}, false
				continue
			default:
				// The reader is still busy with the last batch. Never block
				// here: inotify would overflow. Keep gathering and retry.
			}
		}
		// A trailing debounce: every event pushes the batch back a little.
		if timer == nil {
			timer = time.NewTimer(w.debounce)
		} else {
			timer.Reset(w.debounce)
		}
		fire = timer.C
	}
}
