"""What the search index learns about a record or press-release page besides its visible text.

Pagefind indexes the page's main content as it reads. What it cannot know comes from here:

- **Filters** (kind, region, theme, year) and a short **summary** for the result list.
- **Searched fields**, words that are searched but never shown. ``names``, the page's own names
  in every language; ``region_names`` and ``theme_names``, the names and exonyms of its regions
  and of its themes: each word as written and in plain Latin, so that 'Мингечевир' or
  'Mingachevir' finds a page about Mingəçevir. And ``terms``: Pagefind folds ş, ç, ğ, ö and ü
  but not ə or ı, so every other word of the page with an Azerbaijani letter is added once more
  in plain Latin ('Mingəçevirdə' -> 'mingecevirde').

Pagefind searches every field a page gives it, and the search page weighs a match in each
(``WEIGHTS`` in search.js): title 5, names 10, region_names 40, theme_names 1, terms 0.2; summary
and date 0, as they repeat the page's text. Pagefind matches word beginnings, stems English and
Russian queries ('gence' -> 'genc' on the English index) and adds, for each field, its weight ×
the query's IDF × n³, n being how many different words of the field matched. So the youth theme's
'gencler' and 'genclik' (n = 2) count 8 times a record's one 'gence': in one field with the
regions' names, youth pages came before Gəncə's own records on the English site. Kept apart, one
word of a region's names (40) outweighs, say, a page's own name (10), its title (5), two words of
its themes (8) and three of its terms (5.4) together, so a region's own records come first in
every language; but a page whose own name has two words the query begins still comes before them
('Gənclər və Gənclik' outside Gəncə, on the English site: 80).
The search page folds queries with the same table (``translit.AZERBAIJANI_LETTERS``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..content.model import PressRelease
from ..i18n import N_
from ..records.directory import Directory, Organisation
from ..records.models import Meeting, Ngo, Programme, Text, VocabularyEntry
from ..text.markup import html_to_text, render_markdown, shorten
from ..text.translit import fold_letters

# The kind filter's values, one per kind, in the page's language.
KIND_LABELS = {
    "ngo": N_("NGOs"),
    "partner": N_("Partners"),
    "meeting": N_("Meetings"),
    "programme": N_("Programmes"),
    "press": N_("Press releases"),
}
# One result's kind, shown beside it (an NGO's is the catalogs' plural entry "NGO", "NGOs").
KIND_NAMES = {
    "ngo": "NGO",
    "partner": N_("Partner"),
    "meeting": N_("Meeting"),
    "programme": N_("Programme"),
    "press": N_("Press release"),
}
SUMMARY_LENGTH = 180
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchEntry:
    """The filters and extra terms of one indexed page, before translation."""

    kind: str  # a key of KIND_LABELS
    regions: tuple[VocabularyEntry, ...]
    themes: tuple[VocabularyEntry, ...]
    date: dt.date | None  # meetings and press releases: the year filter and the result's date
    names: tuple[str, ...]  # the item's own names, in every language it has them
    summary: Text | str | None  # Markdown or HTML, shown when a match is not in the visible text

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def region_names(self) -> list[str]:
        """The names of the page's regions in every language, and their other spellings."""
        return _names_of(self.regions)

    def theme_names(self) -> list[str]:
        """The names of the page's themes in every language, and their other spellings."""
        return _names_of(self.themes)


def _names_of(entries: Iterable[VocabularyEntry]) -> list[str]:
    return [name for entry in entries for name in (*entry.name.texts, *entry.also_known_as)]


def _distinct(names: list[str], acronym: Text | None) -> tuple[str, ...]:
    """A record's names, other names and acronym, each once (an other name may fill its name)."""
    return tuple(dict.fromkeys(names + (acronym.texts if acronym else [])))


def _vocabulary(entries: dict[str, VocabularyEntry], slugs: Iterable[str]) -> tuple[VocabularyEntry, ...]:
    return tuple(entries[slug] for slug in dict.fromkeys(slugs) if slug in entries)


