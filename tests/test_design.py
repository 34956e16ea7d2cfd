"""The design on small and large screens, in headless Chromium: no page scrolls sideways at
320 px, the header stays compact on a phone, the menu marks the current section, and every menu
item is reachable without JavaScript; the screenshots tool photographs a page of each kind."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from browsertools import serve
from busydata import PUBLISHED_SITEURL
from conftest import pinned_date
from ngo_directory.bench.screenshots import pages_of, take
from ngo_directory.records.models import Meeting, Programme, Text
from ngo_directory.records.validate import load_directory
from ngo_directory.settings import SettingsError, plugin_settings
from ngo_directory.site.plan import months_before
from sitetools import ROOT, build, copy_project, inputs_of, parse

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

PREFIXES = {"az": "", "ru": "ru/", "en": "en/"}


def kinds(site: Path) -> list[str]:
    """The address of the home page and of one page of each kind, in every language."""
    return [address for prefix in PREFIXES.values() for address in pages_of(site, prefix).values()]


@pytest.fixture(scope="module")
def base_url(sample_site: Path) -> Any:
    with serve(sample_site) as url:
        yield url


def test_the_pages_photographed_are_one_of_each_kind(sample_site: Path) -> None:
    found = pages_of(sample_site, "en/")
    assert list(found) == [
        "home", "search", "subscribe", "who", "data", "ngos", "ngo", "partners", "partner", "meetings",
        "meeting", "programmes", "programme", "regions", "region", "themes", "theme", "press",
        "press-release",
    ]  # fmt: skip
    assert found["ngo"].startswith("en/ngos/") and found["ngo"].count("/") == 3
    assert all((sample_site / address / "index.html").is_file() for address in found.values())


def test_the_menu_marks_the_current_section(sample_site: Path) -> None:
    def current(address: str) -> list[tuple[str | None, str]]:
        menu = parse(sample_site / address / "index.html").xpath("//nav[@class='menu']//a[@aria-current]")
        return [(a.get("aria-current"), a.text_content()) for a in menu]

    assert current("en/ngos") == [("page", "NGOs")]
    assert current("en/ngos/madad-azerbaijan") == [("true", "NGOs")]
    assert current("ru/partners/isar") == [("true", "Партнёры")]
    assert current("regions/sheki") == [("true", "Regionlar")]
    assert current("en") == []  # the home page is the site's name, not a menu item
    assert current("en/search") == [("page", "Search")]


@pytest.mark.browser
def test_no_page_scrolls_sideways_and_the_header_is_compact(
    browser: Any, base_url: str, sample_site: Path
) -> None:
    wide: list[str] = []
    tall: list[tuple[str, float]] = []
    for width, height in ((320, 640), (360, 740)):
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=False)
        page = context.new_page()
        for address in kinds(sample_site):
            page.goto(f"{base_url}/{address}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                wide.append(f"{address} at {width} px: {overflow} px too wide")
            header = page.locator("header.site").bounding_box()
            if width == 360 and header["height"] >= 120:
                tall.append((address, header["height"]))
            # Every menu item can be reached without a script: the row scrolls.
            last = page.locator("nav.menu li:last-child a")
            last.scroll_into_view_if_needed()
            assert last.is_visible(), address
        context.close()
    assert wide == [], "\n".join(wide)
    assert tall == []


@pytest.mark.browser
def test_on_a_wide_screen_the_menu_is_one_row(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    rows = {}
    for prefix in PREFIXES.values():
        page.goto(f"{base_url}/{prefix}ngos/")
        tops = page.eval_on_selector_all("nav.menu li", "items => items.map(i => i.offsetTop)")
        rows[prefix] = len(set(tops))
    page.close()
    assert rows == {prefix: 1 for prefix in PREFIXES.values()}


@pytest.mark.browser
def test_the_screenshots_tool_photographs_every_kind(browser: Any, sample_site: Path, tmp_path: Path) -> None:
    written = take(sample_site, tmp_path, {"en": "en/"}, "dark", browser)
    assert sorted(p.name for p in written) == sorted(
        f"{kind}-{width}.png" for kind in pages_of(sample_site, "en/") for width in ("360", "1280")
    )
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 2_000 for p in written)


def test_the_footer_says_who_runs_the_directory(tmp_path: Path) -> None:
    operator = {
        "name": {"az": "Kataloq redaksiyası", "ru": "Редакция каталога", "en": "The directory's editors"},
        "url": "https://editors.ngo.example.org/",
        "email": "editors@ngo.example.org",
    }
    data, content = copy_project(tmp_path / "project")
    site = build(
        tmp_path / "site",
        data,
        content,
        NGO_DIRECTORY_OPERATOR=operator,
        NGO_DIRECTORY_REPOSITORY="octo/ngo-data",
    )
    footer = parse(site / "ru/ngos/index.html").find(".//footer[@class='site']")
    first = footer.find("p")
    assert " ".join(first.text_content().split()) == (
        "Каталог ведёт Редакция каталога. Пишите на editors@ngo.example.org."
    )
    assert [a.get("href") for a in first.iter("a")] == [operator["url"], "mailto:editors@ngo.example.org"]
    assert "https://github.com/octo/ngo-data/issues" in [a.get("href") for a in footer.iter("a")]
    one = build(tmp_path / "one", data, content, NGO_DIRECTORY_OPERATOR={"name": "Madad"})
    assert " ".join(parse(one / "en/index.html").find(".//footer/p").text_content().split()) == (
        "This directory is run by Madad."
    )
    for wrong in ({"name": ""}, {"name": "X", "url": "http://x.org"}, {"name": "X", "phone": "1"}, "X"):
        with pytest.raises(SettingsError) as error:
            plugin_settings({"NGO_DIRECTORY_OPERATOR": wrong})
        assert str(error.value).endswith(
            f"NGO_DIRECTORY_OPERATOR = {wrong!r}: expected {{'name': ..., 'url': 'https://...', "
            "'email': ...} (url and email optional; name one text or one per language), or None"
        )


def test_months_before_keeps_the_day_or_the_month_end() -> None:
    assert months_before(dt.date(2027, 3, 31), 1) == dt.date(2027, 2, 28)
    assert months_before(dt.date(2028, 3, 31), 1) == dt.date(2028, 2, 29)
    assert months_before(dt.date(2027, 1, 15), 12) == dt.date(2026, 1, 15)
    assert months_before(dt.date(2027, 1, 15), 13) == dt.date(2025, 12, 15)


def test_a_record_not_verified_for_a_year_says_so(tmp_path: Path) -> None:
    """At a build a year and a half after the sample was verified (2026-11-22), every record's
    page says so, with a link to confirm it, and the editors' page lists every record."""
    data, content = copy_project(tmp_path / "project")
    with pinned_date(str(int(dt.datetime(2028, 6, 1, tzinfo=dt.UTC).timestamp()))):
        site = build(tmp_path / "site", data, content, NGO_DIRECTORY_REPOSITORY="octo/ngo-data")
    page = parse(site / "en/ngos/madad-azerbaijan/index.html")
    (note,) = page.xpath("//p[@class='stale']")
    assert " ".join(note.text_content().split()) == (
        "Last verified on 22 November 2026, more than 12 months ago: some details may have changed. "
        "Confirm or correct this record"
    )
    assert note.xpath("a/@href") == [
        "https://github.com/octo/ngo-data/edit/main/ngo_data/ngos/madad-azerbaijan.yaml"
    ]
    editors = parse(site / "en/editors/index.html")
    assert editors.xpath(
        "//main//li[a[contains(@href, 'ngos/madad-azerbaijan/')]]/span[@class='meta']/text()"
    )[0].startswith("Last verified")
    fresh = parse(build(tmp_path / "fresh", data, content) / "en/ngos/madad-azerbaijan/index.html")
    assert fresh.xpath("//p[@class='stale']") == []  # the sample's own build date (fixed_date)


