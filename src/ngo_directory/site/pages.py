"""The plan of every directory page: output path, template and context, before any write."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, TypeVar

from ..content.versions import Version
from ..i18n import Languages
from ..records.completeness import Completeness
from ..records.directory import Directory, Organisation
from ..records.models import Meeting, Ngo, Partner, VocabularyEntry, shown_name
from ..records.validate import KINDS as RECORD_FOLDERS
from ..syndication.happenings import CHANGES, MEETINGS, PRESS, topic
from ..syndication.subscriptions import Catalogue
from ..text.collation import Letter, heading, sort_key
from .urls import Urls, page_url, save_as_of

T = TypeVar("T")


@dataclass(frozen=True)
class PageSpec:
    save_as: str
    url: str
    template: str
    context: dict[str, Any]
    language: str
    alternates: tuple[tuple[str, str], ...]  # (language, url) of the same page in every language


@dataclass
class PressIndex:
    """Press releases in one language (versions, newest first) by organisation and by meeting."""

    latest: list[Version] = field(default_factory=list)
    by_organisation: dict[str, list[Version]] = field(default_factory=dict)
    by_meeting: dict[str, list[Version]] = field(default_factory=dict)

    @classmethod
    def of(cls, versions: Iterable[Version]) -> PressIndex:
        ordered = sorted(versions, key=lambda v: (v.item.date, v.item.slug), reverse=True)
        by_org: dict[str, list[Version]] = defaultdict(list)
        by_meeting: dict[str, list[Version]] = defaultdict(list)
        for version in ordered:
            org = getattr(version.item, "organization", None)
            if org:
                by_org[org].append(version)
            meeting = getattr(version.item, "meeting", None)
            if meeting:
                by_meeting[meeting].append(version)
        return cls(ordered, dict(by_org), dict(by_meeting))


@dataclass(frozen=True)
class Relation:
    """An organisation a partner funds, works with, or both."""

    org: Organisation
    funded: bool
    works_with: bool


def name_key(record: Any, order: Sequence[str]) -> tuple[Any, ...]:
    """Sort key: the name as shown, in the alphabet of the page's language (order[0])."""
    return (sort_key(shown_name(record, order), order[0]), record.slug)


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of ``size``; an empty list still has one (empty) page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def pagination_of(page_urls: list[str], number: int, total: int) -> dict[str, Any]:
    """What a template needs to link page ``number`` (1-based) to its neighbours."""
    return {
        "number": number,
        "count": len(page_urls),
        "urls": page_urls,
        "previous_url": page_urls[number - 2] if number > 1 else None,
        "next_url": page_urls[number] if number < len(page_urls) else None,
        "total": total,
    }


def letter_groups(records: Sequence[Any], order: Sequence[str]) -> list[tuple[Letter, list[Any]]]:
    """[(letter, records)] in order, for an A-Z list."""
    groups: dict[Letter, list[Any]] = {}
    for record in records:
        groups.setdefault(heading(shown_name(record, order), order[0]), []).append(record)
    return list(groups.items())


