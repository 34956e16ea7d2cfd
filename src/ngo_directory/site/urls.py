"""URLs and output paths of directory pages, from the URL settings."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..i18n import RECORD_LANGUAGES
from ..records.models import Meeting, Ngo, Partner

INDEX = "index.html"
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


class Urls:
    """Turn records into URLs (relative to SITEURL) and output paths, for the pages of one
    language: ``prefix`` is '' for the default language and 'ru/' for Russian."""

    def __init__(self, settings: Mapping[str, Any], prefix: str = ""):
        self.settings = settings
        self.prefix = prefix

    def _kind(self, obj: Any, vocabulary: str | None = None) -> str:
        if vocabulary:
            return vocabulary
        if isinstance(obj, Ngo):
            return "NGO"
        if isinstance(obj, Partner):
            return "PARTNER"
        if isinstance(obj, Meeting):
            return "MEETING"
        raise TypeError(f"no URL pattern for {type(obj).__name__}")

    def url(self, obj: Any, vocabulary: str | None = None) -> str:
        """URL of a record page; ``vocabulary`` is 'REGION' or 'THEME' for vocabulary entries."""
        return self.prefix + str(self.settings[self._kind(obj, vocabulary) + "_URL"]).format(slug=obj.slug)

    def index(self, kind: str, page: int = 1) -> str:
        """URL of page ``page`` of a list such as 'NGO' -> ngos/, ngos/page/2/; 'HOME' is the
        language's home page."""
        if kind == "HOME":
            return self.prefix
        return page_url(self.prefix + str(self.settings[kind + "_INDEX_URL"]), page)


def root_of(url: str) -> str:
    """The site's root as seen from the page at ``url`` (relative to the root): '.' for the
    home page, '../..' for 'ngos/isar/' or 'press/x/index.html'."""
    depth = url.count("/")
    return "/".join([".."] * depth) if depth else "."


def page_url(base: str, page: int) -> str:
    """URL of page ``page`` (1-based) of a list whose first page is ``base``."""
    return base if page == 1 else f"{base}page/{page}/"


def save_as_of(url: str) -> str:
    """The output file for a URL ending in '/'."""
    return url + INDEX if url.endswith("/") or not url else url
