"""One timed build in a process of its own, for ``run``: the project's or vanilla Pelican's.

    python -m ngo_directory.bench.child ours --settings pelicanconf.py --content C --data D \\
        --output O --result R.json [--languages az,ru,en] [--cache FOLDER]
    python -m ngo_directory.bench.child vanilla --content C --output O --result R.json

The result file gets the build's wall time, its CPU time (the process's own, and that of the
processes it waited for: Pagefind), the peak resident memory of the process and of its largest
child, and, for the project's build, the time of every phase (``integration/timing.py``). The
project's build runs without its build cache (NGO_DIRECTORY_CACHE), as vanilla's runs without
Pelican's, unless ``--cache`` names the folder to keep it in.
"read" is Pelican reading the Markdown texts: from its ``initialized`` signal to the start of
"load and validate"; "other" is what no phase covers (Pelican's own generators and writer
setup, the schemas, the staging folder and the swap)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Vanilla Pelican with its stock theme (notmyidea) and stock feeds, at most 20 entries each.
# PLUGINS must be an empty list: left unset, Pelican would load every plugin in its namespace,
# this one included.
VANILLA: dict[str, Any] = {
    "SITENAME": "Synthetic directory",
    "SITEURL": "https://synthetic.example.org",
    "AUTHOR": "Synthetic editors",
    "TIMEZONE": "Asia/Baku",
    "DEFAULT_LANG": "az",
    "PLUGINS": [],
    "FEED_MAX_ITEMS": 20,
    "CACHE_CONTENT": False,
    "LOAD_CONTENT_CACHE": False,
    "DELETE_OUTPUT_DIRECTORY": False,
}
INITIALIZED = "initialized"
READ, OTHER = "read", "other"


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def _initialized(sender: object) -> None:
    from ..integration.timing import mark

    mark(INITIALIZED)


def timed(build: Callable[[], object]) -> dict[str, float]:
    cpu, children, wall = time.process_time(), _children_cpu(), time.perf_counter()
    build()
    return {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "children_cpu": _children_cpu() - children,
    }


def bench_settings(content: Path, data: Path, cache: Path | None = None) -> dict[str, Any]:
    """The settings our build of a synthetic directory overrides: its content and data folders,
    the build cache (off unless ``cache`` names its folder) and the page budgets."""
    overrides: dict[str, Any] = {
        "PATH": str(content),
        "NGO_DIRECTORY_DATA_PATH": str(data),
        "NGO_DIRECTORY_CACHE": cache is not None,
        # The bench times the build: it keeps the measuring of every page but lifts the limits,
        # so that a synthetic page over budget (none at M since organisation pages list at most
        # ten meetings and press releases) never stops a measurement.
        "NGO_DIRECTORY_PAGE_BUDGETS": {"page": 10**9, "record": 10**9},
    }
    if cache is not None:
        overrides["CACHE_PATH"] = str(cache)
    return overrides


def build_ours(
    settings_file: Path,
    content: Path,
    data: Path,
    output: Path,
    languages: list[str] | None,
    cache: Path | None = None,
) -> dict[str, Any]:
    from pelican import signals

    from ..integration.build import build_site
    from ..integration.timing import RECORDER

    RECORDER.enable()
    signals.initialized.connect(_initialized)
    overrides = bench_settings(content, data, cache)
    if languages:
        overrides["NGO_DIRECTORY_LANGUAGES"] = languages
    total = timed(lambda: build_site(settings_file, output, overrides))
    phases: dict[str, dict[str, float]] = {}
    read = RECORDER.since(INITIALIZED, "load and validate")
    if read is not None:
        phases[READ] = {"wall": read[0], "cpu": read[1], "children_cpu": 0.0}
    phases.update(RECORDER.as_json())
    phases[OTHER] = {
        key: total[key] - sum(float(phase[key]) for phase in phases.values())
        for key in ("wall", "cpu", "children_cpu")
    }
    return {"total": total, "phases": phases}


def build_vanilla(content: Path, output: Path) -> dict[str, Any]:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(None, override={**VANILLA, "PATH": str(content), "OUTPUT_PATH": str(output)})
    return {"total": timed(lambda: Pelican(settings).run())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["ours", "vanilla"])
    parser.add_argument("--settings", type=Path)
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--languages", help="comma-separated")
    parser.add_argument("--cache", type=Path, help="use the build cache, kept in this folder")
    args = parser.parse_args(argv)
    if args.kind == "ours":
        languages = args.languages.split(",") if args.languages else None
        result = build_ours(args.settings, args.content, args.data, args.output, languages, args.cache)
    else:
        result = build_vanilla(args.content, args.output)
    # ru_maxrss is in KiB on Linux: this process's peak, and the largest of its children's.
    result["peak_rss"] = {
        "process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
    }
    args.result.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
