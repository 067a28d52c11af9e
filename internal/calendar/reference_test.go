package calendar

import (
	"io"

	ics "github.com/arran4/golang-ical"

	"github.com/followup-tool/followup/internal/followup"
)

// build makes the calendar whose serialisation by golang-ical Write's
// bytes must equal (TestWriteIsSerializeTo, FuzzText): the whole feed
// through the library, with no VTIMEZONE cache.
func build(opt Options, actions []followup.Action, interviews []followup.Interview, draft DraftFunc) (*ics.Calendar, error) {
	b, err := collect(opt, actions, interviews, draft)
	if err != nil {
		return nil, err
	}
	props, err := b.head()
	if err != nil {
		return nil, err
	}
	cal := &ics.Calendar{CalendarProperties: props}
	for _, id := range b.tzids() {
		z := b.zones[id]
		cal.AddVTimezone(vtimezone(id, z.loc, z.from, z.to))
	}
	order, err := b.order()
	if err != nil {
		return nil, err
	}
	for _, i := range order {
		cal.AddVEvent(b.events[i])
	}
	return cal, nil
}

// Write writes the feed Make makes to w: the tests' way of making one.
func Write(w io.Writer, opt Options, actions []followup.Action, interviews []followup.Interview, draft DraftFunc) error {
	f, err := Make(opt, actions, interviews, draft)
	if err != nil {
		return err
	}
	_, err = w.Write(f.Bytes())
	return err
}
