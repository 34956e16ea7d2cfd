"""Generate a synthetic directory and build it, pair by pair, with the project and with vanilla
Pelican, each build in a child process of its own (``child``); report the figures as a table
and as JSON.

Each pair runs both builds, the project's first in odd pairs and vanilla's first in even ones,
into a fresh output folder (deleting the previous one is not timed). Vanilla builds the same
Markdown press releases with no records: its stock theme, its stock feeds (at most 20 entries)
and no search. The project's build always writes its feeds, calendars and search index.

Figures per build: wall and CPU time of the build itself (in the child, from the call that
builds to its return; CPU includes the processes it waited for, Pagefind), the peak resident
memory of the build's process and of Pagefind, read with ``getrusage`` in the child; the peak of
the whole tree (the largest of them) as the parent sees it with ``wait4``; the HTML pages,
files and bytes written. The time the child takes to start and import is in ``process_wall``.

Then (unless told not to) the rebuild a contributor's change makes: the project's build once with
its build cache into a folder of its own, one press release edited, and the same build again,
with the cache warm and the previous site in place; it reports both times and how many files
the rebuild kept as they were."""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .child import OTHER, READ
from .generate import EPOCH, SHAPES, SIZES, Shape, generate

# The phases of the project's build, in the order they run (integration/timing.py names them).
PHASES = (
    READ,
    "load and validate",
    "content and plan",
    "render and write",
    "feeds and calendars",
    "search index",
    OTHER,
)
OURS, VANILLA = "ours", "vanilla"
NOTES = (
    "Our build includes feeds and calendars (NGO_DIRECTORY_FEED_ITEMS entries each) and the Pagefind "
    "search index, which it cannot turn off; vanilla Pelican builds only the press releases, with its "
    "stock notmyidea theme, its stock feeds (FEED_MAX_ITEMS = 20) and no search.",
    "Pairs alternate which build runs first. Wall and CPU time are the build's own, from the call "
    "that builds to its return; CPU includes Pagefind's. Peak MiB is the largest process of the "
    "build's tree (wait4); Pagefind MiB is Pagefind's alone, which runs while the build's process "
    "waits for it.",
)


class BenchFailed(RuntimeError):
    """A build failed; the message ends with its output."""


