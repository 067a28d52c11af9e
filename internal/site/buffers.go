package site

import (
	"sync"
	"unsafe"
)

// Buffers lends the byte slices application pages and their feeds are
// written into and takes them back once they are written out, so that a
// build reuses a few hundred buffers instead of making one per file: at
// 100,000 applications the pages were 0.9 GB of the 3 GB of garbage made
// while rendering, and every collection in that phase marks the whole
// search.
//
// Only what was lent comes back into use: Return ignores any other slice
// (a stylesheet, the index, a page grown past its buffer).
type Buffers struct {
	mu   sync.Mutex
	free [][]byte
	lent map[*byte]struct{} // first byte of each page handed out and not returned
}

// NewBuffers returns an empty pool.
func NewBuffers() *Buffers { return &Buffers{lent: map[*byte]struct{}{}} }

const (
	pageRoom    = 8 << 10  // most application pages are under 8 KB
	keepBuffers = 256      // more than the pages in flight between render and disk
	keepBelow   = 64 << 10 // a rare huge page's buffer is not kept
)

// Get returns an empty buffer with room for a page (a new one from a nil
// pool).
func (p *Buffers) Get() []byte {
	if p != nil {
		p.mu.Lock()
		if n := len(p.free); n > 0 {
			b := p.free[n-1]
			p.free = p.free[:n-1]
			p.mu.Unlock()
			return b[:0]
		}
		p.mu.Unlock()
	}
	return make([]byte, 0, pageRoom)
}

// Lend records b, made in a buffer from Get and about to be emitted, as
// the pool's: the emitter gives it back with Return once it is written
// out. It returns b.
func (p *Buffers) Lend(b []byte) []byte {
	if p != nil && cap(b) > 0 {
		p.mu.Lock()
		p.lent[unsafe.SliceData(b)] = struct{}{}
		p.mu.Unlock()
	}
	return b
}

// Return gives back a file that was lent, once the emitter has no more
// use for it. Anything not lent is left alone.
func (p *Buffers) Return(b []byte) {
	if p == nil || cap(b) == 0 {
		return
	}
	ptr := unsafe.SliceData(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.lent[ptr]; !ok {
		return
	}
	delete(p.lent, ptr)
	if len(p.free) < keepBuffers && cap(b) <= keepBelow {
		p.free = append(p.free, b[:0])
	}
}
