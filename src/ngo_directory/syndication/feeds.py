"""Atom and RSS 2.0 feeds, all written by feedgen from one list of entries and one set of rules:
ids that never change, newest first, time-zone-aware dates from the data, inert titles and
summaries, content sanitised like the pages with absolute links, the site as the author of every
Atom feed, and an RSS channel link to the HTML page rather than the feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from feedgen.feed import FeedGenerator

from ..text.markup import clean_text, inert_text, one_line
from .subscriptions import Channel

GENERATOR = "ngo-directory"


@dataclass(frozen=True)
class Entry:
    """A happening as one language's feeds show it. ``content`` is sanitised HTML; the
    rest is plain text."""

    id: str
    title: str
    link: str
    updated: dt.datetime
    published: dt.datetime
    summary: str
    content: str
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedSite:
    """What every feed of one language shares."""

    base: str  # absolute site URL ('https://example.org'), or '' for root-relative links
    id_prefix: str  # 'tag:example.org,2026:'
    site_name: str
    language: str
    updated: dt.datetime  # the latest time in the data: a feed with no entries is that old
    stylesheet: str | None = None  # the XSLT a browser shows the feed with (feed_stylesheet)


def absolute(base: str, address: str) -> str:
    return f"{base}/{address}"


def author(site: FeedSite) -> dict[str, str]:
    """The Atom author of every feed: the site, named, with its home page when the base is
    absolute. RFC 4287 wants an author on the feed or on each of its entries."""
    found = {"name": one_line(site.site_name)}
    if urlsplit(site.base).scheme in ("http", "https"):
        found["uri"] = absolute(site.base, "")
    return found


def feed_id(site: FeedSite, address: str) -> str:
    """A feed's permanent id: its Atom address without the extension, under the id prefix."""
    return site.id_prefix + address.removesuffix(".atom.xml")


def render_feeds(channel: Channel, entries: Sequence[Entry], site: FeedSite) -> tuple[bytes, bytes]:
    """The channel's Atom and RSS 2.0 feeds of ``entries``, newest first: one feed built once,
    written in each format with its own self link."""
    assert channel.atom and channel.rss
    feed = FeedGenerator()
    feed.id(feed_id(site, channel.atom))
    feed.title(one_line(f"{channel.title} · {site.site_name}"))
    feed.subtitle(one_line(channel.description))  # also the RSS <description>
    feed.author(author(site))  # Atom only: RSS 2.0's managingEditor must be an e-mail address
    feed.language(site.language)
    feed.generator(GENERATOR)
    newest = max((e.updated for e in entries), default=site.updated)
    feed.updated(newest)
    feed.lastBuildDate(newest)
    for entry in sorted(entries, key=lambda e: (e.updated, e.id), reverse=True):
        item = feed.add_entry(order="append")
        item.id(entry.id)
        item.guid(entry.id, permalink=False)
        item.title(one_line(entry.title))
        item.link(href=entry.link, rel="alternate", type="text/html")
        item.updated(entry.updated)
        item.published(entry.published)
        item.summary(inert_text(entry.summary))  # also the RSS <description>, which readers render
        item.content(clean_text(entry.content), type="html")
        for category in entry.categories:
            item.category(term=one_line(category))
    written = []
    for address, kind in ((channel.atom, "application/atom+xml"), (channel.rss, "application/rss+xml")):
        # The self link first: feedgen makes the link set last the RSS <channel><link>.
        self_link = {"href": absolute(site.base, address), "rel": "self", "type": kind}
        page = {"href": absolute(site.base, channel.page), "rel": "alternate", "type": "text/html"}
        feed.link([self_link, page], replace=True)
        data = bytes(feed.atom_str(pretty=True) if address == channel.atom else feed.rss_str(pretty=True))
        written.append(with_stylesheet(data, site.stylesheet))
    return written[0], written[1]


def with_stylesheet(data: bytes, stylesheet: str | None) -> bytes:
    """The feed with an ``xml-stylesheet`` instruction after its XML declaration, so that a
    browser shows it as a readable page; feed readers ignore it."""
    if not stylesheet:
        return data
    declaration, newline, rest = data.partition(b"\n")
    instruction = f'<?xml-stylesheet type="text/xsl" href="{xml_escape(stylesheet, {chr(34): "&quot;"})}"?>'
    return declaration + newline + instruction.encode() + b"\n" + rest


FEED_STYLESHEET = "feed.xsl"


def feed_stylesheet(language: str, root: str, texts: dict[str, str]) -> bytes:
    """An XSLT 1.0 stylesheet that shows an Atom or RSS feed of the site as a page in
    ``language``: what a feed is and how to subscribe, its address, and its entries. ``root``
    is the site's address ('' for root-relative links); ``texts`` the page's sentences."""
    t = {key: xml_escape(value) for key, value in texts.items()}
    title = "atom:feed/atom:title|rss/channel/title"
    self_link = "atom:feed/atom:link[@rel='self']/@href|rss/channel/atom:link[@rel='self']/@href"
    entry_link = "atom:link[not(@rel) or @rel='alternate']/@href|link"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
<xsl:template match="/">
<html lang="{xml_escape(language)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="{title}"/></title>
<link rel="stylesheet" href="{xml_escape(root)}/theme/css/site.css"/>
</head>
<body>
<main id="main">
<h1><xsl:value-of select="{title}"/></h1>
<p class="lead">{t["what"]}</p>
<p>{t["how"]}</p>
<p>{t["address"]}: <code><xsl:value-of select="{self_link}"/></code></p>
<h2>{t["entries"]}</h2>
<ul class="items">
<xsl:for-each select="atom:feed/atom:entry|rss/channel/item">
<li><a href="{{{entry_link}}}"><xsl:value-of select="atom:title|title"/></a>
<xsl:text> </xsl:text><span class="meta"><xsl:value-of select="substring(atom:updated, 1, 10)"/>
<xsl:value-of select="substring(pubDate, 6, 11)"/></span></li>
</xsl:for-each>
</ul>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
""".encode()
