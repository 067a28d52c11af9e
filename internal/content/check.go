package content

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/zone"
	"go.yaml.in/yaml/v4"
)

// check turns the decoded fields into an Application, reporting content
// that contradicts itself at the value that is out of place (docs/rules.md).
func (p *parser) check(slug string, raw *rawApp, defaultTZ string) *followup.Application {
	app := &followup.Application{
		Slug:     slug,
		Company:  strings.TrimSpace(raw.Company),
		Role:     strings.TrimSpace(raw.Role),
		Posting:  strings.TrimSpace(raw.Posting),
		Location: strings.TrimSpace(raw.Location),
		Applied:  raw.Applied,
		TZ:       raw.TZ,
	}
	p.employer(app, raw)
	if p.has("id") {
		app.ID, app.IDPos = strings.TrimSpace(raw.ID), p.pos("id")
		if msg := badID(app.ID); msg != "" {
			p.errorf(app.IDPos, "id: %s", msg)
		}
	}
	for _, f := range []string{"company", "role"} {
		if n := p.node(f); n != nil && isEmpty(n) {
			p.errorf(p.pos(f), "%s: must not be empty", f)
		}
	}
	emptyTZ := strings.TrimSpace(app.TZ) == "" && p.has("tz")
	if emptyTZ {
		// Written but empty: falling back to the site's zone would hide
		// a value the user meant to give.
		p.errorf(p.pos("tz"), "tz: empty; write the zone of the application's times, such as tz: America/New_York, or remove the line to use the site's timezone (%s)", defaultTZ)
	}
	if app.TZ == "" {
		app.TZ = defaultTZ
	}
	loc, err := zone.Load(app.TZ)
	if err != nil {
		if p.has("tz") && !emptyTZ {
			if s, offset := zone.NotAPlace(app.TZ); offset {
				p.errorf(p.pos("tz"), "tz: %q is an abbreviation or an offset, not a zone; use an IANA zone such as %s", app.TZ, s)
			} else {
				p.errorf(p.pos("tz"), "tz: %v", err)
			}
		}
		loc = time.UTC
	}
	app.Loc = loc
	if raw.Contact != nil {
		c := raw.Contact
		app.Contact = &followup.Person{Name: strings.TrimSpace(c.Name), Title: strings.TrimSpace(c.Title), Email: c.Email, Phone: c.Phone, By: c.By}
		if app.Contact.Name == "" {
			p.errorf(p.pos("contact"), "contact: missing name")
		}
	}
	people := 0
	for i, rr := range raw.Rounds {
		if i == MaxRounds {
			p.errorf(p.pos(fmt.Sprintf("rounds.%d", i)), "round %d: an application may have at most %d rounds", i+1, MaxRounds)
			break
		}
		app.Rounds = append(app.Rounds, p.round(i, rr, loc, app.TZ, &people))
	}
	p.log(app, raw.Log)
	if len(p.errs) > 0 {
		return nil
	}
	p.warns = append(p.warns, p.warn(app, raw)...)
	return app
}

// MaxRounds and MaxInterviewers bound what one application may hold. A
// real one has a handful of rounds and a few people in each; the bounds
// leave ten times that. The schedule, pages and feeds compare every
// person of an application with the others, for each action (the same
// person met twice is reached the same way and thanked once), so the
// work of an application grows with the square of its people: 16,000
// interviewers took seconds to build, and 100,000 minutes.
const (
	MaxRounds       = 100
	MaxInterviewers = 200 // in all rounds of an application together
)

