//go:build unix

package main

import "syscall"

// settle writes back what earlier runs left dirty in the page cache, so
// that no run pays for the one before it: a 100,000-application build
// leaves 1.8 GB to write, and the kernel's flusher threads doing that
// during the next run took up to half of its time on two cores.
func settle() { syscall.Sync() }
