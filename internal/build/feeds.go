package build

import (
	"bytes"
	"net/url"
	"path"
	"sort"

	"github.com/followup-tool/followup/internal/calendar"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/project"
	"github.com/followup-tool/followup/internal/schedule"
	"github.com/followup-tool/followup/internal/site"
)

// feeds writes the calendar feed of the whole search at the root and one
// per application beside its page. A public build writes them under the
// unguessable name calendar.FeedName derives from the feed key, and with
// no drafts, emails or phone numbers in them.
func feeds(p *project.Project, cfg followup.Config, plan *schedule.Result, emit site.Emit) error {
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
	opt.Name = cfg.Title
	for _, slug := range slugs {
		acts, ivs := calendar.Select(slug, plan.Actions, plan.Interviews)
		buf.Reset()
		o := opt
		o.Name = cfg.Title + ": " + plan.Status[slug].App.Company
		if err := calendar.Write(&buf, o, acts, ivs, draft); err != nil {
			return err
		}
		if err := emit(path.Join(slug, name), bytes.Clone(buf.Bytes())); err != nil {
			return err
		}
	}
	return nil
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
