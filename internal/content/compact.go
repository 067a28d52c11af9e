package content

import (
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// compact moves every text of an application into one allocation.
// Decoding leaves each value in its own small string (a dozen or more per
// file), and a big search keeps them all for the whole build: at 100,000
// applications that was over a million live objects for the collector to
// visit on every cycle, the largest part of the growth of its work from
// 10,000 to 100,000 applications. One string per application is one
// object, and it holds no pointers.
func compact(a *followup.Application) {
	n := 0
	texts(a, func(s *string) { n += len(*s) })
	var b strings.Builder
	b.Grow(n)
	texts(a, func(s *string) { b.WriteString(*s) })
	all, at := b.String(), 0
	texts(a, func(s *string) {
		l := len(*s)
		*s = all[at : at+l]
		at += l
	})
}

// texts calls f on every text field of a, in a fixed order.
func texts(a *followup.Application, f func(*string)) {
	f(&a.Slug)
	f(&a.Path)
	f(&a.Company)
	f(&a.Role)
	f(&a.Posting)
	f(&a.Location)
	f(&a.TZ)
	f(&a.NotesHTML)
	person := func(p *followup.Person) {
		f(&p.Name)
		f(&p.Title)
		f(&p.Email)
		f(&p.Phone)
		text(&p.By, f)
	}
	if a.Contact != nil {
		person(a.Contact)
	}
	for i := range a.Rounds {
		r := &a.Rounds[i]
		text(&r.Kind, f)
		f(&r.Where)
		f(&r.Learned)
		for j := range r.Interviewers {
			iv := &r.Interviewers[j]
			person(&iv.Person)
			text(&iv.By, f)
		}
	}
	for i := range a.Log {
		e := &a.Log[i]
		text(&e.Sent, f)
		text(&e.By, f)
		f(&e.Heard)
		text(&e.Outcome, f)
		f(&e.Note)
	}
}

// text hands a field of a string type (a kind, a channel) to f.
func text[T ~string](p *T, f func(*string)) {
	s := string(*p)
	f(&s)
	*p = T(s)
}
