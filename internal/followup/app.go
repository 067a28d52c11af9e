package followup

import (
	"fmt"
	"strings"
	"time"
)

// Channel is how a note goes out.
type Channel string

const (
	Email  Channel = "email"
	Letter Channel = "letter"
	Phone  Channel = "phone"
)

func (c *Channel) UnmarshalText(b []byte) error {
	switch v := Channel(strings.TrimSpace(string(b))); v {
	case Email, Letter, Phone:
		*c = v
		return nil
	}
	return fmt.Errorf("unknown channel %q (want email, letter or phone)", string(b))
}

// Or returns c, or def when c is unset.
func (c Channel) Or(def Channel) Channel {
	if c == "" {
		return def
	}
	return c
}

// Kind is the kind of a follow-up action.
type Kind string

const (
	ThankYou       Kind = "thank-you"
	CheckIn        Kind = "check-in"
	Nudge          Kind = "nudge"
	MoveOn         Kind = "move-on"
	AfterRejection Kind = "after-rejection"
	Withdrawal     Kind = "withdrawal"

	// Product rules beyond the advice articles (docs/reference.md).
	AfterApplying Kind = "after-applying" // one check-in when nothing is heard after applying
	OfferThanks   Kind = "offer-thanks"   // thank them for an offer, the next day
	OfferDeadline Kind = "offer-deadline" // answer an offer by its deadline
)

// Kinds lists every kind: the six of the advice in its order, then the product
// rules'.
var Kinds = []Kind{ThankYou, CheckIn, Nudge, MoveOn, AfterRejection, Withdrawal, AfterApplying, OfferThanks, OfferDeadline}

func (k *Kind) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	for _, v := range Kinds {
		if string(v) == s {
			*k = v
			return nil
		}
	}
	return fmt.Errorf("unknown kind %q (want check-in, nudge, after-rejection, withdrawal, after-applying, offer-thanks or offer-deadline)", s)
}

// Outcome is a decision that changes an application's stage.
type Outcome string

const (
	Offer     Outcome = "offer"
	Rejected  Outcome = "rejected"
	Withdrawn Outcome = "withdrawn"
	Accepted  Outcome = "accepted"
)

func (o *Outcome) UnmarshalText(b []byte) error {
	switch v := Outcome(strings.TrimSpace(string(b))); v {
	case Offer, Rejected, Withdrawn, Accepted:
		*o = v
		return nil
	}
	return fmt.Errorf("unknown outcome %q (want offer, rejected, withdrawn or accepted)", string(b))
}

// RoundKind is the form of an interview.
type RoundKind string

const (
	PhoneRound  RoundKind = "phone"
	VideoRound  RoundKind = "video"
	OnsiteRound RoundKind = "onsite"
	OtherRound  RoundKind = "other"
)

func (k *RoundKind) UnmarshalText(b []byte) error {
	switch v := RoundKind(strings.TrimSpace(string(b))); v {
	case PhoneRound, VideoRound, OnsiteRound, OtherRound:
		*k = v
		return nil
	}
	return fmt.Errorf("unknown round kind %q (want phone, video, onsite or other)", string(b))
}

// Stage is where an application stands. It is derived from rounds and log
// by package schedule, never written by the user.
type Stage string

const (
	StageApplied      Stage = "applied"
	StageInterviewing Stage = "interviewing"
	StageOffer        Stage = "offer"
	StageAccepted     Stage = "accepted"
	StageRejected     Stage = "rejected"
	StageWithdrawn    Stage = "withdrawn"
	StageQuiet        Stage = "quiet"
)

// Stages lists the stages in pipeline order.
var Stages = []Stage{StageApplied, StageInterviewing, StageOffer, StageAccepted, StageRejected, StageWithdrawn, StageQuiet}

// Person is someone at the employer.
type Person struct {
	Name  string
	Title string // formal prefix: Dr., Ms., Mr.
	Email string // private: never in a public build
	Phone string // private: never in a public build
	By    Channel
}

// Address is the formal salutation name: "Dr. Lee" from title and surname,
// or the full name when no title is known ([B]: "always address the
// recipient by their formal prefix or title").
func (p Person) Address() string {
	if p.Title == "" {
		return p.Name
	}
	f := strings.Fields(p.Name)
	if len(f) == 0 {
		return p.Title
	}
	return p.Title + " " + f[len(f)-1]
}

