"""What the search index is given: extra terms, filters and the pages marked for indexing,
read back from the built site and from Pagefind's own entry file; and the search page
without a browser."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from ngo_directory.integration.build import BuildFailed
from ngo_directory.records.models import Text, VocabularyEntry
from ngo_directory.search import indexing
from ngo_directory.search.entries import SearchEntry, search_names, search_terms, searched_fields
from ngo_directory.search.indexing import IndexingFailed
from ngo_directory.search.merge import decode, read_file
from ngo_directory.settings import DEFAULTS, SettingsError, plugin_settings
from ngo_directory.text.translit import AZERBAIJANI_LETTERS, fold_letters
from sitetools import ROOT, build, copy_project, html_files, inputs_of_site, parse, tree_digest

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]
SETTINGS = {"NGO_DIRECTORY_ID_AUTHORITY": "ngo.example.org,2026"}


LANGUAGE_OF = {"": "az", "ru/": "ru", "en/": "en"}  # the sample's language prefixes


def indexed_pages(site: Path) -> dict[str, int]:
    """Pages Pagefind indexed, by language, from each language's bundle."""
    counts = {}
    for entry in sorted(site.glob("pagefind/*/pagefind-entry.json")):
        for language, info in json.loads(entry.read_text("utf-8"))["languages"].items():
            counts[language] = info["page_count"]
    return counts


def meta(tree: object, name: str) -> list[str]:
    return [str(v) for v in tree.xpath(f'//head/meta[@name="search-{name}"]/@content')]  # type: ignore[attr-defined]


def words(tree: object, field: str) -> set[str]:
    """The words of a searched field; the field is declared once."""
    (value,) = meta(tree, field)
    return set(value.split())


def test_fold_letters_makes_azerbaijani_plain_in_either_case() -> None:
    assert fold_letters("İsmayıllı") == "ismayilli"
    assert fold_letters("GƏNCƏ") == "gence"
    assert fold_letters("Şəki Çay Ağ Göl Üzüm") == "seki cay ag gol uzum"
    assert fold_letters("ISAR") == "isar"
    assert fold_letters("Мингечевир") == "мингечевир"  # other scripts only lowercased


def test_search_names_give_each_word_as_written_and_plain_once() -> None:
    names = search_names(["Gənclər Evi", "Gəncə", "Ganja", "Гянджа", "Gence"])
    assert names.split() == ["gənclər", "gencler", "evi", "gəncə", "gence", "ganja", "гянджа"]


def test_searched_fields_keep_names_regions_and_themes_apart() -> None:
    """What a page is called, where it is and what it is about are weighed apart; the terms
    are the page's other words with Azerbaijani letters."""
    ganja = VocabularyEntry("ganja", Text.of({"az": "Gəncə", "en": "Ganja"}, "az"), ("Gence",))
    youth = VocabularyEntry("youth", Text.of({"az": "Gənclər", "en": "Youth"}, "az"), ("gənclik",))
    entry = SearchEntry("ngo", (ganja,), (youth,), None, ("Gənclər Evi", "Youth House"), None)
    fields = searched_fields(entry, "Gənclər Evi Gəncədə gənclər üçündür.")
    assert fields == {
        "names": "gənclər gencler evi youth house",
        "region_names": "gəncə gence ganja",
        "theme_names": "gənclər gencler youth gənclik genclik",
        "terms": "gencede ucundur",
    }


def test_search_terms_add_plain_forms_of_the_other_words_once() -> None:
    terms = search_terms("Gəncə Gənclər Evi. Gəncədə kurslar, Gəncədə.", names="gəncə gence")
    assert terms.split() == ["gencler", "gencede"]
    assert search_terms("Youth House in Baku") == ""


