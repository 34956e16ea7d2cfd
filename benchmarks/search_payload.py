"""What a browser downloads to search: the search page itself, then a first and a second query.

    .venv/bin/python benchmarks/search_payload.py                 # the sample site, built fresh
    .venv/bin/python benchmarks/search_payload.py --site output   # an already built site

Bytes are counted by the web server for every file it sends (the worker's and WebAssembly's
requests included), in a fresh browser profile with an empty cache. "gzip" is the same files
compressed at level 6, as a web server configured to compress would send them; Pagefind's index
and fragment files are already compressed, so they count the same in both columns.
Needs Chromium (apt-get install chromium)."""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsertools import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from ngo_directory.integration.build import build_site  # noqa: E402


class CountingHandler(SimpleHTTPRequestHandler):
    served: list[Path]
    lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        result = super().send_head()
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            path = path / "index.html"
        if result is not None and path.is_file():
            with self.lock:
                self.served.append(path)
        return result


@contextmanager
def counting_server(site: Path) -> Iterator[tuple[str, list[Path]]]:
    served: list[Path] = []
    handler = type("Handler", (CountingHandler,), {"served": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", served
    finally:
        server.shutdown()
        server.server_close()


def weigh(files: list[Path]) -> tuple[int, int, int]:
    """(files, bytes, bytes gzipped) of what was served."""
    raw = sum(f.stat().st_size for f in files)
    zipped = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return len(files), raw, zipped


def measure(site: Path, prefix: str = "", queries: tuple[str, ...] = ("mingecevir", "gence")) -> list[str]:
    """Lines of a report for the search page of one language."""
    from playwright.sync_api import expect, sync_playwright

    lines = []
    with counting_server(site) as (url, served), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.goto(f"{url}/{prefix}search/")
        page.wait_for_load_state("networkidle")
        steps = [("search page", list(served))]
        for number, query in enumerate(queries):
            before = len(served)
            page.locator("#search-query").fill(query)
            page.locator("#search-query").press("Enter")
            expect(page.locator("#search-status")).to_have_text(re.compile(r"[^…]$"), timeout=30_000)
            page.wait_for_load_state("networkidle")
            label = "first query" if number == 0 else "next query"
            count = page.locator("#search-results > li").count()
            steps.append((f"{label} {query!r} ({count} shown)", served[before:]))
        browser.close()
    for label, files in steps:
        number, raw, zipped = weigh(files)
        lines.append(f"{label:<34} {number:>3} files {raw / 1e3:>8.1f} KB {zipped / 1e3:>8.1f} KB gzip")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("--prefix", default="", help="language prefix such as ru/ (default: az)")
    args = parser.parse_args()
    if args.site:
        print("\n".join(measure(args.site, args.prefix)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(ROOT / "pelicanconf.py", Path(tmp) / "output")
        print("\n".join(measure(site, args.prefix)))


if __name__ == "__main__":
    main()
