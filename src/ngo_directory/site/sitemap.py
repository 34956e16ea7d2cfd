"""The sitemap (https://www.sitemaps.org/protocol.html) and robots.txt: every page's absolute
address with its versions in the other languages (``xhtml:link`` hreflang alternates, as search
engines read them) and, where the data says when it last changed, ``lastmod``."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
# The protocol's limit of addresses in one file (a sitemap index then lists the files).
MAX_URLS = 50_000
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Entry:
    """One page: its address (relative to the site's root), its versions in every language
    (language, address), and when it last changed, if known."""

    url: str
    alternates: Sequence[tuple[str, str]]
    lastmod: dt.datetime | None


def lastmod_of(context: object) -> dt.datetime | None:
    """When the record or press release a page shows last changed, as its data says; None for
    a list or any other page."""
    for name in ("ngo", "partner", "meeting", "programme"):
        record = getattr(context, name, None)
        if record is not None:
            updated: dt.datetime = record.updated
            return updated
    article = getattr(context, "article", None)
    if article is not None:
        changed: dt.datetime = article.modified or article.date
        return changed
    return None


def _document(root: ET.Element) -> bytes:
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _urlset(entries: Sequence[Entry], absolute: Callable[[str], str], default_language: str) -> bytes:
    urlset = ET.Element("urlset", {"xmlns": _NS, "xmlns:xhtml": _XHTML})
    for entry in entries:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = absolute(entry.url)
        if entry.lastmod is not None:
            ET.SubElement(url, "lastmod").text = entry.lastmod.isoformat()
        if len(entry.alternates) > 1:
            for language, address in entry.alternates:
                attributes = {"rel": "alternate", "hreflang": language, "href": absolute(address)}
                ET.SubElement(url, "xhtml:link", attributes)
            for language, address in entry.alternates:
                if language == default_language:
                    attributes = {"rel": "alternate", "hreflang": "x-default", "href": absolute(address)}
                    ET.SubElement(url, "xhtml:link", attributes)
    return _document(urlset)


def sitemap_files(entries: Sequence[Entry], base: str, default_language: str) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the sitemap: one ``sitemap.xml`` of every page, or, past MAX_URLS,
    ``sitemap-1.xml``... and a ``sitemap.xml`` index of them. ``base`` is the site's absolute
    address, without a trailing slash."""

    def absolute(address: str) -> str:
        return f"{base}/{address}"

    if len(entries) <= MAX_URLS:
        return [(SITEMAP, _urlset(entries, absolute, default_language))]
    files = [
        (f"sitemap-{n}.xml", _urlset(entries[start : start + MAX_URLS], absolute, default_language))
        for n, start in enumerate(range(0, len(entries), MAX_URLS), 1)
    ]
    index = ET.Element("sitemapindex", {"xmlns": _NS})
    for name, _ in files:
        ET.SubElement(ET.SubElement(index, "sitemap"), "loc").text = absolute(name)
    return [*files, (SITEMAP, _document(index))]


def robots_txt(base: str) -> str:
    """Every page may be crawled; the sitemap is named when the site's address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if base:
        lines.append(f"Sitemap: {base}/{SITEMAP}")
    return "\n".join(lines) + "\n"
