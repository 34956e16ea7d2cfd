"""Feeds, calendars, OPML and the Subscribe page, read back from real builds with feedparser,
a strict XML parser and icalendar."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
from lxml import etree
from lxml import html as lxml_html

from busydata import FORUM, INJECTION, add_busy_records
from ngo_directory.problems import ValidationFailed
from ngo_directory.records.models import build_meeting
from ngo_directory.syndication.calendars import EventText, Serialised, meeting_event, render_calendar
from ngo_directory.syndication.feeds import Entry, FeedSite, render_feeds
from ngo_directory.syndication.subscriptions import Channel
from sitetools import (
    Inputs,
    build,
    copy_project,
    html_files,
    inputs_of,
    inputs_of_site,
    nu_errors,
    parse,
    resolve,
    tree_digest,
)

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

PREFIXES = {"az": "", "ru": "ru/", "en": "en/"}
ISAR_MEETING = "isar-first-regional-ngo-meeting-mingachevir-2000"
SITE_FEEDS = ("press", "meetings", "changes")  # each language's feeds besides those of a subject


def subject_count(inputs: Inputs) -> int:
    """How many records and vocabulary entries have a feed of their own (meetings have none),
    plus the organisations that issue press releases, which have a feed of those alone."""
    return (
        len(inputs.regions)
        + len(inputs.themes)
        + len(inputs.ngos)
        + len(inputs.partners)
        + len(inputs.programmes)
        + len(inputs.issuers)
    )


def calendar_count(inputs: Inputs) -> int:
    """How many calendars one language has: all meetings, then one per subject but programmes
    (dated by the year at most) and press-only feeds, and one per meeting."""
    return 1 + subject_count(inputs) - len(inputs.programmes) - len(inputs.issuers) + len(inputs.meetings)


def feeds(site: Path) -> list[Path]:
    return sorted([*site.rglob("*.atom.xml"), *site.rglob("*.rss.xml")])


def calendars(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


def parse_feed(path: Path):
    data = path.read_bytes()
    etree.fromstring(data)  # strict: raises on anything that is not well-formed XML
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def read_calendar(data: bytes) -> Any:
    """A parsed calendar, typed loosely: tests index properties freely."""
    return icalendar.Calendar.from_ical(data)


def events(path: Path) -> list[Any]:
    return list(read_calendar(path.read_bytes()).walk("VEVENT"))


OFFSET = re.compile(r"(?:[+-]\d\d:\d\d|Z)$")


@pytest.mark.parametrize("which", ["sample_site", "busy_site"])
def test_every_feed_is_valid_with_required_fields(which, request):
    """Every Atom and RSS file parses strictly and without feedparser complaints; the feed and
    every entry have an id, a title, a link and time-zone-aware dates, newest first."""
    site = request.getfixturevalue(which)
    paths = feeds(site)
    assert len(paths) >= 3 * 2 * 50
    for path in paths:
        parsed = parse_feed(path)
        assert parsed.feed.title and parsed.feed.link, path
        assert parsed.version in ("atom10", "rss20"), path
        assert parsed.feed.language in PREFIXES, path
        tree = etree.fromstring(path.read_bytes())
        stamps = [e.text for e in tree.iter("{*}updated")] if parsed.version == "atom10" else []
        assert all(OFFSET.search(s) for s in stamps), (path, stamps)
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)) and all(i.startswith("tag:") for i in ids), path
        atom = parsed.version == "atom10"
        for entry in parsed.entries:
            assert entry.title and entry.link and entry.summary is not None, (path, entry.id)
            assert entry.updated_parsed if atom else entry.published_parsed, (path, entry.id)
        if atom:
            times = [e.updated_parsed for e in parsed.entries]
            assert times == sorted(times, reverse=True), path
        else:  # the same entries in the same order as the Atom twin
            twin = parse_feed(path.with_name(path.name.replace(".rss.xml", ".atom.xml")))
            assert ids == [e.id for e in twin.entries], path


def test_rss_items_have_permanent_guids_and_offsets(busy_site):
    for path in busy_site.rglob("*.rss.xml"):
        tree = etree.fromstring(path.read_bytes())
        for item in tree.iter("item"):
            guid = item.find("guid")
            assert guid is not None and guid.get("isPermaLink") == "false", path
            assert re.search(r"[+-]\d{4}$", item.findtext("pubDate")), path


def test_feeds_speak_the_language_of_their_folder(sample_site):
    press = {
        lang: parse_feed(sample_site / f"{prefix}feeds/press.atom.xml") for lang, prefix in PREFIXES.items()
    }
    assert press["az"].feed.title == "Press-relizlər · Azərbaycan QHT Kataloqu"
    assert press["ru"].feed.title == "Пресс-релизы · Каталог НПО Азербайджана"
    assert press["en"].feed.title == "Press releases · NGO Directory of Azerbaijan"
    assert press["ru"].entries[0].title.startswith("ISAR собрал")
    assert press["en"].entries[0].title == "ISAR brings regional NGOs together in Mingachevir"
    assert press["ru"].entries[0].link == "/ru/press/isar-first-regional-ngo-meeting/"


def test_each_subject_feed_carries_what_concerns_it(sample_site):
    """A partner's feed has its own releases and the meetings it organises or funds; a
    region's feed has the meetings held there; every record's feed announces the record."""
    meeting = "meeting/isar-first-regional-ngo-meeting-mingachevir-2000/added"

    def ids(relative: str) -> list[str]:
        return [e.id.split(":", 2)[2] for e in parse_feed(sample_site / relative).entries]

    assert ids("en/feeds/partners/isar.atom.xml") == [
        "en/partner/isar/added",
        f"en/{meeting}",
        "en/press/isar-first-regional-ngo-meeting",
    ]
    assert f"en/{meeting}" in ids("en/feeds/partners/usaid.rss.xml")  # it funded the meeting
    assert "en/press/isar-first-regional-ngo-meeting" not in ids("en/feeds/partners/usaid.rss.xml")
    assert f"en/{meeting}" in ids("en/feeds/regions/mingachevir.atom.xml")
    assert f"az/{meeting}" in ids("feeds/meetings.atom.xml")
    assert ids("ru/feeds/ngos/madad-azerbaijan.atom.xml") == ["ru/ngo/madad-azerbaijan/added"]
    changes = ids("feeds/changes.atom.xml")
    # One entry for each record's addition: none of the sample's records has an update or a change.
    sample = inputs_of()
    added = [
        f"az/{kind}/{slug}/added"
        for kind, slugs in (
            ("ngo", sample.ngos),
            ("partner", sample.partners),
            ("meeting", sample.meetings),
            ("programme", sample.programmes),
        )
        for slug in slugs
    ]
    assert sorted(changes) == sorted(added) and "az/partner/isar/added" in changes
    # Its press releases alone, in a feed of their own: not the meeting, nor its record's news.
    assert ids("en/feeds/partners/isar/press.atom.xml") == ["en/press/isar-first-regional-ngo-meeting"]
    assert ids("feeds/partners/isar/press.rss.xml") == ["az/press/isar-first-regional-ngo-meeting"]
    assert not (sample_site / "en/feeds/ngos/madad-azerbaijan").exists()  # it has issued none
    feed = parse_feed(sample_site / "en/feeds/partners/isar/press.atom.xml").feed
    assert feed.title == "Press releases of ISAR · NGO Directory of Azerbaijan"
    assert feed.subtitle == "Only the press releases ISAR issues."
    entry = parse_feed(sample_site / "en/feeds/partners/isar.atom.xml").entries[0]
    assert entry.title == "New partner: ISAR"
    assert entry.updated == "2026-11-22T00:00:00+04:00"


def test_feed_ids_and_bytes_do_not_depend_on_the_build_date(sample_site, tmp_path, monkeypatch):
    """Built on another day, every feed, calendar and OPML file is byte for byte the same:
    ids and dates come from the data, never from the clock."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 2030
    again = build(tmp_path / "later")
    kinds = (".xml", ".ics", ".opml")
    first = {k: v for k, v in tree_digest(sample_site).items() if k.endswith(kinds)}
    second = {k: v for k, v in tree_digest(again).items() if k.endswith(kinds)}
    assert first == second and len(first) > 500


