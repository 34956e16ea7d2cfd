"""A synthetic directory at a given size and shape, the same bytes for the same seed.

NGOs work in regions and on themes of the sample vocabularies, partners fund NGOs and other
partners, meetings have organisers, funders, presenters, participants and observers, and press
releases name an organisation and now and then a meeting it took part in. A few organisations
are named far more often than the rest, as in a real directory.

Two shapes (``SHAPES``). **national**, the default, is a national directory: every place of
``regions.yaml`` (79), twenty themes (the sample's and synthetic ones), organisations and
meetings spread over them with a long tail (Baku, the whole country and a few cities hold most;
most districts have a handful of records), programmes, series of meetings and registration for
meetings to come. **classic** is the shape the bench had first, kept for comparison: the nine
places the sample began with, its themes, places and themes drawn evenly, and no programmes,
series or registration. ``places`` and ``themes`` override a shape's counts, to measure how a
build grows with them while the records stay the same.

Texts are in Azerbaijani, Russian and English: some records and releases in all three, some
in two, some in one (a third of the releases are written first in Azerbaijani); press releases
run from 150 to 400 words.

Every name is obviously synthetic ("Synthetic NGO 00042"); addresses, e-mail and web addresses
are under example.org. Each record and release draws from its own random generator, seeded
with the seed, its kind and its number, so nothing depends on the order of generation or on
Python's hash seed."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from . import texts

LANGUAGES = ("az", "ru", "en")
# The build's "today" (SOURCE_DATE_EPOCH): 2025-11-24 in Baku. Records are dated before it, and
# meetings fall on both sides of it.
EPOCH = 1764000000
TODAY = dt.date(2025, 11, 24)
FIRST_DAY = dt.date(2015, 1, 1)
COUNTRIES = ("US", "DE", "GB", "FR", "NL", "CH", "SE", "NO", "JP", "KR", "TR", "AZ")
PARTNER_TYPES = (
    "donor",
    "intergovernmental",
    "international-ngo",
    "government-agency",
    "company",
    "foundation",
)
FUNDER_TYPES = frozenset({"donor", "intergovernmental", "foundation", "government-agency"})
MIN_WORDS, MAX_WORDS = 150, 400  # of a press release's body
OFFERS = (
    "grants",
    "training",
    "equipment",
    "technical-assistance",
    "internet-access",
    "exchanges",
    "networking",
)
LEGAL_FORM = {"az": "İctimai birlik", "ru": "Общественное объединение", "en": "Public union"}


@dataclass(frozen=True)
class Size:
    ngos: int
    partners: int
    meetings: int
    releases: int


@dataclass(frozen=True)
class Shape:
    """How a directory's records spread over places and themes, and what else it holds."""

    places: int | None  # how many places of regions.yaml (None: every one)
    themes: int  # the sample's themes first, then synthetic ones
    long_tail: bool  # a few places and themes hold most records; else drawn evenly
    coordination: bool  # programmes, series of meetings, registration for meetings to come

    def but(self, places: int | None = None, themes: int | None = None) -> Shape:
        """This shape with other counts of places or themes."""
        return replace(
            self,
            places=self.places if places is None else places,
            themes=self.themes if themes is None else themes,
        )


SHAPES = {
    "national": Shape(places=None, themes=20, long_tail=True, coordination=True),
    "classic": Shape(places=9, themes=13, long_tail=False, coordination=False),
}
# The places the sample began with: the classic shape's, and the first a smaller ``places`` keeps
# (the rest follow in the file's order).
CLASSIC_PLACES = (
    "azerbaijan",
    "baku",
    "ganja",
    "sheki",
    "mingachevir",
    "sumgait",
    "salyan",
    "guba",
    "ismayilli",
)
# The head of the long tail, most records first; the other places follow in an order drawn from
# the seed.
HUBS = ("baku", "azerbaijan", "ganja", "sumgait", "mingachevir", "sheki", "lankaran", "nakhchivan", "shirvan")


SIZES = {
    "T": Size(ngos=10, partners=3, meetings=10, releases=20),
    "S": Size(ngos=100, partners=20, meetings=200, releases=500),
    "M": Size(ngos=1_000, partners=200, meetings=2_000, releases=5_000),
    "L": Size(ngos=4_000, partners=500, meetings=8_000, releases=20_000),
}


