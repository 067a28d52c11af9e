package content

import (
	"fmt"
	"net/mail"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/zone"
)

// warn finds what is likely a mistake in a file that parsed: none of it
// stops a build (the engine has an answer for each), but the answer is
// probably not what the writer meant. Each is a warning at the value.
func (p *parser) warn(app *followup.Application, raw *rawApp) followup.ErrorList {
	var w followup.ErrorList
	if app.Contact != nil {
		p.warnEmail(&w, "contact.email", app.Contact.Email)
	}
	if app.TZ != "" && p.has("tz") {
		if s, ok := zone.NotAPlace(app.TZ); ok {
			w.Warn(p.pos("tz"), "tz: %q is a fixed offset or an abbreviation, not a place: its clock never changes for daylight saving; use an IANA zone such as %s", app.TZ, s)
		}
	}
	for i := range app.Rounds {
		r := &app.Rounds[i]
		base := fmt.Sprintf("rounds.%d", i)
		if i == 0 && !app.Applied.IsZero() {
			first := r.At.Date
			for _, o := range app.Rounds {
				if o.At.Date.Before(first) {
					first = o.At.Date
				}
			}
			if app.Applied.After(first) {
				w.Warn(p.pos("applied"), "applied: %s is after the first round on %s; write the day you applied", app.Applied, first)
			}
		}
		if len(r.Interviewers) == 0 {
			w.Warn(p.pos(base+".at"), "round %d has no interviewers, so no thank-you can be computed; list them under interviewers: with each person's name", i+1)
		}
		seen := map[string]int{}
		for j := range r.Interviewers {
			iv := &r.Interviewers[j]
			ip := fmt.Sprintf("%s.interviewers.%d", base, j)
			key := strings.ToLower(strings.Join(strings.Fields(iv.Name), " "))
			if k, dup := seen[key]; dup && key != "" {
				w.Warn(p.pos(ip+".name"), "%s is listed twice in round %d (also as interviewer %d): each gets a thank-you; remove one", iv.Name, i+1, k+1)
			} else {
				seen[key] = j
			}
			p.warnEmail(&w, ip+".email", iv.Email)
			if n := p.node(ip + ".thanked"); n != nil && isEmpty(n) {
				w.Warn(p.pos(ip+".thanked"), "thanked: is empty, so the thank-you still counts as due; write the day it went out (YYYY-MM-DD), or remove the line")
			}
			if iv.Thanked.IsZero() && iv.By.Or(followup.Email) == followup.Email {
				if email, _ := app.Reach(&iv.Person); email == "" && iv.Name != "" {
					w.Warn(p.pos(ip+".name"), "no email address for %s: the thank-you's mail link has no recipient; add email: under this interviewer (or under contact: when it is the same person)", iv.Name)
				}
			}
		}
	}
	if app.Applied.IsZero() || !p.has("applied") {
		return w
	}
	app.AppliedPos = p.pos("applied")
	return w
}

// warnEmail warns about an email: that is not an address.
func (p *parser) warnEmail(w *followup.ErrorList, path, email string) {
	if strings.TrimSpace(email) == "" {
		return
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != strings.TrimSpace(email) || !strings.Contains(a.Address[strings.LastIndexByte(a.Address, '@')+1:], ".") {
		w.Warn(p.pos(path), "email: %q is not an email address (want name@example.com)", email)
	}
}
