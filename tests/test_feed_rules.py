"""Every feed of a publishing build, held to the rules the W3C Feed Validator enforces: RFC 4287
for Atom (an author, absolute ids and links, a self link, RFC 3339 dates) and RSS 2.0 (a channel
link to the HTML page, RFC 822 dates, guids). feedparser reads invalid feeds without complaint,
so each rule is checked on the XML itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree

from busydata import PUBLISHED_SITEURL
from ngo_directory.syndication.feeds import Entry, FeedSite, render_feeds
from ngo_directory.syndication.subscriptions import Channel
from sitetools import language_of_path

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

SITEURL = PUBLISHED_SITEURL  # the feeds read here are those of conftest.published_busy_site
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# RFC 3339 date-time: a full date, a time and a numeric or Z offset.
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
# RFC 822 as RSS 2.0 uses it, with the four-digit year and numeric zone readers expect.
RFC822 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}"
)
# RFC 4151 tag URI: tag:authority,date:specific
TAG_URI = re.compile(r"tag:[A-Za-z0-9.@-]+,\d{4}(-\d{2}(-\d{2})?)?:\S*")
EMAIL = re.compile(r"[^@\s()]+@[^@\s()]+\.[^@\s()]+( \(.+\))?")


def feed_files(site: Path, suffix: str) -> list[Path]:
    return sorted(site.rglob(f"*{suffix}"))


def published_url(site: Path, path: Path) -> str:
    return f"{SITEURL}/{path.relative_to(site).as_posix()}"


def is_absolute_url(value: str | None) -> bool:
    parts = urlsplit(value or "")
    return parts.scheme in ("https", "http") and bool(parts.netloc)


def is_absolute_iri(value: str | None) -> bool:
    """An id RFC 4287 accepts and the validator does not flag: a tag: URI or an http(s) URL."""
    value = value or ""
    return bool(TAG_URI.fullmatch(value)) or is_absolute_url(value)


def is_rfc3339(value: str | None) -> bool:
    if not value or not RFC3339.fullmatch(value):
        return False
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))  # raises on 2027-02-30 and the like
    return True


def is_rfc822(value: str | None) -> bool:
    if not value or not RFC822.fullmatch(value):
        return False
    when = parsedate_to_datetime(value)
    return when.strftime("%a") == value[:3]  # the validator flags a wrong day of the week


def text(element: Any) -> str:
    return "" if element is None else (element.text or "").strip()


def only(parent: Any, tag: str, problems: list[str], where: str) -> Any:
    """The one ``tag`` child of ``parent``; a problem if there is none or more than one."""
    found = parent.findall(tag)
    if len(found) != 1:
        problems.append(f"{where}: {len(found)} <{tag.rsplit('}', 1)[-1]}> elements, not one")
        return found[0] if found else None
    return found[0]


def links(parent: Any, rel: str) -> list[Any]:
    return [link for link in parent.findall(f"{ATOM}link") if link.get("rel", "alternate") == rel]


def has_author(parent: Any) -> bool:
    return any(text(author.find(f"{ATOM}name")) for author in parent.findall(f"{ATOM}author"))


def strict_tree(path: Path) -> Any:
    data = path.read_bytes()
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return etree.fromstring(data)  # strict XML: raises on anything not well-formed


def atom_problems(site: Path, path: Path) -> list[str]:
    """What the W3C Feed Validator (and RFC 4287) would reject in this Atom feed."""
    problems: list[str] = []
    feed = strict_tree(path)
    if feed.tag != f"{ATOM}feed":
        return [f"root is {feed.tag}"]
    if feed.get(XML_LANG) != language_of_path(site, path):
        problems.append(f"xml:lang is {feed.get(XML_LANG)!r}")
    if not is_absolute_iri(text(only(feed, f"{ATOM}id", problems, "feed"))):
        problems.append("feed id is not an absolute IRI")
    if not text(only(feed, f"{ATOM}title", problems, "feed")):
        problems.append("feed title is empty")
    if not is_rfc3339(text(only(feed, f"{ATOM}updated", problems, "feed"))):
        problems.append("feed updated is not RFC 3339")
    own = published_url(site, path)
    self_links = links(feed, "self")
    if [(link.get("href"), link.get("type")) for link in self_links] != [(own, "application/atom+xml")]:
        problems.append(f"self links {[link.attrib for link in self_links]}, not one to {own}")
    alternates = [link for link in links(feed, "alternate") if link.get("type") == "text/html"]
    if len(alternates) != 1 or not is_absolute_url(alternates[0].get("href")):
        problems.append("no single absolute text/html alternate link")
    elif alternates[0].get("href") == own:
        problems.append("the alternate link is the feed itself")
    entries = feed.findall(f"{ATOM}entry")
    if not has_author(feed) and not all(has_author(entry) for entry in entries):
        problems.append("no author with a name on the feed, nor on every entry")
    ids = []
    for number, entry in enumerate(entries, 1):
        where = f"entry {number}"
        ids.append(text(only(entry, f"{ATOM}id", problems, where)))
        if not is_absolute_iri(ids[-1]):
            problems.append(f"{where}: id {ids[-1]!r} is not an absolute IRI")
        if not text(only(entry, f"{ATOM}title", problems, where)):
            problems.append(f"{where}: empty title")
        if not is_rfc3339(text(only(entry, f"{ATOM}updated", problems, where))):
            problems.append(f"{where}: updated is not RFC 3339")
        for published in entry.findall(f"{ATOM}published"):
            if not is_rfc3339(text(published)):
                problems.append(f"{where}: published is not RFC 3339")
        alternates = links(entry, "alternate")
        if len(alternates) != 1 or not is_absolute_url(alternates[0].get("href")):
            problems.append(f"{where}: no single absolute alternate link")
    if len(set(ids)) != len(ids):
        problems.append("two entries share an id")
    for element in feed.iter(f"{ATOM}link", f"{ATOM}uri", f"{ATOM}icon", f"{ATOM}logo"):
        address = element.get("href") if element.tag == f"{ATOM}link" else text(element)
        if not is_absolute_url(address):
            problems.append(f"relative or odd address {address!r} in <{element.tag}>")
    return problems


def rss_problems(site: Path, path: Path) -> list[str]:
    """What the W3C Feed Validator (and RSS 2.0) would reject or warn about in this feed, and
    a channel link that sends readers to the feed instead of the page."""
    problems: list[str] = []
    rss = strict_tree(path)
    if rss.tag != "rss" or rss.get("version") != "2.0":
        return [f"root is {rss.tag} version {rss.get('version')}"]
    channel = only(rss, "channel", problems, "rss")
    if channel is None:
        return problems
    if not text(only(channel, "title", problems, "channel")):
        problems.append("channel title is empty")
    if not text(only(channel, "description", problems, "channel")):
        problems.append("channel description is empty")
    own = published_url(site, path)
    link = text(only(channel, "link", problems, "channel"))
    if not is_absolute_url(link) or link == own or link.endswith(".xml"):
        problems.append(f"channel link {link!r} is not the absolute address of the HTML page")
    atom = strict_tree(path.with_name(path.name.removesuffix(".rss.xml") + ".atom.xml"))
    page = [a.get("href") for a in links(atom, "alternate") if a.get("type") == "text/html"]
    if [link] != page:
        problems.append(f"channel link {link!r} is not the Atom feed's HTML page {page}")
    self_links = links(channel, "self")
    if [(a.get("href"), a.get("type")) for a in self_links] != [(own, "application/rss+xml")]:
        problems.append(f"atom:link rel=self {[a.attrib for a in self_links]}, not one to {own}")
    if text(only(channel, "language", problems, "channel")) != language_of_path(site, path):
        problems.append("channel language is not the feed's language")
    if not is_rfc822(text(only(channel, "lastBuildDate", problems, "channel"))):
        problems.append("lastBuildDate is not RFC 822")
    for tag in ("managingEditor", "webMaster"):  # RSS 2.0: an e-mail address, or nothing
        for element in channel.findall(tag):
            if not EMAIL.fullmatch(text(element)):
                problems.append(f"<{tag}> {text(element)!r} is not an e-mail address")
    guids = []
    for number, item in enumerate(channel.findall("item"), 1):
        where = f"item {number}"
        guids.append(text(only(item, "guid", problems, where)))
        if not guids[-1]:
            problems.append(f"{where}: empty guid")
        if not text(only(item, "title", problems, where)):
            problems.append(f"{where}: empty title")
        if not is_absolute_url(text(only(item, "link", problems, where))):
            problems.append(f"{where}: link is not absolute")
        if not is_rfc822(text(only(item, "pubDate", problems, where))):
            problems.append(f"{where}: pubDate is not RFC 822")
    if len(set(guids)) != len(guids):
        problems.append("two items share a guid")
    return problems


def all_problems(site: Path, suffix: str) -> Iterator[tuple[str, list[str]]]:
    check = atom_problems if suffix == ".atom.xml" else rss_problems
    for path in feed_files(site, suffix):
        found = check(site, path)
        if found:
            yield path.relative_to(site).as_posix(), found


def test_feeds_are_published_in_pairs_in_every_language(published_busy_site: Path) -> None:
    atom = {p.name.removesuffix(".atom.xml") for p in feed_files(published_busy_site, ".atom.xml")}
    rss = {p.name.removesuffix(".rss.xml") for p in feed_files(published_busy_site, ".rss.xml")}
    assert atom == rss and len(feed_files(published_busy_site, ".atom.xml")) > 100
    languages = {
        language_of_path(published_busy_site, p) for p in feed_files(published_busy_site, ".atom.xml")
    }
    assert languages == {"az", "ru", "en"}


def test_every_atom_feed_follows_rfc_4287(published_busy_site: Path) -> None:
    assert dict(all_problems(published_busy_site, ".atom.xml")) == {}


def test_every_rss_feed_follows_rss_2(published_busy_site: Path) -> None:
    assert dict(all_problems(published_busy_site, ".rss.xml")) == {}


def test_empty_feeds_still_have_an_author(published_busy_site: Path) -> None:
    """A feed with no entries has nothing to take an author from: it carries its own."""
    empty = [
        path
        for path in feed_files(published_busy_site, ".atom.xml")
        if not strict_tree(path).findall(f"{ATOM}entry")
    ]
    assert empty
    for path in empty:
        assert has_author(strict_tree(path)), path


def sample_feed(base: str, format: str) -> Any:
    when = dt.datetime(2027, 1, 2, 3, 4, tzinfo=dt.UTC)
    channel = Channel(
        topic="press",
        group="site",
        subject=None,
        language="en",
        title="T",
        description="D",
        calendar_description="D",
        page="en/press/",
        atom="en/p.atom.xml",
        rss="en/p.rss.xml",
        calendar=None,
    )
    entry = Entry("tag:x.org,2026:a", "A", f"{base}/en/press/a/", when, when, "s", "<p>c</p>")
    site = FeedSite(base, "tag:x.org,2026:", "Site\n  name", "en", when)
    atom, rss = render_feeds(channel, [entry], site)
    return etree.fromstring(atom if format == "atom" else rss)


def test_the_feed_author_is_the_site() -> None:
    feed = sample_feed("https://x.org", "atom")
    (author,) = feed.findall(f"{ATOM}author")
    assert text(author.find(f"{ATOM}name")) == "Site name"  # on one line, like the title
    assert text(author.find(f"{ATOM}uri")) == "https://x.org/"
    assert not feed.find(f"{ATOM}entry").findall(f"{ATOM}author")  # the feed's covers them
    (author,) = sample_feed("", "atom").findall(f"{ATOM}author")  # root-relative: no home page
    assert author.find(f"{ATOM}uri") is None


def test_rss_names_the_page_and_no_editor_without_an_e_mail() -> None:
    channel = sample_feed("https://x.org", "rss").find("channel")
    assert text(channel.find("link")) == "https://x.org/en/press/"
    assert [a.get("href") for a in links(channel, "self")] == ["https://x.org/en/p.rss.xml"]
    assert channel.find("managingEditor") is None and channel.find("webMaster") is None
    atom = sample_feed("https://x.org", "atom")
    assert [a.get("href") for a in links(atom, "alternate")] == ["https://x.org/en/press/"]
    assert [a.get("href") for a in links(atom, "self")] == ["https://x.org/en/p.atom.xml"]
