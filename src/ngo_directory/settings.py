"""Plugin settings: one defaults table, merged under the user's values, checked up front and
turned once into a frozen, typed ``Options``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from babel import Locale, UnknownLocaleError

from .i18n import RECORD_LANGUAGES, catalog_file, unknown_languages
from .records.formats import PHONE_REGION, is_time_zone
from .records.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from .records.models import DEFAULT_TIMEZONE

DEFAULTS: dict[str, Any] = {
    "NGO_DIRECTORY_DATA_PATH": "ngo_data",
    "NGO_DIRECTORY_PRESS_PATH": "press",
    "NGO_DIRECTORY_MAX_FILE_BYTES": DEFAULT_MAX_BYTES,
    "NGO_DIRECTORY_MAX_DEPTH": DEFAULT_MAX_DEPTH,
    "NGO_DIRECTORY_PAGE_SIZE": 100,
    "NGO_DIRECTORY_HOME_ITEMS": 5,
    "NGO_DIRECTORY_LANGUAGES": ["az", "ru", "en"],
    "NGO_DIRECTORY_FALLBACK_LANGUAGES": ["az", "ru", "en"],
    "NGO_DIRECTORY_LOCALES": {"az": "az", "ru": "ru", "en": "en_GB"},
    "NGO_DIRECTORY_SITENAMES": {},
    "NGO_URL": "ngos/{slug}/",
    "NGO_INDEX_URL": "ngos/",
    "PARTNER_URL": "partners/{slug}/",
    "PARTNER_INDEX_URL": "partners/",
    "MEETING_URL": "meetings/{slug}/",
    "MEETING_INDEX_URL": "meetings/",
    "MONTH_URL": "months/{slug}/",
    "PROGRAMME_URL": "programmes/{slug}/",
    "PROGRAMME_INDEX_URL": "programmes/",
    "WHO_URL": "who-does-what/{slug}/",
    "SERIES_URL": "series/{slug}/",
    "DATA_INDEX_URL": "data/",
    "EDITORS_INDEX_URL": "editors/",
    "WHO_INDEX_URL": "who-does-what/",
    "REGION_URL": "regions/{slug}/",
    "REGION_INDEX_URL": "regions/",
    "THEME_URL": "themes/{slug}/",
    "THEME_INDEX_URL": "themes/",
    "PRESS_INDEX_URL": "press/",
    "SUBSCRIBE_INDEX_URL": "subscribe/",
    "SEARCH_INDEX_URL": "search/",
    "CONTRIBUTE_INDEX_URL": "contribute/",
    "CONTRIBUTE_FORM_INDEX_URL": "contribute/form/",
    "NGO_DIRECTORY_FEEDS_PATH": "feeds/",
    "NGO_DIRECTORY_CALENDARS_PATH": "calendars/",
    "NGO_DIRECTORY_FEED_ITEMS": 50,
    "NGO_DIRECTORY_ID_AUTHORITY": None,
    # True in publishconf.py: SITEURL and the id authority must then be real, not examples.
    "NGO_DIRECTORY_PUBLISHING": False,
    # Where contributors edit the records: a GitHub repository "owner/name" and its branch.
    # None leaves out every link to it ("Update this record", the issue form...).
    "NGO_DIRECTORY_REPOSITORY": None,
    "NGO_DIRECTORY_REPOSITORY_BRANCH": "main",
    # GitHub logins who may change anything (code, vocabularies, any record) without review.
    "NGO_DIRECTORY_MAINTAINERS_TEAM": [],
    "NGO_DIRECTORY_SEARCH_PATH": "pagefind/",
    # Whether a press release's fallback copies (its text shown under another language's prefix)
    # are indexed for search in that language too, beside the original in its own.
    "NGO_DIRECTORY_SEARCH_FALLBACKS": False,
    # Sent with every page as <meta http-equiv>; serve the same as a header where you can.
    # Scripts come only from files, and WebAssembly is allowed for the search page's Pagefind.
    "NGO_DIRECTORY_CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"
    ),
    # The zone whose date is "today", and the country of phone numbers written without '+'.
    "NGO_DIRECTORY_TIME_ZONE": DEFAULT_TIMEZONE,
    "NGO_DIRECTORY_PHONE_REGION": PHONE_REGION,
    # Processes that write the site at once: 0 for one per core, 1 to write in the build's own.
    "NGO_DIRECTORY_WORKERS": 0,
    # Bytes a page may take on the wire (gzip, with the stylesheet); None: no budgets.
    "NGO_DIRECTORY_PAGE_BUDGETS": {"page": 30_000, "record": 15_000},
    # The licence of the open data (data/): a Data Package licence, name, title and path.
    "NGO_DIRECTORY_DATA_LICENCE": {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0 International",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
    # The image link previews show beside a shared page: an https:// address; None for none.
    "NGO_DIRECTORY_SHARE_IMAGE": None,
    # A record whose last_verified is older than this many months asks to be checked again.
    "NGO_DIRECTORY_VERIFY_MONTHS": 12,
    # Who runs the directory, named in every page's footer: {"name": ..., "url": ..., "email": ...}.
    "NGO_DIRECTORY_OPERATOR": None,
    # Keep texts' Markdown conversions and compiled templates in CACHE_PATH for the next build.
    "NGO_DIRECTORY_CACHE": True,
}


@dataclass(frozen=True)
class Description:
    """A setting's row in README's table: what it means (Markdown), and how to show its default
    when the value itself would not say it (a required setting, a long one explained elsewhere)."""

    meaning: str
    default: str | None = None


# One description per setting of DEFAULTS, and of the Pelican settings the plugin reads, in the
# order README's table lists them (`make readme` writes the table from here).
DESCRIPTIONS: dict[str, Description] = {
    "NGO_DIRECTORY_DATA_PATH": Description("folder of records (the sample config gives an absolute path)"),
    "NGO_DIRECTORY_PRESS_PATH": Description("folder of press releases inside `PATH`"),
    "NGO_DIRECTORY_MAX_FILE_BYTES": Description("largest record, page or press release accepted"),
    "NGO_DIRECTORY_MAX_DEPTH": Description("deepest nesting accepted"),
    "NGO_DIRECTORY_PAGE_SIZE": Description("entries per page of a list"),
    "NGO_DIRECTORY_HOME_ITEMS": Description("press releases and meetings on the home page"),
    "DEFAULT_LANG": Description(
        "the language at the root of the site, and of plain-string texts", '`"az"` in `pelicanconf.py`'
    ),
    "NGO_DIRECTORY_LANGUAGES": Description(
        "the site's languages, in switcher order; each needs a catalog, records accept az, ru and en"
    ),
    "NGO_DIRECTORY_FALLBACK_LANGUAGES": Description(
        "order in which a missing translation falls back; a fallback is marked with its own `lang`"
    ),
    "NGO_DIRECTORY_LOCALES": Description("the Babel locale that formats each language's dates and numbers"),
    "NGO_DIRECTORY_SITENAMES": Description(
        "the site's name per language; `SITENAME` for any language not listed"
    ),
    "NGO_URL": Description("an NGO's page; every page is saved as `index.html` in its URL's folder"),
    "NGO_INDEX_URL": Description("NGOs A-Z"),
    "PARTNER_URL": Description("a partner's page"),
    "PARTNER_INDEX_URL": Description("partners A-Z"),
    "MEETING_URL": Description("a meeting's page"),
    "MEETING_INDEX_URL": Description("the meetings, upcoming and past"),
    "PROGRAMME_URL": Description("a programme's page"),
    "PROGRAMME_INDEX_URL": Description("the programmes"),
    "WHO_URL": Description("who does what in one region, theme by theme"),
    "SERIES_URL": Description("a series of meetings (`ngo_data/series.yaml`), in order"),
    "DATA_INDEX_URL": Description("the Data page: the open data files, which are always under `data/`"),
    "EDITORS_INDEX_URL": Description(
        "the editors' page: records with texts not yet translated, or not verified for "
        "`NGO_DIRECTORY_VERIFY_MONTHS`"
    ),
    "WHO_INDEX_URL": Description(
        "who does what where: regions by themes, and the HXL-tagged CSV file (`who-does-what.csv`)"
    ),
    "MONTH_URL": Description(
        "the meetings of one month, day by day; `{slug}` is the month, such as `2027-03`"
    ),
    "REGION_URL": Description("a region's NGOs, partners and meetings"),
    "REGION_INDEX_URL": Description("the regions"),
    "THEME_URL": Description("a theme's NGOs, partners and meetings"),
    "THEME_INDEX_URL": Description("the themes"),
    "PRESS_INDEX_URL": Description("the press-release list"),
    "SUBSCRIBE_INDEX_URL": Description("the Subscribe page"),
    "SEARCH_INDEX_URL": Description("the search page"),
    "CONTRIBUTE_INDEX_URL": Description(
        'the "Add your organisation" page (built only with `NGO_DIRECTORY_REPOSITORY` set)'
    ),
    "CONTRIBUTE_FORM_INDEX_URL": Description(
        "the form that proposes a new NGO or a change to one through the issue form "
        "(built only with `NGO_DIRECTORY_REPOSITORY` set)"
    ),
    "NGO_DIRECTORY_SEARCH_PATH": Description(
        "folder of Pagefind's bundles, one per language (`pagefind/az/`)"
    ),
    "NGO_DIRECTORY_CONTENT_SECURITY_POLICY": Description(
        "the policy every page declares in a `<meta>` tag; `None` for none", "see [Search](#search)"
    ),
    "NGO_DIRECTORY_ID_AUTHORITY": Description(
        "tag URI authority for feed ids and calendar UIDs, a domain you control and a year: "
        '`"ngo.example.org,2026"`; never change it once published',
        "none: required",
    ),
    "NGO_DIRECTORY_FEEDS_PATH": Description("folder of feeds and OPML files under each language's prefix"),
    "NGO_DIRECTORY_CALENDARS_PATH": Description("folder of calendars under each language's prefix"),
    "NGO_DIRECTORY_FEED_ITEMS": Description("most entries in one feed"),
    "NGO_DIRECTORY_REPOSITORY": Description(
        'the GitHub repository contributors edit, `"owner/name"`; with none, the site leaves out '
        "every link to it"
    ),
    "NGO_DIRECTORY_REPOSITORY_BRANCH": Description("the branch those links point at"),
    "NGO_DIRECTORY_MAINTAINERS_TEAM": Description(
        "GitHub logins who may change anything, any record, code or vocabulary, without another "
        "maintainer's review"
    ),
    "NGO_DIRECTORY_TIME_ZONE": Description(
        "the IANA time zone that says which day is today: which meetings are upcoming, and the "
        "dates `ngo-directory new` writes"
    ),
    "NGO_DIRECTORY_PHONE_REGION": Description(
        "the country (ISO 3166 code in capitals) of phone numbers written without `+` and a country "
        "code: they are checked, and shown in international form, by its numbering plan"
    ),
    "NGO_DIRECTORY_SEARCH_FALLBACKS": Description(
        "also index for search the copies of a press release shown in a language it lacks (each "
        "original is always indexed in its own language); they cost search index time and memory "
        "(40% of the indexed pages of a directory whose releases are mostly in one language)"
    ),
    "NGO_DIRECTORY_PAGE_BUDGETS": Description(
        "the most bytes a page may take to transfer, gzipped, with the stylesheet: `page` for any "
        "page, `record` for the page of an NGO, partner, meeting or programme; a page over its "
        "budget fails the build; `None` turns the budgets off",
        "`{'page': 30000, 'record': 15000}`",
    ),
    "NGO_DIRECTORY_DATA_LICENCE": Description(
        "the licence of the open data (`data/`), shown on the Data page and in `datapackage.json`: "
        "a mapping with the licence's SPDX `name`, its `title` and the `path` of its text",
        "CC-BY-4.0",
    ),
    "NGO_DIRECTORY_SHARE_IMAGE": Description(
        "the image link previews (Telegram, WhatsApp, Facebook, Mastodon...) show beside a shared "
        "page, as `og:image` and a large Twitter card: the `https://` address of a PNG or JPEG "
        "(1200 x 630 pixels suits them all); the theme has no raster image of its own, so by default "
        "previews show the title and description alone"
    ),
    "NGO_DIRECTORY_VERIFY_MONTHS": Description(
        "months after which a record's `last_verified` is old: the record's page says so, with how to "
        "confirm it, and the editors' page lists it (decided at the moment of the build)"
    ),
    "NGO_DIRECTORY_OPERATOR": Description(
        "who runs the directory and how to reach them, said in every page's footer: a mapping with "
        "`name` (one name, or one per language: `{'az': ..., 'ru': ..., 'en': ...}`) and optionally "
        "`url` (an `https://` address) and `email`; `None` leaves the footer without it"
    ),
    "NGO_DIRECTORY_WORKERS": Description(
        "processes that write the pages, feeds and calendars at once, each its share: `0` for one per "
        "core (one per 1,000 pages at most), `1` to write them all in the build's own; the site is the "
        "same bytes either way"
    ),
    "NGO_DIRECTORY_CACHE": Description(
        "keep in Pelican's `CACHE_PATH` (`cache/`) what reading each press release and page made, "
        "keyed by the file's bytes, the `MARKDOWN` settings and the versions of the code that reads "
        "it, the compiled templates, keyed by their source and the Jinja environment, and what each "
        "page of the last build into the same folder was made from; the next build converts, "
        "compiles and renders only what changed, and the site is the same bytes either way",
        "`True` (`False` in `publishconf.py`)",
    ),
    "NGO_DIRECTORY_PUBLISHING": Description(
        "a build for publishing: `SITEURL` must then be an absolute address that is not an example "
        "domain (RFC 2606: `example.org`, `*.example`...), and `NGO_DIRECTORY_ID_AUTHORITY` must not "
        "be the example one",
        "`False` (`True` in `publishconf.py`)",
    ),
}
# The kinds of page with a URL_ and an INDEX_URL setting each.
PAGE_KINDS = ("NGO", "PARTNER", "MEETING", "PROGRAMME", "REGION", "THEME")
# Pelican's own feeds: off, so that every feed comes from one code path (syndication/feeds.py).
PELICAN_FEEDS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)
AUTHORITY = re.compile(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+,\d{4}(-\d{2}(-\d{2})?)?$"
)


REPOSITORY = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
BRANCH = re.compile(r"^[A-Za-z0-9._/-]{1,100}$")
# GitHub logins: letters, digits and single hyphens, not at either end, at most 39 characters.
LOGIN = re.compile(r"^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$")


# Names taken whatever the settings say: the home page, the pagination folder ('ngos/page/2/'),
# Pelican's own folders, words kept for the site's future pages, and the device names Windows
# reserves (a checkout on Windows cannot hold 'con.yaml').
_ALWAYS_RESERVED = frozenset(
    [
        *("index", "page", "static", "theme", "drafts", "archives"),
        *("tag", "tags", "category", "categories", "author", "authors"),
        *("about", "admin", "api", "assets", "new", "pages", "schemas"),
        *("con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))),
    ]
)
# Settings that name folders of the published site. Other *_PATH settings (PATH, OUTPUT_PATH,
# CACHE_PATH, the data folder) are places on the build machine, not on the site.
_URL_SETTINGS = ("_URL", "_SAVE_AS")
_FOLDER_SETTINGS = (
    "THEME_STATIC_DIR",
    "NGO_DIRECTORY_FEEDS_PATH",
    "NGO_DIRECTORY_CALENDARS_PATH",
    "NGO_DIRECTORY_SEARCH_PATH",
)
_FOLDER = re.compile(r"[a-z0-9][a-z0-9._-]*")


def _budgets(value: Mapping[str, int] | None) -> tuple[int, int] | None:
    return (value["page"], value["record"]) if value else None


def reserved_names(settings: Mapping[str, Any]) -> frozenset[str]:
    """Slugs no record, page or press release may take: the first folder of every URL, output
    and path setting (ngos, press, feeds, calendars, pagefind, search, ...), the language
    prefixes, and the names in ``_ALWAYS_RESERVED``. Pages live at the site's root, so a page
    called 'ngos' would overwrite the NGO list; one list for every kind keeps it simple."""
    names = set(_ALWAYS_RESERVED) | set(RECORD_LANGUAGES)
    for key, value in settings.items():
        if (key.endswith(_URL_SETTINGS) or key in _FOLDER_SETTINGS) and isinstance(value, str):
            first = value.split("/", 1)[0].lower()
            if _FOLDER.fullmatch(first):  # not absolute, not an address, not a {pattern}
                names.add(first.split(".", 1)[0])
    return frozenset(names)


class SettingsError(ValueError):
    """A plugin setting has a value the plugin cannot use."""


# What Pelican's DEFAULT_LANG is when the settings file does not set it.
PELICAN_DEFAULT_LANG = "en"
# Where the build keeps the checked Options in Pelican's settings, once, at `initialized`.
OPTIONS_KEY = "NGO_DIRECTORY_OPTIONS"
# Settings a URL is built from: each kind's page and list, and the site's own pages.
URL_SETTINGS = tuple(key for key in DEFAULTS if key.endswith("_URL"))


class FrozenMap(Mapping[str, str]):
    """A read-only map of text to text: hashable, and picklable (Pelican's content cache pickles
    whatever holds the settings), which ``types.MappingProxyType`` is not."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"


