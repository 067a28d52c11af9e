package build

import (
	"bytes"
	"net/url"
	"path"
	"sort"

	"github.com/followup-tool/followup/internal/calendar"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/ordered"
	"github.com/followup-tool/followup/internal/project"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/site"
)

// feeds writes the calendar feed of the whole search at the root and one
// per application beside its page. A public build writes them under the
// unguessable name calendar.FeedName derives from the feed key, and with
// no drafts, emails or phone numbers in them.
func feeds(p *project.Project, cfg followup.Config, plan *schedule.Result, memo *site.Memo, emit site.Emit) error {
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
	var buf bytes.Buffer
	if err := calendar.Write(&buf, opt, plan.Actions, plan.Interviews, draft); err != nil {
		return err
	}
	if err := emit(name, bytes.Clone(buf.Bytes())); err != nil {
		return err
	}
	slugs := make([]string, 0, len(p.Apps))
	for _, a := range p.Apps {
		slugs = append(slugs, a.Slug)
	}
	sort.Strings(slugs)
	// Grouped once: selecting per application would be quadratic.
	acts := map[string][]followup.Action{}
	for _, a := range plan.Actions {
		acts[a.App.Slug] = append(acts[a.App.Slug], a)
	}
	ivs := map[string][]followup.Interview{}
	for _, iv := range plan.Interviews {
		ivs[iv.App.Slug] = append(ivs[iv.App.Slug], iv)
	}
	return ordered.Each(len(slugs), func(i int) ([]byte, error) {
		st := plan.Status[slugs[i]]
		key := memo.Fingerprint(st.App, st, acts[slugs[i]], nil, plan.Now)
		if b, ok := memo.Get(path.Join(slugs[i], name), key); ok {
			return b, nil
		}
		var b bytes.Buffer
		o := opt
		o.Name = cfg.Title + ": " + plan.Status[slugs[i]].App.Company
		err := calendar.Write(&b, o, acts[slugs[i]], ivs[slugs[i]], draft)
		if err == nil {
			memo.Put(path.Join(slugs[i], name), key, b.Bytes())
		}
		return b.Bytes(), err
	}, func(i int, b []byte) error {
		return emit(path.Join(slugs[i], name), b)
	})
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
