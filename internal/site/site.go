package site

import (
	"bytes"
	"fmt"
	"github.com/followup-tool/followup/internal/ordered"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/calendar"
	"github.com/followup-tool/followup/internal/draft"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/zone"
)

// Emit receives one output file: a slash-separated path relative to the
// site's root, and its bytes. Render calls it in a fixed order.
type Emit func(path string, data []byte) error

// Input is everything a site is made from.
type Input struct {
	Config followup.Config // Public, Title, BaseURL, Timezone and FeedKey are used
	Apps   []*followup.Application
	Plan   *schedule.Result
	Drafts *draft.Set
	FS     fs.FS  // the project root, for layouts/ overrides; nil for the defaults only
	Prefix string // how messages name the project root (the --source flag)
	Memo   *Memo  // pages of an earlier render to reuse (serve); nil renders all

	// PerApp makes further files of an application (its calendar feed),
	// in the same parallel pass as its page; it must be safe to call
	// from several goroutines. May be nil.
	PerApp func(a *followup.Application) ([]Output, error)

	// Buffers, when set (and Memo is not), lends the buffers application
	// pages are written into; the emitter gives each page back with
	// Buffers.Return once it is written out, and must not keep it.
	Buffers *Buffers
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

// Render writes the whole site through emit: style.css, site.js, each
// application's page in slug order (each followed by what in.PerApp
// makes for it), then index.html and closed.html.
//
// The pages are rendered on every core and emitted in order; the index,
// one big page, is rendered beside them rather than before them.
func Render(in Input, emit Emit) error {
	l, errs := loadLayouts(in.FS, in.Prefix)
	if len(errs) > 0 {
		return errs.Err()
	}
	if in.Plan == nil {
		return fmt.Errorf("site: no plan")
	}
	if in.Memo != nil {
		in.Buffers = nil // the memo keeps the pages it is given
	}
	r := &renderer{in: in, l: l, loc: siteZone(in.Config.Timezone)}
	if err := r.prepare(); err != nil {
		return err
	}
	if err := emit("style.css", l.style); err != nil {
		return err
	}
	if err := emit("site.js", l.script); err != nil {
		return err
	}
	type page struct {
		name string
		data []byte
	}
	var index []page
	var indexErr error
	indexDone := make(chan struct{})
	go func() {
		defer close(indexDone)
		idx := r.indexPage()
		closed := *idx
		if err := r.fragments(idx, "index.html"); err != nil {
			indexErr = err
			return
		}
		b, err := r.execute(l.index, "index.html", idx)
		if err != nil {
			indexErr = err
			return
		}
		index = append(index, page{"index.html", b})
		if idx.ClosedCount > 0 {
			closed.Page = r.page("Closed applications · "+r.in.Config.Title, "")
			closed.Rows, closed.ClosedRows, closed.ClosedPage = idx.ClosedRows, nil, true
			if err := r.fragments(&closed, "closed.html"); err != nil {
				indexErr = err
				return
			}
			b, err := r.execute(l.closed, "closed.html", &closed)
			if err != nil {
				indexErr = err
				return
			}
			index = append(index, page{"closed.html", b})
		}
	}()
	err := ordered.Each(len(r.apps), func(i int) ([]page, error) {
		a := r.apps[i]
		b, err := r.appPageBytes(a)
		if err != nil {
			return nil, err
		}
		out := []page{{a.Slug + "/index.html", b}}
		if in.PerApp != nil {
			more, err := in.PerApp(a)
			if err != nil {
				return nil, err
			}
			for _, o := range more {
				out = append(out, page{o.Name, o.Data})
			}
		}
		return out, nil
	}, func(i int, out []page) error {
		for _, o := range out {
			if err := emit(o.name, o.data); err != nil {
				return err
			}
		}
		return nil
	})
	<-indexDone
	if err != nil {
		return err
	}
	if indexErr != nil {
		return indexErr
	}
	for _, o := range index {
		if err := emit(o.name, o.data); err != nil {
			return err
		}
	}
	return nil
}

// Output is one more file of the site.
type Output struct {
	Name string // slash-separated, relative to the site's root
	Data []byte
}

// appPageBytes is <slug>/index.html, from the memo when nothing it shows
// has changed.
func (r *renderer) appPageBytes(a *followup.Application) ([]byte, error) {
	in := r.in
	var key string
	if in.Memo != nil {
		views := r.byApp[a.Slug]
		acts := make([]followup.Action, 0, len(views))
		orders := make([]int, 0, len(views))
		for _, v := range views {
			acts = append(acts, in.Plan.Actions[v.Order])
			orders = append(orders, v.Order)
		}
		key = in.Memo.Fingerprint(a, r.status(a), acts, orders, in.Plan.Now)
		if b, ok := in.Memo.Get(a.Slug+"/index.html", key); ok {
			return b, nil
		}
	}
	p, err := r.appPage(a)
	if err != nil {
		return nil, err
	}
	var b []byte
	if r.l.fastApp {
		b = in.Buffers.Lend(appPageHTML(p, in.Buffers.Get()))
	} else if b, err = r.execute(r.l.app, "application.html", p); err != nil {
		return nil, err
	}
	in.Memo.Put(a.Slug+"/index.html", key, b)
	return b, nil
}

type renderer struct {
	in      Input
	l       *layouts
	loc     *time.Location // the site's zone, for the build's moment
	apps    []*followup.Application
	actions []ActionView            // every open action, in plan order
	byApp   map[string][]ActionView // slug -> its actions, in plan order
}

// siteZone is the configured zone; config has already reported a bad one.
func siteZone(name string) *time.Location {
	if loc, err := zone.Load(name); err == nil {
		return loc
	}
	return time.UTC
}

// prepare sorts the applications and makes the action views once, with
// their drafts: both pages show them.
func (r *renderer) prepare() error {
	r.apps = append([]*followup.Application(nil), r.in.Apps...)
	sort.Slice(r.apps, func(i, j int) bool { return r.apps[i].Slug < r.apps[j].Slug })
	r.byApp = map[string][]ActionView{}
	acts := r.in.Plan.Actions
	views := make([]ActionView, len(acts))
	errs := make([]error, len(acts))
	// Views and their drafts on every core: 20,000 open actions at
	// 100,000 applications took 0.2 s on one.
	ordered.For(len(acts), func(i int) {
		views[i], errs[i] = r.action(&acts[i], i)
	})
	r.actions = make([]ActionView, 0, len(acts))
	for i := range acts {
		if errs[i] != nil {
			return errs[i]
		}
		v := views[i]
		r.byApp[acts[i].App.Slug] = append(r.byApp[acts[i].App.Slug], v)
		v.Link = hrefTo("", acts[i].App.Slug) + "#" + v.Anchor
		r.actions = append(r.actions, v)
	}
	return nil
}

func (r *renderer) page(title, root string) Page {
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

func (r *renderer) execute(t *template.Template, name string, data any) ([]byte, error) {
	if p, ok := data.(*IndexPage); ok && len(p.Table) > 64<<10 {
		return r.executeIndex(t, name, p)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "base.html", data); err != nil {
		return nil, r.l.execError(name, err)
	}
	return b.Bytes(), nil
}

// tableMark stands in for a big index's table while its page is
// executed. html/template writes a NUL of the user's text as U+FFFD, so
// the mark can only come from the layout's own {{.Table}}.
const tableMark = "\x00followup:table\x00"

// executeIndex executes an index page whose table is big (4 MB at 10,000
// applications) with a mark in the table's place, and puts the table
// there afterwards. text/template prints a value through fmt, which
// copied the table into a buffer of its own before the page's; the page
// is now copied together once. A layout that shows the table other than
// once is executed the plain way.
func (r *renderer) executeIndex(t *template.Template, name string, p *IndexPage) ([]byte, error) {
	table := p.Table
	p.Table = tableMark
	var b bytes.Buffer
	n := 64 << 10
	for _, bk := range p.Agenda {
		n += len(bk.HTML)
	}
	b.Grow(n)
	err := t.ExecuteTemplate(&b, "base.html", p)
	p.Table = table
	if err != nil {
		return nil, r.l.execError(name, err)
	}
	page := b.Bytes()
	i := bytes.Index(page, []byte(tableMark))
	if i < 0 || bytes.Contains(page[i+len(tableMark):], []byte(tableMark)) {
		var b bytes.Buffer
		b.Grow(len(page) + len(table))
		if err := t.ExecuteTemplate(&b, "base.html", p); err != nil {
			return nil, r.l.execError(name, err)
		}
		return b.Bytes(), nil
	}
	out := make([]byte, 0, len(page)-len(tableMark)+len(table))
	out = append(out, page[:i]...)
	out = append(out, table...)
	return append(out, page[i+len(tableMark):]...), nil
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
func (r *renderer) feed(root string) *Feed {
	cfg := r.in.Config
	if cfg.Public {
		return nil
	}
	name := calendar.FeedName(false, "")
	if cfg.BaseURL != "" && cfg.FeedKey != "" {
		name = calendar.FeedName(true, cfg.FeedKey)
	}
	f := &Feed{Name: name, URL: root + name, Local: root + calendar.FeedName(false, "")}
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
