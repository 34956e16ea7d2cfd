"""Alphabetical order per language: Azerbaijani (… E Ə F …, X after H, Q after K), Russian
(Cyrillic first, then Latin) and English, for A-Z lists and their letter headings."""

from __future__ import annotations

from .translit import to_ascii

AZERBAIJANI = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
ENGLISH = "abcdefghijklmnopqrstuvwxyz"
# The alphabets a language's readers look through, in order: their own first.
ALPHABETS = {
    "az": (AZERBAIJANI, RUSSIAN),
    "ru": (RUSSIAN, ENGLISH),
    "en": (ENGLISH, RUSSIAN),
}
OTHER = 9  # rank of digits, punctuation and letters no alphabet knows


def _lower(text: str, language: str) -> str:
    if language == "az":  # dotted and dotless i are two letters
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def _upper(letter: str, language: str) -> str:
    if language == "az" and letter in "iı":
        return "İ" if letter == "i" else "I"
    return letter.upper()


def _place(char: str, alphabets: tuple[str, ...]) -> tuple[int, int, str]:
    """(alphabet rank, position, letter) of one lowercase character."""
    for rank, alphabet in enumerate(alphabets):
        if char in alphabet:
            return rank, alphabet.index(char), char
    folded = to_ascii(char)[:1]  # é -> e, ş -> s on an English page
    for rank, alphabet in enumerate(alphabets):
        if folded and folded in alphabet:
            return rank, alphabet.index(folded), folded
    return OTHER, ord(char), ""


def sort_key(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Order names the way the language's alphabet does; spaces and punctuation are skipped."""
    alphabets = ALPHABETS.get(language, (ENGLISH,))
    places = (_place(char, alphabets) for char in _lower(text, language) if char.isalnum())
    return tuple((rank, position) for rank, position, _ in places)


def initial(text: str, language: str) -> str:
    """The letter a name is listed under ('Ə' for Əli on an Azerbaijani page), or '#'."""
    alphabets = ALPHABETS.get(language, (ENGLISH,))
    for char in _lower(text, language):
        if char.isalnum():
            _, _, letter = _place(char, alphabets)
            return _upper(letter, language) if letter.isalpha() else "#"
    return "#"
