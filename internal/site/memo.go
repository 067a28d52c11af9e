package site

import (
	"reflect"
	"sync"

	"github.com/followup-tool/followup/internal/followup"
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
	mu     sync.Mutex
	gen    string
	m      map[string]memoEntry
	drafts map[string]draftEntry // by action id
}

type memoEntry struct {
	data any
	out  any // a file's bytes, or what a file is made of (a calendar feed)
}

// draftEntry is an action's draft as last rendered, and what from: the
// action and its application's stage (the owner who signs it and the
// templates are the generation's).
type draftEntry struct {
	action followup.Action
	stage  followup.Stage
	view   *DraftView
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{m: map[string]memoEntry{}, drafts: map[string]draftEntry{}} }

// Generation sets what every output depends on beyond its data; a new
// generation forgets everything.
func (m *Memo) Generation(gen string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if gen != m.gen {
		m.gen, m.m, m.drafts = gen, map[string]memoEntry{}, map[string]draftEntry{}
	}
}

// Get returns what was stored under name when it was made from data
// deeply equal to data.
func (m *Memo) Get(name string, data any) (any, bool) {
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
func (m *Memo) Put(name string, data any, out any) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.m[name] = memoEntry{data, out}
	m.mu.Unlock()
}

// draft returns the draft last rendered for an action deeply equal to a,
// at the same stage. Every save otherwise rendered every open action's
// draft again, and the pages' data then held new strings to compare
// byte for byte; a draft reused is the same pointer, compared at once.
func (m *Memo) draft(a *followup.Action, stage followup.Stage) (*DraftView, bool) {
	if m == nil {
		return nil, false
	}
	m.mu.Lock()
	e, ok := m.drafts[a.ID]
	m.mu.Unlock()
	if !ok || e.stage != stage || !reflect.DeepEqual(&e.action, a) {
		return nil, false
	}
	return e.view, true
}

func (m *Memo) putDraft(a *followup.Action, stage followup.Stage, v *DraftView) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.drafts[a.ID] = draftEntry{*a, stage, v}
	m.mu.Unlock()
}
