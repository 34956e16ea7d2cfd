"""Who does what where (OCHA's "3W"): the NGOs, partners and programmes active in each region on
each theme, for the pages of each language and a CSV file that humanitarian tools read, with a
row of HXL hashtags under its headings (https://hxlstandard.org/)."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..i18n import N_
from ..records.directory import Directory
from ..records.models import Ngo, Partner, Party, Programme, Text, VocabularyEntry

# The CSV's columns: a heading (translated) and its HXL hashtag.
COLUMNS = (
    (N_("Organisation or programme"), "#org"),
    (N_("Kind"), "#org+type"),
    (N_("Funders"), "#org+funder"),
    (N_("Implementers"), "#org+impl"),
    (N_("Theme"), "#sector"),
    (N_("Region"), "#adm1+name"),
    (N_("Region code"), "#adm1+code"),
    (N_("Start"), "#date+start"),
    (N_("End"), "#date+end"),
    (N_("Programme"), "#activity+programme"),
    (N_("Page"), "#meta+url"),
)
KINDS = {"ngo": N_("Non-governmental organisation"), "partner": N_("Partner"), "programme": N_("Programme")}
# The CSV file, in the folder of each language's who-does-what page (WHO_INDEX_URL).
WHO_CSV = "who-does-what.csv"
# A cell a spreadsheet would read as a formula, or as the start of one (OWASP, "CSV injection").
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# A phone number as people write one: a leading + or - is part of it, not a formula.
_PHONE = re.compile(r"\+?[\d\s().-]{6,}")


def spreadsheet_safe(value: str, *, phone: bool = False) -> str:
    """``value`` as a spreadsheet shows it and never runs it: a cell that starts like a formula
    gets a leading apostrophe, except a phone number (``phone``) that looks like one."""
    if value.startswith(_FORMULA) and not (phone and _PHONE.fullmatch(value)):
        return "'" + value
    return value


@dataclass(frozen=True)
class Presence:
    """Who is active in one region on one theme."""

    ngos: list[Ngo] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.ngos) + len(self.partners) + len(self.programmes)


def presence(directory: Directory) -> dict[tuple[str, str], Presence]:
    """(region, theme) -> who is active there, for every pair where someone is, in record order."""
    cells: dict[tuple[str, str], Presence] = defaultdict(Presence)
    for ngo in directory.ngos.values():
        for region in ngo.all_regions:
            for theme in ngo.themes:
                cells[region, theme].ngos.append(ngo)
    for partner in directory.partners.values():
        for region in partner.all_regions:
            for theme in partner.themes:
                cells[region, theme].partners.append(partner)
    for programme in directory.programmes.values():
        for region in programme.regions:
            for theme in programme.themes:
                cells[region, theme].programmes.append(programme)
    return dict(cells)


def csv_text(
    directory: Directory,
    cells: dict[tuple[str, str], Presence],
    *,
    shown: Callable[[Text], str],
    gettext: Callable[[str], str],
    url: Callable[[object], str],
) -> str:
    """The CSV of every presence: headings in the page's language, the HXL hashtags, then one row
    per organisation or programme, region and theme, names as ``shown`` in that language."""

    def names(slugs: Sequence[str]) -> str:
        return "; ".join(shown(directory.organisation(slug).name) for slug in slugs)

    def party_names(parties: Sequence[Party]) -> str:
        """The names of those in a role, as listed: organisations of the directory and others."""
        return "; ".join(
            shown(p.name) if p.name else shown(directory.organisation(p.org or "").name) for p in parties
        )

    rows: list[list[str]] = [[gettext(heading) for heading, _ in COLUMNS], [tag for _, tag in COLUMNS]]
    for (region_slug, theme_slug), cell in sorted(cells.items()):
        region: VocabularyEntry = directory.regions[region_slug]
        theme: VocabularyEntry = directory.themes[theme_slug]
        # HXL's #adm1+code is the code other humanitarian data joins on: ISO 3166-2 (nationwide
        # work has none).
        place = [shown(theme.name), shown(region.name), region.iso or ""]
        organisations: list[Ngo | Partner] = [*cell.ngos, *cell.partners]
        for org in organisations:
            name = shown(org.name)
            kind = gettext(KINDS[org.kind])
            rows.append([name, kind, names(org.funders), name, *place, "", "", "", url(org)])
        for programme in cell.programmes:
            title = shown(programme.title)
            lead = programme.in_role("accountable") or programme.in_role("implementing")
            start, end = (str(year) if year else "" for year in (programme.start_year, programme.end_year))
            rows.append(
                [
                    party_names(lead) or title,
                    gettext(KINDS["programme"]),
                    party_names(programme.in_role("funding")),
                    party_names(programme.in_role("implementing")),
                    *place,
                    start,
                    end,
                    title,
                    url(programme),
                ]
            )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for index, row in enumerate(rows):
        writer.writerow(row if index < 2 else [spreadsheet_safe(value) for value in row])
    return out.getvalue()
