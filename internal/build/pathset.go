package build

import (
	"hash/maphash"
	"io/fs"
	"strings"
	"unsafe"
)

// pathSet is a set of slash-separated paths, each with a file type, that
// holds no pointer the garbage collector has to follow: the paths are
// kept back to back in one byte slice and found through a map from their
// hash. A build keeps four such sets (the back buffer's inventory, the
// files emitted, the directories used and made); at 100,000 applications
// they hold 700,000 paths for the whole build, and as maps of strings
// they were that many objects for every collection to mark again.
type pathSet struct {
	names []byte           // every path added, back to back
	ents  []pathEntry      // in the order added
	slots map[uint64]int32 // a path's hash -> its entry
	clash map[string]int32 // paths whose hash an earlier path already had
	live  int
	seed  maphash.Seed
	sum   func(maphash.Seed, string) uint64 // maphash.String; tests force clashes
}

type pathEntry struct {
	off, n  uint32
	mode    fs.FileMode
	removed bool
	kept    bool // Keep was called on it
}

func newPathSet() *pathSet { return newPathSetFor(0, 0) }

// newPathSetFor is a set with room for n paths of size bytes in all, so
// that filling it does not copy and rehash it again and again (at
// 100,000 applications a build emits 200,000 files, one at a time, on
// the goroutine that hands them to the writers).
func newPathSetFor(n, size int) *pathSet {
	return &pathSet{
		names: make([]byte, 0, size),
		ents:  make([]pathEntry, 0, n),
		slots: make(map[uint64]int32, n),
		seed:  maphash.MakeSeed(),
		sum:   maphash.String,
	}
}

func (s *pathSet) name(i int32) []byte {
	e := &s.ents[i]
	return s.names[e.off : e.off+e.n]
}

// find returns the entry of p, removed or not, or -1; and p's hash.
func (s *pathSet) find(p string) (int32, uint64) {
	h := s.sum(s.seed, p)
	if i, ok := s.slots[h]; ok {
		if string(s.name(i)) == p {
			return i, h
		}
		if i, ok := s.clash[p]; ok {
			return i, h
		}
	}
	return -1, h
}

// entry returns p's entry, or nil when p is not in the set.
func (s *pathSet) entry(p string) *pathEntry {
	if s == nil {
		return nil
	}
	if i, _ := s.find(p); i >= 0 && !s.ents[i].removed {
		return &s.ents[i]
	}
	return nil
}

// Get returns p's type, if p is in the set.
func (s *pathSet) Get(p string) (fs.FileMode, bool) {
	if e := s.entry(p); e != nil {
		return e.mode, true
	}
	return 0, false
}

// Keep is Get, and remembers that p was asked for: Each then tells kept
// paths from the others without looking each one up again.
func (s *pathSet) Keep(p string) (fs.FileMode, bool) {
	if e := s.entry(p); e != nil {
		e.kept = true
		return e.mode, true
	}
	return 0, false
}

// Has reports whether p is in the set.
func (s *pathSet) Has(p string) bool {
	_, ok := s.Get(p)
	return ok
}

// AddBytes is Add for a path held in a byte slice, which it copies.
func (s *pathSet) AddBytes(p []byte, mode fs.FileMode) bool {
	// p is only read while Add runs, and copied to be kept.
	return s.Add(unsafe.String(unsafe.SliceData(p), len(p)), mode)
}

// Add puts p in the set with type mode, and reports whether it was not
// there before (its type is left as it was when it was).
func (s *pathSet) Add(p string, mode fs.FileMode) bool {
	i, h := s.find(p)
	if i >= 0 {
		e := &s.ents[i]
		if !e.removed {
			return false
		}
		e.removed, e.mode, e.kept = false, mode, false
		s.live++
		return true
	}
	i = int32(len(s.ents))
	s.ents = append(s.ents, pathEntry{off: uint32(len(s.names)), n: uint32(len(p)), mode: mode})
	s.names = append(s.names, p...)
	if _, taken := s.slots[h]; taken {
		if s.clash == nil {
			s.clash = map[string]int32{}
		}
		s.clash[strings.Clone(p)] = i
	} else {
		s.slots[h] = i
	}
	s.live++
	return true
}

// Delete takes p out of the set.
func (s *pathSet) Delete(p string) {
	if e := s.entry(p); e != nil {
		e.removed = true
		s.live--
	}
}

// Len is the number of paths in the set.
func (s *pathSet) Len() int {
	if s == nil {
		return 0
	}
	return s.live
}

// Size is the number of bytes of the paths ever added.
func (s *pathSet) Size() int {
	if s == nil {
		return 0
	}
	return len(s.names)
}

// Each calls f with every path in the set, in the order they were added,
// and whether Keep was called on it.
func (s *pathSet) Each(f func(p string, mode fs.FileMode, kept bool)) {
	if s == nil {
		return
	}
	for i := range s.ents {
		if e := &s.ents[i]; !e.removed {
			f(string(s.name(int32(i))), e.mode, e.kept)
		}
	}
}
