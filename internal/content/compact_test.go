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
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			n++
			v.SetString(fmt.Sprintf("text %d é", n))
		case reflect.Pointer:
			if !v.IsNil() && v.Type() != reflect.TypeOf(&followup.Timeline{}) {
				fill(v.Elem())
			}
		case reflect.Struct:
			if v.Type().PkgPath() == "time" {
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					fill(v.Field(i))
				}
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() != reflect.Uint8 {
				for i := range v.Len() {
					fill(v.Index(i))
				}
			}
		}
	}
	fill(reflect.ValueOf(a).Elem())
	want := map[string]bool{}
	var strs []string
	var collect func(v reflect.Value)
	collect = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			strs = append(strs, v.String())
		case reflect.Pointer:
			if !v.IsNil() && v.Type() != reflect.TypeOf(&followup.Timeline{}) {
				collect(v.Elem())
			}
		case reflect.Struct:
			if v.Type().PkgPath() == "time" {
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					collect(v.Field(i))
				}
			}
		case reflect.Slice:
			if v.Type().Elem().Kind() != reflect.Uint8 {
				for i := range v.Len() {
					collect(v.Index(i))
				}
			}
		}
	}
	collect(reflect.ValueOf(a).Elem())
	for _, s := range strs {
		want[s] = true
	}
	compact(a)
	strs = nil
	collect(reflect.ValueOf(a).Elem())
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
