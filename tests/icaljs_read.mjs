// Reads .ics files with ical.js (the parser Thunderbird uses) and prints, as JSON, every
// VEVENT's UID and its start and end: date-times converted to UTC, dates as they are.
//
//   node tests/icaljs_read.mjs a.ics b.ics ...
//   -> [{"file": "a.ics", "uid": "...", "start": "2027-12-01T10:00:00Z", "end": "...",
//        "zone": "Europe/London", "allDay": false}, ...]
//
// Each file's VTIMEZONEs are registered in ICAL.TimezoneService (cleared between files), and
// ical.js also resolves a TZID from the calendar's own VTIMEZONE; a TZID that resolves to
// neither leaves a floating time, which is an error here rather than a silent wrong answer.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function utc(time) {
  return time.convertToZone(ICAL.Timezone.utcTimezone).toString();
}

function when(time, tzid) {
  if (time.isDate) return time.toString(); // all day: no time zone
  if (tzid && time.zone.tzid !== tzid) {
    throw new Error(`TZID ${tzid} resolved to ${time.zone.tzid}`);
  }
  if (!tzid && time.zone !== ICAL.Timezone.utcTimezone) {
    throw new Error(`floating time ${time.toString()}`);
  }
  return utc(time);
}

const events = [];
for (const file of process.argv.slice(2)) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const tzid = (name) => vevent.getFirstProperty(name)?.getParameter("tzid") ?? null;
    events.push({
      file,
      uid: event.uid,
      start: when(event.startDate, tzid("dtstart")),
      end: when(event.endDate, vevent.hasProperty("dtend") ? tzid("dtend") : tzid("dtstart")),
      zone: tzid("dtstart"),
      allDay: event.startDate.isDate,
    });
  }
}
process.stdout.write(JSON.stringify(events));