func (p *parser) round(i int, rr rawRound, loc *time.Location, tz string, people *int) followup.Round {
	base := fmt.Sprintf("rounds.%d", i)
	r := followup.Round{N: i + 1, At: rr.At, Kind: rr.Kind, Where: rr.Where, Learned: strings.TrimSpace(rr.Learned), Length: time.Hour}
	if r.Kind == "" {
		r.Kind = followup.OtherRound
	}
	if rr.At.IsZero() {
		if !p.has(base + ".at") {
			p.errorf(p.pos(base), "round %d: missing \"at\" (YYYY-MM-DD HH:MM)", i+1)
		}
	} else if _, ok := rr.At.In(loc); !ok {
		p.errorf(p.pos(base+".at"), "at: %s does not exist in %s (the clocks jump over it)", rr.At, tz)
	} else if rr.At.Repeated(loc) {
		t, _ := rr.At.In(loc)
		p.warns.Warn(p.pos(base+".at"), "at: %s happens twice in %s (the clocks go back over it); followup takes the first, %s (UTC%s)",
			rr.At, tz, t.Format("MST"), t.Format("-07:00"))
	}
	if rr.Length != nil {
		switch {
		case rr.Length.Unit != followup.Elapsed:
			p.errorf(p.pos(base+".length"), "length: want a duration such as 45m, 1h or 1h30m, not %q", rr.Length)
		case rr.Length.D <= 0:
			p.errorf(p.pos(base+".length"), "length: must be positive, such as 45m or 1h, not %q", rr.Length)
		case rr.Length.D > 24*time.Hour:
			p.errorf(p.pos(base+".length"), "length: %s is longer than a day", rr.Length)
		default:
			r.Length = rr.Length.D
		}
	}
	if rr.Timeline != nil {
		r.Timeline = &rr.Timeline.Timeline
	}
	if rr.Timeline != nil && !rr.Timeline.Date.IsZero() && !rr.At.IsZero() && rr.Timeline.Date.Before(rr.At.Date) {
		p.errorf(p.pos(base+".timeline"), "timeline: %s is before the round on %s", rr.Timeline.Date, rr.At.Date)
	}
	for j, ri := range rr.Interviewers {
		ip := fmt.Sprintf("%s.interviewers.%d", base, j)
		if *people == MaxInterviewers {
			p.errorf(p.pos(ip), "interviewer %d of round %d: an application may name at most %d interviewers in all its rounds", j+1, i+1, MaxInterviewers)
			break
		}
		*people++
		iv := followup.Interviewer{
			Person:  followup.Person{Name: strings.TrimSpace(ri.Name), Title: strings.TrimSpace(ri.Title), Email: ri.Email, Phone: ri.Phone},
			Thanked: ri.Thanked, Posted: ri.Posted, By: ri.By, Learned: strings.TrimSpace(ri.Learned),
		}
		if iv.Name == "" {
			p.errorf(p.pos(ip), "interviewer %d of round %d: missing name", j+1, i+1)
		}
		if !rr.At.IsZero() {
			if !iv.Thanked.IsZero() && iv.Thanked.Before(rr.At.Date) {
				p.errorf(p.pos(ip+".thanked"), "thanked: %s is before the round on %s", iv.Thanked, rr.At.Date)
			}
			if !iv.Posted.IsZero() && iv.Posted.Before(rr.At.Date) {
				p.errorf(p.pos(ip+".posted"), "posted: %s is before the round on %s", iv.Posted, rr.At.Date)
			}
		}
		r.Interviewers = append(r.Interviewers, iv)
	}
	return r
}

