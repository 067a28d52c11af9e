package build

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPathSet runs the same random operations on a pathSet and on a map,
// with the real hash and with hashes that clash all the time, and wants
// the same answers.
func TestPathSet(t *testing.T) {
	hashes := map[string]func(maphash.Seed, string) uint64{
		"maphash":   maphash.String,
		"two slots": func(_ maphash.Seed, b string) uint64 { return uint64(len(b) % 2) },
		"one slot":  func(maphash.Seed, string) uint64 { return 7 },
	}
	for name, sum := range hashes {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			s := newPathSet()
			s.sum = sum
			want := map[string]fs.FileMode{}
			first := map[string]int{} // when each path was first ever added
			kept := map[string]bool{}
			var buf []byte
			paths := make([]string, 300)
			for i := range paths {
				paths[i] = fmt.Sprintf("apps/%c%d/index.html", 'a'+rune(i%26), i)
			}
			paths = append(paths, "", "a", "a/b", "é/日本")
			for step := range 5000 {
				p := paths[rng.IntN(len(paths))]
				mode := fs.FileMode(rng.IntN(3)) << 30
				switch rng.IntN(5) {
				case 4:
					m, ok := s.Keep(p)
					wm, wok := want[p]
					if ok != wok || m != wm {
						t.Fatalf("step %d: Keep(%q) = %v, %v; want %v, %v", step, p, m, ok, wm, wok)
					}
					if ok {
						kept[p] = true
					}
				case 0, 1:
					_, had := want[p]
					var added bool
					if step%2 == 0 {
						added = s.Add(p, mode)
					} else {
						// From a buffer that is then written over, as
						// inventory's is: the set must keep a copy.
						buf = append(buf[:0], p...)
						added = s.AddBytes(buf, mode)
						for i := range buf {
							buf[i] = '#'
						}
					}
					if added == had {
						t.Fatalf("step %d: Add(%q) = %v, set had it: %v", step, p, added, had)
					}
					if !had {
						want[p] = mode
						if _, ok := first[p]; !ok {
							first[p] = step
						}
					}
				case 2:
					s.Delete(p)
					delete(want, p)
					delete(kept, p)
				case 3:
					m, ok := s.Get(p)
					wm, wok := want[p]
					if ok != wok || m != wm || s.Has(p) != wok {
						t.Fatalf("step %d: Get(%q) = %v, %v; want %v, %v", step, p, m, ok, wm, wok)
					}
				}
				if s.Len() != len(want) {
					t.Fatalf("step %d: Len = %d, want %d", step, s.Len(), len(want))
				}
			}
			got := map[string]fs.FileMode{}
			var all []string
			s.Each(func(p string, m fs.FileMode, k bool) {
				got[p] = m
				all = append(all, p)
				if k != kept[p] {
					t.Errorf("Each says %q kept: %v, want %v", p, k, kept[p])
				}
			})
			if !maps.Equal(got, want) {
				t.Fatalf("Each gave %d paths, want %d", len(got), len(want))
			}
			// Each goes in the order the paths were first added; a path
			// deleted and added again keeps its first place.
			order := slices.SortedFunc(maps.Keys(want), func(a, b string) int { return first[a] - first[b] })
			if !slices.Equal(all, order) {
				t.Fatalf("Each order:\n%q\nwant\n%q", all[:min(5, len(all))], order[:min(5, len(order))])
			}
		})
	}
	var nilSet *pathSet
	if nilSet.Has("a") || nilSet.Len() != 0 {
		t.Fatal("a nil set is empty")
	}
	nilSet.Delete("a")
	nilSet.Each(func(string, fs.FileMode, bool) { t.Fatal("a nil set has nothing") })
	if _, ok := nilSet.Keep("a"); ok {
		t.Fatal("a nil set keeps nothing")
	}
}
