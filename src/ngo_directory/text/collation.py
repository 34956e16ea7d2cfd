"""Alphabetical order per language, for A-Z lists and their letter headings: Azerbaijani (… E Ə F …,
X after H, Q after K, and W, which it lacks, after Z as CLDR orders it), Russian (Ё with Е;
Cyrillic first, then Latin) and English (Latin first, then Cyrillic)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from .translit import CYRILLIC_LETTERS, to_ascii


@dataclass(frozen=True)
class Alphabet:
    """The letters of an alphabet in order, the language they belong to and their script (ISO
    15924). A variant is sorted and listed with its base letter (Russian ё with е) and comes
    after it only between names that are otherwise the same."""

    letters: str
    language: str
    script: str
    variants: dict[str, str] = field(default_factory=dict, compare=False)


# Azerbaijani has no W; foreign names with it are listed under W, after Z.
AZERBAIJANI = Alphabet("abcçdeəfgğhxıijkqlmnoöprsştuüvyzw", "az", "Latn")
RUSSIAN = Alphabet("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "ru", "Cyrl")
# On Russian pages Ё is no letter of its own: Ёлка is listed under Е, as in Russian dictionaries.
RUSSIAN_DICTIONARY = replace(RUSSIAN, letters=RUSSIAN.letters.replace("ё", ""), variants={"ё": "е"})
ENGLISH = Alphabet("abcdefghijklmnopqrstuvwxyz", "en", "Latn")
# The alphabets a language's readers look through, in order: their own first.
ALPHABETS = {
    "az": (AZERBAIJANI, RUSSIAN),
    "ru": (RUSSIAN_DICTIONARY, ENGLISH),
    "en": (ENGLISH, RUSSIAN),
}
OTHER = 9  # rank of digits, punctuation and letters no alphabet knows

SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...]]


@dataclass(frozen=True)
class Letter:
    """A letter heading of an A-Z list, as a page shows it."""

    text: str  # 'Ə', 'Е', 'W', or '#' for names that start with no letter of the page's alphabets
    script: str  # 'Latn' or 'Cyrl'; '' for '#'
    lang: str  # the language of the letter's alphabet when it is not the page's; else ''

    @property
    def anchor(self) -> str:
        """The id of its heading: 'letter-A' (Latin) and 'letter-А' (Cyrillic) are two ids."""
        return "letter-" + ("other" if self.text == "#" else self.text)


@dataclass(frozen=True)
class _Place:
    rank: int  # which of the page's alphabets, or OTHER
    position: int  # where in it
    letter: str  # the letter it is listed under ('' for OTHER)
    variant: int  # 0 for the letter itself, 1 for a variant or a letter folded to it


def _alphabets(language: str) -> tuple[Alphabet, ...]:
    return ALPHABETS.get(language, (ENGLISH,))


def _lower(text: str, language: str) -> str:
    if language == "az":  # dotted and dotless i are two letters
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def _upper(letter: str, language: str) -> str:
    if language == "az" and letter in "iı":
        return "İ" if letter == "i" else "I"
    return letter.upper()


def _fold(char: str) -> str:
    """The plain letter a letter no alphabet of the page has goes with: é -> e, ş -> s, ł -> l,
    ß -> s on an English page. Only Latin letters and the Cyrillic ones of our own table fold:
    a Greek or Georgian name is listed under '#', not under a Latin letter."""
    if char in CYRILLIC_LETTERS or unicodedata.name(char, "").startswith("LATIN "):
        return to_ascii(char)[:1]
    return ""


def _place(char: str, alphabets: tuple[Alphabet, ...]) -> _Place:
    """Where one lowercase character sorts among the page's alphabets."""
    for rank, alphabet in enumerate(alphabets):
        base = alphabet.variants.get(char, char)
        if base in alphabet.letters:
            return _Place(rank, alphabet.letters.index(base), base, int(base != char))
    folded = _fold(char)
    for rank, alphabet in enumerate(alphabets):
        if folded and folded in alphabet.letters:
            return _Place(rank, alphabet.letters.index(folded), folded, 1)
    return _Place(OTHER, ord(char), "", 0)


# A build sorts the same names again and again (every list a record is on, in every language):
# each name's key is worked out once.
@cache
def sort_key(text: str, language: str) -> SortKey:
    """Order names the way the language's alphabet does; spaces and punctuation are skipped.
    Letters first; a variant or folded letter (ё, ş on an English page) decides only a tie."""
    alphabets = _alphabets(language)
    places = [_place(char, alphabets) for char in _lower(text, language) if char.isalnum()]
    return tuple((p.rank, p.position) for p in places), tuple(p.variant for p in places)


def heading(text: str, language: str) -> Letter:
    """The heading a name is listed under on a page in ``language``: 'Ə' for Əli on an
    Azerbaijani page, 'Е' for Ёлка on a Russian one, '#' when it starts with no letter."""
    alphabets = _alphabets(language)
    for char in _lower(text, language):
        if char.isalnum():
            place = _place(char, alphabets)
            if not place.letter.isalpha():
                break
            alphabet = alphabets[place.rank]
            lang = alphabet.language if alphabet.language != language else ""
            return Letter(_upper(place.letter, language), alphabet.script, lang)
    return Letter("#", "", "")


def initial(text: str, language: str) -> str:
    """The letter a name is listed under ('Ə' for Əli on an Azerbaijani page), or '#'."""
    return heading(text, language).text
