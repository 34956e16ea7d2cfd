"""Language versions of press releases and pages: one per site language, real or fallback.

Pelican groups the translations of one release by slug (``article.translations``). Every site
language gets a version of every release: its own translation when there is one, otherwise
the first translation in the fallback order, shown under that language's prefix and marked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..i18n import Languages


@dataclass(frozen=True)
class Version:
    """A press release or page (a Pelican content object) as shown in one site language."""

    item: Any
    language: str
    url: str
    alternates: tuple[tuple[str, str], ...]  # (language, url) of every version of the item

    @property
    def fallback(self) -> bool:
        """True when the item has no translation into ``language`` and another is shown."""
        return bool(self.item.lang != self.language)


def versions_of(originals: Iterable[Any], languages: Languages, url_pattern: str) -> list[dict[str, Version]]:
    """For each item (with its Pelican translations), its version in every site language."""
    groups = []
    for original in originals:
        by_language = {item.lang: item for item in (original, *original.translations)}
        shown = {
            language: next(by_language[lang] for lang in languages.order(language) if lang in by_language)
            for language in languages.languages
        }
        urls = {
            # Pelican writes a real translation at its own URL; a fallback goes under the prefix.
            language: item.url
            if item.lang == language
            else languages.prefix(language) + url_pattern.format(**item.url_format)
            for language, item in shown.items()
        }
        alternates = tuple(urls.items())
        groups.append(
            {
                language: Version(item, language, urls[language], alternates)
                for language, item in shown.items()
            }
        )
    return groups
