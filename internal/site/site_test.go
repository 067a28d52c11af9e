package site

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/zone/zonetest"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestMain(m *testing.M) {
	// Go's own zone data, so goldens agree on every machine
	//. Set before any zone is loaded.
	zonetest.Pin()
	os.Exit(runBrowserTests(m))
}

const fixtureNow = "2026-11-23T09:00:00-05:00"

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// fixtureFS reads testdata/fixture.txtar into an in-memory project.
func fixtureFS(t testing.TB) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/fixture.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func load(t testing.TB, fsys fs.FS) *project {
	t.Helper()
	p, errs := loadProject(fsys)
	if len(errs) > 0 {
		t.Fatalf("loading the project:\n%v", errs)
	}
	return p
}

// build renders p at now into memory.
func build(t testing.TB, p *project, public bool, now time.Time) map[string][]byte {
	t.Helper()
	out, err := buildErr(p, public, now)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func buildErr(p *project, public bool, now time.Time) (map[string][]byte, error) {
	cfg := p.Config
	cfg.Public = public
	out := map[string][]byte{}
	err := renderSite(Input{
		Config: cfg,
		Apps:   p.Apps,
		Plan:   schedule.Plan(p.Apps, cfg.Policy, now),
		Drafts: p.Drafts,
		Theme:  p.Theme,
	}, func(name string, data []byte) error {
		if _, dup := out[name]; dup {
			return fmt.Errorf("emitted twice: %s", name)
		}
		out[name] = data
		return nil
	})
	return out, err
}

func names(site map[string][]byte) []string {
	var n []string
	for k := range site {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// TestGolden pins the HTML of the fixture, private and public. Refresh
// with go test ./internal/site -run TestGolden -update.
func TestGolden(t *testing.T) {
	p := load(t, fixtureFS(t))
	for _, public := range []bool{false, true} {
		name := "private"
		if public {
			name = "public"
		}
		t.Run(name, func(t *testing.T) {
			site := build(t, p, public, mustTime(t, fixtureNow))
			ar := &txtar.Archive{Comment: []byte("followup build of testdata/fixture.txtar at " + fixtureNow + " (" + name + ")\n")}
			for _, n := range names(site) {
				if strings.HasSuffix(n, ".html") {
					ar.Files = append(ar.Files, txtar.File{Name: n, Data: site[n]})
				}
			}
			got := txtar.Format(ar)
			path := filepath.Join("testdata", "golden", name+".txtar")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the build; run go test -run TestGolden -update and review the diff\n%s", path, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, a, b)
		}
	}
	return ""
}

func TestSameInputsGiveSameBytes(t *testing.T) {
	p := load(t, fixtureFS(t))
	now := mustTime(t, fixtureNow)
	a := build(t, p, false, now)
	// The same applications in another order.
	for i, j := 0, len(p.Apps)-1; i < j; i, j = i+1, j-1 {
		p.Apps[i], p.Apps[j] = p.Apps[j], p.Apps[i]
	}
	b := build(t, p, false, now)
	if strings.Join(names(a), " ") != strings.Join(names(b), " ") {
		t.Fatalf("files differ: %v vs %v", names(a), names(b))
	}
	for _, n := range names(a) {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s differs between two builds of the same inputs", n)
		}
	}
}

func TestSiteFiles(t *testing.T) {
	site := build(t, load(t, fixtureFS(t)), false, mustTime(t, fixtureNow))
	want := "acme/index.html archive/bluefin/index.html cove/index.html delta/index.html echo/index.html index.html site.js style.css"
	if got := strings.Join(names(site), " "); got != want {
		t.Errorf("files:\n got %s\nwant %s", got, want)
	}
}

// TestLinksAreRelative: every href and src is relative (or an external
// scheme), and every relative one names a file of the site, so the site
// works from file://, at a root and under a subpath.
func TestLinksAreRelative(t *testing.T) {
	site := build(t, load(t, fixtureFS(t)), false, mustTime(t, fixtureNow))
	re := regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	for _, n := range names(site) {
		if !strings.HasSuffix(n, ".html") {
			continue
		}
		for _, m := range re.FindAllStringSubmatch(string(site[n]), -1) {
			link := html.UnescapeString(m[1])
			switch {
			case link == "":
				// goldmark's answer to a javascript: link in the notes
				if n != "acme/index.html" {
					t.Errorf("%s: empty link", n)
				}
				continue
			case link == "data:,", strings.HasPrefix(link, "#"), strings.HasPrefix(link, "mailto:"), strings.HasPrefix(link, "tel:"),
				strings.HasPrefix(link, "https://"), strings.HasPrefix(link, "webcal://"):
				continue
			case strings.HasPrefix(link, "/"):
				t.Errorf("%s: absolute link %q", n, link)
				continue
			}
			target, _, _ := strings.Cut(link, "#")
			resolved := filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(n), target)))
			if _, ok := site[resolved]; !ok && !strings.HasSuffix(resolved, ".ics") {
				t.Errorf("%s: link %q leads to %s, which the site does not have", n, link, resolved)
			}
		}
	}
}

