package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// The limits of what one file may hold. A real application file is a
// few kilobytes; these leave well over ten times that, and keep a
// mistaken or hostile file (a log pasted in a loop, a symlink to
// /dev/zero) from taking the build's memory and time with it.
const (
	// MaxFileSize is the most an application file may hold; it is
	// enforced while reading.
	MaxFileSize = 2 << 20
	// MaxFrontMatter is the most its front matter may hold: YAML costs
	// more per byte than anything else a build does (1 MB is about
	// 30,000 log entries, checked in under a second).
	MaxFrontMatter = 1 << 20
	// MaxNotes is the most its notes may hold. The markdown renderer
	// takes time that grows with the square of some inputs (64,000
	// unclosed "[", thousands of link definitions of one label): at
	// 2 MB such a note took minutes, at 64 KB under half a second.
	MaxNotes = 64 << 10
)

// errNotRegular is returned by ReadRegular for anything but a regular
// file (a named pipe, a device, a socket).
var errNotRegular = errors.New("not a regular file")

// errTooBig is returned by ReadRegular for a file over its limit.
var errTooBig = errors.New("file too big")

// ReadRegular reads name from fsys when it is a regular file, following
// symbolic links, of at most limit bytes. The kind of file is checked
// before it is opened: opening a named pipe waits for a writer, forever
// if there is none. The limit is enforced while reading, not after, so
// that a device that never ends (/dev/zero) costs limit bytes at most.
func ReadRegular(fsys fs.FS, name string, limit int64) ([]byte, error) {
	return readRegular(fsys, name, limit, false)
}

// readRegular is ReadRegular; listed says the directory listing the name
// came from gave it as a regular file (not a link), which is the check
// before opening: one stat less per file, a tenth of a read.
func readRegular(fsys fs.FS, name string, limit int64, listed bool) ([]byte, error) {
	if !listed {
		st, err := fs.Stat(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := regular(st); err != nil {
			return nil, err
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Again on what was opened: the name may have changed in between.
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%w: it is %s, and a file may hold at most %s", errTooBig, megabytes(st.Size()), megabytes(limit))
	}
	buf := make([]byte, 0, min(st.Size(), limit)+1)
	data, err := readAll(io.LimitReader(f, limit+1), buf)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		// Grown since it was looked at, or a file system that does not
		// know sizes: what was read is all that is known.
		return nil, fmt.Errorf("%w: it holds more than %s, the most a file may hold", errTooBig, megabytes(limit))
	}
	return data, nil
}

func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func regular(st fs.FileInfo) error {
	m := st.Mode()
	if m.IsRegular() {
		return nil
	}
	return fmt.Errorf("%w: it is %s; followup reads only regular files", errNotRegular, describeMode(m))
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a plain file"
}

// megabytes says a size the way the README states the limits.
func megabytes(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	// Rounded up: a file a byte over 2 MB reads "2.1 MB", not "2.0 MB".
	return fmt.Sprintf("%.1f MB", float64((n*10+(1<<20)-1)>>20)/10)
}
