package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/project"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/site"
	"github.com/followup-tool/followup/internal/zone/zonetest"
)

func TestMain(m *testing.M) {
	zonetest.Pin()
	if os.Getenv("FOLLOWUP_HANG_IN_BUILD") != "" {
		hangInBuild(os.Getenv("FOLLOWUP_HANG_IN_BUILD"))
		return
	}
	os.Exit(m.Run())
}

// tree reads every file under dir into a map, for exact comparisons.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	sort.Strings(n)
	return n
}

func files(m map[string]string) func(site.Emit) error {
	return func(emit site.Emit) error {
		var names []string
		for k := range m {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if err := emit(k, []byte(m[k])); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestWriteSwapsInTheNewSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Write(out, files(map[string]string{"index.html": "one", "a/index.html": "a1", "gone.txt": "x"})); err != nil {
		t.Fatal(err)
	}
	n, err := Write(out, files(map[string]string{"index.html": "two", "a/index.html": "a2"}))
	if err != nil || n != 2 {
		t.Fatalf("Write: %d, %v", n, err)
	}
	want := map[string]string{"index.html": "two", "a/index.html": "a2", Marker: markerFor(true)}
	if got := tree(t, out); !same(got, want) {
		t.Errorf("after the second build: %v", got)
	}
	if s := siblings(t, out); strings.Join(s, " ") != "public public.prev" {
		t.Errorf("left beside public/: %v", s)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o755 {
		t.Errorf("public/ has mode %v", st.Mode().Perm())
	}
}

// TestFailedBuildLeavesTheSiteAsItWas covers bad content and broken
// layouts (fill fails), a full disk (a write fails) and a bad path.
func TestFailedBuildLeavesTheSiteAsItWas(t *testing.T) {
	for name, fill := range map[string]func(site.Emit) error{
		"fill fails halfway": func(emit site.Emit) error {
			if err := emit("index.html", []byte("half")); err != nil {
				return err
			}
			return errors.New("layouts/index.html:3:1: broken")
		},
		"write fails (disk full)": func(emit site.Emit) error {
			return fmt.Errorf("writing index.html: %w", syscall.ENOSPC)
		},
		"bad path":       func(emit site.Emit) error { return emit("../escape.html", nil) },
		"duplicate path": func(emit site.Emit) error { emit("a.html", nil); return emit("a.html", nil) },
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Write(out, files(map[string]string{"index.html": "good", "x/index.html": "good x"})); err != nil {
				t.Fatal(err)
			}
			before := tree(t, out)
			if _, err := Write(out, fill); err == nil {
				t.Fatal("the failing build succeeded")
			}
			if after := tree(t, out); !same(before, after) {
				t.Errorf("the site changed: %v", after)
			}
			if s := siblings(t, out); strings.Join(s, " ") != "public" {
				t.Errorf("left beside public/: %v", s)
			}
		})
	}
}

func TestWriteRefusesADirectoryItDidNotWrite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "mine.md"), []byte("keep me"), 0o644)
	_, err := Write(out, files(map[string]string{"index.html": "x"}))
	if err == nil || !strings.Contains(err.Error(), "not written by followup") {
		t.Fatalf("err = %v", err)
	}
	if got := tree(t, out); !same(got, map[string]string{"mine.md": "keep me"}) {
		t.Errorf("the directory changed: %v", got)
	}
}

// hangInBuild is the child of TestKillDuringBuild: it starts a build that
// writes two files, says so, and waits to be killed.
func hangInBuild(out string) {
	Write(out, func(emit site.Emit) error {
		emit("index.html", []byte("new"))
		emit("a/index.html", []byte("new a"))
		fmt.Println("writing")
		time.Sleep(time.Minute)
		return nil
	})
	os.Exit(3)
}

