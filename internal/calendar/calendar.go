package calendar

import (
	"bytes"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/zone"
)

// Options describe a feed.
type Options struct {
	Name    string    // site title -> X-WR-CALNAME and NAME, e.g. "Job search"
	Domain  string    // UID domain, e.g. "sam.example" (default "followup.invalid" when empty)
	BaseURL string    // where the site is published, e.g. "https://sam.example/jobs/" ("" = no links)
	Stamp   time.Time // the build moment (--now): DTSTAMP, LAST-MODIFIED and SEQUENCE come from it
	Public  bool      // public build: no emails, phones or drafts anywhere in the feed
	Version string    // for PRODID
	Zone    string    // site zone name for X-WR-TIMEZONE; its VTIMEZONE is always included
}

// DraftFunc returns the draft of an action (nil in public builds).
type DraftFunc func(a *followup.Action) (subject, body string, err error)

// thankYouBlock is the length of a thank-you event. The event starts when
// the round ends, the moment [B] says to write the note ("stop
// immediately after the interview ... and write the note itself"), and
// lasts as long as writing it takes. Ending it at the deadline instead
// would paint a 24-hour bar over the next day in every calendar view and
// mark the user busy the whole time; the deadline is in the description.
const thankYouBlock = 30 * time.Minute

// pastInterviewDays is how long an interview stays in the feed after it
// starts: a calendar is also the record of what happened, and an
// interview that vanished the moment it began would leave a hole in the
// subscriber's week. README's feed section gives the number.
const pastInterviewDays = 90

// A Feed is a feed made: its bytes, and where each of its events is in
// them, so that Join can make a bigger feed of several without making
// their events again (a search's feed holds exactly the events of its
// applications' feeds).
type Feed struct {
	data  []byte
	uids  []string // sorted
	spans [][2]int // event i is data[spans[i][0]:spans[i][1]]
	zones map[string]zoneUse

	events     *Feed // Events, made once (serve keeps feeds from save to save)
	eventsOnce sync.Once
}

// Bytes are the feed's file.
func (f *Feed) Bytes() []byte { return f.data }

// Make makes a feed: one event per open action, one per interview that
// started less than pastInterviewDays ago or is still to come, and a
// VTIMEZONE for every zone they use and for the site zone. Identical
// inputs give identical bytes.
//
// The bytes are those of golang-ical's Calendar.SerializeTo for the same
// calendar (TestWriteIsSerializeTo and FuzzText hold them equal), with
// each zone's VTIMEZONE serialised once per process: probing a zone for
// its transitions was most of the cost of a small feed, and most of a
// search's feeds are one application's.
func Make(opt Options, actions []followup.Action, interviews []followup.Interview, draft DraftFunc) (*Feed, error) {
	b, err := collect(opt, actions, interviews, draft)
	if err != nil {
		return nil, err
	}
	order, err := b.order()
	if err != nil {
		return nil, err
	}
	f := &Feed{uids: make([]string, len(order)), spans: make([][2]int, len(order)), zones: make(map[string]zoneUse, len(b.zones))}
	for id, z := range b.zones {
		f.zones[id] = *z // before head adds the site's own
	}
	// About the size of a private build's event: the buffer then grows
	// once, not at every doubling (at 10,000 applications, 50 MB of
	// copies for 13 MB of feeds).
	f.data, err = b.serialise(1280*len(order), func(buf *bytes.Buffer) error {
		for k, i := range order {
			start := buf.Len()
			if err := b.events[i].SerializeTo(buf, serial); err != nil {
				return err
			}
			f.uids[k], f.spans[k] = b.uids[i], [2]int{start, buf.Len()}
		}
		return nil
	})
	return f, err
}

// Events is the feed reduced to what Join needs: its events, copied, so
// that a build holding many feeds until it joins them does not hold
// their files (most of whose bytes are heads and VTIMEZONEs). It is made
// once per feed (serve keeps feeds, and so both, from save to save). Its
// Bytes are not a file.
func (f *Feed) Events() *Feed {
	f.eventsOnce.Do(func() {
		if len(f.spans) == 0 {
			f.events = &Feed{zones: f.zones}
			return
		}
		first, last := f.spans[0][0], f.spans[len(f.spans)-1][1]
		e := &Feed{data: bytes.Clone(f.data[first:last]), uids: f.uids, spans: make([][2]int, len(f.spans)), zones: f.zones}
		for i, s := range f.spans {
			e.spans[i] = [2]int{s[0] - first, s[1] - first}
		}
		f.events = e
	})
	return f.events
}