@dataclass(frozen=True)
class Vocabulary:
    """A vocabulary's slugs, in file order, and their names by language."""

    slugs: tuple[str, ...]
    names: dict[str, dict[str, str]]

    @classmethod
    def of(cls, entries: dict[str, Any]) -> Vocabulary:
        return cls(tuple(entries), {slug: dict(entry["name"]) for slug, entry in entries.items()})

    def name(self, slug: str, language: str) -> str:
        names = self.names[slug]
        return names.get(language) or next(iter(names.values()))


@dataclass(frozen=True)
class Generated:
    """What was written: records by kind, releases and release files by language."""

    size: Size
    seed: int
    shape: Shape
    programmes: int
    series: int
    release_files: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "ngos": self.size.ngos,
            "partners": self.size.partners,
            "meetings": self.size.meetings,
            "releases": self.size.releases,
            "programmes": self.programmes,
            "series": self.series,
            "places": self.shape.places,
            "themes": self.shape.themes,
            "long_tail": self.shape.long_tail,
            "release_files": sum(self.release_files.values()),
            "release_files_by_language": self.release_files,
            "seed": self.seed,
        }


class _Dumper(yaml.CSafeDumper):
    """Multi-line texts (Markdown) as literal blocks, as people write them; libyaml's emitter
    (the loader needs libyaml too) is several times faster than the pure-Python one."""


def _represent_text(dumper: yaml.CSafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_text)


def to_yaml(record: dict[str, Any]) -> bytes:
    text = yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return text.encode("utf-8")


def _ngo_slug(n: int) -> str:
    return f"synthetic-ngo-{n:05d}"


def _partner_slug(n: int) -> str:
    return f"synthetic-partner-{n:05d}"


def _meeting_slug(n: int) -> str:
    return f"synthetic-meeting-{n:05d}"


def _release_slug(n: int) -> str:
    return f"synthetic-release-{n:05d}"


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _timestamp(rng: random.Random, day: dt.date, with_time: bool) -> str:
    return (
        f"{day.isoformat()} {rng.randint(8, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        if with_time
        else day.isoformat()
    )


def _skewed(count: int, exponent: float = 0.8) -> list[float]:
    """Cumulative weights that make the first items of a list of ``count`` far more likely than
    the last (1/rank^exponent): a few organisations are in most of the news."""
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(count)))


def _pick(rng: random.Random, items: Sequence[str], k: int, weights: list[float] | None = None) -> list[str]:
    """Up to ``k`` different items, in the order drawn."""
    chosen: list[str] = []
    for _ in range(4 * k):
        if len(chosen) == k or not items:
            break
        item = rng.choices(items, cum_weights=weights)[0] if weights else rng.choice(items)
        if item not in chosen:
            chosen.append(item)
    return chosen


def _deck(rng: random.Random, sentences: Sequence[str]) -> Iterator[str]:
    """The sentences in a random order, reshuffled each time all have been used: a text repeats a
    sentence only once it has used every other."""
    while True:
        yield from rng.sample(sentences, len(sentences))


def _text_languages(rng: random.Random) -> tuple[str, ...]:
    """The languages a record text is written in: all three, two or one."""
    draw = rng.random()
    if draw < 0.4:
        return LANGUAGES
    if draw < 0.7:
        return tuple(sorted(rng.sample(LANGUAGES, 2), key=LANGUAGES.index))
    return (rng.choice(LANGUAGES),)