def machine() -> dict[str, Any]:
    """The machine and the versions the figures were measured with."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text("utf-8", "replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text("utf-8", "replace").splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    return {
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": model or platform.processor(),
        "memory_bytes": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pelican": importlib.metadata.version("pelican"),
        "pagefind": importlib.metadata.version("pagefind"),
    }


def written(folder: Path) -> dict[str, int]:
    """HTML pages, files and bytes under ``folder``."""
    pages = files = size = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            files += 1
            pages += name.endswith(".html")
            size += os.stat(os.path.join(parent, name)).st_size
    return {"pages": pages, "files": files, "bytes": size}


def filtered_content(content: Path, target: Path, languages: Sequence[str]) -> int:
    """Copy the Markdown files of ``content`` written in one of ``languages`` (their ``Lang``)
    into ``target``; the number copied."""
    copied = 0
    for source in sorted(content.rglob("*.md")):
        header = source.read_text("utf-8").split("\n\n", 1)[0]
        lang = next((line[5:].strip() for line in header.splitlines() if line.startswith("Lang:")), "")
        if lang in languages:
            destination = target / source.relative_to(content)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            copied += 1
    return copied


def run_child(arguments: list[str], log: Path) -> tuple[dict[str, Any], float, int, float]:
    """Run one build in a child process: its result, wall time from start to exit, and the
    peak resident memory (bytes) and CPU seconds of the process and the children it waited for."""
    result = log.with_suffix(".json")
    command = [sys.executable, "-m", "ngo_directory.bench.child", *arguments, "--result", str(result)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    with log.open("wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)  # noqa: S603 (our own module and arguments)
        # wait4 gives this child's own resource usage (with its waited-for children), where
        # getrusage(RUSAGE_CHILDREN) would sum every build this process has run so far.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode or not result.is_file():
        tail = log.read_text("utf-8", "replace")[-3000:]
        raise BenchFailed(
            f"{' '.join(arguments[:1])} build failed (exit status {process.returncode}):\n{tail}"
        )
    return (
        json.loads(result.read_text("utf-8")),
        wall,
        usage.ru_maxrss * 1024,
        usage.ru_utime + usage.ru_stime,
    )


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def run_bench(
    size: str,
    pairs: int,
    settings_file: Path,
    vocabularies: Path,
    *,
    languages: Sequence[str] | None = None,
    seed: int = 0,
    shape: Shape = SHAPES["national"],
    keep: Path | None = None,
    rebuild: bool = True,
    progress: Callable[[str], None] = lambda line: None,
) -> dict[str, Any]:
    """Generate the directory of ``size`` and build it ``pairs`` times with each builder; the
    report as JSON-ready data. Everything is written under ``keep`` if given (it must be empty or
    absent; the last build of each kind stays there), else in a temporary folder removed after."""
    settings_file = settings_file.resolve()
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="ngo-directory-bench-") as folder:
            return _run(
                size,
                pairs,
                settings_file,
                vocabularies,
                languages,
                seed,
                shape,
                Path(folder),
                rebuild,
                progress,
            )
    if keep.exists() and any(keep.iterdir()):
        raise FileExistsError(f"{keep} is not empty")
    keep.mkdir(parents=True, exist_ok=True)
    return _run(
        size, pairs, settings_file, vocabularies, languages, seed, shape, keep.resolve(), rebuild, progress
    )


def _run(
    size: str,
    pairs: int,
    settings_file: Path,
    vocabularies: Path,
    languages: Sequence[str] | None,
    seed: int,
    shape: Shape,
    work: Path,
    rebuild: bool,
    progress: Callable[[str], None],
) -> dict[str, Any]:
    directory = work / "directory"
    load_before = os.getloadavg()
    started = time.perf_counter()
    generated = generate(directory, SIZES[size], vocabularies, seed, shape)
    counts = generated.as_json()
    progress(
        f"generated size {size} in {time.perf_counter() - started:.1f} s: {counts['ngos']:,} NGOs, "
        f"{counts['partners']:,} partners, {counts['meetings']:,} meetings, {counts['programmes']:,} "
        f"programmes, {counts['releases']:,} press releases in {counts['release_files']:,} files; "
        f"{_places(counts)}, {counts['themes']} themes"
    )
    content, data = directory / "content", directory / "ngo_data"
    if languages:
        content = work / f"content-{'-'.join(languages)}"
        counts["release_files_built"] = filtered_content(directory / "content", content, languages)
        progress(f"{counts['release_files_built']:,} press-release files in {', '.join(languages)}")
    logs = work / "logs"
    logs.mkdir()
    runs: list[dict[str, Any]] = []
    ratios: list[float] = []
    for pair in range(1, pairs + 1):
        order = (OURS, VANILLA) if pair % 2 else (VANILLA, OURS)
        walls: dict[str, float] = {}
        for kind in order:
            output = work / f"output-{kind}"
            shutil.rmtree(output, ignore_errors=True)
            arguments = [kind, "--content", str(content), "--output", str(output)]
            if kind == OURS:
                arguments += _ours(settings_file, data, languages)
            load = os.getloadavg()[0]
            result, process_wall, tree_rss, tree_cpu = run_child(arguments, logs / f"{kind}-{pair}.log")
            total = result["total"]
            run: dict[str, Any] = {
                "pair": pair,
                "build": kind,
                "wall": total["wall"],
                "cpu": total["cpu"] + total["children_cpu"],
                "process_wall": process_wall,
                "process_tree_cpu": tree_cpu,
                "peak_rss_bytes": tree_rss,
                "build_process_rss_bytes": result["peak_rss"]["process"],
                "children_rss_bytes": result["peak_rss"]["children"],
                "load_average": [load, os.getloadavg()[0]],  # 1 minute, before and after
                **written(output),
            }
            if "phases" in result:
                run["phases"] = result["phases"]
            runs.append(run)
            walls[kind] = total["wall"]
            progress(f"pair {pair}/{pairs}: {kind} {total['wall']:.1f} s")
        ratios.append(walls[OURS] / walls[VANILLA])
        progress(f"pair {pair}/{pairs}: ours / vanilla = {ratios[-1]:.2f}")
    rebuilt = None
    if rebuild:
        rebuilt = _rebuild(
            work, content, [*_ours(settings_file, data, languages), "--cache", str(work / "cache")]
        )
        progress(
            f"rebuild after one edit: {rebuilt['wall']:.1f} s (the first build {rebuilt['first_wall']:.1f} s)"
        )
    return {
        "size": size,
        "pairs": pairs,
        "languages": list(languages) if languages else None,
        "settings": str(settings_file),
        "generated": counts,
        "machine": machine(),
        # Other work on the machine while the builds ran skews their times: 1, 5 and 15 minutes.
        "load_average": {"before": list(load_before), "after": list(os.getloadavg())},
        "runs": runs,
        "medians": {kind: _medians([r for r in runs if r["build"] == kind]) for kind in (OURS, VANILLA)},
        "ratios": ratios,
        "median_ratio": _median(ratios),
        "rebuild": rebuilt,
        "notes": list(NOTES),
    }


def _places(counts: dict[str, Any]) -> str:
    return "every place" if counts["places"] is None else f"{counts['places']} places"


def _ours(settings_file: Path, data: Path, languages: Sequence[str] | None) -> list[str]:
    """The child's arguments that only the project's build takes."""
    arguments = ["--settings", str(settings_file), "--data", str(data)]
    return [*arguments, "--languages", ",".join(languages)] if languages else arguments


EDIT = "\n\nOne more paragraph, added to time a rebuild.\n"


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file of ``folder`` and which file it is: its inode and modification time."""
    found = {}
    for parent, _folders, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            status = os.lstat(path)
            found[path] = (status.st_ino, status.st_mtime_ns)
    return found


