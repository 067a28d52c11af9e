package site

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// sample is the repository's sample search when there is one (the richest
// content), else the fixture.
func sample(t *testing.T) *project {
	t.Helper()
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
		return load(t, os.DirFS(root))
	}
	return load(t, fixtureFS(t))
}

// fakeClock makes the page's Date say the instant now.
func fakeClock(now time.Time) string {
	return fmt.Sprintf(`(() => {
  const fixed = %d, Real = Date;
  function FakeDate(...a) {
    if (!new.target) return new Real(fixed).toString();
    return a.length ? new Real(...a) : new Real(fixed);
  }
  FakeDate.prototype = Real.prototype;
  FakeDate.now = () => fixed;
  FakeDate.UTC = Real.UTC;
  FakeDate.parse = Real.parse;
  window.Date = FakeDate;
})();`, now.UnixMilli())
}

func TestBrowserPagesLoadWithoutConsoleErrors(t *testing.T) {
	p := sample(t)
	now := mustTime(t, fixtureNow)
	for _, public := range []bool{false, true} {
		site := build(t, p, public, now)
		dir := writeSite(t, site)
		tb := newTab(t)
		for _, n := range names(site) {
			if !strings.HasSuffix(n, ".html") {
				continue
			}
			tb.open("file://" + filepath.Join(dir, filepath.FromSlash(n)))
			if !eval[bool](tb, `typeof window.followup === "object" && document.styleSheets.length === 1 && getComputedStyle(document.body).fontFamily.includes("system-ui")`) {
				t.Errorf("%s (public=%v): the script or the stylesheet did not load", n, public)
			}
		}
		if probs := tb.consoleProblems(); len(probs) > 0 {
			t.Errorf("public=%v: console:\n%s", public, strings.Join(probs, "\n"))
		}
	}
}

type jsAction struct {
	ID      string `json:"id"`
	Bucket  string `json:"bucket"`
	Section string `json:"section"`
}

const readAgenda = `Array.from(document.querySelectorAll('[data-due]')).map(el => ({
  id: el.dataset.id, bucket: el.dataset.bucket,
  section: (el.closest('[data-bucket-name]') || {dataset: {}}).dataset.bucketName || ''
}))`

// TestBrowserAgendaFollowsTheViewersClock opens the index as if 3 days
// (and 10 days) had passed since the build: every action must sit in the
// bucket the Go rule gives for that moment, and some must have moved.
func TestBrowserAgendaFollowsTheViewersClock(t *testing.T) {
	p := sample(t)
	built := mustTime(t, fixtureNow)
	site := build(t, p, false, built)
	dir := writeSite(t, site)
	plan := schedule.Plan(p.Apps, p.Config.Policy, built)
	for _, shift := range []time.Duration{0, 3 * 24 * time.Hour, 10 * 24 * time.Hour} {
		t.Run(fmt.Sprintf("+%v", shift), func(t *testing.T) {
			viewer := built.Add(shift)
			tb := newTab(t)
			tb.beforeLoad(fakeClock(viewer))
			tb.open("file://" + filepath.Join(dir, "index.html"))
			got := eval[[]jsAction](tb, readAgenda)
			if len(got) != len(plan.Actions) {
				t.Fatalf("%d actions on the page, %d in the plan", len(got), len(plan.Actions))
			}
			byID := map[string]jsAction{}
			for _, a := range got {
				byID[a.ID] = a
			}
			moved := 0
			for i := range plan.Actions {
				a := &plan.Actions[i]
				// The Go rule at the viewer's moment (Overdue as the plan
				// would compute it then).
				b := *a
				b.Overdue = bucketAt(a, viewer)
				want := string(schedule.BucketOf(&b, viewer))
				js := byID[a.ID]
				if js.Bucket != want || js.Section != want {
					t.Errorf("%s at %s: page puts it in %q (section %q), want %q", a.ID, viewer.Format(time.RFC3339), js.Bucket, js.Section, want)
				}
				if want != string(schedule.BucketOf(a, built)) {
					moved++
				}
			}
			if shift > 0 && moved == 0 {
				t.Errorf("no action changes bucket %v after the build: the test proves nothing", shift)
			}
			counts := eval[map[string]string](tb, `Object.fromEntries(Array.from(document.querySelectorAll('[data-bucket-name]')).map(s => [s.dataset.bucketName, s.querySelector('[data-count]').textContent]))`)
			n := map[string]int{}
			for _, a := range got {
				n[a.Section]++
			}
			for _, b := range []string{BucketOverdue, BucketToday, BucketWeek, BucketLater} {
				if counts[b] != fmt.Sprint(n[b]) {
					t.Errorf("bucket %s shows count %s, holds %d", b, counts[b], n[b])
				}
			}
			if probs := tb.consoleProblems(); len(probs) > 0 {
				t.Errorf("console:\n%s", strings.Join(probs, "\n"))
			}
		})
	}
}

