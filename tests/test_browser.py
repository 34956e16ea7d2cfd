"""The real search, driven in headless Chromium: Pagefind's index of the real site, our search
page and script, under the site's own Content-Security-Policy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from browsertools import Watched, serve
from sitetools import build, copy_project, hostile_ngo, html_files, language_of_path, parse

pytestmark = [pytest.mark.site, pytest.mark.browser, pytest.mark.usefixtures("fixed_date")]

WAIT_MS = 15_000


@pytest.fixture(scope="module")
def base_url(search_site):
    with serve(search_site) as url:
        yield url


def settled(page: Any) -> str:
    """Wait until the search page has finished a search; its status text."""
    from playwright.sync_api import expect

    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile(r"[^…]$"), timeout=WAIT_MS)
    return str(status.text_content())


def results(page: Any) -> list[tuple[str, str, str]]:
    """(title, href, meta line) of every result shown."""
    items = page.locator("#search-results > li")
    return [
        (
            item.locator("h2 a").text_content(),
            item.locator("h2 a").get_attribute("href"),
            item.locator(".result-meta").text_content(),
        )
        for item in items.all()
    ]


def search(page: Any, base_url: str, prefix: str, query: str) -> list[tuple[str, str, str]]:
    page.goto(f"{base_url}/{prefix}search/")
    page.locator("#search-query").fill(query)
    page.locator("#search-query").press("Enter")
    settled(page)
    return results(page)


@pytest.mark.parametrize(
    ("prefix", "query", "expected"),
    [
        ("", "mingecevir", "/ngos/kur-riverside/"),
        ("", "gence", "/ngos/youth-house/"),
        ("", "ismayilli", "/ngos/ismayilli-women/"),
        ("", "Мингечевир", "/ngos/kur-riverside/"),
        ("", "Mingachevir", "/ngos/kur-riverside/"),
        ("", "GƏNCƏ", "/ngos/youth-house/"),
        ("", "İSMAYILLI", "/ngos/ismayilli-women/"),
        ("", "ISMAYILLI qadin", "/ngos/ismayilli-women/"),
        ("", "Şəki", "/ngos/seki-crafts/"),
        ("", "təşəbbüs", "/ngos/ismayilli-women/"),
        ("", "tesebbus", "/ngos/ismayilli-women/"),
        ("ru/", "Мингечевир", "/ru/ngos/kur-riverside/"),
        ("ru/", "Mingachevir", "/ru/ngos/kur-riverside/"),
        ("ru/", "mingecevir", "/ru/ngos/kur-riverside/"),
        ("ru/", "Gence", "/ru/ngos/youth-house/"),
        ("ru/", "Гянджа", "/ru/ngos/youth-house/"),
        ("ru/", "Ismayilli", "/ru/ngos/ismayilli-women/"),
        ("ru/", "Kür Sahili", "/ru/ngos/kur-riverside/"),
        ("en/", "Mingachevir", "/en/ngos/kur-riverside/"),
        ("en/", "Gəncə", "/en/ngos/youth-house/"),
        ("en/", "ismayilli", "/en/ngos/ismayilli-women/"),
    ],
)
def test_query_finds_the_record_on_the_first_page(watched, base_url, prefix, query, expected):
    """Each query of the issue, in each language, has the record among the first results."""
    found = search(watched.page, base_url, prefix, query)
    assert found, f"nothing found for {query!r} on /{prefix}search/"
    assert len(found) <= 10
    assert expected in [href for _, href, _ in found], found


def test_each_language_searches_its_own_pages(watched, base_url):
    """The Russian search page returns the Russian pages, with Russian kinds and regions."""
    found = search(watched.page, base_url, "ru/", "Mingachevir")
    assert all(href.startswith("/ru/") for _, href, _ in found), found
    meta = dict((href, line) for _, href, line in found)["/ru/ngos/kur-riverside/"]
    assert "НПО" in meta and "Мингечевир" in meta, meta
    assert all(
        not href.startswith(("/en/", "/ru/")) for _, href, _ in search(watched.page, base_url, "", "isar")
    )


def test_result_shows_kind_region_and_excerpt(watched, base_url):
    page = watched.page
    found = search(page, base_url, "", "qadın")
    assert found[0][1] == "/ngos/ismayilli-women/", found
    first = page.locator("#search-results > li").first
    assert first.locator(".result-meta").text_content() == "QHT · İsmayıllı"  # one result: singular
    excerpt = first.locator(".excerpt")
    assert "kompüter kursları" in excerpt.text_content()
    assert excerpt.locator("mark").first.text_content().lower().startswith("qadın")


def test_region_filter_narrows_the_results(watched, base_url):
    page = watched.page
    everywhere = search(page, base_url, "", "mingecevir")
    page.locator("#search-region").select_option("Mingəçevir")
    settled(page)
    in_region = results(page)
    assert 0 < len(in_region) < len(everywhere), (in_region, everywhere)
    assert all("Mingəçevir" in meta for _, _, meta in in_region), in_region
    assert "/partners/oxfam/" in [href for _, href, _ in everywhere]
    assert "/partners/oxfam/" not in [href for _, href, _ in in_region]
    assert "region=Ming%C9%99%C3%A7evir" in page.url  # the filtered search has its own address


def test_kind_theme_and_year_filters(watched, base_url):
    page = watched.page
    page.goto(f"{base_url}/en/search/?year=2000")
    settled(page)
    kinds = {meta.split(" · ")[0] for _, _, meta in results(page)}
    assert kinds == {"Meeting", "Press release"}, kinds
    page.goto(f"{base_url}/en/search/?kind=NGOs&theme=Youth")
    settled(page)
    assert sorted(href for _, href, _ in results(page)) == [
        "/en/ngos/seki-crafts/",
        "/en/ngos/sumqayit-youth/",
        "/en/ngos/youth-house/",
    ]
    assert page.locator("#search-kind").input_value() == "NGOs"


def test_more_results_come_in_pages_of_ten(watched, base_url):
    page = watched.page
    page.goto(f"{base_url}/en/search/?region=Azerbaijan")
    status = settled(page)
    total = int(status.rsplit(" ", 1)[1])
    assert total > 20
    assert len(results(page)) == 10
    page.locator("#search-more").click()
    page.locator("#search-results > li:nth-child(20)").wait_for(timeout=WAIT_MS)
    assert page.locator("#search-results > li:nth-child(11) h2 a:focus").count() == 1


def test_nothing_found_says_so(watched, base_url):
    assert search(watched.page, base_url, "en/", "zzzqqqxxx") == []
    assert "Nothing found" in settled(watched.page)


def tab_to(page: Any, selector: str, limit: int) -> None:
    """Press Tab until ``selector`` has the focus; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.locator(f"{selector}:focus").count():
            return
    pytest.fail(f"Tab never reaches {selector}")


