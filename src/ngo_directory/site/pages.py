"""The plan of every directory page: output path, template and context, before any write."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any, Literal, TypeVar

from ..content.model import PressRelease
from ..content.versions import Version
from ..contribute.issue_answers import LEGAL_FORMS, MAIN_OFFICE, SOCIAL_HOSTS
from ..contribute.record_yaml import MODELINE
from ..i18n import RECORD_LANGUAGES, Languages
from ..problems import INVISIBLE
from ..records.completeness import Completeness
from ..records.directory import Directory, Organisation
from ..records.models import (
    PROGRAMME_ROLES,
    ROLES,
    Meeting,
    Ngo,
    Partner,
    Programme,
    VocabularyEntry,
    shown_name,
)
from ..records.validate import RECORD_FOLDERS
from ..schema import error_messages
from ..syndication.happenings import CHANGES, MEETINGS, PRESS, press_topic, topic
from ..syndication.subscriptions import Catalogue, Channel
from ..text.collation import Letter, heading, sort_key
from ..text.translit import AZERBAIJANI_LETTERS, CYRILLIC_LETTERS
from .contexts import (
    AlphabeticalPage,
    CareItem,
    ContributeFormPage,
    ContributePage,
    DataPage,
    EditorsPage,
    EntryCounts,
    HomePage,
    ItemsLink,
    MeetingListPage,
    MeetingPage,
    Month,
    MonthPage,
    NgoListPage,
    NgoPage,
    OrganisationItemsPage,
    PageContext,
    Pagination,
    PartnerListPage,
    PartnerPage,
    PressListPage,
    ProgrammeListPage,
    ProgrammePage,
    Relation,
    RoleGroup,
    ScriptLetters,
    SearchChoices,
    SearchPage,
    SeriesPage,
    SubscribePage,
    VocabulariesPage,
    VocabularyKind,
    VocabularyPage,
    WhoPage,
    WhoRegionPage,
)
from .open_data import DATA_FOLDER, SCHEMAS_PATH, record_json_folder
from .urls import Urls, page_url, save_as_of
from .who_does_what import WHO_CSV, Presence, presence

T = TypeVar("T")
R = TypeVar("R", Ngo, Partner)

# The meetings, and the press releases, an organisation's page lists: the latest; past that,
# a link to pages of them all. Ten keeps the busiest record page within its weight budget.
ON_RECORD_PAGE = 10
# The region whose organisations work across the country: every other region's page lists the
# first NATIONWIDE_LISTED of them, by name, in a group of their own, and links the rest.
NATIONWIDE = "azerbaijan"
NATIONWIDE_LISTED = 10


@dataclass(frozen=True)
class PageSpec:
    save_as: str
    url: str
    template: str
    context: PageContext
    language: str
    alternates: tuple[tuple[str, str], ...]  # (language, url) of the same page in every language
    in_sitemap: bool = True


@dataclass
class PressIndex:
    """Press releases in one language (versions, newest first) by organisation and by meeting."""

    latest: list[Version[PressRelease]] = field(default_factory=list)
    by_organisation: dict[str, list[Version[PressRelease]]] = field(default_factory=dict)
    by_meeting: dict[str, list[Version[PressRelease]]] = field(default_factory=dict)

    @classmethod
    def of(cls, versions: Iterable[Version[PressRelease]]) -> PressIndex:
        ordered = sorted(versions, key=lambda v: (v.item.date, v.item.slug), reverse=True)
        by_org: dict[str, list[Version[PressRelease]]] = defaultdict(list)
        by_meeting: dict[str, list[Version[PressRelease]]] = defaultdict(list)
        for version in ordered:
            by_org[version.item.organisation].append(version)
            if version.item.meeting:
                by_meeting[version.item.meeting].append(version)
        return cls(ordered, dict(by_org), dict(by_meeting))


def deadline_key(meeting: Meeting) -> str:
    """Sorts open registrations by deadline (as UTC text), those without one last."""
    registration = meeting.registration
    if registration is None or registration.deadline is None:
        return "~"
    return registration.deadline.astimezone(dt.UTC).isoformat()


def name_key(record: Any, order: Sequence[str]) -> tuple[Any, ...]:
    """Sort key: the name as shown, in the alphabet of the page's language (order[0])."""
    return (sort_key(shown_name(record, order), order[0]), record.slug)


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of ``size``; an empty list still has one (empty) page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def letter_groups(records: Sequence[R], order: Sequence[str]) -> list[tuple[Letter, list[R]]]:
    """[(letter, records)] in order, for an A-Z list."""
    groups: dict[Letter, list[R]] = {}
    for record in records:
        groups.setdefault(heading(shown_name(record, order), order[0]), []).append(record)
    return list(groups.items())


