"""Atom and RSS 2.0 feeds, all written by feedgen from one list of entries and one set of rules:
ids that never change, newest first, time-zone-aware dates from the data, inert titles and
summaries, content sanitised like the pages with absolute links, the site as the author of every
Atom feed, and an RSS channel link to the HTML page rather than the feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

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
        written.append(
            bytes(feed.atom_str(pretty=True) if address == channel.atom else feed.rss_str(pretty=True))
        )
    return written[0], written[1]
