"""Build the Pagefind search index of a freshly written site.

Pagefind reads the HTML files and writes its bundle (index chunks, the search script, a worker
and WebAssembly) into the site. Only pages marked ``data-pagefind-body`` are indexed: the first
page of each record and each press release, in every language.

Each language gets a bundle of its own, ``<search path><language>/``; the search page of a
language loads only its language's bundle. Pagefind holds every page it indexes in memory until
it writes the index (150-250 KB a page), so a language's marked pages are indexed in parts of at
most ``PART_PAGES`` pages, one Pagefind run each over a folder of links to the part's pages, and
the parts' indexes are joined into the language's bundle (merge.py): the same index, ranking
the same, as one run over all the pages, with the build's peak memory that of one part. Pages
are indexed in the order of their paths, so pages that score the same come in that order.

Pagefind runs as its own process (the binary from the ``pagefind[bin]`` wheel), so indexing
works the same inside and outside an asyncio event loop."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from .merge import MergeFailed, merge

logger = logging.getLogger(__name__)
# Pagefind's ready-made interfaces: the search page has its own (theme/static/js/search.js), so
# these are never loaded and are not published.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
_GLOB_SPECIAL = re.compile(r"([\\{}\[\]*?,!<>:])")
# Pages a Pagefind run indexes at most: about 150-250 KB of memory each, so 2,000 pages keep a
# run under half a gigabyte.
PART_PAGES = 2_000
_MARKED = re.compile(rb"<main\b[^>]*\sdata-pagefind-body[\s>=]")


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


def index_site(site: Path, bundle_path: str, pages: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Index each language's pages of the site at ``site`` into ``site / bundle_path /
    language``: the number of pages indexed in each language. ``pages`` are (language, save_as)
    of the site's pages, of which those marked ``data-pagefind-body`` are indexed; a language
    with no marked page is indexed whole, by its glob (``language_globs``)."""
    started = time.perf_counter()
    pages = list(pages)
    marked = _marked_pages(site, pages)
    counts = {}
    for language, glob in sorted(language_globs(pages).items()):
        counts[language] = _index_language(
            site, f"{bundle_path}{language}/", language, glob, marked.get(language, [])
        )
    logger.info(
        "Indexed %s pages for search in %.1f s",
        ", ".join(f"{count} {language}" for language, count in counts.items()),
        time.perf_counter() - started,
    )
    return counts


def _marked_pages(site: Path, pages: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """The pages of each language marked for indexing, in the order of their paths."""
    marked: dict[str, list[str]] = defaultdict(list)
    for language, save_as in sorted(set(pages)):
        path = site / save_as
        if path.suffix == ".html" and path.is_file() and _MARKED.search(path.read_bytes()):
            marked[language].append(save_as)
    return marked


def _index_language(site: Path, bundle_path: str, language: str, glob: str, marked: list[str]) -> int:
    bundle = site / bundle_path
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site) as work:
        if not marked:
            _run_pagefind(
                site, ["--site", str(site), "--output-subdir", bundle_path, "--glob", glob], language
            )
        else:
            parts = [marked[start : start + PART_PAGES] for start in range(0, len(marked), PART_PAGES)]
            # One part's index is the language's; more are joined into it.
            outputs = [bundle] if len(parts) == 1 else [Path(work) / f"index-{n}" for n in range(len(parts))]
            shutil.rmtree(bundle, ignore_errors=True)
            for number, (part, output) in enumerate(zip(parts, outputs, strict=True)):
                source = Path(work) / f"pages-{number}"
                _link(site, part, source)
                _run_pagefind(site, ["--site", str(source), "--output-path", str(output)], language)
                shutil.rmtree(source)
            if len(outputs) > 1:
                try:
                    merge(outputs, bundle)
                except MergeFailed as error:
                    raise IndexingFailed(
                        f"Pagefind's indexes of the {language} pages of {site} could not be joined: {error}"
                    ) from error
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        raise IndexingFailed(f"Pagefind wrote no index of the {language} pages of {site}")
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


def _link(site: Path, pages: list[str], folder: Path) -> None:
    """A folder of links to the given pages of the site, at the same paths (their URLs)."""
    for save_as in pages:
        target = folder / save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / save_as, target)
        except OSError:
            shutil.copyfile(site / save_as, target)


def _run_pagefind(site: Path, arguments: list[str], language: str) -> None:
    command = [sys.executable, "-m", "pagefind", *arguments, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our own arguments)
    if result.returncode:
        output = (result.stderr or result.stdout).strip()[-2000:]
        raise IndexingFailed(
            f"Pagefind could not index the {language} pages of {site} "
            f"(exit status {result.returncode}):\n{output}"
        )
