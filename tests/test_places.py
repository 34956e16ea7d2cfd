"""Every place in Azerbaijan: the region vocabulary against its sources (pycountry for ISO
3166-2:AZ with Azerbaijani and Russian names, Unicode CLDR for English names), places named by
slug or ISO code, the grouping ISO gives, and a record that names all 78 places on a real build."""

from __future__ import annotations

import gettext
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hxl
import pycountry
import pytest
import yaml
from click.testing import CliRunner
from lxml import html

from ngo_directory.cli import main
from ngo_directory.contribute.issue_answers import Terms
from ngo_directory.text.translit import slugify
from sitetools import ROOT, build, copy_project

REGIONS = ROOT / "ngo_data/regions.yaml"
CLDR = ROOT / "node_modules/cldr-subdivisions-full/subdivisions/en/en.json"
# The names the vocabulary writes otherwise than its sources, and why. Everything else is
# exactly pycountry's (az, ru) or CLDR's (en).
AZ_NAMES = {
    # ISO gives a city and the district around it one name; the page needs two.
    "AZ-SAK": "Şəki rayonu",
    "AZ-LAN": "Lənkəran rayonu",
    "AZ-YEV": "Yevlax rayonu",
    "AZ-NX": "Naxçıvan Muxtar Respublikası",
    "AZ-KAN": "Kəngərli",  # pycountry writes ǝ (U+01DD) for ə (U+0259)
}
RU_NAMES = {
    "AZ-SA": "Шеки",  # pycountry gives the city its district's name
    "AZ-YE": "Евлах",  # likewise
    "AZ-LAN": "Ленкоранский район",  # pycountry gives the district its city's name
    "AZ-AGS": "Агдашский район",  # pycountry: "Агдашаский", a misspelling
    "AZ-XVD": "Ходжавендский район",  # pycountry: "Ходжаведский", a misspelling
    "AZ-MI": "Мингечевир",  # the city's name today; pycountry's Soviet "Мингечаур" is an alias
    "AZ-NX": "Нахичеванская Автономная Республика",  # pycountry gives the republic its capital's name
}
EN_NAMES = {
    "AZ-XA": "Khankendi",  # CLDR writes the name Azerbaijan does not use; it is an alias
    # The directory's nine first places keep the English names their pages had.
    "AZ-SA": "Sheki",
    "AZ-SAK": "Sheki District",
    "AZ-SM": "Sumgait",
    "AZ-QBA": "Guba",
    "AZ-ISM": "Ismayilli",
}
FIRST_NINE = {"azerbaijan", "baku", "ganja", "sheki", "mingachevir", "sumgait", "salyan", "guba", "ismayilli"}


def _vocabulary() -> dict[str, dict[str, Any]]:
    vocabulary: dict[str, dict[str, Any]] = yaml.safe_load(REGIONS.read_text("utf-8"))
    return vocabulary


def _subdivisions() -> list[Any]:
    found = pycountry.subdivisions.get(country_code="AZ")  # type: ignore[no-untyped-call]
    return sorted(found, key=lambda s: s.code)


def test_the_vocabulary_holds_every_iso_place_once_with_its_sources_names() -> None:
    vocabulary = _vocabulary()
    by_code = {entry["iso"]: slug for slug, entry in vocabulary.items() if "iso" in entry}
    subdivisions = _subdivisions()
    assert len(subdivisions) == 78
    assert sorted(by_code) == [s.code for s in subdivisions]
    assert [slug for slug, entry in vocabulary.items() if "iso" not in entry] == ["azerbaijan"]
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    english = json.loads(CLDR.read_text("utf-8"))["subdivisions"]["localeDisplayNames"]["subdivisions"]
    for place in subdivisions:
        entry = vocabulary[by_code[place.code]]
        assert entry["name"] == {
            "az": AZ_NAMES.get(place.code, place.name),
            "ru": RU_NAMES.get(place.code, russian.gettext(place.name)),
            "en": EN_NAMES.get(place.code, english[place.code.replace("-", "").lower()]),
        }, place.code
        parent = by_code.get(place.parent_code) if place.parent_code else None
        assert entry.get("part_of") == parent, place.code


def test_every_name_written_otherwise_than_its_source_is_still_found() -> None:
    """A source's own spelling, where the vocabulary writes another, stays an alias (search and
    'did you mean' find it), unless the source misspells it."""
    vocabulary = _vocabulary()
    by_code = {entry["iso"]: entry for entry in vocabulary.values() if "iso" in entry}
    english = json.loads(CLDR.read_text("utf-8"))["subdivisions"]["localeDisplayNames"]["subdivisions"]
    for code in EN_NAMES:
        entry = by_code[code]
        found = [*entry["name"].values(), *entry.get("also_known_as", ())]
        assert english[code.replace("-", "").lower()] in found, code
    assert "Мингечаур" in by_code["AZ-MI"]["also_known_as"]


