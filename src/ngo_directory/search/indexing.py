"""Build the Pagefind search index of a freshly written site.

Pagefind reads the HTML files and writes its bundle (index chunks, the search script, a worker
and WebAssembly) into the site. Only pages marked ``data-pagefind-body`` are indexed: the first
page of each record and each press release, in every language; each language gets its own
index, chosen by the search page's ``<html lang>``.

Pagefind runs as its own process (the binary from the ``pagefind[bin]`` wheel), so indexing
works the same inside and outside an asyncio event loop; the build runs it once everything
else is written."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

logger = logging.getLogger(__name__)
# Pagefind's ready-made interfaces: the search page has its own (theme/static/js/search.js), so
# these are never loaded and are not published.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


class IndexingFailed(RuntimeError):
    """Pagefind could not index the site."""


class Indexing:
    """Pagefind indexing a written site in its own process (its output read as it comes, so
    that a full pipe never stops it)."""

    def __init__(self, site: Path, bundle_path: str):
        self.site, self.bundle_path = site, bundle_path
        self.started = time.perf_counter()
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
        self.process = subprocess.Popen(  # noqa: S603 (our own arguments)
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        # Its output is read as it comes, so that a full pipe never stops it.
        self.output: list[bytes] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout as stream:
            for line in stream:
                self.output.append(line)

    def finish(self) -> dict[str, int]:
        """Wait for Pagefind; the number of pages indexed in each language. Raises
        IndexingFailed when it could not index the site."""
        status = self.process.wait()
        self.reader.join()
        output = b"".join(self.output).decode("utf-8", "replace").strip()[-2000:]
        bundle = self.site / self.bundle_path
        entry = bundle / "pagefind-entry.json"
        if status or not entry.is_file():
            raise IndexingFailed(f"Pagefind could not index {self.site} (exit status {status}):\n{output}")
        for pattern in UNUSED:
            for path in bundle.glob(pattern):
                path.unlink()
        languages = json.loads(entry.read_text("utf-8"))["languages"]
        pages = {language: int(info["page_count"]) for language, info in sorted(languages.items())}
        logger.info(
            "Indexed %s pages for search in %.1f s",
            ", ".join(f"{count} {language}" for language, count in pages.items()),
            time.perf_counter() - self.started,
        )
        return pages


def index_site(site: Path, bundle_path: str) -> dict[str, int]:
    """Index the site at ``site`` into ``site / bundle_path``: the number of pages indexed in
    each language."""
    return Indexing(site, bundle_path).finish()
