"""Press releases and pages as the rest of the build sees them: frozen data, not Pelican objects.

``integration/content.py`` converts each of Pelican's articles and pages once into one of these;
templates, page plans, feeds and the search index read nothing else.

Their HTML links to the site's own pages and files (Pelican's ``{filename}``, ``{static}`` and
``{attach}``) relative to the site's root: each such link starts with ``ROOT``, which a page
replaces with its own way to the root (``../..`` in a development build, the site's address in a
published one) and a feed with the site's absolute address. ``ROOT`` is a character the content
checks refuse in every file, so no text can forge it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

ROOT = "\u2060"  # WORD JOINER: invisible, refused in content, left alone by URL joining


# A link to a record of the directory from a page or press release, [IREX](record:irex): the
# build makes it the address of the record's page in the text's language (record_links).
RECORD_LINK = re.compile(r"""(?P<attribute>href\s*=\s*)(?P<quote>["'])record:(?P<slug>[^"'#?]*)(?P=quote)""")


def record_links(html: str, address: Callable[[str], str | None]) -> str:
    """``html`` with each record: link made the address, from ROOT, of that record's page
    (``address`` of its slug); a slug ``address`` does not know stays as written (the checks
    have refused it)."""

    def replace(match: re.Match[str]) -> str:
        found = address(match.group("slug"))
        if found is None:
            return match.group(0)
        quote = match.group("quote")
        return f"{match.group('attribute')}{quote}{ROOT}/{found}{quote}"

    return RECORD_LINK.sub(replace, html)


def rooted(html: str, root: str) -> str:
    """``html`` with its site-internal links starting at ``root``."""
    return html.replace(ROOT, root)


@dataclass(frozen=True, kw_only=True)
class PressRelease:
    """One language version of a press release (a Markdown file under the press folder)."""

    slug: str  # shared by its translations
    lang: str  # the language it is written in
    title: str
    date: dt.datetime
    modified: dt.datetime | None
    summary: str  # HTML (see ROOT)
    content: str  # HTML (see ROOT)
    organisation: str  # the slug of the NGO or partner that issues it
    meeting: str | None  # the slug of the meeting it is about
    url: str  # its own address, under its language's prefix
    path: str  # its address without a language prefix: where a fallback version goes
    source_file: str  # as problems name it: content/press/....md


@dataclass(frozen=True, kw_only=True)
class ContentPage:
    """One language version of a page (any other Markdown file under the content folder)."""

    slug: str
    lang: str
    title: str
    content: str  # HTML (see ROOT)
    url: str
    path: str
    listed: bool  # False for 'Status: hidden': published but left out of the footer
    source_file: str


ContentItem = PressRelease | ContentPage
