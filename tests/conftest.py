"""Fixtures shared by the tests that build the site.

The sites that several modules read are built once per test run, with the build date pinned,
and shared: ``sample_site`` (the sample as pelicanconf.py builds it), ``busy_site`` (the sample
plus the awkward records of busydata.py), ``published_busy_site`` (the same with absolute URLs)
and ``search_site`` (the sample plus the records of searchdata.py). Under pytest-xdist each
worker is a session of its own: the first worker to need a site builds it into the run's common
temporary folder, under a file lock, and the others read the same files.

A shared site is read-only: its files and folders lose their write bits once built, and a
session that ends with a shared site, or the records it was built from, changed fails (root
ignores write bits). A test that needs to change a site, or another variant, builds its own.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from browsertools import Watched, chromium
from busydata import PUBLISHED_SITEURL, add_busy_records
from searchdata import build_search_site
from sitetools import build, copy_project

EPOCH = "1803801600"  # 2027-02-28, 12:00 in Baku: a fixed "today" after every record's dates, before
# the busy meetings (the upcoming/past split)
# pelicanconf.py takes the repository from the environment (make screenshots sets it); the sample
# site the tests share names none, whatever the shell running them says.
os.environ.pop("NGO_DIRECTORY_REPOSITORY", None)


@contextmanager
def pinned_date(epoch: str = EPOCH) -> Iterator[None]:
    """The build date (SOURCE_DATE_EPOCH) pinned to ``epoch`` inside the block."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


@pytest.fixture(scope="module")
def fixed_date() -> Iterator[None]:
    """Pin the build date (SOURCE_DATE_EPOCH) for a whole test module."""
    with pinned_date():
        yield


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak the language the environment asks for: the tests that read their English
    messages ask for English (GNU gettext's LANGUAGE, which leaves the locale alone); tests of
    other languages pass --lang."""
    monkeypatch.setenv("LANGUAGE", "en")


# Where the validator's tests write records with every kind of mistake (and hostile values):
# each record they check is judged by both validators (see ``schema_verdicts_agree``).
_BOTH_VALIDATORS = {"test_validate", "test_validate_facts", "test_hostile", "test_loader", "test_yaml_syntax"}


@pytest.fixture(autouse=True)
def schema_verdicts_agree(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In the validator's tests, every record the compiled schema judges is judged by jsonschema
    too, and the test fails if the two verdicts differ: the compiled schema's "valid" is taken
    without asking jsonschema, so it must refuse exactly what jsonschema refuses."""
    if request.module.__name__ not in _BOTH_VALIDATORS:
        yield
        return
    from ngo_directory import schema

    compiled = schema.is_valid
    differ: list[str] = []

    def both(instance: Any, name: str) -> bool:
        verdict = compiled(instance, name)
        errors = [error.message for error in schema.validator(name).iter_errors(instance)]
        if verdict != (not errors):
            judged = "accepts" if verdict else "refuses"
            differ.append(f"{name}: the compiled schema {judged}, jsonschema says {errors}: {instance!r}")
        return verdict

    monkeypatch.setattr(schema, "is_valid", both)
    yield
    assert differ == [], "the compiled schema and jsonschema judge a record differently"


# --- sites built once per run and shared ---------------------------------------------------------

Make = Callable[[Path], Path]  # builds into an empty folder; returns the site's output folder


def _read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _snapshot(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with its content's digest ('' for a folder)."""
    return {
        path.relative_to(folder).as_posix(): ""
        if path.is_dir()
        else hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
    }


def _build(folder: Path, make: Make) -> Path:
    with pinned_date():
        site = make(folder)
    _read_only(folder)
    return site


def _build_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Make) -> tuple[Path, Path]:
    """(the folder holding the site and what it was built from, the site), built by the first
    session of the run to ask: pytest-xdist's recipe for session fixtures shared by workers."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:  # a single process: its own folder
        folder = tmp_path_factory.mktemp(name)
        return folder, _build(folder, make)
    root = tmp_path_factory.getbasetemp().parent  # the run's folder, above every worker's
    folder, built = root / name, root / f"{name}.built"
    with FileLock(root / f"{name}.lock"):
        if not built.is_file():
            if folder.exists():  # left by a worker whose build failed
                shutil.rmtree(folder)
            folder.mkdir()
            site = _build(folder, make)
            built.write_text(site.relative_to(folder).as_posix(), "utf-8")
    return folder, folder / built.read_text("utf-8")


@contextmanager
def _shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Make) -> Iterator[Path]:
    """A shared site for the session; fails the session's last test using it if any test
    changed it."""
    folder, site = _build_once(tmp_path_factory, name, make)
    before = _snapshot(folder)
    yield site
    after = _snapshot(folder)
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    if changed:
        pytest.fail(
            f"a test changed the shared {name} in {folder}, which every test must leave as it is "
            f"(build a site of your own to change one): {', '.join(changed[:20])}",
            pytrace=False,
        )


def _sample(folder: Path) -> Path:
    return build(folder / "output")


def _busy(folder: Path, **overrides: object) -> Path:
    data, content = copy_project(folder)
    add_busy_records(data, content)
    return build(folder / "output", data, content, **overrides)


def _published_busy(folder: Path) -> Path:
    return _busy(folder, SITEURL=PUBLISHED_SITEURL, RELATIVE_URLS=False)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample site, built as pelicanconf.py says (relative URLs, no repository). Read-only."""
    with _shared(tmp_path_factory, "sample-site", _sample) as site:
        yield site


@pytest.fixture(scope="session")
def busy_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample plus busydata.py's records; its records and texts are beside it, in
    ``busy_site.parent``. Read-only."""
    with _shared(tmp_path_factory, "busy-site", _busy) as site:
        yield site


@pytest.fixture(scope="session")
def published_busy_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The busy site built as for publishing: absolute URLs under PUBLISHED_SITEURL. Read-only."""
    with _shared(tmp_path_factory, "published-busy-site", _published_busy) as site:
        yield site


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample plus searchdata.py's records, indexed by Pagefind; its records and texts are
    beside it, in ``search_site.parent``. Read-only."""
    with _shared(tmp_path_factory, "search-site", build_search_site) as site:
        yield site


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for one module's browser tests (skips, or fails under CI, without it)."""
    with chromium() as found:
        yield found


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    """A page in a fresh browser context; the test fails if the page reported a problem (a
    console error or warning, an uncaught error, a failed request)."""
    context = browser.new_context()
    page = Watched(context.new_page())
    yield page
    context.close()
    assert page.problems == []
