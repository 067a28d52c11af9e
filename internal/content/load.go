package content

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/followup-tool/followup/internal/followup"
)

// Dir is where applications live in a project.
const Dir = "content"

// File is one application file found under content/.
type File struct {
	Path string // relative to the fs root, e.g. content/acme.md
	Slug string // path under content/ without .md
	// A symbolic link: its target may be outside the tree a watcher
	// watches, so a cache never takes a watcher's word on it.
	link bool
}

// Find lists the application files under dir, sorted by path. Problems
// that stop a file from being read at all (a directory named x.md, a
// named pipe or a device, an unreadable directory) are returned as positioned errors; hidden files and
// editor lock files (".#x.md") are skipped.
func Find(fsys fs.FS, dir string) ([]File, followup.ErrorList) {
	var files []File
	var errs followup.ErrorList
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			errs.Add(followup.Pos{Path: p, Line: 1, Col: 1}, "cannot read: %v", unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".md") {
			return nil
		}
		if d.IsDir() {
			errs.Add(followup.Pos{Path: p, Line: 1, Col: 1}, "is a directory, not a markdown file; rename it without .md")
			return nil
		}
		if t := d.Type(); !t.IsRegular() && t&fs.ModeSymlink == 0 {
			// A named pipe would hang the read, a device never end it.
			// A symbolic link is followed, and its target checked, when
			// the file is read (ReadRegular).
			errs.Add(followup.Pos{Path: p, Line: 1, Col: 1}, "cannot read: it is %s; followup reads only regular files", describeMode(t))
			return nil
		}
		slug := strings.TrimSuffix(strings.TrimPrefix(p, dir+"/"), ".md")
		files = append(files, File{Path: p, Slug: slug, link: d.Type()&fs.ModeSymlink != 0})
		return nil
	})
	if err != nil {
		errs.Add(followup.Pos{Path: dir, Line: 1, Col: 1}, "cannot read: %v", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Options say how to read a search.
type Options struct {
	DefaultTZ string // zone for files without tz
	Prefix    string // prepended to paths in messages (the --source dir)
	// Cache, when set, holds the applications of an earlier load; a file
	// whose bytes did not change is not parsed again.
	Cache *Cache
}

// Load reads every application under content/ of fsys, in parallel, and
// returns them sorted by slug with every problem of every file.
func Load(fsys fs.FS, opt Options) ([]*followup.Application, followup.ErrorList) {
	st := opt.Cache.begin(fsys)
	var files []File
	var errs followup.ErrorList
	if st.list != nil {
		files, errs = st.list.files, slices.Clone(st.list.errs)
	} else {
		files, errs = Find(fsys, Dir)
		if opt.Prefix != "" && opt.Prefix != "." {
			for _, e := range errs {
				e.Pos.Path = path.Join(opt.Prefix, e.Pos.Path)
			}
		}
		opt.Cache.remember(files, slices.Clone(errs))
	}
	apps := make([]*followup.Application, len(files))
	fileErrs := make([]followup.ErrorList, len(files))
	load := func(i int) {
		f := files[i]
		display := path.Join(opt.Prefix, f.Path)
		if opt.Prefix == "" || opt.Prefix == "." {
			display = f.Path
		}
		if app, errs, ok := opt.Cache.unchanged(st, fsys, f, display, opt.DefaultTZ); ok {
			apps[i], fileErrs[i] = app, errs
			return
		}
		data, err := readRegular(fsys, f.Path, MaxFileSize, !f.link)
		if err != nil {
			var l followup.ErrorList
			l.Add(followup.Pos{Path: display, Line: 1, Col: 1}, "cannot read: %v", unwrapPath(err))
			fileErrs[i] = l
			return
		}
		apps[i], fileErrs[i] = opt.Cache.parse(st, fsys, f.Path, display, f.Slug, data, opt.DefaultTZ)
	}
	// Files are read and parsed on every core, a few more workers than
	// cores so that one waiting on a read does not leave a core idle.
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(2*runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				load(i)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, l := range fileErrs {
		errs = append(errs, l...)
	}
	out := apps[:0]
	for _, a := range apps {
		if a != nil {
			out = append(out, a)
		}
	}
	errs = append(errs, duplicateIDs(out)...)
	errs.Sort()
	return out, errs
}

// duplicateIDs reports every application whose id an earlier file (in
// path order) already has, at the id: two applications with one id would
// share their calendar UIDs, and each update to one would overwrite the
// other in a subscriber's calendar.
func duplicateIDs(apps []*followup.Application) followup.ErrorList {
	var errs followup.ErrorList
	first := map[string]*followup.Application{}
	pathOnly := map[string]*followup.Application{} // identified by slug
	for _, a := range apps {
		if a.ID == "" {
			pathOnly[a.Slug] = a
		}
	}
	for _, a := range apps {
		if a.ID == "" {
			continue
		}
		if f, ok := first[a.ID]; ok {
			errs.Add(a.IDPos, "id: %q is already the id of %s; give each application its own", a.ID, f.IDPos.Path)
			continue
		}
		first[a.ID] = a
		// A file without an id is identified by its path under content/.
		if f, ok := pathOnly[a.ID]; ok {
			errs.Add(a.IDPos, "id: %q is how %s, which has no id, is identified; choose another id or give that file one", a.ID, f.Path)
		}
	}
	return errs
}