def test_only_records_and_press_releases_are_indexed(search_site: Path) -> None:
    """data-pagefind-body marks the first page of each record and each press release, in each
    language, and Pagefind indexed exactly those."""
    marked: dict[str, set[str]] = {"az": set(), "ru": set(), "en": set()}
    for page in html_files(search_site):
        tree = parse(page)
        body = tree.xpath("//*[@data-pagefind-body]")
        relative = page.relative_to(search_site).parent.as_posix()
        if body:
            assert [e.tag for e in body] == ["main"], page
            language = tree.get("lang")
            marked[language].add(relative.removeprefix(f"{language}/"))
    inputs = inputs_of_site(search_site)
    expected = {
        f"{folder}/{slug}"
        for folder, slugs in (
            ("ngos", inputs.ngos),
            ("partners", inputs.partners),
            ("meetings", inputs.meetings),
            ("programmes", inputs.programmes),
            ("press", inputs.press),
        )
        for slug in slugs
    }
    for language, paths in marked.items():
        assert paths == expected, language
    assert indexed_pages(search_site) == {language: len(expected) for language in marked}


def test_record_page_carries_filters_and_terms_in_its_language(search_site: Path) -> None:
    az = parse(search_site / "ngos/ismayilli-women/index.html")
    assert meta(az, "kind") == ["QHT-lər"]
    assert meta(az, "region") == ["İsmayıllı"]
    assert meta(az, "theme") == ["Gender bərabərliyi", "Rəqəmsal savadlılıq"]
    assert meta(az, "year") == [] and meta(az, "date") == []
    assert {"ismayilli", "qadın", "qadin", "tesebbusleri", "merkezi", "women"} <= words(az, "names")
    assert {"ismayilli", "исмаиллы", "ismailli", "ismayilly"} <= words(az, "region_names")
    assert {"gender", "bərabərliyi", "beraberliyi", "qadinlar", "computer"} <= words(az, "theme_names")
    assert {"kendlerde", "kurslari"} <= words(az, "terms")
    ru = parse(search_site / "ru/ngos/youth-house/index.html")
    assert meta(ru, "kind") == ["НПО"]
    assert meta(ru, "region") == ["Гянджа"]
    assert words(ru, "names") == {"gənclər", "gencler", "evi", "youth", "house", "дом", "молодёжи"}
    assert {"ganja", "gence", "gəncə", "гянджа", "gyandzha"} <= words(ru, "region_names")
    assert {"youth", "gənclik", "genclik", "молодёжь"} <= words(ru, "theme_names")
    assert meta(ru, "terms") == []  # no Azerbaijani letter in the Russian text
    assert meta(ru, "summary") == ["Вечерние курсы и библиотека для молодёжи."]


def test_dated_pages_carry_a_year(search_site: Path) -> None:
    meeting = parse(search_site / "en/meetings/isar-first-regional-ngo-meeting-mingachevir-2000/index.html")
    assert meta(meeting, "kind") == ["Meetings"]
    assert meta(meeting, "year") == ["2000"]
    assert meta(meeting, "date") == ["6 December 2000"]
    press = parse(search_site / "ru/press/isar-first-regional-ngo-meeting/index.html")
    assert meta(press, "kind") == ["Пресс-релизы"]
    assert meta(press, "region") == ["Мингечевир"]
    assert meta(press, "year") == ["2000"]


def test_search_page_offers_every_used_filter_value(search_site: Path) -> None:
    tree = parse(search_site / "search/index.html")
    options = {
        select.get("name"): [o.text_content() for o in select.xpath("option")][1:]
        for select in tree.xpath("//form[@id='search']//select")
    }
    assert options["kind"] == ["QHT-lər", "Tərəfdaşlar", "Görüşlər", "Proqramlar", "Press-relizlər"]
    assert {"Gəncə", "İsmayıllı", "Mingəçevir", "Şəki", "Bakı"} <= set(options["region"])
    assert "Salyan" not in options["region"]  # no record there
    assert options["year"] == ["2000"]
    indexed = {
        v
        for page in html_files(search_site)
        if page.is_relative_to(search_site / "ngos")
        for v in meta(parse(page), "region")
    }
    assert indexed <= set(options["region"])


