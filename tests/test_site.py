"""End to end: build the sample site with real Pelican and read the output back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ngo_directory.i18n import Languages
from ngo_directory.problems import ValidationFailed
from ngo_directory.records.validate import load_directory
from ngo_directory.settings import plugin_settings
from ngo_directory.site.urls import Urls, save_as_of
from sitetools import (
    HOSTILE,
    ROOT,
    build,
    copy_project,
    hostile_ngo,
    html_files,
    internal_links,
    language_of_path,
    nu_errors,
    parse,
    resolve,
    stable_digest,
    tree_digest,
)

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]


def test_every_record_has_its_page_in_every_language(sample_site):
    """Each NGO, partner, meeting, region and theme has a page in az, ru and en whose h1 is its
    name in that language (or its fallback)."""
    directory = load_directory(ROOT / "ngo_data", default_language="az")
    settings = plugin_settings({"DEFAULT_LANG": "az", "NGO_DIRECTORY_ID_AUTHORITY": "ngo.example.org,2026"})
    languages = Languages.from_settings({"DEFAULT_LANG": "az", **settings})
    records: list[Any] = [*directory.ngos.values(), *directory.partners.values()]
    records += directory.meetings.values()
    assert len(records) >= 30
    assert languages.languages == ("az", "ru", "en")
    for language in languages.languages:
        urls = Urls(settings, languages.prefix(language))
        for record in records:
            page = sample_site / save_as_of(urls.url(record))
            heading = " ".join(parse(page).xpath("//h1//text()"))
            name = getattr(record, "name", None) or record.title
            assert name.pick(languages.order(language))[1] in heading, page
        for vocabulary, kind in ((directory.regions, "REGION"), (directory.themes, "THEME")):
            for entry in vocabulary.values():
                page = sample_site / save_as_of(urls.url(entry, kind))
                assert parse(page).findtext(".//h1") == entry.name.pick(languages.order(language))[1]


def test_plugin_pages_and_press_exist(sample_site):
    """The plugin's lists, the press list and the press release pages are all written."""
    for path in [
        prefix + path
        for prefix in ("", "ru/", "en/")
        for path in (
            "index.html",
            "ngos/index.html",
            "partners/index.html",
            "meetings/index.html",
            "regions/index.html",
            "themes/index.html",
            "press/index.html",
            "press/isar-first-regional-ngo-meeting/index.html",
            "about-the-directory/index.html",
        )
    ]:
        assert (sample_site / path).is_file(), path


def test_no_broken_internal_link(sample_site):
    """Every internal href and src resolves to a file, and every #fragment to an id."""
    broken = []
    count = 0
    for page, link in internal_links(sample_site):
        count += 1
        target, fragment = resolve(sample_site, page, link)
        if not target.is_file() or not target.resolve().is_relative_to(sample_site.resolve()):
            broken.append(f"{page.relative_to(sample_site)} -> {link}")
        elif fragment and target.suffix == ".html" and not parse(target).xpath(f'//*[@id="{fragment}"]'):
            broken.append(f"{page.relative_to(sample_site)} -> {link} (no id)")
    assert count > 500
    assert broken == []


# The pages that run a script (one file each, never inline), by the folder of their first page.
SCRIPTED = {"search": "search.js", "subscribe": "subscribe.js"}


def scripted_page(site: Path, page: Path) -> str | None:
    """The folder in SCRIPTED a page (or a later page of it) is in, in any language."""
    parts = page.relative_to(site).parts[:-1]
    if parts[:1] in (("ru",), ("en",)):
        parts = parts[1:]
    return parts[0] if parts and parts[0] in SCRIPTED and parts[1:2] in ((), ("page",)) else None


