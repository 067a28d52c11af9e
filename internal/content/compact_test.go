package content

import (
	"fmt"
	"reflect"
	"testing"
	"unsafe"

	"github.com/followup-tool/followup/internal/followup"
)

// TestCompactKeepsEveryText fills every text field of an application
// (found by reflection, so a field added later is not forgotten) with a
// distinct value, compacts it, and checks that every value is the same
// and lives in the one shared string.
func TestCompactKeepsEveryText(t *testing.T) {
	a := &followup.Application{
		Contact: &followup.Person{},
		Rounds:  []followup.Round{{Interviewers: make([]followup.Interviewer, 2)}, {Interviewers: make([]followup.Interviewer, 1)}},
		Log:     make([]followup.LogEntry, 3),
	}
	n := 0
	eachText(reflect.ValueOf(a).Elem(), func(v reflect.Value) {
		n++
		v.SetString(fmt.Sprintf("text %d é", n))
	})
	want := map[string]bool{}
	var strs []string
	collect := func(v reflect.Value) { strs = append(strs, v.String()) }
	eachText(reflect.ValueOf(a).Elem(), collect)
	for _, s := range strs {
		want[s] = true
	}
	compact(a)
	strs = nil
	eachText(reflect.ValueOf(a).Elem(), collect)
	if len(strs) != n || n < 30 {
		t.Fatalf("%d texts after compacting, %d before", len(strs), n)
	}
	base := unsafe.StringData(a.Slug)
	for _, s := range strs {
		if !want[s] {
			t.Errorf("text changed: %q", s)
		}
		if off := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(base)); off > 4096 {
			t.Errorf("%q is not in the shared string (texts() misses its field)", s)
		}
	}
}

// eachText calls f on every string under v (time's and Timeline's
// insides excepted), in order.
func eachText(v reflect.Value, f func(reflect.Value)) {
	switch v.Kind() {
	case reflect.String:
		f(v)
	case reflect.Pointer:
		if !v.IsNil() && v.Type() != reflect.TypeOf(&followup.Timeline{}) {
			eachText(v.Elem(), f)
		}
	case reflect.Struct:
		if v.Type().PkgPath() == "time" {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachText(v.Field(i), f)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Uint8 {
			for i := range v.Len() {
				eachText(v.Index(i), f)
			}
		}
	}
}
