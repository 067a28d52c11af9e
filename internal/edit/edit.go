package edit

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"go.yaml.in/yaml/v4"
)

// Change is one record to write into an application file.
type Change struct {
	// What says it in words, for messages and commit messages
	// ("thanked Dr. Robert Lee").
	What string

	round, iv int    // the interviewer, for a thanked:/posted: date
	field     string // "thanked" or "posted"; "" for a record
	value     followup.Date

	list   string // "log" or "rounds", for a record
	rec    []kv
	expect func(a *followup.Application) // the change, as the application reads it

	action string // the open action it closes, if any
}

// thanked records a thank-you (posted: the extra posted letter) to the
// interviewer iv (0-based) of round (0-based, as the file lists them).
func thanked(round, iv int, posted bool, on followup.Date, what string) Change {
	c := Change{What: what, round: round, iv: iv, field: "thanked", value: on}
	if posted {
		c.field = "posted"
	}
	c.expect = func(a *followup.Application) {
		if round >= len(a.Rounds) || iv >= len(a.Rounds[round].Interviewers) {
			return // not there: the result cannot match, and is refused
		}
		p := &a.Rounds[round].Interviewers[iv]
		if posted {
			p.Posted = on
		} else {
			p.Thanked = on
		}
	}
	return c
}

// log appends an entry to the log. Only the fields the schema gives each
// kind of entry are written, in the order it writes them.
func log(e followup.LogEntry, what string) Change {
	rec := []kv{{key: "on", value: e.On.String()}}
	switch {
	case e.Sent != "":
		rec = append(rec, kv{key: "sent", value: string(e.Sent)})
		if e.By != "" {
			rec = append(rec, kv{key: "by", value: string(e.By)})
		}
	case e.Heard != "":
		rec = append(rec, kv{key: "heard", value: quoteText(e.Heard)})
		if !e.Next.IsZero() {
			rec = append(rec, kv{key: "next", value: e.Next.String()})
		}
	case e.Outcome != "":
		rec = append(rec, kv{key: "outcome", value: string(e.Outcome)})
		if !e.Deadline.IsZero() {
			rec = append(rec, kv{key: "deadline", value: e.Deadline.String()})
		}
	case e.Skipped != "":
		rec = append(rec, kv{key: "skipped", value: quoteText(e.Skipped)})
	}
	if e.Note != "" {
		rec = append(rec, kv{key: "note", value: quoteText(e.Note)})
	}
	return Change{What: what, list: "log", rec: rec, expect: func(a *followup.Application) { a.Log = append(a.Log, e) }}
}

// NewRound is a round to add.
type NewRound struct {
	At       followup.LocalTime
	Length   string // as written ("1h"); "" leaves the default
	Kind     followup.RoundKind
	Timeline string // as written ("2 weeks"); "" for none
	With     []string
}

// round appends an interview round.
func round(r NewRound, what string) (Change, error) {
	want := followup.Round{At: r.At, Kind: r.Kind, Length: time.Hour}
	rec := []kv{{key: "at", value: r.At.String()}}
	if r.Length != "" {
		sp, err := followup.ParseSpan(r.Length)
		if err != nil || sp.Unit != followup.Elapsed || sp.D <= 0 || sp.D > 24*time.Hour {
			return Change{}, fmt.Errorf("length %q: want a duration such as 45m, 1h or 1h30m", r.Length)
		}
		want.Length = sp.D
		rec = append(rec, kv{key: "length", value: quoteText(r.Length)})
	}
	if r.Kind != "" {
		rec = append(rec, kv{key: "kind", value: string(r.Kind)})
	} else {
		want.Kind = followup.OtherRound
	}
	if r.Timeline != "" {
		var tl followup.Timeline
		if err := tl.UnmarshalText([]byte(r.Timeline)); err != nil {
			return Change{}, fmt.Errorf("timeline %q: write what they said, such as \"2 weeks\", \"10 business days\" or a date YYYY-MM-DD", r.Timeline)
		}
		want.Timeline = &tl
		rec = append(rec, kv{key: "timeline", value: quoteText(r.Timeline)})
	}
	if len(r.With) > 0 {
		var people [][]kv
		for _, n := range r.With {
			n = strings.TrimSpace(n)
			if n == "" {
				return Change{}, fmt.Errorf("--with: a name must not be empty")
			}
			title, name := splitTitle(n)
			rec := []kv{{key: "name", value: quoteText(name)}}
			if title != "" {
				rec = append(rec, kv{key: "title", value: quoteText(title)})
			}
			people = append(people, rec)
			want.Interviewers = append(want.Interviewers, followup.Interviewer{Person: followup.Person{Name: name, Title: title}})
		}
		rec = append(rec, kv{key: "interviewers", list: people})
	}
	return Change{What: what, list: "rounds", rec: rec, expect: func(a *followup.Application) {
		w := want
		w.N = len(a.Rounds) + 1
		a.Rounds = append(a.Rounds, w)
	}}, nil
}