def test_slugs_are_english_names_and_the_first_nine_keep_theirs() -> None:
    vocabulary = _vocabulary()
    assert set(vocabulary) >= FIRST_NINE
    for slug, entry in vocabulary.items():
        if slug not in FIRST_NINE:
            assert slug == slugify(entry["name"]["en"]), slug
    names = {(lang, entry["name"][lang]) for entry in vocabulary.values() for lang in ("az", "ru", "en")}
    assert len(names) == 3 * len(vocabulary)  # no two places share a name in any language


def _project(tmp_path: Path) -> tuple[Path, Path]:
    data, content = copy_project(tmp_path / "project")
    return data, content


def _ngo(regions: str, locations: str = "") -> str:
    return (
        "name: {az: Hər yer Birliyi, en: Everywhere Union}\ndescription: {en: Works in every place.}\n"
        f"regions: {regions}\nthemes: [ict]\nmaintainers: [someone]\n"
        f'last_verified: "2026-11-22"\nadded: "2026-11-22"\n{locations}'
    )


def _validate(data: Path, content: Path, language: str) -> list[str]:
    result = CliRunner().invoke(
        main, ["validate", "--data", str(data), "--content", str(content), "--lang", language]
    )
    return [line for line in result.stdout.splitlines() if line.startswith("ngo_data/")]


MESSAGES = {
    "en": [
        "regions[1]: unknown region 'Lənkəran' (did you mean 'lankaran' or 'lankaran-district'? "
        "values are the slugs in ngo_data/regions.yaml)",
        "regions[3]: 'AZ-LA' and 'lankaran' are one place (name each place once)",
        "regions[4]: unknown region 'az-sa' (did you mean 'sheki'? "
        "values are the slugs in ngo_data/regions.yaml)",
    ],
    "ru": [
        "regions[1]: неизвестный регион 'Lənkəran' (может быть, имелось в виду 'lankaran' или "
        "'lankaran-district'? значения — это slug из ngo_data/regions.yaml)",
        "regions[3]: 'AZ-LA' и 'lankaran' — одно и то же место (укажите каждое место один раз)",
        "regions[4]: неизвестный регион 'az-sa' (может быть, имелось в виду 'sheki'? значения — это slug "
        "из ngo_data/regions.yaml)",
    ],
    "az": [
        "regions[1]: naməlum region 'Lənkəran' (bəlkə 'lankaran' və ya 'lankaran-district' nəzərdə "
        "tutulub? dəyərlər ngo_data/regions.yaml faylındakı slug-lardır)",
        "regions[3]: 'AZ-LA' və 'lankaran' eyni yerdir (hər yeri bir dəfə yazın)",
        "regions[4]: naməlum region 'az-sa' (bəlkə 'sheki' nəzərdə tutulub? dəyərlər "
        "ngo_data/regions.yaml faylındakı slug-lardır)",
    ],
}


@pytest.mark.parametrize("language", ["en", "ru", "az"])
def test_a_name_typed_for_a_place_gets_every_place_it_may_mean(tmp_path: Path, language: str) -> None:
    data, content = _project(tmp_path)
    (data / "ngos/everywhere.yaml").write_text(_ngo("[lankaran, Lənkəran, AZ-LAN, AZ-LA, az-sa]"), "utf-8")
    problems = _validate(data, content, language)
    assert [p.split(": ", 1)[1] for p in problems] == MESSAGES[language]
    assert all(p.startswith("ngo_data/ngos/everywhere.yaml:3:") for p in problems)


def test_the_vocabulary_refuses_a_code_twice_an_unknown_group_and_a_loop(tmp_path: Path) -> None:
    data, content = _project(tmp_path)
    text = (data / "regions.yaml").read_text("utf-8")
    text = text.replace("  iso: AZ-SAK\n", "  iso: AZ-SA\n", 1)
    text = text.replace("  part_of: nakhchivan-ar\n", "  part_of: nakhchivan-republic\n", 1)
    text += "loop-a:\n  name: {az: A, ru: А, en: A}\n  part_of: loop-b\n"
    text += "loop-b:\n  name: {az: B, ru: Б, en: B}\n  part_of: loop-a\n"
    (data / "regions.yaml").write_text(text, "utf-8")
    problems = [p.split(": ", 1)[1] for p in _validate(data, content, "en")]
    assert problems == [
        "babek.part_of: unknown region 'nakhchivan-republic' (write the slug of another entry of this file)",
        "sheki-district.iso: ISO code AZ-SA is also that of 'sheki' "
        "(a place has one entry: merge the two, or correct the code)",
        "loop-a.part_of: 'loop-a' would lie within itself "
        "(a place lies within a larger one: remove part_of from one of them)",
        "loop-b.part_of: 'loop-b' would lie within itself "
        "(a place lies within a larger one: remove part_of from one of them)",
    ]


