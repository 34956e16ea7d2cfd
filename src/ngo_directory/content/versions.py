"""Language versions of press releases and pages: one per site language, real or fallback.

The translations of one text share its slug. Every site language gets a version of every text:
its own translation when there is one, otherwise the first translation in the fallback order,
shown under that language's prefix and marked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..i18n import Languages
from .model import ContentPage, PressRelease

Item = TypeVar("Item", PressRelease, ContentPage)


@dataclass(frozen=True)
class Version(Generic[Item]):
    """A press release or page as shown in one site language."""

    item: Item
    language: str
    url: str
    alternates: tuple[tuple[str, str], ...]  # (language, url) of every version of the text

    @property
    def fallback(self) -> bool:
        """True when the text has no translation into ``language`` and another is shown."""
        return self.item.lang != self.language


def by_slug(items: Iterable[Item]) -> list[list[Item]]:
    """The translations of each text, texts in the order their first version comes."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.slug, []).append(item)
    return list(groups.values())


def versions_of(groups: Iterable[Sequence[Item]], languages: Languages) -> list[dict[str, Version[Item]]]:
    """For each text (its translations), its version in every site language."""
    found = []
    for translations in groups:
        by_language = {item.lang: item for item in translations}
        shown = {
            language: next(by_language[lang] for lang in languages.order(language) if lang in by_language)
            for language in languages.languages
        }
        urls = {
            # A real translation lives at its own URL; a fallback goes under the prefix.
            language: item.url if item.lang == language else languages.prefix(language) + item.path
            for language, item in shown.items()
        }
        alternates = tuple(urls.items())
        found.append(
            {
                language: Version(item, language, urls[language], alternates)
                for language, item in shown.items()
            }
        )
    return found