// Join makes one feed, with the options opt, of the events of feeds: the
// bytes Make would write for all of their actions and interviews at once,
// provided feeds were made with opt but for its Name (the domain, base
// URL, stamp, public or not, and drafts are in their events' bytes).
func Join(opt Options, feeds []*Feed) (*Feed, error) {
	b, err := newBuilder(opt)
	if err != nil {
		return nil, err
	}
	type event struct {
		uid  string
		data []byte
	}
	var events []event
	size := 0
	for _, f := range feeds {
		for id, z := range f.zones {
			b.use(id, z.loc, z.from, z.to)
		}
		for i, s := range f.spans {
			events = append(events, event{f.uids[i], f.data[s[0]:s[1]]})
			size += s[1] - s[0]
		}
	}
	sort.Slice(events, func(i, j int) bool { return events[i].uid < events[j].uid })
	j := &Feed{uids: make([]string, len(events)), spans: make([][2]int, len(events)), zones: map[string]zoneUse{}}
	for id, z := range b.zones {
		j.zones[id] = *z
	}
	j.data, err = b.serialise(size, func(buf *bytes.Buffer) error {
		for k, e := range events {
			if k > 0 && events[k-1].uid == e.uid {
				return dupUID(e.uid)
			}
			start := buf.Len()
			buf.Write(e.data)
			j.uids[k], j.spans[k] = e.uid, [2]int{start, buf.Len()}
		}
		return nil
	})
	return j, err
}

// serialise writes a feed of b's options and zones around its events,
// which events writes; eventBytes is about their size.
func (b *builder) serialise(eventBytes int, events func(*bytes.Buffer) error) ([]byte, error) {
	props, err := b.head()
	if err != nil {
		return nil, err
	}
	ids := b.tzids()
	zones := make([][]byte, len(ids))
	size := 512 + eventBytes // the calendar's head, and the events
	for i, id := range ids {
		if zones[i], err = zoneBytes(id, b.zones[id]); err != nil {
			return nil, err
		}
		size += len(zones[i])
	}
	var buf bytes.Buffer
	buf.Grow(size)
	buf.WriteString("BEGIN:VCALENDAR" + serial.NewLine)
	for _, p := range props {
		if err := p.SerializeTo(&buf, serial); err != nil {
			return nil, err
		}
	}
	for _, z := range zones {
		buf.Write(z)
	}
	if err := events(&buf); err != nil {
		return nil, err
	}
	buf.WriteString("END:VCALENDAR" + serial.NewLine)
	return buf.Bytes(), nil
}

// serial is how every feed is serialised: golang-ical's defaults (lines
// folded at 75 octets) with CRLF line ends, which it does not use unless
// told (trap 1).
var serial = &ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: "\r\n"}

// newBuilder starts a feed of the options opt.
func newBuilder(opt Options) (*builder, error) {
	b := &builder{opt: opt, zones: map[string]*zoneUse{}}
	if opt.BaseURL != "" {
		u, err := url.Parse(strings.TrimSpace(opt.BaseURL))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("calendar: base URL %q: want an absolute http(s) URL", opt.BaseURL)
		}
		b.base = strings.TrimSuffix(u.String(), "/") + "/"
	}
	return b, nil
}

// collect makes the events of a feed.
func collect(opt Options, actions []followup.Action, interviews []followup.Interview, draft DraftFunc) (*builder, error) {
	b, err := newBuilder(opt)
	if err != nil {
		return nil, err
	}
	if opt.Public {
		draft = nil
	}
	for i := range actions {
		a := &actions[i]
		if a.App == nil {
			return nil, fmt.Errorf("calendar: action %s has no application", a.ID)
		}
		var sub, body string
		if draft != nil {
			var err error
			if sub, body, err = draft(a); err != nil {
				return nil, fmt.Errorf("calendar: draft of %s: %w", a.ID, err)
			}
		}
		b.action(a, sub, body)
	}
	for i := range interviews {
		iv := &interviews[i]
		if iv.App == nil || iv.Round == nil {
			return nil, fmt.Errorf("calendar: interview %s has no application or round", iv.ID)
		}
		if iv.Start.After(opt.Stamp.AddDate(0, 0, -pastInterviewDays)) {
			b.interview(iv)
		}
	}
	return b, nil
}

