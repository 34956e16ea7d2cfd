"""The whole directory: records, vocabularies and the indexes pages are built from."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .models import Meeting, Ngo, Partner, Programme, VocabularyEntry

Organisation = Ngo | Partner
R = TypeVar("R")


def _group(pairs: Iterable[tuple[str, R]]) -> dict[str, list[R]]:
    """Group values by key, keeping first-seen order and dropping repeats (by identity)."""
    groups: dict[str, dict[int, R]] = defaultdict(dict)
    for key, value in pairs:
        groups[key].setdefault(id(value), value)
    return {key: list(values.values()) for key, values in groups.items()}


@dataclass
class Directory:
    """All records, sorted by slug, with every cross-reference indexed once."""

    regions: dict[str, VocabularyEntry]
    themes: dict[str, VocabularyEntry]
    ngos: dict[str, Ngo]
    partners: dict[str, Partner]
    meetings: dict[str, Meeting]
    programmes: dict[str, Programme] = field(default_factory=dict)
    series: dict[str, VocabularyEntry] = field(default_factory=dict)
    # Each record as its file says it (checked, with the schema's types), by kind and slug: what
    # the open data exports publish, field names and all.
    data: dict[str, dict[str, Any]] = field(default_factory=dict)
    ngos_by_region: dict[str, list[Ngo]] = field(init=False)
    ngos_by_theme: dict[str, list[Ngo]] = field(init=False)
    partners_by_region: dict[str, list[Partner]] = field(init=False)
    partners_by_theme: dict[str, list[Partner]] = field(init=False)
    meetings_by_region: dict[str, list[Meeting]] = field(init=False)
    meetings_by_theme: dict[str, list[Meeting]] = field(init=False)
    meetings_by_organisation: dict[str, list[Meeting]] = field(init=False)
    partners_of_ngo: dict[str, list[Partner]] = field(init=False)
    ngos_of_partner: dict[str, list[Ngo]] = field(init=False)
    funded_by: dict[str, list[Organisation]] = field(init=False)
    meetings_by_series: dict[str, list[Meeting]] = field(init=False)  # soonest first
    previous_meeting: dict[str, Meeting] = field(init=False)  # the meeting whose ``next`` it is
    programmes_by_region: dict[str, list[Programme]] = field(init=False)
    programmes_by_theme: dict[str, list[Programme]] = field(init=False)
    programmes_by_organisation: dict[str, list[Programme]] = field(init=False)

    def __post_init__(self) -> None:
        ngos, partners = self.ngos.values(), self.partners.values()
        # A place's page lists what is in the places within it too (ISO's grouping, part_of).
        within = self.with_enclosing
        self.ngos_by_region = _group((r, ngo) for ngo in ngos for r in within(ngo.all_regions))
        self.ngos_by_theme = _group((theme, ngo) for ngo in ngos for theme in ngo.themes)
        self.partners_by_region = _group((r, p) for p in partners for r in within(p.all_regions))
        self.partners_by_theme = _group((t, p) for p in partners for t in p.themes)
        meetings = sorted(self.meetings.values(), key=lambda m: (m.start, m.slug), reverse=True)
        self.meetings_by_region = _group((r, m) for m in meetings for r in within((m.venue.region,)))
        self.meetings_by_theme = _group((t, m) for m in meetings for t in m.themes)
        self.meetings_by_organisation = _group((slug, m) for m in meetings for slug in m.organisations)
        links = [(ngo.slug, p) for ngo in ngos for p in ngo.partners + ngo.funders]
        links += [
            (ngo, partner)
            for m in meetings
            for ngo in m.organisations
            if ngo in self.ngos
            for partner in m.organisations
            if partner in self.partners
        ]
        self.partners_of_ngo = {
            ngo: sorted((self.partners[p] for p in set(ps)), key=lambda p: p.slug)
            for ngo, ps in _group(links).items()
        }
        self.ngos_of_partner = {
            partner: sorted((self.ngos[n] for n in set(ns)), key=lambda n: n.slug)
            for partner, ns in _group((p, n) for n, p in links).items()
        }
        organisations: list[Organisation] = [*ngos, *partners]
        self.funded_by = _group((funder, org) for org in organisations for funder in org.funders)
        self.meetings_by_series = _group((m.series, m) for m in reversed(meetings) if m.series)
        self.previous_meeting = {m.next: m for m in meetings if m.next}
        programmes = sorted(self.programmes.values(), key=lambda p: (-(p.start_year or 0), p.slug))
        self.programmes_by_region = _group((r, p) for p in programmes for r in within(p.regions))
        self.programmes_by_theme = _group((t, p) for p in programmes for t in p.themes)
        self.programmes_by_organisation = _group((o, p) for p in programmes for o in p.organisations)

    def with_enclosing(self, regions: Iterable[str]) -> tuple[str, ...]:
        """The regions, each followed by the places it lies within (part_of), once each."""
        found: dict[str, None] = {}
        for region in regions:
            while region and region not in found:
                found[region] = None
                entry = self.regions.get(region)
                region = entry.part_of if entry is not None and entry.part_of else ""
        return tuple(found)

    def places_within(self, region: str) -> list[VocabularyEntry]:
        """The places ISO groups directly under ``region`` (its part_of), by slug."""
        return [entry for entry in self.regions.values() if entry.part_of == region]

    def organisation(self, slug: str) -> Organisation:
        """The NGO or partner with this slug."""
        return self.ngos.get(slug) or self.partners[slug]

    def upcoming_meetings(self, today: dt.date) -> list[Meeting]:
        """Meetings that have not ended by ``today``, soonest first."""
        return sorted(
            (m for m in self.meetings.values() if m.last_day >= today),
            key=lambda m: (m.start, m.slug),
        )

    def past_meetings(self, today: dt.date) -> list[Meeting]:
        """Meetings that ended before ``today``, most recent first."""
        return sorted(
            (m for m in self.meetings.values() if m.last_day < today),
            key=lambda m: (m.start, m.slug),
            reverse=True,
        )

    @property
    def counts(self) -> dict[str, int]:
        return {
            "ngos": len(self.ngos),
            "partners": len(self.partners),
            "meetings": len(self.meetings),
            "programmes": len(self.programmes),
            "regions": len(self.regions),
            "themes": len(self.themes),
        }