@dataclass(frozen=True, kw_only=True)
class Options:
    """Every plugin setting, checked and typed. Make one with ``Options.from_settings`` (or
    ``options_of``, which takes the one the build stored); fields cannot be reassigned, and the
    maps and lists are read-only."""

    data_path: Path
    press_path: str
    max_file_bytes: int
    max_depth: int
    page_size: int
    home_items: int
    default_language: str
    languages: tuple[str, ...]
    fallback_languages: tuple[str, ...]
    locales: Mapping[str, str]
    sitenames: Mapping[str, str]
    # NGO_URL, NGO_INDEX_URL, ..., CONTRIBUTE_INDEX_URL: every key of URL_SETTINGS.
    urls: Mapping[str, str]
    feeds_path: str
    calendars_path: str
    feed_items: int
    id_authority: str
    publishing: bool
    repository: str | None
    repository_branch: str
    maintainers_team: tuple[str, ...]
    search_path: str
    search_fallbacks: bool
    content_security_policy: str | None
    time_zone: str
    phone_region: str
    workers: int  # 0: one per core
    cache: bool
    data_licence: Mapping[str, str]
    page_budgets: tuple[int, int] | None  # (any page, a record's page), in bytes
    share_image: str | None
    verify_months: int
    operator: Operator | None

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Options:
        """The plugin's options from Pelican's settings (the defaults where they say nothing);
        raises SettingsError naming every bad value at once."""
        merged = _checked(settings)
        return cls(
            data_path=Path(merged["NGO_DIRECTORY_DATA_PATH"]),
            press_path=merged["NGO_DIRECTORY_PRESS_PATH"],
            max_file_bytes=merged["NGO_DIRECTORY_MAX_FILE_BYTES"],
            max_depth=merged["NGO_DIRECTORY_MAX_DEPTH"],
            page_size=merged["NGO_DIRECTORY_PAGE_SIZE"],
            home_items=merged["NGO_DIRECTORY_HOME_ITEMS"],
            default_language=settings.get("DEFAULT_LANG", PELICAN_DEFAULT_LANG),
            languages=tuple(merged["NGO_DIRECTORY_LANGUAGES"]),
            fallback_languages=tuple(merged["NGO_DIRECTORY_FALLBACK_LANGUAGES"]),
            locales=FrozenMap(merged["NGO_DIRECTORY_LOCALES"]),
            sitenames=FrozenMap(merged["NGO_DIRECTORY_SITENAMES"] or {}),
            urls=FrozenMap({key: merged[key] for key in URL_SETTINGS}),
            feeds_path=merged["NGO_DIRECTORY_FEEDS_PATH"],
            calendars_path=merged["NGO_DIRECTORY_CALENDARS_PATH"],
            feed_items=merged["NGO_DIRECTORY_FEED_ITEMS"],
            id_authority=merged["NGO_DIRECTORY_ID_AUTHORITY"],
            publishing=merged["NGO_DIRECTORY_PUBLISHING"],
            repository=merged["NGO_DIRECTORY_REPOSITORY"],
            repository_branch=merged["NGO_DIRECTORY_REPOSITORY_BRANCH"],
            maintainers_team=tuple(merged["NGO_DIRECTORY_MAINTAINERS_TEAM"]),
            search_path=merged["NGO_DIRECTORY_SEARCH_PATH"],
            search_fallbacks=merged["NGO_DIRECTORY_SEARCH_FALLBACKS"],
            content_security_policy=merged["NGO_DIRECTORY_CONTENT_SECURITY_POLICY"],
            time_zone=merged["NGO_DIRECTORY_TIME_ZONE"],
            phone_region=merged["NGO_DIRECTORY_PHONE_REGION"],
            workers=merged["NGO_DIRECTORY_WORKERS"],
            cache=merged["NGO_DIRECTORY_CACHE"],
            data_licence=FrozenMap(merged["NGO_DIRECTORY_DATA_LICENCE"]),
            page_budgets=_budgets(merged["NGO_DIRECTORY_PAGE_BUDGETS"]),
            share_image=merged["NGO_DIRECTORY_SHARE_IMAGE"],
            verify_months=merged["NGO_DIRECTORY_VERIFY_MONTHS"],
            operator=_operator(merged["NGO_DIRECTORY_OPERATOR"], merged["NGO_DIRECTORY_LANGUAGES"]),
        )

    def as_settings(self) -> dict[str, Any]:
        """The options under their setting names, as ``plugin_settings`` gives them (lists as
        tuples, maps as plain dicts): for code that still reads settings by name."""
        return {
            "NGO_DIRECTORY_DATA_PATH": str(self.data_path),
            "NGO_DIRECTORY_PRESS_PATH": self.press_path,
            "NGO_DIRECTORY_MAX_FILE_BYTES": self.max_file_bytes,
            "NGO_DIRECTORY_MAX_DEPTH": self.max_depth,
            "NGO_DIRECTORY_PAGE_SIZE": self.page_size,
            "NGO_DIRECTORY_HOME_ITEMS": self.home_items,
            "NGO_DIRECTORY_LANGUAGES": self.languages,
            "NGO_DIRECTORY_FALLBACK_LANGUAGES": self.fallback_languages,
            "NGO_DIRECTORY_LOCALES": dict(self.locales),
            "NGO_DIRECTORY_SITENAMES": dict(self.sitenames),
            **self.urls,
            "NGO_DIRECTORY_FEEDS_PATH": self.feeds_path,
            "NGO_DIRECTORY_CALENDARS_PATH": self.calendars_path,
            "NGO_DIRECTORY_FEED_ITEMS": self.feed_items,
            "NGO_DIRECTORY_ID_AUTHORITY": self.id_authority,
            "NGO_DIRECTORY_PUBLISHING": self.publishing,
            "NGO_DIRECTORY_REPOSITORY": self.repository,
            "NGO_DIRECTORY_REPOSITORY_BRANCH": self.repository_branch,
            "NGO_DIRECTORY_MAINTAINERS_TEAM": self.maintainers_team,
            "NGO_DIRECTORY_SEARCH_PATH": self.search_path,
            "NGO_DIRECTORY_SEARCH_FALLBACKS": self.search_fallbacks,
            "NGO_DIRECTORY_CONTENT_SECURITY_POLICY": self.content_security_policy,
            "NGO_DIRECTORY_TIME_ZONE": self.time_zone,
            "NGO_DIRECTORY_PHONE_REGION": self.phone_region,
            "NGO_DIRECTORY_WORKERS": self.workers,
            "NGO_DIRECTORY_CACHE": self.cache,
            "NGO_DIRECTORY_DATA_LICENCE": self.data_licence,
            "NGO_DIRECTORY_PAGE_BUDGETS": (
                {"page": self.page_budgets[0], "record": self.page_budgets[1]} if self.page_budgets else None
            ),
            "NGO_DIRECTORY_SHARE_IMAGE": self.share_image,
            "NGO_DIRECTORY_VERIFY_MONTHS": self.verify_months,
            "NGO_DIRECTORY_OPERATOR": self.operator.as_setting() if self.operator else None,
        }