// builder collects the events before they are sorted and written.
type builder struct {
	opt    Options
	base   string // BaseURL with one trailing slash, or ""
	events []*ics.VEvent
	uids   []string
	zones  map[string]*zoneUse // by TZID
	// stamp and seq are DTSTAMP (and LAST-MODIFIED) and SEQUENCE as
	// written, the same for every event; "" until the first.
	stamp, seq string
}

// zoneUse is a zone and the span of the timed events written in it.
type zoneUse struct {
	loc      *time.Location
	from, to time.Time
}

// head makes the calendar's own properties and adds the site zone to
// b.zones: its VTIMEZONE is always there, since X-WR-TIMEZONE names it
// and an empty feed still needs a component to be a valid VCALENDAR.
func (b *builder) head() ([]ics.CalendarProperty, error) {
	prodid, name := "-//followup//followup", line(b.opt.Name)
	if v := line(b.opt.Version); v != "" {
		prodid += " " + strings.ReplaceAll(v, "//", "/")
	}
	if name == "" {
		name = "Job search"
	}
	site, siteLoc, xwr := "UTC", time.UTC, ""
	if z := strings.TrimSpace(b.opt.Zone); z != "" {
		loc, err := zone.Load(z)
		if err != nil {
			return nil, fmt.Errorf("calendar: site zone: %w", err)
		}
		site, siteLoc = z, loc
		if safeTZID(z) {
			xwr = z
		}
	}
	if !safeTZID(site) {
		site, siteLoc = "UTC", time.UTC
	}
	if _, ok := b.zones[site]; !ok {
		b.zones[site] = &zoneUse{loc: siteLoc, from: b.opt.Stamp, to: b.opt.Stamp}
	}
	cal := &ics.Calendar{}
	cal.SetVersion("2.0")
	cal.SetProductId(prodid + "//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	// Google, Apple and Outlook read X-WR-CALNAME; RFC 7986 has NAME.
	cal.SetXWRCalName(name)
	cal.CalendarProperties = append(cal.CalendarProperties, ics.CalendarProperty{BaseProperty: ics.BaseProperty{
		IANAToken: string(ics.PropertyName), Value: name, ICalParameters: map[string][]string{}}})
	cal.SetXWRCalDesc("Follow-up notes to send and recent and upcoming interviews, from followup.")
	if xwr != "" {
		cal.SetXWRTimezone(xwr)
	}
	// Google and Outlook take these as refresh hints or ignore them; Apple
	// and Outlook's "publisher's recommendation" honour them (§3).
	cal.SetRefreshInterval("PT12H")
	cal.SetXPublishedTTL("PT12H")
	return cal.CalendarProperties, nil
}

// tzids are the zones of the feed's VTIMEZONEs, in order.
func (b *builder) tzids() []string {
	ids := make([]string, 0, len(b.zones))
	for id := range b.zones {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// order is the events' order in the feed, by UID; two events with one
// UID are an error.
func (b *builder) order() ([]int, error) {
	order := make([]int, len(b.events))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return b.uids[order[i]] < b.uids[order[j]] })
	for k := 1; k < len(order); k++ {
		if b.uids[order[k-1]] == b.uids[order[k]] {
			return nil, dupUID(b.uids[order[k]])
		}
	}
	return order, nil
}

func dupUID(uid string) error { return fmt.Errorf("calendar: two events have the UID %s", uid) }

// zoneCache holds serialised VTIMEZONEs: a zone's over a span of years
// is the same in every feed, and probing a zone for its transitions was
// most of the cost of a small feed (zone data is read once per process,
// so a zone's name identifies it).
var zoneCache sync.Map // zoneKey -> []byte

type zoneKey struct {
	tzid   string
	y0, y1 int
}

// zoneBytes is the VTIMEZONE of the zone id over the years of z.
func zoneBytes(id string, z *zoneUse) ([]byte, error) {
	k := zoneKey{id, z.from.In(z.loc).Year(), z.to.In(z.loc).Year()}
	if v, ok := zoneCache.Load(k); ok {
		return v.([]byte), nil
	}
	var buf bytes.Buffer
	if err := vtimezone(id, z.loc, z.from, z.to).SerializeTo(&buf, serial); err != nil {
		return nil, err
	}
	zoneCache.Store(k, buf.Bytes())
	return buf.Bytes(), nil
}

// event starts a VEVENT with its UID; finish adds the stamps once its
// content is known.
func (b *builder) event(uid string) *ics.VEvent {
	uid = uidPart(uid) + "@" + domain(b.opt.Domain)
	ev := &ics.VEvent{}
	ev.AddProperty(ics.ComponentPropertyUniqueId, uid)
	b.events = append(b.events, ev)
	b.uids = append(b.uids, uid)
	return ev
}

// finish inserts DTSTAMP, SEQUENCE and LAST-MODIFIED after the UID: all
// three from the build moment, --now, so that they grow with every later
// build (the package doc says why).
func (b *builder) finish(ev *ics.VEvent) {
	if b.stamp == "" {
		// What golang-ical's SetDtStampTime, SetSequence and
		// SetLastModifiedAt write, formatted once for every event.
		b.stamp, b.seq = b.opt.Stamp.UTC().Format("20060102T150405Z"), strconv.Itoa(sequence(b.opt.Stamp))
	}
	prop := func(p ics.ComponentProperty, v string) ics.IANAProperty {
		return ics.IANAProperty{BaseProperty: ics.BaseProperty{IANAToken: string(p), Value: v, ICalParameters: map[string][]string{}}}
	}
	props := make([]ics.IANAProperty, 0, len(ev.Properties)+3)
	props = append(props, ev.Properties[0], // the UID
		prop(ics.ComponentPropertyDtstamp, b.stamp), prop(ics.ComponentPropertySequence, b.seq),
		prop(ics.ComponentPropertyLastModified, b.stamp))
	ev.Properties = append(props, ev.Properties[1:]...)
}

// sequenceEpoch is where SEQUENCE counts from: before any feed with this
// scheme was built, and after the content-derived numbers of the earlier
// scheme (under a hundred), so the switch itself was an increase.
var sequenceEpoch = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// sequence is the SEQUENCE of every event of a build at now.
func sequence(now time.Time) int {
	s := now.Unix() - sequenceEpoch.Unix()
	switch {
	case s < 0:
		return 0
	case s > math.MaxInt32:
		return math.MaxInt32
	}
	return int(s)
}

// timed sets DTSTART and DTEND in the application's zone: local wall time
// with TZID (never SetStartAt with a TZID: golang-ical then writes a UTC
// value with a TZID, trap 2), and records the zone for its VTIMEZONE. A
// zone without a safe IANA name, UTC itself, and an event that starts or
// ends in a repeated hour are written in UTC.
func (b *builder) timed(ev *ics.VEvent, loc *time.Location, start, end time.Time) {
	if loc == nil {
		loc = time.UTC
	}
	if !end.After(start) {
		end = start.Add(thankYouBlock) // an event never ends before it starts
	}
	tzid := loc.String()
	// A wall clock in the hour the clocks go back over names two instants,
	// and parsers disagree on which a TZID value means (RFC 5545 §3.3.5
	// says the first; several take the second), so such an event is
	// written in UTC, which every parser reads alike. Both ends go the same
	// way, so a reader never compares a UTC end with a local start.
	if tzid == "UTC" || !safeTZID(tzid) || followup.RepeatedAt(start, loc) || followup.RepeatedAt(end, loc) {
		ev.AddProperty(ics.ComponentPropertyDtStart, start.UTC().Format("20060102T150405Z"))
		ev.AddProperty(ics.ComponentPropertyDtEnd, end.UTC().Format("20060102T150405Z"))
		return
	}
	const local = "20060102T150405"
	ev.AddProperty(ics.ComponentPropertyDtStart, start.In(loc).Format(local), ics.WithTZID(tzid))
	ev.AddProperty(ics.ComponentPropertyDtEnd, end.In(loc).Format(local), ics.WithTZID(tzid))
	b.use(tzid, loc, start, end)
}

// use records that the zone tzid is used from from to to, for the span
// of years its VTIMEZONE covers.
func (b *builder) use(tzid string, loc *time.Location, from, to time.Time) {
	z := b.zones[tzid]
	if z == nil {
		b.zones[tzid] = &zoneUse{loc: loc, from: from, to: to}
		return
	}
	if from.Before(z.from) {
		z.from = from
	}
	if to.After(z.to) {
		z.to = to
	}
}

// allDay sets DTSTART;VALUE=DATE to d and DTEND to the next day, Google's
// convention for a one-day event (RFC 5545 §3.6.1: DTEND is exclusive).
func allDay(ev *ics.VEvent, d followup.Date) {
	ev.AddProperty(ics.ComponentPropertyDtStart, ymd(d), ics.WithValue(string(ics.ValueDataTypeDate)))
	ev.AddProperty(ics.ComponentPropertyDtEnd, ymd(d.AddDays(1)), ics.WithValue(string(ics.ValueDataTypeDate)))
}

func ymd(d followup.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day) }