class Planner:
    """Plan all directory pages from a complete Directory and press index."""

    def __init__(
        self,
        directory: Directory,
        press: PressIndex,
        settings: Mapping[str, Any],
        today: dt.date,
        languages: Languages,
        language: str,
        completeness: dict[str, Completeness],
        catalogue: Catalogue,
        registrations: Mapping[str, str] | None = None,
        verified_since: dt.date | None = None,
    ):
        """One Planner plans one language; ``completeness`` (by slug) is the same for all.
        Each page links the feeds and calendars of ``catalogue`` that are about it."""
        self.d = directory
        self.catalogue = catalogue
        self.registrations = registrations or {}
        self.verified_since = verified_since or dt.date.min
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
        self.data_licence: Mapping[str, str] = settings["NGO_DIRECTORY_DATA_LICENCE"]
        self.schemas_path = SCHEMAS_PATH
        # Records are named by their path from the data folder's parent, the repository's root.
        self.data_folder = PurePath(str(settings.get("NGO_DIRECTORY_DATA_PATH", "ngo_data"))).name
        self.pages: list[PageSpec] = []

    def add(self, url: str, context: PageContext) -> None:
        """Plan a page with its context's template; its versions in the other languages have the
        same URL under their prefix."""
        path = url.removeprefix(self.urls.prefix)
        alternates = tuple((lang, self.languages.prefix(lang) + path) for lang in self.languages.languages)
        self.pages.append(
            PageSpec(save_as_of(url), url, context.TEMPLATE, context, self.language, alternates)
        )

    def add_paginated(
        self, base: str, items: Sequence[T], page: Callable[[Sequence[T], Pagination], PageContext]
    ) -> None:
        """One page per ``page_size`` items, each with the context ``page`` makes of its items
        and their pagination."""
        chunks = paginate(items, self.page_size)
        urls = tuple(page_url(base, n) for n in range(1, len(chunks) + 1))
        for number, chunk in enumerate(chunks, start=1):
            self.add(urls[number - 1], page(chunk, Pagination.of(urls, number, len(items))))

    def add_alphabetical(
        self,
        base: str,
        records: Sequence[R],
        page: type[AlphabeticalPage[R]],
        channels: Sequence[Channel],
    ) -> None:
        """A paginated A-Z list: each page grouped by letter, with a jump list of all letters,
        one list per script (Latin and Cyrillic А, В, Е... look the same), then '#'."""
        chunks = paginate(records, self.page_size)
        urls = tuple(page_url(base, n) for n in range(1, len(chunks) + 1))
        pages = [letter_groups(chunk, self.order) for chunk in chunks]
        scripts: dict[str, dict[Letter, str]] = {}
        for url, groups in zip(urls, pages, strict=True):
            for letter, _ in groups:
                scripts.setdefault(letter.script, {}).setdefault(letter, f"{url}#{letter.anchor}")
        alphabet = [
            ScriptLetters(script=script, lang=next(iter(links)).lang, links=list(links.items()))
            for script, links in scripts.items()
        ]
        for number, groups in enumerate(pages, start=1):
            self.add(
                urls[number - 1],
                page(
                    groups=groups,
                    alphabet=alphabet,
                    pagination=Pagination.of(urls, number, len(records)),
                    channels=channels,
                ),
            )

    @cached_property
    def nationwide(self) -> list[Organisation]:
        """The organisations that work across the country, by name: every region's page lists
        the first of them."""
        d = self.d
        return self.sorted_by_name(
            [*d.ngos_by_region.get(NATIONWIDE, []), *d.partners_by_region.get(NATIONWIDE, [])]
        )

    def sorted_by_name(self, records: Iterable[T]) -> list[T]:
        return sorted(records, key=lambda r: name_key(r, self.order))

    def sorted_entries(self, entries: Iterable[VocabularyEntry]) -> list[VocabularyEntry]:
        """Regions or themes by their names in the page's language."""
        return sorted(entries, key=lambda e: (sort_key(e.name.pick(self.order)[1], self.language), e.slug))

    def channels(self, *names: str) -> list[Channel]:
        """The channels with these topics, for a page's feed and calendar links."""
        return [self.catalogue.get(name) for name in names]

    def organisation_channels(self, org: Ngo | Partner) -> list[Channel]:
        """An organisation's channel, then that of its press releases alone if it has issued any."""
        press = self.catalogue.by_topic.get(press_topic(org.kind, org.slug))
        return [self.catalogue.get(topic(org.kind, org.slug)), *([press] if press else [])]

    def plan(self) -> list[PageSpec]:
        d = self.d
        self.add(
            self.urls.index("HOME"),
            HomePage(
                latest_press=self.press.latest[: self.home_items],
                upcoming=d.upcoming_meetings(self.today)[: self.home_items],
                counts={**d.counts, "press": len(self.press.latest)},
                channels=self.channels(PRESS, MEETINGS, CHANGES),
            ),
        )
        press_channels = self.channels(PRESS)
        self.add_paginated(
            self.urls.index("PRESS"),
            self.press.latest,
            lambda items, pagination: PressListPage(
                items=items, pagination=pagination, channels=press_channels
            ),
        )
        ngos = self.sorted_by_name(d.ngos.values())
        self.add_alphabetical(self.urls.index("NGO"), ngos, NgoListPage, self.channels(CHANGES))
        for ngo in ngos:
            self.add(self.urls.url(ngo), self.ngo_page(ngo))
        partners = self.sorted_by_name(d.partners.values())
        self.add_alphabetical(self.urls.index("PARTNER"), partners, PartnerListPage, self.channels(CHANGES))
        for partner in partners:
            self.plan_partner(partner)
        # Meetings one can still register for come first, the soonest deadline first.
        upcoming = sorted(
            d.upcoming_meetings(self.today),
            key=lambda m: (0, deadline_key(m)) if self.registrations.get(m.slug) == "open" else (1, ""),
        )
        meetings_channels = self.channels(MEETINGS)
        months = self.plan_months(meetings_channels)
        past = d.past_meetings(self.today)
        soonest = min(upcoming, key=lambda m: (m.start, m.slug)) if upcoming else None
        shown = soonest or (past[0] if past else None)
        current = months.get(Month(first_day=shown.start.date().replace(day=1))) if shown else None
        self.add_paginated(
            self.urls.index("MEETING"),
            past,
            lambda items, pagination: MeetingListPage(
                items=items,
                pagination=pagination,
                upcoming=upcoming if pagination.first else (),
                month=current,
                channels=meetings_channels,
            ),
        )
        for meeting in d.meetings.values():
            self.add(self.urls.url(meeting), self.meeting_page(meeting))
        for slug, series in d.series.items():
            self.add(
                self.urls.url(series, "SERIES"),
                SeriesPage(
                    series=series, meetings=d.meetings_by_series.get(slug, []), channels=meetings_channels
                ),
            )
        self.plan_programmes()
        self.plan_who_does_what()
        self.add(
            self.urls.index("DATA"),
            DataPage(
                folders=[(kind, folder) for kind, folder in RECORD_FOLDERS.items()],
                folder=DATA_FOLDER,
                schemas=self.schemas_path,
                licence=self.data_licence,
                channels=self.channels(CHANGES),
            ),
        )
        self.plan_editors()
        self.plan_vocabulary(
            "REGION",
            d.regions,
            d.ngos_by_region,
            d.partners_by_region,
            d.meetings_by_region,
            d.programmes_by_region,
        )
        self.plan_vocabulary(
            "THEME",
            d.themes,
            d.ngos_by_theme,
            d.partners_by_theme,
            d.meetings_by_theme,
            d.programmes_by_theme,
        )
        site = self.catalogue.site
        self.add(self.urls.index("SEARCH"), SearchPage(choices=self.search_choices(), channels=site))
        self.add_paginated(
            self.urls.index("SUBSCRIBE"),
            [channel for group in self.catalogue.listed().values() for channel in group],
            lambda items, pagination: SubscribePage(
                items=items,
                pagination=pagination,
                site=site if pagination.first else (),
                channels=site,
            ),
        )
        if self.repository:
            # How to add, update and claim a record, and the form that does it for an NGO;
            # without a repository there is nowhere to send contributors, so no page and no link.
            records_folder = f"{self.data_folder}/{RECORD_FOLDERS['ngo']}"
            self.add(
                self.urls.index("CONTRIBUTE"),
                ContributePage(
                    records_folder=records_folder,
                    data_folder=self.data_folder,
                    today=self.today,
                    channels=site,
                ),
            )
            self.add(
                self.urls.index("CONTRIBUTE_FORM"),
                ContributeFormPage(
                    records_folder=records_folder,
                    modeline=MODELINE,
                    ngo_page=self.urls.pattern("NGO"),
                    record_data=record_json_folder("ngo"),
                    schemas=self.schemas_path,
                    default_language=self.languages.default,
                    regions=self.sorted_entries(d.regions.values()),
                    themes=self.sorted_entries(d.themes.values()),
                    legal_forms=[dict(zip(RECORD_LANGUAGES, names, strict=True)) for names in LEGAL_FORMS],
                    schema_messages={
                        message: self.languages.gettext(self.language, message)
                        for message in sorted(error_messages("ngo"))
                    },
                    letters={**AZERBAIJANI_LETTERS, **CYRILLIC_LETTERS},
                    place_name=MAIN_OFFICE,
                    social_hosts=SOCIAL_HOSTS,
                    invisible=re.sub("[^-]", lambda m: f"\\u{ord(m.group()):04x}", INVISIBLE + "\r"),
                    channels=(),  # a form, not news: no feed to follow
                ),
            )
        return self.pages

    def search_choices(self) -> SearchChoices:
        """The regions, themes and years the search page offers as filters: those of at least
        one record or press release."""
        d = self.d

        def used(entries: dict[str, VocabularyEntry], slugs: set[str]) -> list[VocabularyEntry]:
            return self.sorted_entries(entries[slug] for slug in slugs if slug in entries)

        years = {m.start.year for m in d.meetings.values()}
        years |= {version.item.date.year for version in self.press.latest}
        return SearchChoices(
            regions=used(d.regions, {*d.ngos_by_region, *d.partners_by_region, *d.meetings_by_region}),
            themes=used(d.themes, {*d.ngos_by_theme, *d.partners_by_theme, *d.meetings_by_theme}),
            years=sorted(years, reverse=True),
        )

    def ngo_page(self, ngo: Ngo) -> NgoPage:
        d = self.d
        channels = self.organisation_channels(ngo)
        meetings, all_meetings, press, all_press = self.plan_overflow(ngo, channels)
        return NgoPage(
            ngo=ngo,
            partners=d.partners_of_ngo.get(ngo.slug, []),
            translation=self.completeness[ngo.slug],
            regions=[d.regions[s] for s in ngo.all_regions],
            themes=[d.themes[s] for s in ngo.themes],
            funders=[d.partners[s] for s in ngo.funders],
            meetings=meetings,
            programmes=self.sorted_by_name(d.programmes_by_organisation.get(ngo.slug, [])),
            press=press,
            all_meetings=all_meetings,
            all_press=all_press,
            channels=channels,
        )

    def plan_overflow(
        self, org: Ngo | Partner, channels: Sequence[Channel]
    ) -> tuple[Sequence[Meeting], ItemsLink | None, Sequence[Version[PressRelease]], ItemsLink | None]:
        """The meetings and press releases an organisation's page lists (the latest
        ON_RECORD_PAGE of each) and, for each list that is longer, pages listing them all under
        the organisation's address (ngos/x/meetings/, ngos/x/press/), with a link to them: a
        directory's busiest organisation keeps a light page."""
        meetings = self.d.meetings_by_organisation.get(org.slug, [])
        press = self.press.by_organisation.get(org.slug, [])
        return (
            meetings[:ON_RECORD_PAGE],
            self.plan_all_items(org, "meeting", meetings, channels),
            press[:ON_RECORD_PAGE],
            self.plan_all_items(org, "press", press, channels),
        )

    def plan_editors(self) -> None:
        """The editors' page: every record with a text not yet translated into a site language
        or not verified since ``verified_since``, by kind and name, paginated."""
        d = self.d
        records: list[Ngo | Partner | Meeting | Programme] = [
            *self.sorted_by_name(d.ngos.values()),
            *self.sorted_by_name(d.partners.values()),
            *sorted(d.meetings.values(), key=lambda m: (m.start, m.slug), reverse=True),
            *self.sorted_by_name(d.programmes.values()),
        ]
        care = [
            CareItem(
                record=record,
                translation=self.completeness[record.slug],
                stale=bool(record.last_verified and record.last_verified < self.verified_since),
            )
            for record in records
        ]
        self.add_paginated(
            self.urls.index("EDITORS"),
            [item for item in care if item.stale or not item.translation.complete],
            lambda items, pagination: EditorsPage(
                items=items,
                pagination=pagination,
                records=len(records),
                verified_since=self.verified_since,
                channels=self.channels(CHANGES),
            ),
        )

    def plan_all_items(
        self,
        org: Ngo | Partner,
        kind: Literal["meeting", "press"],
        items: Sequence[Meeting | Version[PressRelease]],
        channels: Sequence[Channel],
    ) -> ItemsLink | None:
        """Pages of all ``items`` when they are more than an organisation's page lists."""
        if len(items) <= ON_RECORD_PAGE:
            return None
        link = ItemsLink(
            url=f"{self.urls.url(org)}{'meetings' if kind == 'meeting' else 'press'}/", count=len(items)
        )
        self.add_paginated(
            link.url,
            items,
            lambda chunk, pagination: OrganisationItemsPage(
                org=org, kind=kind, items=chunk, pagination=pagination, channels=channels
            ),
        )
        return link

    def plan_partner(self, partner: Partner) -> None:
        """A partner's pages: everyone it funds or works with, in one list paginated like the
        A-Z lists, so that a partner of thousands of NGOs still has light pages."""
        d = self.d
        funded = {id(o): o for o in d.funded_by.get(partner.slug, [])}
        works_with = {id(o): o for o in d.ngos_of_partner.get(partner.slug, [])}
        relations = [
            Relation(org=org, funded=id(org) in funded, works_with=id(org) in works_with)
            for org in self.sorted_by_name({**funded, **works_with}.values())
        ]
        translation = self.completeness[partner.slug]
        regions = [d.regions[s] for s in partner.all_regions]
        themes = [d.themes[s] for s in partner.themes]
        funders = [d.partners[s] for s in partner.funders]
        programmes = self.sorted_by_name(d.programmes_by_organisation.get(partner.slug, []))
        channels = self.organisation_channels(partner)
        meetings, all_meetings, press, all_press = self.plan_overflow(partner, channels)
        self.add_paginated(
            self.urls.url(partner),
            relations,
            lambda items, pagination: PartnerPage(
                partner=partner,
                items=items,
                pagination=pagination,
                translation=translation,
                regions=regions,
                themes=themes,
                funders=funders,
                meetings=meetings,
                programmes=programmes,
                press=press,
                all_meetings=all_meetings,
                all_press=all_press,
                channels=channels,
            ),
        )

    def plan_months(self, channels: Sequence[Channel]) -> dict[Month, Month]:
        """A page for each month in which meetings take place, day by day; returns the months
        (each itself, to look one up by its first day)."""
        by_month: dict[Month, dict[dt.date, list[Meeting]]] = defaultdict(lambda: defaultdict(list))
        for meeting in sorted(self.d.meetings.values(), key=lambda m: (m.start, m.slug)):
            first, last = meeting.start.date(), meeting.last_day
            day = first.replace(day=1)
            while day <= last:
                by_month[Month(first_day=day)][max(first, day)].append(meeting)
                day = (day + dt.timedelta(days=32)).replace(day=1)
        months = sorted(by_month, key=lambda m: m.first_day)
        for index, month in enumerate(months):
            self.add(
                self.urls.url(month, "MONTH"),
                MonthPage(
                    month=month,
                    days=sorted(by_month[month].items()),
                    previous=months[index - 1] if index else None,
                    next=months[index + 1] if index + 1 < len(months) else None,
                    channels=channels,
                ),
            )
        return {month: month for month in months}

    def plan_programmes(self) -> None:
        """The programmes A-Z, paginated, and a page for each."""
        d = self.d
        programmes = self.sorted_by_name(d.programmes.values())
        changes = self.channels(CHANGES)
        self.add_paginated(
            self.urls.index("PROGRAMME"),
            programmes,
            lambda items, pagination: ProgrammeListPage(items=items, pagination=pagination, channels=changes),
        )
        for programme in programmes:
            self.add(
                self.urls.url(programme),
                ProgrammePage(
                    programme=programme,
                    translation=self.completeness[programme.slug],
                    regions=[d.regions[s] for s in programme.regions],
                    themes=[d.themes[s] for s in programme.themes],
                    roles=self.role_groups(programme, PROGRAMME_ROLES),
                    channels=self.channels(topic("programme", programme.slug), CHANGES),
                ),
            )

    def plan_who_does_what(self) -> None:
        """Who does what where: the regions by themes, and a page for each region."""
        d = self.d
        cells = presence(d)
        csv = self.urls.index("WHO") + WHO_CSV

        regions = self.sorted_entries(d.regions[r] for r in {r for r, _ in cells})
        themes = self.sorted_entries(d.themes[t] for t in {t for _, t in cells})
        by_region: dict[str, dict[str, Presence]] = defaultdict(dict)
        for (region_slug, theme_slug), cell in cells.items():
            by_region[region_slug][theme_slug] = cell
        channels = self.channels(CHANGES)
        self.add(
            self.urls.index("WHO"),
            WhoPage(regions=regions, themes=themes, cells=dict(by_region), csv=csv, channels=channels),
        )
        for region in regions:
            here = [
                (theme, cells[region.slug, theme.slug])
                for theme in themes
                if (region.slug, theme.slug) in cells
            ]
            self.add(
                self.urls.url(region, "WHO"),
                WhoRegionPage(region=region, cells=here, csv=csv, channels=channels),
            )

    def role_groups(self, record: Meeting | Programme, roles: Sequence[str]) -> list[RoleGroup]:
        """Everyone ``record`` names in each of ``roles`` that someone has."""
        return [
            RoleGroup(
                role=role,
                organisations=[self.d.organisation(p.org) for p in parties if p.org],
                named=[p.name for p in parties if p.name],
            )
            for role in roles
            if (parties := record.in_role(role))
        ]

    def meeting_page(self, meeting: Meeting) -> MeetingPage:
        d = self.d
        own_channel = self.catalogue.get(topic("meeting", meeting.slug))
        return MeetingPage(
            meeting=meeting,
            own_channel=own_channel,
            translation=self.completeness[meeting.slug],
            region=d.regions[meeting.venue.region],
            themes=[d.themes[s] for s in meeting.themes],
            roles=self.role_groups(meeting, ROLES),
            series=d.series.get(meeting.series or ""),
            in_series=d.meetings_by_series.get(meeting.series or "", []),
            previous=d.previous_meeting.get(meeting.slug),
            next=d.meetings.get(meeting.next or ""),
            press=self.press.by_meeting.get(meeting.slug, []),
            channels=[own_channel, self.catalogue.get(MEETINGS)],
        )

    def plan_vocabulary(
        self,
        kind: VocabularyKind,
        entries: dict[str, VocabularyEntry],
        ngos: dict[str, list[Ngo]],
        partners: dict[str, list[Partner]],
        meetings: dict[str, list[Meeting]],
        programmes: dict[str, list[Programme]],
    ) -> None:
        self.add(
            self.urls.index(kind),
            VocabulariesPage(
                kind=kind,
                entries=self.sorted_entries(entries.values()),
                counts={
                    slug: EntryCounts(
                        ngos=len(ngos.get(slug, [])),
                        partners=len(partners.get(slug, [])),
                        programmes=len(programmes.get(slug, [])),
                    )
                    for slug in entries
                },
                channels=self.channels(CHANGES),
            ),
        )
        for slug, entry in entries.items():
            self.plan_vocabulary_entry(
                kind,
                entry,
                self.sorted_by_name(ngos.get(slug, [])),
                self.sorted_by_name(partners.get(slug, [])),
                meetings.get(slug, [])[: self.page_size],
                self.sorted_by_name(programmes.get(slug, [])),
            )

    def plan_vocabulary_entry(
        self,
        kind: VocabularyKind,
        entry: VocabularyEntry,
        ngos: Sequence[Ngo],
        partners: Sequence[Partner],
        meetings: Sequence[Meeting],
        programmes: Sequence[Programme],
    ) -> None:
        """A region's or theme's pages, paginated over its NGOs; its partners, meetings and
        programmes are on the first page."""
        channels = self.channels(topic(kind.lower(), entry.slug))
        region = self.d.regions.get(NATIONWIDE) if kind == "REGION" and entry.slug != NATIONWIDE else None
        everywhere = self.nationwide if region else []
        self.add_paginated(
            self.urls.url(entry, kind),
            ngos,
            lambda items, pagination: VocabularyPage(
                entry=entry,
                kind=kind,
                items=items,
                pagination=pagination,
                partners=partners if pagination.first else (),
                meetings=meetings if pagination.first else (),
                programmes=programmes if pagination.first else (),
                nationwide=everywhere[:NATIONWIDE_LISTED] if pagination.first else (),
                nationwide_count=len(everywhere),
                nationwide_region=region if everywhere else None,
                part_of=self.d.regions.get(entry.part_of) if kind == "REGION" and entry.part_of else None,
                within=self.sorted_entries(self.d.places_within(entry.slug)) if kind == "REGION" else (),
                channels=channels,
            ),
        )
