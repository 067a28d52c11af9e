package site

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// Memo keeps what an earlier render produced for each application, so
// `serve` renders again only the pages whose inputs changed: the
// application's file (its Parse number stays while its bytes are
// unchanged; a pointer would not do, the allocator reuses addresses), its
// stage and open actions, and the
// moment. Gen stands for everything every page depends on
// (configuration, layouts, draft templates); when it changes, everything
// is rendered again. A nil *Memo renders everything, as `build` does.
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
	if m == nil {
		return nil, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.m[name]
	if !ok || e.key != key {
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
	m.m[name] = memoEntry{key, out}
	m.mu.Unlock()
}

// Fingerprint is what one application's outputs are made from, besides
// Memo.Gen: the application itself (by its parse number: the parse cache
// keeps it while the file is unchanged), its status, its open actions in plan
// order, and the moment.
func (m *Memo) Fingerprint(a *followup.Application, st *schedule.Status, acts []followup.Action, orders []int, now time.Time) string {
	if m == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%d|%d|%s|%t|%s|%d", m.Gen, a.Slug, a.Parse, now.UnixNano(), st.Stage, st.Closed, st.LastContact, st.Waiting)
	for i, x := range acts {
		fmt.Fprintf(&b, "|%s;%d;%d;%t;%s;%s", x.ID, x.Due.UnixNano(), x.Start.UnixNano(), x.Overdue, x.Channel, x.Reason)
		if x.To != nil {
			b.WriteString(";" + x.To.Name + ";" + x.To.Title)
		}
		if i < len(orders) {
			fmt.Fprintf(&b, ";%d", orders[i])
		}
	}
	return b.String()
}
