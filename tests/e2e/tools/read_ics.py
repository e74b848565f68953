"""Reads a calendar file with Python's icalendar, an outside parser, and prints what it
found as JSON: each event (UID, summary, start in UTC as the file's own VTIMEZONE says,
repeat rule, alarm triggers) and each time zone. Used by the reminders' journey; exits 1
with the parser's words when the file does not parse."""

import json
import sys

import icalendar


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    zones = {}
    for tz in cal.walk("VTIMEZONE"):
        zones[str(tz["TZID"])] = tz.to_tz()
    events = []
    for ev in cal.walk("VEVENT"):
        start = ev["DTSTART"].dt
        tzid = ev["DTSTART"].params.get("TZID")
        if tzid is not None and start.tzinfo is None:
            start = start.replace(tzinfo=zones[tzid])
        events.append(
            {
                "uid": str(ev["UID"]),
                "summary": str(ev["SUMMARY"]),
                "tzid": tzid,
                "local": ev["DTSTART"].dt.replace(tzinfo=None).isoformat(),
                "utc": start.astimezone(__import__("datetime").timezone.utc).isoformat(),
                "duration_minutes": int(ev["DURATION"].dt.total_seconds() // 60),
                "rrule": ev["RRULE"].to_ical().decode() if "RRULE" in ev else None,
                "alarms": [str(a["TRIGGER"].to_ical().decode()) for a in ev.walk("VALARM")],
            }
        )
    print(json.dumps({"zones": sorted(zones), "events": events}))


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception as e:  # the journey shows the parser's own words
        print(f"not a calendar icalendar can read: {e!r}", file=sys.stderr)
        sys.exit(1)
