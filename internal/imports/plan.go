package imports

import (
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/scaffold"
)

// Plan is what an import would do.
type Plan struct {
	Create []Planned
	Skip   []Skipped
}

// Planned is a file to create.
type Planned struct {
	Record
	Slug string // content/<Slug>.md; another free name is taken if it appears meanwhile
	ID   string
}

// Skipped is a row already in the search.
type Skipped struct {
	Record
	Same string // the slug of the application it matches, or "line N" of the same file
}

// Existing is an application already in the search.
type Existing struct {
	Slug, ID, Company, Role, Posting string
}

// ExistingOf lists loaded applications for MakePlan.
func ExistingOf(apps []*followup.Application) []Existing {
	out := make([]Existing, len(apps))
	for i, a := range apps {
		out[i] = Existing{a.Slug, a.ID, a.Company, a.Role, a.Posting}
	}
	return out
}

// MakePlan decides, for each record, whether it is already in the search
// (the same posting, or the same company and role, as an application or an
// earlier row) and otherwise the file it becomes: a slug from company and
// role that no file has (taken reports slugs in use on disk, beyond the
// applications given), and an id from followup.NewID drawn with rnd.
func MakePlan(recs []Record, existing []Existing, taken func(slug string) bool, rnd io.Reader) Plan {
	var p Plan
	byPosting := map[string]string{}
	byName := map[string]string{}
	slugs := map[string]bool{}
	ids := map[string]bool{}
	for _, e := range existing {
		if k := postingKey(e.Posting); k != "" {
			byPosting[k] = e.Slug
		}
		byName[nameKey(e.Company, e.Role)] = e.Slug
		slugs[e.Slug] = true
		if e.ID != "" {
			ids[e.ID] = true
		}
	}
	for _, r := range recs {
		pk, nk := postingKey(r.Posting), nameKey(r.Company, r.Role)
		if s, ok := byPosting[pk]; ok && pk != "" {
			p.Skip = append(p.Skip, Skipped{r, s})
			continue
		}
		if s, ok := byName[nk]; ok {
			p.Skip = append(p.Skip, Skipped{r, s})
			continue
		}
		self := fmt.Sprintf("line %d", r.Line)
		if pk != "" {
			byPosting[pk] = self
		}
		byName[nk] = self
		slug := freeSlug(BaseSlug(r.Company, r.Role), func(s string) bool { return slugs[s] || (taken != nil && taken(s)) })
		slugs[slug] = true
		id := followup.NewID(r.Company, func(s string) bool { return ids[s] }, rnd)
		ids[id] = true
		p.Create = append(p.Create, Planned{r, slug, id})
	}
	return p
}

// BaseSlug names an imported application from its company and role,
// cut at a hyphen near 60 bytes so names stay readable in a listing.
func BaseSlug(company, role string) string {
	s := followup.Slugify(company + " " + role)
	if len(s) > 60 {
		s = s[:60]
		if i := strings.LastIndexByte(s, '-'); i >= 30 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "-")
	}
	if s == "" {
		s = "application"
	}
	return s
}

// freeSlug is base, or base-2, base-3… the first that taken refuses.
func freeSlug(base string, taken func(string) bool) string {
	s := base
	for n := 2; taken(s); n++ {
		s = fmt.Sprintf("%s-%d", base, n)
	}
	return s
}

func nameKey(company, role string) string {
	return strings.ToLower(strings.Join(strings.Fields(company), " ")) + "\x00" + strings.ToLower(strings.Join(strings.Fields(role), " "))
}

// postingKey normalises a posting URL for comparison: scheme and host in
// lowercase, no default port, no trailing slash, no fragment, and no query
// (job boards add tracking parameters to every link they hand out:
// LinkedIn's refId and trackingId, utm_…) unless a parameter is what
// names the posting itself (Indeed's jk, Greenhouse's gh_jid, …).
func postingKey(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimRight(raw, "/"))
	}
	host := strings.ToLower(u.Host)
	host = strings.TrimSuffix(strings.TrimSuffix(host, ":443"), ":80")
	p := strings.TrimRight(path.Clean("/"+u.EscapedPath()), "/")
	key := strings.ToLower(u.Scheme) + "://" + host + p
	q := u.Query()
	var keep []string
	for _, k := range []string{"jk", "gh_jid", "jobid", "job_id", "jid", "currentjobid", "id", "vjk", "posting_id"} {
		for name, vals := range q {
			if strings.ToLower(name) == k && len(vals) > 0 {
				keep = append(keep, k+"="+vals[0])
			}
		}
	}
	if len(keep) > 0 {
		key += "?" + strings.Join(keep, "&")
	}
	return key
}

// FileOf renders a planned application in the shape `followup new`
// writes. source names the imported file in the notes.
func FileOf(p Planned, source string, f Format) []byte {
	n := scaffold.NewApplication{
		ID: p.ID, Company: p.Company, Role: p.Role, Posting: p.Posting, Location: p.Location,
		Via: string(p.Via), Address: p.Address, Phone: p.Phone,
	}
	if !p.Applied.IsZero() {
		n.Applied = p.Applied.String()
	}
	notes := []string{fmt.Sprintf("Imported from %s, line %d (%s).", source, p.Line, formatName[f])}
	if p.Contact.Name != "" {
		n.ContactName, n.ContactEmail, n.ContactPhone = p.Contact.Name, p.Contact.Email, p.Contact.Phone
	} else {
		// A contact needs a name to be written to; the export gave only
		// how to reach someone, so that goes in the notes.
		if p.Contact.Email != "" {
			notes = append(notes, "Contact email: "+p.Contact.Email)
		}
		if p.Contact.Phone != "" {
			notes = append(notes, "Contact phone: "+p.Contact.Phone)
		}
	}
	notes = append(notes, p.Notes...)
	n.Notes = strings.Join(notes, "\n\n")
	return scaffold.Application(n)
}

var formatName = map[Format]string{LinkedIn: "LinkedIn", Huntr: "Huntr", CSV: "CSV"}

// Validate renders each record as its file would be and reads it back as
// content does, so a value the search would reject (a phone number in
// words, a date before another) is a problem at the row's line now
// rather than a broken file later. It returns the records that pass.
func Validate(path string, recs []Record, f Format, tz string) ([]Record, Errors) {
	var ok []Record
	var errs Errors
	for _, r := range recs {
		data := FileOf(Planned{Record: r, Slug: "import", ID: "import-check"}, path, f)
		if _, cerrs := content.Parse("import.md", "import", data, tz); len(cerrs) > 0 {
			for _, e := range cerrs {
				errs = append(errs, Error{path, r.Line, e.Msg})
			}
			continue
		}
		ok = append(ok, r)
	}
	return ok, errs
}