def test_search_page_without_javascript(search_site: Path) -> None:
    """The form is hidden until the script shows it; the browse links are always there, and
    the script's folding table is the one the index was built with."""
    tree = parse(search_site / "ru/search/index.html")
    form = tree.xpath("//form[@id='search']")[0]
    assert form.get("hidden") is not None
    assert json.loads(form.get("data-letters")) == AZERBAIJANI_LETTERS
    assert tree.xpath("//label[@for='search-query']") and tree.xpath("//input[@id='search-query']")
    assert tree.xpath("//*[@id='search-status']/@role") == ["status"]
    assert [a.get("href") for a in tree.xpath("//nav[@class='browse']//a")] == [
        "../../ru/ngos/",
        "../../ru/partners/",
        "../../ru/regions/",
        "../../ru/themes/",
        "../../ru/meetings/",
        "../../ru/press/",
    ]


def test_every_searched_field_is_weighed_by_the_search_page(search_site: Path) -> None:
    """Every field the pages give Pagefind (it searches them all) has its weight in search.js,
    and search.js weighs no other field but Pagefind's own title."""
    script = (ROOT / "theme" / "static" / "js" / "search.js").read_text("utf-8")
    match = re.search(r"const WEIGHTS = \{(.*?)\};", script)
    assert match, "search.js declares no WEIGHTS"
    weighed = set(re.findall(r"(\w+):", match.group(1)))
    declared = {
        field.removesuffix("[content]")
        for page in html_files(search_site)
        for field in parse(page).xpath('//head/meta[starts-with(@name, "search-")]/@data-pagefind-meta')
    }
    assert declared == weighed - {"title"}


def test_every_page_declares_the_content_security_policy(search_site: Path) -> None:
    policy = DEFAULTS["NGO_DIRECTORY_CONTENT_SECURITY_POLICY"]
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy and "unsafe-inline" not in policy
    for page in html_files(search_site):
        tree = parse(page)
        assert tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content') == [policy], page
        assert tree.xpath("//@style | //style") == [], page  # style-src 'self' allows no inline style


def test_pagefind_interfaces_we_do_not_use_are_not_published(search_site: Path) -> None:
    bundles = sorted((search_site / "pagefind").iterdir())
    assert [bundle.name for bundle in bundles] == ["az", "en", "ru"]
    for bundle in bundles:
        names = {p.name for p in bundle.iterdir()}
        assert "pagefind.js" in names and "pagefind-worker.js" in names
        assert not {name for name in names if "-ui." in name or name == "pagefind-highlight.js"}


def test_each_language_has_a_bundle_of_its_own_that_its_search_page_loads(search_site: Path) -> None:
    """One Pagefind run per language (the build's peak memory is one language's, not three):
    each bundle holds its language's index alone, and each search page names its own."""
    for prefix, language in LANGUAGE_OF.items():
        entry = json.loads((search_site / "pagefind" / language / "pagefind-entry.json").read_text("utf-8"))
        assert list(entry["languages"]) == [language]
        page = search_site / prefix / "search" / "index.html"
        form = parse(page).xpath('//form[@id="search"]')[0]
        bundle = (page.parent / form.get("data-bundle")).resolve()
        assert bundle == (search_site / "pagefind" / language).resolve(), prefix
        assert (page.parent / form.get("data-root")).resolve() == search_site.resolve(), prefix