def options_of(settings: Mapping[str, Any]) -> Options:
    """The Options the build stored in ``settings`` under OPTIONS_KEY; when there are none
    (a caller outside a build, a test), the settings checked now. Raises SettingsError."""
    stored = settings.get(OPTIONS_KEY)
    if isinstance(stored, Options):
        return stored
    return Options.from_settings(settings)


def plugin_settings(user: Mapping[str, Any]) -> dict[str, Any]:
    """The defaults with the user's values on top, checked; raises SettingsError."""
    return _checked(user)


@dataclass(frozen=True)
class Operator:
    """Who runs the directory: a name by language, and where to reach them."""

    names: FrozenMap
    url: str | None
    email: str | None

    def as_setting(self) -> dict[str, Any]:
        return {"name": dict(self.names), "url": self.url, "email": self.email}


def _operator(value: Mapping[str, Any] | None, languages: list[str]) -> Operator | None:
    """The operator setting (checked): one name is every language's."""
    if value is None:
        return None
    name = value["name"]
    names = dict(name) if isinstance(name, Mapping) else {language: name for language in languages}
    return Operator(FrozenMap(names), value.get("url"), value.get("email"))


def _https_address(value: Any) -> bool:
    """An https:// address with a host, nothing in it that could leave an HTML attribute."""
    return (
        isinstance(value, str)
        and bool(re.fullmatch(r"https://[^\s\"'<>]+", value))
        and bool(urlsplit(value).hostname)
    )


