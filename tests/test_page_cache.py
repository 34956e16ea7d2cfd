"""The page cache (integration/page_cache.py): a rebuild into the same folder renders only the
pages an edit changed, and links the others from the published site; whatever it reuses, the
site is byte for byte the one a build without the cache makes from the same files."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from ngo_directory.integration.page_cache import FOLDER, RecordingDirectory, code_and_settings_key
from sitetools import build, copy_project, stable_digest

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

COUNTS = re.compile(r"(\d+) pages rendered, (\d+) reused from the last build")


def _cached(
    caplog: pytest.LogCaptureFixture, output: Path, data: Path, content: Path, cache: Path, **more: object
) -> tuple[int, int]:
    """Build with the cache; (pages rendered, pages reused) as the build logs them."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="ngo_directory.integration.page_cache"):
        build(output, data, content, CACHE_PATH=str(cache), **more)
    found = [COUNTS.fullmatch(record.getMessage()) for record in caplog.records]
    rendered, reused = next(match.groups() for match in found if match)
    return int(rendered), int(reused)


def _fresh(tmp_path: Path, data: Path, content: Path) -> dict[str, str]:
    return stable_digest(build(tmp_path / "fresh", data, content, NGO_DIRECTORY_CACHE=False))


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unchanged_rebuild_renders_nothing_and_keeps_every_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, workers: int
) -> None:
    data, content = copy_project(tmp_path / "project")
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = _cached(caplog, site, data, content, cache, NGO_DIRECTORY_WORKERS=workers)
    pages = _pages(site)
    assert first == (pages, 0)
    inodes = {path: path.stat().st_ino for path in site.rglob("*.html")}
    assert _cached(caplog, site, data, content, cache, NGO_DIRECTORY_WORKERS=workers) == (0, pages)
    assert {path: path.stat().st_ino for path in site.rglob("*.html")} == inodes
    assert stable_digest(site) == _fresh(tmp_path, data, content)


@pytest.mark.parametrize(
    ("file", "old", "new", "changed"),
    [
        # A region's name shows on every page that lists an organisation or meeting there.
        (
            "ngo_data/regions.yaml",
            "en: Mingachevir",
            "en: Mingachevir City",
            "en/regions/mingachevir/index.html",
        ),
        # An organisation's name shows on the pages that list it, not only on its own.
        ("ngo_data/partners/isar.yaml", "name: ISAR", "name: ISAR Azerbaijan", "partners/index.html"),
        (
            "content/press/isar-first-regional-ngo-meeting.md",
            "\n\n",
            "\n\nAn added paragraph.\n\n",
            "en/press/isar-first-regional-ngo-meeting/index.html",
        ),
    ],
    ids=["region-name", "partner-name", "press-release"],
)
def test_a_rebuild_after_an_edit_renders_what_changed_and_is_the_fresh_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, file: str, old: str, new: str, changed: str
) -> None:
    data, content = copy_project(tmp_path / "project")
    site, cache = tmp_path / "site", tmp_path / "cache"
    _cached(caplog, site, data, content, cache)
    pages = _pages(site)
    before = (site / changed).read_bytes()
    _replace(tmp_path / "project" / file, old, new)
    rendered, reused = _cached(caplog, site, data, content, cache)
    assert 0 < rendered < pages and rendered + reused == pages
    assert (site / changed).read_bytes() != before
    assert stable_digest(site) == _fresh(tmp_path, data, content)


def test_a_page_changed_in_the_published_site_is_rendered_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data, content = copy_project(tmp_path / "project")
    site, cache = tmp_path / "site", tmp_path / "cache"
    _cached(caplog, site, data, content, cache)
    page = site / "ngos" / "madad-azerbaijan" / "index.html"
    right = page.read_bytes()
    page.unlink()
    page.write_bytes(right.replace(b"Madad", b"Forged"))
    rendered, _ = _cached(caplog, site, data, content, cache)
    assert rendered == 1
    assert page.read_bytes() == right


@pytest.mark.parametrize(
    "damage",
    ["not json {", json.dumps({"format": 1, "site": "x"}), json.dumps([1]), '{"format": 1, "pages": 3}'],
    ids=["not-json", "another-site", "a-list", "pages-not-a-mapping"],
)
def test_a_damaged_manifest_is_ignored(tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str) -> None:
    data, content = copy_project(tmp_path / "project")
    site, cache = tmp_path / "site", tmp_path / "cache"
    _cached(caplog, site, data, content, cache)
    (manifest,) = (cache / FOLDER).glob("*.json")
    manifest.write_text(damage, "utf-8")
    assert _cached(caplog, site, data, content, cache) == (_pages(site), 0)
    assert json.loads(manifest.read_text("utf-8"))["site"] == str(site.resolve())


def test_the_key_follows_templates_settings_and_refuses_what_it_cannot_describe(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("{{ x }}", "utf-8")
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=True)
    key = code_and_settings_key(env, {"SITEURL": ""}, frozenset())
    assert key is not None and key == code_and_settings_key(env, {"SITEURL": ""}, frozenset())
    assert code_and_settings_key(env, {"SITEURL": "/x"}, frozenset()) != key
    assert code_and_settings_key(env, {"SITEURL": "", "OUTPUT_PATH": "/y"}, frozenset({"OUTPUT_PATH"})) == key
    (templates / "page.html").write_text("{{ x }}!", "utf-8")
    assert code_and_settings_key(env, {"SITEURL": ""}, frozenset()) != key
    assert (
        code_and_settings_key(Environment(autoescape=True), {}, frozenset()) is None
    )  # no loader: not files


def test_the_recording_directory_notes_each_record_read() -> None:
    class Directory:
        def __init__(self) -> None:
            self.ngos, self.partners, self.regions = {"a": 1}, {"b": 2}, {"baku": 3}
            self.counts = {"ngos": 1}

        def organisation(self, slug: str) -> int:
            return self.ngos.get(slug) or self.partners[slug]

    deps: set[str] = set()
    directory = RecordingDirectory(Directory(), deps)
    assert directory.regions["baku"] == 3 and "nowhere" not in directory.regions
    assert directory.organisation("b") == 2
    assert deps == {"d:regions:baku", "d:regions:nowhere", "d:ngos:b", "d:partners:b"}
    assert list(directory.ngos) == ["a"] and directory.counts == {"ngos": 1}
    assert {"d:ngos", "d:*"} <= deps


def test_the_manifests_of_removed_sites_are_forgotten(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data, content = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    _cached(caplog, tmp_path / "kept", data, content, cache)
    (kept,) = (cache / FOLDER).glob("*.json")
    gone = cache / FOLDER / "0123.json"
    gone.write_text(
        json.dumps({"format": 1, "site": str(tmp_path / "removed")}, separators=(",", ":")), "utf-8"
    )
    _cached(caplog, tmp_path / "other", data, content, cache)
    assert kept.exists() and not gone.exists() and len(list((cache / FOLDER).glob("*.json"))) == 2