def test_failed_indexing_fails_the_build_and_keeps_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, content = copy_project(tmp_path)
    output = build(tmp_path / "output", data, content)
    before = tree_digest(output)
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises((IndexingFailed, BuildFailed), match="Pagefind could not index"):
        build(tmp_path / "output", data, content)
    assert tree_digest(output) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("NGO_DIRECTORY_SEARCH_PATH", "/pagefind/", "expected a folder inside the output folder"),
        ("NGO_DIRECTORY_SEARCH_PATH", "pagefind", "ending with '/'"),
        ("NGO_DIRECTORY_CONTENT_SECURITY_POLICY", 'default-src "self"', "expected one line of policy"),
        ("SEARCH_INDEX_URL", "search", "must end with '/'"),
    ],
)
def test_search_settings_are_checked(key: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        plugin_settings({**SETTINGS, key: value})


ENGLISH_ONLY = """\
Title: Only in English
Date: 2026-01-05
Slug: english-only
Lang: en
Organization: isar
Summary: Nobody has translated this yet.

A release written in English alone.
"""


@pytest.mark.parametrize("fallbacks", [False, True])
def test_a_press_releases_copies_are_indexed_only_when_the_settings_ask(
    tmp_path: Path, fallbacks: bool
) -> None:
    """An English-only release is shown in az and ru as a marked copy; the copies are indexed
    for search in those languages only with NGO_DIRECTORY_SEARCH_FALLBACKS."""
    data, content = copy_project(tmp_path)
    (content / "press/english-only.md").write_text(ENGLISH_ONLY, "utf-8")
    site = build(tmp_path / "output", data, content, NGO_DIRECTORY_SEARCH_FALLBACKS=fallbacks)
    marked = {}
    for prefix in ("", "ru/", "en/"):
        tree = parse(site / prefix / "press/english-only/index.html")
        marked[prefix] = (bool(tree.xpath("//main[@data-pagefind-body]")), bool(meta(tree, "kind")))
    assert marked == {"": (fallbacks, fallbacks), "ru/": (fallbacks, fallbacks), "en/": (True, True)}
    counts = indexed_pages(site)
    assert counts["en"] - counts["az"] == counts["en"] - counts["ru"] == (0 if fallbacks else 1)


def decoded_index(bundle: Path) -> dict[str, Any]:
    """What search reads from a language's bundle, by page address: each page's word count,
    each word's pages with their positions, weights and searched fields (by name), each
    filter value's pages, and the word chunks' ranges."""
    (language, info), *_ = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))[
        "languages"
    ].items()
    meta = decode(read_file(bundle / f"pagefind.{info['hash']}.pf_meta"))
    urls = [json.loads(read_file(bundle / "fragment" / f"{name}.pf_fragment"))["url"] for name, _ in meta[1]]
    fields = meta[5]

    def pages(packed: list[Any]) -> list[tuple[Any, ...]]:
        number, found = 0, []
        for delta, locs, meta_locs in packed:
            number += delta
            named = [fields[-v - 1] if v < 0 else v for v in meta_locs]
            found.append((urls[number], tuple(locs), tuple(named)))
        return sorted(found)

    words = {}
    for _from, _to, chunk in meta[2]:
        for word, packed, variants in decode(read_file(bundle / "index" / f"{chunk}.pf_index"))[0]:
            words[word] = (pages(packed), sorted((form, pages(p)) for form, p in variants))
    filters = {}
    for _name, filter_hash in meta[3]:
        name, values = decode(read_file(bundle / "filter" / f"{filter_hash}.pf_filter"))
        filters.update({(name, value): sorted(urls[p] for p in found) for value, found in values})
    return {
        "language": language,
        "pages": sorted(zip(urls, (count for _, count in meta[1]), strict=True)),
        "words": words,
        "filters": filters,
        "chunks": [(start, end) for start, end, _ in meta[2]],
    }


def test_an_index_made_in_parts_is_the_index_of_one_run(
    search_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages indexed a few at a time, each part by a Pagefind run of its own, and joined: the
    same pages, words, positions, weights, searched fields, filters and chunks as the sample's
    index, made by one run per language."""
    site = tmp_path / "site"
    shutil.copytree(search_site, site, ignore=shutil.ignore_patterns("pagefind"))
    pages = []
    for page in html_files(site):
        relative = page.relative_to(site).as_posix()
        prefix = next((p for p in ("ru/", "en/") if relative.startswith(p)), "")
        pages.append((LANGUAGE_OF[prefix], relative))
    monkeypatch.setattr(indexing, "PART_PAGES", 7)
    counts = indexing.index_site(site, "pagefind/", pages)
    assert counts == indexed_pages(search_site)
    for language in LANGUAGE_OF.values():
        parts = decoded_index(site / "pagefind" / language)
        whole = decoded_index(search_site / "pagefind" / language)
        assert parts == whole, language
        assert len(whole["words"]) > 100 and len(whole["pages"]) > 7
