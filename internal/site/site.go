package site

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/followup-tool/followup/internal/draft"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/zone"
	"github.com/followup-tool/followup/layouts"
)

// Input is everything a site is made from.
type Input struct {
	Config followup.Config // Public, Title, BaseURL, Timezone and FeedKey are used
	Apps   []*followup.Application
	Plan   *schedule.Result
	Drafts *draft.Set
	Theme  *layouts.Theme // the pages, stylesheet and script; nil for the defaults
	Feeds  FeedNames      // the calendar feeds' file names
	Memo   *Memo          // pages of an earlier render to reuse (serve); nil renders all
}

// FeedNames are the calendar feeds' file names, as the build writes them.
type FeedNames struct {
	Local     string // this build's whole-search feed, at the site's root
	Published string // the feed the published (public) site has, when base_url and a feed key are set; else ""
}

// Page is what every page shares.
type Page struct {
	Site     string // the site's title
	Title    string // this page's title
	Root     string // relative path from this page to the site's root: "", "../", …
	Public   bool   // a public build: no contacts, drafts or notes
	Built    string // the build's moment in the site's zone, for people
	BuiltISO string // the same, RFC 3339
	Feed     *Feed  // the subscribe box; nil when there is nothing to subscribe to
}

// Site is a search ready to be rendered: the layouts parsed and the
// action views made, with their drafts, once for every page.
type Site struct {
	in      Input
	l       *parsedLayouts
	loc     *time.Location // the site's zone, for the build's moment
	apps    []*followup.Application
	actions []ActionView            // every open action, in plan order
	byApp   map[string][]ActionView // slug -> its actions, in plan order
	index   *IndexPage              // made on first use: index.html and closed.html share it
	once    sync.Once
}

// New parses the layouts and prepares the views. A broken layout or
// draft template comes back as a followup.ErrorList at the file used.
func New(in Input) (*Site, error) {
	if in.Plan == nil {
		return nil, fmt.Errorf("site: no plan")
	}
	l, errs := loadLayouts(in.Theme)
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	r := &Site{in: in, l: l, loc: zone.Or(in.Config.Timezone)}
	if err := r.prepare(); err != nil {
		return nil, err
	}
	return r, nil
}

// Apps are the applications in the order of their pages: by slug.
func (r *Site) Apps() []*followup.Application { return r.apps }

// Style is style.css.
func (r *Site) Style() []byte { return r.l.style }

// Script is site.js.
func (r *Site) Script() []byte { return r.l.script }

// PageName is where an application's page goes.
func PageName(slug string) string { return slug + "/index.html" }

// Page renders <slug>/index.html. With a memo, a page whose data are
// those of last time is not made again.
func (r *Site) Page(a *followup.Application) ([]byte, error) {
	var data any
	if r.in.Memo != nil {
		data = pageData{App: a, Status: *r.status(a), Actions: r.byApp[a.Slug], Now: r.in.Plan.Now, Public: r.in.Config.Public, Feeds: r.in.Feeds}
		if b, ok := r.in.Memo.Get(PageName(a.Slug), data); ok {
			return b.([]byte), nil
		}
	}
	p, err := r.appPage(a)
	if err != nil {
		return nil, err
	}
	if !r.in.Config.Public {
		if p.App.Notes, err = r.notes(a); err != nil {
			return nil, err
		}
	}
	b, err := r.execute(r.l.app, "application.html", p, p.App.sizeHint())
	if err != nil {
		return nil, err
	}
	r.in.Memo.Put(PageName(a.Slug), data, b)
	return b, nil
}

// pageData is what an application's page is made from, besides the
// memo's generation: the application as parsed, the plan's word on it,
// its open actions with their drafts, and the moment.
type pageData struct {
	App     *followup.Application
	Status  schedule.Status
	Actions []ActionView
	Now     time.Time
	Public  bool
	Feeds   FeedNames
}

// notes renders an application's notes to HTML, as its page shows them.
func (r *Site) notes(a *followup.Application) (template.HTML, error) {
	if len(bytes.TrimSpace(a.Notes)) == 0 {
		return "", nil
	}
	h, err := markdown(a.Notes, idPrefix(a.Slug))
	if err != nil {
		return "", fmt.Errorf("%s: notes: %w", a.Path, err)
	}
	return h, nil
}

// Index renders index.html: the agenda and the pipeline.
//
// With a memo, the page is executed again only when its view, the data
// the template receives, differs from last time's: most saves change
// notes or one application's details that the index does not show.
func (r *Site) Index() ([]byte, error) {
	view := r.indexView()
	if b, ok := r.in.Memo.Get("index.html", view); ok {
		return b.([]byte), nil
	}
	// About what the default theme writes, a little over: 640 bytes a
	// row of the table, 1.6 KB an action card (closed.html and the
	// application pages are sized the same way).
	b, err := r.execute(r.l.index, "index.html", view, 16<<10+len(view.Rows)*640+len(r.actions)*1600)
	if err == nil {
		r.in.Memo.Put("index.html", view, b)
	}
	return b, err
}

