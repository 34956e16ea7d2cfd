"""The build cache (NGO_DIRECTORY_CACHE: integration/read_cache.py and template_cache.py) changes
how fast a build reads and compiles, never what it makes: the site is the same bytes with it cold,
warm or off; an edited text or template is read or compiled again; a settings, environment or
code change makes every key new; and a damaged cache file is ignored, not trusted."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, pass_context
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG, read_settings

from ngo_directory.integration.read_cache import CACHE_FILE, FORMAT, ReadCache, fingerprint
from ngo_directory.integration.reader import READ_CACHE_KEY, SharedMarkdownReader
from ngo_directory.integration.template_cache import FOLDER, TemplateCache, environment_fingerprint
from sitetools import ROOT, build, copy_project, stable_digest

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

PRESS = "press/isar-first-regional-ngo-meeting"


def _cached_build(output: Path, data: Path, content: Path, cache: Path) -> dict[str, str]:
    return stable_digest(build(output, data, content, CACHE_PATH=str(cache)))


def _entries(cache: Path) -> dict[str, list[object]]:
    entries: dict[str, list[object]] = json.loads((cache / CACHE_FILE).read_text("utf-8"))["entries"]
    return entries


def test_the_site_is_the_same_bytes_with_the_cache_cold_warm_or_off(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    texts = len(list(content.rglob("*.md")))
    off = stable_digest(build(tmp_path / "off", data, content, NGO_DIRECTORY_CACHE=False))
    assert not cache.exists()
    cold = _cached_build(tmp_path / "cold", data, content, cache)
    assert len(_entries(cache)) == texts
    assert any((cache / FOLDER).iterdir())  # the compiled templates
    warm = _cached_build(tmp_path / "warm", data, content, cache)
    assert cold == off and warm == off


def test_an_edited_text_is_read_again_and_only_used_entries_are_kept(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    _cached_build(tmp_path / "first", data, content, cache)
    before = _entries(cache)

    text = content / "press" / "isar-first-regional-ngo-meeting.md"  # the English version
    edited = text.read_text("utf-8").replace("\n\n", "\n\nAn edited paragraph, *emphasised*.\n\n", 1)
    text.write_text(edited, "utf-8")
    site = build(tmp_path / "second", data, content, CACHE_PATH=str(cache))
    after = _entries(cache)

    assert len(after) == len(before)  # the old entry of the edited text is gone
    assert len(set(after) - set(before)) == 1
    page = (site / "en" / PRESS / "index.html").read_text("utf-8")
    assert "An edited paragraph, <em>emphasised</em>." in page
    fresh = stable_digest(build(tmp_path / "fresh", data, content, NGO_DIRECTORY_CACHE=False))
    assert stable_digest(site) == fresh


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all {",
        json.dumps([1, 2, 3]),
        json.dumps({"format": FORMAT + 1, "entries": {}}),
        json.dumps({"format": FORMAT, "entries": {"k": ["<p>x</p>", {"title": "not a list"}]}}),
        json.dumps({"format": FORMAT, "entries": {"k": [None, {}]}}),
    ],
    ids=["not-json", "a-list", "another-format", "meta-not-lists", "content-not-text"],
)
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path, damage: str) -> None:
    data, content = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / CACHE_FILE).write_text(damage, "utf-8")
    site = build(tmp_path / "output", data, content, CACHE_PATH=str(cache))
    assert len(_entries(cache)) == len(list(content.rglob("*.md")))
    assert stable_digest(site) == stable_digest(
        build(tmp_path / "fresh", data, content, NGO_DIRECTORY_CACHE=False)
    )


def test_an_entry_under_another_key_is_never_used(tmp_path: Path) -> None:
    """Keys cover the text's bytes: an entry forged for other bytes is not what a text reads as."""
    data, content = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    _cached_build(tmp_path / "first", data, content, cache)
    forged = {key: ["<p>FORGED</p>", meta] for key, (_html, meta) in _entries(cache).items()}
    for path in content.rglob("*.md"):
        path.write_text(path.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    (cache / CACHE_FILE).write_text(json.dumps({"format": FORMAT, "entries": forged}), "utf-8")
    site = build(tmp_path / "second", data, content, CACHE_PATH=str(cache))
    assert not any("FORGED" in page.read_text("utf-8") for page in site.rglob("*.html"))


def test_the_key_changes_with_the_markdown_settings() -> None:
    settings = copy.deepcopy(DEFAULT_CONFIG["MARKDOWN"])
    other = copy.deepcopy(settings)
    other["output_format"] = "xhtml"
    assert fingerprint(settings) != fingerprint(other)
    assert fingerprint(settings) == fingerprint(copy.deepcopy(settings))


def test_the_reader_reads_the_same_through_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "text.md"
    path.write_text(
        "Title: T\nSummary: A *short* one.\nTags: a, b\n\nThe [^1] body.\n\n[^1]: Note.\n", "utf-8"
    )
    expected = MarkdownReader(copy.deepcopy(DEFAULT_CONFIG)).read(str(path))
    settings = copy.deepcopy(DEFAULT_CONFIG)
    reader = SharedMarkdownReader(settings)
    cache = settings[READ_CACHE_KEY] = ReadCache(tmp_path / "cache", settings["MARKDOWN"])
    assert reader.read(str(path)) == expected  # converted, then kept
    assert cache.hits == 0
    assert reader.read(str(path)) == expected  # from the cache
    assert cache.hits == 1


def test_publishing_builds_read_every_text() -> None:
    assert read_settings(str(ROOT / "pelicanconf.py")).get("NGO_DIRECTORY_CACHE") in (None, True)
    assert read_settings(str(ROOT / "publishconf.py"))["NGO_DIRECTORY_CACHE"] is False


def test_compiled_templates_are_keyed_by_the_environment() -> None:
    def env(**options: object) -> Environment:
        return Environment(autoescape=True, **options)  # type: ignore[arg-type]

    assert environment_fingerprint(env(trim_blocks=True)) == environment_fingerprint(env(trim_blocks=True))
    assert environment_fingerprint(env(trim_blocks=True)) != environment_fingerprint(env(trim_blocks=False))
    assert environment_fingerprint(env()) != environment_fingerprint(env(extensions=["jinja2.ext.i18n"]))
    trimmed = env(extensions=["jinja2.ext.i18n"])
    trimmed.policies["ext.i18n.trimmed"] = True
    assert environment_fingerprint(trimmed) != environment_fingerprint(env(extensions=["jinja2.ext.i18n"]))
    plain, with_context = env(), env()
    plain.filters["shout"] = lambda value: value
    with_context.filters["shout"] = pass_context(lambda context, value: value)
    assert environment_fingerprint(plain) != environment_fingerprint(with_context)


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    templates = {"page.html": "one {{ x }}"}

    def render() -> str:
        env = Environment(
            autoescape=True, loader=DictLoader(templates), bytecode_cache=TemplateCache(tmp_path)
        )
        return env.get_template("page.html").render(x=1)

    assert render() == "one 1"
    assert render() == "one 1"  # from the cache
    assert len(list(tmp_path.iterdir())) == 1
    templates["page.html"] = "two {{ x }}"
    assert render() == "two 1"