// TestBrowserBucketsAgreeWithGoAcrossThreeWeeks moves the page's clock in
// 6-hour steps through three weeks after the build (by calling the
// script's rebucket, which a page load does with the real clock) and
// compares every action's bucket with the Go rule, so the day edges of
// every zone in the sample are crossed.
func TestBrowserBucketsAgreeWithGoAcrossThreeWeeks(t *testing.T) {
	p := sample(t)
	built := mustTime(t, fixtureNow)
	dir := writeSite(t, build(t, p, false, built))
	plan := schedule.Plan(p.Apps, p.Config.Policy, built)
	tb := newTab(t)
	tb.open("file://" + filepath.Join(dir, "index.html"))
	order := map[string]int{}
	for i, a := range plan.Actions {
		order[a.ID] = i
	}
	for step := 0; step <= 21*4; step++ {
		viewer := built.Add(time.Duration(step) * 6 * time.Hour)
		got := eval[[]jsAction](tb, fmt.Sprintf("window.followup.rebucket(new Date(%d)), %s", viewer.UnixMilli(), readAgenda))
		byID := map[string]jsAction{}
		for _, a := range got {
			byID[a.ID] = a
		}
		for i := range plan.Actions {
			a := plan.Actions[i]
			a.Overdue = bucketAt(&a, viewer)
			if want := string(schedule.BucketOf(&a, viewer)); byID[a.ID].Bucket != want || byID[a.ID].Section != want {
				t.Errorf("%s at %s: page says %q, Go says %q", a.ID, viewer.Format(time.RFC3339), byID[a.ID].Bucket, want)
			}
		}
		// Within a bucket the actions keep the plan's order (by due
		// moment), however they moved there.
		last := map[string]int{}
		for _, a := range got {
			at := order[a.ID]
			if prev, ok := last[a.Section]; ok && at < prev {
				t.Errorf("at %s: %s is after an action due later in %q", viewer.Format(time.RFC3339), a.ID, a.Section)
			}
			last[a.Section] = at
		}
	}
}

// bucketAt is the plan's Overdue rule at another moment (docs/rules.md): a
// thank-you's deadline has passed, or a day action's day is over.
func bucketAt(a *followup.Action, now time.Time) bool {
	if !a.AllDay {
		return a.Due.Before(now)
	}
	return !now.Before(a.Day.AddDays(1).In(a.App.Loc))
}

// draftPage finds an application page of the sample with an email
// action and a recipient address, and the action's draft.
func draftPage(t *testing.T, p *project, now time.Time) (slug, id, subject, body string) {
	t.Helper()
	plan := schedule.Plan(p.Apps, p.Config.Policy, now)
	for i := range plan.Actions {
		a := &plan.Actions[i]
		if a.Channel == "email" && a.To != nil && a.To.Email != "" {
			d, err := p.Drafts.Render(a, plan.Status[a.App.Slug].Stage, p.Config.Owner)
			if err != nil {
				t.Fatal(err)
			}
			return a.App.Slug, a.ID, d.Subject, d.Body
		}
	}
	t.Fatal("the sample has no email action with an address")
	return
}

func TestBrowserCopyButtonCopiesTheDraft(t *testing.T) {
	p := sample(t)
	now := mustTime(t, fixtureNow)
	slug, id, _, body := draftPage(t, p, now)
	base := serveUnder(t, writeSite(t, build(t, p, false, now)), "/me/jobs/")
	tb := newTab(t)
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: perm, AllowWithoutSanitization: true},
			Setting:    browser.PermissionSettingGranted,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tb.open(base + slug + "/index.html")
	anchor := "do-" + strings.TrimPrefix(id, slug+"/")
	sel := fmt.Sprintf(`button[data-copy=%q]`, anchor+"/body")
	if !eval[bool](tb, fmt.Sprintf(`!document.querySelector(%q).hidden`, sel)) {
		t.Fatal("the copy button is still hidden after the script ran")
	}
	tb.do(chromedp.Click(chromedp.CSS(sel)))
	copied := eval[string](tb, `navigator.clipboard.readText()`)
	if copied != body {
		t.Errorf("the clipboard holds\n%q\nwant the draft\n%q", copied, body)
	}
	if label := eval[string](tb, fmt.Sprintf(`document.querySelector(%q).textContent`, sel)); label != "Copied" {
		t.Errorf("the button says %q after copying", label)
	}
	if probs := tb.consoleProblems(); len(probs) > 0 {
		t.Errorf("console:\n%s", strings.Join(probs, "\n"))
	}
}

func TestBrowserMailtoLinkDecodesToTheDraft(t *testing.T) {
	p := sample(t)
	now := mustTime(t, fixtureNow)
	slug, id, subject, body := draftPage(t, p, now)
	dir := writeSite(t, build(t, p, false, now))
	tb := newTab(t)
	tb.open("file://" + filepath.Join(dir, filepath.FromSlash(slug), "index.html"))
	anchor := "do-" + strings.TrimPrefix(id, slug+"/")
	href := eval[string](tb, fmt.Sprintf(`document.getElementById(%q).querySelector('a.mailto').getAttribute('href')`, anchor))
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "mailto" {
		t.Fatalf("href %q: %v", href, err)
	}
	if strings.Contains(u.RawQuery, "+") {
		t.Errorf("the query has a + (spaces must be %%20): %s", u.RawQuery)
	}
	got := map[string]string{}
	for _, kv := range strings.Split(u.RawQuery, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if got[k], err = url.PathUnescape(v); err != nil {
			t.Fatal(err)
		}
	}
	if got["subject"] != subject || got["body"] != body {
		t.Errorf("mailto decodes to %q / %q\nwant %q / %q", got["subject"], got["body"], subject, body)
	}
}

