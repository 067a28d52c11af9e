//go:build unix

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeFile writes data to path straight through the system calls: at
// 20,000 files the runtime's poller registration (fcntl, epoll_ctl, both
// useless for regular files) was most of the calls a build made. A file
// being reused is overwritten in place and cut to length, never emptied
// first (truncating to zero makes ext4 flush it on close), and O_NOFOLLOW
// means a link planted in the back buffer is never written through; a
// file with other hard links is replaced rather than overwritten.
func writeFile(path string, data []byte, reuse bool) error {
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return &os.PathError{Op: "open", Path: path, Err: err}
	}
	// Whether the file must be cut after the write: only when it was
	// longer. Most files of a rebuild are as long as last time, and an
	// ftruncate of each was 20,000 system calls at 10,000 applications.
	cut := false
	if reuse {
		// A file with other names (cp -al public snapshot) is not
		// written in place: that would change the other copies too.
		var st unix.Stat_t
		if err := unix.Fstat(fd, &st); err != nil || st.Nlink > 1 {
			unix.Close(fd)
			if err := unix.Unlink(path); err != nil {
				return &os.PathError{Op: "unlink", Path: path, Err: err}
			}
			return writeFile(path, data, false)
		}
		cut = st.Size > int64(len(data))
	}
	for b := data; len(b) > 0; {
		n, err := unix.Write(fd, b)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "write", Path: path, Err: err}
		}
		b = b[n:]
	}
	if cut {
		if err := unix.Ftruncate(fd, int64(len(data))); err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "truncate", Path: path, Err: err}
		}
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}
