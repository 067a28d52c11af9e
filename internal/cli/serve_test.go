package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/build"
)

const appFile = `---
company: %s
role: Designer
applied: 2026-11-02
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
---
Notes.
`

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pipeWriter hands what serve prints to the test line by line.
type pipeWriter struct{ c chan string }

func (p pipeWriter) Write(b []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		select {
		case p.c <- l:
		default:
		}
	}
	return len(b), nil
}

// TestServe drives `followup serve` over a real socket: every wait has a
// deadline, none asserts timing.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "followup.toml"), "title = \"Search\"\ntimezone = \"America/New_York\"\n")
	writeFile(t, filepath.Join(dir, "content", "acme.md"), strings.Replace(appFile, "%s", "Acme", 1))
	out := pipeWriter{make(chan string, 100)}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		done <- Main([]string{"serve", "--source", dir, "--port", "0", "--now", "2026-11-21T09:00:00-05:00"},
			&Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: io.Discard, Now: time.Now, Context: ctx})
	}()
	var base string
	select {
	case l := <-out.c:
		m := regexp.MustCompile(`http://[0-9.:]+`).FindString(l)
		if m == "" {
			t.Fatalf("no URL in %q", l)
		}
		base = m
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	events := openStream(t, base)
	state := next(t, events)

	get := func(p string) (int, string) {
		t.Helper()
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitFor := func(what string, ok func(map[string]any) bool) map[string]any {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case m := <-events:
				if ok(m) {
					return m
				}
			case <-deadline:
				t.Fatalf("no event: %s", what)
			}
		}
	}
	if code, body := get("/acme/"); code != 200 || !strings.Contains(body, "Acme") {
		t.Fatalf("acme page: %d", code)
	}
	if code, _ := get("/../followup.toml"); code != 404 {
		t.Errorf("traversal: %d", code)
	}

	// A save reloads the page with the new content.
	writeFile(t, filepath.Join(dir, "content", "acme.md"), strings.Replace(appFile, "%s", "Acme Renamed", 1))
	state = waitFor("reload after a save", func(m map[string]any) bool { return m["gen"] != state["gen"] })
	if _, body := get("/acme/"); !strings.Contains(body, "Acme Renamed") {
		t.Fatal("new content not served")
	}

	// A broken save shows the overlay with the position, and keeps the last good site.
	writeFile(t, filepath.Join(dir, "content", "acme.md"), "---\ncompany: Acme\nrole: Designer\napplied: 2026-02-30\n---\n")
	waitFor("error overlay", func(m map[string]any) bool {
		return strings.Contains(m["errors"].(string), "content/acme.md:4:10:")
	})
	if _, body := get("/acme/"); !strings.Contains(body, "followup-errors") || !strings.Contains(body, "Acme Renamed") {
		t.Fatal("overlay missing or last good site gone")
	}

	// Fixed: the overlay leaves by itself.
	writeFile(t, filepath.Join(dir, "content", "acme.md"), strings.Replace(appFile, "%s", "Acme Fixed", 1))
	waitFor("recovery", func(m map[string]any) bool { return m["errors"] == "" })
	if _, body := get("/acme/"); strings.Contains(body, "followup-errors") || !strings.Contains(body, "Acme Fixed") {
		t.Fatal("not recovered")
	}

	// mkdir -p of a new nested folder with a file in it.
	writeFile(t, filepath.Join(dir, "content", "2026", "q4", "beta.md"), strings.Replace(appFile, "%s", "Beta", 1))
	deadline := time.Now().Add(10 * time.Second)
	for {
		if code, body := get("/2026/q4/beta/"); code == 200 && strings.Contains(body, "Beta") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("nested page never appeared")
		}
		<-events
	}

	// Renaming a file moves its page.
	if err := os.Rename(filepath.Join(dir, "content", "2026", "q4", "beta.md"), filepath.Join(dir, "content", "delta.md")); err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(10 * time.Second)
	for {
		code, body := get("/delta/")
		if old, _ := get("/2026/q4/beta/"); code == 200 && strings.Contains(body, "Beta") && old == 404 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("renamed page not moved")
		}
		<-events
	}

	// Removing a file removes its page.
	os.Remove(filepath.Join(dir, "content", "acme.md"))
	deadline = time.Now().Add(10 * time.Second)
	for {
		if code, _ := get("/acme/"); code == 404 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("removed page still served")
		}
		<-events
	}

	// Ctrl-C (here: the context) shuts down cleanly with the stream open.
	stop()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func openStream(t *testing.T, base string) chan map[string]any {
	t.Helper()
	resp, err := http.Get(base + "/_followup/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	c := make(chan map[string]any, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var m map[string]any
				json.Unmarshal([]byte(d), &m)
				c <- m
			}
		}
	}()
	return c
}

