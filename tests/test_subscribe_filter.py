"""The filter box of the Feeds and calendars page: a search form that goes to the search page
without JavaScript, and with subscribe.js filters the channels of the page as one types, folding
Azerbaijani letters and accents, under the site's own Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from browsertools import Watched, serve
from sitetools import build, parse, resolve

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

WAIT_MS = 15_000
LANGUAGES = ["", "ru/", "en/"]
SHOWN = "Feeds and calendars shown: {shown} of {total}"
NONE = "No feed or calendar on this page matches."
NOTE = "The box filters this page only; the search looks through the whole directory:"


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory, fixed_date: None) -> Path:
    """The sample with 20 entries a page, so that the Subscribe page has several pages."""
    return build(tmp_path_factory.mktemp("paged") / "output", NGO_DIRECTORY_PAGE_SIZE=20)


def subscribe_pages(site: Path, prefix: str) -> list[Path]:
    first = site / prefix / "subscribe" / "index.html"
    return [first, *sorted((first.parent / "page").glob("*/index.html"))]


# --- the built pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_form_goes_to_the_search_page(sample_site: Path, prefix: str) -> None:
    page = sample_site / prefix / "subscribe" / "index.html"
    tree = parse(page)
    [form] = tree.xpath("//main//form")
    assert (
        form.get("role") == "search"
        and form.get("class") == "filter needs-script"
        and form.get("method") == "get"
    )
    # Right below the jump links.
    assert form.getprevious().tag == "nav" and form.getprevious().get("class") == "jump"
    search = sample_site / prefix / "search" / "index.html"
    assert resolve(sample_site, page, form.get("action")) == (search, "")
    [field] = form.xpath(".//input")
    assert (field.get("type"), field.get("name")) == ("search", "q")
    [label] = form.xpath(".//label")
    assert label.get("for") == field.get("id") and label.text_content().strip()
    assert tree.xpath(f"//*[@id='{field.get('id')}']") == [field]
    [status] = tree.xpath("//main//*[@id='filter-status']")
    assert (status.get("role"), status.get("aria-live")) == ("status", "polite")
    assert "{shown}" in status.get("data-shown") and "{total}" in status.get("data-shown")
    assert status.get("data-none")
    assert not tree.xpath("//*[@id='filter-note']")  # one page: the box filters everything


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_only_script_is_the_external_module(sample_site: Path, prefix: str) -> None:
    page = sample_site / prefix / "subscribe" / "index.html"
    tree = parse(page)
    depth = len(page.relative_to(sample_site).parts) - 1
    assert [(s.get("type"), s.get("src"), s.text) for s in tree.xpath("//script")] == [
        ("module", "../" * depth + "theme/js/subscribe.js", None)
    ]
    assert tree.xpath("//head/script")  # in the head, as the search page loads search.js
    assert tree.xpath("//@*[starts-with(name(), 'on')]") == []  # no event-handler attribute
    assert (sample_site / "theme" / "js" / "subscribe.js").is_file()


def test_the_english_form_reads(sample_site: Path) -> None:
    tree = parse(sample_site / "en" / "subscribe" / "index.html")
    assert tree.xpath("string(//form[@id='filter']//label)") == "Find a feed or calendar"
    assert tree.xpath("string(//form[@id='filter']//button)") == "Search"
    [status] = tree.xpath("//*[@id='filter-status']")
    assert (status.get("data-shown"), status.get("data-none")) == (SHOWN, NONE)


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_each_page_of_several_says_the_box_filters_only_it(paged_site: Path, prefix: str) -> None:
    pages = subscribe_pages(paged_site, prefix)
    assert len(pages) > 1
    for page in pages:
        tree = parse(page)
        [note] = tree.xpath("//form[@id='filter']//*[@id='filter-note']")
        assert note.get("hidden") is not None  # shown by the script: without it the box searches
        [link] = note.xpath(".//a")
        assert resolve(paged_site, page, link.get("href"))[0] == paged_site / prefix / "search" / "index.html"
        if prefix == "en/":
            assert " ".join(note.text_content().split()) == f"{NOTE} Search"


# --- in the browser -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(sample_site: Path):
    with serve(sample_site) as url:
        yield url


def visible_titles(page: Any) -> list[str]:
    return [str(h.text_content()) for h in page.locator("main ul.channels > li:visible h3").all()]


def visible_sections(page: Any) -> list[str]:
    return [str(h.text_content()) for h in page.locator("main section:visible > h2").all()]


def visible_jumps(page: Any) -> list[str]:
    return [str(a.text_content()) for a in page.locator("nav.jump a:visible").all()]


def shown_text(page: Any, shown: int, total: int) -> str:
    """What the status says, from the page's own (translated) wording."""
    wording = str(page.locator("#filter-status").get_attribute("data-shown"))
    return wording.replace("{shown}", str(shown)).replace("{total}", str(total))


def open_subscribe(page: Any, url: str) -> tuple[list[str], list[str]]:
    """Open a Subscribe page once its script has run; every title and section heading."""
    page.goto(url)
    page.locator("#filter-status").wait_for(state="attached")
    page.locator("#filter-submit").wait_for(state="hidden", timeout=WAIT_MS)
    return visible_titles(page), visible_sections(page)


def type_into(page: Any, text: str) -> None:
    page.locator("#filter-query").fill(text)


