"""Calendars read back by three readers, which must all put every meeting at the moment
Python's time-zone database says: icalendar, vobject and ical.js (Mozilla's parser, used by
Thunderbird, run with node). Each reader works the time out from the calendar's own VTIMEZONE,
not from a time-zone database of its own, so a VTIMEZONE one of them misreads shows up here as
a wrong UTC time. icalendar and vobject each parse the file their own way and then hand the
VTIMEZONE to dateutil; ical.js shares no code with them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zoneinfo
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from icalendar import Event

from ngo_directory.syndication.calendars import Serialised, render_calendar, vtimezone
from sitetools import ROOT, build, copy_project, node_with

pytestmark = pytest.mark.site

ICALJS_READ = Path(__file__).with_name("icaljs_read.mjs")

# What a reader makes of an event: its start and end, in UTC ("2027-12-01T10:00:00Z") or, for
# an all-day event, as dates ("2027-05-20").
Times = tuple[str, str]
Reading = dict[str, Times]  # UID -> times

MEETINGS = {
    "london-briefing-december-2027": (
        "start: '2027-12-01 10:00'\nend: '2027-12-01 12:00'\ntimezone: Europe/London\nstatus: scheduled",
        ("2027-12-01T10:00:00Z", "2027-12-01T12:00:00Z"),
    ),
    "london-briefing-july-2027": (
        "start: '2027-07-14 10:00'\nend: '2027-07-14 12:00'\ntimezone: Europe/London\nstatus: scheduled",
        ("2027-07-14T09:00:00Z", "2027-07-14T11:00:00Z"),
    ),
    "london-night-session-2027": (  # summer time ends during the meeting
        "start: '2027-10-30 22:00'\nend: '2027-10-31 10:00'\ntimezone: Europe/London\nstatus: scheduled",
        ("2027-10-30T21:00:00Z", "2027-10-31T10:00:00Z"),
    ),
    "baku-summer-meeting-2000": (  # Azerbaijan kept summer time until 2015
        "start: '2000-06-15 10:00'\nend: '2000-06-15 13:00'\ntimezone: Asia/Baku\nstatus: held",
        ("2000-06-15T05:00:00Z", "2000-06-15T08:00:00Z"),
    ),
    "baku-winter-meeting-2000": (
        "start: '2000-12-06 10:00'\nend: '2000-12-06 13:00'\ntimezone: Asia/Baku\nstatus: held",
        ("2000-12-06T06:00:00Z", "2000-12-06T09:00:00Z"),
    ),
    "baku-summer-meeting-2027": (  # no timezone: Baku, the default
        "start: '2027-06-16 10:00'\nend: '2027-06-16 13:00'\nstatus: scheduled",
        ("2027-06-16T06:00:00Z", "2027-06-16T09:00:00Z"),
    ),
    "two-day-meeting-2027": (  # all day: DTEND is the day after the last
        "start: '2027-05-20'\nend: '2027-05-21'\nstatus: scheduled",
        ("2027-05-20", "2027-05-22"),
    ),
    "isar-first-regional-ngo-meeting-mingachevir-2000": (  # in the sample data, all day
        "",
        ("2000-12-06", "2000-12-07"),
    ),
}


def meeting_yaml(slug: str, times: str) -> str:
    return f"""\
title: {{en: "{slug}"}}
{times}
venue: {{region: azerbaijan, city: {{en: Somewhere}}}}
organisers: [osce]
maintainers: [someone]
added: "2000-01-10"
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, fixed_date: None) -> Path:
    """The sample site plus meetings in London and in Baku, in summer and in winter, before
    and after Azerbaijan gave up summer time, and all day."""
    tmp = tmp_path_factory.mktemp("readers")
    data, content = copy_project(tmp)
    for slug, (times, _) in MEETINGS.items():
        if times:
            (data / "meetings" / f"{slug}.yaml").write_text(meeting_yaml(slug, times), "utf-8")
    return build(tmp / "output", data, content)


def stamp(value: dt.date) -> str:
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, value
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def read_icalendar(path: Path) -> Reading:
    """icalendar's reading. Left to itself it takes a TZID such as Europe/London from the
    system's time-zone database, so each zone is rebuilt from the calendar's VTIMEZONE with
    ``to_tz(lookup_tzid=False)`` and the local times are read in it."""
    calendar: Any = icalendar.Calendar.from_ical(path.read_bytes())
    zones = {str(zone["TZID"]): zone.to_tz(lookup_tzid=False) for zone in calendar.walk("VTIMEZONE")}

    def when(prop: Any) -> str:
        value = prop.dt
        if isinstance(value, dt.datetime) and "TZID" in prop.params:
            value = value.replace(tzinfo=zones[prop.params["TZID"]])
        return stamp(value)

    return {str(e["UID"]): (when(e["DTSTART"]), when(e["DTEND"])) for e in calendar.walk("VEVENT")}


def read_zoneinfo(path: Path) -> Reading:
    """The truth: the local times read in Python's own time-zone database."""
    calendar: Any = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): (stamp(e["DTSTART"].dt), stamp(e["DTEND"].dt)) for e in calendar.walk("VEVENT")}


