"""Azerbaijani- and Cyrillic-aware folding and transliteration for slugs and matching."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

# Azerbaijani Latin letters and their plain Latin stand-ins. Generic ASCII folding gets ə and ı
# wrong ('@' and nothing); the search page folds queries with this same table.
# What a slug is, for records, pages and press releases alike: lowercase letters a-z, digits and
# single hyphens, neither first nor last. slugify() below turns any name into one.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
AZERBAIJANI_LETTERS = {
    "ə": "e",
    "Ə": "e",
    "ı": "i",
    "I": "i",
    "İ": "i",
    "ş": "s",
    "Ş": "s",
    "ç": "c",
    "Ç": "c",
    "ğ": "g",
    "Ğ": "g",
    "ö": "o",
    "Ö": "o",
    "ü": "u",
    "Ü": "u",
}
_AZERBAIJANI = str.maketrans(AZERBAIJANI_LETTERS)
# Lowercase Russian and Azerbaijani Cyrillic letters, close to the passport (ICAO) transliteration.
CYRILLIC_LETTERS = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "ј": "y",
    "к": "k",
    "ҝ": "g",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ҹ": "c",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ә": "e",
}
_CYRILLIC_TABLE = str.maketrans(CYRILLIC_LETTERS)


def _unidecode(char: str) -> str:
    """Unidecode's ASCII for one character, without the apostrophes and backticks it uses as
    marks (Georgian 'თ' is 't`'); surrogates, which it warns about, are dropped."""
    if unicodedata.category(char) == "Cs":
        return ""
    return unidecode(char).replace("`", "").replace("'", "")


def to_ascii(text: str) -> str:
    """Transliterate to lowercase ASCII: Azerbaijani and Cyrillic letters with our own tables,
    accents stripped, then Unidecode for whatever is left ('Łódź' -> 'lodz', 'Straße' ->
    'strasse', Greek, Georgian, Armenian...). Unidecode alone gets ə wrong ('@')."""
    text = text.translate(_AZERBAIJANI).lower().translate(_CYRILLIC_TABLE)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c if c.isascii() else _unidecode(c) for c in stripped).lower()


def fold_letters(text: str) -> str:
    """Lowercase, with Azerbaijani letters made plain: 'İsmayıllı' -> 'ismayilli'. Other
    scripts stay as they are. The search page folds queries the same way."""
    return text.translate(_AZERBAIJANI).lower()


def fold(text: str) -> str:
    """Fold for matching: 'Gəncə', 'GENCE' and 'gence' all become 'gence'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", to_ascii(text)).split())


def slugify(text: str, fallback: str = "record") -> str:
    """An ASCII slug such as 'gence-gencler-merkezi'; never empty."""
    return "-".join(re.findall(r"[a-z0-9]+", to_ascii(text)))[:80].strip("-") or fallback
