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
//
// The collector still follows every pointer to it, one per text: an
// empty text is left with none (a slice of the shared string, even an
// empty one, points into it), and a kind, channel or outcome points at
// its constant, outside the heap. An application has about fifty texts,
// most of them empty or one of those words.
func compact(a *followup.Application) {
	n := 0
	texts(a, func(s *string) { n += len(*s) })
	var b strings.Builder
	b.Grow(n)
	texts(a, func(s *string) { b.WriteString(*s) })
	all, at := b.String(), 0
	texts(a, func(s *string) {
		l := len(*s)
		if l == 0 {
			*s = ""
			return
		}
		*s = all[at : at+l]
		at += l
	})
}

// constants are the values of the fields of a string type (kinds,
// channels, outcomes), each the constant itself.
var constants = func() map[string]string {
	m := map[string]string{}
	for _, k := range followup.Kinds {
		m[string(k)] = string(k)
	}
	for _, c := range []followup.Channel{followup.Email, followup.Letter, followup.Phone} {
		m[string(c)] = string(c)
	}
	for _, o := range []followup.Outcome{followup.Offer, followup.Rejected, followup.Withdrawn, followup.Accepted} {
		m[string(o)] = string(o)
	}
	for _, k := range []followup.RoundKind{followup.PhoneRound, followup.VideoRound, followup.OnsiteRound, followup.OtherRound} {
		m[string(k)] = string(k)
	}
	return m
}()

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
		f(&e.Skipped)
	}
}

// text hands a field of a string type (a kind, a channel) to f, unless
// its value is one of the constants: then it points at that instead.
func text[T ~string](p *T, f func(*string)) {
	if c, ok := constants[string(*p)]; ok {
		*p = T(c)
		return
	}
	s := string(*p)
	f(&s)
	*p = T(s)
}