// link is the application's page on the published site, or "".
func (b *builder) link(slug string) string {
	if b.base == "" {
		return ""
	}
	parts := strings.Split(slug, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return b.base + strings.Join(parts, "/") + "/"
}

// text sets a TEXT property from clean text, leaving it out when empty.
// In a public build it also blanks any email address or phone number of
// the application's people that text could carry (a reason quoting a
// reply, say), besides never being given them in the first place.
func (b *builder) text(ev *ics.ComponentBase, p ics.ComponentProperty, s string, app *followup.Application) {
	if b.opt.Public {
		s = redact(s, app)
	}
	if s == "" {
		return
	}
	ev.AddProperty(p, s)
}

// redact removes the application's private contact details from s.
func redact(s string, app *followup.Application) string {
	if app == nil {
		return s
	}
	var secrets []string
	add := func(p *followup.Person) {
		for _, v := range []string{p.Email, p.Phone} {
			if v = line(v); len(v) >= 5 {
				secrets = append(secrets, v)
			}
		}
	}
	if app.Contact != nil {
		add(app.Contact)
	}
	for i := range app.Rounds {
		for j := range app.Rounds[i].Interviewers {
			add(&app.Rounds[i].Interviewers[j].Person)
		}
	}
	for _, v := range secrets {
		s = strings.ReplaceAll(s, v, "[private]")
	}
	return s
}

func (b *builder) action(a *followup.Action, subject, body string) {
	app := a.App
	ev := b.event(actionUID(a))
	if a.Kind == followup.ThankYou || !a.AllDay {
		end := a.Start.Add(thankYouBlock)
		if !a.Due.IsZero() && a.Due.After(a.Start) && a.Due.Before(end) {
			end = a.Due
		}
		b.timed(ev, app.Loc, a.Start, end)
	} else {
		allDay(ev, a.Day)
	}
	b.text(&ev.ComponentBase, ics.ComponentPropertySummary, summary(a), app)

	var desc []string
	if r := clean(a.Reason); r != "" {
		desc = append(desc, strings.TrimSpace(r))
	}
	if a.To != nil {
		if p := b.person(a.To); p != "" {
			desc = append(desc, "To: "+p)
		}
	}
	if a.Channel != "" {
		desc = append(desc, "By: "+string(a.Channel))
	}
	if role := line(app.Role); role != "" {
		desc = append(desc, "Role: "+role+" at "+line(app.Company))
	}
	if subject = line(subject); subject != "" || strings.TrimSpace(body) != "" {
		desc = append(desc, "", "Draft")
		if a.Channel != followup.Letter {
			// A letter has no subject line: its draft is the letter.
			desc = append(desc, "Subject: "+subject, "")
		}
		desc = append(desc, strings.TrimRight(clean(body), "\n"))
	}
	link := b.link(app.Slug)
	if link != "" {
		desc = append(desc, "", link)
	}
	b.text(&ev.ComponentBase, ics.ComponentPropertyDescription, plain(strings.Join(desc, "\n")), app)
	if link != "" {
		ev.SetURL(link)
	}
	ev.AddCategory(string(a.Kind))
	// A note to write is not time the user is busy.
	ev.SetTimeTransparency(ics.TransparencyTransparent)
	b.finish(ev)
}

// person is how a recipient appears in a description: title and name, and
// in a private build the email address and phone number to reach them.
func (b *builder) person(p *followup.Person) string {
	s := line(strings.TrimSpace(p.Title + " " + p.Name))
	if b.opt.Public {
		return s
	}
	if e := line(p.Email); e != "" {
		s += " (" + e + ")" // no angle brackets: see plain
	}
	if ph := line(p.Phone); ph != "" {
		s += ", phone " + ph
	}
	return s
}

// summary says what to do and to whom, and where.
func summary(a *followup.Action) string {
	company := line(a.App.Company)
	to := ""
	if a.To != nil {
		to = line(a.To.Address())
	}
	with := func(prep string) string {
		if to == "" {
			return ""
		}
		return prep + to
	}
	by := ""
	switch a.Channel {
	case followup.Phone:
		by = " by phone"
	case followup.Letter:
		by = " by letter"
	}
	var s string
	switch a.Kind {
	case followup.ThankYou:
		s = a.Label() + with(" to ") + " — " + company
	case followup.CheckIn:
		s = "Check in" + with(" with ") + by + " — " + company
	case followup.Nudge:
		s = "Follow up again" + with(" with ") + by + " — " + company
	case followup.MoveOn:
		s = "Move on from " + company
	case followup.AfterRejection:
		s = "Thank" + with(" ") + by + " and ask for feedback — " + company
	case followup.Withdrawal:
		s = "Withdraw from " + company + with(": tell ") + by
	case followup.AfterApplying:
		s = "Check in about your application" + with(" with ") + by + " — " + company
	case followup.OfferThanks:
		who := to
		if who == "" {
			who = "them"
		}
		s = "Thank " + who + " for the offer" + by + " — " + company
	case followup.OfferDeadline:
		s = "Answer the offer" + with(" to ") + by + " — " + company
	default:
		s = string(a.Kind) + with(" ") + " — " + company
	}
	return line(s)
}

func (b *builder) interview(iv *followup.Interview) {
	app, r := iv.App, iv.Round
	ev := b.event(interviewUID(iv))
	end := iv.End
	if !end.After(iv.Start) {
		end = iv.Start.Add(time.Hour)
	}
	b.timed(ev, app.Loc, iv.Start, end)
	company := line(app.Company)
	sum := "Interview: " + company
	if r.Kind != "" {
		sum += " (" + string(r.Kind) + ")"
	}
	b.text(&ev.ComponentBase, ics.ComponentPropertySummary, line(sum), app)
	where := line(r.Where)
	b.text(&ev.ComponentBase, ics.ComponentPropertyLocation, where, app)

	var desc []string
	head := "Round " + strconv.Itoa(r.N)
	if role := line(app.Role); role != "" {
		head = line(app.Role) + " at " + company + ", round " + strconv.Itoa(r.N)
	}
	if r.Kind != "" {
		head += " (" + string(r.Kind) + ")"
	}
	desc = append(desc, head)
	if where != "" {
		desc = append(desc, "Where: "+where)
	}
	var who []string
	for i := range r.Interviewers {
		if p := b.person(&r.Interviewers[i].Person); p != "" {
			who = append(who, p)
		}
	}
	if len(who) > 0 {
		desc = append(desc, "With: "+strings.Join(who, "; "))
	}
	// [E]: "hopefully you asked about their timeline in the interview
	// itself"; [B]: a thank-you to each interviewer within 24 hours.
	desc = append(desc,
		"Ask about their timeline: when do they expect to decide, and when should you hear back?",
		"Afterwards: a thank-you note to each interviewer within 24 hours.")
	if p := line(app.Posting); p != "" {
		desc = append(desc, "Posting: "+p)
	}
	link := b.link(app.Slug)
	if link != "" {
		desc = append(desc, "", link)
	}
	b.text(&ev.ComponentBase, ics.ComponentPropertyDescription, plain(strings.Join(desc, "\n")), app)
	if link != "" {
		ev.SetURL(link)
	}
	ev.AddCategory("interview")

	al := ev.AddAlarm()
	al.SetAction(ics.ActionDisplay)
	// An hour before. Google, Apple (by default) and Outlook drop alarms
	// from subscribed calendars (notes/calendar.md §3); Thunderbird and
	// imported copies keep them.
	al.SetTrigger("-PT1H")
	msg := "Interview at " + company + " in 1 hour: ask about their timeline."
	if b.opt.Public {
		msg = redact(msg, app)
	}
	al.AddProperty(ics.ComponentPropertyDescription, plain(msg))
	b.finish(ev)
}
