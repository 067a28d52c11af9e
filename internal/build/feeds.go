package build

import (
	"bytes"
	"net/url"
	"path"

	"github.com/followup-tool/followup/internal/calendar"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/project"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/site"
)

// feeds returns the function that makes each application's own
// calendar feed, beside its page, and starts making the feed of the
// whole search, for the root, on the side (20,000 open actions at
// 100,000 applications took 0.9 s). A public build names them
// calendar.FeedName derives from the feed key, unguessable, and leaves
// drafts, emails and phone numbers out of them.
func feeds(p *project.Project, cfg followup.Config, plan *schedule.Result, memo *site.Memo, bufs *site.Buffers) (perApp func(*followup.Application) ([]site.Output, error), root <-chan rootFeed) {
	if memo != nil {
		bufs = nil // the memo keeps what it is given
	}
	name := calendar.FeedName(cfg.Public, cfg.FeedKey)
	opt := calendar.Options{
		Name:    cfg.Title,
		Domain:  feedDomain(cfg),
		BaseURL: cfg.BaseURL,
		Stamp:   plan.Now,
		Public:  cfg.Public,
		Zone:    cfg.Timezone,
	}
	var draft calendar.DraftFunc
	if !cfg.Public {
		draft = func(a *followup.Action) (string, string, error) {
			d, err := p.Drafts.Render(a, plan.Status[a.App.Slug].Stage, cfg.Owner)
			return d.Subject, d.Body, err
		}
	}
	rc := make(chan rootFeed, 1)
	go func() {
		var buf bytes.Buffer
		buf.Grow(feedSize(len(plan.Actions)))
		err := calendar.Write(&buf, opt, plan.Actions, plan.Interviews, draft)
		rc <- rootFeed{site.Output{Name: name, Data: buf.Bytes()}, err}
	}()
	// Grouped once: selecting per application would be quadratic.
	acts := map[string][]followup.Action{}
	for _, a := range plan.Actions {
		acts[a.App.Slug] = append(acts[a.App.Slug], a)
	}
	ivs := map[string][]followup.Interview{}
	for _, iv := range plan.Interviews {
		ivs[iv.App.Slug] = append(ivs[iv.App.Slug], iv)
	}
	perApp = func(a *followup.Application) ([]site.Output, error) {
		st := plan.Status[a.Slug]
		file := path.Join(a.Slug, name)
		key := memo.Fingerprint(st.App, st, acts[a.Slug], nil, plan.Now)
		if b, ok := memo.Get(file, key); ok {
			return []site.Output{{Name: file, Data: b}}, nil
		}
		b := new(bytes.Buffer)
		if bufs != nil {
			b = bytes.NewBuffer(bufs.Get())
		}
		o := opt
		o.Name = cfg.Title + ": " + st.App.Company
		if err := calendar.Write(b, o, acts[a.Slug], ivs[a.Slug], draft); err != nil {
			return nil, err
		}
		memo.Put(file, key, b.Bytes())
		return []site.Output{{Name: file, Data: bufs.Lend(b.Bytes())}}, nil
	}
	return perApp, rc
}

// feedSize is about the size of a feed of n actions (a feed's header and
// time zone take under 1 KB, an action 1.4 KB with its draft, and the
// interviews still to come add little), so that the whole search's feed
// (28 MB at 100,000 applications) is not copied over and over as it
// grows. Past interviews are most of plan.Interviews: counting them
// reserved 30 MB too many at 10,000.
func feedSize(n int) int { return 1024 + 1536*n }

type rootFeed struct {
	site.Output
	err error
}

// feedDomain names the owner of the UIDs: the configured domain, else the
// host the site is published at.
func feedDomain(cfg followup.Config) string {
	if cfg.Domain != "" {
		return cfg.Domain
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return ""
}
