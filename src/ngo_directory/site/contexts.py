"""What each directory page's template reads: one frozen dataclass per kind of page, named after
the variables the template uses, and the template it fills.

A context splats into the writer's keyword arguments like a mapping (``**context``): its keys
are its fields, its values the fields' own objects, never copies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import ClassVar, Generic, Literal, TypeVar

from ..content.model import ContentPage, PressRelease
from ..content.versions import Version
from ..records.completeness import Completeness
from ..records.directory import Organisation
from ..records.models import Meeting, Ngo, Partner, Programme, Text, VocabularyEntry
from ..syndication.subscriptions import Channel
from ..text.collation import Letter
from .who_does_what import Presence

R = TypeVar("R", Ngo, Partner)
VocabularyKind = Literal["REGION", "THEME"]


@dataclass(frozen=True, kw_only=True)
class Pagination:
    """Where page ``number`` (1-based) of a paginated list is among its ``urls``."""

    number: int
    urls: tuple[str, ...]
    total: int  # items on all the pages

    @classmethod
    def of(cls, urls: Sequence[str], number: int, total: int) -> Pagination:
        return cls(number=number, urls=tuple(urls), total=total)  # a tuple is not copied

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def first(self) -> bool:
        return self.number == 1

    @property
    def previous_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < len(self.urls) else None


@dataclass(frozen=True, kw_only=True)
class Relation:
    """An organisation a partner funds, works with, or both."""

    org: Organisation
    funded: bool
    works_with: bool


@dataclass(frozen=True, kw_only=True)
class ScriptLetters:
    """The letters of one script in an A-Z list's jump list, each with the address of its
    heading ('ngos/page/2/#letter-A'). All are of one alphabet, in the language ``lang`` when
    that is not the page's (else '')."""

    script: str  # 'Latn' or 'Cyrl'; '' for '#'
    lang: str
    links: Sequence[tuple[Letter, str]]


@dataclass(frozen=True, kw_only=True)
class SearchChoices:
    """The regions, themes and years the search page offers as filters."""

    regions: Sequence[VocabularyEntry]
    themes: Sequence[VocabularyEntry]
    years: Sequence[int]  # newest first


@dataclass(frozen=True, kw_only=True)
class PageContext:
    """The variables of one directory page. ``channels`` are the feeds and calendars the page
    links (read by the theme through ``page_channels()``)."""

    TEMPLATE: ClassVar[str]

    channels: Sequence[Channel]

    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self))

    def __getitem__(self, key: str) -> object:
        if key not in self.keys():
            raise KeyError(key)
        return getattr(self, key)


@dataclass(frozen=True, kw_only=True)
class HomePage(PageContext):
    TEMPLATE: ClassVar[str] = "home.html"

    latest_press: Sequence[Version[PressRelease]]
    upcoming: Sequence[Meeting]
    counts: Mapping[str, int]  # 'ngos', 'partners', 'meetings', 'press', 'regions', 'themes'


@dataclass(frozen=True, kw_only=True)
class PressListPage(PageContext):
    TEMPLATE: ClassVar[str] = "press.html"

    items: Sequence[Version[PressRelease]]
    pagination: Pagination


@dataclass(frozen=True, kw_only=True)
class AlphabeticalPage(PageContext, Generic[R]):
    """One page of an A-Z list, grouped by letter, with a jump list of every page's letters."""

    groups: Sequence[tuple[Letter, Sequence[R]]]
    alphabet: Sequence[ScriptLetters]
    pagination: Pagination


@dataclass(frozen=True, kw_only=True)
class NgoListPage(AlphabeticalPage[Ngo]):
    TEMPLATE: ClassVar[str] = "ngos.html"


@dataclass(frozen=True, kw_only=True)
class PartnerListPage(AlphabeticalPage[Partner]):
    TEMPLATE: ClassVar[str] = "partners.html"