class _Generator:
    def __init__(
        self,
        size: Size,
        seed: int,
        shape: Shape,
        regions: Vocabulary,
        themes: Vocabulary,
        series: Sequence[str] = (),
    ):
        self.size, self.seed, self.shape = size, seed, shape
        self.regions, self.themes, self.series = regions, themes, list(series)
        # Places and themes in the order of their share of the records, with their weights
        # (None: drawn evenly).
        self.place_order: list[str] = list(regions.slugs)
        self.theme_order: list[str] = list(themes.slugs)
        self.place_weights: list[float] | None = None
        self.theme_weights: list[float] | None = None
        if shape.long_tail:
            head = [slug for slug in HUBS if slug in regions.names]
            tail = [slug for slug in regions.slugs if slug not in head]
            self.rng("places", 0).shuffle(tail)
            self.place_order = head + tail
            self.place_weights = _skewed(len(self.place_order), 1.0)
            self.theme_weights = _skewed(len(self.theme_order), 0.8)
        self.ngos = [_ngo_slug(n) for n in range(size.ngos)]
        self.partners = [_partner_slug(n) for n in range(size.partners)]
        self.partner_types = [self._partner_type(n) for n in range(size.partners)]
        self.funders = [
            s for s, t in zip(self.partners, self.partner_types, strict=True) if t in FUNDER_TYPES
        ]
        self.ngo_weights, self.partner_weights = _skewed(len(self.ngos)), _skewed(len(self.partners))
        self.funder_weights = _skewed(len(self.funders))
        self.meetings_of: dict[str, list[str]] = {}  # organisation -> meetings it took part in
        self.meeting_titles: dict[str, dict[str, str]] = {}
        self.meeting_days: dict[str, dt.date] = {}
        self.places: dict[str, tuple[list[str], list[str]]] = {}  # organisation -> its regions, themes

    def some_places(self, rng: random.Random, k: int) -> list[str]:
        return _pick(rng, self.place_order, k, self.place_weights)

    def some_themes(self, rng: random.Random, k: int) -> list[str]:
        return _pick(rng, self.theme_order, k, self.theme_weights)

    def rng(self, kind: str, n: int, part: str = "") -> random.Random:
        return random.Random(f"{self.seed}/{kind}/{n}/{part}")  # noqa: S311 (synthetic data, seeded on purpose)

    def _partner_type(self, n: int) -> str:
        return PARTNER_TYPES[self.rng("partner-type", n).randrange(len(PARTNER_TYPES))]

    # Names: a function of the number, so texts elsewhere can name an organisation as its record does.
    def name(self, slug: str, language: str) -> str:
        kind, number = slug.rsplit("-", 1)
        pattern = texts.SYNTHETIC_NGO if kind == "synthetic-ngo" else texts.SYNTHETIC_PARTNER
        # One organisation in three writes its name one way in every language.
        return pattern["en" if int(number) % 3 == 0 else language].format(number=number)

    def name_field(self, slug: str) -> str | dict[str, str]:
        if int(slug.rsplit("-", 1)[1]) % 3 == 0:
            return self.name(slug, "en")
        return {language: self.name(slug, language) for language in LANGUAGES}

    def fill(self, rng: random.Random, template: str, language: str, facts: dict[str, str]) -> str:
        values = {
            "n": str(rng.randint(12, 480)),
            "year": str(rng.randint(2008, 2025)),
            "partner": self.name(self.partners[rng.randrange(len(self.partners))], language)
            if self.partners
            else facts["org"],
            **facts,
        }
        return template.format(**values)

    def facts(
        self, rng: random.Random, org: str, regions: Sequence[str], themes: Sequence[str]
    ) -> dict[str, dict[str, str]]:
        """What a text in each language says about one organisation, region and theme."""
        region, theme = rng.choice(regions), rng.choice(themes)
        return {
            language: {
                "org": self.name(org, language),
                "region": self.regions.name(region, language),
                "theme": self.themes.name(theme, language),
            }
            for language in LANGUAGES
        }

    def paragraph(
        self, rng: random.Random, language: str, facts: dict[str, str], count: int, deck: Iterator[str]
    ) -> str:
        return " ".join(self.fill(rng, next(deck), language, facts) for _ in range(count))

    def record_text(
        self,
        rng: random.Random,
        intro: dict[str, str],
        facts: dict[str, dict[str, str]],
        languages: Sequence[str],
    ) -> dict[str, str]:
        """A description of 40 to 150 words in each of ``languages``."""
        sentences = rng.randint(2, 8)
        split = rng.randint(1, sentences)
        result = {}
        for language in languages:
            local = random.Random(rng.getrandbits(64))  # noqa: S311 (as above)
            first = self.fill(local, intro[language], language, facts[language])
            deck = _deck(local, texts.BODY[language])
            first += " " + self.paragraph(local, language, facts[language], split, deck)
            rest = self.paragraph(local, language, facts[language], sentences - split, deck)
            result[language] = first + ("\n\n" + rest if rest else "") + "\n"
        return result

    def dates(self, rng: random.Random) -> dict[str, str]:
        added = _day(rng, dt.date(2019, 1, 1), TODAY - dt.timedelta(days=30))
        result = {
            "last_verified": _day(rng, added, TODAY).isoformat(),
            "added": _timestamp(rng, added, rng.random() < 0.3),
        }
        if rng.random() < 0.4:
            result["updated"] = _timestamp(rng, _day(rng, added + dt.timedelta(days=1), TODAY), True)
        return result

    def phones(self, rng: random.Random) -> list[dict[str, str]]:
        phones = [
            {
                "type": "office",
                "number": f"+994 12 4{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            }
        ]
        if rng.random() < 0.5:
            phones.append(
                {
                    "type": rng.choice(("mobile", "whatsapp")),
                    "number": f"+994 50 2{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                }
            )
        return phones

    def contacts(self, rng: random.Random, slug: str) -> dict[str, Any]:
        contacts: dict[str, Any] = {"phones": self.phones(rng), "email": f"info@{slug}.example.org"}
        if rng.random() < 0.7:
            contacts["website"] = f"https://{slug}.example.org/"
        if rng.random() < 0.3:
            contacts["social"] = [{"network": "other", "url": f"https://social.example.net/{slug}"}]
        return contacts

    def locations(self, rng: random.Random, regions: Sequence[str]) -> list[dict[str, Any]]:
        result = []
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            region = rng.choice(regions)
            location: dict[str, Any] = {
                "name": dict(texts.OFFICE),
                "address": {
                    language: texts.ADDRESS[language].format(n=rng.randint(1, 200)) for language in LANGUAGES
                },
                "region": region,
            }
            if region != "azerbaijan":
                location["city"] = dict(self.regions.names[region])
            if rng.random() < 0.5:
                location["services"] = [dict(s) for s in rng.sample(texts.SERVICES, rng.randint(1, 3))]
            if rng.random() < 0.5:
                location["opening_hours"] = dict(texts.HOURS)
            if rng.random() < 0.5:
                location["phones"] = self.phones(rng)[:1]
            result.append(location)
        return result

    def maintainers(self, rng: random.Random) -> list[str]:
        return (
            ["directory-editors"] if rng.random() < 0.3 else [f"synthetic-editor-{rng.randint(1, 400):03d}"]
        )

    def ngo(self, n: int) -> dict[str, Any]:
        rng, slug = self.rng("ngo", n), _ngo_slug(n)
        regions = self.some_places(rng, rng.choice((1, 1, 1, 2, 2, 3)))
        themes = self.some_themes(rng, rng.randint(1, 3))
        facts = self.facts(rng, slug, regions, themes)
        founded = rng.randint(1994, 2024)
        record: dict[str, Any] = {"name": self.name_field(slug)}
        if rng.random() < 0.3:
            record["acronym"] = f"SQ{n:05d}"
        record["description"] = self.record_text(
            rng,
            {k: v.replace("{year}", str(founded)) for k, v in texts.NGO_INTRO.items()},
            facts,
            _text_languages(rng),
        )
        record["founded"] = founded
        if rng.random() < 0.5:
            record["legal_form"] = dict(LEGAL_FORM)
        if rng.random() < 0.3:
            record["registration"] = {"number": str(rng.randint(1_000_000, 1_999_999)), "year": founded}
        record["regions"], record["themes"] = regions, themes
        locations = self.locations(rng, regions)
        if locations:
            record["locations"] = locations
        record["contacts"] = self.contacts(rng, slug)
        record["languages"] = list(_text_languages(rng))
        partners = _pick(rng, self.partners, rng.choice((0, 1, 1, 2, 3)), self.partner_weights)
        funders = _pick(rng, self.funders, rng.choice((0, 0, 1, 1, 2)), self.funder_weights)
        if partners:
            record["partners"] = partners
        if funders:
            record["funders"] = funders
        record["maintainers"] = self.maintainers(rng)
        record.update(self.dates(rng))
        return record

    def partner(self, n: int) -> dict[str, Any]:
        rng, slug = self.rng("partner", n), _partner_slug(n)
        regions = self.some_places(rng, rng.randint(1, 4))
        themes = self.some_themes(rng, rng.randint(1, 3))
        facts = self.facts(rng, slug, regions, themes)
        record: dict[str, Any] = {
            "name": self.name_field(slug),
            "type": self.partner_types[n],
            "headquarters_country": rng.choice(COUNTRIES),
            "description": self.record_text(rng, texts.PARTNER_INTRO, facts, _text_languages(rng)),
            "website": f"https://{slug}.example.org/",
            "regions": regions,
            "themes": themes,
            "offers": sorted(_pick(rng, OFFERS, rng.randint(1, 3)), key=OFFERS.index),
        }
        if rng.random() < 0.5:
            amount = str(rng.randint(5, 200) * 1000)
            record["offers_details"] = {
                language: texts.OFFERS[language].format(n=amount) for language in _text_languages(rng)
            }
        funders = [
            f for f in _pick(rng, self.funders, rng.choice((0, 0, 1, 2)), self.funder_weights) if f != slug
        ]
        if funders:
            record["funders"] = funders
        record["maintainers"] = self.maintainers(rng)
        record.update(self.dates(rng))
        return record

    def meeting(self, n: int) -> dict[str, Any]:
        rng, slug = self.rng("meeting", n), _meeting_slug(n)
        region = self.some_places(rng, 1)[0]
        themes = self.some_themes(rng, rng.randint(1, 2))
        languages = _text_languages(rng)
        number = f"{n:05d}"
        title = {
            language: texts.MEETING_TITLE[language].format(
                number=number,
                theme=self.themes.name(themes[0], language),
                region=self.regions.name(region, language),
            )
            for language in LANGUAGES
        }
        start_day = _day(rng, FIRST_DAY, TODAY + dt.timedelta(days=365))
        with_time = rng.random() < 0.6
        record: dict[str, Any] = {"title": title, "start": _timestamp(rng, start_day, with_time)}
        if with_time and rng.random() < 0.3:
            record["end"] = f"{start_day.isoformat()} 20:00"
        elif not with_time and rng.random() < 0.3:
            record["end"] = (start_day + dt.timedelta(days=rng.randint(1, 2))).isoformat()
        if rng.random() < 0.05:
            record["timezone"] = "Asia/Baku"
        added = min(
            start_day - dt.timedelta(days=rng.randint(7, 120)), TODAY - dt.timedelta(days=rng.randint(1, 30))
        )
        status, changes = self.history(rng, added, start_day)
        record["status"] = status
        venue: dict[str, Any] = {"region": region}
        if rng.random() < 0.5:
            venue = {"name": {language: texts.OFFICE[language] for language in languages}, **venue}
        record["venue"] = venue
        organisers = (
            _pick(rng, self.ngos, rng.choice((1, 1, 2)), self.ngo_weights)
            if rng.random() < 0.8 or not self.partners
            else _pick(rng, self.partners, 1, self.partner_weights)
        )
        participants = [
            p for p in _pick(rng, self.ngos, rng.randint(0, 10), self.ngo_weights) if p not in organisers
        ]
        partners = [
            p
            for p in _pick(rng, self.partners, rng.randint(0, 3), self.partner_weights)
            if p not in organisers
        ]
        funders = _pick(rng, self.funders, rng.choice((0, 1, 1, 2)), self.funder_weights)
        record["organisers"] = organisers
        named: list[Any] = []
        if rng.random() < 0.3:
            group = {
                language: texts.PARTICIPANT_GROUP[language].format(n=rng.randint(5, 60))
                for language in languages
            }
            named.append({"name": group})
        for field, value in (
            ("funders", funders),
            ("presenters", partners),
            ("participants", participants + named),
        ):
            if value:
                record[field] = value
        if rng.random() < 0.2:
            record["observers"] = [{"name": {language: texts.OBSERVER[language] for language in languages}}]
        if self.shape.coordination:
            self.coordination(rng, record, start_day, languages)
        record["themes"] = themes
        facts = {
            language: {
                "region": self.regions.name(region, language),
                "theme": self.themes.name(themes[0], language),
            }
            for language in LANGUAGES
        }
        if rng.random() < 0.6:
            items = sorted(rng.sample(range(len(texts.AGENDA["en"])), rng.randint(3, 5)))
            record["agenda"] = {
                language: "".join(
                    f"{i}. {texts.AGENDA[language][item].format(**facts[language])}\n"
                    for i, item in enumerate(items, 1)
                )
                for language in languages
            }
        if status == "held" and rng.random() < 0.6:
            record["outcome"] = {language: texts.OUTCOME[language] for language in languages}
        if status == "held" and rng.random() < 0.2:
            record["report_url"] = f"https://{slug}.example.org/report.pdf"
        record["maintainers"] = self.maintainers(rng)
        if rng.random() < 0.5:
            record["last_verified"] = _day(rng, added, TODAY).isoformat()
        record["added"] = added.isoformat()
        if changes:
            record["updated"] = changes[-1]["date"]
            record["changes"] = changes
        for organisation in (*organisers, *participants, *partners):
            self.meetings_of.setdefault(organisation, []).append(slug)
        self.meeting_titles[slug] = title
        self.meeting_days[slug] = start_day
        return record

    def coordination(
        self, rng: random.Random, record: dict[str, Any], start: dt.date, languages: Sequence[str]
    ) -> None:
        """A national directory's meeting: now and then hosted by an NGO, part of a series, and
        open for registration when it is still to come. Drawn from a generator of its own, so
        the rest of the meeting is the same in either shape."""
        local = random.Random(rng.getrandbits(64))  # noqa: S311 (synthetic data, seeded on purpose)
        if local.random() < 0.2:
            record["hosts"] = _pick(local, self.ngos, 1, self.ngo_weights)
        if self.series and local.random() < 0.3:
            record["series"] = self.series[local.randrange(len(self.series))]
        if record["status"] == "scheduled" and local.random() < 0.6:
            registration: dict[str, Any] = {"status": local.choice(("open", "open", "invitation"))}
            deadline = start - dt.timedelta(days=local.randint(2, 14))
            if deadline > TODAY:
                registration["deadline"] = deadline.isoformat()
            registration["email"] = f"register@{record['organisers'][0]}.example.org"
            registration["capacity"] = local.randint(2, 20) * 10
            registration["cost"] = {language: texts.REGISTRATION_COST[language] for language in languages}
            registration["languages"] = list(_text_languages(local))
            record["registration"] = registration

    def programme(self, n: int) -> dict[str, Any]:
        rng = self.rng("programme", n)
        regions = self.some_places(rng, rng.choice((1, 1, 2, 3, 5)))
        themes = self.some_themes(rng, rng.randint(1, 2))
        funders = self.funders or self.partners
        funding = _pick(rng, funders, rng.choice((1, 1, 2)), self.funder_weights if self.funders else None)
        facts = self.facts(rng, funding[0], regions, themes)
        number = f"{n:05d}"
        record: dict[str, Any] = {
            "title": {
                language: texts.PROGRAMME_TITLE[language].format(
                    number=number, theme=facts[language]["theme"], region=facts[language]["region"]
                )
                for language in LANGUAGES
            }
        }
        start = rng.randint(2005, 2025)
        status = rng.choice(("active", "completed", "completed"))
        record["status"] = status
        record["start_year"] = start
        if status == "completed":
            record["end_year"] = min(2025, start + rng.randint(1, 5))
        record["description"] = self.record_text(rng, texts.PROGRAMME_INTRO, facts, _text_languages(rng))
        record["funding"] = funding
        record["implementing"] = _pick(rng, self.ngos, rng.randint(1, 4), self.ngo_weights) + _pick(
            rng, self.partners, rng.choice((0, 0, 1)), self.partner_weights
        )
        record["regions"], record["themes"] = regions, themes
        if rng.random() < 0.5:
            record["results"] = [
                {"value": rng.randint(20, 5000), "unit": dict(texts.RESULT_UNIT), "qualifier": "more-than"}
            ]
        record["maintainers"] = self.maintainers(rng)
        record.update(self.dates(rng))
        return record

    def history(self, rng: random.Random, added: dt.date, start: dt.date) -> tuple[str, list[dict[str, Any]]]:
        """A meeting's status and the changes that led to it, oldest first, between its
        announcement and the earlier of its start and today."""
        draw = rng.random()
        if start < TODAY:
            status, change = ("held", None) if draw < 0.85 else ("cancelled", "cancelled")
        elif draw < 0.75:
            status, change = "scheduled", None
        elif draw < 0.85:
            status, change = "scheduled", "moved"
        elif draw < 0.93:
            status, change = "postponed", "postponed"
        else:
            status, change = "cancelled", "cancelled"
        if change is None:
            return status, []
        last = min(start, TODAY)
        day = _day(rng, added + dt.timedelta(days=1), last) if last > added else added
        entry: dict[str, Any] = {"date": _timestamp(rng, day, True)}
        if change != "moved":
            entry["status"] = change
        entry["note"] = dict(texts.CHANGE_NOTES[change])
        return status, [entry]

    def release(self, n: int) -> dict[str, bytes]:
        """The files of one press release, by file name: one per language it is written in."""
        rng, slug = self.rng("release", n), _release_slug(n)
        if rng.random() < 0.8 or not self.partners:
            org = _pick(rng, self.ngos, 1, self.ngo_weights)[0]
            regions, themes = self.places[org]
        else:
            org = _pick(rng, self.partners, 1, self.partner_weights)[0]
            regions, themes = self.places[org]
        meetings = self.meetings_of.get(org, [])
        meeting = rng.choice(meetings) if meetings and rng.random() < 0.4 else None
        if meeting:
            near = self.meeting_days[meeting] + dt.timedelta(days=rng.randint(-10, 10))
            day = min(near, TODAY)
        else:
            day = _day(rng, dt.date(2016, 1, 1), TODAY)
        date = _timestamp(rng, day, True)
        modified = None
        if rng.random() < 0.1:
            modified = _timestamp(rng, min(day + dt.timedelta(days=rng.randint(1, 30)), TODAY), True)
            modified = max(modified, date)
        first = rng.choice(LANGUAGES)
        draw = rng.random()
        others = [language for language in LANGUAGES if language != first]
        languages = (
            [first, *others] if draw < 0.35 else [first, rng.choice(others)] if draw < 0.6 else [first]
        )
        facts = self.facts(rng, org, regions, themes)
        kind = rng.randrange(len(texts.TITLES["en"]))
        year = str(rng.randint(2010, 2025))
        files = {}
        for language in languages:
            local = self.rng("release", n, language)
            said = {**facts[language], "year": year}
            if meeting:
                said["meeting"] = self.meeting_titles[meeting][language]
            title = texts.TITLES[language][kind].format(**said)
            opening = texts.OPENING[language][kind].format(**said)
            lines = [
                f"Title: {title}",
                f"Date: {date}",
                *([f"Modified: {modified}"] if modified else []),
                f"Slug: {slug}",
                f"Lang: {language}",
                f"Organization: {org}",
                *([f"Meeting: {meeting}"] if meeting else []),
                *([f"Summary: {opening}"] if local.random() < 0.7 else []),
            ]
            body = self.release_body(local, language, said, opening, org)
            files[f"{slug}-{language}.md"] = ("\n".join(lines) + "\n\n" + body).encode("utf-8")
        return files

    def release_body(
        self, rng: random.Random, language: str, said: dict[str, str], opening: str, org: str
    ) -> str:
        """150 to 400 words of Markdown: paragraphs, now and then a subheading, a list, a quote,
        a link and the meeting it follows."""
        target, deck = rng.randint(MIN_WORDS, MAX_WORDS), _deck(rng, texts.BODY[language])
        blocks = [opening + " " + self.paragraph(rng, language, said, rng.randint(1, 2), deck)]
        if "meeting" in said:
            blocks[0] += " " + texts.MEETING_LINE[language].format(**said)
        extras = [
            name
            for name, chance in (("heading", 0.5), ("list", 0.35), ("quote", 0.4), ("link", 0.2))
            if rng.random() < chance
        ]
        words = len(blocks[0].split())
        while words < target:
            if extras and rng.random() < 0.4:
                extra = extras.pop(0)
                if extra == "heading":
                    block = "## " + rng.choice(texts.SUBHEADINGS[language])
                elif extra == "list":
                    items = rng.sample(texts.LIST_ITEMS[language], rng.randint(3, 4))
                    block = texts.LIST_INTRO[language] + "\n\n" + "\n".join(f"- {item}" for item in items)
                elif extra == "quote":
                    block = texts.QUOTE[language].format(**said)
                else:
                    block = f"[{said['org']}](https://{org}.example.org/news/)"
            else:
                block = self.paragraph(rng, language, said, rng.randint(2, 4), deck)
            if words >= MIN_WORDS and words + len(block.split()) > MAX_WORDS:
                break
            blocks.append(block)
            words += len(block.split())
        return "\n\n".join(blocks) + "\n"

    def write(self, target: Path, vocabularies: dict[str, dict[str, Any] | Path]) -> Generated:
        data, press = target / "ngo_data", target / "content" / "press"
        folders = ("ngos", "partners", "meetings", "programmes")
        for folder in folders if self.shape.coordination else folders[:3]:
            (data / folder).mkdir(parents=True)
        press.mkdir(parents=True)
        for name, entries in vocabularies.items():
            if isinstance(entries, Path):
                shutil.copyfile(entries, data / name)
            else:
                (data / name).write_bytes(to_yaml(entries))
        for n in range(self.size.partners):
            record = self.partner(n)
            self.places[_partner_slug(n)] = (record["regions"], record["themes"])
            (data / "partners" / f"{_partner_slug(n)}.yaml").write_bytes(to_yaml(record))
        for n in range(self.size.ngos):
            record = self.ngo(n)
            self.places[_ngo_slug(n)] = (record["regions"], record["themes"])
            (data / "ngos" / f"{_ngo_slug(n)}.yaml").write_bytes(to_yaml(record))
        for n in range(self.size.meetings):
            (data / "meetings" / f"{_meeting_slug(n)}.yaml").write_bytes(to_yaml(self.meeting(n)))
        for n in range(self.programmes):
            slug = f"synthetic-programme-{n:05d}"
            (data / "programmes" / f"{slug}.yaml").write_bytes(to_yaml(self.programme(n)))
        by_language = dict.fromkeys(LANGUAGES, 0)
        for n in range(self.size.releases):
            for name, data_bytes in self.release(n).items():
                (press / name).write_bytes(data_bytes)
                by_language[name.rsplit("-", 1)[1].removesuffix(".md")] += 1
        return Generated(self.size, self.seed, self.shape, self.programmes, len(self.series), by_language)

    @property
    def programmes(self) -> int:
        return max(1, self.size.ngos // 15) if self.shape.coordination else 0


def generate(
    target: Path, size: Size, vocabularies: Path, seed: int = 0, shape: Shape = SHAPES["national"]
) -> Generated:
    """Write a synthetic directory of ``size`` and ``shape`` into ``target`` (which must not
    exist or be empty): ``target/ngo_data``, with the vocabularies made from those in
    ``vocabularies``, and ``target/content/press``."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    regions = yaml.safe_load((vocabularies / "regions.yaml").read_text("utf-8"))
    order = [slug for slug in CLASSIC_PLACES if slug in regions]
    order += [slug for slug in regions if slug not in order]
    files: dict[str, dict[str, Any] | Path] = {"regions.yaml": vocabularies / "regions.yaml"}
    if shape.places is not None and shape.places < len(regions):
        regions = {slug: regions[slug] for slug in order[: shape.places]}
        for entry in regions.values():
            if entry.get("part_of") not in regions:
                entry.pop("part_of", None)
        files["regions.yaml"] = regions
    themes = yaml.safe_load((vocabularies / "themes.yaml").read_text("utf-8"))
    themes = {slug: themes[slug] for slug in list(themes)[: shape.themes]}
    for number in range(len(themes) + 1, shape.themes + 1):
        names = {language: texts.SYNTHETIC_THEME[language].format(number=number) for language in LANGUAGES}
        themes[f"synthetic-theme-{number:02d}"] = {"name": names}
    files["themes.yaml"] = themes
    series = {}
    if shape.coordination:
        for number in range(1, max(1, size.meetings // 50) + 1):
            names = {language: texts.SERIES_NAME[language].format(number=number) for language in LANGUAGES}
            series[f"synthetic-series-{number:03d}"] = {"name": names}
        files["series.yaml"] = series
    generator = _Generator(size, seed, shape, Vocabulary.of(regions), Vocabulary.of(themes), list(series))
    return generator.write(target, files)
