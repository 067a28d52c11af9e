package build

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/publish"
	"github.com/followup-tool/followup/internal/zone/zonetest"
)

func TestMain(m *testing.M) {
	zonetest.Pin()
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

// project writes a small project into a directory.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if link, ok := strings.CutPrefix(name, "@link "); ok {
			// A symbolic link named link, to data.
			if err := os.Symlink(data, filepath.Join(dir, link)); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			continue
		}
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
	if !maps.Equal(first, tree(t, res.Out)) {
		t.Error("two builds of the same inputs at the same --now differ")
	}
	for _, f := range []string{"index.html", "style.css", "site.js", "acme/index.html", "x/beta/index.html", publish.Marker} {
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
	delete(disk, publish.Marker)
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
	mem, _, err := Files(Options{Dir: dir, Now: now})
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
	if !maps.Equal(before, tree(t, res.Out)) {
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

// TestCheckReportsWhatBuildRejects: check runs build's pipeline into
// nothing, so every project build refuses is refused by check first,
// with the same positioned message, and a good one passes both.
func TestCheckReportsWhatBuildRejects(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string // in the message of both; "" for a good project
	}{
		{"good", map[string]string{"content/acme.md": acme}, ""},
		{"a slug that is the stylesheet", map[string]string{"content/acme.md": acme, "content/style.css.md": acme},
			"content/style.css.md:1:1: this application's page would be written to style.css/"},
		{"a slug inside another's page", map[string]string{"content/a.md": acme, "content/a/index.html.md": acme},
			"content/a/index.html.md:1:1: this application's page would be written to a/index.html/"},
		{"the feed's name", map[string]string{"content/calendar.ics.md": acme}, "content/calendar.ics.md:1:1:"},
		{"a broken index layout", map[string]string{"content/acme.md": acme, "layouts/index.html": "{{define \"main\"}}{{.Nope}}{{end}}"},
			"layouts/index.html:1:"},
		{"a recursive base", map[string]string{"content/acme.md": acme, "layouts/base.html": "{{define \"x\"}}{{template \"x\" .}}{{end}}{{template \"x\" .}}"},
			"layouts/base.html:1:"},
		{"output in the content", map[string]string{"content/acme.md": acme, "followup.toml": "output = \"content\"\n"},
			`followup.toml:1:10: output "content": that directory holds the project's own files`},
		{"output outside the project", map[string]string{"content/acme.md": acme, "followup.toml": "title = \"x\"\noutput = \"/tmp/site\"\n"},
			`followup.toml:2:10: output "/tmp/site": want a directory inside the project`},
		{"output through a link", map[string]string{"content/acme.md": acme, "followup.toml": "output = \"out/site\"\n", "@link out": ".."},
			`output "out/site": leads outside the project`},
		{"a draft that fails", map[string]string{"content/acme.md": acme, "layouts/drafts/thank-you.tmpl": "{{define \"subject\"}}{{.Nope}}{{end}}{{define \"body\"}}x{{end}}"},
			"layouts/drafts/thank-you.tmpl"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeProject(t, c.files)
			_, cerr := Check(Options{Dir: dir, Now: now})
			_, berr := Build(Options{Dir: dir, Now: now})
			if c.want == "" {
				if cerr != nil || berr != nil {
					t.Fatalf("check: %v\nbuild: %v", cerr, berr)
				}
				return
			}
			if cerr == nil || berr == nil {
				t.Fatalf("check: %v\nbuild: %v", cerr, berr)
			}
			for _, err := range []error{cerr, berr} {
				if !strings.Contains(err.Error(), c.want) {
					t.Errorf("%v\nwant %q", err, c.want)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, fs.ErrNotExist) {
				t.Error("a refused build wrote public/")
			}
		})
	}
}

// TestSampleWithoutTheThemeOnDisk: the repository's sample builds to
// the same bytes whether the top-level layouts/ is on disk (where it
// overrides the embedded copy file by file) or not: the binary carries
// the theme.
func TestSampleWithoutTheThemeOnDisk(t *testing.T) {
	root := filepath.Join("..", "..")
	disk := os.DirFS(root)
	bare := fstest.MapFS{}
	for _, top := range []string{"content", "followup.toml"} {
		fs.WalkDir(disk, top, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := fs.ReadFile(disk, p)
				bare[p] = &fstest.MapFile{Data: b}
			}
			return err
		})
	}
	with, _, err := Files(Options{FS: disk, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	without, _, err := Files(Options{FS: bare, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(with) != len(without) || len(with) < 10 {
		t.Fatalf("%d files with the theme on disk, %d without", len(with), len(without))
	}
	for name, b := range with {
		if string(without[name]) != string(b) {
			t.Errorf("%s differs with the theme on disk", name)
		}
	}
}

// TestGenerationIsTheConfigurationNotItsAddresses: two loads of one
// project have one generation, holidays and all (a holiday calendar is a
// new pointer on every load; printed by its address, every save in serve
// rendered every page again).
func TestGenerationIsTheConfigurationNotItsAddresses(t *testing.T) {
	fsys := fstest.MapFS{
		"followup.toml":   {Data: []byte("timezone = \"America/New_York\"\nholidays = \"US\"\nextra_holidays = [\"2026-12-24\", \"2026-12-31\"]\n")},
		"content/acme.md": {Data: []byte("---\ncompany: Acme\nrole: R\napplied: 2026-11-02\n---\n")},
	}
	gen := func(now time.Time) string {
		res, err := Plan(Options{FS: fsys, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return generation(res)
	}
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	first := gen(now)
	if first != gen(now.AddDate(1, 0, 0)) { // and the calendar has looked up another year
		t.Error("two loads of the same project have different generations")
	}
	fsys["followup.toml"] = &fstest.MapFile{Data: []byte("timezone = \"America/New_York\"\nholidays = \"US\"\nextra_holidays = [\"2026-12-24\"]\n")}
	if gen(now) == first {
		t.Error("a day less in extra_holidays is the same generation")
	}
}
