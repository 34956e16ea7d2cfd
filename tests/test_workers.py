"""Writing the site in several processes: the same bytes as in one, and nothing a worker says or
suffers is lost."""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path

import pytest

from ngo_directory.integration.workers import WorkerFailed, in_workers
from sitetools import ROOT, build, copy_project


def digest(site: Path) -> dict[str, str]:
    """benchmarks/site_digest.py's digest: every file meant to be reproducible, by path."""
    spec = importlib.util.spec_from_file_location("site_digest", ROOT / "benchmarks" / "site_digest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: dict[str, str] = module.digest(site)
    return found


pytestmark = pytest.mark.usefixtures("fixed_date")


def test_one_worker_or_two_write_the_same_site(tmp_path: Path) -> None:
    """Every stable file (README, "Safety": Pagefind's filter index varies run to run) is the
    same bytes whether one process writes the site or two share it."""
    data, content = copy_project(tmp_path)
    one = digest(build(tmp_path / "one", data, content, NGO_DIRECTORY_WORKERS=1))
    two = digest(build(tmp_path / "two", data, content, NGO_DIRECTORY_WORKERS=2))
    assert len(one) > 800
    assert one == two


def test_every_index_is_done_once_each_in_its_own_process(tmp_path: Path) -> None:
    def work(index: int, count: int) -> None:
        (tmp_path / f"{index}-of-{count}").write_text(str(os.getpid()), "utf-8")

    in_workers(work, 3)
    written = {path.name: path.read_text("utf-8") for path in tmp_path.iterdir()}
    assert sorted(written) == ["0-of-3", "1-of-3", "2-of-3"]
    assert written["0-of-3"] == str(os.getpid())
    assert len(set(written.values())) == 3


def test_what_a_worker_logs_is_logged_by_the_build(caplog: pytest.LogCaptureFixture) -> None:
    """A warning in a worker reaches the build's log, where it fails the build."""

    def work(index: int, count: int) -> None:
        if index == 1:
            logging.getLogger("pelican.writers").warning("worker %d of %d: a warning", index, count)

    with caplog.at_level(logging.WARNING):
        in_workers(work, 2)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("pelican.writers", logging.WARNING, "worker 1 of 2: a warning")
    ]


def test_a_failing_worker_fails_the_build() -> None:
    def work(index: int, count: int) -> None:
        if index == 1:
            raise ValueError("refusing to write 'x' outside the output folder")

    with pytest.raises(WorkerFailed, match="refusing to write 'x' outside the output folder"):
        in_workers(work, 2)


def test_a_worker_that_dies_fails_the_build() -> None:
    def work(index: int, count: int) -> None:
        if index == 1:
            os._exit(3)

    with pytest.raises(WorkerFailed, match="a worker process ended with status"):
        in_workers(work, 2)


def test_the_workers_phases_count_in_the_builds_figures() -> None:
    """With recording on (the bench), each worker's time in a phase is added to the build's:
    CPU time adds up, wall time is the longest share."""
    from ngo_directory.integration.timing import RECORDER, phase

    def work(index: int, count: int) -> None:
        with phase("render and write"):
            sum(range(200_000))

    RECORDER.reset()
    RECORDER.enable()
    try:
        in_workers(work, 2)
        figures = RECORDER.as_json()
    finally:
        RECORDER.disable()
        RECORDER.reset()
    assert figures["render and write"]["calls"] == 2
    assert figures["render and write"]["cpu"] > 0
