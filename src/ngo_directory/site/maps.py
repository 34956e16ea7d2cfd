"""Maps of where organisations and programmes work: Azerbaijan with the places they cover
highlighted, drawn when the site is built as a small inline SVG (no script, no tiles).

The shapes are ISO 3166-2:AZ subdivisions from Natural Earth (public domain), projected and
simplified into ``azerbaijan_map.json`` by ``make map-data`` (tools/map-data/azerbaijan-map.mjs). A place
the file has no shape for is drawn nowhere: ``unmapped`` names it, for the page to say in words."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from markupsafe import Markup

from ..records.models import VocabularyEntry
from .pages import NATIONWIDE

DATA = "azerbaijan_map.json"
# The code of the whole country (ISO 3166-1), marking the map of nationwide work.
COUNTRY = "AZ"
# The radius of the ring around a place too small to see, in the map's units (600 across).
RING = 7


@dataclass(frozen=True)
class Shapes:
    """The map's drawing: its viewBox, the country's outline, each place's outline (SVG path
    data) and the centre of each place too small to see."""

    view_box: str
    country: str
    places: Mapping[str, str]
    marks: Mapping[str, tuple[int, int]]


@cache
def shapes() -> Shapes:
    """The shapes ``make map-data`` derived, read once."""
    data = json.loads(resources.files(__package__).joinpath(DATA).read_text("utf-8"))
    return Shapes(
        view_box=data["viewBox"],
        country=data["country"],
        places=data["places"],
        marks={code: (x, y) for code, (x, y) in data["marks"].items()},
    )


def unmapped(codes: Iterable[str | None]) -> list[str | None]:
    """The codes among ``codes`` that the map cannot draw (no shape, or no code), in their order."""
    places = shapes().places
    return [code for code in codes if code not in places]


def coverage_map(codes: Iterable[str | None], title: str, *, nationwide: bool = False) -> Markup:
    """An SVG of Azerbaijan, the places of ``codes`` (ISO 3166-2:AZ) highlighted, or the whole
    country if ``nationwide``; ``title`` is its accessible name, such as the places' names in the
    page's language. Each highlighted shape carries its code in ``data-iso`` (the whole country
    'AZ'; a country mostly covered, drawn marked as a whole, lists the codes it covers, space
    separated); codes the map has no shape for are left out (see ``unmapped``)."""
    drawing = shapes()
    here = Markup('<path class="here" data-iso="{}" d="{}"/>')
    land = Markup('<path class="land" d="{}"/>')
    if nationwide:
        parts = [here.format(COUNTRY, drawing.country)]
    else:
        covered = sorted({code for code in codes if code is not None and code in drawing.places})
        if 2 * len(covered) <= len(drawing.places):
            parts = [land.format(drawing.country), *(here.format(c, drawing.places[c]) for c in covered)]
        else:
            # Most of the country: drawn marked as a whole (its codes listed), the places it does
            # not cover drawn over it unmarked, so a map costs as much as its shorter list.
            rest = sorted(set(drawing.places) - set(covered))
            parts = [
                here.format(" ".join(covered), drawing.country),
                *(land.format(drawing.places[c]) for c in rest),
            ]
        ring = Markup('<circle class="ring" data-iso="{}" cx="{}" cy="{}" r="{}"/>')
        parts += [ring.format(code, *drawing.marks[code], RING) for code in covered if code in drawing.marks]
    return Markup('<svg class="map" viewBox="{}" role="img"><title>{}</title>{}</svg>').format(
        drawing.view_box, title, Markup("").join(parts)
    )


def region_map(regions: Sequence[VocabularyEntry], title: str) -> Markup:
    """The map of a page's regions (a template global): their places highlighted, or the whole
    country if one of them is the nationwide region."""
    nationwide = any(region.slug == NATIONWIDE for region in regions)
    return coverage_map([region.iso for region in regions], title, nationwide=nationwide)


def unmapped_regions(regions: Sequence[VocabularyEntry]) -> list[VocabularyEntry]:
    """The regions among ``regions`` that the map cannot draw, for the page to name in words (the
    nationwide region is drawn as the whole country)."""
    places = shapes().places
    return [region for region in regions if region.slug != NATIONWIDE and region.iso not in places]