@pytest.mark.browser
def test_typing_a_partner_name_leaves_its_channels(watched, base_url):
    from playwright.sync_api import expect

    page = watched.page
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    titles, sections = open_subscribe(page, f"{base_url}/en/subscribe/")
    assert [s.rsplit("/", 1)[1] for s in scripts] == ["subscribe.js"]
    assert "ISAR" in titles and "Oxfam" in titles and len(sections) > 2
    status = page.locator("#filter-status")
    assert status.is_visible() and status.text_content() == ""  # nothing announced on load

    type_into(page, "isar")
    assert visible_titles(page) == ["ISAR", "Press releases of ISAR", "ISAR's first regional NGO meeting"]
    assert visible_sections(page) == ["Partners", "Single meetings"]
    assert visible_jumps(page) == ["Partners", "Single meetings"]
    expect(status).to_have_text(f"Feeds and calendars shown: 3 of {len(titles)}", timeout=WAIT_MS)

    type_into(page, "OXFAM")
    assert visible_titles(page) == ["Oxfam"]
    assert visible_sections(page) == ["Partners"]
    expect(status).to_have_text(f"Feeds and calendars shown: 1 of {len(titles)}", timeout=WAIT_MS)

    type_into(page, "zzzqqq")
    assert visible_titles(page) == [] and visible_sections(page) == [] and visible_jumps(page) == []
    expect(status).to_have_text(NONE, timeout=WAIT_MS)

    type_into(page, "")
    assert visible_titles(page) == titles
    assert visible_sections(page) == sections
    assert len(visible_jumps(page)) == len(sections)
    expect(status).to_have_text(f"Feeds and calendars shown: {len(titles)} of {len(titles)}", timeout=WAIT_MS)


@pytest.mark.browser
def test_every_word_must_match_in_any_order(watched, base_url):
    page = watched.page
    open_subscribe(page, f"{base_url}/en/subscribe/")
    type_into(page, "  education   MINISTRY ")
    assert visible_titles(page) == ["Korean Ministry of Education", "Ministry of Education of Azerbaijan"]


FOLDED = {
    "": [
        ("seki", ["Şəki"]),
        ("gence", ["Gəncə"]),
        ("MINGECEVIR", ["Mingəçevir"]),
        ("mingəçevir", ["Mingəçevir"]),
        (
            "tehsil nazirliyi",
            ["Azərbaycan Respublikasının Təhsil Nazirliyi", "Koreya Respublikasının Təhsil Nazirliyi"],
        ),
        ("SULH KORPUSU", ["Sülh Korpusu"]),
    ],
    "ru/": [("молодежь", ["Молодёжь"]), ("ШЕКИ", ["Шеки"])],
}


@pytest.mark.parametrize("prefix", list(FOLDED))
@pytest.mark.browser
def test_folded_spelling_finds_the_channel(watched, base_url, prefix):
    """Azerbaijani letters, capitals and accents are optional, as on the search page."""
    from playwright.sync_api import expect

    page = watched.page
    titles, _ = open_subscribe(page, f"{base_url}/{prefix}subscribe/")
    status = page.locator("#filter-status")
    for query, expected in FOLDED[prefix]:
        type_into(page, query)
        assert visible_titles(page) == expected, query
        assert len(visible_sections(page)) == 1, query
        expect(status).to_have_text(shown_text(page, len(expected), len(titles)), timeout=WAIT_MS)


@pytest.mark.browser
def test_enter_filters_without_leaving_the_page(watched, base_url):
    page = watched.page
    titles, _ = open_subscribe(page, f"{base_url}/en/subscribe/")
    address = page.url
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    field = page.locator("#filter-query")
    field.press_sequentially("microsoft")
    field.press("Enter")
    # Announced at once on Enter, without waiting for a pause in typing.
    assert page.locator("#filter-status").text_content() == f"Feeds and calendars shown: 1 of {len(titles)}"
    assert page.url == address and navigations == []
    assert visible_titles(page) == ["Microsoft"]


@pytest.mark.browser
def test_on_a_page_of_several_the_note_links_the_search_with_the_words(browser, paged_site):
    context = browser.new_context()
    page = Watched(context.new_page())
    with serve(paged_site) as url:
        titles, _ = open_subscribe(page.page, f"{url}/en/subscribe/page/2/")
        assert len(titles) == 20
        note = page.page.locator("#filter-note")
        assert note.is_visible() and " ".join(note.text_content().split()) == f"{NOTE} Search"
        assert page.page.locator("#filter-query").get_attribute("aria-describedby") == "filter-note"
        type_into(page.page, "Gəncə ")
        href = page.page.locator("#filter-search").evaluate("a => a.href")
        assert urlsplit(href).path == "/en/search/" and parse_qs(urlsplit(href).query) == {"q": ["Gəncə"]}
        type_into(page.page, "")
        href = page.page.locator("#filter-search").evaluate("a => a.href")
        assert href == f"{url}/en/search/"
    context.close()
    assert page.problems == []


@pytest.mark.parametrize("prefix", ["en/", ""])
@pytest.mark.browser
def test_without_javascript_the_box_is_not_shown(browser, base_url, paged_site, prefix):
    """Without a script the box could only send the words to the search page, which needs one
    too: a browser that runs no script (CSS "scripting: none") is not shown the box, and every
    channel stays listed."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/{prefix}subscribe/")
    assert page.locator("#filter").is_hidden()
    assert page.locator("#filter-status").is_hidden()
    channels = page.locator("main ul.channels > li")
    assert channels.count() > 0 and page.locator("main ul.channels > li:visible").count() == channels.count()
    with serve(paged_site) as url:  # nor the note, which only the script makes true
        page.goto(f"{url}/{prefix}subscribe/page/2/")
        assert page.locator("#filter-note").is_hidden()
    context.close()