func TestBrowserTableSorts(t *testing.T) {
	p := sample(t)
	dir := writeSite(t, build(t, p, false, mustTime(t, fixtureNow)))
	tb := newTab(t)
	tb.open("file://" + filepath.Join(dir, "index.html"))
	column := func(i int) []string {
		return eval[[]string](tb, fmt.Sprintf(`Array.from(document.querySelectorAll('#pipeline-table tbody tr')).map(r => r.cells[%d].textContent.trim())`, i))
	}
	click := func(i int) {
		tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#pipeline-table thead th:nth-child(%d) button`, i+1))))
	}
	lower := func(s []string) []string {
		out := make([]string, len(s))
		for i, v := range s {
			out[i] = strings.ToLower(v)
		}
		return out
	}
	click(0)
	asc := lower(column(0))
	if !sort.StringsAreSorted(asc) {
		t.Errorf("company ascending: %q", asc)
	}
	click(0)
	desc := lower(column(0))
	for i := 1; i < len(desc); i++ {
		if desc[i-1] < desc[i] {
			t.Errorf("company descending: %q", desc)
			break
		}
	}
	if got := eval[string](tb, `document.querySelector('#pipeline-table thead th:nth-child(1)').getAttribute('aria-sort')`); got != "descending" {
		t.Errorf("aria-sort %q", got)
	}
	click(5)
	waiting := column(5)
	last := -1
	for i, w := range waiting {
		var n int
		if _, err := fmt.Sscan(w, &n); err != nil {
			for _, rest := range waiting[i:] {
				if rest != "–" {
					t.Errorf("days waiting: a number after a blank: %q", waiting)
					break
				}
			}
			break
		}
		if n < last {
			t.Errorf("days waiting not ascending: %q", waiting)
		}
		last = n
	}
}

// TestBrowserPublicBuildShowsNoPrivateData checks the DOM, after the
// script ran, of every page of a public build.
func TestBrowserPublicBuildShowsNoPrivateData(t *testing.T) {
	p := sample(t)
	now := mustTime(t, fixtureNow)
	site := build(t, p, true, now)
	dir := writeSite(t, site)
	secrets := privateStrings(t, p, now)
	tb := newTab(t)
	for _, n := range names(site) {
		if !strings.HasSuffix(n, ".html") {
			continue
		}
		tb.open("file://" + filepath.Join(dir, filepath.FromSlash(n)))
		text := eval[string](tb, `document.documentElement.outerHTML + "\n" + document.body.innerText`)
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("public %s shows %q", n, s)
			}
		}
		if eval[int](tb, `document.querySelectorAll('a[href^="mailto:"], a[href^="tel:"], .draft, #notes').length`) != 0 {
			t.Errorf("public %s has mailto:, tel:, drafts or notes", n)
		}
	}
}

// TestScreenshots writes PNGs of the index and an application page at
// desktop and phone widths into $FOLLOWUP_SCREENSHOTS, for a person to
// look at.
func TestScreenshots(t *testing.T) {
	out := os.Getenv("FOLLOWUP_SCREENSHOTS")
	if out == "" {
		t.Skip("set FOLLOWUP_SCREENSHOTS=dir to write screenshots")
	}
	p := sample(t)
	now := mustTime(t, fixtureNow)
	slug, _, _, _ := draftPage(t, p, now)
	for _, public := range []bool{false, true} {
		dir := writeSite(t, build(t, p, public, now))
		kind := map[bool]string{false: "private", true: "public"}[public]
		for _, pg := range []struct{ name, path string }{{"index", "index.html"}, {"app", filepath.Join(slug, "index.html")}} {
			for _, w := range []int64{1280, 390} {
				tb := newTab(t)
				tb.beforeLoad(fakeClock(now))
				tb.do(chromedp.EmulateViewport(w, 900))
				tb.open("file://" + filepath.Join(dir, pg.path))
				tb.screenshot(w, filepath.Join(out, fmt.Sprintf("%s-%s-%d.png", kind, pg.name, w)))
			}
			if !public {
				tb := newTab(t)
				tb.beforeLoad(fakeClock(now))
				if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
				}); err != nil {
					t.Fatal(err)
				}
				tb.open("file://" + filepath.Join(dir, pg.path))
				tb.screenshot(1280, filepath.Join(out, fmt.Sprintf("dark-%s-1280.png", pg.name)))
				if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
					t.Fatal(err)
				}
				tb.screenshot(800, filepath.Join(out, fmt.Sprintf("print-%s-800.png", pg.name)))
			}
		}
	}
}
