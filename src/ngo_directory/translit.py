"""Azerbaijani- and Cyrillic-aware folding and transliteration for slugs and matching."""

from __future__ import annotations

import re
import unicodedata

# Azerbaijani Latin letters and their plain Latin stand-ins. Generic ASCII folding gets ə and ı
# wrong ('@' and nothing); the search page folds queries with this same table.
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
# Russian and Azerbaijani Cyrillic, close to the passport (ICAO) transliteration.
_CYRILLIC = {
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
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)


def to_ascii(text: str) -> str:
    """Transliterate Azerbaijani, Russian and other Latin text to lowercase ASCII."""
    text = text.translate(_AZERBAIJANI).lower().translate(_CYRILLIC_TABLE)
    decomposed = unicodedata.normalize("NFKD", text)
    return (
        "".join(c for c in decomposed if not unicodedata.combining(c))
        .encode("ascii", "ignore")
        .decode("ascii")
    )


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