def test_every_calendar_is_valid_rfc_5545(busy_site):
    """Every .ics parses; every event has its required properties; every TZID used has its
    VTIMEZONE; lines are folded at 75 octets; a calendar is never empty of components."""
    paths = calendars(busy_site)
    assert len(paths) == len(PREFIXES) * calendar_count(inputs_of_site(busy_site))
    for path in paths:
        data = path.read_bytes()
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), path
        calendar = read_calendar(data)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"], path
        assert calendar.subcomponents, path
        zones = {tz["TZID"] for tz in calendar.walk("VTIMEZONE")}
        for event in calendar.walk("VEVENT"):
            for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "SEQUENCE", "STATUS"):
                assert name in event, (path, name)
            for name in ("DTSTART", "DTEND"):
                tzid = event[name].params.get("TZID")
                assert tzid is None or tzid in zones, (path, tzid)


def test_a_changed_and_cancelled_meeting(busy_site):
    """Two changes: SEQUENCE 2, STATUS:CANCELLED, DTSTAMP the latest change; the same UID in
    every calendar and language; the meetings feed announces each change."""
    seen = []
    for prefix in PREFIXES.values():
        for relative in (
            f"calendars/meetings/{FORUM}.ics",
            "calendars/meetings.ics",
            "calendars/regions/ganja.ics",
        ):
            [event] = [e for e in events(busy_site / prefix / relative) if str(e["UID"]).startswith(FORUM)]
            seen.append(str(event["UID"]))
            assert event["SEQUENCE"] == 2
            assert event["STATUS"] == "CANCELLED"
            assert event["DTSTAMP"].dt == dt.datetime(2027, 2, 28, 20, 0, tzinfo=dt.UTC)  # 1 March, Baku
            assert event["DTSTART"].dt == dt.datetime(2027, 3, 10, 10, 0, tzinfo=event["DTSTART"].dt.tzinfo)
            assert event["DTSTART"].params["TZID"] == "Asia/Baku"
    assert set(seen) == {f"{FORUM}@ngo-directory.example.org"}
    [event] = events(busy_site / "en/calendars/meetings" / f"{FORUM}.ics")
    assert str(event["SUMMARY"]) == "Cancelled: Ganja NGO forum; youth, ICT, and more"
    assert str(event["LOCATION"]) == "Youth House, Hall 2; second floor, 12, Example Street, Ganja"
    assert str(event["URL"]) == f"/en/meetings/{FORUM}/"
    titles = [e.title for e in parse_feed(busy_site / "en/feeds/meetings.atom.xml").entries]
    assert titles[:3] == [
        "Meeting cancelled: Ganja NGO forum; youth, ICT, and more",
        "Updated: OSCE briefing for regional NGOs",
        "Meeting announced: OSCE briefing for regional NGOs",
    ]
    assert "Meeting changed: Ganja NGO forum; youth, ICT, and more" in titles


