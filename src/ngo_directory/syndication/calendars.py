"""iCalendar files written with icalendar: one VEVENT per meeting, the same UID in every
calendar and language, DTSTAMP and LAST-MODIFIED from the data, SEQUENCE raised by each change,
and a VTIMEZONE for every time zone used. icalendar escapes commas, semicolons and line breaks
and folds long lines; the text handed to it is cleaned of anything else a reader could trip on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from icalendar import Calendar, Event, Timezone

from ..records.models import DEFAULT_TIMEZONE, Meeting
from ..text.markup import clean_text, inert_text, one_line

STATUS = {"scheduled": "CONFIRMED", "held": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


@dataclass(frozen=True)
class EventText:
    """A meeting's texts in one language, as plain text."""

    summary: str
    location: str
    description: str
    categories: tuple[str, ...] = ()


END = b"END:VCALENDAR\r\n"


@lru_cache(maxsize=64)
def vtimezone(tzid: str) -> bytes:
    """The VTIMEZONE of an IANA zone, serialised once per build: working it out takes icalendar
    about 25 ms and writing it out about 2 ms, and thousands of calendars carry the same one.

    icalendar writes each observance as a DTSTART and one RDATE listing every later onset,
    comma-separated. That is valid, but ical.js (Thunderbird) and vobject read only the first
    value of an RDATE, and ical.js ignores the DTSTART of an observance that has RDATEs, so
    they would put a London meeting in December, or a Baku meeting in a summer before 2016, an
    hour off. Here each onset, the first one included, is an RDATE of its own, in date order.
    """
    zone = Timezone.from_tzid(tzid)
    for observance in zone.subcomponents:
        rdates = observance.pop("RDATE", None)
        if rdates is None:
            continue  # a single onset: its DTSTART, which every reader takes
        lists = rdates if isinstance(rdates, list) else [rdates]
        onsets = {observance.DTSTART, *(value.dt for values in lists for value in values.dts)}
        for onset in sorted(onsets):
            observance.add("RDATE", onset)
    return bytes(zone.to_ical())


@dataclass(frozen=True)
class Serialised:
    """An event written out once, to be placed in every calendar that lists it."""

    ical: bytes
    zones: tuple[str, ...]  # the TZIDs its start and end use

    @classmethod
    def of(cls, event: Event) -> Serialised:
        zones = {
            event[name].params["TZID"]
            for name in ("DTSTART", "DTEND")
            if name in event and "TZID" in event[name].params
        }
        return cls(bytes(event.to_ical()), tuple(sorted(zones)))


def uid(meeting: Meeting, domain: str) -> str:
    """The meeting's permanent UID: the same in every calendar and language, so calendar apps
    that see it twice know it is one event."""
    return f"{meeting.slug}@{domain}"


def meeting_event(meeting: Meeting, text: EventText, url: str, domain: str) -> Event:
    event = Event()
    event.add("uid", uid(meeting, domain))
    event.add("dtstamp", meeting.updated.astimezone(dt.UTC))
    event.add("created", meeting.added.astimezone(dt.UTC))
    event.add("last-modified", meeting.updated.astimezone(dt.UTC))
    event.add("sequence", meeting.sequence)
    if meeting.all_day:
        event.add("dtstart", meeting.start.date())
        event.add("dtend", meeting.end.date())  # the day after the last: DTEND is exclusive
    else:
        event.add("dtstart", meeting.start)
        event.add("dtend", meeting.end)
    event.add("summary", one_line(text.summary))
    if text.location.strip():
        event.add("location", one_line(text.location))
    event.add("description", inert_text(text.description))
    event.add("url", url)
    event.add("status", STATUS[meeting.status])
    if text.categories:
        event.add("categories", [one_line(c).replace(",", " ") for c in text.categories])
    return event


def render_calendar(
    events: Sequence[Serialised], *, name: str, description: str, prodid: str, source: str
) -> bytes:
    """A published calendar of ``events`` (in the order given), after a VTIMEZONE for every
    zone they use. A calendar without events still carries the site's time zone, since RFC 5545
    wants at least one component. Each part is icalendar's own output; a calendar's text is its
    properties followed by its components, so the parts are joined in that order."""
    calendar = Calendar()
    calendar.add("prodid", clean_text(prodid))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", one_line(name))
    calendar.add("x-wr-calname", one_line(name))
    calendar.add("description", one_line(description))
    calendar.add("x-wr-caldesc", one_line(description))
    if source.startswith(("https://", "http://")):
        calendar.add("source", source, parameters={"VALUE": "URI"})
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    head = bytes(calendar.to_ical())  # the calendar's properties, then END:VCALENDAR
    assert head.endswith(END)
    zones = sorted({zone for event in events for zone in event.zones}) or (
        [] if events else [DEFAULT_TIMEZONE]
    )
    parts = [head.removesuffix(END), *(vtimezone(z) for z in zones), *(e.ical for e in events), END]
    return b"".join(parts)
