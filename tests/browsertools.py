"""Serve a built site over HTTP and drive it in headless Chromium (Debian's, through Playwright).

Without Chromium or Playwright the browser tests skip with the reason; with ``CI`` set they fail
instead, so that a CI run can never pass without having run them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ngo_directory.bench.screenshots import CHROMIUM_ARGS, served

CHROMIUM = Path(os.environ.get("NGO_DIRECTORY_CHROMIUM", "/usr/bin/chromium"))
# The rules axe checks: WCAG 2.1 A and AA.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so browser tests must run)")
    pytest.skip(reason)


# The site's own static server (the screenshots tool's): a free port of 127.0.0.1, quiet.
serve = served


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser; skips (or fails in CI) when there is none."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.is_file():
        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set NGO_DIRECTORY_CHROMIUM)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Watched:
    """A page that records console errors and warnings, uncaught errors and failed requests."""

    def __init__(self, page: Any):
        self.page = page
        self.problems: list[str] = []
        page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        page.on("dialog", lambda d: self.problems.append(f"dialog: {d.message}"))


def axe_violations(page: Any) -> str:
    """axe-core's report of the WCAG 2.1 A and AA violations on a page ('' when none)."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options=WCAG_21_AA)
    return "" if result.violations_count == 0 else str(result.generate_report())