def test_other_time_zones_get_their_vtimezone(busy_site):
    cal = read_calendar((busy_site / "en/calendars/meetings.ics").read_bytes())
    assert sorted(tz["TZID"] for tz in cal.walk("VTIMEZONE")) == ["Asia/Baku", "Europe/Vienna"]
    [vienna] = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("osce-briefing")]
    assert vienna["DTSTART"].dt.utcoffset() == dt.timedelta(hours=2)  # CEST on 2 April 2027
    assert vienna["SEQUENCE"] == 0 and vienna["STATUS"] == "CONFIRMED"
    assert vienna["DTSTAMP"].dt == dt.datetime(2027, 2, 19, 20, 0, tzinfo=dt.UTC)  # updated: 2027-02-20


def test_injected_calendar_lines_stay_inside_one_event(busy_site):
    """An agenda holding 'END:VEVENT / BEGIN:VEVENT' lines gives exactly one event, whose
    description carries them as text."""
    path = busy_site / "en/calendars/meetings" / f"{FORUM}.ics"
    data = path.read_bytes()
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 1 and lines.count(b"END:VEVENT") == 1
    [event] = events(path)
    assert str(event["UID"]) == f"{FORUM}@ngo-directory.example.org"
    assert "UID:evil@example.org" in str(event["DESCRIPTION"])