func TestUserTextIsInert(t *testing.T) {
	site := build(t, load(t, fixtureFS(t)), false, mustTime(t, fixtureNow))
	acme := string(site["acme/index.html"])
	for _, bad := range []string{"<script>alert", "javascript:", "JaVaScRiPt:", "onerror=", `onerror="`} {
		if strings.Contains(strings.ToLower(acme), strings.ToLower(bad)) {
			t.Errorf("acme page contains %q", bad)
		}
	}
	if !strings.Contains(acme, "<strong>timber pavilion</strong>") {
		t.Error("the notes' markdown was not rendered")
	}
	if !strings.Contains(acme, `id="note-acme-fn:1"`) && !strings.Contains(acme, `id="note-acme-fn-1"`) {
		t.Errorf("footnote ids lack the page's prefix:\n%s", acme)
	}
	blue := string(site["archive/bluefin/index.html"])
	if strings.Contains(blue, "javascript:") {
		t.Error("a javascript: posting URL reached the page")
	}
	if !strings.Contains(blue, "Bluefin &lt;b&gt;Bank&lt;/b&gt;") {
		t.Error("the company name was not escaped")
	}
	index := string(site["index.html"])
	if strings.Contains(index, "<b>Bank</b>") || !strings.Contains(index, "Fixture &lt;search&gt; &amp; co") {
		t.Error("user text on the index is not escaped")
	}
}

// privateStrings is what a public build must not contain: every email,
// phone, note, log note, learned and heard text, and every sentence of
// every draft.
func privateStrings(t *testing.T, p *project, now time.Time) []string {
	t.Helper()
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); len(s) >= 6 {
			out = append(out, s)
		}
	}
	person := func(pp followup.Person) { add(pp.Email); add(pp.Phone) }
	for _, a := range p.Apps {
		if a.Contact != nil {
			person(*a.Contact)
		}
		for _, r := range a.Rounds {
			add(r.Learned)
			for _, iv := range r.Interviewers {
				person(iv.Person)
			}
		}
		for _, e := range a.Log {
			add(e.Heard)
			add(e.Note)
		}
		for _, line := range strings.Split(string(a.Notes), "\n") {
			if len(line) > 24 {
				add(line)
			}
		}
	}
	plan := schedule.Plan(p.Apps, p.Config.Policy, now)
	for i := range plan.Actions {
		a := &plan.Actions[i]
		d, err := p.Drafts.Render(a, plan.Status[a.App.Slug].Stage, p.Config.Owner)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(d.Body, "\n") {
			// Whole sentences only: greetings and signatures repeat on
			// purpose elsewhere ("Best regards").
			if len(line) > 40 {
				add(line)
			}
		}
	}
	return out
}

func checkPublic(t *testing.T, p *project, now time.Time) {
	t.Helper()
	site := build(t, p, true, now)
	secrets := privateStrings(t, p, now)
	if len(secrets) == 0 {
		t.Fatal("found nothing private to look for")
	}
	for _, n := range names(site) {
		text := html.UnescapeString(string(site[n]))
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("public %s contains private text %q", n, s)
			}
		}
		for _, s := range []string{"mailto:", "tel:", "calendar.ics", "calendar-", `class="draft"`, `id="notes"`} {
			if strings.Contains(text, s) {
				t.Errorf("public %s contains %q", n, s)
			}
		}
	}
}

func TestPublicBuildLeavesOutPrivateData(t *testing.T) {
	t.Run("fixture", func(t *testing.T) {
		checkPublic(t, load(t, fixtureFS(t)), mustTime(t, fixtureNow))
	})
	t.Run("sample", func(t *testing.T) {
		root := filepath.Join("..", "..")
		if _, err := os.Stat(filepath.Join(root, "content")); err != nil {
			t.Skip("no sample project in the repository")
		}
		checkPublic(t, load(t, os.DirFS(root)), mustTime(t, fixtureNow))
	})
}

