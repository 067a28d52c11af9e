// Package gctune keeps the garbage collector from running every few
// megabytes while a build's heap is still small.
//
// A build's live heap grows from nothing to its peak (about 65 MB at
// 10,000 applications, 650 MB at 100,000) while it allocates fifteen times
// that in short-lived garbage: YAML trees, markdown trees, pages on their
// way to disk. With the default GOGC=100 the collector runs whenever the
// heap doubles, so most collections happen while the heap is small, and a
// bigger search pays for more of them (at 10k, 50 of 70 collections came
// in the first 60 MB). Headroom gives the heap a floor of extra room:
// collect at live+floor, or at 2×live once that is more. With the floor
// set to the heap the build is expected to end with, the number of
// collections is about the same at every size, and the peak is what
// GOGC=100 reaches at the end of the build anyway.
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

var (
	floor atomic.Uint64
	once  sync.Once
)

// PerApplication is about what one application keeps alive during a build
// (its parsed fields, plan, notes and share of the output's bookkeeping),
// measured at 10,000 and 100,000 applications: 7.5 and 8.7 KB when it was
// chosen, 6.4 and 6.3 KB since texts are compacted and notes rendered
// while parsing (the extra room costs little and was kept).
const PerApplication = 8 << 10

// Headroom lets the heap grow by at least bytes between collections; a
// second call raises or lowers the floor. It does nothing when the user
// set GOGC or GOMEMLIMIT themselves.
func Headroom(bytes uint64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	floor.Store(bytes)
	tune()
	once.Do(func() { arm(tune) })
}

var sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
var sampleMu sync.Mutex

func tune() {
	sampleMu.Lock()
	metrics.Read(sample)
	live := uint64(4 << 20) // the runtime's smallest heap goal is 4 MB × GOGC/100
	if sample[0].Value.Kind() == metrics.KindUint64 {
		live = max(live, sample[0].Value.Uint64())
	}
	sampleMu.Unlock()
	percent := 100
	if f := floor.Load(); live < f {
		percent = int(f * 100 / live)
	}
	debug.SetGCPercent(min(percent, 10000))
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
