"""What feeds announce: records added and updated, meetings announced and changed, press releases.

Every time here comes from the data (``added``, ``updated``, a meeting's ``changes``, a press
release's ``Date`` and ``Modified``); nothing reads the clock, so two builds of the same data
announce the same things with the same ids and dates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.model import PressRelease
from ..content.versions import Version
from ..records.directory import Directory, Organisation
from ..records.models import Change, Meeting, Programme

PRESS, MEETINGS, CHANGES = "press", "meetings", "changes"


def topic(kind: str, slug: str) -> str:
    """The topic of one subject: 'ngo:isar', 'region:ganja'..."""
    return f"{kind}:{slug}"


def press_topic(kind: str, slug: str) -> str:
    """The topic of the press releases an organisation issues, and nothing else: 'ngo-press:isar'."""
    return topic(f"{kind}-press", slug)


@dataclass(frozen=True)
class Happening:
    """One thing to announce, in one language's feeds."""

    key: str  # stable and unique among a language's happenings: 'ngo/isar/added'
    kind: str  # 'added', 'updated', 'changed' or 'press'
    when: dt.datetime  # when it happened (a feed entry's 'updated')
    published: dt.datetime  # when its subject was first published
    subject: Organisation | Meeting | Programme | Version[PressRelease]
    topics: frozenset[str]
    change: Change | None = None


def stamp(when: dt.datetime) -> str:
    """A compact UTC time for ids: 20261122T083000Z."""
    return when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def organisation_topics(org: Organisation) -> set[str]:
    return {
        CHANGES,
        topic(org.kind, org.slug),
        *(topic("region", r) for r in org.all_regions),
        *(topic("theme", t) for t in org.themes),
    }


def meeting_topics(meeting: Meeting, directory: Directory) -> set[str]:
    return {
        MEETINGS,
        CHANGES,
        topic("region", meeting.venue.region),
        *(topic("theme", t) for t in meeting.themes),
        *(topic(directory.organisation(slug).kind, slug) for slug in meeting.organisations),
    }


def programme_topics(programme: Programme, directory: Directory) -> set[str]:
    return {
        CHANGES,
        topic("programme", programme.slug),
        *(topic("region", r) for r in programme.regions),
        *(topic("theme", t) for t in programme.themes),
        *(topic(directory.organisation(slug).kind, slug) for slug in programme.organisations),
    }


def record_happenings(record: Organisation | Meeting | Programme, topics: set[str]) -> list[Happening]:
    """Added, then each change (meetings), then a later ``updated`` if there is one."""
    base = f"{record.kind}/{record.slug}"
    found = frozenset(topics)
    happenings = [Happening(f"{base}/added", "added", record.added, record.added, record, found)]
    latest = record.added
    seen: dict[str, int] = defaultdict(int)
    for change in getattr(record, "changes", ()):
        key = f"{base}/changed/{stamp(change.date)}"
        seen[key] += 1
        if seen[key] > 1:  # two changes announced at the same minute
            key += f"-{seen[key]}"
        happenings.append(Happening(key, "changed", change.date, record.added, record, found, change))
        latest = max(latest, change.date)
    if record.updated > latest:
        happenings.append(
            Happening(
                f"{base}/updated/{stamp(record.updated)}",
                "updated",
                record.updated,
                record.added,
                record,
                found,
            )
        )
    return happenings


def press_topics(release: PressRelease, directory: Directory) -> set[str]:
    issuer = directory.organisation(release.organisation)
    topics = {PRESS, press_topic(issuer.kind, issuer.slug)} | (organisation_topics(issuer) - {CHANGES})
    if release.meeting:
        meeting = directory.meetings[release.meeting]
        topics |= {topic("region", meeting.venue.region), *(topic("theme", t) for t in meeting.themes)}
    return topics


def press_happening(version: Version[PressRelease], directory: Directory) -> Happening:
    release = version.item
    updated = max(release.date, release.modified or release.date)
    return Happening(
        f"press/{release.slug}",
        "press",
        updated,
        release.date,
        version,
        frozenset(press_topics(release, directory)),
    )


def happenings_of(directory: Directory, press: Iterable[Version[PressRelease]]) -> list[Happening]:
    """Everything one language's feeds announce, newest first."""
    found = [press_happening(version, directory) for version in press]
    organisations: list[Organisation] = [*directory.ngos.values(), *directory.partners.values()]
    for org in organisations:
        found += record_happenings(org, organisation_topics(org))
    for meeting in directory.meetings.values():
        found += record_happenings(meeting, meeting_topics(meeting, directory))
    for programme in directory.programmes.values():
        found += record_happenings(programme, programme_topics(programme, directory))
    return sorted(found, key=lambda h: (h.when, h.key), reverse=True)


def by_topic(happenings: Iterable[Happening]) -> dict[str, list[Happening]]:
    """Happenings under each of their topics, keeping their order."""
    index: dict[str, list[Happening]] = defaultdict(list)
    for happening in happenings:
        for name in happening.topics:
            index[name].append(happening)
    return dict(index)
