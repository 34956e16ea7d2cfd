"""Build the Pagefind search index of a freshly written site.

Pagefind reads the HTML files and writes its bundle (index chunks, the search script, a worker
and WebAssembly) into the site. Only pages marked ``data-pagefind-body`` are indexed: the first
page of each record and each press release, in every language.

Each language gets a bundle of its own, ``<search path><language>/``, written by a Pagefind run
of its own over that language's files only: Pagefind holds every page it indexes in memory
(about 200 KB a page), so indexing one language at a time keeps the build's peak memory to the
largest language's instead of the sum of all three, for the same total time. The search page of
a language loads only its language's bundle, as it did before from the shared one.

Pagefind runs as its own process (the binary from the ``pagefind[bin]`` wheel), so indexing
works the same inside and outside an asyncio event loop."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

logger = logging.getLogger(__name__)
# Pagefind's ready-made interfaces: the search page has its own (theme/static/js/search.js), so
# these are never loaded and are not published.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
_GLOB_SPECIAL = re.compile(r"([\\{}\[\]*?,!<>:])")


class IndexingFailed(RuntimeError):
    """Pagefind could not index the site."""


def language_globs(pages: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Pagefind's ``--glob`` for each language, given (language, save_as) of every page: the
    top-level files and folders that hold the language's pages (the default language's are at
    the root, the others' under their prefix, and reserved names keep them apart)."""
    tops: dict[str, set[str]] = defaultdict(set)
    for language, save_as in pages:
        first, _, rest = save_as.partition("/")
        first = _GLOB_SPECIAL.sub(r"\\\1", first)
        tops[language].add(f"{first}/**/*.html" if rest else first)
    return {language: "{" + ",".join(sorted(parts)) + "}" for language, parts in sorted(tops.items())}


def index_site(site: Path, bundle_path: str, globs: Mapping[str, str]) -> dict[str, int]:
    """Index each language's pages of the site at ``site`` (``globs``, from ``language_globs``)
    into ``site / bundle_path / language``: the number of pages indexed in each language."""
    started = time.perf_counter()
    pages = {}
    for language, glob in sorted(globs.items()):
        pages[language] = _index_language(site, f"{bundle_path}{language}/", language, glob)
    logger.info(
        "Indexed %s pages for search in %.1f s",
        ", ".join(f"{count} {language}" for language, count in pages.items()),
        time.perf_counter() - started,
    )
    return pages


def _index_language(site: Path, bundle_path: str, language: str, glob: str) -> int:
    bundle = site / bundle_path
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        bundle_path,
        "--glob",
        glob,
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our own arguments)
    entry = bundle / "pagefind-entry.json"
    if result.returncode or not entry.is_file():
        output = (result.stderr or result.stdout).strip()[-2000:]
        raise IndexingFailed(
            f"Pagefind could not index the {language} pages of {site} "
            f"(exit status {result.returncode}):\n{output}"
        )
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    languages = json.loads(entry.read_text("utf-8"))["languages"]
    if set(languages) - {language}:
        raise IndexingFailed(
            f"Pagefind found pages in {', '.join(sorted(set(languages) - {language}))} among the "
            f"{language} pages of {site} ({glob}): each language's pages must be in folders of their own"
        )
    return int(languages.get(language, {}).get("page_count", 0))