def _operator_errors(value: Any) -> list[str]:
    if value is None:
        return []
    name = value.get("name") if isinstance(value, Mapping) else None
    names = list(name.values()) if isinstance(name, Mapping) else [name]
    url, email = (value.get("url"), value.get("email")) if isinstance(value, Mapping) else (None, None)
    if (
        not isinstance(value, Mapping)
        or set(value) - {"name", "url", "email"}
        or not names
        or not all(isinstance(n, str) and n.strip() for n in names)
        or (url is not None and not _https_address(url))
        or (
            email is not None
            and not (isinstance(email, str) and re.fullmatch(r"[^\s@\"'<>]+@[^\s@\"'<>]+", email))
        )
    ):
        return [
            f"NGO_DIRECTORY_OPERATOR = {value!r}: expected {{'name': ..., 'url': 'https://...', "
            "'email': ...} (url and email optional; name one text or one per language), or None"
        ]
    return []


def _checked(user: Mapping[str, Any]) -> dict[str, Any]:
    """The defaults with the user's values on top, each checked; SettingsError names every
    bad value, one line each."""
    merged = {key: user.get(key, default) for key, default in DEFAULTS.items()}
    errors = _path_errors(merged)
    for key in (
        "NGO_DIRECTORY_MAX_FILE_BYTES",
        "NGO_DIRECTORY_MAX_DEPTH",
        "NGO_DIRECTORY_PAGE_SIZE",
        "NGO_DIRECTORY_HOME_ITEMS",
        "NGO_DIRECTORY_FEED_ITEMS",
        "NGO_DIRECTORY_VERIFY_MONTHS",
    ):
        value = merged[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            errors.append(f"{key} = {value!r}: expected a whole number of at least 1")
    for key in ("NGO_DIRECTORY_SEARCH_FALLBACKS", "NGO_DIRECTORY_CACHE"):
        if not isinstance(merged[key], bool):
            errors.append(f"{key} = {merged[key]!r}: expected True or False")
    workers = merged["NGO_DIRECTORY_WORKERS"]
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        errors.append(
            f"NGO_DIRECTORY_WORKERS = {workers!r}: expected a whole number of processes, "
            "or 0 for one per core"
        )
    errors += _language_errors(merged, user)
    errors += _feed_errors(merged, user)
    errors += _publishing_errors(merged, user)
    errors += _repository_errors(merged)
    budgets = merged["NGO_DIRECTORY_PAGE_BUDGETS"]
    if budgets is not None and not (
        isinstance(budgets, Mapping)
        and set(budgets) == {"page", "record"}
        and all(type(value) is int and value > 0 for value in budgets.values())
    ):
        errors.append(
            f"NGO_DIRECTORY_PAGE_BUDGETS = {budgets!r}: expected {{'page': bytes, 'record': bytes}}, "
            "whole numbers above 0, or None for no budgets"
        )
    licence = merged["NGO_DIRECTORY_DATA_LICENCE"]
    if not (
        isinstance(licence, Mapping)
        and set(licence) == {"name", "title", "path"}
        and all(isinstance(value, str) and value.strip() for value in licence.values())
        and str(licence["path"]).startswith(("https://", "http://"))
    ):
        errors.append(
            f"NGO_DIRECTORY_DATA_LICENCE = {licence!r}: expected {{'name': ..., 'title': ..., 'path': "
            "'https://...'}, such as the CC-BY-4.0 of the default"
        )
    image = merged["NGO_DIRECTORY_SHARE_IMAGE"]
    if image is not None and not (_https_address(image)):
        errors.append(
            f"NGO_DIRECTORY_SHARE_IMAGE = {image!r}: expected the https:// address of a PNG or JPEG "
            "(link previews fetch it from anywhere), or None"
        )
    errors += _operator_errors(merged["NGO_DIRECTORY_OPERATOR"])
    errors += _locality_errors(merged)
    for kind in (
        *PAGE_KINDS,
        "MONTH",
        "WHO",
        "SERIES",
        "DATA",
        "EDITORS",
        "PRESS",
        "SUBSCRIBE",
        "SEARCH",
        "CONTRIBUTE",
        "CONTRIBUTE_FORM",
    ):
        for suffix in ("_URL", "_INDEX_URL"):
            key = kind + suffix
            value = merged.get(key)
            if value is None and key not in DEFAULTS:
                continue
            if not isinstance(value, str) or value.startswith("/") or ".." in value.split("/"):
                errors.append(f"{key} = {value!r}: expected a relative path inside the output folder")
            elif suffix != "_INDEX_URL" and "{slug}" not in value:
                errors.append(f"{key} = {value!r}: must contain {{slug}}")
            elif suffix == "_INDEX_URL" and not value.endswith("/"):
                errors.append(f"{key} = {value!r}: must end with '/'")
    if errors:
        raise SettingsError("invalid ngo-directory settings:\n  " + "\n  ".join(errors))
    return merged


def _path_errors(merged: Mapping[str, Any]) -> list[str]:
    errors = []
    data = merged["NGO_DIRECTORY_DATA_PATH"]
    if not isinstance(data, str | os.PathLike) or not str(data):
        errors.append(f"NGO_DIRECTORY_DATA_PATH = {data!r}: expected the path of the folder of records")
    press = merged["NGO_DIRECTORY_PRESS_PATH"]
    if not isinstance(press, str) or not press or press.startswith("/") or ".." in press.split("/"):
        errors.append(f"NGO_DIRECTORY_PRESS_PATH = {press!r}: expected a folder inside PATH, such as 'press'")
    return errors


def _locality_errors(merged: Mapping[str, Any]) -> list[str]:
    """The time zone of "today" and the country of national phone numbers."""
    errors = []
    zone = merged["NGO_DIRECTORY_TIME_ZONE"]
    if not isinstance(zone, str) or not is_time_zone(zone):
        errors.append(f"NGO_DIRECTORY_TIME_ZONE = {zone!r}: expected an IANA time zone such as 'Asia/Baku'")
    region = merged["NGO_DIRECTORY_PHONE_REGION"]
    if (
        not isinstance(region, str)
        or not re.fullmatch(r"[A-Z]{2}", region)
        or region not in phonenumbers.SUPPORTED_REGIONS
    ):
        errors.append(
            f"NGO_DIRECTORY_PHONE_REGION = {region!r}: expected the two-letter code, in capitals, of a "
            "country the phonenumbers library knows, such as 'AZ'"
        )
    return errors


def is_example_domain(host: str) -> bool:
    """The domains RFC 2606 keeps for examples: example.com, .net, .org, their subdomains, and
    anything under the .example top-level domain."""
    host = host.lower().rstrip(".")
    return host.endswith(".example") or any(
        host == f"example.{tld}" or host.endswith(f".example.{tld}") for tld in ("com", "net", "org")
    )


def _publishing_errors(merged: Mapping[str, Any], user: Mapping[str, Any]) -> list[str]:
    """A site built for publishing must say where it is published and own its feed ids."""
    publishing = merged["NGO_DIRECTORY_PUBLISHING"]
    if not isinstance(publishing, bool):
        return [f"NGO_DIRECTORY_PUBLISHING = {publishing!r}: expected True or False"]
    if not publishing:
        return []
    errors = []
    siteurl = user.get("SITEURL") or ""
    parts = urlsplit(siteurl) if isinstance(siteurl, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        errors.append(
            f"SITEURL = {siteurl!r}: a published site needs the absolute address it is served from; "
            "set SITEURL in publishconf.py or in the environment, such as "
            "SITEURL=https://directory.your-ngo.az make publish"
        )
    elif is_example_domain(parts.hostname):
        errors.append(
            f"SITEURL = {siteurl!r} is an example address: set the address the site is really "
            "published at, in publishconf.py or in the environment (SITEURL=https://... make publish)"
        )
    authority = merged["NGO_DIRECTORY_ID_AUTHORITY"]
    if isinstance(authority, str) and is_example_domain(authority.split(",", 1)[0]):
        errors.append(
            f"NGO_DIRECTORY_ID_AUTHORITY = {authority!r} is the example value: set a domain you control "
            "and the year you start publishing, such as 'directory.your-ngo.az,2026', in publishconf.py "
            "or in the environment; feed ids and calendar UIDs are built from it, so never change it "
            "once the site is published"
        )
    return errors


def _repository_errors(merged: Mapping[str, Any]) -> list[str]:
    errors = []
    repository = merged["NGO_DIRECTORY_REPOSITORY"]
    if repository is not None and (not isinstance(repository, str) or not REPOSITORY.fullmatch(repository)):
        errors.append(
            f"NGO_DIRECTORY_REPOSITORY = {repository!r}: expected a GitHub repository written "
            "'owner/name', such as 'azerweb/ngo-directory', or None"
        )
    branch = merged["NGO_DIRECTORY_REPOSITORY_BRANCH"]
    if not isinstance(branch, str) or not BRANCH.fullmatch(branch):
        errors.append(f"NGO_DIRECTORY_REPOSITORY_BRANCH = {branch!r}: expected a branch name such as 'main'")
    team = merged["NGO_DIRECTORY_MAINTAINERS_TEAM"]
    if not isinstance(team, list | tuple) or not all(isinstance(x, str) and LOGIN.fullmatch(x) for x in team):
        errors.append(
            f"NGO_DIRECTORY_MAINTAINERS_TEAM = {team!r}: expected a list of GitHub logins such as ['octocat']"
        )
    return errors


def _feed_errors(merged: Mapping[str, Any], user: Mapping[str, Any]) -> list[str]:
    errors = []
    authority = merged["NGO_DIRECTORY_ID_AUTHORITY"]
    if not isinstance(authority, str) or not AUTHORITY.fullmatch(authority):
        errors.append(
            f"NGO_DIRECTORY_ID_AUTHORITY = {authority!r}: expected a domain you control and the year you "
            "started using it for this directory, such as 'ngo.example.org,2026'; feed ids and calendar "
            "UIDs are built from it, so never change it once the site is published"
        )
    for key in ("NGO_DIRECTORY_FEEDS_PATH", "NGO_DIRECTORY_CALENDARS_PATH", "NGO_DIRECTORY_SEARCH_PATH"):
        value = merged[key]
        if (
            not isinstance(value, str)
            or not value.endswith("/")
            or value.startswith("/")
            or ".." in value.split("/")
        ):
            errors.append(f"{key} = {value!r}: expected a folder inside the output folder, ending with '/'")
    policy = merged["NGO_DIRECTORY_CONTENT_SECURITY_POLICY"]
    if policy is not None and (not isinstance(policy, str) or any(c in policy for c in '"<>\n')):
        errors.append(
            f"NGO_DIRECTORY_CONTENT_SECURITY_POLICY = {policy!r}: expected one line of policy "
            "directives, or None to send none"
        )
    enabled = [key for key in PELICAN_FEEDS if user.get(key) is not None]
    if enabled:
        errors.append(
            f"{', '.join(enabled)}: Pelican's own feeds must be off, because the plugin writes every "
            f"feed itself; set {' = '.join(enabled)} = None"
        )
    return errors


def _language_errors(merged: Mapping[str, Any], user: Mapping[str, Any]) -> list[str]:
    errors = []
    allowed = ", ".join(RECORD_LANGUAGES)
    for key in ("NGO_DIRECTORY_LANGUAGES", "NGO_DIRECTORY_FALLBACK_LANGUAGES"):
        codes = merged[key]
        if not isinstance(codes, list | tuple) or not codes or not all(isinstance(x, str) for x in codes):
            errors.append(f"{key} = {codes!r}: expected a list of language codes such as ['az', 'ru', 'en']")
        elif unknown := unknown_languages(codes):
            errors.append(
                f"{key} = {codes!r}: unknown language {unknown[0]!r}; records are written in {allowed}"
            )
    languages = merged["NGO_DIRECTORY_LANGUAGES"]
    if errors:
        return errors
    default = user.get("DEFAULT_LANG", PELICAN_DEFAULT_LANG)
    if default not in languages:
        errors.append(f"DEFAULT_LANG = {default!r} is not one of NGO_DIRECTORY_LANGUAGES = {languages!r}")
    for language in languages:
        if not catalog_file(language).is_file():
            errors.append(
                f"NGO_DIRECTORY_LANGUAGES: no interface catalog for {language!r} ({catalog_file(language)})"
            )
    names = merged["NGO_DIRECTORY_SITENAMES"]
    if names is not None and (
        not isinstance(names, dict) or not all(isinstance(x, str) for x in (*names, *names.values()))
    ):
        errors.append(
            f"NGO_DIRECTORY_SITENAMES = {names!r}: expected a map of language codes to the site's "
            "name, such as {'en': 'NGO Directory'}"
        )
    locales = merged["NGO_DIRECTORY_LOCALES"]
    if not isinstance(locales, dict):
        return [*errors, f"NGO_DIRECTORY_LOCALES = {locales!r}: expected a map such as {{'en': 'en_GB'}}"]
    for language in languages:
        try:
            Locale.parse(locales.get(language, language))
        except (UnknownLocaleError, ValueError, TypeError):
            errors.append(
                f"NGO_DIRECTORY_LOCALES: {locales.get(language, language)!r} is not a locale Babel knows"
            )
    for kind in ("ARTICLE", "PAGE"):
        for suffix in ("URL", "SAVE_AS"):
            plain, translated = user.get(f"{kind}_{suffix}"), user.get(f"{kind}_LANG_{suffix}")
            if plain is not None and translated != "{lang}/" + plain:
                errors.append(
                    f"{kind}_LANG_{suffix} = {translated!r}: must be '{{lang}}/' + {kind}_{suffix}, "
                    f"that is {'{lang}/' + plain!r}, so that each language lives under its own prefix"
                )
    return errors
