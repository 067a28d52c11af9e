package ordered

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestEachKeepsOrder(t *testing.T) {
	runtime.GOMAXPROCS(4)
	var got []int
	err := Each(500, func(i int) (int, error) {
		if i%7 == 0 {
			time.Sleep(time.Millisecond) // finish out of order
		}
		return i * i, nil
	}, func(i, v int) error {
		if v != i*i {
			t.Fatalf("result %d for %d", v, i)
		}
		got = append(got, i)
		return nil
	})
	if err != nil || len(got) != 500 {
		t.Fatalf("got %d results, err %v", len(got), err)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("out of order at %d: %d", i, v)
		}
	}
}

func TestEachStopsAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	used := 0
	err := Each(1000, func(i int) (int, error) {
		if i == 10 {
			return 0, boom
		}
		return i, nil
	}, func(i, v int) error { used++; return nil })
	if !errors.Is(err, boom) || used != 10 {
		t.Fatalf("err %v after %d uses", err, used)
	}
	err = Each(1000, func(i int) (int, error) { return i, nil }, func(i, v int) error {
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
}

func TestForVisitsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 255, 256, 257, 10000} {
		seen := make([]int32, n)
		For(n, func(i int) { atomic.AddInt32(&seen[i], 1) })
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, c)
			}
		}
	}
}
