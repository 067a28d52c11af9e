package schedule

import (
	"fmt"
	"sync"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// Memo remembers each application's plan from one call of Plan to the
// next, for `serve`, which plans the whole search on every save while a
// save changes one file. An application's plan depends on the
// application (the parse cache hands back the same pointer while its file
// is unchanged, and the memo keeps it alive, so an address is never
// reused), the policy, the moment, and the search's acceptances of
// offers: the one fact applications share (stage.go). When the policy,
// the moment or the acceptances differ from the last call, every
// application is planned again. A nil *Memo plans everything, as a build
// does.
type Memo struct {
	mu      sync.Mutex
	pol     string // the policy, as %#v prints it
	now     time.Time
	accepts []acceptance
	plans   map[*followup.Application]planned
}

// planned is one application's share of a plan.
type planned struct {
	past       *followup.Application // as of the plan's day (asOf)
	actions    []followup.Action
	interviews []followup.Interview
	status     Status // Next unset
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{} }

// begin returns the last call's plans, and the acceptances they were
// made with, when they hold at pol and now.
//
// The policy is compared as printed by %#v: its holiday set is a new
// value on every load of the configuration, and prints its definition
// (holiday.Calendar's GoString), not its address.
func (m *Memo) begin(pol followup.Policy, now time.Time) (map[*followup.Application]planned, []acceptance) {
	if m == nil {
		return nil, nil
	}
	key := fmt.Sprintf("%#v", pol)
	m.mu.Lock()
	defer m.mu.Unlock()
	if key != m.pol || !now.Equal(m.now) || now.Location() != m.now.Location() {
		m.pol, m.now, m.accepts, m.plans = key, now, nil, nil
	}
	return m.plans, m.accepts
}

// keep remembers this call's plans, of the applications given only (a
// file removed is forgotten), and the acceptances they were made with.
func (m *Memo) keep(apps []*followup.Application, out []planned, accepts []acceptance) {
	if m == nil {
		return
	}
	plans := make(map[*followup.Application]planned, len(apps))
	for i, a := range apps {
		plans[a] = out[i]
	}
	m.mu.Lock()
	m.plans, m.accepts = plans, accepts
	m.mu.Unlock()
}
