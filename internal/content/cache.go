package content

import (
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// Cache remembers parsed files by their bytes, for incremental rebuilds.
//
// A file is read again only when it may have changed, and parsed again
// only when its bytes did. Whether it may have changed is known in one of
// two ways:
//
//   - With a clock (Now), a file is not read again while its size and
//     modification time are those of the read that was cached, provided
//     that read came well after the modification: the test git uses for
//     its index ("racy git"). A file changed within the clock's
//     resolution of a read looks unchanged by its times alone, so such a
//     read is never trusted by its times, only by its bytes.
//   - Once Watched, a watcher reports every change under content/
//     (Changed), so a file it has not named since it was read has not
//     changed: neither read nor even stat-ed, and the list of files is
//     the last load's unless a named path is new, gone or not a file the
//     list holds. `serve` on 1,000 files spent a third of a save's rebuild
//     on a stat of every file and a walk of the tree. When the watcher may
//     have missed something (it overflowed, or a file was written by the
//     server itself), Rescan falls back to the times for one load.
type Cache struct {
	Now func() time.Time // nil: compare bytes only

	mu      sync.Mutex
	m       map[string]cached
	watched bool            // a watcher reports every change
	dirty   map[string]bool // paths it reported since the last load began
	rescan  bool            // check every file by its times at the next load
	list    *listing        // the last load's files, for a watched cache
}

type cached struct {
	data string
	tz   string
	app  *followup.Application
	errs followup.ErrorList
	// The file's size and modification time as read, and whether the
	// read came late enough after the modification to trust them.
	size    int64
	mod     time.Time
	trusted bool
	// The read began while a watcher reported every change, so only its
	// word says the file changed since.
	watched bool
}

// listing is what Find returned, and the set of its paths.
type listing struct {
	files []File
	errs  followup.ErrorList // prefixed as Load reports them
	known map[string]bool
}

// racyWindow is how long after its modification a read must come for the
// file's times to identify its bytes: longer than the coarsest time
// stamps in use (FAT keeps two seconds).
const racyWindow = 3 * time.Second

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string]cached{}, dirty: map[string]bool{}} }

// Watched says that from now on a watcher reports, through Changed, every
// change under content/ of the project the cache loads. Call it once the
// watcher runs and before the load it is to serve: what was read before
// is still checked by its times.
func (c *Cache) Watched() {
	c.mu.Lock()
	c.watched, c.rescan = true, true
	c.mu.Unlock()
}

// Changed records the paths a watcher reported (relative to the project,
// slash-separated, as content/x.md); the next load reads them again.
func (c *Cache) Changed(paths ...string) {
	c.mu.Lock()
	for _, p := range paths {
		c.dirty[p] = true
	}
	c.mu.Unlock()
}

// Rescan makes the next load check every file by its times and walk the
// tree again: the watcher lost events, or a file was written without the
// watcher's word reaching the cache first.
func (c *Cache) Rescan() {
	c.mu.Lock()
	c.rescan = true
	c.mu.Unlock()
}

// loadState is the cache's word for one load, taken when it begins: what
// changes during the load are the next load's to see.
type loadState struct {
	watching bool            // a watcher runs: what this load reads, it will report
	trust    bool            // and its word holds for what earlier loads read
	dirty    map[string]bool // what it reported
	list     *listing        // nil: walk the tree
}

func (c *Cache) begin(fsys fs.FS) loadState {
	if c == nil {
		return loadState{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	st := loadState{watching: c.watched, trust: c.watched && !c.rescan, dirty: c.dirty, list: c.list}
	c.dirty, c.rescan = map[string]bool{}, false
	if !st.trust || st.list == nil {
		st.list = nil
		return st
	}
	for p := range st.dirty {
		if !strings.HasPrefix(p, Dir+"/") {
			continue // followup.toml or a layout: no file of the list
		}
		if !st.list.known[p] {
			st.list = nil // a new file or directory
			break
		}
		// Lstat: a file replaced by a link is listed again, as a link.
		if info, err := fs.Lstat(fsys, p); err != nil || !info.Mode().IsRegular() {
			st.list = nil // gone, or no longer a regular file
			break
		}
	}
	return st
}

// remember keeps the list of a load that walked the tree.
func (c *Cache) remember(files []File, errs followup.ErrorList) {
	if c == nil {
		return
	}
	l := &listing{files: files, errs: errs, known: make(map[string]bool, len(files))}
	for _, f := range files {
		l.known[f.Path] = true
	}
	c.mu.Lock()
	c.list = l
	c.mu.Unlock()
}

// unchanged returns the cached parse of name when the watcher has not
// named it since a watched read, or its times say it has not changed
// since a trusted read.
func (c *Cache) unchanged(st loadState, fsys fs.FS, f File, display, tz string) (*followup.Application, followup.ErrorList, bool) {
	if c == nil {
		return nil, nil, false
	}
	name := f.Path
	c.mu.Lock()
	e, ok := c.m[display]
	c.mu.Unlock()
	if !ok || e.tz != tz || st.dirty[name] {
		return nil, nil, false
	}
	if st.trust && e.watched && !f.link {
		return e.app, e.errs, true
	}
	if c.Now == nil || !e.trusted {
		return nil, nil, false
	}
	info, err := fs.Stat(fsys, name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != e.size || !info.ModTime().Equal(e.mod) {
		return nil, nil, false
	}
	if st.watching && !e.watched && !f.link {
		// Unchanged when this load began, and reported by the watcher
		// from then on: the watcher's word is enough from now.
		c.mu.Lock()
		if cur, ok := c.m[display]; ok && cur.app == e.app {
			cur.watched = true
			c.m[display] = cur
		}
		c.mu.Unlock()
	}
	return e.app, e.errs, true
}

func (c *Cache) parse(st loadState, fsys fs.FS, name, display, slug string, data []byte, tz string) (*followup.Application, followup.ErrorList) {
	if c == nil {
		return Parse(display, slug, data, tz)
	}
	e := cached{data: string(data), tz: tz, watched: st.watching}
	if c.Now != nil {
		// Stat after the read: the times may then be newer than the bytes
		// (a write in between), never older, and newer times only cost a
		// read next time.
		if info, err := fs.Stat(fsys, name); err == nil {
			e.size, e.mod = info.Size(), info.ModTime()
			e.trusted = info.Size() == int64(len(data)) && c.Now().Sub(info.ModTime()) > racyWindow
		}
	}
	c.mu.Lock()
	old, ok := c.m[display]
	c.mu.Unlock()
	if ok && old.tz == tz && old.data == e.data {
		e.app, e.errs = old.app, old.errs
	} else {
		e.app, e.errs = Parse(display, slug, data, tz)
	}
	c.mu.Lock()
	c.m[display] = e
	c.mu.Unlock()
	return e.app, e.errs
}