// Closed renders closed.html, the closed applications of a big search;
// nil when the index shows them all.
func (r *Site) Closed() ([]byte, error) {
	idx := r.indexView()
	if idx.ClosedCount == 0 {
		return nil, nil
	}
	closed := *idx
	closed.setPage(r.page("Closed applications · "+r.in.Config.Title, ""))
	closed.Rows, closed.ClosedRows, closed.ClosedPage = idx.ClosedRows, nil, true
	if b, ok := r.in.Memo.Get("closed.html", &closed); ok {
		return b.([]byte), nil
	}
	b, err := r.execute(r.l.closed, "closed.html", &closed, 16<<10+len(closed.Rows)*640)
	if err == nil {
		r.in.Memo.Put("closed.html", &closed, b)
	}
	return b, err
}

func (r *Site) indexView() *IndexPage {
	r.once.Do(func() { r.index = r.indexPage() })
	return r.index
}

// prepare sorts the applications and makes the action views once, with
// their drafts: both pages show them.
func (r *Site) prepare() error {
	r.apps = append([]*followup.Application(nil), r.in.Apps...)
	sort.Slice(r.apps, func(i, j int) bool { return r.apps[i].Slug < r.apps[j].Slug })
	r.byApp = map[string][]ActionView{}
	acts := r.in.Plan.Actions
	r.actions = make([]ActionView, 0, len(acts))
	for i := range acts {
		v, err := r.action(&acts[i], i)
		if err != nil {
			return err
		}
		r.byApp[acts[i].App.Slug] = append(r.byApp[acts[i].App.Slug], v)
		v.Link = hrefTo("", acts[i].App.Slug) + "#" + v.Anchor
		r.actions = append(r.actions, v)
	}
	return nil
}

func (r *Site) page(title, root string) Page {
	now := r.in.Plan.Now.In(r.loc)
	return Page{
		Site:     r.in.Config.Title,
		Title:    title,
		Root:     root,
		Public:   r.in.Config.Public,
		Built:    now.Format("Mon Jan 2, 2006 15:04 MST"),
		BuiltISO: now.Format(time.RFC3339),
		Feed:     r.feed(root),
	}
}

// rootOf is the relative path from a page at dir/index.html back to the
// site's root.
func rootOf(dir string) string {
	if dir == "" {
		return ""
	}
	return strings.Repeat("../", strings.Count(dir, "/")+1)
}

func (r *Site) execute(t *template.Template, name string, data any, size int) ([]byte, error) {
	var b bytes.Buffer
	// Room up front: a page written into a buffer that starts empty is
	// copied and cleared again and again as it grows.
	b.Grow(size)
	if err := t.ExecuteTemplate(&b, "base.html", data); err != nil {
		return nil, r.l.execError(name, err)
	}
	return b.Bytes(), nil
}

// Feed is the subscribe box: where the calendar feed is and how to add it.
type Feed struct {
	URL      string       // absolute when base_url is set, else relative to the page
	Absolute bool         // URL can be given to a calendar service
	Webcal   template.URL // webcal:// form of URL; empty unless Absolute
	Google   string       // the http(s) URL to hand Google Calendar (query-escaped by the template); empty unless Absolute
	Name     string       // the file name
	Local    string       // this build's own calendar.ics, relative to the page
}

// feed is the box for a page at root. A private build links its own
// calendar.ics. A public build links nothing: its feed has an unguessable
// name so that only its owner can subscribe, and printing that name on
// the public page would give it away. The owner finds it in the box of
// their private build instead, which shows the published feed's address
// when base_url and a feed key are set.
func (r *Site) feed(root string) *Feed {
	cfg := r.in.Config
	if cfg.Public {
		return nil
	}
	name := r.in.Feeds.Local
	if cfg.BaseURL != "" && r.in.Feeds.Published != "" {
		name = r.in.Feeds.Published
	}
	f := &Feed{Name: name, URL: root + name, Local: root + r.in.Feeds.Local}
	if cfg.BaseURL != "" {
		f.URL = cfg.BaseURL + name
		f.Absolute = true
		f.Google = f.URL
		f.Webcal = template.URL("webcal://" + strings.TrimPrefix(strings.TrimPrefix(f.URL, "https://"), "http://"))
	}
	return f
}

// hrefTo is the link from a page at root to an application's page. It
// names index.html, so it also works from file://.
func hrefTo(root, slug string) string { return root + path.Join(slug, "index.html") }
