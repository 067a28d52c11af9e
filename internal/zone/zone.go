// Package zone resolves IANA time-zone names for every other package, once
// per name: time.LoadLocation reads the zone data again on each call, and
// a build asks for the same few zones for every file, page and feed.
package zone

import (
	"fmt"
	"sync"
	"time"
)

var cache sync.Map // name -> *time.Location

// Load resolves name. It rejects the empty name and "Local", which would
// make output depend on the machine that builds it.
func Load(name string) (*time.Location, error) {
	if name == "Local" {
		return nil, fmt.Errorf("%q is the zone of whichever machine builds the site; want an IANA name such as America/New_York", name)
	}
	if name == "" {
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as America/New_York)", name)
	}
	if l, ok := cache.Load(name); ok {
		return l.(*time.Location), nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as America/New_York)", name)
	}
	cache.Store(name, l)
	return l, nil
}
