package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

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

func files(m map[string]string) func(Emit) error {
	return func(emit Emit) error {
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
	if _, err := Write(out, true, files(map[string]string{"index.html": "one", "a/index.html": "a1", "gone.txt": "x"})); err != nil {
		t.Fatal(err)
	}
	n, err := Write(out, true, files(map[string]string{"index.html": "two", "a/index.html": "a2"}))
	if err != nil || n != 2 {
		t.Fatalf("Write: %d, %v", n, err)
	}
	want := map[string]string{"index.html": "two", "a/index.html": "a2", Marker: markerFor(true)}
	if got := tree(t, out); !maps.Equal(got, want) {
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
	for name, fill := range map[string]func(Emit) error{
		"fill fails halfway": func(emit Emit) error {
			if err := emit("index.html", []byte("half")); err != nil {
				return err
			}
			return errors.New("layouts/index.html:3:1: broken")
		},
		"write fails (disk full)": func(emit Emit) error {
			return fmt.Errorf("writing index.html: %w", syscall.ENOSPC)
		},
		"bad path":       func(emit Emit) error { return emit("../escape.html", nil) },
		"duplicate path": func(emit Emit) error { emit("a.html", nil); return emit("a.html", nil) },
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Write(out, true, files(map[string]string{"index.html": "good", "x/index.html": "good x"})); err != nil {
				t.Fatal(err)
			}
			before := tree(t, out)
			if _, err := Write(out, true, fill); err == nil {
				t.Fatal("the failing build succeeded")
			}
			if after := tree(t, out); !maps.Equal(before, after) {
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
	_, err := Write(out, true, files(map[string]string{"index.html": "x"}))
	if err == nil || !strings.Contains(err.Error(), "not written by followup") {
		t.Fatalf("err = %v", err)
	}
	if got := tree(t, out); !maps.Equal(got, map[string]string{"mine.md": "keep me"}) {
		t.Errorf("the directory changed: %v", got)
	}
}

// hangInBuild is the child of TestKillDuringBuild: it starts a build that
// writes two files, says so, and waits to be killed.
func hangInBuild(out string) {
	Write(out, true, func(emit Emit) error {
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
	if _, err := Write(out, true, files(map[string]string{"index.html": "good"})); err != nil {
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
	if after := tree(t, out); !maps.Equal(before, after) {
		t.Errorf("kill -9 mid-build changed the site: %v", after)
	}
	if len(siblings(t, out)) != 2 {
		t.Fatalf("expected the killed build's temporary directory beside public/: %v", siblings(t, out))
	}
	if _, err := Write(out, true, files(map[string]string{"index.html": "next"})); err != nil {
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
	prev := out + prevSuffix
	first := map[string]string{
		"index.html":        "one, a longer page than the next",
		"a/index.html":      "a1, longer than the third build's", // overwritten in place and cut
		"gone/index.html":   "g",
		"gone/deep/x.ics":   "x",
		"a/calendar.ics":    "feed",
		"becomes-dir":       "file",
		"b/becomes-file/in": "in",
	}
	for _, m := range []map[string]string{first, {"index.html": "two"}} {
		if _, err := Write(out, true, files(m)); err != nil {
			t.Fatal(err)
		}
	}
	ino := func(p string) uint64 {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return inode(st)
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
	if _, err := Write(out, true, files(third)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{Marker: markerFor(true)}
	for k, v := range third {
		want[k] = v
	}
	if got := tree(t, out); !maps.Equal(got, want) {
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
		if _, err := Write(out, true, files(map[string]string{"index.html": v})); err != nil {
			t.Fatal(err)
		}
	}
	for _, fill := range []func(Emit) error{
		func(Emit) error { return errors.New("bad content") },
		func(emit Emit) error {
			if err := emit("index.html", []byte("half")); err != nil {
				return err
			}
			return errors.New("broken layout")
		},
	} {
		if _, err := Write(out, true, fill); err == nil {
			t.Fatal("want the fill's error")
		}
		if s := siblings(t, out); strings.Join(s, " ") != "public public.prev" {
			t.Errorf("after a failed build: %v", s)
		}
		if got := tree(t, out); got["index.html"] != "two" {
			t.Errorf("public/ changed: %v", got)
		}
	}
	if _, err := Write(out, true, files(map[string]string{"index.html": "three"})); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out+prevSuffix); got["index.html"] != "two" {
		t.Errorf("back buffer after the next good build: %v", got)
	}
}

// TestNoPrivateBackBufferBesidePublic: after a private build, a public
// one does not keep the private site around.
func TestNoPrivateBackBufferBesidePublic(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, private := range []bool{true, false, false} {
		if _, err := Write(out, private, files(map[string]string{"index.html": fmt.Sprint(private)})); err != nil {
			t.Fatal(err)
		}
		if s := siblings(t, out); strings.Join(s, " ") != "public" && private {
			t.Errorf("after the first build: %v", s)
		}
	}
	// The second build replaced a private site: not kept. The third
	// replaced a public one: kept.
	got := tree(t, out+prevSuffix)
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
	os.MkdirAll(out+prevSuffix, 0o755)
	os.WriteFile(filepath.Join(out+prevSuffix, "mine.txt"), []byte("mine"), 0o644)
	if _, err := Write(out, true, files(map[string]string{"index.html": "one"})); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out+prevSuffix); got["mine.txt"] != "mine" || len(got) != 1 {
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
	os.WriteFile(filepath.Join(dir, "public.tmp-999999999-2", Marker), []byte(markerText+stagingNote), 0o644)
	if _, err := Write(out, true, func(Emit) error { return errors.New("bad content") }); err == nil {
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

// TestUsersLookalikeDirectoriesAreNeverTouched: directories of the
// user's whose names look like publish's own (public.old-2025,
// public.tmp-31337-keep, public.old-2024 with no public/ beside it) are
// neither removed nor moved: only what carries the marker is publish's.
func TestUsersLookalikeDirectoriesAreNeverTouched(t *testing.T) {
	for _, withPublic := range []bool{true, false} {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		if withPublic {
			if _, err := Write(out, true, files(map[string]string{"index.html": "one"})); err != nil {
				t.Fatal(err)
			}
		}
		mine := []string{"public.old-2025", "public.tmp-31337-keep", "public.old-2024", "public.tmp-1-x", "public.old-1-1"}
		for _, m := range mine {
			os.MkdirAll(filepath.Join(dir, m), 0o755)
			os.WriteFile(filepath.Join(dir, m, "mine.txt"), []byte(m), 0o644)
		}
		if _, err := Write(out, true, files(map[string]string{"index.html": "two"})); err != nil {
			t.Fatal(err)
		}
		for _, m := range mine {
			if got := tree(t, filepath.Join(dir, m)); got["mine.txt"] != m || len(got) != 1 {
				t.Errorf("public/ present %v: %s now holds %v", withPublic, m, got)
			}
		}
		if got := tree(t, out); got["index.html"] != "two" || got["mine.txt"] != "" {
			t.Errorf("public/ present %v: public/ holds %v", withPublic, got)
		}
	}
}

// TestResolveStaysInsideTheProject: output names and symbolic links
// that lead outside the project, or into its own files, are refused.
func TestResolveStaysInsideTheProject(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on windows")
	}
	base := t.TempDir()
	project := filepath.Join(base, "project")
	outside := filepath.Join(base, "outside")
	os.MkdirAll(filepath.Join(project, "content"), 0o755)
	os.MkdirAll(outside, 0o755)
	os.Symlink("../outside", filepath.Join(project, "sub"))
	os.Symlink("content", filepath.Join(project, "linkc"))
	os.Symlink(outside, filepath.Join(project, "abs"))
	os.Symlink("content", filepath.Join(project, "pubsym"))
	for _, c := range []struct {
		output string
		ok     bool
	}{
		{"public", true},
		{"site/public", true},
		{"sub/public", false},
		{"linkc/public", false},
		{"abs", false},
		{"pubsym", false},
		{"../outside", false},
		{"/tmp/x", false},
		{".", false},
		{"content", false},
		{"layouts/x", false},
		{".git", false},
		// As a case-insensitive file system and Windows read names.
		{"Content", false},
		{"LAYOUTS/x", false},
		{"content.", false},
		{".Git", false},
		{"contents", true},
		{" public", false},
		{"public ", false},
		{"", false},
	} {
		got, err := Resolve(project, c.output)
		if (err == nil) != c.ok {
			t.Errorf("Resolve(%q) = %q, %v; want ok %v", c.output, got, err, c.ok)
		}
	}
}
