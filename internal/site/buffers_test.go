package site

import (
	"testing"
	"unsafe"
)

func TestBuffersLendOnlyTheirOwn(t *testing.T) {
	p := NewBuffers()
	a := p.Lend(append(p.Get(), "page a"...))
	foreign := []byte("style.css, never lent")
	p.Return(foreign)
	p.Return(nil)
	if b := p.Get(); unsafe.SliceData(b) == unsafe.SliceData(foreign) {
		t.Fatal("a slice that was not lent came back into use")
	}
	p.Return(a)
	if b := p.Get(); unsafe.SliceData(b) != unsafe.SliceData(a) || len(b) != 0 {
		t.Fatal("a returned page's buffer is not reused, empty")
	}
	p.Return(a) // twice: no longer lent, ignored
	if b := p.Get(); unsafe.SliceData(b) == unsafe.SliceData(a) {
		t.Fatal("a buffer returned twice was handed out twice")
	}
	huge := p.Lend(make([]byte, 0, keepBelow*2))
	p.Return(huge)
	if b := p.Get(); unsafe.SliceData(b) == unsafe.SliceData(huge) {
		t.Fatal("a huge buffer was kept")
	}
	var none *Buffers
	if b := none.Get(); cap(b) < pageRoom {
		t.Fatal("no pool: a fresh buffer with room for a page")
	}
	none.Return(none.Lend([]byte("x")))
}
