"""Organisations whose names a reader could take for one another: warnings in ``validate``, and
in ``check-pr`` a new record that only a directory maintainer merges.

Two names are *confusable* when their keys are equal, or when the words of one key hold the
whole other key as a run of words ("Alpha Civic Society (impostor)" holds "Alpha Civic
Society"). A name's key is its Unicode confusable skeleton towards Latin (each letter of another
script that looks like a Latin one, such as the Cyrillic "А", becomes that Latin letter; data of
the ``confusable-homoglyphs`` package, from Unicode's confusables.txt), then folded as every
search and slug folds (``text.translit.fold``: case, Azerbaijani letters, punctuation). Every
language version of a name counts. Names that merely share words ("Alpha Civic Society" and
"Beta Civic Society") are not confusable: neither holds the other whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from confusable_homoglyphs import confusables

from ..i18n import N_
from ..problems import Message, Path_, Problem
from ..text.translit import fold
from .loader import Document

ORGANISATION_KINDS = ("ngo", "partner")


@lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """The Latin letter ``char`` looks like, or ``char`` itself."""
    if char.isascii() or not char.isalpha():
        return char
    for found in confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or ():
        for glyph in found["homoglyphs"]:
            if glyph["n"].startswith("LATIN ") and glyph["c"].isascii():
                return str(glyph["c"])
    return char


def name_key(name: str) -> tuple[str, ...]:
    """The words of a name's confusable skeleton, folded: what confusable names share."""
    return tuple(fold("".join(_latin(char) for char in name)).split())


def _runs(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every run of consecutive words of a key, the whole key first."""
    for length in range(len(words), 0, -1):
        for start in range(len(words) - length + 1):
            yield words[start : start + length]


def confusable(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two name keys are confusable: equal, or one holding the other whole."""
    if not first or not second:
        return False
    shorter, longer = sorted((first, second), key=len)
    return shorter in set(_runs(longer))


def names_of(data: Any) -> Iterator[tuple[Path_, str]]:
    """(field path, text) of each language version of a record's ``name``."""
    name = data.get("name") if isinstance(data, dict) else None
    if isinstance(name, str):
        yield ("name",), name
    elif isinstance(name, dict):
        for language, text in name.items():
            if isinstance(text, str):
                yield ("name", language), text


class NameIndex:
    """The names of some records, to find the one a new name is confusable with without
    comparing it with every name: each name's key and every run of its words are looked up."""

    def __init__(self) -> None:
        self._whole: dict[tuple[str, ...], tuple[str, str]] = {}  # key: (slug, name)
        self._runs: dict[tuple[str, ...], tuple[str, str]] = {}  # any run of a key's words

    def add(self, slug: str, data: Any) -> None:
        for _, name in names_of(data):
            key = name_key(name)
            if key:
                self._whole.setdefault(key, (slug, name))
                for run in _runs(key):
                    self._runs.setdefault(run, (slug, name))

    def find(self, data: Any) -> tuple[Path_, str, str, str] | None:
        """(field, name, other slug, other name) of the first name of ``data`` confusable with
        one in the index, or None."""
        for path, name in names_of(data):
            key = name_key(name)
            if not key:
                continue
            found = self._runs.get(key)  # equal to a name, or held whole by one
            for run in _runs(key):  # or holding one whole
                found = found or self._whole.get(run)
            if found is not None:
                return path, name, *found
        return None


CONFUSABLE = N_("the name '%(name)s' can be taken for '%(other)s', the name of %(slug)s (%(file)s)")


def confusable_names(docs: Mapping[str, Mapping[str, Document]]) -> list[Problem]:
    """A warning for each organisation whose name is confusable with an earlier one's (by
    slug), at its name, naming the other record and its file."""
    records = sorted((slug, doc) for kind in ORGANISATION_KINDS for slug, doc in docs.get(kind, {}).items())
    files = {slug: doc.file for slug, doc in records}
    index = NameIndex()
    warnings = []
    for slug, doc in records:
        found = index.find(doc.data)
        index.add(slug, doc.data)
        if found is None:
            continue
        path, name, other, other_name = found
        warnings.append(
            doc.problem(
                path,
                Message(CONFUSABLE, name=name, other=other_name, slug=other, file=files[other]),
                Message(N_("make sure both are the organisations they claim to be")),
                warning=True,
            )
        )
    return warnings
