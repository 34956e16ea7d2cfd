"""Pelican's articles and pages, seen once and turned into ours: the only code that reads them.

Pelican reads every Markdown file under the content folder (press releases are its articles,
everything else its pages). This module gives the checks a ``SourceText`` of each, and the rest
of the build a ``PressRelease`` or ``ContentPage`` of each published one; after that, Pelican
writes none of them itself: the directory generator writes them with the other pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Protocol

from ..content.checks import SourceText
from ..content.model import ROOT, ContentPage, PressRelease, record_links
from ..problems import Problem
from ..records.sources import display, read_bytes


class PelicanContent(Protocol):
    """What this module reads of a Pelican ``Article`` or ``Page``."""

    source_path: str
    metadata: dict[str, object]
    _content: str | None
    slug: str
    lang: str
    title: str
    url: str
    url_format: dict[str, object]
    status: str
    date: dt.datetime

    def get_content(self, siteurl: str) -> str: ...

    def get_summary(self, siteurl: str) -> str: ...


# Pelican's lists of what it read, in its shared context: published, hidden and draft articles
# (press releases) and pages. Drafts are checked like the rest but never published.
_ARTICLES = ("articles", "hidden_articles", "drafts")
_PAGES = ("pages", "hidden_pages", "draft_pages")
_PUBLISHED = ("published", "hidden")


def _items(context: Mapping[str, object], keys: tuple[str, ...]) -> Iterator[PelicanContent]:
    seen: set[int] = set()
    for key in keys:
        found = context.get(key)
        for item in found if isinstance(found, list) else ():
            for each in (item, *getattr(item, "translations", ())):
                if id(each) not in seen:
                    seen.add(id(each))
                    yield each


class PelicanTexts:
    """Every article and page Pelican read, by kind."""

    def __init__(self, context: Mapping[str, object], content: Path):
        self.content = content
        self.articles = list(_items(context, _ARTICLES))
        self.pages = list(_items(context, _PAGES))

    def file(self, item: PelicanContent) -> str:
        return display(Path(item.source_path), self.content.parent)

    def sources(self, max_bytes: int) -> tuple[list[SourceText], list[Problem]]:
        """A ``SourceText`` of each, with Pelican's metadata and HTML and the file's own text
        (for lines, columns and characters), and the problems of files that cannot be re-read."""
        texts, problems = [], []
        for is_press, items in ((True, self.articles), (False, self.pages)):
            for item in items:
                path, file = Path(item.source_path), self.file(item)
                raw, refused = read_bytes(path, file, max_bytes)
                if raw is None:
                    problems += [refused] if refused else []
                    continue
                text = raw.decode("utf-8-sig")  # Pelican has read it as UTF-8 already
                folder = (
                    path.parent.relative_to(self.content).as_posix()
                    if path.is_relative_to(self.content)
                    else ""
                )
                texts.append(
                    SourceText(file, text, item.metadata, item._content or "", folder, is_press, self.content)
                )
        return texts, problems

    def convert(
        self,
        context: MutableMapping[str, object],
        article_url: str,
        page_url: str,
        record_url: Callable[[str, str], str | None] = lambda slug, language: None,
    ) -> tuple[list[PressRelease], list[ContentPage]]:
        """Our own frozen copy of every published article and page, their HTML with links from
        the site's ROOT; then Pelican is told not to write them (an empty ``save_as``). Call it
        once every generator has read its files (links to static files resolve only then) and
        before any writes."""

        def linked(html: str, language: str) -> str:
            return record_links(html, lambda slug: record_url(slug, language))

        previous = context.get("localsiteurl")
        context["localsiteurl"] = ROOT  # what Pelican's summary of a text without one resolves with
        try:
            releases = [
                PressRelease(
                    slug=item.slug,
                    lang=item.lang,
                    title=item.title,
                    date=item.date,  # the checks require a Date
                    modified=getattr(item, "modified", None),
                    summary=linked(item.get_summary(ROOT), item.lang),
                    content=linked(item.get_content(ROOT), item.lang),
                    organisation=str(item.metadata["organization"]).strip(),
                    meeting=str(item.metadata.get("meeting") or "").strip() or None,
                    url=item.url,
                    path=article_url.format(**item.url_format),
                    source_file=self.file(item),
                )
                for item in self.articles
                if item.status in _PUBLISHED
            ]
            pages = [
                ContentPage(
                    slug=item.slug,
                    lang=item.lang,
                    title=item.title,
                    content=linked(item.get_content(ROOT), item.lang),
                    url=item.url,
                    path=page_url.format(**item.url_format),
                    listed=item.status == "published",
                    source_file=self.file(item),
                )
                for item in self.pages
                if item.status in _PUBLISHED
            ]
        finally:
            context["localsiteurl"] = previous
        for item in (*self.articles, *self.pages):
            item.override_save_as = ""  # type: ignore[attr-defined]  # Pelican's writer skips ''
        return releases, pages
