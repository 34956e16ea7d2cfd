"""What the search index learns about a record or press-release page besides its visible text.

Pagefind indexes the page's main content as it reads. What it cannot know comes from here:

- **Filters** (kind, region, theme, year) and a short **summary** for the result list.
- **Names**: the words of what the page is (its names in every language, and the names and
  exonyms of its regions and themes), as written and in plain Latin, so that 'Мингечевир' or
  'Mingachevir' finds a page about Mingəçevir. The search page ranks these like a title.
- **Terms**: Pagefind folds ş, ç, ğ, ö and ü but not ə or ı, so every other word of the page with
  an Azerbaijani letter is added once more in plain Latin ('Mingəçevirdə' -> 'mingecevirde').

Names and terms are searched but never shown. The search page folds queries with the same table
(``translit.AZERBAIJANI_LETTERS``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .directory import Directory
from .i18n import N_
from .markup import html_to_text, render_markdown, shorten
from .models import Meeting, Ngo, Organisation, Text, VocabularyEntry
from .translit import fold_letters

# The kind filter's values, one per kind, in the page's language.
KINDS = {
    "ngo": N_("NGOs"),
    "partner": N_("Partners"),
    "meeting": N_("Meetings"),
    "press": N_("Press releases"),
}
SUMMARY_LENGTH = 180
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchEntry:
    """The filters and extra terms of one indexed page, before translation."""

    kind: str  # a key of KINDS
    regions: tuple[VocabularyEntry, ...]
    themes: tuple[VocabularyEntry, ...]
    date: dt.date | None  # meetings and press releases: the year filter and the result's date
    names: tuple[str, ...]  # the item's own names, in every language it has them
    summary: Text | str | None  # Markdown or HTML, shown when a match is not in the visible text

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def aliases(self) -> list[str]:
        """Names the page may be looked up by, in any language or spelling."""
        found = list(self.names)
        for entry in (*self.regions, *self.themes):
            found += entry.name.texts
            found += entry.also_known_as
        return found


def _vocabulary(entries: dict[str, VocabularyEntry], slugs: Iterable[str]) -> tuple[VocabularyEntry, ...]:
    return tuple(entries[slug] for slug in dict.fromkeys(slugs) if slug in entries)


def entry_of(item: Any, directory: Directory) -> SearchEntry:
    """The search entry of an NGO, partner, meeting or press release (a Pelican article)."""
    if isinstance(item, Organisation):
        names = item.name.texts + [n for other in item.other_names for n in other.texts]
        return SearchEntry(
            kind="ngo" if isinstance(item, Ngo) else "partner",
            regions=_vocabulary(directory.regions, item.all_regions),
            themes=_vocabulary(directory.themes, item.themes),
            date=None,
            names=tuple(names + ([item.acronym] if item.acronym else [])),
            summary=item.description,
        )
    if isinstance(item, Meeting):
        return SearchEntry(
            kind="meeting",
            regions=_vocabulary(directory.regions, [item.venue.region]),
            themes=_vocabulary(directory.themes, item.themes),
            date=item.start.date(),
            names=tuple(item.title.texts),
            summary=item.agenda or item.outcome,
        )
    return _press_entry(item, directory)


def _press_entry(article: Any, directory: Directory) -> SearchEntry:
    meeting = directory.meetings.get(str(getattr(article, "meeting", None) or ""))
    slug = str(getattr(article, "organization", ""))
    organisation = directory.ngos.get(slug) or directory.partners.get(slug)
    regions: Sequence[str] = ()
    themes: Sequence[str] = ()
    names = [str(article.title)]
    if meeting is not None:
        regions, themes = [meeting.venue.region], meeting.themes
        names += meeting.title.texts
    elif isinstance(organisation, Organisation):
        regions, themes = organisation.all_regions, organisation.themes
    if isinstance(organisation, Organisation):
        names += organisation.name.texts + ([organisation.acronym] if organisation.acronym else [])
    return SearchEntry(
        kind="press",
        regions=_vocabulary(directory.regions, regions),
        themes=_vocabulary(directory.themes, themes),
        date=article.date.date() if isinstance(article.date, dt.datetime) else article.date,
        names=tuple(names),
        summary=str(getattr(article, "summary", "") or ""),
    )


def summary_text(summary: str, markdown: bool) -> str:
    """A one-paragraph plain-text summary of at most SUMMARY_LENGTH characters."""
    text = html_to_text(render_markdown(summary) if markdown else summary)
    first = text.split("\n\n", 1)[0] if text else ""
    return shorten(first, SUMMARY_LENGTH)


def _forms(texts: Iterable[str]) -> dict[str, None]:
    """Each word of the texts, lowercased and in plain Latin, once, in order."""
    forms: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text):
            forms[word.lower()] = None
            forms[fold_letters(word)] = None
    return forms


def search_names(aliases: Iterable[str]) -> str:
    """The words of what a page *is* (its names, its regions' and themes' names and other
    spellings), as written and in plain Latin. The search page ranks matches here highest."""
    return " ".join(_forms(aliases))


def search_terms(page_text: str, names: str = "") -> str:
    """Each word of the page with an Azerbaijani letter, in plain Latin, unless it is already
    among the ``names``: so that 'mingecevir' matches a page that says Mingəçevir."""
    known = set(names.split())
    terms: dict[str, None] = {}
    for word in _WORD.findall(page_text):
        folded = fold_letters(word)
        if folded != word.lower() and folded not in known:
            terms[folded] = None
    return " ".join(terms)
