package cli

// Files the commands create (init, theme, new, import) must not exist
// yet, and are created atomically: a reader (an editor, `followup serve`,
// a concurrent build) sees either no file or the whole of it, and a file
// of the same name that appears meanwhile is never replaced.

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// createFile writes data to path, which must not exist. The bytes go to a
// temporary file in the same directory, are synced, and are then linked
// to path: link(2) fails when path exists, so unlike a rename it never
// replaces a file, and the name appears with its whole content at once.
// On a file system without hard links (some network and FAT mounts) the
// file is created with O_EXCL and written in place instead.
func createFile(path string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(path)
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	tmp, err := createTemp(dir, filepath.Base(path), perm)
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name)
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	err = os.Link(name, path)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	default:
		var le *os.LinkError
		if !errors.As(err, &le) {
			return err
		}
		if err := createInPlace(path, data, perm); err != nil {
			return err
		}
	}
	syncDir(dir)
	return nil
}

// createTemp creates a new temporary file beside path's base, with perm
// as the system reduces it (the umask): os.CreateTemp makes it 0600, and
// a chmod afterwards would not be reduced, so a user whose umask keeps
// their files private would get files anyone can read (contacts' emails,
// a feed key).
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: filepath.Join(dir, "."+base+".tmp-*"), Err: fs.ErrExist}
}

func createInPlace(path string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// syncDir makes the new name durable; where directories cannot be synced
// (Windows) the name is still there, just not yet on disk.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