def entry_of(item: Organisation | Meeting | Programme | PressRelease, directory: Directory) -> SearchEntry:
    """The search entry of an NGO, partner, meeting, programme or press release."""
    if isinstance(item, Programme):
        names = item.title.texts + [n for other in item.other_names for n in other.texts]
        return SearchEntry(
            kind="programme",
            regions=_vocabulary(directory.regions, item.regions),
            themes=_vocabulary(directory.themes, item.themes),
            date=dt.date(item.start_year, 1, 1) if item.start_year else None,
            names=_distinct(names, item.acronym),
            summary=item.description,
        )
    if isinstance(item, Organisation):
        names = item.name.texts + [n for other in item.other_names for n in other.texts]
        return SearchEntry(
            kind="ngo" if isinstance(item, Ngo) else "partner",
            regions=_vocabulary(directory.regions, item.all_regions),
            themes=_vocabulary(directory.themes, item.themes),
            date=None,
            names=_distinct(names, item.acronym),
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


def _press_entry(article: PressRelease, directory: Directory) -> SearchEntry:
    meeting = directory.meetings.get(article.meeting or "")
    organisation = directory.ngos.get(article.organisation) or directory.partners.get(article.organisation)
    regions: Sequence[str] = ()
    themes: Sequence[str] = ()
    names, acronym = [article.title], None
    if meeting is not None:
        regions, themes = [meeting.venue.region], meeting.themes
        names += meeting.title.texts
    elif isinstance(organisation, Organisation):
        regions, themes = organisation.all_regions, organisation.themes
    if isinstance(organisation, Organisation):
        names, acronym = names + organisation.name.texts, organisation.acronym
    return SearchEntry(
        kind="press",
        regions=_vocabulary(directory.regions, regions),
        themes=_vocabulary(directory.themes, themes),
        date=article.date.date(),
        names=_distinct(names, acronym),
        summary=article.summary,
    )


@lru_cache(maxsize=65536)
def summary_text(summary: str, markdown: bool, limit: int = SUMMARY_LENGTH) -> str:
    """A one-paragraph plain-text summary of at most ``limit`` characters."""
    text = html_to_text(render_markdown(summary) if markdown else summary)
    first = text.split("\n\n", 1)[0] if text else ""
    return shorten(first, limit)


def _forms(texts: Iterable[str]) -> dict[str, None]:
    """Each word of the texts, lowercased and in plain Latin, once, in order."""
    forms: dict[str, None] = {}
    for text in texts:
        for word in dict.fromkeys(_WORD.findall(text)):
            forms[word.lower()] = None
            forms[fold_letters(word)] = None
    return forms


def search_names(names: Iterable[str]) -> str:
    """The words of some names (the page's own, its regions' or its themes'), each once, as
    written and in plain Latin."""
    return " ".join(_forms(names))


def searched_fields(entry: SearchEntry, page_text: str) -> dict[str, str]:
    """The searched fields of a page, by name (search.js weighs each); ``page_text`` is the
    text of its main content. A field may be empty."""
    fields = {
        "names": search_names(entry.names),
        "region_names": search_names(entry.region_names()),
        "theme_names": search_names(entry.theme_names()),
    }
    fields["terms"] = search_terms(page_text, " ".join(fields.values()))
    return fields


def search_terms(page_text: str, names: str = "") -> str:
    """Each word of the page with an Azerbaijani letter, in plain Latin, unless it is already
    among ``names`` (the words of the page's other searched fields): so that 'mingecevir'
    matches a page that says Mingəçevir."""
    known = set(names.split())
    terms: dict[str, None] = {}
    for word in dict.fromkeys(_WORD.findall(page_text)):  # each distinct word once, in order
        folded = fold_letters(word)
        if folded != word.lower() and folded not in known:
            terms[folded] = None
    return " ".join(terms)
