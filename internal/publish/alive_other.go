//go:build !unix

package publish

import "os"

// alive reports whether a process with pid runs.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
