package site

import (
	"strconv"
	"strings"
)

// The application page, written straight into bytes. At 10,000
// applications executing application.html through html/template was the
// largest part of a build: about 1 s of CPU (reflection for every field
// and for every escaper call) and 400 MB of garbage. appPageHTML writes
// the same bytes as base.html + application.html + the "action" block
// of the embedded defaults, with html/template's own escaping rules for
// each context (text, attribute, URL, URL query). It is used only when
// neither of those two layouts is overridden; TestFastAppPageMatchesTemplate
// renders every page of the sample search and of hostile inputs both
// ways and requires the bytes to be equal.

// htmlOut is a page being written.
type htmlOut struct{ b []byte }

func (w *htmlOut) s(lit string) { w.b = append(w.b, lit...) }

func (w *htmlOut) int(n int64) { w.b = strconv.AppendInt(w.b, n, 10) }

// h escapes for HTML text, RCDATA and quoted attribute values alike, as
// html/template's htmlEscaper and attrEscaper do for plain strings.
func (w *htmlOut) h(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		w.b = append(w.b, s[last:i]...)
		w.b = append(w.b, rep...)
		last = i + 1
	}
	w.b = append(w.b, s[last:]...)
}

// url writes a value inside a URL attribute: normalised (norm, the path
// part) or escaped (a query value), then attribute-escaped, as
// html/template's urlNormalizer/urlEscaper followed by attrEscaper.
func (w *htmlOut) url(s string, norm bool) {
	var esc []byte
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			// Valid escapes are kept when normalising; html/template
			// requires two more bytes after them, so "%41" at the very
			// end is escaped again, and so is it here.
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		esc = append(esc, s[written:i]...)
		esc = append(esc, '%', hexLower[c>>4], hexLower[c&15])
		written = i + 1
	}
	if written == 0 {
		w.h(s)
		return
	}
	esc = append(esc, s[written:]...)
	w.h(string(esc))
}

const hexLower = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// urlStart writes a whole URL attribute value that comes from the user:
// html/template's urlFilter (only http, https and mailto, or no scheme)
// before normalising.
func (w *htmlOut) urlStart(s string) {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			s = "#ZgotmplZ"
		}
	}
	w.url(s, true)
}

func (w *htmlOut) bool(v bool) {
	if v {
		w.s("true")
	} else {
		w.s("false")
	}
}

// appPageHTML is base.html with application.html's "main", appended to
// buf.
func appPageHTML(p *AppPage, buf []byte) []byte {
	w := &htmlOut{b: buf}
	w.base(&p.Page, func() { w.appMain(p) })
	return w.b
}