func TestMailtoCarriesTheDraft(t *testing.T) {
	p := load(t, fixtureFS(t))
	now := mustTime(t, fixtureNow)
	site := build(t, p, false, now)
	page := string(site["acme/index.html"])
	m := regexp.MustCompile(`href="(mailto:[^"]*)"`).FindAllStringSubmatch(page, -1)
	var hrefs []string
	for _, x := range m {
		if strings.Contains(x[1], "?subject=") {
			hrefs = append(hrefs, html.UnescapeString(x[1]))
		}
	}
	if len(hrefs) != 1 {
		t.Fatalf("want one mailto: with a draft on the acme page (Dr. Lee prefers a letter), got %d", len(hrefs))
	}
	plan := schedule.Plan(p.Apps, p.Config.Policy, now)
	var want struct{ subject, body string }
	for i := range plan.Actions {
		a := &plan.Actions[i]
		if a.ID == "acme/thank-you/r1/jane-schmoe" {
			d, err := p.Drafts.Render(a, plan.Status["acme"].Stage, p.Config.Owner)
			if err != nil {
				t.Fatal(err)
			}
			want.subject, want.body = d.Subject, d.Body
		}
	}
	addr, query, _ := strings.Cut(strings.TrimPrefix(hrefs[0], "mailto:"), "?")
	if addr != "jane.schmoe@acme.example" {
		t.Errorf("address %q", addr)
	}
	if strings.Contains(query, "+") {
		t.Errorf("the query has a +, which mail clients show literally: %s", query)
	}
	got := map[string]string{}
	for _, kv := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(kv, "=")
		dec, err := url.PathUnescape(v)
		if err != nil {
			t.Fatal(err)
		}
		got[k] = dec
	}
	if got["subject"] != want.subject || got["body"] != want.body {
		t.Errorf("mailto decodes to\nsubject %q\nbody %q\nwant\nsubject %q\nbody %q", got["subject"], got["body"], want.subject, want.body)
	}
}

func TestSubscribeBox(t *testing.T) {
	now := mustTime(t, fixtureNow)
	t.Run("base_url and key: the published feed", func(t *testing.T) {
		site := build(t, load(t, fixtureFS(t)), false, now)
		index := string(site["index.html"])
		for _, s := range []string{
			`href="https://sam.example/jobs/calendar-`,
			`href="webcal://sam.example/jobs/calendar-`,
			`href="https://calendar.google.com/calendar/r?cid=https%3a%2f%2fsam.example%2fjobs%2fcalendar-`,
			`<a href="calendar.ics">calendar.ics</a>`,
			"Other calendars",
		} {
			if !strings.Contains(index, s) {
				t.Errorf("index lacks %s", s)
			}
		}
		if !strings.Contains(string(site["archive/bluefin/index.html"]), `<a href="calendar.ics">calendar.ics</a>`) {
			t.Error("an application page does not link its own feed")
		}
	})
	t.Run("no base_url: relative, no subscribe links", func(t *testing.T) {
		fsys := fixtureFS(t)
		fsys["followup.toml"] = &fstest.MapFile{Data: []byte("timezone = \"America/New_York\"\n")}
		site := build(t, load(t, fsys), false, now)
		index := string(site["index.html"])
		if !strings.Contains(index, `id="feed-link" href="calendar.ics"`) {
			t.Error("the feed link is not relative")
		}
		if strings.Contains(index, "webcal:") || strings.Contains(index, "calendar.google.com") {
			t.Error("subscribe links without base_url")
		}
		page := string(site["archive/bluefin/index.html"])
		if !strings.Contains(page, `href="../../index.html#subscribe"`) {
			t.Error("a nested page's link to the subscribe box does not climb to the root")
		}
	})
}

