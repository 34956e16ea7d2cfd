"""axe-core (bundled by axe-playwright-python) in headless Chromium: no WCAG 2.1 A or AA
violation on the search page with results shown, the home page, and a page of every kind, in
the light colour scheme and the dark one (prefers-color-scheme)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from browsertools import Watched, axe_violations, chromium, serve

pytestmark = [pytest.mark.site, pytest.mark.browser, pytest.mark.usefixtures("fixed_date")]

PAGES = [
    "",
    "ru/",
    "en/",
    "ngos/",
    "ngos/ismayilli-women/",
    "ru/ngos/youth-house/",
    "partners/",
    "partners/isar/",
    "en/partners/oxfam/",
    "meetings/",
    "meetings/isar-first-regional-ngo-meeting-mingachevir-2000/",
    "press/",
    "press/isar-first-regional-ngo-meeting/",
    "ru/press/isar-first-regional-ngo-meeting/",
    "regions/",
    "regions/mingachevir/",
    "themes/",
    "themes/youth/",
    "subscribe/",
    "about-the-directory/",
    "search/",
    "programmes/",
    "programmes/national-pc-project/",
    "who-does-what/",
    "who-does-what/sheki/",
    "series/isar-regional-ngo-meetings/",
    "months/2000-12/",
    "data/",
]
# One page of each kind, read again in the dark colour scheme.
DARK = [
    "",
    "ngos/",
    "ru/ngos/youth-house/",
    "en/partners/oxfam/",
    "meetings/isar-first-regional-ngo-meeting-mingachevir-2000/",
    "press/isar-first-regional-ngo-meeting/",
    "regions/mingachevir/",
    "subscribe/",
    "programmes/national-pc-project/",
    "who-does-what/",
    "search/",
]
SEARCHES = ["search/?q=gence", "ru/search/?q=Mingachevir&region=Мингечевир", "en/search/?kind=NGOs"]


@pytest.fixture(scope="module")
def served(search_site):
    with serve(search_site) as url, chromium() as browser:
        yield url, browser


violations = axe_violations


def check(served: tuple[str, Any], path: str, with_results: bool = False, scheme: str = "light") -> None:
    """Open a page (on a search page, wait for its results) and run axe on it."""
    from playwright.sync_api import expect

    url, browser = served
    context = browser.new_context(color_scheme=scheme)
    page = Watched(context.new_page())
    page.page.goto(f"{url}/{path}")
    if with_results:
        expect(page.page.locator("#search-status")).to_have_text(re.compile(r"[^…]$"), timeout=15_000)
        assert page.page.locator("#search-results > li").count() > 0
    assert violations(page.page) == ""
    context.close()
    assert page.problems == []


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violation(served, path):
    check(served, path)


@pytest.mark.parametrize("path", DARK)
def test_page_has_no_wcag_violation_in_the_dark(served, path):
    check(served, path, scheme="dark")


@pytest.mark.parametrize("path", SEARCHES)
def test_search_page_with_results_has_no_wcag_violation(served, path):
    check(served, path, with_results=True)


def test_the_checker_reports_violations(served):
    """axe really runs: a page with an unlabelled field and an image without text fails."""
    _, browser = served
    page = browser.new_page()
    page.set_content('<!doctype html><html><body><input type="text"><img src="data:,"></body></html>')
    report = violations(page)
    page.close()
    assert "label" in report and "image-alt" in report, report