func TestKillDuringBuild(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no kill -9 on windows")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Write(out, files(map[string]string{"index.html": "good"})); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "FOLLOWUP_HANG_IN_BUILD="+out)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	if n, _ := stdout.Read(buf); !strings.Contains(string(buf[:n]), "writing") {
		t.Fatalf("child said %q", buf[:n])
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if after := tree(t, out); !same(before, after) {
		t.Errorf("kill -9 mid-build changed the site: %v", after)
	}
	if len(siblings(t, out)) != 2 {
		t.Fatalf("expected the killed build's temporary directory beside public/: %v", siblings(t, out))
	}
	if _, err := Write(out, files(map[string]string{"index.html": "next"})); err != nil {
		t.Fatal(err)
	}
	if s := siblings(t, out); strings.Join(s, " ") != "public public.prev" {
		t.Errorf("the next build left %v", s)
	}
}

// TestBackBufferIsReusedExactly: the third build writes into the site
// of the first, in place, and still ends up with exactly its own files.
func TestBackBufferIsReusedExactly(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	prev := out + PrevSuffix
	first := map[string]string{
		"index.html":        "one, a longer page than the next",
		"a/index.html":      "a1",
		"gone/index.html":   "g",
		"gone/deep/x.ics":   "x",
		"a/calendar.ics":    "feed",
		"becomes-dir":       "file",
		"b/becomes-file/in": "in",
	}
	for _, m := range []map[string]string{first, {"index.html": "two"}} {
		if _, err := Write(out, files(m)); err != nil {
			t.Fatal(err)
		}
	}
	ino := func(p string) uint64 {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Sys().(*syscall.Stat_t).Ino
	}
	reused := ino(filepath.Join(prev, "a", "index.html"))
	// Something planted in the back buffer is never written through.
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("mine"), 0o644)
	// A snapshot made with cp -al shares the back buffer's files.
	snapshot := filepath.Join(t.TempDir(), "snapshot.ics")
	if err := os.Link(filepath.Join(prev, "index.html"), snapshot); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(prev, "a", "calendar.ics"))
	if err := os.Symlink(victim, filepath.Join(prev, "a", "calendar.ics")); err != nil {
		t.Fatal(err)
	}
	third := map[string]string{
		"index.html":       "three",
		"a/index.html":     "a3",
		"a/calendar.ics":   "feed3",
		"becomes-dir/x":    "now a file in a directory",
		"b/becomes-file":   "now a file",
		"new/index.html":   "new",
		"new/calendar.ics": "new feed",
	}
	if _, err := Write(out, files(third)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{Marker: markerFor(true)}
	for k, v := range third {
		want[k] = v
	}
	if got := tree(t, out); !same(got, want) {
		t.Errorf("third build:\n got %v\nwant %v", got, want)
	}
	if b, _ := os.ReadFile(victim); string(b) != "mine" {
		t.Errorf("the build wrote through a link in the back buffer: %q", b)
	}
	if b, _ := os.ReadFile(snapshot); string(b) != first["index.html"] {
		t.Errorf("a hard link to the back buffer's file was written through: %q", b)
	}
	if got := ino(filepath.Join(out, "a", "index.html")); got != reused {
		t.Errorf("a/index.html was created anew (inode %d), not overwritten in place (%d)", got, reused)
	}
	if got := tree(t, prev); got["index.html"] != "two" || len(got) != 2 {
		t.Errorf("the back buffer holds %v, want the second build", got)
	}
}

// TestFailedBuildKeepsTheBackBuffer: the back buffer is claimed while
// fill runs; a failed fill gives it back for the next build.
func TestFailedBuildKeepsTheBackBuffer(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, v := range []string{"one", "two"} {
		if _, err := Write(out, files(map[string]string{"index.html": v})); err != nil {
			t.Fatal(err)
		}
	}
	for _, fill := range []func(site.Emit) error{
		func(site.Emit) error { return errors.New("bad content") },
		func(emit site.Emit) error {
			if err := emit("index.html", []byte("half")); err != nil {
				return err
			}
			return errors.New("broken layout")
		},
	} {
		if _, err := Write(out, fill); err == nil {
			t.Fatal("want the fill's error")
		}
		if s := siblings(t, out); strings.Join(s, " ") != "public public.prev" {
			t.Errorf("after a failed build: %v", s)
		}
		if got := tree(t, out); got["index.html"] != "two" {
			t.Errorf("public/ changed: %v", got)
		}
	}
	if _, err := Write(out, files(map[string]string{"index.html": "three"})); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out+PrevSuffix); got["index.html"] != "two" {
		t.Errorf("back buffer after the next good build: %v", got)
	}
}

