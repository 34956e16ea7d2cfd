"""URLs and output paths of directory pages, from the URL settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records.models import Meeting, Ngo, Partner, Programme

INDEX = "index.html"


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
        if isinstance(obj, Programme):
            return "PROGRAMME"
        raise TypeError(f"no URL pattern for {type(obj).__name__}")

    def url(self, obj: Any, vocabulary: str | None = None) -> str:
        """URL of a record page; ``vocabulary`` is 'REGION' or 'THEME' for vocabulary entries."""
        return self.pattern(self._kind(obj, vocabulary)).format(slug=obj.slug)

    def pattern(self, kind: str) -> str:
        """The URL of a kind's pages ('NGO') with '{slug}' standing for the record's slug:
        'ru/ngos/{slug}/'."""
        return self.prefix + str(self.settings[kind + "_URL"])

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