// Interviewer is a person met in a round, with what was sent to them.
type Interviewer struct {
	Person
	Thanked Date    // when the thank-you went out; zero = still due
	Posted  Date    // when the extra posted letter went out (mail_letters)
	By      Channel // channel of the thank-you (email default)
	Learned string  // what you learned from this person; else the round's
}

// Round is one interview.
type Round struct {
	N            int // 1-based position in the file; ids use it
	At           LocalTime
	Length       time.Duration
	Kind         RoundKind
	Where        string
	Timeline     *Timeline
	Learned      string
	Interviewers []Interviewer
}

// LogEntry is one thing that happened after applying. Exactly one of Sent,
// Heard, Outcome and Skipped is set.
type LogEntry struct {
	On      Date
	Sent    Kind
	By      Channel
	Heard   string
	Next    Date
	Outcome Outcome
	Note    string
	// Deadline is the day an offer must be answered by (outcome: offer).
	Deadline Date
	// Skipped is the id of an action the user decided not to take; the
	// engine treats it as closed.
	Skipped string
}

// Application is one job application: a file under content/.
type Application struct {
	Slug string // path under content/ without .md, with forward slashes
	// ID is the `id:` of the front matter, or "": a short name that
	// survives moving or renaming the file. See Identity.
	ID       string
	IDPos    Pos    // where the id's value is written, for check's report of a duplicate
	Path     string // the file as the user names it, for messages
	Company  string
	Role     string
	Posting  string
	Location string
	Applied  Date
	Via      Via            // how the application went in; "" when not said
	Address  string         // the employer's address (for work-search logs); private
	Phone    string         // the employer's phone number; private
	TZ       string         // zone name as written (or the site default)
	Loc      *time.Location // resolved zone; never nil after loading
	Contact  *Person
	Rounds   []Round
	Log      []LogEntry
	Notes    []byte // markdown body: private
	// Warnings are problems that do not stop the application from being
	// used (a round at a wall-clock time that occurs twice); check prints
	// them. WarningsAt adds those that depend on the moment.
	Warnings   ErrorList
	AppliedPos Pos // where applied: is written, for WarningsAt
}

// Identity names the application in calendar UIDs: its id when the front
// matter has one, else its slug, so files written before ids existed keep
// the UIDs they always had.
func (a *Application) Identity() string {
	if a.ID != "" {
		return a.ID
	}
	return a.Slug
}

// LatestRound is the round with the latest start, or nil.
func (a *Application) LatestRound() *Round {
	var best *Round
	for i := range a.Rounds {
		r := &a.Rounds[i]
		if best == nil || !r.At.Before(best.At) {
			best = r
		}
	}
	return best
}

// Before orders local times.
func (lt LocalTime) Before(o LocalTime) bool {
	if c := lt.Date.Compare(o.Date); c != 0 {
		return c < 0
	}
	return lt.Hour*60+lt.Minute < o.Hour*60+o.Minute
}

// Start is the round's beginning in loc.
func (r *Round) Start(loc *time.Location) time.Time {
	t, _ := r.At.In(loc)
	return t
}

// End is the round's end in loc: start plus its length of elapsed time.
func (r *Round) End(loc *time.Location) time.Time {
	return r.Start(loc).Add(r.Length)
}

// Reach is how to reach p: their own email and phone, else those written
// for the same name elsewhere in the application (an interviewer is often
// also the contact, with the address given once).
func (a *Application) Reach(p *Person) (email, phone string) {
	email, phone = p.Email, p.Phone
	same := func(q *Person) {
		if q == nil || !strings.EqualFold(strings.TrimSpace(q.Name), strings.TrimSpace(p.Name)) {
			return
		}
		if email == "" {
			email = q.Email
		}
		if phone == "" {
			phone = q.Phone
		}
	}
	same(a.Contact)
	for i := range a.Rounds {
		for j := range a.Rounds[i].Interviewers {
			same(&a.Rounds[i].Interviewers[j].Person)
		}
	}
	return email, phone
}

// WarningsAt is a's warnings at now: those found while parsing, and an
// applied date that lies ahead of now's day in a's zone.
func (a *Application) WarningsAt(now time.Time) ErrorList {
	out := append(ErrorList(nil), a.Warnings...)
	if today := DateOf(now.In(a.Loc)); !a.Applied.IsZero() && a.Applied.After(today) && a.AppliedPos.Path != "" {
		out.Warn(a.AppliedPos, "applied: %s is in the future (today is %s); write the day you applied", a.Applied, today)
	}
	out.Sort()
	return out
}
