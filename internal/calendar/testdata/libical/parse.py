"""Parse an iCalendar file with libical (C, through GObject introspection)
and print it as JSON, in the shape ../icaljs/parse.mjs prints:
  {name, events: [{uid, summary, description, location, url,
                   start, end, allDay, tzid, alarms}], errors: [...]}

libical resolves a TZID against the VTIMEZONEs of the file itself (the
DTSTART/DTEND getters look the zone up in the enclosing VCALENDAR) and
expands their RRULEs with its own code: a third implementation, beside
ical.js (our VTIMEZONE, JavaScript) and python-icalendar (pytz, ignoring
it). A time whose TZID has no VTIMEZONE in the file is an error here.

Run it with Debian's /usr/bin/python3 (apt: gir1.2-ical-3.0 python3-gi).
"""
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I  # noqa: E402

UTC = I.Timezone.get_utc_timezone()


def text(comp, kind):
    p = comp.get_first_property(kind)
    if p is None:
        return ""
    v = p.get_value()
    return v.get_text() if v.isa() == I.ValueKind.TEXT_VALUE else p.get_value_as_string()


def instant(comp, kind, errors, uid):
    p = comp.get_first_property(kind)
    if p is None:
        return "", False
    t = p.get_datetime_with_component(comp)
    if t.is_date():
        return "%04d-%02d-%02d" % (t.get_year(), t.get_month(), t.get_day()), True
    tzid = p.get_parameter_as_string("TZID")
    if tzid and not t.get_timezone():
        errors.append("%s: TZID %s has no VTIMEZONE" % (uid, tzid))
    if not t.get_timezone() and not t.is_utc():
        return "floating:" + t.as_ical_string(), False
    u = t.convert_to_zone(UTC)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (
        u.get_year(), u.get_month(), u.get_day(), u.get_hour(), u.get_minute(), u.get_second()), False


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        data = f.read()
    cal = I.Component.new_from_string(data)
    out = {"name": "", "events": [], "errors": []}
    if cal is None or cal.isa() != I.ComponentKind.VCALENDAR_COMPONENT:
        out["errors"].append("not a VCALENDAR")
        json.dump(out, sys.stdout)
        return
    p = cal.get_first_property(I.PropertyKind.X_PROPERTY)
    while p is not None:
        if p.get_x_name() == "X-WR-CALNAME":
            out["name"] = p.get_value_as_string()
        p = cal.get_next_property(I.PropertyKind.X_PROPERTY)
    # libical marks what it could not parse with X-LIC-ERROR properties.
    def collect(comp):
        e = comp.get_first_property(I.PropertyKind.XLICERROR_PROPERTY)
        while e is not None:
            out["errors"].append(e.get_value_as_string())
            e = comp.get_next_property(I.PropertyKind.XLICERROR_PROPERTY)
        c = comp.get_first_component(I.ComponentKind.ANY_COMPONENT)
        while c is not None:
            collect(c)
            c = comp.get_next_component(I.ComponentKind.ANY_COMPONENT)
    collect(cal)
    ev = cal.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
    while ev is not None:
        uid = ev.get_uid() or ""
        start, all_day = instant(ev, I.PropertyKind.DTSTART_PROPERTY, out["errors"], uid)
        end, _ = instant(ev, I.PropertyKind.DTEND_PROPERTY, out["errors"], uid)
        dt = ev.get_first_property(I.PropertyKind.DTSTART_PROPERTY)
        alarms = []
        a = ev.get_first_component(I.ComponentKind.VALARM_COMPONENT)
        while a is not None:
            alarms.append(text(a, I.PropertyKind.TRIGGER_PROPERTY))
            a = ev.get_next_component(I.ComponentKind.VALARM_COMPONENT)
        out["events"].append({
            "uid": uid,
            "summary": text(ev, I.PropertyKind.SUMMARY_PROPERTY),
            "description": text(ev, I.PropertyKind.DESCRIPTION_PROPERTY),
            "location": text(ev, I.PropertyKind.LOCATION_PROPERTY),
            "url": text(ev, I.PropertyKind.URL_PROPERTY),
            "start": start,
            "end": end,
            "allDay": all_day,
            "tzid": (dt.get_parameter_as_string("TZID") or "") if dt else "",
            "alarms": alarms,
        })
        ev = cal.get_next_component(I.ComponentKind.VEVENT_COMPONENT)
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