class Planner:
    """Plan all directory pages from a complete Directory and press index."""

    def __init__(
        self,
        directory: Directory,
        press: PressIndex,
        settings: dict[str, Any],
        today: dt.date,
        languages: Languages,
        language: str,
        completeness: dict[str, Completeness],
        catalogue: Catalogue,
    ):
        """One Planner plans one language; ``completeness`` (by slug) is the same for all.
        Each page links the feeds and calendars of ``catalogue`` that are about it."""
        self.d = directory
        self.catalogue = catalogue
        self.completeness = completeness
        self.press = press
        self.languages = languages
        self.language = language
        self.order = languages.order(language)
        self.urls = Urls(settings, languages.prefix(language))
        self.page_size: int = settings["NGO_DIRECTORY_PAGE_SIZE"]
        self.home_items: int = settings["NGO_DIRECTORY_HOME_ITEMS"]
        self.today = today
        self.repository: str | None = settings.get("NGO_DIRECTORY_REPOSITORY")
        # Records are named by their path from the data folder's parent, the repository's root.
        self.data_folder = PurePath(str(settings.get("NGO_DIRECTORY_DATA_PATH", "ngo_data"))).name
        self.pages: list[PageSpec] = []

    def add(self, url: str, template: str, **context: Any) -> None:
        """Plan a page; its versions in the other languages have the same URL under their prefix."""
        path = url.removeprefix(self.urls.prefix)
        alternates = tuple((lang, self.languages.prefix(lang) + path) for lang in self.languages.languages)
        self.pages.append(PageSpec(save_as_of(url), url, template, context, self.language, alternates))

    def add_paginated(
        self,
        base: str,
        template: str,
        items: Sequence[Any],
        first_page: dict[str, Any] | None = None,
        **context: Any,
    ) -> None:
        """One page per ``page_size`` items; ``first_page`` lists shown on page 1 only."""
        first_page = first_page or {}
        chunks = paginate(items, self.page_size)
        urls = [page_url(base, n) for n in range(1, len(chunks) + 1)]
        for number, chunk in enumerate(chunks, start=1):
            extra = first_page if number == 1 else dict.fromkeys(first_page, ())
            pagination = pagination_of(urls, number, len(items))
            self.add(urls[number - 1], template, items=chunk, pagination=pagination, **context, **extra)

    def add_alphabetical(
        self, base: str, template: str, records: Sequence[Any], channels: Sequence[Any]
    ) -> None:
        """A paginated A-Z list: each page grouped by letter, with a jump list of all letters,
        one list per script (Latin and Cyrillic А, В, Е... look the same), then '#'."""
        chunks = paginate(records, self.page_size)
        urls = [page_url(base, n) for n in range(1, len(chunks) + 1)]
        pages = [letter_groups(chunk, self.order) for chunk in chunks]
        scripts: dict[str, dict[Letter, str]] = {}
        for url, groups in zip(urls, pages, strict=True):
            for letter, _ in groups:
                scripts.setdefault(letter.script, {}).setdefault(letter, f"{url}#{letter.anchor}")
        alphabet = [(script, list(links.items())) for script, links in scripts.items()]
        for number, groups in enumerate(pages, start=1):
            self.add(
                urls[number - 1],
                template,
                groups=groups,
                alphabet=alphabet,
                pagination=pagination_of(urls, number, len(records)),
                channels=channels,
            )

    def sorted_by_name(self, records: Iterable[T]) -> list[T]:
        return sorted(records, key=lambda r: name_key(r, self.order))

    def channels(self, *names: str) -> list[Any]:
        """The channels with these topics, for a page's feed and calendar links."""
        return [self.catalogue.get(name) for name in names]

    def plan(self) -> list[PageSpec]:
        d = self.d
        self.add(
            self.urls.index("HOME"),
            "home.html",
            latest_press=self.press.latest[: self.home_items],
            upcoming=d.upcoming_meetings(self.today)[: self.home_items],
            counts={**d.counts, "press": len(self.press.latest)},
            channels=self.channels(PRESS, MEETINGS, CHANGES),
        )
        self.add_paginated(
            self.urls.index("PRESS"), "press.html", self.press.latest, channels=self.channels(PRESS)
        )
        ngos = self.sorted_by_name(d.ngos.values())
        self.add_alphabetical(self.urls.index("NGO"), "ngos.html", ngos, self.channels(CHANGES))
        for ngo in ngos:
            self.add(
                self.urls.url(ngo),
                "ngo.html",
                ngo=ngo,
                channels=self.channels(topic("ngo", ngo.slug)),
                **self.organisation_context(ngo),
            )
        partners = self.sorted_by_name(d.partners.values())
        self.add_alphabetical(self.urls.index("PARTNER"), "partners.html", partners, self.channels(CHANGES))
        for partner in partners:
            # Everyone it funds or works with, in one list paginated like the A-Z lists, so that
            # a partner of thousands of NGOs still has light pages.
            funded = {id(o): o for o in d.funded_by.get(partner.slug, [])}
            works_with = {id(o): o for o in d.ngos_of_partner.get(partner.slug, [])}
            self.add_paginated(
                self.urls.url(partner),
                "partner.html",
                [
                    Relation(org, id(org) in funded, id(org) in works_with)
                    for org in self.sorted_by_name({**funded, **works_with}.values())
                ],
                partner=partner,
                channels=self.channels(topic("partner", partner.slug)),
                **self.organisation_context(partner),
            )
        self.add_paginated(
            self.urls.index("MEETING"),
            "meetings.html",
            d.past_meetings(self.today),
            first_page={"upcoming": d.upcoming_meetings(self.today)},
            channels=self.channels(MEETINGS),
        )
        for meeting in d.meetings.values():
            self.add(
                self.urls.url(meeting),
                "meeting.html",
                meeting=meeting,
                channels=self.channels(topic("meeting", meeting.slug), MEETINGS),
                **self.meeting_context(meeting),
            )
        self.plan_vocabulary(
            "REGION", d.regions, d.ngos_by_region, d.partners_by_region, d.meetings_by_region
        )
        self.plan_vocabulary("THEME", d.themes, d.ngos_by_theme, d.partners_by_theme, d.meetings_by_theme)
        self.add(
            self.urls.index("SEARCH"),
            "search.html",
            choices=self.search_choices(),
            channels=self.catalogue.site,
        )
        self.add_paginated(
            self.urls.index("SUBSCRIBE"),
            "subscribe.html",
            [channel for group in self.catalogue.groups.values() for channel in group],
            first_page={"site": self.catalogue.site},
            channels=self.catalogue.site,
        )
        if self.repository:
            # How to add, update and claim a record; without a repository there is nowhere to
            # send contributors, so no page and no link to one.
            self.add(
                self.urls.index("CONTRIBUTE"),
                "contribute.html",
                records_folder=f"{self.data_folder}/{RECORD_FOLDERS['ngo']}",
                data_folder=self.data_folder,
                today=self.today,
                channels=self.catalogue.site,
            )
        return self.pages

    def search_choices(self) -> dict[str, list[VocabularyEntry] | list[int]]:
        """The regions, themes and years the search page offers as filters: those of at least
        one record or press release."""
        d = self.d
        used = {
            "regions": (d.regions, {*d.ngos_by_region, *d.partners_by_region, *d.meetings_by_region}),
            "themes": (d.themes, {*d.ngos_by_theme, *d.partners_by_theme, *d.meetings_by_theme}),
        }
        choices: dict[str, list[VocabularyEntry] | list[int]] = {
            key: sorted(
                (entries[slug] for slug in slugs if slug in entries),
                key=lambda e: sort_key(e.name.pick(self.order)[1], self.language),
            )
            for key, (entries, slugs) in used.items()
        }
        years = {m.start.year for m in d.meetings.values()}
        years |= {version.item.date.year for version in self.press.latest}
        choices["years"] = sorted(years, reverse=True)
        return choices

    def organisation_context(self, org: Organisation) -> dict[str, Any]:
        d = self.d
        return {
            "translation": self.completeness[org.slug],
            "regions": [d.regions[s] for s in org.all_regions],
            "themes": [d.themes[s] for s in org.themes],
            "funders": [d.partners[s] for s in org.funders],
            "partners": d.partners_of_ngo.get(org.slug, []) if isinstance(org, Ngo) else [],
            "meetings": d.meetings_by_organisation.get(org.slug, []),
            "press": self.press.by_organisation.get(org.slug, []),
        }

    def meeting_context(self, meeting: Meeting) -> dict[str, Any]:
        d = self.d
        return {
            "translation": self.completeness[meeting.slug],
            "region": d.regions[meeting.venue.region],
            "themes": [d.themes[s] for s in meeting.themes],
            "organisers": [d.organisation(s) for s in meeting.organisers],
            "participants": [d.ngos[s] for s in meeting.participants],
            "partners": [d.partners[s] for s in meeting.partners],
            "funders": [d.partners[s] for s in meeting.funders],
            "press": self.press.by_meeting.get(meeting.slug, []),
        }

    def plan_vocabulary(
        self,
        kind: str,
        entries: dict[str, VocabularyEntry],
        ngos: dict[str, list[Ngo]],
        partners: dict[str, list[Partner]],
        meetings: dict[str, list[Meeting]],
    ) -> None:
        self.add(
            self.urls.index(kind),
            "vocabularies.html",
            kind=kind,
            entries=sorted(
                entries.values(), key=lambda e: sort_key(e.name.pick(self.order)[1], self.language)
            ),
            counts={slug: len(ngos.get(slug, [])) for slug in entries},
            channels=self.channels(CHANGES),
        )
        for slug, entry in entries.items():
            self.add_paginated(
                self.urls.url(entry, kind),
                "vocabulary.html",
                self.sorted_by_name(ngos.get(slug, [])),
                first_page={
                    "partners": self.sorted_by_name(partners.get(slug, [])),
                    "meetings": meetings.get(slug, [])[: self.page_size],
                },
                entry=entry,
                kind=kind,
                channels=self.channels(topic(kind.lower(), slug)),
            )
