// Package ordered runs independent pieces of work on every core and hands
// their results on in input order, so output stays byte-identical however
// the goroutines are scheduled, and at most a small window of results is
// held in memory at once (the site is never all in memory).
package ordered

import (
	"runtime"
	"sync"
)

// Each computes work(i) for i in [0, n) on GOMAXPROCS goroutines and calls
// use(i, result) for each in order of i, from the calling goroutine. It
// stops at the first error, from work or use.
func Each[T any](n int, work func(i int) (T, error), use func(i int, v T) error) error {
	workers := runtime.GOMAXPROCS(0)
	if workers <= 1 || n <= 1 {
		for i := 0; i < n; i++ {
			v, err := work(i)
			if err != nil {
				return err
			}
			if err := use(i, v); err != nil {
				return err
			}
		}
		return nil
	}
	type result struct {
		v   T
		err error
	}
	window := 4 * workers
	slots := make(chan chan result, window) // in input order; bounded
	jobs := make(chan func())
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j()
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(slots)
		for i := 0; i < n; i++ {
			c := make(chan result, 1)
			select {
			case slots <- c:
			case <-stop:
				return
			}
			select {
			case jobs <- func() { v, err := work(i); c <- result{v, err} }:
			case <-stop:
				return
			}
		}
	}()
	var first error
	i := 0
	for c := range slots {
		if first != nil {
			continue // drain: a slot queued after the stop may never get its job
		}
		r := <-c
		if r.err != nil {
			first = r.err
		} else if err := use(i, r.v); err != nil {
			first = err
		}
		if first != nil {
			close(stop)
		}
		i++
	}
	wg.Wait()
	return first
}
