package edit

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The served page's requests go through the same code as the commands;
// a request that names nothing or is malformed is a 400 with the reason,
// a file that cannot be changed a 409, and nothing is written.
func TestHandle(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "content", "acme.md")
	os.MkdirAll(filepath.Dir(file), 0o755)
	const acme = `---
company: Acme Architecture
role: Designer
applied: 2026-11-02
tz: America/New_York
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
      - name: Bob Stone
---
`
	os.WriteFile(file, []byte(acme), 0o644)
	opt := Options{Dir: dir, Now: time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC)}
	cases := []struct {
		body     string
		status   int
		want     string // in the reply
		inFile   string // in the file afterwards ("" when unchanged)
		notInRep string
	}{
		{`{"op":"done"}`, http.StatusBadRequest, "done: no action given", "", ""},
		{`{"op":"done","ids":["acme/zzz"]}`, http.StatusBadRequest, `no open action matches "acme/zzz"`, "", ""},
		{`{"op":"done","ids":["acme/thank"]}`, http.StatusBadRequest, `"acme/thank" matches 2 open actions`, "", ""},
		{`{"op":"launch"}`, http.StatusBadRequest, "unknown op", "", ""},
		{`{"op":"done","ids":["x"],"extra":1}`, http.StatusBadRequest, "unknown field", "", ""},
		{`not json`, http.StatusBadRequest, "bad request", "", ""},
		{`{"op":"heard","app":"acme","text":"soon","next":"friday"}`, http.StatusBadRequest, `next: invalid date "friday"`, "", ""},
		{`{"op":"outcome","app":"acme","outcome":"hired"}`, http.StatusBadRequest, `unknown outcome "hired"`, "", ""},
		{`{"op":"round","app":"acme","at":"soon"}`, http.StatusBadRequest, "at: ", "", ""},
		{`{"op":"skip","ids":["acme/thank/bob"],"why":""}`, http.StatusBadRequest, "say why", "", ""},
		{`{"op":"heard","app":"acme","text":"later","next":"2026-11-01"}`, http.StatusConflict, "not changed: the change would not pass check: next: 2026-11-01 is before the reply", "", ""},
		{`{"op":"done","ids":["acme/thank/jane"]}`, http.StatusOK, "+        thanked: 2026-11-21", "        thanked: 2026-11-21\n      - name: Bob", ""},
		{`{"op":"skip","ids":["acme/thank/bob"],"why":"never met him"}`, http.StatusOK, "Recorded in ", "    skipped: acme/thank-you/r1/bob-stone\n    note: never met him\n", ""},
		{`{"op":"round","app":"acme","at":"2026-12-01 10:00","kind":"video","with":["Ana"]}`, http.StatusOK, "+  - at: 2026-12-01 10:00", "      - name: Ana\nlog:", ""},
	}
	for _, c := range cases {
		before, _ := os.ReadFile(file)
		status, r := Handle(opt, []byte(c.body))
		text := r.Message + r.Diff + r.Error
		if status != c.status || !strings.Contains(text, c.want) {
			t.Errorf("%s: %d %q, want %d and %q", c.body, status, text, c.status, c.want)
		}
		after, _ := os.ReadFile(file)
		if c.inFile == "" && string(after) != string(before) {
			t.Errorf("%s: the file changed:\n%s", c.body, after)
		}
		if c.inFile != "" && !strings.Contains(string(after), c.inFile) {
			t.Errorf("%s: the file lacks %q:\n%s", c.body, c.inFile, after)
		}
	}
}
