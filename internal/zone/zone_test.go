package zone

import (
	"strings"
	"testing"
	"time"
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
		// Names some machines have and others do not: refused everywhere.
		{"posixrules", "unknown time zone"},
		{"Factory", "unknown time zone"},
		{"localtime", "whichever machine"},
		{"/etc/localtime", "unknown time zone"},
		{"../../../etc/passwd", "unknown time zone"},
		{"US/Eastern", ""}, // a link of the tz database is a zone
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

// TestEmbeddedNotSystem: a zone comes from the embedded data even when
// the machine's own data says otherwise (ZONEINFO is what Go reads first).
func TestEmbeddedNotSystem(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ZONEINFO", dir) // empty: time.LoadLocation would fall back to the system
	l, err := Load("Pacific/Kiritimati")
	if err != nil {
		t.Fatal(err)
	}
	if _, off := time.Date(2026, 1, 1, 0, 0, 0, 0, l).Zone(); off != 14*3600 {
		t.Errorf("Pacific/Kiritimati offset %d, want +14h", off)
	}
	for name, want := range map[string]bool{"Europe/Paris": true, "Factory": false, "": false} {
		if _, err := Load(name); (err == nil) != want {
			t.Errorf("Load(%q): %v", name, err)
		}
	}
}
