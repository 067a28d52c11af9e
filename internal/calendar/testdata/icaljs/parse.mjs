// Parses an iCalendar file with Mozilla ical.js (the engine of Thunderbird)
// and prints what a client would show, as JSON:
//   {name, events: [{uid, summary, description, location, url,
//                    start, end, allDay, tzid, alarms}]}
// start and end are UTC instants (2026-11-20T19:00:00Z) for timed events,
// dates (2026-11-20) for all-day ones. Timed values are resolved through
// the VTIMEZONE components of the file itself, as Thunderbird does; run it
// with TZ=UTC so that a TZID without a VTIMEZONE (floating time) shows up
// as a wrong instant instead of a right one by luck.
import fs from 'node:fs';
import ICAL from 'ical.js';

const instant = (t) => {
  if (!t) return '';
  if (t.isDate) return t.toString();
  return t.toJSDate().toISOString().replace(/\.000Z$/, 'Z');
};

const text = fs.readFileSync(process.argv[2], 'utf8');
const root = new ICAL.Component(ICAL.parse(text));
const out = {name: root.getFirstPropertyValue('x-wr-calname') || '', events: []};
for (const comp of root.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(comp);
  const tz = comp.getFirstProperty('dtstart').getParameter('tzid') || '';
  out.events.push({
    uid: ev.uid,
    summary: ev.summary || '',
    description: ev.description || '',
    location: ev.location || '',
    url: comp.getFirstPropertyValue('url') || '',
    start: instant(ev.startDate),
    end: instant(ev.endDate),
    allDay: ev.startDate.isDate,
    tzid: tz,
    alarms: comp.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
  });
}
process.stdout.write(JSON.stringify(out) + '\n');
