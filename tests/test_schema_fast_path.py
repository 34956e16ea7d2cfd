"""The schemas' fast path: fastjsonschema says "valid" exactly where the full validator, whose
errors are reported, finds nothing wrong, and refuses exactly what it refuses. Every field of a
record of each kind is deleted, replaced by hostile and mistyped values and given unknown
neighbours, and both validators judge the result. (tests/conftest.py also has both judge every
record that the validator's own tests check.)"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ngo_directory.records.loader import load_file
from ngo_directory.records.validate import RECORD_FOLDERS
from ngo_directory.schema import coerce, inlined_schema, is_valid, validator
from sitetools import ROOT

DATA = ROOT / "ngo_data"
TEXTS: list[Any] = [
    "",
    " ",
    "x",
    "x" * 300,
    "line\nbreak",
    "trailing newline\n",
    "\u202eright-to-left",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "http://",
    "https://exa mple.org",
    "https://user:pw@example.org",
    "ftp://example.org",
    "a@",
    "+994",
    "+994 12 555 03 03 x",
    "2026-02-30",
    "2026-13-01 10:00",
    "2026-12-01 24:00",
    "Asia/Nowhere",
    "99999999999999999999",
    "-1",
    "@octocat",
    "AZ",
    "az",
    "en",
    "placeholder",
]
VALUES: list[Any] = [*TEXTS, [], {}, ["x"], [[]], [{}], {"az": "x"}, {"xx": "y"}, 7, None, True]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _mutations(data: Any) -> Iterator[Any]:
    for path in _paths(data):
        if path:
            parent_path, last = path[:-1], path[-1]
            deleted = copy.deepcopy(data)
            del _at(deleted, parent_path)[last]
            yield deleted
            for value in VALUES:
                changed = copy.deepcopy(data)
                _at(changed, parent_path)[last] = value
                yield changed
        node = _at(data, path)
        if isinstance(node, dict):
            for key in ("unknown", "az", "source", "slug"):
                if key not in node:
                    added = copy.deepcopy(data)
                    _at(added, path)[key] = "x"
                    yield added
        elif isinstance(node, list):
            for value in VALUES[::3]:
                grown = copy.deepcopy(data)
                _at(grown, path).append(value)
                yield grown


def _largest(folder: Path) -> Path:
    return max(sorted(folder.glob("*.yaml")), key=lambda path: len(path.read_bytes()))


def _loaded(path: Path) -> Any:
    doc, problems = load_file(path, path.name)
    assert doc is not None, problems
    return doc.data


# The vocabularies' first entries: every shape of entry (the places' ISO codes, other
# spellings and kinds), in a tenth of the mutations of the whole of regions.yaml.
ENTRIES = 8
CASES = [(kind, _largest(DATA / folder)) for kind, folder in RECORD_FOLDERS.items()] + [
    ("vocabulary", DATA / "regions.yaml"),
    ("vocabulary", DATA / "themes.yaml"),
]


def _record(name: str, path: Path) -> Any:
    data = _loaded(path)
    return dict(list(data.items())[:ENTRIES]) if name == "vocabulary" else data


@pytest.mark.parametrize(("name", "path"), CASES, ids=[f"{name}-{path.stem}" for name, path in CASES])
def test_the_fast_path_refuses_exactly_what_the_validator_refuses(name: str, path: Path) -> None:
    schema = inlined_schema(name)
    accepted = rejected = 0
    for mutation in _mutations(_record(name, path)):
        data = coerce(mutation, schema)
        fast = is_valid(data, name)
        if fast != validator(name).is_valid(data):
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]
            verdict = "accepted" if fast else "refused"
            pytest.fail(f"the fast path {verdict} {data!r}; the validator's errors: {errors}")
        accepted += fast
        rejected += not fast
    # Neither verdict is vacuous: some mistakes are caught, some changes are still valid records.
    assert rejected > 100
    assert accepted > 0


@pytest.mark.parametrize(
    "path", sorted(DATA.glob("*/*.yaml")), ids=lambda path: f"{path.parent.name}/{path.stem}"
)
def test_every_sample_record_takes_the_fast_path(path: Path) -> None:
    """Valid records never reach the slow validator, which is where the time went."""
    kind = next(kind for kind, folder in RECORD_FOLDERS.items() if folder == path.parent.name)
    data = coerce(_loaded(path), inlined_schema(kind))
    assert is_valid(data, kind)
    assert list(validator(kind).iter_errors(data)) == []
