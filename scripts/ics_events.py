"""Reads an iCalendar file on stdin with Python's icalendar (a real parser,
for the tests) and prints its events as JSON: uid, summary, status,
sequence and the start in Europe/Amsterdam."""

import json
import sys
from zoneinfo import ZoneInfo

from icalendar import Calendar

cal = Calendar.from_ical(sys.stdin.read())
events = []
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    if start.tzinfo is None:
        raise SystemExit("DTSTART without a time zone: " + str(ev["DTSTART"].to_ical()))
    events.append({
        "uid": str(ev["UID"]),
        "summary": str(ev["SUMMARY"]),
        "status": str(ev.get("STATUS", "")),
        "sequence": int(ev.get("SEQUENCE", 0)),
        "start": start.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%Y-%m-%dT%H:%M"),
    })
print(json.dumps(events))