func (p *parser) log(app *followup.Application, raws []rawLog) {
	var prev followup.Date
	var lastOutcome followup.Outcome
	rejections := 0
	for i, rl := range raws {
		base := fmt.Sprintf("log.%d", i)
		e := followup.LogEntry{On: rl.On, Sent: rl.Sent, By: rl.By, Heard: strings.TrimSpace(rl.Heard), Next: rl.Next, Outcome: rl.Outcome, Note: rl.Note,
			Deadline: rl.Deadline, Skipped: strings.TrimSpace(rl.Skipped)}
		set := []string{}
		for _, f := range []string{"sent", "heard", "outcome", "skipped"} {
			if p.has(base + "." + f) {
				set = append(set, f)
			}
		}
		switch len(set) {
		case 0:
			p.errorf(p.pos(base), "log entry %d: say what happened with one of sent:, heard:, outcome: or skipped:", i+1)
		case 1:
			if n := p.node(base + "." + set[0]); set[0] != "heard" && isEmpty(n) {
				p.errorf(p.pos(base+"."+set[0]), "%s: must not be empty; want %s", set[0], map[string]string{
					"sent":    "check-in, nudge, after-rejection, withdrawal, after-applying, offer-thanks or offer-deadline",
					"outcome": "offer, rejected, withdrawn or accepted",
					"skipped": "the id of the action you decided not to take, as followup agenda prints it",
				}[set[0]])
			}
		default:
			p.errorf(p.keyPos(base+"."+set[1]), "log entry %d: has both %s and %s; write them as two entries", i+1, set[0], set[1])
		}
		if e.On.IsZero() && !p.has(base+".on") {
			p.errorf(p.pos(base), "log entry %d: missing \"on\" (YYYY-MM-DD)", i+1)
		}
		if p.has(base+".heard") && e.Heard == "" {
			p.errorf(p.pos(base+".heard"), "heard: say what they said (it must not be empty)")
		}
		if !e.Next.IsZero() {
			if !p.has(base + ".heard") {
				p.errorf(p.pos(base+".next"), "next: only a heard: entry gives a new date (the date they said they would decide)")
			} else if !e.On.IsZero() && e.Next.Before(e.On) {
				p.errorf(p.pos(base+".next"), "next: %s is before the reply on %s", e.Next, e.On)
			}
		}
		if !e.Deadline.IsZero() {
			if e.Outcome != followup.Offer {
				p.errorf(p.pos(base+".deadline"), "deadline: only an outcome: offer entry has a deadline (the day to answer the offer by)")
			} else if !e.On.IsZero() && e.Deadline.Before(e.On) {
				p.errorf(p.pos(base+".deadline"), "deadline: %s is before the offer on %s", e.Deadline, e.On)
			}
		}
		if !e.On.IsZero() {
			if !app.Applied.IsZero() && e.On.Before(app.Applied) {
				p.errorf(p.pos(base+".on"), "on: %s is before applied (%s)", e.On, app.Applied)
			} else if !prev.IsZero() && e.On.Before(prev) {
				p.errorf(p.pos(base+".on"), "on: %s is before the entry above it (%s); the log is oldest first", e.On, prev)
			}
			prev = e.On
		}
		switch e.Sent {
		case followup.ThankYou:
			p.errorf(p.pos(base+".sent"), "sent: thank-you notes are recorded with thanked: on each interviewer")
		case followup.MoveOn:
			p.errorf(p.pos(base+".sent"), "sent: move-on needs no record; it passes by itself")
		case followup.AfterRejection:
			if rejections == 0 {
				p.errorf(p.pos(base+".sent"), "sent: after-rejection, but no entry above it says outcome: rejected")
			}
		}
		if e.Outcome != "" {
			switch lastOutcome {
			case followup.Accepted, followup.Withdrawn:
				p.errorf(p.pos(base+".outcome"), "outcome: %s after %s; that application is closed", e.Outcome, lastOutcome)
			case followup.Rejected:
				if e.Outcome != followup.Offer {
					p.errorf(p.pos(base+".outcome"), "outcome: %s after rejected; only an offer can follow a rejection", e.Outcome)
				}
			}
			if e.Outcome == followup.Rejected {
				rejections++
			}
			lastOutcome = e.Outcome
		}
		app.Log = append(app.Log, e)
	}
}

// isEmpty reports whether a value is written but holds nothing: "", ~,
// null, or nothing after the colon.
func isEmpty(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!null" || strings.TrimSpace(n.Value) == "")
}

// badID says what is wrong with an application's id, or "". An id goes
// into calendar UIDs and URLs as is, so it keeps to lowercase ASCII
// letters, digits and hyphens, as followup new writes it.
func badID(id string) string {
	if id == "" {
		return "must not be empty; write a short name such as acme-k7qz, or remove the line"
	}
	if !reID.MatchString(id) {
		return fmt.Sprintf("%q: want lowercase letters, digits and single hyphens, such as acme-k7qz", id)
	}
	return ""
}

// reID is an application's id: what followup.NewID makes, and what a
// person may type instead (it names the application in calendar UIDs,
// so it stays lowercase ASCII).
var reID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