@pytest.mark.browser
def test_the_search_page_does_not_move_when_its_form_appears(browser: Any, base_url: str) -> None:
    """The form's room is kept while search.js loads: the layout shifts Chromium reports sum
    to (almost) nothing, on a phone and on a desktop, in the language with the longest labels."""
    shifts = {}
    for width, height in ((360, 740), (1280, 800)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for address in ("search/", "ru/search/"):
            page.goto(f"{base_url}/{address}")
            page.locator("#search-query").wait_for(state="visible")
            shifts[f"{address} at {width} px"] = page.evaluate(
                """() => new Promise((resolve) => {
                  let total = 0;
                  new PerformanceObserver((list) => {
                    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
                  }).observe({type: "layout-shift", buffered: true});
                  setTimeout(() => resolve(total), 300);
                })"""
            )
            assert page.locator("#search-off").is_hidden()
        context.close()
    assert all(value < 0.01 for value in shifts.values()), shifts


@pytest.mark.browser
def test_the_home_search_box_shows_only_where_it_can_work(browser: Any, base_url: str) -> None:
    for scripts in (True, False):
        context = browser.new_context(java_script_enabled=scripts)
        page = context.new_page()
        page.goto(f"{base_url}/en/")
        assert page.locator("main form.search").is_visible() is scripts
        context.close()


def test_an_organisation_page_reads_what_it_does_first(sample_site: Path) -> None:
    page = parse(sample_site / "en/partners/isar/index.html")
    headings = [h.text_content() for h in page.xpath("//main//h2")]
    assert headings[0] == "About"
    about = page.xpath("//main//section[@aria-labelledby='about']")[0]
    facts = page.xpath("//main//dl[@class='facts']")[0]
    assert about.getparent().index(about) < facts.getparent().index(facts)  # then where and on what
    # What it offers local NGOs, its details included, in one place.
    offers = page.xpath("//dt[.='Offers local NGOs']/following-sibling::dd[1]")[0]
    assert offers.xpath(".//ul[@class='tags']/li") and offers.xpath("div[@class='details']/p")
    assert not about.xpath(".//div[@class='details']")


def test_content_pages_link_the_records_they_name(sample_site: Path) -> None:
    """record: links become the record's page in the text's own language."""
    for prefix in ("", "ru/", "en/"):
        page = parse(sample_site / prefix / "community-information-centres/index.html")
        links = {a.text_content(): a.get("href") for a in page.xpath("//main//a")}
        up = "../" * (1 + prefix.count("/"))  # from <prefix>community-information-centres/ to the root
        assert links["IREX"] == f"{up}{prefix}partners/irex/", prefix
        assert links["USAID"].endswith(f"{prefix}partners/usaid/")
        assert not any(href.startswith("record:") for href in page.xpath("//@href"))


def test_content_pages_and_press_releases_link_every_record_they_name(sample_site: Path) -> None:
    """Wherever a page or press release names a record (its name, acronym or other name, in
    any language, as a whole word), the page links that record's page."""
    directory = load_directory(ROOT / "ngo_data")
    names: dict[str, set[str]] = {}
    for records in (directory.ngos, directory.partners, directory.programmes, directory.meetings):
        for slug, record in records.items():
            main = record.title if isinstance(record, Meeting | Programme) else record.name
            texts = [main, getattr(record, "acronym", None)]
            texts += getattr(record, "other_names", ())
            names[slug] = {name for text in texts if text for name in text.texts}
    inputs = inputs_of()
    addresses = [*inputs.pages, *(f"press/{slug}" for slug in inputs.press)]
    checked = 0
    for prefix in ("", "ru/", "en/"):
        for address in addresses:
            article = parse(sample_site / prefix / address / "index.html").xpath("//main/article")[0]
            text = [child for child in article if child.tag not in ("header", "footer")]
            body = " ".join(" ".join(child.text_content() for child in text).split())
            links = [a for child in text for a in child.iter("a")]
            linked = {a.get("href").rstrip("/").rsplit("/", 1)[-1] for a in links}
            assert all(a.get("rel") is None for a in links)  # the site's own: to be followed
            for slug, spellings in names.items():
                said = [n for n in spellings if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", body)]
                if said:
                    checked += 1
                    assert slug in linked, f"{prefix}{address} names {said} without linking {slug}"
    assert checked > 60  # the sample's texts name dozens of records


def test_only_links_that_leave_the_site_are_nofollow(published_busy_site: Path) -> None:
    page = parse(published_busy_site / "en/press/forum-news/index.html")
    links = {a.text_content(): (a.get("href"), a.get("rel")) for a in page.xpath("//main/article//a")}
    assert links["next"] == ("../../press/", None)
    assert links["Madad"] == (f"{PUBLISHED_SITEURL}/en/ngos/madad-azerbaijan/", None)
    assert links["elsewhere"] == ("https://example.com/elsewhere", "nofollow noopener")


def test_filled_from_gives_a_name_the_other_names_it_lacks() -> None:
    name = Text.name_of({"ru": "Институт", "en": "Institute"}, "az")
    filled = name.filled_from(
        [
            Text.name_of("Neutral", "az"),
            Text.name_of({"en": "Other", "az": "İnstitut"}, "az"),
            Text.name_of({"az": "Başqa"}, "az"),
        ]
    )
    assert filled.values == (("az", "İnstitut"), ("en", "Institute"), ("ru", "Институт"))
    assert filled.pick(["az", "ru", "en"]) == ("az", "İnstitut")
    assert name.filled_from([]) is name
    neutral = Text.name_of("IREX", "az")
    assert neutral.filled_from([Text.name_of({"ru": "Совет"}, "az")]) is neutral


def test_the_best_name_in_the_page_language_comes_before_a_fallback(tmp_path: Path) -> None:
    """A partner named only in Russian and English, with an Azerbaijani other name: the
    Azerbaijani site shows that name (not a fallback) in its heading, the list and the page's
    data, and does not repeat it under "Also known as"."""
    data, content = copy_project(tmp_path / "project")
    record = data / "partners" / "unesco-iite.yaml"
    text = record.read_text("utf-8")
    az = "UNESCO-nun Təhsildə İnformasiya Texnologiyaları İnstitutu"
    text = text.replace(f"  az: {az}\n", "", 1).replace("other_names:\n", f"other_names:\n  - az: {az}\n", 1)
    assert az not in text.split("other_names")[0]
    record.write_text(text, "utf-8")
    site = build(tmp_path / "site", data, content)
    page = parse(site / "partners/unesco-iite/index.html")
    (h1,) = page.xpath("//main//h1")
    assert h1.text_content().startswith(az) and h1.xpath(".//@lang") == []
    also = page.xpath("//dt[.='Digər adları']/following-sibling::dd[1]")[0].text_content()
    assert az not in also and "UNESCO Institute for Information Technology Education" in also
    (data_block,) = page.xpath("//script[@type='application/ld+json']/text()")
    described = json.loads(data_block)
    assert described["name"] == az and az not in described["alternateName"]
    cards = parse(site / "partners/index.html").xpath("//main//a[contains(@href, 'unesco-iite/')]")
    assert [a.text_content() for a in cards] == [az]
    russian = parse(site / "ru/partners/unesco-iite/index.html").xpath("//main//h1")[0]
    assert russian.text_content().startswith("Институт ЮНЕСКО по информационным технологиям в образовании")