def test_pages_are_light_semantic_and_script_free(sample_site):
    """Every page has the lang of its language folder, a main landmark, one h1, no script but
    the search and Subscribe pages' (one file each, never inline) and data blocks (JSON-LD,
    which browsers never run), and stays under 200 KB."""
    for page in html_files(sample_site):
        tree = parse(page)
        assert page.stat().st_size < 200_000, page
        assert tree.get("lang") == language_of_path(sample_site, page), page
        assert len(tree.xpath("//main")) == 1, page
        assert len(tree.xpath("//h1")) == 1, page
        scripts = tree.xpath('//script[not(@type="application/ld+json")]')
        assert all(s.get("src") is None for s in tree.xpath('//script[@type="application/ld+json"]')), page
        folder = scripted_page(sample_site, page)
        if folder:
            assert [(s.get("type"), s.get("src"), s.text) for s in scripts] == [
                (
                    "module",
                    "../" * len(page.relative_to(sample_site).parts[:-1]) + f"theme/js/{SCRIPTED[folder]}",
                    None,
                )
            ], page
        else:
            assert scripts == [], page
        assert tree.xpath('//link[@rel="stylesheet"]/@href'), page
        assert not any(href.startswith(("http:", "https:", "//")) for href in tree.xpath("//link/@href"))


def test_meeting_page_lists_participants_and_press(sample_site):
    """The ISAR meeting page links its organiser, partners, funder and press release."""
    page = parse(sample_site / "meetings/isar-first-regional-ngo-meeting-mingachevir-2000/index.html")
    hrefs = set(page.xpath("//main//a/@href"))
    for expected in (
        "../../partners/isar/",
        "../../partners/oxfam/",
        "../../partners/usaid/",
        "../../regions/mingachevir/",
        "../../press/isar-first-regional-ngo-meeting/",
    ):
        assert expected in hrefs


def test_two_builds_are_byte_identical(sample_site, tmp_path):
    """Building the same input twice gives exactly the same files, except Pagefind's filter
    index and the files naming it, which Pagefind writes in a different order each time
    (Pagefind issue 638); its word index and result fragments are stable."""
    again = tree_digest(build(tmp_path / "again"))
    first = tree_digest(sample_site)
    assert stable_digest(tmp_path / "again") == stable_digest(sample_site)
    assert any(path.startswith("pagefind/az/fragment/") for path in first)
    assert len([p for p in again if "/filter/" in p]) == len([p for p in first if "/filter/" in p])


def test_hostile_text_never_becomes_live(tmp_path):
    """Script, event handlers and javascript: URLs in records and press releases are neutralised."""
    data, content = copy_project(tmp_path)
    (data / "ngos" / "hostile.yaml").write_text(hostile_ngo(), "utf-8")
    (content / "press" / "hostile.md").write_text(
        f"Title: {HOSTILE}\nDate: 2024-01-01\nSlug: hostile\nLang: ru\nOrganization: hostile\n"
        f"Summary: {HOSTILE}\n\n"
        f'{HOSTILE}\n\n<div onmouseover="alert(8)">z</div>\n\n[a](javascript:alert(9))\n',
        "utf-8",
    )
    site = build(tmp_path / "output", data, content)
    for prefix in ("", "ru/", "en/"):
        assert (site / prefix / "ngos/hostile/index.html").is_file()
        assert (site / prefix / "press/hostile/index.html").is_file()
    for page in html_files(site):
        tree = parse(page)
        assert tree.xpath("//iframe | //img") == [], page
        # The one SVG a page may have is its map (site/maps.py): shapes, rings and a title.
        maps = tree.xpath("//svg")
        assert len(maps) <= 1, page
        for svg in maps:
            assert svg.get("class") == "map" and svg.getparent().get("class") == "places", page
            assert {node.tag for node in svg.iterdescendants()} <= {"title", "path", "circle"}, page
        scripts = tree.xpath('//script[not(@type="application/ld+json")]')
        assert scripts == [] or scripted_page(site, page), page
        for element in tree.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (page, name)
                if element.tag == "meta" and element.get("property") in ("og:title", "og:description"):
                    continue  # text for link previews (escaped, never a link), like <title>
                assert "javascript:" not in value.lower().replace(" ", ""), (page, name, value)
    text = parse(site / "ngos/hostile/index.html").text_content()
    assert "<script>alert(1)</script>" in text  # shown as text, not run


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    """A broken record stops the build with every problem, and output/ stays as it was."""
    data, content = copy_project(tmp_path)
    output = build(tmp_path / "output", data, content)
    before = tree_digest(output)
    (data / "ngos" / "broken.yaml").write_text("name: x\nname: y\nregions: [nowhere]\n", "utf-8")
    (content / "press" / "bad.md").write_text(
        "Title: x\nDate: 2024-01-01\nOrganization: nobody\nLang: en\nSlug: bad\n\nx\n"
    )
    with pytest.raises(ValidationFailed) as caught:
        build(output, data, content)
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        "content/press/bad.md:3:15: organization: unknown slug 'nobody' "
        "(use the file name of an NGO or a partner record in ngo_data/)",
        "ngo_data/ngos/broken.yaml:2:1: name: duplicate key 'name' (first on line 1, again on line 2) "
        "(keep one of them and delete the other)",
    ]
    assert tree_digest(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "ngo_data", "output"]