// splitTitle takes a formal prefix off a name ("Dr. Robert Lee"): it goes
// in title:, which the drafts use to address them ("Dear Dr. Lee";
// [B]: "address the recipient by their formal prefix or title").
func splitTitle(n string) (title, name string) {
	first, rest, ok := strings.Cut(n, " ")
	if !ok || strings.TrimSpace(rest) == "" {
		return "", n
	}
	switch strings.ToLower(strings.TrimSuffix(first, ".")) {
	case "dr", "mr", "ms", "mrs", "mx", "prof":
		return first, strings.TrimSpace(rest)
	}
	return "", n
}

// Problem is a file left unchanged, and what to write by hand instead.
type Problem struct {
	Path   string
	Line   int // of the file; 0 when none
	Reason string
	Where  string // where the lines go
	Paste  string // the lines to paste
}

func (p *Problem) Error() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:1: ", p.Path, p.Line)
	} else {
		fmt.Fprintf(&b, "%s:1:1: ", p.Path)
	}
	fmt.Fprintf(&b, "not changed: %s.", p.Reason)
	if p.Paste != "" {
		fmt.Fprintf(&b, "\nTo record it, add by hand %s:\n\n%s", p.Where, strings.ReplaceAll(p.Paste, "\r\n", "\n"))
	}
	return b.String()
}

// Apply makes the new bytes of the file: c spliced in. The file must pass
// check before and after, and must read back as exactly the change; the
// error is a followup.ErrorList when the file has problems of its own,
// else a *Problem that says what to paste where.
func Apply(path, slug string, data []byte, defaultTZ string, c Change) ([]byte, error) {
	old, errs := content.Parse(path, slug, data, defaultTZ)
	if len(errs) > 0 {
		return nil, errs
	}
	d, err := parseDoc(data)
	if err != nil {
		return nil, &Problem{Path: path, Reason: err.Error()}
	}
	sp, r, where, paste := d.plan(c)
	problem := func(reason string, line int) *Problem {
		return &Problem{Path: path, Line: line, Reason: reason, Where: where, Paste: paste}
	}
	at := 0 // where the change goes, for problems found after it
	if len(sp) > 0 {
		at = 1 + bytes.Count(data[:sp[len(sp)-1].start], []byte("\n"))
	}
	if r != nil {
		ln := 0
		if r.line >= 0 {
			ln = fileLine(r.line)
		}
		return nil, problem(r.reason, ln)
	}
	out := apply(data, sp)
	neu, errs := content.Parse(path, slug, out, defaultTZ)
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Msg
		}
		// Pasting it by hand would not pass either: say why, not what.
		return nil, &Problem{Path: path, Line: at, Reason: "the change would not pass check: " + strings.Join(msgs, "; ")}
	}
	want := clone(old)
	c.expect(want)
	if !same(want, neu) {
		return nil, problem("the edited file does not read back as the change alone", at)
	}
	if tail := data[d.end:]; !bytes.HasSuffix(out, tail) {
		return nil, problem("the notes would change", at)
	}
	return out, nil
}