func (w *htmlOut) base(p *Page, main func()) {
	w.s("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>")
	if p.Title != p.Site {
		w.h(p.Title)
		w.s(" · ")
	}
	w.h(p.Site)
	w.s("</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"")
	w.urlStart(p.Root)
	w.s("style.css\">\n<script src=\"")
	w.urlStart(p.Root)
	w.s("site.js\" defer></script>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n  <div class=\"wrap\">\n    <a class=\"brand\" href=\"")
	w.urlStart(p.Root)
	w.s("index.html\">")
	w.h(p.Site)
	w.s("</a>\n    <nav aria-label=\"Site\">\n      <a href=\"")
	w.urlStart(p.Root)
	w.s("index.html#agenda\">Agenda</a>\n      <a href=\"")
	w.urlStart(p.Root)
	w.s("index.html#pipeline\">Pipeline</a>")
	if p.Feed != nil {
		w.s("\n      <a href=\"")
		w.urlStart(p.Root)
		w.s("index.html#subscribe\">Calendar</a>")
	}
	w.s("\n    </nav>\n  </div>\n</header>\n<main id=\"main\" class=\"wrap\">\n")
	main()
	w.s("\n</main>\n<footer class=\"site-footer\">\n  <div class=\"wrap\">\n    <p>Built <time datetime=\"")
	w.h(p.BuiltISO)
	w.s("\">")
	w.h(p.Built)
	w.s("</time> with followup.")
	if p.Public {
		w.s(" This is the public view: contact details, drafts and notes are not part of it.")
	}
	w.s("</p>\n  </div>\n</footer>\n</body>\n</html>\n")
}

func (w *htmlOut) appMain(p *AppPage) {
	a := &p.App
	w.s("\n<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"")
	w.urlStart(p.Root)
	w.s("index.html\">← All applications</a></nav>\n<header class=\"app-head\">\n  <p><span class=\"pill stage-")
	w.h(a.Stage)
	w.s("\">")
	w.h(a.StageLabel)
	w.s("</span></p>\n  <h1>")
	w.h(a.Company)
	w.s("</h1>\n  <p class=\"role\">")
	w.h(a.Role)
	w.s("</p>\n  <dl class=\"facts\">")
	if a.Location != "" {
		w.s("\n    <div><dt>Location</dt><dd>")
		w.h(a.Location)
		w.s("</dd></div>")
	}
	if a.Applied != "" {
		w.s("\n    <div><dt>Applied</dt><dd><time datetime=\"")
		w.h(a.AppliedISO)
		w.s("\">")
		w.h(a.Applied)
		w.s("</time></dd></div>")
	}
	if a.LastContact != "" {
		w.s("\n    <div><dt>Last contact</dt><dd>")
		w.h(a.LastContact)
		w.s("</dd></div>")
	}
	if a.HasWaiting {
		w.s("\n    <div><dt>Days waiting</dt><dd data-since=\"")
		w.h(a.Since)
		w.s("\" data-tz=\"")
		w.h(a.TZ)
		w.s("\">")
		w.int(int64(a.Waiting))
		w.s("</dd></div>")
	}
	w.s("\n    <div><dt>Time zone</dt><dd>")
	w.h(a.TZ)
	w.s("</dd></div>")
	if a.Posting != "" {
		w.s("\n    <div><dt>Posting</dt><dd><a href=\"")
		w.urlStart(a.Posting)
		w.s("\" rel=\"noopener noreferrer\">Job posting</a></dd></div>")
	}
	if c := a.Contact; c != nil {
		w.s("\n    <div class=\"wide\"><dt>Contact</dt><dd>")
		w.h(c.Full)
		if c.Email != "" {
			w.s("<br><a href=\"mailto:")
			w.url(c.Email, true)
			w.s("\">")
			w.h(c.Email)
			w.s("</a>")
		}
		if c.Tel != "" {
			w.s("<br><a href=\"tel:")
			w.url(c.Tel, true)
			w.s("\">")
			w.h(c.Phone)
			w.s("</a>")
		}
		w.s("</dd></div>")
	}
	w.s("\n  </dl>\n</header>\n\n<section id=\"actions\" aria-labelledby=\"actions-h\">\n  <h2 id=\"actions-h\">Open actions <span class=\"count\">")
	w.int(int64(len(a.Actions)))
	w.s("</span></h2>")
	if len(a.Actions) > 0 {
		w.s("\n  <ol class=\"actions\">")
		for i := range a.Actions {
			w.action(&a.Actions[i])
		}
		w.s("\n  </ol>")
	} else {
		w.s("\n  <p class=\"empty\">Nothing to do here for now.</p>")
	}
	w.s("\n</section>")
	if len(a.Rounds) > 0 {
		w.s("\n<section id=\"interviews\" aria-labelledby=\"interviews-h\">\n  <h2 id=\"interviews-h\">Interviews</h2>\n  <ol class=\"rounds\">")
		for i := range a.Rounds {
			w.round(&a.Rounds[i])
		}
		w.s("\n  </ol>\n</section>")
	}
	w.s("\n\n<section id=\"history\" aria-labelledby=\"history-h\">\n  <h2 id=\"history-h\">History</h2>")
	if len(a.History) > 0 {
		w.s("\n  <ol class=\"timeline\">")
		for i := range a.History {
			e := &a.History[i]
			w.s("\n    <li class=\"event event-")
			w.h(e.Kind)
			if e.Upcoming {
				w.s(" upcoming")
			}
			w.s("\">\n      <time datetime=\"")
			w.h(e.DayISO)
			w.s("\">")
			w.h(e.Day)
			w.s("</time>\n      <div>\n        <p>")
			w.h(e.Text)
			w.s("</p>")
			if e.Detail != "" {
				w.s("\n        <p class=\"detail\">")
				w.h(e.Detail)
				w.s("</p>")
			}
			w.s("\n      </div>\n    </li>")
		}
		w.s("\n  </ol>")
	} else {
		w.s("\n  <p class=\"empty\">Nothing recorded yet.</p>")
	}
	w.s("\n</section>")
	if a.Notes != "" {
		w.s("\n<section id=\"notes\" class=\"notes\" aria-labelledby=\"notes-h\">\n  <h2 id=\"notes-h\">Notes</h2>\n  <div class=\"prose\">\n")
		w.s(string(a.Notes)) // already safe HTML (goldmark without unsafe)
		w.s("\n  </div>\n</section>")
	}
	if a.Feed != "" {
		w.s("\n<p class=\"feed-line\">This application's calendar: <a href=\"")
		w.urlStart(a.Feed)
		w.s("\">calendar.ics</a></p>")
	}
	w.s("\n")
}

func (w *htmlOut) round(r *RoundView) {
	w.s("\n    <li class=\"card round")
	if r.Upcoming {
		w.s(" upcoming")
	}
	w.s("\">\n      <h3>Round ")
	w.int(int64(r.N))
	w.s(" <span class=\"muted\">· ")
	w.h(r.Kind)
	if r.Upcoming {
		w.s(" · upcoming")
	}
	w.s("</span></h3>\n      <p class=\"when\"><time datetime=\"")
	w.h(r.WhenISO)
	w.s("\">")
	w.h(r.When)
	w.s("</time> <span class=\"muted\">(")
	w.h(r.Length)
	w.s(")</span></p>")
	if r.Where != "" {
		w.s("\n      <p class=\"where\">")
		w.h(r.Where)
		w.s("</p>")
	}
	if r.Timeline != "" || r.Learned != "" {
		w.s("\n      <dl class=\"facts compact\">")
		if r.Timeline != "" {
			w.s("\n        <div><dt>They said</dt><dd>hear back within ")
			w.h(r.Timeline)
			w.s("</dd></div>")
		}
		if r.Learned != "" {
			w.s("\n        <div><dt>To mention</dt><dd>")
			w.h(r.Learned)
			w.s("</dd></div>")
		}
		w.s("\n      </dl>")
	}
	if len(r.Interviewers) > 0 {
		w.s("\n      <ul class=\"people\">")
		for i := range r.Interviewers {
			iv := &r.Interviewers[i]
			w.s("\n        <li>\n          <span class=\"name\">")
			w.h(iv.Full)
			w.s("</span>")
			if iv.Email != "" {
				w.s(" <a href=\"mailto:")
				w.url(iv.Email, true)
				w.s("\">")
				w.h(iv.Email)
				w.s("</a>")
			}
			if iv.Tel != "" {
				w.s(" <a href=\"tel:")
				w.url(iv.Tel, true)
				w.s("\">")
				w.h(iv.Phone)
				w.s("</a>")
			}
			w.s("\n          ")
			if iv.Thanked != "" {
				w.s("<span class=\"ok\">thanked ")
				w.h(iv.Thanked)
				if iv.By != "email" {
					w.s(" (")
					w.h(iv.By)
					w.s(")")
				}
				w.s("</span>")
			} else {
				w.s("<span class=\"due-note\">thank-you ")
				if iv.By == "email" {
					w.s("due")
				} else {
					w.h(iv.By)
					w.s(" due")
				}
				w.s("</span>")
			}
			w.s("\n        </li>")
		}
		w.s("\n      </ul>")
	}
	w.s("\n    </li>")
}

// action is base.html's "action" block.
func (w *htmlOut) action(v *ActionView) {
	w.s("\n<li class=\"action kind-")
	w.h(v.Kind)
	w.s("\"")
	if v.Link == "" {
		w.s(" id=\"")
		w.h(v.Anchor)
		w.s("\"")
	}
	w.s(" data-id=\"")
	w.h(v.ID)
	w.s("\" data-due=\"")
	w.int(v.DueMS)
	w.s("\" data-start=\"")
	w.int(v.StartMS)
	w.s("\" data-day=\"")
	w.h(v.Day)
	w.s("\" data-tz=\"")
	w.h(v.TZ)
	w.s("\" data-deadline=\"")
	w.bool(v.Deadline)
	w.s("\" data-order=\"")
	w.int(int64(v.Order))
	w.s("\" data-bucket=\"")
	w.h(v.Bucket)
	w.s("\">\n  <div class=\"action-head\">\n    <span class=\"kind\">")
	w.h(v.Label)
	w.s("</span>\n    <span class=\"status\" data-status>")
	switch v.Bucket {
	case "overdue":
		w.s("Overdue")
	case "today":
		w.s("Today")
	case "week":
		w.s("This week")
	default:
		w.s("Later")
	}
	w.s("</span>\n    <time class=\"due\" datetime=\"")
	w.h(v.DueISO)
	w.s("\" title=\"")
	w.h(v.TZ)
	w.s("\">")
	if v.Deadline {
		w.s("by ")
	}
	w.h(v.Due)
	w.s("</time>\n  </div>\n  <p class=\"action-what\">")
	if v.Link != "" {
		w.s("<a class=\"company\" href=\"")
		w.urlStart(v.Link)
		w.s("\">")
		w.h(v.Company)
		w.s("</a> <span class=\"role\">")
		w.h(v.Role)
		w.s("</span>")
	}
	w.s("</p>\n  <p class=\"action-who\">")
	if v.To != "" {
		w.s("To <strong>")
		w.h(v.To)
		w.s("</strong>")
		if v.Channel != "" {
			w.s(" <span class=\"channel channel-")
			w.h(v.Channel)
			w.s("\">")
			w.h(v.Channel)
			w.s("</span>")
		}
	} else {
		w.s("Nothing to send: stop waiting for this one.")
	}
	w.s("</p>\n  <p class=\"reason\">")
	w.h(v.Reason)
	w.s("</p>")
	if d := v.Draft; d != nil && v.Link == "" {
		w.s("\n  <div class=\"draft\">\n    <p class=\"draft-subject\"><span class=\"label\">Subject</span> <span id=\"")
		w.h(v.Anchor)
		w.s("/subject\">")
		w.h(d.Subject)
		w.s("</span></p>\n    <pre class=\"draft-body\" id=\"")
		w.h(v.Anchor)
		w.s("/body\">")
		w.h(d.Body)
		w.s("</pre>\n    <div class=\"tools\">\n      <button type=\"button\" class=\"button copy\" data-copy=\"")
		w.h(v.Anchor)
		w.s("/body\" hidden>Copy message</button>\n      <button type=\"button\" class=\"button quiet copy\" data-copy=\"")
		w.h(v.Anchor)
		w.s("/subject\" hidden>Copy subject</button>")
		if d.Mail {
			w.s("\n      <a class=\"button quiet mailto\" href=\"mailto:")
			w.url(d.Email, true)
			w.s("?subject=")
			w.url(d.Subject, false)
			w.s("&amp;body=")
			w.url(d.Body, false)
			w.s("\">Open in mail app</a>")
		}
		if d.Tel != "" {
			w.s("\n      <a class=\"button quiet\" href=\"tel:")
			w.url(d.Tel, true)
			w.s("\">Call ")
			w.h(d.Phone)
			w.s("</a>")
		}
		w.s("\n    </div>\n  </div>")
	} else if v.Link != "" {
		w.s("\n  <p class=\"more\"><a href=\"")
		w.urlStart(v.Link)
		w.s("\">")
		if v.Draft != nil {
			w.s("Draft and details")
		} else {
			w.s("Details")
		}
		w.s(" <span aria-hidden=\"true\">→</span></a></p>")
	}
	w.s("\n</li>")
}

// tableHTML is base.html's "pipeline-table" block for p.
func tableHTML(p *IndexPage, rows [][]byte) []byte {
	n := 0
	for _, r := range rows {
		n += len(r)
	}
	w := &htmlOut{b: make([]byte, 0, n+1024)}
	w.s("\n    <table class=\"sortable\" id=\"pipeline-table\">\n      <caption>")
	switch {
	case p.ClosedPage:
		w.s("Closed applications: accepted, rejected and withdrawn, with their notes sent")
	case p.ClosedCount != 0:
		w.s("Open applications (the ")
		w.int(int64(p.ClosedCount))
		w.s(" closed ones are on <a href=\"closed.html\">their own page</a>)")
	default:
		w.s("Every application")
	}
	w.s("; sort by any column heading.</caption>\n      <thead>\n        <tr>\n" +
		"          <th scope=\"col\" data-type=\"text\">Company</th>\n" +
		"          <th scope=\"col\" data-type=\"text\" class=\"col-role\">Role</th>\n" +
		"          <th scope=\"col\" data-type=\"number\">Stage</th>\n" +
		"          <th scope=\"col\" data-type=\"text\">Last contact</th>\n" +
		"          <th scope=\"col\" data-type=\"number\">Next action</th>\n" +
		"          <th scope=\"col\" data-type=\"number\" class=\"num\">Days waiting</th>\n" +
		"        </tr>\n      </thead>\n      <tbody>")
	for _, r := range rows {
		w.b = append(w.b, r...)
	}
	w.s("\n      </tbody>\n    </table>\n")
	return w.b
}

// rowHTML is one row of the "pipeline-table" block, the i-th.
func rowHTML(i int, r *Row) []byte {
	w := &htmlOut{b: make([]byte, 0, 768)}
	w.s("\n        <tr data-row=\"")
	w.int(int64(i))
	w.s("\">\n          <td data-sort=\"")
	w.h(r.Company)
	w.s("\"><a href=\"")
	w.urlStart(r.Href)
	w.s("\">")
	w.h(r.Company)
	w.s("</a></td>\n          <td class=\"col-role\">")
	w.h(r.Role)
	w.s("</td>\n          <td data-sort=\"")
	w.int(int64(r.StageOrder))
	w.s("\"><span class=\"pill stage-")
	w.h(r.Stage)
	w.s("\">")
	w.h(r.StageLabel)
	w.s("</span></td>\n          <td data-sort=\"")
	w.h(r.LastContact)
	w.s("\">")
	if r.LastContact != "" {
		w.s("<time datetime=\"")
		w.h(r.LastContact)
		w.s("\">")
		w.h(r.LastShort)
		w.s("</time>")
	} else {
		w.s("<span class=\"muted\">–</span>")
	}
	w.s("</td>\n          <td data-sort=\"")
	w.int(r.NextSort)
	w.s("\">")
	if n := r.Next; n != nil {
		w.s("<a href=\"")
		w.urlStart(n.Link)
		w.s("\">")
		w.h(n.Label)
		w.s("</a> <span class=\"muted\">")
		w.h(n.Due)
		w.s("</span>")
	} else {
		w.s("<span class=\"muted\">–</span>")
	}
	w.s("</td>\n          <td class=\"num\" data-sort=\"")
	if r.HasWaiting {
		w.int(int64(r.Waiting))
	}
	w.s("\"")
	if r.HasWaiting {
		w.s(" data-since=\"")
		w.h(r.Since)
		w.s("\" data-tz=\"")
		w.h(r.TZ)
		w.s("\"")
	}
	w.s(">")
	if r.HasWaiting {
		w.int(int64(r.Waiting))
	} else {
		w.s("<span class=\"muted\">–</span>")
	}
	w.s("</td>\n        </tr>")
	return w.b
}

// cardHTML is base.html's "action" block for one action.
func cardHTML(v *ActionView) []byte {
	w := &htmlOut{b: make([]byte, 0, 1536)}
	w.action(v)
	return w.b
}
