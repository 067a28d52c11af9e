package content

import (
	"fmt"
	"sync"
	"time"
)

type zones struct {
	mu sync.Mutex
	m  map[string]*time.Location
}

func newZones() *zones { return &zones{m: map[string]*time.Location{}} }

func (z *zones) load(name string) (*time.Location, error) {
	if name == "Local" {
		return nil, fmt.Errorf("%q is the zone of whichever machine builds the site; want an IANA name such as America/New_York", name)
	}
	if name == "" {
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as America/New_York)", name)
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if l, ok := z.m[name]; ok {
		return l, nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as America/New_York)", name)
	}
	z.m[name] = l
	return l, nil
}