func TestLayoutsOverride(t *testing.T) {
	fsys := fixtureFS(t)
	fsys["layouts/style.css"] = &fstest.MapFile{Data: []byte("body{color:red}\n")}
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p>{{.Open}} open</p>{{end}}`)}
	site := build(t, load(t, fsys), false, mustTime(t, fixtureNow))
	if string(site["style.css"]) != "body{color:red}\n" {
		t.Error("layouts/style.css did not replace the stylesheet")
	}
	if !regexp.MustCompile(`<main id="main" class="wrap">\s*<p>\d+ open</p>\s*</main>`).Match(site["index.html"]) {
		t.Errorf("layouts/index.html did not replace the index:\n%s", site["index.html"])
	}
	if !strings.Contains(string(site["acme/index.html"]), "Open actions") {
		t.Error("the default application layout is gone")
	}
}

// TestFormerlyEmbeddedNames: Page, PersonView and AppLink were embedded
// in the views, so a theme may name them; they are fields of their own
// now, and the old names still give the same values.
func TestFormerlyEmbeddedNames(t *testing.T) {
	fsys := fixtureFS(t)
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p>{{.Page.Title}}={{.Title}}</p>{{range .Rows}}<i>{{.AppLink.Href}}={{.Href}}</i>{{end}}{{end}}`)}
	fsys["layouts/application.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p>{{.Page.Root}}={{.Root}}</p>{{range .App.Rounds}}{{range .Interviewers}}<i>{{.PersonView.Full}}={{.Full}}</i>{{end}}{{end}}{{end}}`)}
	site := build(t, load(t, fsys), false, mustTime(t, fixtureNow))
	pair := regexp.MustCompile(`<(p|i)>([^=<]*)=([^<]*)</(p|i)>`)
	for _, page := range []string{"index.html", "acme/index.html"} {
		found := map[string]bool{}
		for _, m := range pair.FindAllStringSubmatch(string(site[page]), -1) {
			found[m[1]] = true
			if m[2] != m[3] || m[2] == "" && m[1] == "i" {
				t.Errorf("%s: %s", page, m[0])
			}
		}
		if !found["p"] || !found["i"] {
			t.Errorf("%s: a name is missing:\n%s", page, site[page])
		}
	}
}

func TestBrokenLayoutIsAPositionedError(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"parse": {"{{define \"main\"}}\n<p>{{.Open}</p>{{end}}", "layouts/index.html:2:"},
		"exec":  {"{{define \"main\"}}\n\n<p>{{.Nope}}</p>{{end}}", "layouts/index.html:3:"},
		"main":  {"<p>no main</p>", "layouts/index.html:1:1: missing"},
	} {
		t.Run(name, func(t *testing.T) {
			fsys := fixtureFS(t)
			fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(tc.src)}
			_, err := buildErr(load(t, fsys), false, mustTime(t, fixtureNow))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want it to start with %q", err, tc.want)
			}
		})
	}
}

func TestMarkdownIDs(t *testing.T) {
	h, err := markdown([]byte("# Questions\n\n## 日本 café\n\n# Questions\n\nA note.[^a]\n\n[^a]: Footnote.\n"), "note-x-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="note-x-questions"`, `id="note-x-日本-café"`, `id="note-x-questions-1"`, `note-x-fn`} {
		if !strings.Contains(string(h), want) {
			t.Errorf("want %s in\n%s", want, h)
		}
	}
}

func TestBucketsMatchTheAgendaCommand(t *testing.T) {
	p := load(t, fixtureFS(t))
	now := mustTime(t, fixtureNow)
	plan := schedule.Plan(p.Apps, p.Config.Policy, now)
	got := map[string]string{}
	for i := range plan.Actions {
		got[plan.Actions[i].ID] = string(schedule.BucketOf(&plan.Actions[i], now))
	}
	want := map[string]string{
		"acme/thank-you/r1/jane-schmoe":     BucketToday, // the round is over: write it now
		"acme/thank-you/r1/robert-lee":      BucketToday,
		"archive/bluefin/after-rejection/1": BucketOverdue,
		"delta/check-in/1":                  BucketWeek,
		"echo/thank-you/r1/eve-stone":       BucketLater,
	}
	if len(got) != len(want) {
		t.Errorf("actions %v, want %v", got, want)
	}
	for id, b := range want {
		if got[id] != b {
			t.Errorf("%s: bucket %q, want %q (all: %v)", id, got[id], b, got)
		}
	}
}

// TestShortDayIsFormat: shortDay writes the date itself; it must say what
// time.Format says.
func TestShortDayIsFormat(t *testing.T) {
	for _, y := range []int{1, 999, 1000, 2026, 9999, 10000} {
		for m := time.Month(0); m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				dt := followup.Date{Year: y, Month: m, Day: d}
				want := ""
				if !dt.IsZero() {
					want = dt.Noon().Format("Jan 2, 2006")
				}
				if got := shortDay(dt); got != want {
					t.Fatalf("shortDay(%v) = %q, want %q", dt, got, want)
				}
			}
		}
	}
}