// plan finds the splices for c, or why not, with the lines a person
// would paste instead and where.
func (d *doc) plan(c Change) (sp []splice, r *refusal, where, paste string) {
	st := d.learnStyle()
	if c.field != "" {
		paste = c.field + ": " + c.value.String() + d.nl
		where = fmt.Sprintf("to interviewer %d of round %d", c.iv+1, c.round+1)
		iv, r := d.interviewer(c.round, c.iv)
		if iv != nil {
			where = fmt.Sprintf("to interviewer %d of round %d (line %d), in the column of its name", c.iv+1, c.round+1, fileLine(iv.Line-1))
			if iv.Style&yaml.FlowStyle != 0 {
				where = fmt.Sprintf("inside the { } of interviewer %d of round %d (line %d), after its last field", c.iv+1, c.round+1, fileLine(iv.Line-1))
				paste = ", " + c.field + ": " + c.value.String() + d.nl
			}
		}
		if r != nil {
			return nil, r, where, paste
		}
		if r := anchors(d.root); r != nil {
			return nil, r, where, paste
		}
		sp, r = d.setField(iv, c.field, c.value.String())
		return sp, r, where, paste
	}
	paste = recordLines(c.rec, st.dash, st.dash+st.key, st, d.nl)
	if k, v := field(d.root, c.list); k != nil {
		where = fmt.Sprintf("at the end of %s: (line %d)", c.list, fileLine(k.Line-1))
		if v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle != 0 && len(v.Content) > 0 {
			where = fmt.Sprintf("to %s: (line %d), once its [ ] list is rewritten one entry per line like these", c.list, fileLine(k.Line-1))
		}
	} else {
		paste = c.list + ":" + d.nl + paste
		where = fmt.Sprintf("before the closing --- (line %d)", fileLine(len(d.lines)))
	}
	if r := anchors(d.root); r != nil {
		return nil, r, where, paste
	}
	before := ""
	if c.list == "rounds" {
		before = "log"
	}
	sp, r = d.appendRecord(c.list, c.rec, before)
	return sp, r, where, paste
}

// interviewer is the mapping of interviewer iv of round (0-based, counting
// records as the decoder does).
func (d *doc) interviewer(round, iv int) (*yaml.Node, *refusal) {
	_, rounds := field(d.root, "rounds")
	if rounds == nil {
		return nil, refuse(nil, "the file has no rounds")
	}
	if r := shape(rounds, "rounds"); r != nil {
		return nil, r
	}
	rd := nth(rounds, round)
	if rd == nil {
		return nil, refuse(rounds, "round %d is not in the file", round+1)
	}
	if r := shape(rd, fmt.Sprintf("round %d", round+1)); r != nil {
		return nil, r
	}
	_, ivs := field(rd, "interviewers")
	if ivs == nil {
		return nil, refuse(rd, "round %d has no interviewers", round+1)
	}
	if r := shape(ivs, "interviewers"); r != nil {
		return nil, r
	}
	n := nth(ivs, iv)
	if n == nil {
		return nil, refuse(ivs, "interviewer %d of round %d is not in the file", iv+1, round+1)
	}
	if r := shape(n, fmt.Sprintf("interviewer %d of round %d", iv+1, round+1)); r != nil {
		return n, r
	}
	return n, nil
}

// nth is the i-th mapping of a list: the decoder keeps only mappings in
// a list of records.
func nth(list *yaml.Node, i int) *yaml.Node {
	if list.Kind != yaml.SequenceNode {
		return nil
	}
	for _, c := range list.Content {
		if c.Kind != yaml.MappingNode {
			continue
		}
		if i == 0 {
			return c
		}
		i--
	}
	return nil
}

func clone(a *followup.Application) *followup.Application {
	c := *a
	c.Rounds = make([]followup.Round, len(a.Rounds))
	for i, r := range a.Rounds {
		r.Interviewers = append([]followup.Interviewer(nil), r.Interviewers...)
		c.Rounds[i] = r
	}
	c.Log = append([]followup.LogEntry(nil), a.Log...)
	if a.Contact != nil {
		p := *a.Contact
		c.Contact = &p
	}
	return &c
}

// same compares two readings of a file, apart from what differs between
// any two parses.
func same(a, b *followup.Application) bool {
	x, y := *a, *b
	if x.Loc.String() != y.Loc.String() {
		return false
	}
	x.Loc, y.Loc = nil, nil
	// Warnings and the positions they cite are about the text, not the
	// application: an edit moves lines, and recording a thank-you ends
	// the warning that it has no address to go to.
	x.Warnings, y.Warnings = nil, nil
	x.AppliedPos, y.AppliedPos = followup.Pos{}, followup.Pos{}

	norm := func(rs []followup.Round) {
		for i := range rs {
			if len(rs[i].Interviewers) == 0 {
				rs[i].Interviewers = nil
			}
		}
	}
	norm(x.Rounds)
	norm(y.Rounds)
	if len(x.Rounds) == 0 {
		x.Rounds = nil
	}
	if len(y.Rounds) == 0 {
		y.Rounds = nil
	}
	if len(x.Log) == 0 {
		x.Log = nil
	}
	if len(y.Log) == 0 {
		y.Log = nil
	}
	return reflect.DeepEqual(x, y)
}