@dataclass(frozen=True, kw_only=True)
class ItemsLink:
    """The pages listing all of an organisation's meetings or press releases: ``count`` of them."""

    url: str
    count: int


@dataclass(frozen=True, kw_only=True)
class OrganisationItemsPage(PageContext):
    """One page of all the meetings (``kind`` 'meeting') or press releases ('press') of an NGO
    or partner, newest first: for an organisation with more than its own page lists."""

    TEMPLATE: ClassVar[str] = "organisation_items.html"

    org: Organisation
    kind: Literal["meeting", "press"]
    items: Sequence[Meeting | Version[PressRelease]]
    pagination: Pagination


@dataclass(frozen=True, kw_only=True)
class OrganisationPage(PageContext):
    """What the pages of NGOs and partners share (organisation.html)."""

    translation: Completeness
    regions: Sequence[VocabularyEntry]
    themes: Sequence[VocabularyEntry]
    funders: list[Partner]
    meetings: Sequence[Meeting]  # the latest ON_RECORD_PAGE (pages.py), newest first
    programmes: Sequence[Programme]  # those it has a role in
    press: Sequence[Version[PressRelease]]  # likewise
    # How many there are in all and the address of the pages listing them all, when they are
    # more than the page shows (else None).
    all_meetings: ItemsLink | None
    all_press: ItemsLink | None


@dataclass(frozen=True, kw_only=True)
class NgoPage(OrganisationPage):
    TEMPLATE: ClassVar[str] = "ngo.html"

    ngo: Ngo
    partners: Sequence[Partner]


@dataclass(frozen=True, kw_only=True)
class PartnerPage(OrganisationPage):
    """One page of a partner, paginated over the organisations it funds or works with."""

    TEMPLATE: ClassVar[str] = "partner.html"

    partner: Partner
    items: Sequence[Relation]
    pagination: Pagination


@dataclass(frozen=True, kw_only=True)
class MeetingListPage(PageContext):
    TEMPLATE: ClassVar[str] = "meetings.html"

    items: Sequence[Meeting]  # past meetings, most recent first
    pagination: Pagination
    upcoming: Sequence[Meeting]  # on the first page only
    month: Month | None  # of the next upcoming meeting, else of the latest; None without meetings


@dataclass(frozen=True, kw_only=True)
class Month:
    """A month with meetings; its ``slug`` ('2027-03') names its page (MONTH_URL)."""

    first_day: dt.date

    @property
    def slug(self) -> str:
        return f"{self.first_day.year:04d}-{self.first_day.month:02d}"


@dataclass(frozen=True, kw_only=True)
class MonthPage(PageContext):
    """The meetings of one month, by the day each starts (a meeting that began the month
    before is listed on the month's first day), with the months before and after that have
    meetings."""

    TEMPLATE: ClassVar[str] = "month.html"

    month: Month
    days: Sequence[tuple[dt.date, Sequence[Meeting]]]
    previous: Month | None
    next: Month | None


@dataclass(frozen=True, kw_only=True)
class RoleGroup:
    """Everyone in one role at a meeting: organisations of the directory, then named parties."""

    role: str  # one of records.models.ROLES
    organisations: Sequence[Organisation]
    named: Sequence[Text]


@dataclass(frozen=True, kw_only=True)
class MeetingPage(PageContext):
    TEMPLATE: ClassVar[str] = "meeting.html"

    meeting: Meeting
    own_channel: Channel  # the meeting's calendar
    translation: Completeness
    region: VocabularyEntry
    themes: Sequence[VocabularyEntry]
    roles: Sequence[RoleGroup]  # the roles someone has, in ROLES order
    press: Sequence[Version[PressRelease]]
    series: VocabularyEntry | None
    in_series: Sequence[Meeting]  # the series' meetings, soonest first
    previous: Meeting | None  # the meeting it follows up
    next: Meeting | None  # the meeting that follows it up


