"""Meetings that clash: warnings, not errors, since two meetings at once may be meant.

Of every two meetings that overlap in time (cancelled ones aside), the one that starts later
(or, starting together, comes later by slug) is warned about, once, at the field that clashes,
naming the other meeting's file:

- an organisation organises both (at the first organiser they share);
- else, both are at the same venue (the same name or address, in any language, in one region);
- else, both are in the same region: people there may want to attend both.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import N_
from ..problems import Message, Problem
from .directory import Directory
from .loader import Document
from .models import Meeting, Text

CHECK_TIMES = Message(N_("check the times of both meetings"))


def _names(*texts: Text | None) -> set[str]:
    return {" ".join(value.casefold().split()) for text in texts if text for _, value in text.values}


def _clash(earlier: Meeting, later: Meeting, doc: Document) -> list[Problem]:
    """The warnings about ``later``, which overlaps ``earlier`` in time."""
    other = {"other": earlier.slug, "file": earlier.source}
    organisers = {p.org for p in earlier.organisers if p.org}
    shared = [(i, p.org) for i, p in enumerate(later.organisers) if p.org in organisers]
    warnings = []
    if shared:
        index, org = shared[0]
        warnings.append(
            doc.problem(
                ("organisers", index),
                Message(
                    N_("%(org)s also organises %(other)s (%(file)s) at the same time"), org=str(org), **other
                ),
                CHECK_TIMES,
                warning=True,
            )
        )
    if earlier.venue.region != later.venue.region or warnings:
        return warnings
    for field in ("name", "address"):
        mine = _names(getattr(later.venue, field))
        if mine and mine & _names(earlier.venue.name, earlier.venue.address):
            message = N_("the venue is also booked for %(other)s (%(file)s) at the same time")
            return [doc.problem(("venue", field), Message(message, **other), CHECK_TIMES, warning=True)]
    message = N_("%(other)s (%(file)s) takes place in the same region at the same time")
    hint = Message(N_("people there may want to attend both: check the times"))
    warnings.append(doc.problem(("venue", "region"), Message(message, **other), hint, warning=True))
    return warnings


def meeting_clashes(directory: Directory, docs: Mapping[str, Document]) -> list[Problem]:
    """Every clash between two meetings of ``directory`` (whose files are ``docs``, by slug)."""
    meetings = sorted(
        (m for m in directory.meetings.values() if m.status != "cancelled"), key=lambda m: (m.start, m.slug)
    )
    warnings: list[Problem] = []
    running: list[Meeting] = []  # meetings that have begun and not yet ended
    for meeting in meetings:
        running = [m for m in running if m.end > meeting.start]
        for earlier in running:
            warnings += _clash(earlier, meeting, docs[meeting.slug])
        running.append(meeting)
    return sorted(warnings)
