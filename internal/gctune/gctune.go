// Package gctune keeps the garbage collector from running every few
// megabytes while a build's heap is still small.
//
// A build's live heap grows from nothing to its peak (about 75 MB at
// 10,000 applications) while it allocates twenty times that in short-lived
// garbage: YAML trees, markdown trees, pages on their way to disk. With
// the default GOGC=100 the collector ran whenever the heap doubled, so
// about 50 of a build's 70 collections happened in the first 60 MB, each
// with its own start-up and assist costs. Headroom gives the heap a floor
// of extra room (collect at live+headroom, or at 2×live once that is
// more), which is GOGC=100 for a big heap and far fewer collections for
// a small one, so peak memory is what it was at the end of the build.
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Headroom lets the heap grow by at least floor bytes between collections.
// It does nothing when the user set GOGC or GOMEMLIMIT themselves.
func Headroom(floor uint64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tune := func() {
		metrics.Read(sample)
		live := uint64(4 << 20) // the runtime's smallest heap goal is 4 MB × GOGC/100
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = max(live, sample[0].Value.Uint64())
		}
		percent := 100
		if live < floor {
			percent = int(floor * 100 / live)
		}
		debug.SetGCPercent(min(percent, 10000))
	}
	tune()
	arm(tune)
}

// sentinel is a heap object that only the collector finds unreachable:
// its finalizer runs once after every collection.
type sentinel struct {
	_ *int
	_ [2]uint64
}

func arm(f func()) {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		f()
		arm(f)
	})
}
