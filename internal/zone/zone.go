// Package zone resolves IANA time-zone names for every other package, once
// per name: time.LoadLocation reads the zone data again on each call, and
// a build asks for the same few zones for every file, page and feed.
//
// Zones come only from zoneinfo.zip, embedded here: a copy of the zone
// data Go ships ($GOROOT/lib/time/zoneinfo.zip, the same data as
// time/tzdata). time.LoadLocation would prefer the machine's own
// /usr/share/zoneinfo, whose version and whose names differ by machine
// ("posixrules" and "localtime" exist on some Linux systems only), so the
// same project would build differently, or not at all, elsewhere. With the
// data embedded, a name means the same rules on every machine, and a
// name that is not a zone of the tz database is refused everywhere.
//
// To update the data after a Go upgrade: go generate ./internal/zone
package zone

//go:generate sh -c "cp \"$(go env GOROOT)/lib/time/zoneinfo.zip\" zoneinfo.zip"

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sync"
	"time"
)

//go:embed zoneinfo.zip
var zoneinfo []byte

var (
	cache sync.Map // name -> *time.Location

	filesOnce sync.Once
	files     map[string]*zip.File
)

// notZones are entries of the zone data that are not places: "Factory"
// is a placeholder whose abbreviation reads "-00". The tz database's
// "posixrules" and "localtime" are not in Go's data at all; they are
// listed so that the refusal does not depend on that.
var notZones = map[string]bool{"Factory": true, "posixrules": true, "localtime": true}

func entries() map[string]*zip.File {
	filesOnce.Do(func() {
		files = map[string]*zip.File{}
		r, err := zip.NewReader(bytes.NewReader(zoneinfo), int64(len(zoneinfo)))
		if err != nil {
			panic("zone: embedded zoneinfo.zip is corrupt: " + err.Error())
		}
		for _, f := range r.File {
			if !notZones[f.Name] {
				files[f.Name] = f
			}
		}
	})
	return files
}

// Or is the zone name, or UTC when name is not one: the site's zone, for
// code that runs after followup.toml's reader has reported a bad one (or
// none was set).
func Or(name string) *time.Location {
	if loc, err := Load(name); err == nil {
		return loc
	}
	return time.UTC
}

// Load resolves name. It rejects the empty name and "Local", which would
// make output depend on the machine that builds it, and every name that
// is not a zone of the embedded tz database.
func Load(name string) (*time.Location, error) {
	if l, ok := cache.Load(name); ok {
		return l.(*time.Location), nil
	}
	switch {
	case name == "Local", name == "localtime":
		return nil, fmt.Errorf("%q is the zone of whichever machine builds the site; want an IANA name such as America/New_York", name)
	case name == "":
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as America/New_York)", name)
	}
	f, ok := entries()[name]
	if !ok {
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as America/New_York)", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %v", name, err)
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %v", name, err)
	}
	l, err := time.LoadLocationFromTZData(name, data)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %v", name, err)
	}
	l2, _ := cache.LoadOrStore(name, l)
	return l2.(*time.Location), nil
}
