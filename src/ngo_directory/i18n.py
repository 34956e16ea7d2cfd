"""Site languages: which exist, where each lives, how each falls back, and its UI catalog."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

CATALOGS = Path(__file__).parent / "translations"
DOMAIN = "messages"
# The languages a record's text maps may use (the keys the schema accepts).
RECORD_LANGUAGES = ("az", "ru", "en")
# The language of messages when the environment names none of az, ru and en: the site's
# default language (DEFAULT_LANG in pelicanconf.py).
DEFAULT_LANGUAGE = "az"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    """Mark a string for the catalog without translating it here."""
    return message


def default_language() -> str:
    """The language the environment asks for: the first of az, ru and en in LANGUAGE (GNU
    gettext's list of preferred languages, 'ru:en'), else the locale (the first of LC_ALL,
    LC_MESSAGES and LANG that is set, by its first two letters) when it is one of them; else
    DEFAULT_LANGUAGE."""
    for entry in os.environ.get("LANGUAGE", "").split(":"):
        if entry[:2].lower() in RECORD_LANGUAGES:
            return entry[:2].lower()
    for name in LOCALE_VARIABLES:
        value = os.environ.get(name, "")
        if value:
            code = value[:2].lower()
            return code if code in RECORD_LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def catalog_file(language: str) -> Path:
    return CATALOGS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: str) -> Translations:
    """The UI catalog of ``language``, compiled from its committed .po file in memory."""
    with catalog_file(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    mo = BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def language_prefix(language: str, default: str) -> str:
    """Where a language's pages live: '' for the default language, 'ru/' for Russian."""
    return "" if language == default else f"{language}/"


@dataclass(frozen=True)
class Languages:
    """The site's languages from the settings: the default lives at the root, the others
    under '<lang>/'; a missing text falls back in ``fallbacks`` order."""

    default: str
    languages: tuple[str, ...]
    fallbacks: tuple[str, ...]
    locales: Mapping[str, str]
    site_names: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Languages:
        names = dict(settings.get("NGO_DIRECTORY_SITENAMES") or {})
        return cls(
            default=settings["DEFAULT_LANG"],
            languages=tuple(settings["NGO_DIRECTORY_LANGUAGES"]),
            fallbacks=tuple(settings["NGO_DIRECTORY_FALLBACK_LANGUAGES"]),
            locales=dict(settings["NGO_DIRECTORY_LOCALES"]),
            site_names={
                lang: names.get(lang) or settings.get("SITENAME", "")
                for lang in settings["NGO_DIRECTORY_LANGUAGES"]
            },
        )

    def site_name(self, language: str) -> str:
        """The site's name in ``language`` (NGO_DIRECTORY_SITENAMES, else SITENAME)."""
        return self.site_names.get(language, "")

    def prefix(self, language: str) -> str:
        """The URL prefix of a language: '' for the default, 'ru/' for Russian."""
        return language_prefix(language, self.default)

    def order(self, language: str) -> list[str]:
        """Where to look for a text shown on a ``language`` page: that language, then the fallbacks."""
        return list(dict.fromkeys([language, *self.fallbacks, *RECORD_LANGUAGES]))

    def locale(self, language: str) -> str:
        """The Babel locale that formats dates and numbers for ``language`` (en -> en_GB)."""
        return self.locales.get(language, language)

    def gettext(self, language: str, message: str) -> str:
        return str(translations(language).gettext(message))

    def name(self, language: str, in_language: str | None = None) -> str:
        """A language's name as a label, in itself by default ('Azərbaycan dili', 'Русский', 'English')."""
        names = {
            "az": N_("Azerbaijani"),
            "ru": N_("Russian"),
            "en": N_("English"),
        }
        if language in names:
            return self.gettext(in_language or language, names[language])
        return str(Locale.parse(self.locale(in_language or language)).languages.get(language, language))


def unknown_languages(codes: Sequence[str], allowed: Sequence[str] = RECORD_LANGUAGES) -> list[str]:
    return [code for code in codes if code not in allowed]
