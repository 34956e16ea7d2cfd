"""Build the Pagefind search index of a freshly written site.

Pagefind reads the HTML files and writes its bundle (index chunks, the search script, a worker
and WebAssembly) into the site. Only pages marked ``data-pagefind-body`` are indexed: the first
page of each record and each press release, in every language; each language gets its own
index, chosen by the search page's ``<html lang>``.

Pagefind runs as its own process (the binary from the ``pagefind[bin]`` wheel), so indexing
works the same inside and outside an asyncio event loop."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

logger = logging.getLogger(__name__)
# Pagefind's ready-made interfaces: the search page has its own (theme/static/js/search.js), so
# these are never loaded and are not published.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


class IndexingFailed(RuntimeError):
    """Pagefind could not index the site."""


def index_site(site: Path, bundle_path: str) -> dict[str, int]:
    """Index the site at ``site`` into ``site / bundle_path``: the number of pages indexed in
    each language."""
    bundle = site / bundle_path
    started = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        bundle_path,
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our own arguments)
    entry = bundle / "pagefind-entry.json"
    if result.returncode or not entry.is_file():
        output = (result.stderr or result.stdout).strip()[-2000:]
        raise IndexingFailed(f"Pagefind could not index {site} (exit status {result.returncode}):\n{output}")
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    languages = json.loads(entry.read_text("utf-8"))["languages"]
    pages = {language: int(info["page_count"]) for language, info in sorted(languages.items())}
    logger.info(
        "Indexed %s pages for search in %.1f s",
        ", ".join(f"{count} {language}" for language, count in pages.items()),
        time.perf_counter() - started,
    )
    return pages
