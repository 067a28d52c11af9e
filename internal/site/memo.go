package site

import (
	"sync"
)

// Memo keeps what an earlier render produced for each output file, under
// a key made of the data it was rendered from, so `serve` renders again
// only what changed after a save. Gen stands for what the data does not
// show: the layouts and draft templates, and the configuration; when it
// changes, everything is rendered again. A nil *Memo renders everything,
// as `build` does.
type Memo struct {
	Gen string

	mu sync.Mutex
	m  map[string]memoEntry
}

type memoEntry struct {
	key string
	out []byte
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{m: map[string]memoEntry{}} }

// Get returns what was stored under name when it was stored with key.
func (m *Memo) Get(name, key string) ([]byte, bool) {
	if m == nil || key == "" {
		return nil, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.m[name]
	if !ok || e.key != m.Gen+"\x00"+key {
		return nil, false
	}
	return e.out, true
}

// Put stores out under name and key.
func (m *Memo) Put(name, key string, out []byte) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.m[name] = memoEntry{m.Gen + "\x00" + key, out}
	m.mu.Unlock()
}
