package zone

import (
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	for _, tc := range []struct{ name, err string }{
		{"America/New_York", ""},
		{"Europe/Berlin", ""},
		{"UTC", ""},
		{"", "unknown time zone"},
		{"Local", "whichever machine"},
		{"America/New York", "unknown time zone"},
		{"Mars/Base", "unknown time zone"},
	} {
		l, err := Load(tc.name)
		if tc.err == "" && (err != nil || l.String() != tc.name) {
			t.Errorf("%q: %v %v", tc.name, l, err)
		}
		if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%q: error %v, want %q", tc.name, err, tc.err)
		}
	}
	a, _ := Load("Asia/Tokyo")
	b, _ := Load("Asia/Tokyo")
	if a != b {
		t.Error("a second load did not come from the cache")
	}
}
