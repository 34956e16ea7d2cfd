"""Discoverability: the sitemap against the sitemap protocol's rules, robots.txt, a canonical
link and a description of its own on every page, the favicon, and the page for missing addresses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from busydata import PUBLISHED_SITEURL
from ngo_directory.integration.build import BuildFailed
from ngo_directory.site.pages import ON_RECORD_PAGE
from ngo_directory.site.sitemap import MAX_URLS, Entry, sitemap_files
from sitetools import ROOT, build, copy_project, html_files, parse

pytestmark = pytest.mark.site

FAVICON = (ROOT / "theme/static/images/favicon.svg").read_text("utf-8").strip()
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _file_of(site: Path, address: str) -> Path:
    assert address.startswith(PUBLISHED_SITEURL + "/"), address
    relative = address.removeprefix(PUBLISHED_SITEURL + "/")
    return site / (relative + "index.html" if relative.endswith("/") or not relative else relative)


def test_the_sitemap_lists_every_page_with_its_language_versions(published_busy_site: Path) -> None:
    tree = etree.parse(str(published_busy_site / "sitemap.xml"))  # a strict XML parser
    urls = tree.getroot().findall("s:url", NS)
    assert tree.getroot().tag == f"{{{NS['s']}}}urlset" and 0 < len(urls) <= MAX_URLS
    pages = set(html_files(published_busy_site))  # all but 404.html
    listed = {_file_of(published_busy_site, url.findtext("s:loc", namespaces=NS)) for url in urls}
    assert listed == pages  # every page once, nothing else
    for url in urls:
        links = url.findall("x:link", NS)
        assert {link.get("hreflang") for link in links} == {"az", "ru", "en", "x-default"}
        for link in links:
            assert (
                link.get("rel") == "alternate" and _file_of(published_busy_site, link.get("href")).is_file()
            )
    dated = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in urls
        if url.find("s:lastmod", NS) is not None
    }
    assert dated[f"{PUBLISHED_SITEURL}/partners/isar/"] == "2026-11-22T00:00:00+04:00"
    assert all(dt.datetime.fromisoformat(value).tzinfo is not None for value in dated.values())
    assert f"{PUBLISHED_SITEURL}/ngos/" not in dated  # a list has no date of its own


def test_robots_txt_names_the_sitemap_only_when_the_address_is_known(
    published_busy_site: Path, sample_site: Path
) -> None:
    assert (published_busy_site / "robots.txt").read_text("utf-8") == (
        f"User-agent: *\nAllow: /\nSitemap: {PUBLISHED_SITEURL}/sitemap.xml\n"
    )
    assert (sample_site / "robots.txt").read_text("utf-8") == "User-agent: *\nAllow: /\n"
    assert not (sample_site / "sitemap.xml").exists()


def test_every_page_has_its_canonical_address_and_the_favicon(published_busy_site: Path) -> None:
    for page in html_files(published_busy_site):
        tree = parse(page)
        (canonical,) = tree.xpath("//head/link[@rel='canonical']/@href")
        assert _file_of(published_busy_site, canonical) == page
        (icon,) = tree.xpath("//head/link[@rel='icon']/@href")
        # The favicon is in the page: no request for it on a slow connection.
        assert unquote(icon) == "data:image/svg+xml," + FAVICON.replace('"', "'")
    assert (published_busy_site / "theme/images/favicon.svg").read_text("utf-8").strip() == FAVICON


def test_record_pages_describe_themselves(sample_site: Path) -> None:
    def description(relative: str) -> str:
        (content,) = parse(sample_site / relative).xpath("//head/meta[@name='description']/@content")
        return str(content)

    site_wide = description("en/ngos/index.html")
    records = [
        "en/ngos/madad-azerbaijan/index.html",
        "en/ngos/iearn-azerbaijan/index.html",
        "en/partners/isar/index.html",
        "en/meetings/isar-first-regional-ngo-meeting-mingachevir-2000/index.html",
        "en/programmes/national-pc-project/index.html",
        "en/press/isar-first-regional-ngo-meeting/index.html",
        "en/about-the-directory/index.html",
    ]
    texts = [description(page) for page in records]
    assert site_wide not in texts and len(set(texts)) == len(texts)
    assert texts[4].startswith("A nationwide project to narrow the digital divide")
    assert all(0 < len(text) <= 180 for text in texts)


def test_missing_addresses_get_a_page_in_every_language(published_busy_site: Path) -> None:
    tree = parse(published_busy_site / "404.html")
    sections = tree.xpath("//main/section")
    assert [s.get("lang") for s in sections] == ["az", "ru", "en"]
    links = tree.xpath("//main//a/@href | //head/link/@href")
    assert "/" in links and "/en/search/" in links  # root-relative: right at any depth, on any host
    for link in (link for link in links if not link.startswith("data:")):  # but the favicon
        assert link.startswith("/"), link
        assert _file_of(published_busy_site, PUBLISHED_SITEURL + link).is_file(), link
    assert tree.xpath("//head/meta[@name='robots']/@content") == ["noindex"]
    (brand,) = tree.xpath("//header[@class='site']//a[@class='brand']")  # the band every page has
    assert (brand.text_content(), brand.get("href")) == ("Azərbaycan QHT Kataloqu", "/")
    assert tree.xpath("//head/meta[@http-equiv='Content-Security-Policy']/@content")
    assert [" ".join(h.text_content().split()) for h in tree.xpath("//main//h1|//main//h2")] == [
        "Səhifə tapılmadı",
        "Страница не найдена",
        "Page not found",
    ]


def test_a_sitemap_past_the_limit_becomes_an_index_of_sitemaps() -> None:
    entries = [Entry(f"ngos/n{i}/", (), None) for i in range(MAX_URLS + 1)]
    files = dict(sitemap_files(entries, "https://example.org", "az"))
    assert list(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    index = etree.fromstring(files["sitemap.xml"])
    assert [loc.text for loc in index.iter(f"{{{NS['s']}}}loc")] == [
        "https://example.org/sitemap-1.xml",
        "https://example.org/sitemap-2.xml",
    ]
    assert len(etree.fromstring(files["sitemap-1.xml"])) == MAX_URLS
    assert len(etree.fromstring(files["sitemap-2.xml"])) == 1


def test_calendars_can_be_subscribed_to_in_one_tap(published_busy_site: Path, sample_site: Path) -> None:
    page = parse(published_busy_site / "en/subscribe/index.html")
    webcals = page.xpath("//main//a[starts-with(@href, 'webcal://')]/@href")
    calendars = page.xpath("//main//a[@type='text/calendar']/@href")
    assert webcals and len(webcals) == len(calendars)
    for webcal, https in zip(webcals, calendars, strict=True):
        assert webcal == "webcal://" + https.removeprefix("https://")
        assert _file_of(published_busy_site, https).is_file()
    meeting = parse(published_busy_site / "en/meetings/index.html")
    assert meeting.xpath("//aside[@class='follow']//a[starts-with(@href, 'webcal://')]/@href") == [
        f"webcal://{PUBLISHED_SITEURL.removeprefix('https://')}/en/calendars/meetings.ics"
    ]
    # Without an absolute address (a development build) there is nothing to subscribe to.
    assert not parse(sample_site / "en/subscribe/index.html").xpath("//a[starts-with(@href, 'webcal:')]")


def test_the_subscribe_page_has_jump_links_and_is_in_the_menu(sample_site: Path) -> None:
    page = parse(sample_site / "en/subscribe/index.html")
    jumps = page.xpath("//main/nav[@class='jump']//a/@href")
    assert jumps[0] == "#whole" and len(jumps) > 1
    for jump in jumps:
        assert page.xpath(f"//*[@id='{jump[1:]}']"), jump
    menu = parse(sample_site / "en/ngos/index.html").xpath("//nav[@aria-label='Main']//a")
    assert "Feeds and calendars" in [" ".join(a.text_content().split()) for a in menu]


def test_feeds_open_as_a_readable_page_in_a_browser(published_busy_site: Path) -> None:
    stylesheet = published_busy_site / "en/feeds/feed.xsl"
    transform = etree.XSLT(etree.parse(str(stylesheet)))
    for name in ("en/feeds/partners/isar.atom.xml", "en/feeds/partners/isar.rss.xml"):
        data = (published_busy_site / name).read_bytes()
        # The instruction that names the stylesheet, right after the XML declaration.
        assert (
            data.splitlines()[1]
            == f'<?xml-stylesheet type="text/xsl" href="{PUBLISHED_SITEURL}/en/feeds/feed.xsl"?>'.encode()
        )
        feed = feedparser.parse(data)
        assert not feed.bozo and feed.entries
        page = lxml_html.fromstring(str(transform(etree.fromstring(data))))
        assert page.get("lang") == "en"
        links = [(a.text_content(), a.get("href")) for a in page.xpath("//main//ul//a")]
        assert links == [(entry.title, entry.link) for entry in feed.entries]
        assert page.xpath("//main/p/code/text()") == [f"{PUBLISHED_SITEURL}/{name}"]
    ru = lxml_html.fromstring(
        str(
            etree.XSLT(etree.parse(str(published_busy_site / "ru/feeds/feed.xsl")))(
                etree.parse(str(published_busy_site / "ru/feeds/changes.atom.xml"))
            )
        )
    )
    assert ru.get("lang") == "ru" and ru.xpath("//h2/text()") == ["Последние записи"]


def test_a_page_over_its_budget_fails_the_build(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path / "project")
    output = tmp_path / "site"
    with pytest.raises(BuildFailed) as failed:
        build(output, data, content, NGO_DIRECTORY_PAGE_BUDGETS={"page": 60_000, "record": 3_000})
    lines = str(failed.value).splitlines()[1:]
    assert lines and all(line.startswith("WARNING: ") for line in lines)
    irex = next(line for line in lines if line.startswith("WARNING: partners/irex/index.html takes "))
    assert irex.endswith(
        " bytes to transfer (gzipped, with the stylesheet), over the budget of 3000 for a record's page "
        "(NGO_DIRECTORY_PAGE_BUDGETS)"
    )
    assert not output.exists()  # nothing was published
    assert not any(" for a page " in line for line in lines)  # no list or other page is over 60 KB
    site = build(output, data, content, NGO_DIRECTORY_PAGE_BUDGETS=None)
    assert (site / "partners/irex/index.html").is_file()


def test_a_busy_organisation_lists_its_latest_and_links_to_all(tmp_path: Path) -> None:
    """Past ON_RECORD_PAGE meetings or press releases, an organisation's page lists the latest
    and links to pages of them all, so that its page keeps within the record budget."""
    data, content = copy_project(tmp_path / "project")
    for n in range(1, ON_RECORD_PAGE + 3):
        (data / "meetings" / f"isar-briefing-{n:02d}.yaml").write_text(
            f'title: {{en: "ISAR briefing {n:02d}"}}\nstart: "2001-01-{n:02d}"\nstatus: held\n'
            "venue: {region: mingachevir}\norganisers: [isar]\nmaintainers: [someone]\n"
            'added: "2026-11-22"\n',
            "utf-8",
        )
    for n in range(1, ON_RECORD_PAGE + 2):
        (content / "press" / f"note-{n:02d}.md").write_text(
            f"Title: ISAR note {n:02d}\nDate: 2001-02-{n:02d}\nSlug: note-{n:02d}\nLang: en\n"
            f"Organization: isar\n\nA note.\n",
            "utf-8",
        )
    site = build(tmp_path / "site", data, content)
    page = parse(site / "en/partners/isar/index.html")
    assert len(page.xpath("//section[@aria-labelledby='meetings']//ul[@class='items']/li")) == ON_RECORD_PAGE
    assert page.xpath("//section[@aria-labelledby='meetings']//ul/li[1]/a/text()") == ["ISAR briefing 12"]
    assert [
        (a.get("href"), a.text)
        for a in page.xpath("//section[@aria-labelledby='meetings']/p[@class='more']/a")
    ] == [("../../../en/partners/isar/meetings/", "All 13 meetings of ISAR")]
    assert [a.text for a in page.xpath("//section[@aria-labelledby='press']/p[@class='more']/a")] == [
        "All 12 press releases of ISAR"
    ]
    for prefix in ("", "ru/", "en/"):
        meetings = parse(site / prefix / "partners/isar/meetings/index.html")
        assert len(meetings.xpath("//main//ul[@class='items']/li")) == ON_RECORD_PAGE + 3, prefix
        press = parse(site / prefix / "partners/isar/press/index.html")
        assert len(press.xpath("//main//ul[@class='items']/li")) == ON_RECORD_PAGE + 2, prefix
    everything = parse(site / "en/partners/isar/meetings/index.html")
    assert everything.findtext(".//h1") == "Meetings of ISAR"
    assert everything.xpath("//main/p[@class='meta']/a/@href") == ["../../../../en/partners/isar/"]
    assert not (site / "en/ngos/madad-azerbaijan/meetings").exists()  # only past the limit