def test_a_title_with_a_newline_yields_exactly_one_event():
    """Records cannot have a line break in a title, but the calendar writer does not rely on it."""
    meeting = build_meeting(
        "evil",
        "x.yaml",
        {
            "title": f"Meeting\r\n{INJECTION}\rX-EVIL:1\u2028END:VCALENDAR",
            "start": "2027-01-01 10:00",
            "status": "scheduled",
            "venue": {"region": "baku"},
            "organisers": ["x"],
            "maintainers": ["x"],
            "added": "2026-12-01",
        },
        "en",
    )
    text = EventText(summary=str(meeting.title), location="Hall; 1, 2\nEND:VEVENT", description=INJECTION)
    data = render_calendar(
        [Serialised.of(meeting_event(meeting, text, "https://x.org/m/", "x.org"))],
        name="n",
        description="d",
        prodid="-//t//EN",
        source="https://x.org/c.ics",
    )
    calendar = read_calendar(data)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == "evil@x.org"
    assert str(event["SUMMARY"]).startswith("Meeting END:VEVENT BEGIN:VEVENT")
    lines = data.split(b"\r\n")
    assert not any(line.startswith((b"X-EVIL", b"UID:evil@example")) for line in lines)
    assert lines.count(b"BEGIN:VEVENT") == 1 and lines.count(b"END:VCALENDAR") == 1


def test_no_markup_becomes_live_in_feeds_or_calendars(busy_site):
    """Titles and summaries are inert text; content is sanitised HTML without script, event
    handlers or javascript: links; calendars carry no tags."""
    for path in feeds(busy_site):
        parsed = parse_feed(path)
        for entry in parsed.entries:
            for text in (entry.title, entry.summary):
                assert not re.search(r"<[A-Za-z!/?]", text), (path, text)
            for content in entry.get("content", []):
                tree = lxml_html.fragment_fromstring(content.value, create_parent="div")
                assert not tree.xpath("//script | //iframe | //svg | //img | //style"), path
                for element in tree.iter():
                    for name, value in element.attrib.items():
                        assert not name.lower().startswith("on"), (path, name)
                        assert "javascript:" not in value.lower().replace(" ", ""), (path, value)
    for path in calendars(busy_site):
        assert not re.search(rb"<[A-Za-z!/?]", path.read_bytes()), path
    hostile = parse_feed(busy_site / "en/feeds/ngos/hostile.atom.xml")
    assert [e.title for e in hostile.entries] == ["Updated: alert(1)x", "New NGO: alert(1)x"]


def test_long_lines_and_markup_in_titles_keep_feeds_valid(busy_site):
    entry = parse_feed(busy_site / "en/feeds/press.atom.xml").entries[0]
    assert entry.title == "Forum news for all"
    assert entry.updated == "2027-02-01T08:00:00+04:00" and entry.published == "2027-01-15T10:00:00+04:00"
    assert len(entry.content[0].value) > 10_000


def test_a_title_that_looks_like_cdata_reads_back_exactly(tmp_path):
    """A press release titled with ']]>' and '<![CDATA[' (and '<', '>' and '&' as plain text)
    keeps its title exactly in the Atom and RSS feeds of a real build, read by a strict XML
    parser and by feedparser; a tag in the same title is still removed, a comment never opened."""
    data, content = copy_project(tmp_path)
    title = "Q&A: ]]> and <![CDATA[ x, a < b > c <b>bold</b> <!-- y"
    (content / "press" / "cdata.md").write_text(
        f"Title: {title}\nDate: 2027-01-15\nSlug: cdata\nLang: en\nOrganization: isar\n\nBody.\n", "utf-8"
    )
    site = build(tmp_path / "output", data, content)
    expected = "Q&A: ]]> and <![CDATA[ x, a < b > c bold < !-- y"
    for name in ("press.atom.xml", "press.rss.xml"):
        parsed = parse_feed(site / "en" / "feeds" / name)
        titles = [e.title for e in parsed.entries if e.link.rstrip("/").endswith("/press/cdata")]
        assert titles == [expected], name