@dataclass(frozen=True, kw_only=True)
class VocabulariesPage(PageContext):
    """Every region or every theme."""

    TEMPLATE: ClassVar[str] = "vocabularies.html"

    kind: VocabularyKind
    entries: Sequence[VocabularyEntry]
    counts: Mapping[str, EntryCounts]  # by entry slug


@dataclass(frozen=True, kw_only=True)
class EntryCounts:
    """How many NGOs, partners and programmes work in a region or on a theme."""

    ngos: int
    partners: int
    programmes: int


@dataclass(frozen=True, kw_only=True)
class VocabularyPage(PageContext):
    """One page of a region or theme, paginated over its NGOs."""

    TEMPLATE: ClassVar[str] = "vocabulary.html"

    entry: VocabularyEntry
    kind: VocabularyKind
    items: Sequence[Ngo]
    pagination: Pagination
    partners: Sequence[Partner]  # on the first page only
    meetings: Sequence[Meeting]  # on the first page only
    programmes: Sequence[Programme]  # on the first page only
    # On another region's first page: the first NATIONWIDE_LISTED organisations that work
    # nationwide, how many there are, and the nationwide region (pages.py, NATIONWIDE).
    nationwide: Sequence[Organisation]
    nationwide_count: int
    nationwide_region: VocabularyEntry | None
    # A region's place in ISO's grouping (part_of): the place it lies within, and those within it.
    part_of: VocabularyEntry | None = None
    within: Sequence[VocabularyEntry] = ()


@dataclass(frozen=True, kw_only=True)
class ProgrammeListPage(PageContext):
    TEMPLATE: ClassVar[str] = "programmes.html"

    items: Sequence[Programme]  # by name
    pagination: Pagination


@dataclass(frozen=True, kw_only=True)
class ProgrammePage(PageContext):
    TEMPLATE: ClassVar[str] = "programme.html"

    programme: Programme
    translation: Completeness
    regions: Sequence[VocabularyEntry]
    themes: Sequence[VocabularyEntry]
    roles: Sequence[RoleGroup]  # IATI's roles someone has, in PROGRAMME_ROLES order


@dataclass(frozen=True, kw_only=True)
class SeriesPage(PageContext):
    """A series of meetings, soonest first."""

    TEMPLATE: ClassVar[str] = "series.html"

    series: VocabularyEntry
    meetings: Sequence[Meeting]


@dataclass(frozen=True, kw_only=True)
class WhoPage(PageContext):
    """Who does what where: in each region on each theme, the first few NGOs, partners and
    programmes that work there (who.html) and how many more, linking to the region's page."""

    TEMPLATE: ClassVar[str] = "who.html"

    regions: Sequence[VocabularyEntry]  # those where someone works, by name
    themes: Sequence[VocabularyEntry]  # those someone works on, by name
    cells: Mapping[str, Mapping[str, Presence]]  # region slug -> theme slug -> who
    csv: str  # the address of the CSV file


@dataclass(frozen=True, kw_only=True)
class WhoRegionPage(PageContext):
    """Who does what in one region: theme by theme, the NGOs, partners and programmes."""

    TEMPLATE: ClassVar[str] = "who_region.html"

    region: VocabularyEntry
    cells: Sequence[tuple[VocabularyEntry, Presence]]  # by theme name
    csv: str


@dataclass(frozen=True, kw_only=True)
class DataPage(PageContext):
    """The open data files (site/open_data.py), their licence and their schemas."""

    TEMPLATE: ClassVar[str] = "data.html"

    folders: Sequence[tuple[str, str]]  # (kind, folder): ('ngo', 'ngos') -> data/ngos.json, .csv
    folder: str  # where the files are, from the site's root: 'data/'
    schemas: str  # where the JSON Schemas are, from the site's root
    licence: Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class CareItem:
    """A record that needs an editor: texts missing in some language, or not verified lately."""

    record: Ngo | Partner | Meeting | Programme
    translation: Completeness
    stale: bool