// TestNoPrivateBackBufferBesidePublic: after a private build, a public
// one does not keep the private site around.
func TestNoPrivateBackBufferBesidePublic(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, private := range []bool{true, false, false} {
		if _, err := WriteSite(out, private, files(map[string]string{"index.html": fmt.Sprint(private)})); err != nil {
			t.Fatal(err)
		}
		if s := siblings(t, out); strings.Join(s, " ") != "public" && private {
			t.Errorf("after the first build: %v", s)
		}
	}
	// The second build replaced a private site: not kept. The third
	// replaced a public one: kept.
	got := tree(t, out+PrevSuffix)
	if got["index.html"] != "false" || strings.Contains(got[Marker], privateNote) {
		t.Errorf("back buffer beside a public site: %v", got)
	}
	if got := tree(t, out); got[Marker] != markerFor(false) {
		t.Errorf("public marker: %q", got[Marker])
	}
}

// TestBackBufferWithoutMarkerIsLeftAlone: a directory named like the
// back buffer that followup did not write is neither used nor removed.
func TestBackBufferWithoutMarkerIsLeftAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(out+PrevSuffix, 0o755)
	os.WriteFile(filepath.Join(out+PrevSuffix, "mine.txt"), []byte("mine"), 0o644)
	if _, err := Write(out, files(map[string]string{"index.html": "one"})); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out+PrevSuffix); got["mine.txt"] != "mine" || len(got) != 1 {
		t.Errorf("public.prev: %v", got)
	}
	if got := tree(t, out); got["index.html"] != "one" || len(got) != 2 {
		t.Errorf("public: %v", got)
	}
}

// TestKillBetweenRenamesIsRepaired: on a system without an atomic
// exchange, a kill between "old aside" and "new in" leaves no public/;
// the next build, even a failing one, puts the last good site back.
func TestKillBetweenRenamesIsRepaired(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	aside := filepath.Join(dir, "public.old-999999999-1")
	os.MkdirAll(aside, 0o755)
	os.WriteFile(filepath.Join(aside, "index.html"), []byte("last good"), 0o644)
	os.WriteFile(filepath.Join(aside, Marker), []byte(markerText), 0o644)
	os.MkdirAll(filepath.Join(dir, "public.tmp-999999999-2"), 0o755)
	if _, err := Write(out, func(site.Emit) error { return errors.New("bad content") }); err == nil {
		t.Fatal("want the build's error")
	}
	if got := tree(t, out); got["index.html"] != "last good" {
		t.Errorf("public/ was not restored: %v", got)
	}
	if s := siblings(t, out); strings.Join(s, " ") != "public" {
		t.Errorf("left beside public/: %v", s)
	}
}

func TestSwapWithRenames(t *testing.T) {
	dir := t.TempDir()
	out, tmp := filepath.Join(dir, "public"), filepath.Join(dir, "public.tmp-1-x")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "f"), []byte("old"), 0o644)
	os.MkdirAll(tmp, 0o755)
	os.WriteFile(filepath.Join(tmp, "f"), []byte("new"), 0o644)
	aside, err := swapRenames(tmp, out)
	if err != nil {
		t.Fatal(err)
	}
	if got := tree(t, aside); got["f"] != "old" {
		t.Errorf("the previous site is not at %s: %v", aside, got)
	}
	os.RemoveAll(aside)
	if got := tree(t, out); got["f"] != "new" {
		t.Errorf("got %v", got)
	}
	if s := siblings(t, out); strings.Join(s, " ") != "public" {
		t.Errorf("left %v", s)
	}
}

// project writes a small project into a directory.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const acme = `---
company: Acme
role: Designer
applied: 2026-11-09
contact:
  name: Jane Schmoe
  email: jane@acme.example
  phone: "+1 617 555 0100"
rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
---
Private: they pay 20% below market.
`

var now = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func TestBuildIsReproducible(t *testing.T) {
	dir := writeProject(t, map[string]string{"content/acme.md": acme, "content/x/beta.md": strings.Replace(acme, "Acme", "Beta", 1)})
	res, err := Build(Options{Dir: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	first := tree(t, res.Out)
	if _, err := Build(Options{Dir: dir, Now: now}); err != nil {
		t.Fatal(err)
	}
	if !same(first, tree(t, res.Out)) {
		t.Error("two builds of the same inputs at the same --now differ")
	}
	for _, f := range []string{"index.html", "style.css", "site.js", "acme/index.html", "x/beta/index.html", Marker} {
		if _, ok := first[f]; !ok {
			t.Errorf("no %s in %v", f, first)
		}
	}
}

// buildsAsInMemory builds opt's project and fails unless the files on
// disk are exactly mem, what Files made.
func buildsAsInMemory(t *testing.T, opt Options, mem map[string][]byte) {
	t.Helper()
	res, err := Build(opt)
	if err != nil {
		t.Fatal(err)
	}
	disk := tree(t, res.Out)
	delete(disk, Marker)
	if len(mem) != len(disk) {
		t.Fatalf("%d files in memory, %d on disk", len(mem), len(disk))
	}
	for name, data := range mem {
		if disk[name] != string(data) {
			t.Errorf("%s differs between Files and Build", name)
		}
	}
}

func TestFilesIsTheSiteInMemory(t *testing.T) {
	dir := writeProject(t, map[string]string{"content/acme.md": acme})
	mem, err := Files(Options{Dir: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	buildsAsInMemory(t, Options{Dir: dir, Now: now}, mem)
}

func TestBadContentKeepsTheLastGoodSite(t *testing.T) {
	dir := writeProject(t, map[string]string{"content/acme.md": acme})
	res, err := Build(Options{Dir: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	before := tree(t, res.Out)
	os.WriteFile(filepath.Join(dir, "content", "acme.md"), []byte("---\ncompany: Acme\ninterveiwers: []\n"), 0o644)
	_, err = Build(Options{Dir: dir, Now: now})
	var el followup.ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("want content errors, got %v", err)
	}
	os.WriteFile(filepath.Join(dir, "content", "acme.md"), []byte(acme), 0o644)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.WriteFile(filepath.Join(dir, "layouts", "application.html"), []byte("{{define \"main\"}}{{.Nope}}{{end}}"), 0o644)
	if _, err := Build(Options{Dir: dir, Now: now}); err == nil || !strings.Contains(err.Error(), "layouts/application.html") {
		t.Fatalf("a broken layout: %v", err)
	}
	if !same(before, tree(t, res.Out)) {
		t.Error("a failed build changed public/")
	}
}

func TestPublicBuild(t *testing.T) {
	dir := writeProject(t, map[string]string{"content/acme.md": acme})
	if _, err := Build(Options{Dir: dir, Now: now, Public: true}); !errors.Is(err, ErrNoFeedKey) {
		t.Fatalf("a public build without a key: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a refused build wrote public/")
	}
	// A key shorter than 16 characters could be guessed.
	if _, err := Build(Options{Dir: dir, Now: now, Public: true, FeedKey: "short-key-15-ch"}); !errors.Is(err, ErrShortFeedKey) {
		t.Fatalf("a public build with a 15-character key: %v", err)
	}
	res, err := Build(Options{Dir: dir, Now: now, Public: true, FeedKey: "key-of-16-chars!"})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range tree(t, res.Out) {
		for _, s := range []string{"jane@acme.example", "617 555", "20% below", "Dear "} {
			if strings.Contains(text, s) {
				t.Errorf("public %s contains %q", name, s)
			}
		}
	}
	// public = true in followup.toml, the key from the environment.
	os.WriteFile(filepath.Join(dir, "followup.toml"), []byte("public = true\n"), 0o644)
	if _, err := Build(Options{Dir: dir, Now: now}); !errors.Is(err, ErrNoFeedKey) {
		t.Fatalf("public = true without a key: %v", err)
	}
	if res, err := Build(Options{Dir: dir, Now: now, FeedKey: "key-of-16-chars!"}); err != nil || !res.Config.Public {
		t.Fatalf("public = true with a key: %v", err)
	}
}

func TestOutputMustStayInsideTheProject(t *testing.T) {
	for _, o := range []string{".", "..", "../x", "/tmp/x", "content", "layouts/x", ".git"} {
		if _, err := outputDir("/p", o); err == nil {
			t.Errorf("output %q accepted", o)
		}
	}
	for _, o := range []string{"public", "site/public", "docs"} {
		if _, err := outputDir("/p", o); err != nil {
			t.Errorf("output %q: %v", o, err)
		}
	}
}

// A private build renders the notes while the files are parsed; the pages
// must be exactly what rendering them with the pages gives, and a public
// build must not render them at all.
func TestNotesRenderedWhileParsing(t *testing.T) {
	notes := "# Questions\n\nAsk about \"on-call\" -- and the [team](https://acme.example/team).[^1]\n\n" +
		"<script>alert(1)</script>\n\n- [ ] send the deck\n\n[^1]: From the recruiter.\n"
	dir := writeProject(t, map[string]string{
		"content/acme.md":    acme + notes,
		"content/beta.md":    strings.Replace(acme, "Acme", "Beta", 1)[:strings.Index(acme, "Private")] + "\n  \n",
		"content/x/gamma.md": strings.Replace(acme, "Acme", "Gamma", 1) + "# Questions\n",
	})
	opt := Options{Dir: dir, Now: now}
	res, err := prepare(opt)
	if err != nil {
		t.Fatal(err)
	}
	rendered := 0
	for _, a := range res.Project.Apps {
		if a.NotesHTML != "" {
			rendered++
			if a.Notes != nil {
				t.Errorf("%s: the notes' source is kept beside their HTML", a.Slug)
			}
		}
	}
	if rendered != 2 {
		t.Fatalf("%d applications have their notes rendered, want 2", rendered)
	}
	withHook, err := Files(opt)
	if err != nil {
		t.Fatal(err)
	}
	p, errs := project.Load(os.DirFS(dir), "", nil, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	without := map[string][]byte{}
	plan := schedule.Plan(p.Apps, p.Config.Policy, now)
	if err := Render(p, p.Config, plan, nil, func(name string, data []byte) error {
		without[name] = data
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(withHook) != len(without) {
		t.Fatalf("%d files against %d", len(withHook), len(without))
	}
	for name, data := range without {
		if string(withHook[name]) != string(data) {
			t.Errorf("%s differs when the notes are rendered while parsing", name)
		}
	}
	if page := string(withHook["acme/index.html"]); !strings.Contains(page, `id="note-acme-questions"`) || strings.Contains(page, "<script>alert") {
		t.Errorf("acme's notes are not rendered as expected:\n%s", page)
	}
	opt.Public, opt.FeedKey = true, "k3y-k3y-k3y-k3y-k3y"
	res, err = prepare(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Project.Apps {
		if a.NotesHTML != "" {
			t.Errorf("%s: a public build rendered the notes", a.Slug)
		}
	}
}

// A build reuses application pages' buffers once they are on disk; a page
// must never be overwritten before it is written. Hundreds of pages of
// different lengths (some past the buffers' 8 KB) must come out as Files
// makes them, without the pool.
func TestReusedBuffersNeverShowInTheSite(t *testing.T) {
	files := map[string]string{}
	for i := range 400 {
		notes := strings.Repeat(fmt.Sprintf("Note %d: they asked about *queues* and [latency](https://x.example/%d).\n\n", i, i), i%40)
		files[fmt.Sprintf("content/c%03d.md", i)] = strings.Replace(acme, "Acme", fmt.Sprintf("Company %03d", i), 1) + notes
	}
	dir := writeProject(t, files)
	opt := Options{Dir: dir, Now: now}
	want, err := Files(opt)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second build overwrites the back buffer in place
		buildsAsInMemory(t, opt, want)
	}
	big := 0
	for _, data := range want {
		if len(data) > 8<<10 {
			big++
		}
	}
	if big < 50 {
		t.Fatalf("only %d pages over 8 KB", big)
	}
}
