"""Parse an iCalendar file with python-icalendar and print it as JSON.

The same shape as ../icaljs/parse.mjs prints:
  {name, events: [{uid, summary, description, location, url,
                   start, end, allDay, tzid, alarms}], errors: [...]}
start and end are UTC instants (2026-11-20T19:00:00Z) for timed events and
dates (2026-11-20) for all-day ones; a floating time (no zone) is printed as
"floating:<local time>" so that it never matches. python-icalendar reads a
TZID that names an IANA zone with pytz, not with the VTIMEZONE of the file:
an independent check of the times. It is lenient and collects property
errors on each component instead of raising; they are printed in "errors".

Run it with Debian's /usr/bin/python3 (apt: python3-icalendar).
"""
import datetime
import json
import sys

import icalendar


def instant(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            return "floating:" + v.isoformat()
        return v.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return v.isoformat()


def main():
    with open(sys.argv[1], "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    out = {"name": str(cal.get("X-WR-CALNAME", "")), "events": [], "errors": []}
    for comp in cal.walk():
        for prop, err in getattr(comp, "errors", []) or []:
            out["errors"].append("%s %s: %s" % (comp.name, prop, err))
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND") if "DTEND" in ev else None
        out["events"].append({
            "uid": str(ev.get("UID", "")),
            "summary": str(ev.get("SUMMARY", "")),
            "description": str(ev.get("DESCRIPTION", "")),
            "location": str(ev.get("LOCATION", "")),
            "url": str(ev.get("URL", "")),
            "start": instant(start),
            "end": instant(end),
            "allDay": not isinstance(start, datetime.datetime),
            "tzid": str(ev["DTSTART"].params.get("TZID", "")),
            "alarms": [ev_alarm.get("TRIGGER").to_ical().decode() for ev_alarm in ev.walk("VALARM")],
        })
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
