package ordered

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1) on every core, in chunks of 64 (no channel
// per item: planning one application takes microseconds). f must only
// write what belongs to its own i.
func For(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers <= 1 || n < 256 {
		for i := range n {
			f(i)
		}
		return
	}
	const chunk = 64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					f(i)
				}
			}
		}()
	}
	wg.Wait()
}