func next(t *testing.T, c chan map[string]any) map[string]any {
	t.Helper()
	select {
	case m := <-c:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no event")
	}
	return nil
}

// TestServeReusesOnlyUnchangedPages: after each save, what serve holds
// (most pages, drafts, plans and the work-search log reused from its
// memos) is byte for byte what a fresh build makes; with the parse cache
// checking files by their times, and taking the watcher's word (the
// watcher's reports are made by hand here: TestServe runs the real one).
func TestServeReusesOnlyUnchangedPages(t *testing.T) {
	for _, watcher := range []bool{false, true} {
		t.Run(map[bool]string{false: "times", true: "watcher"}[watcher], func(t *testing.T) {
			reuseOnlyUnchanged(t, watcher)
		})
	}
}

func reuseOnlyUnchanged(t *testing.T, watcher bool) {
	dir := t.TempDir()
	const toml = "title = \"Search\"\ntimezone = \"America/New_York\"\n"
	writeFile(t, filepath.Join(dir, "followup.toml"), toml)
	app := func(company, extra string) string {
		return strings.Replace(strings.Replace(appFile, "%s", company, 1), "rounds:", "contact:\n  name: Ann Lee\nrounds:", 1) + extra
	}
	for _, c := range []string{"Acme", "Beta", "Gamma"} {
		writeFile(t, filepath.Join(dir, "content", strings.ToLower(c)+".md"), app(c, ""))
	}
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	env := &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	s, cache, err := newServer(env, dir, false, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	if watcher {
		watched(s, cache, dir)
	}
	// write saves a file and, when the cache takes the watcher's word,
	// reports it; the times move as a save's would.
	moved := now
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if body == "" {
			os.Remove(p)
		} else {
			writeFile(t, p, body)
			moved = moved.Add(time.Minute)
			os.Chtimes(p, moved, moved)
		}
		cache.Changed(name)
	}
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"first build", func() {}},
		{"a thank-you recorded", func() {
			write("content/beta.md", strings.Replace(app("Beta", ""), "Jane Schmoe", "Jane Schmoe\n        thanked: 2026-11-20", 1))
		}},
		{"notes only", func() { write("content/gamma.md", app("Gamma", "\nA note only.\n")) }},
		{"the contact renamed: the drafts greet another", func() {
			write("content/gamma.md", strings.Replace(app("Gamma", ""), "Ann Lee", "Bo Chen", 1))
		}},
		{"a new file", func() { write("content/delta.md", app("Delta", "")) }},
		{"an offer accepted: the others owe a withdrawal", func() {
			write("content/delta.md", strings.Replace(app("Delta", ""), "---\nNotes.", "log:\n  - on: 2026-11-20\n    outcome: accepted\n---\nNotes.", 1))
		}},
		{"a file removed", func() { write("content/acme.md", "") }},
		{"a day later", func() { now = now.AddDate(0, 0, 1) }},
		{"a layout added and removed", func() {
			write("layouts/application.html", "{{define \"main\"}}x{{end}}")
			write("layouts/application.html", "")
		}},
		{"holidays", func() { write("followup.toml", toml+"holidays = \"US\"\nextra_holidays = [\"2026-11-27\"]\n") }},
		{"a save with holidays", func() { write("content/beta.md", app("Beta", "\nMore notes.\n")) }},
		{"the owner who signs the drafts", func() {
			write("followup.toml", toml+"[owner]\nname = \"Sam Rivera\"\n")
		}},
	} {
		step.do()
		if err := s.Rebuild(); err != nil {
			t.Fatal(err)
		}
		got := s.Files()
		want, _, err := build.Files(build.Options{Dir: dir, Prefix: dir, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d files, want %d", step.name, len(got), len(want))
		}
		for k, v := range want {
			if string(got[k]) != string(v) {
				t.Fatalf("%s: %s differs from a fresh build", step.name, k)
			}
		}
	}
}
