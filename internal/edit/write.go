package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is an application file opened for one edit: locked against other
// followup processes from Open to Close, its bytes read once.
type File struct {
	Path string
	Data []byte
	f    *os.File
	info fs.FileInfo
}

// errChanged says the file changed on disk between reading and writing
// (an editor saved it meanwhile); nothing was written.
var errChanged = errors.New("the file changed on disk while followup was editing it (saved in an editor?); nothing was written: run the command again")

// open locks path against other followup processes and reads it. Two
// commands at once on one file take turns, so neither loses the other's
// update: the second reads what the first wrote.
func open(path string) (*File, error) {
	for range 100 {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		if err := lock(f); err != nil {
			f.Close()
			return nil, err
		}
		// The lock is on the file as opened; a writer that got it first
		// replaced the file by renaming, so the name may now point at a
		// new file: then lock that one.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 != nil || err2 != nil {
			f.Close()
			return nil, errors.Join(err1, err2)
		}
		if !os.SameFile(held, now) {
			f.Close()
			continue
		}
		if !held.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%s: not a regular file", path)
		}
		data, err := readAll(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		return &File{Path: path, Data: data, f: f, info: held}, nil
	}
	return nil, fmt.Errorf("%s: replaced over and over while waiting for it", path)
}

func readAll(f *os.File) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(f)
	return b.Bytes(), err
}

// Close releases the lock.
func (f *File) Close() error {
	f.f.Close() // closed already where the rename needed it
	return nil
}

// Replace writes data in place of the file, atomically: a temporary file
// in the same directory, synced, given the file's mode, renamed over it.
// It refuses with ErrChanged when the file on disk is no longer what Open
// read.
func (f *File) Replace(data []byte) (err error) {
	dir, base := filepath.Split(f.Path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".followup-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(f.info.Mode().Perm()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	// Last look before the rename: an editor does not take our lock.
	now, err := os.Stat(f.Path)
	if err != nil {
		return err
	}
	cur, err := os.ReadFile(f.Path)
	if err != nil {
		return err
	}
	if !os.SameFile(now, f.info) || now.Size() != f.info.Size() || !now.ModTime().Equal(f.info.ModTime()) || !bytes.Equal(cur, f.Data) {
		return errChanged
	}
	if closeBeforeRename {
		f.f.Close()
	}
	if err = os.Rename(tmp.Name(), f.Path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable; where a directory cannot be synced
// the rename is still atomic.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