def _rebuild(work: Path, content: Path, ours: list[str]) -> dict[str, Any]:
    """Build with a cold cache, edit the first press release, build again into the same folder
    with the cache warm: both times, and the files the rebuild kept."""
    output, logs = work / "output-rebuild", work / "logs"
    arguments = [OURS, "--content", str(content), "--output", str(output), *ours]
    first, *_ = run_child(arguments, logs / "rebuild-first.log")
    edited = sorted((content / "press").rglob("*.md"))[0]
    with edited.open("a", encoding="utf-8") as stream:
        stream.write(EDIT)
    before = _files(output)
    second, *_ = run_child(arguments, logs / "rebuild-second.log")
    after = _files(output)
    return {
        "edited": edited.relative_to(content).as_posix(),
        "first_wall": first["total"]["wall"],
        "wall": second["total"]["wall"],
        "files_kept": sum(1 for path, identity in after.items() if before.get(path) == identity),
        "files": len(after),
        "phases": second["phases"],
    }


def _medians(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    keys = ("wall", "cpu", "process_wall", "peak_rss_bytes", "children_rss_bytes", "pages", "files", "bytes")
    medians: dict[str, Any] = {key: _median([r[key] for r in runs]) for key in keys}
    if runs and "phases" in runs[0]:
        medians["phases"] = {
            name: {
                key: _median(
                    [
                        r["phases"][name][key] + (r["phases"][name]["children_cpu"] if key == "cpu" else 0)
                        for r in runs
                        if name in r["phases"]
                    ]
                )
                for key in ("wall", "cpu")
            }
            for name in PHASES
            if any(name in r["phases"] for r in runs)
        }
    return medians


def _mib(value: float) -> str:
    return f"{value / 2**20:,.0f}"


COLUMNS = (("wall s", 9), ("CPU s", 9), ("peak MiB", 10), ("Pagefind MiB", 14), ("pages", 9), ("files", 9))


def _row(label: str, run: dict[str, Any]) -> str:
    values = (
        f"{run['wall']:.1f}",
        f"{run['cpu']:.1f}",
        _mib(run["peak_rss_bytes"]),
        _mib(run["children_rss_bytes"]),
        f"{run['pages']:,.0f}",
        f"{run['files']:,.0f}",
    )
    cells = "".join(f"{value:>{width}}" for value, (_, width) in zip(values, COLUMNS, strict=True))
    return f"{label:<18}{cells}{run['bytes'] / 1e6:>9.1f}"


def table(report: dict[str, Any]) -> str:
    """The report as plain-text tables."""
    counts, box = report["generated"], report["machine"]
    languages = ", ".join(report["languages"]) if report["languages"] else "the settings' languages"
    built = counts.get("release_files_built", counts["release_files"])
    shape = "with a long tail" if counts["long_tail"] else "evenly"
    lines = [
        f"ngo-directory bench, size {report['size']}, seed {counts['seed']}: {counts['ngos']:,} NGOs, "
        f"{counts['partners']:,} partners, {counts['meetings']:,} meetings, {counts['programmes']:,} "
        f"programmes, {counts['releases']:,} press releases ({built:,} files built); {_places(counts)} "
        f"and {counts['themes']} themes, spread {shape}; languages: {languages}",
        f"machine: {box['cores']} cores, {box['cpu']}, {box['memory_bytes'] / 2**30:.1f} GiB; "
        f"Python {box['python']}, Pelican {box['pelican']}, Pagefind {box['pagefind']}; load average "
        f"{report['load_average']['before'][0]:.2f} before, {report['load_average']['after'][0]:.2f} after",
        "",
        f"{'build':<18}" + "".join(f"{name:>{width}}" for name, width in COLUMNS) + f"{'MB':>9}",
    ]
    lines += [_row(f"{run['build']}, pair {run['pair']}", run) for run in report["runs"]]
    lines += [_row(f"{kind}, median", report["medians"][kind]) for kind in (OURS, VANILLA)]
    phases = report["medians"][OURS].get("phases", {})
    if phases:
        lines += ["", f"{'our build by phase (median)':<30}{'wall s':>9}{'CPU s':>9}{'share':>8}"]
        total = report["medians"][OURS]["wall"] or 1.0
        for name, figures in phases.items():
            share = figures["wall"] / total
            lines.append(f"{name:<30}{figures['wall']:>9.1f}{figures['cpu']:>9.1f}{share:>8.0%}")
    ratios = ", ".join(f"pair {i} {ratio:.2f}" for i, ratio in enumerate(report["ratios"], 1))
    lines += ["", f"ours / vanilla, wall time: {ratios}; median {report['median_ratio']:.2f}"]
    if rebuilt := report.get("rebuild"):
        read = rebuilt["phases"].get(READ, {}).get("wall", 0.0)
        lines.append(
            f"rebuild after editing {rebuilt['edited']} (build cache warm, previous site in place): "
            f"{rebuilt['wall']:.1f} s, {rebuilt['wall'] / rebuilt['first_wall']:.0%} of the first build "
            f"with a cold cache ({rebuilt['first_wall']:.1f} s; reading {read:.1f} s); "
            f"{rebuilt['files_kept']:,} of {rebuilt['files']:,} files kept"
        )
    lines.append("")
    return "\n".join([*lines, *(textwrap.fill(note, 100) for note in report["notes"])])