def read_vobject(path: Path) -> Reading:
    """vobject's reading. vobject keeps the first VTIMEZONE it sees for a TZID in a registry
    for the whole process, and falls back to pytz for a TZID it has no VTIMEZONE for; the
    registry is emptied before each file, and each time must come from that file's VTIMEZONE
    (parsed by dateutil), not from pytz."""
    registry = vars(vobject.icalendar)["__tzidMap"]
    registry.clear()
    registry["UTC"] = vobject.icalendar.utc
    calendar = vobject.readOne(path.read_text("utf-8"))

    def when(value: dt.date) -> str:
        if isinstance(value, dt.datetime):
            assert type(value.tzinfo).__module__.startswith("dateutil."), (path, value.tzinfo)
        return stamp(value)

    return {
        e.uid.value: (when(e.dtstart.value), when(e.dtend.value))
        for e in getattr(calendar, "vevent_list", [])
    }


def read_icaljs(paths: Iterable[Path]) -> dict[Path, Reading]:
    """ical.js's reading of many files at once (one node process)."""
    node = node_with("ical.js")
    paths = list(paths)
    result = subprocess.run(
        [node, str(ICALJS_READ), *map(str, paths)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[:5000]
    readings: dict[Path, Reading] = {path: {} for path in paths}
    for event in json.loads(result.stdout):
        readings[Path(event["file"])][event["uid"]] = (event["start"], event["end"])
    return readings


def read_all(reader: str, paths: list[Path]) -> dict[Path, Reading]:
    if reader == "ical.js":
        return read_icaljs(paths)
    read = {"icalendar": read_icalendar, "vobject": read_vobject}[reader]
    return {path: read(path) for path in paths}


READERS = ["icalendar", "vobject", "ical.js"]


def slug_of(uid: str) -> str:
    return uid.partition("@")[0]


@pytest.mark.parametrize("reader", READERS)
def test_meetings_read_right_in_every_language(site: Path, reader: str) -> None:
    """Each meeting's own calendar, in each language, puts it at the right time in UTC: London
    in winter and in summer, Baku in a summer and a winter of 2000 (UTC+5 and UTC+4) and now
    (UTC+4 all year), a meeting across the end of summer time, and all-day meetings."""
    languages = ("", "ru", "en")
    paths = [site / lang / "calendars/meetings" / f"{slug}.ics" for slug in MEETINGS for lang in languages]
    readings = read_all(reader, paths)
    for path, reading in readings.items():
        [(uid, times)] = reading.items()
        assert times == MEETINGS[slug_of(uid)][1], (reader, path)


@pytest.mark.parametrize("reader", READERS)
def test_every_calendar_of_the_site_reads_alike(site: Path, reader: str) -> None:
    """Every event in every calendar of the build reads as Python's time-zone database says."""
    paths = sorted(site.rglob("*.ics"))
    readings = read_all(reader, paths)
    seen = set()
    for path in paths:
        assert readings[path] == read_zoneinfo(path), (reader, path)
        seen |= {slug_of(uid) for uid in readings[path]}
    assert seen >= set(MEETINGS)


ZONES = ["Asia/Baku", "Europe/London", "Europe/Vienna", "America/New_York", "Australia/Sydney"]


@pytest.fixture(scope="module")
def monthly_calendar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A calendar with a meeting at noon on the 15th of every month from 1970 to 2037 in each
    of ``ZONES``; 2037 is the last year the VTIMEZONEs cover."""
    events = []
    for name in ZONES:
        zone = zoneinfo.ZoneInfo(name)
        for year in range(1970, 2038):
            for month in range(1, 13):
                start = dt.datetime(year, month, 15, 12, tzinfo=zone)
                event = Event()
                event.add("uid", f"{name}-{year}-{month:02}@example.org")
                event.add("dtstamp", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
                event.add("dtstart", start)
                event.add("dtend", start + dt.timedelta(hours=2))
                events.append(Serialised.of(event))
    path = tmp_path_factory.mktemp("monthly") / "monthly.ics"
    path.write_bytes(
        render_calendar(events, name="Monthly", description="Every month", prodid="-//t//EN", source="")
    )
    return path


@pytest.mark.parametrize("reader", READERS)
def test_every_month_since_1970_reads_right(monthly_calendar: Path, reader: str) -> None:
    """Over every summer time change since 1970 of a few zones, each reader gets the time of a
    meeting each month right, the months just after a zone's first change included (ical.js
    ignores the DTSTART of an observance that has RDATEs)."""
    path = monthly_calendar
    reading = read_all(reader, [path])[path]
    truth = read_zoneinfo(path)
    assert len(truth) == len(ZONES) * 68 * 12
    wrong = sorted(uid for uid in truth if reading.get(uid) != truth[uid])
    assert not wrong, (reader, len(wrong), wrong[:10])


@pytest.mark.parametrize("tzid", ZONES)
def test_vtimezone_has_one_value_per_rdate(tzid: str) -> None:
    """Each onset of an observance is an RDATE of its own, the first (its DTSTART) included,
    in date order; the VTIMEZONE is icalendar's otherwise and comes out the same every time."""
    text = vtimezone(tzid)
    assert text == vtimezone.__wrapped__(tzid)
    lines = text.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    zone: Any = icalendar.Timezone.from_ical(text)
    assert str(zone["TZID"]) == tzid
    several = 0
    for observance in zone.subcomponents:
        rdates = observance.get("RDATE", [])
        rdates = rdates if isinstance(rdates, list) else [rdates]
        assert all(len(values.dts) == 1 for values in rdates), tzid
        onsets = [values.dts[0].dt for values in rdates]
        assert onsets == sorted(set(onsets))
        if onsets:
            assert onsets[0] == observance["DTSTART"].dt
            several += 1
    assert several, tzid
    assert b"RDATE" in text and not any(line.startswith(b"RDATE") and b"," in line for line in lines)
