"""Places: the regions a record names, by slug or by ISO 3166-2 code, and how ISO groups them.

ngo_data/regions.yaml is the one list of places (every ISO 3166-2:AZ subdivision, and
'azerbaijan' for nationwide work); a record may name a place by its slug ('lankaran') or its
ISO code ('AZ-LA'), and is read with the slug in the code's place."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..i18n import N_
from ..problems import Message, Problem
from .loader import Document


def iso_codes(vocabulary: Any) -> dict[str, str]:
    """The slug of each place by its ISO code, from the vocabulary's data."""
    if not isinstance(vocabulary, dict):
        return {}
    return {
        entry["iso"]: slug
        for slug, entry in vocabulary.items()
        if isinstance(entry, dict) and isinstance(entry.get("iso"), str)
    }


def spellings(slug: str, entry: Any) -> list[str]:
    """Every spelling that names an entry of a vocabulary (a place, a theme or a series): its
    slug, its ISO code, its names and its other spellings, tolerating bad shapes."""
    entry = entry if isinstance(entry, dict) else {}
    names = entry.get("name")
    aliases = entry.get("also_known_as")
    found = [
        slug,
        entry.get("iso"),
        *(names.values() if isinstance(names, dict) else [names]),
        *(aliases if isinstance(aliases, list) else []),
    ]
    return [name for name in found if isinstance(name, str)]


def _region_holders(data: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every place a record names: its regions, its locations' regions
    and a meeting's venue."""
    if not isinstance(data, dict):
        return
    regions = data.get("regions")
    if isinstance(regions, list):
        yield from ((regions, i) for i in range(len(regions)))
    locations = data.get("locations")
    for location in locations if isinstance(locations, list) else ():
        if isinstance(location, dict) and "region" in location:
            yield location, "region"
    venue = data.get("venue")
    if isinstance(venue, dict) and "region" in venue:
        yield venue, "region"


def name_places_by_slug(data: Any, codes: Mapping[str, str]) -> None:
    """Write each place named by its ISO code as its slug, in place."""
    for holder, key in _region_holders(data):
        value = holder[key]
        if isinstance(value, str) and value in codes:
            holder[key] = codes[value]


def check_vocabulary(doc: Document) -> list[Problem]:
    """Each ISO code names one place, and each part_of names another place of the list that
    does not lie, in turn, within this one."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = []
    first: dict[str, str] = {}
    for slug, entry in data.items():
        if not isinstance(entry, dict):
            continue
        code = entry.get("iso")
        if isinstance(code, str):
            if code in first:
                problems.append(
                    doc.problem(
                        (slug, "iso"),
                        Message(
                            N_("ISO code %(code)s is also that of '%(slug)s'"), code=code, slug=first[code]
                        ),
                        Message(N_("a place has one entry: merge the two, or correct the code")),
                    )
                )
            first.setdefault(code, slug)
        parent = entry.get("part_of")
        if not isinstance(parent, str):
            continue
        if parent not in data:
            problems.append(
                doc.problem(
                    (slug, "part_of"),
                    Message(N_("unknown region '%(value)s'"), value=parent),
                    Message(N_("write the slug of another entry of this file")),
                )
            )
            continue
        seen = {slug}
        while isinstance(parent, str) and parent in data:
            if parent in seen:
                problems.append(
                    doc.problem(
                        (slug, "part_of"),
                        Message(N_("'%(slug)s' would lie within itself"), slug=slug),
                        Message(N_("a place lies within a larger one: remove part_of from one of them")),
                    )
                )
                break
            seen.add(parent)
            parent_entry = data[parent]
            parent = parent_entry.get("part_of") if isinstance(parent_entry, dict) else None
    return problems
