"""Open data: the JSON of every record kind follows the published JSON Schema of its kind, the CSV
files read back with the csv module, the Data Package is valid for frictionless, and nothing in
a cell runs in a spreadsheet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource

from ngo_directory.site.open_data import web_json
from sitetools import build, copy_project, inputs_of, parse

pytestmark = pytest.mark.site

FOLDERS = {"ngo": "ngos", "partner": "partners", "meeting": "meetings", "programme": "programmes"}


def _validator(site: Path, kind: str) -> Draft7Validator:
    """The schema as the site publishes it, its relative $refs resolved among the published files."""
    folder = site / "schemas"
    resources = {
        path.name: Resource.from_contents(json.loads(path.read_text("utf-8")))
        for path in folder.glob("*.json")
    }
    registry: Registry = Registry().with_resources(resources.items())
    return Draft7Validator(json.loads((folder / f"{kind}.schema.json").read_text("utf-8")), registry=registry)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_every_kind_is_published_as_json_that_follows_its_schema(sample_site: Path) -> None:
    inputs = inputs_of()
    for kind, folder in FOLDERS.items():
        document = json.loads((sample_site / "data" / f"{folder}.json").read_text("utf-8"))
        assert document["kind"] == kind and document["schema"] == f"/schemas/{kind}.schema.json"
        assert document["licence"]["name"] == "CC-BY-4.0"
        assert set(document["records"]) == getattr(inputs, folder)
        validator = _validator(sample_site, kind)
        for slug, record in document["records"].items():
            assert list(validator.iter_errors(record)) == [], slug
    whole = json.loads((sample_site / "data/directory.json").read_text("utf-8"))
    assert set(whole["ngos"]) == inputs.ngos and set(whole["regions"]) == inputs.regions
    assert whole["series"]["isar-regional-ngo-meetings"]["name"]["en"] == "ISAR's regional NGO meetings"


def test_each_ngo_is_published_alone(sample_site: Path) -> None:
    """data/ngos/<slug>.json: each NGO as data/ngos.json has it (its file's data), following the
    published schema, for the site's NGO form to start from."""
    records = json.loads((sample_site / "data/ngos.json").read_text("utf-8"))["records"]
    files = sorted((sample_site / "data/ngos").glob("*.json"))
    assert [path.stem for path in files] == sorted(inputs_of().ngos)
    validator = _validator(sample_site, "ngo")
    for path in files:
        record = json.loads(path.read_text("utf-8"))
        assert record == records[path.stem]
        assert list(validator.iter_errors(record)) == [], path.name


def test_each_kind_is_a_csv_with_a_column_per_language(sample_site: Path) -> None:
    rows = _csv(sample_site / "data/programmes.csv")
    assert {row["slug"] for row in rows} == inputs_of().programmes
    npc = next(row for row in rows if row["slug"] == "national-pc-project")
    assert (npc["title_az"], npc["title_ru"], npc["title_en"]) == (
        "Xalq Kompüteri",
        "Народный компьютер",
        "National PC project",
    )
    assert npc["regions"] == "azerbaijan" and npc["themes"] == "ict; education"
    assert npc["start_year"] == "2009" and json.loads(npc["results"])[1]["value"] == 11500
    meeting = _csv(sample_site / "data/meetings.csv")[0]
    assert meeting["organisers"] == "isar" and meeting["title_en"] == "ISAR's first regional NGO meeting"


def test_the_data_package_is_valid(sample_site: Path) -> None:
    from frictionless import validate

    report = validate(str(sample_site / "data/datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = json.loads((sample_site / "data/datapackage.json").read_text("utf-8"))
    assert [r["path"] for r in package["resources"]] == [f"{folder}.csv" for folder in FOLDERS.values()]
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"


def test_the_data_page_names_the_licence_and_links_every_file(sample_site: Path) -> None:
    page = parse(sample_site / "en/data/index.html")
    (licence,) = page.xpath("//main//a[@rel='license']")
    assert licence.get("href") == "https://creativecommons.org/licenses/by/4.0/"
    links = page.xpath("//main//a[@type]/@href")
    assert len(links) == 3 * len(FOLDERS) + 2
    for link in links:
        assert (sample_site / "en/data" / link).resolve().is_file(), link
    footer = parse(sample_site / "ru/ngos/index.html").xpath("//footer[@class='site']//a/@href")
    assert "../../ru/data/" in footer


def test_csv_cells_are_safe_in_a_spreadsheet(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path / "project")
    (data / "ngos/formula.yaml").write_text(
        'name: "=HYPERLINK(\\"http://x.example\\",\\"y\\")"\ndescription: {en: "@SUM(1)", az: "-1+2"}\n'
        "regions: [baku]\nthemes: [ict]\nmaintainers: [someone]\n"
        'last_verified: "2026-11-22"\nadded: "2026-11-22"\n',
        "utf-8",
    )
    site = build(tmp_path / "site", data, content)
    row = next(row for row in _csv(site / "data/ngos.csv") if row["slug"] == "formula")
    assert row["name_az"] == "'" + '=HYPERLINK("http://x.example","y")'
    assert (row["description_en"], row["description_az"]) == ("'@SUM(1)", "'-1+2")
    record = json.loads((site / "data/ngos.json").read_text("utf-8"))["records"]["formula"]
    assert record["name"] == '=HYPERLINK("http://x.example","y")'  # JSON keeps the value as written


def test_json_files_hold_no_markup_characters(tmp_path: Path) -> None:
    """A name holding markup reads back exactly, but no JSON file holds '<', '>', '&' or the
    Unicode line separators as themselves: a consumer pasting the file into a page with
    innerHTML, or a browser sniffing it, finds nothing to run."""
    hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)> Gəncə"
    data, content = copy_project(tmp_path / "project")
    (data / "ngos/hostile.yaml").write_text(
        f"name: {json.dumps(hostile)}\ndescription: {{en: {json.dumps(hostile)}}}\n"
        "regions: [baku]\nthemes: [ict]\nmaintainers: [someone]\n"
        'last_verified: "2026-11-22"\nadded: "2026-11-22"\n',
        "utf-8",
    )
    site = build(tmp_path / "site", data, content)
    record = json.loads((site / "data/ngos.json").read_text("utf-8"))["records"]["hostile"]
    assert record["name"] == hostile and record["description"] == {"en": hostile}
    whole = json.loads((site / "data/directory.json").read_text("utf-8"))
    assert whole["ngos"]["hostile"]["name"] == hostile
    files = sorted((site / "data").rglob("*.json"))
    assert len(files) >= 6
    for path in files:
        raw = path.read_text("utf-8")
        for character in "<>&\u2028\u2029":
            assert character not in raw, (path.name, character)
    assert "\\u003cscript\\u003e" in (site / "data/ngos.json").read_text("utf-8")
    assert json.loads((site / "data/ngos/hostile.json").read_text("utf-8")) == record


def test_web_json_escapes_the_line_separators_too() -> None:
    """Records refuse U+2028 and U+2029 (the loader), so the build never meets them; the writer
    escapes them all the same, and the data reads back unchanged."""
    value = {"name": "a\u2028b\u2029c <&> Şəki"}
    raw = web_json(value, indent=1)
    assert json.loads(raw) == value
    assert b"\\u2028" in raw and b"\\u2029" in raw and "Şəki".encode() in raw
    assert not any(character.encode() in raw for character in "<>&\u2028\u2029")