@pytest.fixture(scope="module")
def everywhere_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample with one NGO that names all 78 places, by ISO code, and one in Ordubad."""
    tmp = tmp_path_factory.mktemp("places")
    data, content = _project(tmp)
    codes = sorted(s.code for s in _subdivisions())
    (data / "ngos/everywhere.yaml").write_text(_ngo(json.dumps(codes)), "utf-8")
    (data / "ngos/ordubad-union.yaml").write_text(
        _ngo("[AZ-ORD]").replace("Everywhere Union", "Ordubad Union").replace("Hər yer", "Ordubad"), "utf-8"
    )
    site = build(tmp / "site", data, content)
    yield site
    shutil.rmtree(tmp, ignore_errors=True)


def _page(site: Path, path: str) -> html.HtmlElement:
    return html.parse(str(site / path / "index.html")).getroot()


def test_a_record_naming_every_place_is_on_every_places_page(everywhere_site: Path) -> None:
    vocabulary = _vocabulary()
    for slug, entry in vocabulary.items():
        if "iso" not in entry:
            continue
        for prefix in ("", "ru/", "en/"):
            page = _page(everywhere_site, f"{prefix}regions/{slug}")
            names = page.xpath("//section[@aria-labelledby='ngos']//ul[@class='cards']/li/a[1]//text()")
            assert any("Everywhere Union" in n or "Hər yer" in n for n in names), (prefix, slug)
            code = page.xpath("//main//code/text()")
            assert entry["iso"] in code, (prefix, slug)


def test_who_does_what_and_its_hxl_carry_the_iso_codes(everywhere_site: Path) -> None:
    codes = {s.code for s in _subdivisions()}
    for prefix in ("", "ru/", "en/"):
        data = (everywhere_site / f"{prefix}who-does-what/who-does-what.csv").read_bytes()
        rows = [
            row
            for row in hxl.data(io.BytesIO(data))
            if row.get("#org") in ("Everywhere Union", "Hər yer Birliyi")
        ]
        assert {row.get("#adm1+code") for row in rows} == codes, prefix
    page = _page(everywhere_site, "en/who-does-what")
    text = page.text_content()
    for entry in _vocabulary().values():
        if "iso" in entry:
            assert entry["name"]["en"] in text


def test_a_place_within_another_is_on_both_pages(everywhere_site: Path) -> None:
    republic = _page(everywhere_site, "en/regions/nakhchivan-ar")
    within = republic.xpath("//section[@aria-labelledby='within']//a/text()")
    assert within == ["Babek", "Julfa", "Kangarli", "Nakhchivan", "Ordubad", "Sadarak", "Shahbuz", "Sharur"]
    ngos = republic.xpath("//section[@aria-labelledby='ngos']//ul[@class='cards']/li/a[1]//text()")
    assert "Ordubad Union" in " ".join(ngos)
    ordubad = _page(everywhere_site, "en/regions/ordubad")
    assert ordubad.xpath("//p[@class='meta']/a/text()") == ["Nakhchivan AR"]
    baku = _page(everywhere_site, "en/regions/baku")
    assert "Ordubad Union" not in baku.text_content()


def test_open_data_and_json_ld_carry_the_iso_codes(everywhere_site: Path) -> None:
    directory = json.loads((everywhere_site / "data/directory.json").read_text("utf-8"))
    assert directory["regions"]["lankaran"]["iso"] == "AZ-LA"
    assert directory["regions"]["ordubad"]["part_of"] == "nakhchivan-ar"
    assert "iso" not in directory["regions"]["azerbaijan"]
    assert directory["ngos"]["everywhere"]["regions"][0] == "absheron"  # written by slug
    csv_text = (everywhere_site / "data/ngos.csv").read_text("utf-8")
    header, *rows = [line.split(",") for line in csv_text.splitlines()]
    assert "regions_iso" in header
    ordubad = next(row for row in rows if row[0] == "ordubad-union")
    assert ordubad[header.index("regions_iso")] == "AZ-ORD"
    page = _page(everywhere_site, "en/ngos/ordubad-union")
    blocks = [json.loads(s) for s in page.xpath("//script[@type='application/ld+json']/text()")]
    served = [area for block in blocks for area in block.get("areaServed", [])]
    assert served and served[0]["identifier"] == "AZ-ORD"
    assert served[0]["@type"] == "AdministrativeArea"


FORM = ROOT / ".github/ISSUE_TEMPLATE/add-or-update-ngo.yml"


def test_the_issue_form_lists_every_place_as_the_vocabulary_names_it() -> None:
    """The form's folded list is what `make readme` writes from regions.yaml, and every name in
    it, typed as the answer, is read as its place."""
    checked = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", str(FORM)], cwd=ROOT, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    body = yaml.safe_load(FORM.read_text("utf-8"))["body"]
    at = next(i for i, element in enumerate(body) if element.get("id") == "regions")
    table = body[at - 1]["attributes"]["value"]
    rows = [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in table.splitlines()
        if line.startswith("| ") and "---" not in line
    ][1:]
    vocabulary = _vocabulary()
    assert len(rows) == len(vocabulary) == 79
    terms = Terms.read(REGIONS)
    for slug, entry in vocabulary.items():
        row = [entry["name"]["az"], entry["name"]["ru"], entry["name"]["en"], entry.get("iso", "—")]
        assert row in rows, slug
        for typed in row[2:3] + ([row[3]] if "iso" in entry else []):
            assert terms.slug(typed) == slug, typed