def test_keyboard_only_search(watched, base_url):
    """From the address bar to a record page with the keyboard alone; the count is announced."""
    page = watched.page
    page.goto(f"{base_url}/search/")
    tab_to(page, "#search-query", 40)
    page.keyboard.type("ismayilli")
    page.keyboard.press("Enter")
    status = page.locator("[role=status]")
    assert settled(page).startswith("Tapılan nəticələr: ")
    assert status.get_attribute("id") == "search-status"
    tab_to(page, "#search-results a", 20)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ngos/ismayilli-women/$"), timeout=WAIT_MS)


def test_hostile_record_stays_text_in_results(browser, tmp_path):
    """A record full of markup shows in results as text: no element, handler or dialog."""
    data, content = copy_project(tmp_path)
    (data / "ngos" / "hostile.yaml").write_text(hostile_ngo(), "utf-8")
    site = build(tmp_path / "output", data, content)
    context = browser.new_context()
    page = Watched(context.new_page())
    with serve(site) as url:
        page.page.goto(f"{url}/search/?q=alert")
        settled(page.page)
        found = page.page.locator("#search-results")
        assert "/ngos/hostile/" in [href for _, href, _ in results(page.page)]
        assert (
            found.locator("script, img, iframe, svg, [onerror], [onclick], [href^='javascript']").count() == 0
        )
        assert "<script>" in found.text_content() or "alert(" in found.text_content()
    context.close()
    assert page.problems == []


def test_without_javascript_the_page_offers_the_browse_pages(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/ru/search/")
    assert not page.locator("form#search").is_visible()
    assert page.locator("#search-off").is_visible()
    links = page.locator("nav.browse a")
    hrefs = [urljoin(page.url, links.nth(i).get_attribute("href")) for i in range(links.count())]
    paths = {urlsplit(href).path for href in hrefs}
    assert {"/ru/ngos/", "/ru/partners/", "/ru/regions/", "/ru/themes/"} <= paths, hrefs
    for href in hrefs:
        assert page.request.get(href).ok, href
    context.close()


def test_script_loads_only_on_the_search_page(watched, base_url):
    page = watched.page
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(f"{base_url}/")
    page.goto(f"{base_url}/ngos/youth-house/")
    assert scripts == []
    page.goto(f"{base_url}/search/")
    assert [s.rsplit("/", 1)[1] for s in scripts] == ["search.js"]


def records_in(site: Path, language: str, region: str) -> set[str]:
    """The address of every page of ``language`` in the search index that is in ``region`` (a
    slug): the pages whose region filter, as Pagefind reads it, names the region."""
    regions = yaml.safe_load((site.parent / "ngo_data" / "regions.yaml").read_text("utf-8"))
    name = regions[region]["name"][language]
    return {
        "/" + page.relative_to(site).parent.as_posix() + "/"
        for page in html_files(site)
        if language_of_path(site, page) == language
        and name in parse(page).xpath('//head/meta[@data-pagefind-filter="region[content]"]/@content')
    }


@pytest.mark.parametrize(("language", "prefix"), [("az", ""), ("ru", "ru/"), ("en", "en/")])
@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("gence", "ganja"),
        ("mingecevir", "mingachevir"),
        ("seki", "sheki"),
        ("Gəncə", "ganja"),
        ("Гянджа", "ganja"),
    ],
)
def test_a_regions_own_records_rank_before_pages_that_mention_it(
    watched, search_site, base_url, language, prefix, query, region
):
    """A region, typed in plain Latin or as written, lists every record in it (an organisation
    working there, a meeting held there) before anything else: pages that mention it, a record
    in Bakı named after Gəncə, and on the English site pages whose name or themes begin with the
    stem Pagefind makes of the query ("genc")."""
    inside = records_in(search_site, language, region)
    assert len(inside) >= 2, inside
    hrefs = [href for _, href, _ in search(watched.page, base_url, prefix, query)]
    assert set(hrefs[: len(inside)]) == inside, hrefs


def test_switching_language_keeps_the_words_searched(watched, base_url):
    """The words typed go with the reader to the other languages' search pages (the filters,
    named in each language, do not)."""
    page = watched.page
    search(page, base_url, "", "gence")
    switcher = page.locator("nav.languages a[hreflang]")
    assert [a.get_attribute("href") for a in switcher.all()] == [
        f"{base_url}/ru/search/?q=gence",
        f"{base_url}/en/search/?q=gence",
    ]
    switcher.first.click()
    page.wait_for_url(re.compile(r"/ru/search/\?q=gence$"))
    assert page.locator("#search-query").input_value() == "gence"
