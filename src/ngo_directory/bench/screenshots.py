"""Screenshots of a built site for review: the home page and one page of each kind, on a phone
(360 x 740) and a desktop (1280 x 800) screen, in every language, in headless Chromium; with a
repository, the contribute page and the NGO form, empty and filled in from the first NGO.

Which record or press release stands for its kind is read from the built site (the first in
its folder), so the tool works on any directory. Playwright is a development dependency: the
command says so when it is missing."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SCREENS = {"360": (360, 740), "1280": (1280, 800)}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Page kinds: a list's folder, and whether one of its records stands for the kind's own pages.
LISTS = {
    "ngos": "ngo",
    "partners": "partner",
    "meetings": "meeting",
    "programmes": "programme",
    "regions": "region",
    "themes": "theme",
    "press": "press-release",
}
SINGLE = {
    "home": "",
    "search": "search/",
    "subscribe": "subscribe/",
    "who": "who-does-what/",
    "data": "data/",
    "contribute": "contribute/",
    "form": "contribute/form/",
}
# The NGO form, filled in from a record: shown once its script says it is ready.
FORM = "contribute/form/"
READY = "#record-form[data-ready]"


class ScreenshotsFailed(Exception):
    """Something the screenshots need is missing: Playwright, Chromium, or a built site."""


def pages_of(site: Path, prefix: str = "") -> dict[str, str]:
    """Page kind -> address (relative to the site's root) of the pages to show, in the language
    whose folder is ``prefix`` ('' or 'ru/')."""
    found = {
        kind: prefix + path
        for kind, path in SINGLE.items()
        if (site / prefix / path / "index.html").is_file()
    }
    for folder, kind in LISTS.items():
        base = site / prefix / folder
        if not (base / "index.html").is_file():
            continue
        found[folder] = f"{prefix}{folder}/"
        records = sorted(p.name for p in base.iterdir() if p.is_dir() and p.name != "page")
        if records:
            found[kind] = f"{prefix}{folder}/{records[0]}/"
            if kind == "ngo" and "form" in found:
                found["form-ngo"] = f"{prefix}{FORM}?record={records[0]}"
    return found


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1; yields the base URL (without a final '/')."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def take(
    site: Path, target: Path, prefixes: dict[str, str], scheme: str = "light", browser: Any = None
) -> list[Path]:
    """Screenshots of ``site`` into ``target``/<language>/<kind>-<width>.png, one language per
    (language, folder prefix) of ``prefixes``, in ``browser`` (a Playwright browser) or a
    Chromium of its own; returns the files written."""
    if not (site / "index.html").is_file():
        raise ScreenshotsFailed(f"no site in {site}: build it first (make html)")
    if browser is not None:
        with served(site) as base:
            return _photograph(browser, base, target, site, prefixes, scheme)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise ScreenshotsFailed(
            "Playwright is not installed: run `make venv` (a development dependency)"
        ) from error
    chromium = Path(os.environ.get("NGO_DIRECTORY_CHROMIUM", "/usr/bin/chromium"))
    if not chromium.is_file():
        raise ScreenshotsFailed(
            f"no Chromium at {chromium}: apt-get install chromium, or set NGO_DIRECTORY_CHROMIUM"
        )
    with served(site) as base, sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            return _photograph(own, base, target, site, prefixes, scheme)
        finally:
            own.close()


def _photograph(
    browser: Any, base: str, target: Path, site: Path, prefixes: dict[str, str], scheme: str
) -> list[Path]:
    written: list[Path] = []
    for width, (w, h) in SCREENS.items():
        context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
        page = context.new_page()
        for language, prefix in prefixes.items():
            folder = target / language
            folder.mkdir(parents=True, exist_ok=True)
            for kind, address in pages_of(site, prefix).items():
                page.goto(f"{base}/{address}")
                if kind.startswith("form"):
                    page.wait_for_selector(READY)
                path = folder / f"{kind}-{width}.png"
                page.screenshot(path=str(path))
                written.append(path)
        context.close()
    return written
