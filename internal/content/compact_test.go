package content

import (
	"fmt"
	"reflect"
	"strings"
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

// TestCompactPointsNowhereForEmptyAndConstantTexts: an empty text must
// hold no pointer, and a kind, channel or outcome must point at its
// constant, so the collector has nothing of the heap to follow for them.
func TestCompactPointsNowhereForEmptyAndConstantTexts(t *testing.T) {
	heap := func(s string) string { return strings.Clone(s) }
	a := &followup.Application{
		Slug: heap("acme"), Company: heap("Acme"),
		Contact: &followup.Person{Name: heap("Jane"), By: followup.Channel(heap("phone"))},
		Rounds: []followup.Round{{Kind: followup.RoundKind(heap("video")), Where: heap("phone"),
			Interviewers: []followup.Interviewer{{Person: followup.Person{Name: heap("Rob")}, By: followup.Channel(heap("letter"))}}}},
		Log: []followup.LogEntry{
			{Sent: followup.Kind(heap("check-in")), By: followup.Channel(heap("email"))},
			{Outcome: followup.Outcome(heap("rejected")), Heard: heap("no")},
			{Sent: followup.Kind(heap("thank-you"))},
		},
	}
	compact(a)
	base := uintptr(unsafe.Pointer(unsafe.StringData(a.Slug)))
	shared, empty, constant := 0, 0, 0
	eachText(reflect.ValueOf(a).Elem(), func(v reflect.Value) {
		s := v.String()
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		c, isConst := constants[s]
		switch {
		case s == "":
			empty++
			if p != 0 {
				t.Errorf("an empty %s still points at %#x", v.Type(), p)
			}
		case isConst && v.Type() != reflect.TypeOf(""):
			constant++
			if p != uintptr(unsafe.Pointer(unsafe.StringData(c))) {
				t.Errorf("%s %q does not point at its constant", v.Type(), s)
			}
		default:
			shared++
			if p-base > 64 {
				t.Errorf("%q is not in the shared string", s)
			}
		}
	})
	if shared != 6 || constant != 7 || empty < 20 {
		t.Errorf("%d shared, %d constant, %d empty texts; want 6, 7 and at least 20", shared, constant, empty)
	}
}