def test_control_characters_never_reach_a_feed(tmp_path):
    """Records and press releases with control characters are refused with file, line and
    column; and the feed writer drops any that reach it, so its XML stays well formed."""
    data, content = copy_project(tmp_path)
    (content / "press" / "control.md").write_text(
        "Title: Forum \x1b[31mnews\nDate: 2027-01-15\nSlug: control\nLang: en\nOrganization: isar\n\nx\n",
        "utf-8",
    )
    with pytest.raises(ValidationFailed) as caught:
        build(tmp_path / "output", data, content)
    assert [str(p) for p in caught.value.problems] == [
        "content/press/control.md:1:14: title: U+001B control character is not allowed "
        "(delete it: invisible characters can disguise names and links)"
    ]
    when = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    entry = Entry(
        "tag:x.org,2026:e", "a\x1b[31mb\x0c\ud800c", "https://x.org/", when, when, "s\x00", "<p>\x07c</p>"
    )
    channel = Channel(
        topic="press",
        group="site",
        subject=None,
        language="en",
        title="T\x0b",
        description="D",
        calendar_description="D",
        page="",
        atom="feeds/p.atom.xml",
        rss="feeds/p.rss.xml",
        calendar=None,
    )
    site = FeedSite("https://x.org", "tag:x.org,2026:", "S", "en", when)
    for data_ in render_feeds(channel, [entry], site):
        etree.fromstring(data_)
        parsed = feedparser.parse(data_)
        assert parsed.bozo == 0 and parsed.entries[0].title == "a[31mb c"  # \x0c breaks a line


def test_production_feeds_link_absolutely(published_busy_site):
    """In the published build every link in feeds, calendars and OPML is absolute."""
    base = "https://ngo.example.org/"
    for path in feeds(published_busy_site):
        tree = etree.fromstring(path.read_bytes())
        links = [e.get("href") for e in tree.iter("{*}link") if e.get("href")]
        links += [e.text for e in tree.iter("link") if e.text]
        assert links and all(link.startswith(base) for link in links), path
        for entry in feedparser.parse(path.read_bytes()).entries:
            for content in entry.get("content", []):
                fragment = lxml_html.fragment_fromstring(content.value, create_parent="div")
                for href in fragment.xpath("//a/@href"):
                    assert urlsplit(href).scheme in ("https", "http", "mailto", "tel"), (path, href)
    entry = parse_feed(published_busy_site / "en/feeds/press.atom.xml").entries[0]
    assert 'href="https://ngo.example.org/en/press/"' in entry.content[0].value  # was ../../press/
    assert entry.link == "https://ngo.example.org/en/press/forum-news/"
    for path in calendars(published_busy_site):
        for event in events(path):
            assert str(event["URL"]).startswith(base), path
    for path in published_busy_site.rglob("*.opml"):
        tree = etree.fromstring(path.read_bytes())
        for outline in tree.iter("outline"):
            for key in ("xmlUrl", "htmlUrl"):
                assert outline.get(key) is None or outline.get(key).startswith(base), path


def listed_addresses(site: Path, prefix: str) -> tuple[set[str], set[str]]:
    """(hrefs resolved to site paths, addresses shown as text) on every Subscribe page of a
    language."""
    hrefs, shown = set(), set()
    pages = [
        site / prefix / "subscribe/index.html",
        *sorted((site / prefix / "subscribe/page").glob("*/index.html")),
    ]
    for page in pages:
        tree = parse(page)
        for link in tree.xpath("//main//a[@type]"):
            target, _ = resolve(site, page, link.get("href"))
            assert target.is_file(), (page, link.get("href"))
            hrefs.add(target.relative_to(site.resolve()).as_posix())
        shown |= {code.text_content() for code in tree.xpath("//main//ul[@class='addresses']//code")}
    return hrefs, shown


def language_files(site: Path, prefix: str, pattern: str) -> set[str]:
    others = [p for p in PREFIXES.values() if p and p != prefix]
    found = set()
    for path in site.rglob(pattern):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(prefix) and not any(relative.startswith(o) for o in others):
            found.add(relative)
    return found


