"""Texts in the alphabet of their language: Azerbaijani and English in Latin letters, Russian in
Cyrillic, and no word that mixes the two (a Cyrillic 'А' in 'Аzərbaycan' looks the same and
breaks search, sorting and links).

Which texts are names and which are long texts comes from the schemas: the "one-line"
definition (names, titles, units) and the "plain-text" one (descriptions, notes, addresses)
carry "textKind": "name" or "text". A mistake in a name is an error; in a long text it is a
warning, which fails only ``validate --strict``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from confusable_homoglyphs import categories

from ..i18n import N_
from ..problems import Message, Path_, Problem
from .loader import Document

NAME, TEXT = "name", "text"
# A Russian text with no Cyrillic letter is wrong only when it says something in words: at
# least this many words of two or more letters ('IREX', 'Microsoft Azerbaijan' or 'UNICEF
# Azərbaycan' are names that stay as written in Russian).
RUSSIAN_WORDS = 3
# A word: letters, and the combining marks of a text in decomposed form (S and a cedilla for Ş),
# which belong to no alphabet of their own.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_NO_ALPHABET = frozenset({"COMMON", "INHERITED"})
# A word that mixes alphabets, by the alphabet of its odd letter.
_MIXED = {
    "LATIN": N_("the word '%(word)s' mixes alphabets: '%(letter)s' is a Latin letter"),
    "CYRILLIC": N_("the word '%(word)s' mixes alphabets: '%(letter)s' is a Cyrillic letter"),
}
_MIXED_OTHER = N_("the word '%(word)s' mixes alphabets: '%(letter)s' is from another one")
_IN_CYRILLIC = {
    "az": N_("the Azerbaijani text is written in Cyrillic letters"),
    "en": N_("the English text is written in Cyrillic letters"),
}


@dataclass(frozen=True)
class Text:
    """One text of a record: where it is, what it says, whether it is a name or a long text,
    and its language when it is one entry of a map of languages (None for a plain string)."""

    path: Path_
    value: str
    kind: str
    language: str | None


def texts(schema: dict[str, Any], value: Any, path: Path_ = ()) -> Iterator[Text]:
    """Every text of ``value`` that ``schema`` (an inlined schema) marks with "textKind"."""
    if isinstance(schema.get("anyOf"), list):
        for branch in schema["anyOf"]:
            if isinstance(branch, dict) and _fits(branch, value):
                yield from texts(branch, value, path)
                return
        return
    if isinstance(value, str):
        kind = schema.get("textKind")
        if kind in (NAME, TEXT):
            language = path[-1] if path and path[-1] in ("az", "ru", "en") else None
            yield Text(path, value, kind, str(language) if language else None)
    elif isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            sub = properties.get(key, extra)
            if isinstance(sub, dict):
                yield from texts(sub, item, (*path, key))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from texts(schema["items"], item, (*path, index))


def _fits(schema: dict[str, Any], value: Any) -> bool:
    wanted = {"string": str, "object": dict, "array": list}.get(str(schema.get("type")))
    return wanted is not None and isinstance(value, wanted)


@cache
def _script(character: str) -> str:
    """The alphabet of a character, as Unicode's data names it (LATIN, CYRILLIC, COMMON...):
    confusable-homoglyphs looks it up in its ranges, once per character here (a directory has a
    few hundred distinct characters and millions of them in all)."""
    return str(categories.alias(character))


def _alphabets(value: str) -> set[str]:
    """The alphabets of a text's letters, looked up once per distinct letter."""
    return {_script(c) for c in set(value) if c.isalpha()} - _NO_ALPHABET


def mixed_words(value: str) -> Iterator[tuple[int, str, str]]:
    """(offset, word, odd letter) for each word that mixes alphabets (as confusable-homoglyphs'
    is_mixed_script decides: more than one alphabet besides COMMON and INHERITED): the odd letter
    is the first of the alphabet the word has fewer letters of."""
    if value.isascii() or len(_alphabets(value)) < 2:
        return  # one alphabet in the whole text: no word can mix two
    for match in _WORD.finditer(value):
        word = match.group()
        if len({_script(c) for c in word} - _NO_ALPHABET) < 2:
            continue
        counts: dict[str, int] = {}
        for character in word:
            if character.isalpha():
                counts[_script(character)] = counts.get(_script(character), 0) + 1
        fewest = min(counts, key=lambda script: (counts[script], script))
        odd = next(c for c in word if c.isalpha() and _script(c) == fewest)
        yield match.start() + word.index(odd), word, odd


def wrong_script(text: Text) -> Message | None:
    """What is wrong with the alphabet of ``text`` for its language, or None."""
    if text.language is None:
        return None
    if ("CYRILLIC" in _alphabets(text.value)) == (text.language == "ru"):
        return None  # Russian with a Cyrillic letter, or another language without one
    letters = [_script(c) for c in text.value if c.isalpha()]
    cyrillic = letters.count("CYRILLIC")
    if text.language == "ru":
        words = [w for w in _WORD.findall(text.value) if len(w) > 1]
        if cyrillic == 0 and len(words) >= RUSSIAN_WORDS:
            return Message(N_("the Russian text has no Cyrillic letter"))
        return None
    if text.language in _IN_CYRILLIC and cyrillic > len(letters) / 2:
        return Message(_IN_CYRILLIC[text.language])
    return None


def script_problems(doc: Document, schema: dict[str, Any]) -> tuple[list[Problem], list[Problem]]:
    """The problems (in names) and the warnings (in long texts) of ``doc``'s alphabets."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for text in texts(schema, doc.data):
        found = errors if text.kind == NAME else warnings
        warning = text.kind == TEXT
        for offset, word, odd in mixed_words(text.value):
            problem = doc.problem(
                text.path,
                Message(_MIXED.get(_script(odd), _MIXED_OTHER), word=word, letter=odd),
                Message(N_("type the word again with one keyboard layout")),
                warning=warning,
            )
            column = doc.column_in(text.path, text.value, offset)
            found.append(problem if column is None else problem.at_column(column))
        wrong = wrong_script(text)
        if wrong is not None:
            hint = (
                Message(N_("write the Russian text here, or remove the ru entry"))
                if text.language == "ru"
                else Message(
                    N_("move the text to the ru entry and write the %(code)s text here in Latin letters"),
                    code=str(text.language),
                )
            )
            found.append(doc.problem(text.path, wrong, hint, warning=warning))
    return errors, warnings
