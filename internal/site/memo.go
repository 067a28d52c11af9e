package site

import (
	"reflect"
	"sync"
)

// Memo keeps what an earlier render produced for each output file,
// together with the data it was rendered from, so `serve` renders again
// only what a save changed. Data are compared with reflect.DeepEqual: a
// parsed application is the same pointer while its file is unchanged (the
// parse cache returns it, and the memo keeps it alive, so its address is
// never reused), and the plan's facts about it are small values. What the
// data do not show (the configuration, the layouts, the draft templates)
// is summed up in a generation: when it changes, the memo starts over. A
// nil *Memo renders everything, as `build` does.
type Memo struct {
	mu  sync.Mutex
	gen string
	m   map[string]memoEntry
}

type memoEntry struct {
	data any
	out  []byte
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{m: map[string]memoEntry{}} }

// Generation sets what every output depends on beyond its data; a new
// generation forgets everything.
func (m *Memo) Generation(gen string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if gen != m.gen {
		m.gen, m.m = gen, map[string]memoEntry{}
	}
}

// Get returns what was stored under name when it was made from data
// deeply equal to data.
func (m *Memo) Get(name string, data any) ([]byte, bool) {
	if m == nil {
		return nil, false
	}
	m.mu.Lock()
	e, ok := m.m[name]
	m.mu.Unlock()
	if !ok || !reflect.DeepEqual(e.data, data) {
		return nil, false
	}
	return e.out, true
}

// Put stores out, made from data, under name.
func (m *Memo) Put(name string, data any, out []byte) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.m[name] = memoEntry{data, out}
	m.mu.Unlock()
}
