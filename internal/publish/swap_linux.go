package publish

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges tmp and out in one atomic step (renameat2 with
// RENAME_EXCHANGE), so out always exists; the previous site is then at
// tmp. File systems without the flag get the two-rename swap.
func swap(tmp, out string) (string, error) {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, out)
	}
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return swapRenames(tmp, out)
	}
	if err != nil {
		return "", &os.LinkError{Op: "exchange", Old: tmp, New: out, Err: err}
	}
	return tmp, nil
}
