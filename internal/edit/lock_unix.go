//go:build unix

package edit

import (
	"os"
	"syscall"
)

// closeBeforeRename: a file may be renamed over while open here.
const closeBeforeRename = false

// lock takes an exclusive advisory lock on f, waiting for it.
func lock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			return err
		}
	}
}