def test_unsafe_press_slug_is_refused(tmp_path):
    """A press release cannot choose a path outside the output folder."""
    data, content = copy_project(tmp_path)
    (content / "press" / "evil.md").write_text(
        "Title: x\nDate: 2024-01-01\nOrganization: isar\nLang: en\nSlug: ../../output2/escaped\n\nx\n"
    )
    with pytest.raises(ValidationFailed) as caught:
        build(tmp_path / "output", data, content)
    assert [str(p) for p in caught.value.problems] == [
        "content/press/evil.md:5:7: slug: '../../output2/escaped' is not a valid slug "
        "(use lowercase letters a-z, digits and single hyphens, such as 'output2-escaped')"
    ]
    assert not list(tmp_path.rglob("escaped*"))


def test_long_lists_are_paginated(tmp_path):
    """250 NGOs give three A-Z pages (and three pages for the partner they all work with),
    every page under 200 KB and all linked."""
    data, content = copy_project(tmp_path)
    for n in range(250):
        (data / "ngos" / f"generated-{n:03d}.yaml").write_text(
            f"name: Generated NGO {n:03d}\ndescription: {{en: Test record {n}.}}\nregions: [sheki]\n"
            "themes: [youth]\npartners: [isar]\nmaintainers: [someone]\nlast_verified: '2026-11-01'\n"
            "added: '2026-01-01'\n"
        )
    site = build(tmp_path / "output", data, content)
    assert (site / "ngos/page/3/index.html").is_file()
    # A partner of 250 NGOs lists them over three pages; its details are on the first only.
    assert (site / "ru/partners/isar/page/3/index.html").is_file()
    assert parse(site / "partners/isar/index.html").xpath("//section[@aria-labelledby='about']")
    assert not parse(site / "partners/isar/page/2/index.html").xpath("//section[@aria-labelledby='about']")
    assert not (site / "ngos/page/4").exists()
    assert (site / "regions/sheki/page/3/index.html").is_file()
    assert parse(site / "ngos/index.html").xpath('//a[@rel="next"]/@href') == ["../ngos/page/2/"]
    assert parse(site / "ru/ngos/index.html").xpath('//a[@rel="next"]/@href') == ["../../ru/ngos/page/2/"]
    for page in html_files(site):
        assert page.stat().st_size < 200_000


def test_plain_pelican_exits_non_zero_on_a_bad_record(tmp_path):
    """Running Pelican directly also fails (exit code 1) when a record is invalid."""
    data, _ = copy_project(tmp_path)
    (data / "ngos" / "isar-copy.yaml").write_text("name: [unclosed\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(ROOT / "content"),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "-o",
            str(tmp_path / "out"),
            "--fatal",
            "warnings",
            "-e",
            f'NGO_DIRECTORY_DATA_PATH="{data}"',
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "ngo_data/ngos/isar-copy.yaml:1:7: YAML syntax error: the list opened with" in output


def test_output_passes_the_nu_html_checker(sample_site):
    """The Nu HTML checker (vnu.jar on Java) finds no error in any page."""
    assert nu_errors(sample_site) == ""
