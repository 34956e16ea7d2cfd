"""Facts a record states that cannot be true yet: a date after the build's day, a year after its
year. (``updated`` before ``added`` is validate's history check.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..i18n import N_
from ..problems import Message, Path_, Problem
from .formats import parse_local_datetime
from .loader import Document

# The dates and years of a record that say what already happened (the schemas' "date" and
# "timestamp" fields of the bookkeeping, and the years of founding and registration).
PAST_DATES: tuple[Path_, ...] = (("added",), ("updated",), ("last_verified",), ("registration", "date"))
PAST_YEARS: tuple[Path_, ...] = (("founded",), ("registration", "year"))


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def future_dates(doc: Document, today: dt.date) -> list[Problem]:
    """Every past-tense date or year of ``doc`` later than ``today`` (the build's day)."""
    problems = []
    for path in PAST_DATES:
        value = _at(doc.data, path)
        when = parse_local_datetime(value) if isinstance(value, str) else None
        day = when.date() if isinstance(when, dt.datetime) else when
        if day is not None and day > today:
            problems.append(
                doc.problem(
                    path,
                    Message(N_("%(value)s is after today (%(today)s)"), value=value, today=today.isoformat()),
                    Message(N_("write the day it happened, which cannot be later than today")),
                )
            )
    for path in PAST_YEARS:
        year = _at(doc.data, path)
        if isinstance(year, int) and year > today.year:
            problems.append(
                doc.problem(
                    path,
                    Message(N_("%(value)s is after this year (%(year)s)"), value=year, year=today.year),
                    Message(N_("write the year it happened, which cannot be later than this one")),
                )
            )
    return problems