@pytest.mark.parametrize("page_size", [None, 7], ids=["default", "7"])
def test_subscribe_pages_and_opml_list_every_feed_and_calendar(page_size, request, tmp_path):
    """The Subscribe pages of each language list (and link) every feed, calendar and OPML file
    of that language, showing each address; the OPML files list every feed, and all resolve.
    At the default page size that is the busy site; at a page size of 7, a build of its own."""
    if page_size is None:
        site = request.getfixturevalue("busy_site")
    else:
        data, content = copy_project(tmp_path)
        add_busy_records(data, content)
        site = build(tmp_path / "output", data, content, NGO_DIRECTORY_PAGE_SIZE=page_size)
    inputs = inputs_of_site(site)
    for prefix in PREFIXES.values():
        hrefs, shown = listed_addresses(site, prefix)
        feeds_ = language_files(site, prefix, "*.atom.xml") | language_files(site, prefix, "*.rss.xml")
        calendars_ = language_files(site, prefix, "*.ics")
        opml = language_files(site, prefix, "*.opml")
        assert len(feeds_) == 2 * (len(SITE_FEEDS) + subject_count(inputs))
        assert len(calendars_) == calendar_count(inputs)
        # A place where nothing is recorded has its feeds and calendar, unlisted.
        unused = {f"/regions/{slug}." for slug in inputs.regions - inputs.places_in_use}
        assert len(unused) == len(inputs.regions) - len(inputs.places_in_use) > 60

        def listed(addresses: set[str], unused: set[str] = unused) -> set[str]:
            return {a for a in addresses if not any(u in f"/{a}" for u in unused)}

        assert hrefs == listed(feeds_ | calendars_) | opml
        assert shown == {"/" + address for address in listed(feeds_ | calendars_)}
        for format in ("atom", "rss"):
            path = site / prefix / f"feeds/all-{format}.opml"
            urls = {
                o.get("xmlUrl")
                for o in etree.fromstring(path.read_bytes()).iter("outline")
                if o.get("xmlUrl")
            }
            assert urls == {"/" + a for a in listed(feeds_) if a.endswith(f".{format}.xml")}
            for url in urls:
                assert (site / url.lstrip("/")).is_file()
    if page_size == 7:
        assert (site / "ru/subscribe/page/9/index.html").is_file()


def test_every_page_links_its_own_feeds_and_calendars(sample_site):
    """Each page names its feeds in <head> and links them visibly; the links resolve, and
    record pages link the record's own feed and calendar."""
    for page in html_files(sample_site):
        tree = parse(page)
        head = tree.xpath('//head/link[@rel="alternate"][@type]')
        assert head, page
        visible = {a.get("href") for a in tree.xpath("//aside[@class='follow']//a")}
        for link in head:
            assert link.get("href") in visible, (page, link.get("href"))
            assert link.get("title"), page
        for href in visible:
            assert resolve(sample_site, page, href)[0].is_file(), (page, href)
    expected = {
        "ru/ngos/iearn-azerbaijan/index.html": "ru/feeds/ngos/iearn-azerbaijan.atom.xml",
        "en/partners/usaid/index.html": "en/calendars/partners/usaid.ics",
        "regions/sheki/index.html": "feeds/regions/sheki.rss.xml",
        "en/themes/youth/index.html": "en/calendars/themes/youth.ics",
        f"meetings/{ISAR_MEETING}/index.html": f"calendars/meetings/{ISAR_MEETING}.ics",
        "en/press/isar-first-regional-ngo-meeting/index.html": "en/feeds/partners/isar.atom.xml",
        "ru/partners/isar/index.html": "ru/feeds/partners/isar/press.rss.xml",
        "ru/about-the-directory/index.html": "ru/feeds/changes.atom.xml",
    }
    for relative, feed in expected.items():
        page = sample_site / relative
        targets = {
            resolve(sample_site, page, h)[0] for h in parse(page).xpath('//head/link[@rel="alternate"]/@href')
        }
        assert (sample_site / feed).resolve() in targets, relative
    meeting = parse(sample_site / f"en/meetings/{ISAR_MEETING}/index.html")
    assert meeting.xpath("//dl//a[@type='text/calendar']/text()") == ["Add this meeting to your calendar"]


def test_new_pages_pass_the_nu_html_checker(busy_site):
    """The Subscribe pages and a meeting page with its list of changes are valid HTML."""
    meeting = parse(busy_site / "en/meetings" / FORUM / "index.html")
    assert len(meeting.xpath("//section[@aria-labelledby='changes']//li")) == 2
    pages = [busy_site / prefix / "subscribe" for prefix in PREFIXES.values()]
    assert nu_errors(*pages, busy_site / "en/meetings" / FORUM / "index.html") == ""
