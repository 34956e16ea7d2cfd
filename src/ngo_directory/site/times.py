"""How pages and feeds write a meeting's time in their language: its day or days, its start and
end, and its time zone in words with the offset it has on that day, "6 December 2000, 10:00 –
13:30 (Baku time, UTC+4)". Babel gives the dates, the times, the locale's way of joining a date
and a time and of writing a range, and each zone's city; every page, feed entry and summary
writes a meeting's time through ``Clock.meeting``."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field

from babel import Locale
from babel.dates import format_time, get_timezone_location
from babel.numbers import get_minus_sign_symbol
from markupsafe import Markup, escape

from ..i18n import N_
from ..records.models import Meeting

# A zone in words: the city that names it (Babel's, in the page's language), then its offset.
ZONE_WORDS = N_("%(city)s time, %(offset)s")


def utc_offset(moment: dt.datetime, minus: str = "-") -> str:
    """The offset from UTC an aware moment has, as people write it: UTC+4, UTC+5:30, UTC-3, UTC."""
    offset = moment.utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset is not None else 0
    if not minutes:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes > 0 else minus}{hours}" + (f":{rest:02d}" if rest else "")


def zone_key(moment: dt.datetime) -> str | None:
    """The IANA name of an aware moment's zone, when it has one."""
    return moment.tzinfo.key if isinstance(moment.tzinfo, zoneinfo.ZoneInfo) else None


def stamp(value: dt.date | dt.datetime, text: str | Markup) -> Markup:
    """``text`` in a ``time`` element whose ``datetime`` is ``value`` in ISO 8601."""
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), text)


@dataclass(frozen=True)
class Clock:
    """Writes moments and meetings' times in one language."""

    locale: Locale
    long_date: Callable[[dt.date], str]
    gettext: Callable[[str], str]
    # Each meeting's time as written, by what it is written from: a meeting is on many pages.
    _written: dict[tuple[object, ...], Markup] = field(default_factory=dict, compare=False, repr=False)

    def time(self, moment: dt.datetime) -> str:
        """The time of day of an aware moment, in its own zone: 10:00."""
        return str(format_time(moment, "short", locale=self.locale))

    def moment(self, moment: dt.datetime) -> str:
        """A date and a time, joined as the locale joins them: 6 December 2000, 10:00."""
        pattern = str(self.locale.datetime_formats["medium"])
        return pattern.replace("{1}", self.long_date(moment.date())).replace("{0}", self.time(moment))

    def range(self, first: Markup, last: Markup) -> Markup:
        """Two ends joined as the locale writes a range: 6 December 2000 – 7 December 2000."""
        pattern = str(self.locale.interval_formats.get(None) or "{0} – {1}")
        return escape(pattern).replace("{0}", first).replace("{1}", last)

    def zone(self, *moments: dt.datetime) -> str:
        """The zone of aware moments in words, with the offset of each one's day when they
        differ: Baku time, UTC+4; a zone without a city (UTC) is its offset alone."""
        minus = str(get_minus_sign_symbol(self.locale))
        offset = "/".join(dict.fromkeys(utc_offset(moment, minus) for moment in moments))
        key = zone_key(moments[0])
        if key is None or "/" not in key or key.startswith("Etc/"):
            return offset
        city = str(get_timezone_location(zoneinfo.ZoneInfo(key), locale=self.locale, return_city=True))
        return self.gettext(ZONE_WORDS) % {"city": city, "offset": offset}

    def meeting(self, meeting: Meeting) -> Markup:
        """When a meeting takes place: its day or days (an all-day meeting), or its start and
        end, one date when they fall on the same day, in ``time`` elements, then its zone (a
        meeting whose record gives no end shows its start alone)."""
        start, end = meeting.start, meeting.end
        key: tuple[object, ...] = (start.isoformat(), zone_key(start), end.isoformat(), zone_key(end))
        key += (meeting.all_day, meeting.last_day)
        written = self._written.get(key)
        if written is None:
            written = self._written[key] = self._meeting(meeting)
        return written

    def _meeting(self, meeting: Meeting) -> Markup:
        start, end = meeting.start, meeting.end
        if meeting.all_day:
            first = stamp(start.date(), self.long_date(start.date()))
            if meeting.last_day == start.date():
                return first
            return self.range(first, stamp(meeting.last_day, self.long_date(meeting.last_day)))
        when = stamp(start, self.moment(start))
        if end != start:
            last = self.time(end) if end.date() == start.date() else self.moment(end)
            when = self.range(when, stamp(end, last))
        return Markup("{} ({})").format(when, self.zone(start, end))
