package layouts

import (
	"errors"
	"io/fs"
	"path"
)

// Dir is where a project keeps its own copies of theme files.
const Dir = "layouts"

// Theme is the default theme with a project's layouts/ on top: a file the
// project has wins, file by file. It is an fs.FS of slash paths relative
// to the theme ("base.html", "drafts/thank-you.tmpl"), so site and draft
// read every file the same way whichever copy is used.
type Theme struct {
	project fs.FS  // the project root; nil for the defaults alone
	prefix  string // how messages name the project root ("" or "." for none)
}

// New returns the theme of a project rooted at project (nil: the defaults
// alone). prefix is how messages name that root (the --source flag).
func New(project fs.FS, prefix string) *Theme {
	return &Theme{project: project, prefix: prefix}
}

// Open opens the project's copy of name when it has one, else the
// default's.
func (t *Theme) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if t != nil && t.project != nil {
		f, err := t.project.Open(path.Join(Dir, name))
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return FS.Open(name)
}

// ReadFile reads name from the copy in use, and returns how messages
// name that copy: the project's file ("src/layouts/base.html"), or the
// default ("(default) base.html"), so an error in a template points at the
// file the user can open.
func (t *Theme) ReadFile(name string) (data []byte, display string, err error) {
	if t != nil && t.project != nil {
		data, err := fs.ReadFile(t.project, path.Join(Dir, name))
		if err == nil {
			return data, t.display(path.Join(Dir, name)), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, t.display(path.Join(Dir, name)), err
		}
	}
	data, err = fs.ReadFile(FS, name)
	return data, "(default) " + name, err
}

func (t *Theme) display(p string) string {
	if t.prefix == "" || t.prefix == "." {
		return p
	}
	return path.Join(t.prefix, p)
}

// Names lists every file of the default theme, for copying it into a
// project.
func Names() []string {
	var names []string
	fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	return names
}