@dataclass(frozen=True, kw_only=True)
class EditorsPage(PageContext):
    """What needs care, record by record (editors.html): linked from the footer, not the menu."""

    TEMPLATE: ClassVar[str] = "editors.html"

    items: Sequence[CareItem]
    pagination: Pagination
    records: int  # all the directory's records
    verified_since: dt.date


@dataclass(frozen=True, kw_only=True)
class NotFound:
    """What the page for a missing address says in one language, and where it sends people."""

    lang: str
    site_name: str
    title: str
    text: str
    home: str  # the label of the link to the language's home page
    home_url: str
    search: str
    search_url: str


@dataclass(frozen=True, kw_only=True)
class NotFoundPage(PageContext):
    """The page servers show for a missing address (404.html), in every language at once: it
    is served at any depth, so its links are root-relative."""

    TEMPLATE: ClassVar[str] = "404.html"

    texts: Sequence[NotFound]
    root: str  # the path of the site's root on its host ('' or '/repository'): links start there


@dataclass(frozen=True, kw_only=True)
class SearchPage(PageContext):
    TEMPLATE: ClassVar[str] = "search.html"

    choices: SearchChoices


@dataclass(frozen=True, kw_only=True)
class SubscribePage(PageContext):
    TEMPLATE: ClassVar[str] = "subscribe.html"

    items: Sequence[Channel]  # the channels of every subject, by group
    pagination: Pagination
    site: Sequence[Channel]  # the whole directory's, on the first page only


@dataclass(frozen=True, kw_only=True)
class ContributePage(PageContext):
    TEMPLATE: ClassVar[str] = "contribute.html"

    records_folder: str  # where new NGO records go, from the repository's root
    data_folder: str
    today: dt.date


@dataclass(frozen=True, kw_only=True)
class ContributeFormPage(PageContext):
    """The form that proposes a new NGO, or a change to one (``?record=<slug>``), through the
    issue form: record-form.js fills it from the record's JSON, checks it with the published
    JSON Schemas and writes the issue form's address."""

    TEMPLATE: ClassVar[str] = "contribute_form.html"

    records_folder: str  # where NGO records are, from the repository's root
    modeline: str  # a record file's first line, naming its schema for editors
    ngo_page: str  # the address of an NGO's page in this language, '{slug}' standing for its slug
    record_data: str  # the folder of each NGO's JSON file, from the site's root
    schemas: str  # the folder of the published JSON Schemas, from the site's root
    default_language: str  # the language of a record text written as one plain string
    regions: Sequence[VocabularyEntry]  # by name in the page's language
    themes: Sequence[VocabularyEntry]
    legal_forms: Sequence[Mapping[str, str]]  # each known legal form's name in az, ru and en
    schema_messages: Mapping[str, str]  # each "errorMessage" of the schemas, in the page's language
    letters: Mapping[str, str]  # Azerbaijani and Cyrillic letters in Latin, for a new file's name
    place_name: Mapping[str, str]  # what an issue names a place given without a name (the first)
    social_hosts: Mapping[str, str]  # the social network of each web host
    invisible: str  # the characters a record may not hold: a regular expression's class, escaped


@dataclass(frozen=True, kw_only=True)
class ArticlePage(PageContext):
    """A press release in one language; ``channels`` are the press releases' feeds and those of
    the organisation that issued it."""

    TEMPLATE: ClassVar[str] = "article.html"

    article: PressRelease
    fallback_from: str | None  # the language shown, when the page's own is missing
    indexed: bool  # searched in the page's language (NGO_DIRECTORY_SEARCH_FALLBACKS for a fallback)


@dataclass(frozen=True, kw_only=True)
class TextPage(PageContext):
    """A page (about the directory...) in one language."""

    TEMPLATE: ClassVar[str] = "page.html"

    page: ContentPage
    fallback_from: str | None
