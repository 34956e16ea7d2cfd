"""Immutable records built from validated YAML data."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import phonenumbers

from .formats import PHONE_REGION, parse_local_datetime

DEFAULT_TIMEZONE = "Asia/Baku"


@dataclass(frozen=True)
class Text:
    """A human-readable text in one or more languages."""

    values: tuple[tuple[str, str], ...]
    neutral: bool = False  # a proper name written once, the same in every language

    @classmethod
    def of(cls, raw: Any, default_language: str) -> Text:
        """A plain string is text in the default language; a map gives each language's text."""
        if isinstance(raw, str):
            return cls(((default_language, raw),))
        return cls(tuple((lang, raw[lang]) for lang in sorted(raw)))

    @classmethod
    def name_of(cls, raw: Any, default_language: str) -> Text:
        """Like ``of``, but a plain string is a name as the organisation spells it, in any language."""
        if isinstance(raw, str):
            return cls(((default_language, raw),), neutral=True)
        return cls.of(raw, default_language)

    def get(self, language: str) -> str | None:
        for lang, value in self.values:
            if lang == language:
                return value
        return None

    def pick(self, order: Sequence[str]) -> tuple[str, str]:
        """(language, text) of the first language in ``order`` that has a text; a neutral
        text is in whatever language is asked for first."""
        if self.neutral and order:
            return order[0], self.values[0][1]
        for language in order:
            value = self.get(language)
            if value is not None:
                return language, value
        return self.values[0]

    def filled_from(self, others: Iterable[Text]) -> Text:
        """This name, given in each language it lacks the first of ``others`` written in that
        language: the best name in a page's language comes before a fallback. A neutral name is
        the same in every language and stays as it is."""
        if self.neutral:
            return self
        values = dict(self.values)
        for other in others:
            if not other.neutral:
                for language, value in other.values:
                    values.setdefault(language, value)
        return self if len(values) == len(self.values) else Text(tuple(sorted(values.items())))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.values)

    @property
    def texts(self) -> list[str]:
        """The text in every language it has."""
        return [value for _, value in self.values]

    def missing(self, languages: Iterable[str]) -> list[str]:
        """The languages, of those given, that this text has not been translated into."""
        return [] if self.neutral else [lang for lang in languages if self.get(lang) is None]

    def __str__(self) -> str:
        return self.values[0][1]


def shown_name(record: Any, order: Sequence[str]) -> str:
    """The name (or title) a record or vocabulary entry is shown under in a language whose
    fallback order is ``order``."""
    text = getattr(record, "name", None) or record.title
    return str(text.pick(order)[1])


def record_time(value: str) -> dt.datetime:
    """A bookkeeping date ('2026-11-22') or date and time ('2026-11-22 14:30'), in Baku time;
    a date alone is midnight at its start."""
    parsed = parse_local_datetime(value)
    assert parsed is not None, value  # checked by the schema
    if not isinstance(parsed, dt.datetime):
        parsed = dt.datetime.combine(parsed, dt.time())
    return parsed.replace(tzinfo=zoneinfo.ZoneInfo(DEFAULT_TIMEZONE))


def _text(raw: Any, lang: str) -> Text | None:
    return None if raw is None else Text.of(raw, lang)


def _place(raw: Any, lang: str) -> Text | None:
    """A venue's or a location's name, address or city: written once, it is spelt the same on
    every page (as the post and the signs spell it), so no page marks it untranslated; a map
    of languages is translated like any text."""
    return None if raw is None else Text.name_of(raw, lang)


def _texts(raw: Iterable[Any] | None, lang: str) -> tuple[Text, ...]:
    return tuple(Text.of(item, lang) for item in raw or ())


@dataclass(frozen=True)
class Registration:
    number: str | None = None
    date: dt.date | None = None
    year: int | None = None
    authority: Text | None = None


@dataclass(frozen=True)
class Phone:
    kind: str
    number: str
    note: Text | None = None
    # The country of a number written without '+' and a country code.
    region: str = PHONE_REGION

    @property
    def display(self) -> str:
        return phonenumbers.format_number(
            phonenumbers.parse(self.number, self.region), phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )

    @property
    def uri(self) -> str:
        return phonenumbers.format_number(
            phonenumbers.parse(self.number, self.region), phonenumbers.PhoneNumberFormat.RFC3966
        )


@dataclass(frozen=True)
class SocialLink:
    network: str
    url: str


@dataclass(frozen=True)
class Contacts:
    phones: tuple[Phone, ...] = ()
    email: str | None = None
    website: str | None = None
    social: tuple[SocialLink, ...] = ()


@dataclass(frozen=True)
class Location:
    name: Text
    region: str
    address: Text | None = None
    city: Text | None = None
    services: tuple[Text, ...] = ()
    opening_hours: Text | None = None
    phones: tuple[Phone, ...] = ()


def _phones(raw: Iterable[dict[str, Any]] | None, lang: str, region: str) -> tuple[Phone, ...]:
    return tuple(Phone(p["type"], p["number"], _text(p.get("note"), lang), region) for p in raw or ())


def _contacts(raw: dict[str, Any] | None, lang: str, region: str) -> Contacts:
    raw = raw or {}
    return Contacts(
        phones=_phones(raw.get("phones"), lang, region),
        email=raw.get("email"),
        website=raw.get("website"),
        social=tuple(SocialLink(s["network"], s["url"]) for s in raw.get("social", ())),
    )


def _locations(raw: Iterable[dict[str, Any]] | None, lang: str, region: str) -> tuple[Location, ...]:
    return tuple(
        Location(
            name=Text.of(item["name"], lang),
            region=item["region"],
            address=_place(item.get("address"), lang),
            city=_place(item.get("city"), lang),
            services=_texts(item.get("services"), lang),
            opening_hours=_text(item.get("opening_hours"), lang),
            phones=_phones(item.get("phones"), lang, region),
        )
        for item in raw or ()
    )


@dataclass(frozen=True)
class VocabularyEntry:
    """A region, a theme or a series. A region that is a place of ISO 3166-2 has its code, and
    the slug of the place it lies within when ISO groups it under one."""

    slug: str
    name: Text
    also_known_as: tuple[str, ...] = ()
    iso: str | None = None
    part_of: str | None = None


@dataclass(frozen=True)
class OrganisationFields:
    """Fields shared by NGOs and partners."""

    slug: str
    source: str
    name: Text
    description: Text
    maintainers: tuple[str, ...]
    last_verified: dt.date
    acronym: Text | None  # one line (the same in every language), or one per language
    other_names: tuple[Text, ...]
    founded: int | None
    regions: tuple[str, ...]
    themes: tuple[str, ...]
    locations: tuple[Location, ...]
    contacts: Contacts
    funders: tuple[str, ...]
    added: dt.datetime
    updated: dt.datetime  # the latest change; ``added`` when it never changed

    @property
    def all_regions(self) -> tuple[str, ...]:
        """Every region the organisation works in: those it names, then its locations', once
        each. Region pages, region feeds and the search filter all read this one definition."""
        return tuple(dict.fromkeys((*self.regions, *(location.region for location in self.locations))))


@dataclass(frozen=True)
class Ngo(OrganisationFields):
    legal_form: Text | None
    registration: Registration | None
    languages: tuple[str, ...]
    partners: tuple[str, ...]
    kind: str = "ngo"


@dataclass(frozen=True)
class Partner(OrganisationFields):
    type: str
    headquarters_country: str | None
    website: str | None
    offers: tuple[str, ...]
    offers_details: Text | None
    kind: str = "partner"


@dataclass(frozen=True)
class Venue:
    region: str
    name: Text | None = None
    address: Text | None = None
    city: Text | None = None


@dataclass(frozen=True)
class Change:
    """A change to a meeting announced to subscribers: moved, postponed, cancelled..."""

    date: dt.datetime
    note: Text
    status: str | None = None
    # The start the meeting had before this change moved it: a date (an all-day meeting) or an
    # aware date and time in the meeting's time zone.
    previous_start: dt.date | dt.datetime | None = None


# The roles an organisation or a named party has at a meeting, in the order a meeting page
# lists them, each with the record field that holds it.
ROLE_FIELDS = {
    "organiser": "organisers",
    "co-organiser": "co_organisers",
    "host": "hosts",
    "funder": "funders",
    "presenter": "presenters",
    "participant": "participants",
    "observer": "observers",
}
ROLES = tuple(ROLE_FIELDS)


@dataclass(frozen=True)
class Party:
    """Someone at a meeting in one role: a record of the directory (``org``, a slug) or
    someone outside it (``name``)."""

    role: str
    org: str | None = None
    name: Text | None = None


class WithParties:
    """What a record that names people in roles (a meeting, a programme) answers about them."""

    parties: tuple[Party, ...]

    @property
    def organisations(self) -> tuple[str, ...]:
        """Every organisation slug the record names, in order, without repeats."""
        return tuple(dict.fromkeys(party.org for party in self.parties if party.org))

    def in_role(self, role: str) -> tuple[Party, ...]:
        return tuple(party for party in self.parties if party.role == role)

    def roles_of(self, slug: str) -> tuple[str, ...]:
        """The roles of the organisation ``slug``, in the order of the record's roles."""
        return tuple(party.role for party in self.parties if party.org == slug)


def _parties(d: dict[str, Any], lang: str, fields: dict[str, str] = ROLE_FIELDS) -> tuple[Party, ...]:
    """Everyone ``d`` names in each role (the field of each role is ``fields[role]``)."""
    return tuple(
        Party(role, org=item) if isinstance(item, str) else Party(role, name=Text.name_of(item["name"], lang))
        for role, field in fields.items()
        for item in d.get(field, ())
    )


@dataclass(frozen=True)
class MeetingRegistration:
    """How to register for a meeting. ``deadline`` is the moment registration closes (a
    deadline written as a day closes at the end of it, ``deadline_day``)."""

    status: str  # 'open', 'closed' or 'invitation', as the record says
    deadline: dt.datetime | None = None
    deadline_day: bool = False
    url: str | None = None
    email: str | None = None
    phone: Phone | None = None
    capacity: int | None = None
    cost: Text | None = None
    languages: tuple[str, ...] = ()
    accessibility: Text | None = None

    @property
    def last_day(self) -> dt.date | None:
        """The deadline's day as the record gives it."""
        if self.deadline is None:
            return None
        return (self.deadline - dt.timedelta(days=1)).date() if self.deadline_day else self.deadline.date()

    def state(self, meeting: Meeting, now: dt.datetime) -> str:
        """'open', 'invitation' or 'closed' at ``now``: open registration closes at its
        deadline, and any when the meeting has ended or will not take place."""
        if meeting.status == "cancelled" or meeting.end <= now:
            return "closed"
        if self.status == "open" and self.deadline is not None and self.deadline <= now:
            return "closed"
        return self.status


def _meeting_registration(
    d: dict[str, Any] | None, zone: zoneinfo.ZoneInfo, lang: str, phone_region: str
) -> MeetingRegistration | None:
    if d is None:
        return None
    deadline, day = None, False
    if "deadline" in d:
        when = parse_local_datetime(d["deadline"])
        if isinstance(when, dt.datetime):
            deadline = when.replace(tzinfo=zone)
        elif isinstance(when, dt.date):
            deadline, day = dt.datetime.combine(when + dt.timedelta(days=1), dt.time(), zone), True
    return MeetingRegistration(
        status=d["status"],
        deadline=deadline,
        deadline_day=day,
        url=d.get("url"),
        email=d.get("email"),
        phone=Phone("office", d["phone"], None, phone_region) if "phone" in d else None,
        capacity=d.get("capacity"),
        cost=_text(d.get("cost"), lang),
        languages=tuple(d.get("languages", ())),
        accessibility=_text(d.get("accessibility"), lang),
    )


@dataclass(frozen=True)
class Meeting(WithParties):
    slug: str
    source: str
    title: Text
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    timezone: str
    status: str
    venue: Venue
    parties: tuple[Party, ...]  # by role (ROLES), then as listed
    registration: MeetingRegistration | None
    themes: tuple[str, ...]
    agenda: Text | None
    outcome: Text | None
    report: Text | None
    report_url: str | None
    series: str | None  # a slug of ngo_data/series.yaml
    next: str | None  # the slug of the meeting that follows it up
    maintainers: tuple[str, ...]
    last_verified: dt.date | None
    added: dt.datetime
    updated: dt.datetime  # the latest of ``added``, ``updated:`` and the changes
    changes: tuple[Change, ...] = ()
    kind: str = "meeting"

    @property
    def last_day(self) -> dt.date:
        """The last day the meeting takes place, in its own time zone. An all-day meeting's
        ``end`` is midnight after its last day (as iCalendar's DTEND), so that day is one less."""
        if self.all_day:
            return (self.end - dt.timedelta(days=1)).date()
        return self.end.date()

    @property
    def sequence(self) -> int:
        """The iCalendar SEQUENCE: how many times the meeting was changed."""
        return len(self.changes)

    @property
    def regions(self) -> tuple[str, ...]:
        return (self.venue.region,)

    @property
    def all_regions(self) -> tuple[str, ...]:
        return self.regions

    @property
    def organisers(self) -> tuple[Party, ...]:
        return self.in_role("organiser")

    @property
    def funders(self) -> tuple[str, ...]:
        """The slugs of the organisations that fund it."""
        return tuple(party.org for party in self.in_role("funder") if party.org)

    @staticmethod
    def role_field(role: str) -> str:
        """The field of the record that lists those in ``role``."""
        return ROLE_FIELDS[role]


def _other_names(d: dict[str, Any], lang: str) -> tuple[Text, ...]:
    return tuple(Text.name_of(item, lang) for item in d.get("other_names", ()))


def _common(slug: str, source: str, d: dict[str, Any], lang: str, phone_region: str) -> dict[str, Any]:
    other_names = _other_names(d, lang)
    return {
        "slug": slug,
        "source": source,
        "name": Text.name_of(d["name"], lang).filled_from(other_names),
        "description": Text.of(d["description"], lang),
        "maintainers": tuple(d["maintainers"]),
        "last_verified": dt.date.fromisoformat(d["last_verified"]),
        "acronym": Text.name_of(d["acronym"], lang) if "acronym" in d else None,
        "other_names": other_names,
        "founded": d.get("founded"),
        "regions": tuple(d.get("regions", ())),
        "themes": tuple(d.get("themes", ())),
        "locations": _locations(d.get("locations"), lang, phone_region),
        "contacts": _contacts(d.get("contacts"), lang, phone_region),
        "funders": tuple(d.get("funders", ())),
        "added": record_time(d["added"]),
        "updated": record_time(d.get("updated", d["added"])),
    }


def _registration(raw: dict[str, Any] | None, lang: str) -> Registration | None:
    if not raw:
        return None
    return Registration(
        number=raw.get("number"),
        date=dt.date.fromisoformat(raw["date"]) if raw.get("date") else None,
        year=raw.get("year"),
        authority=_text(raw.get("authority"), lang),
    )


def build_ngo(
    slug: str, source: str, d: dict[str, Any], lang: str, *, phone_region: str = PHONE_REGION
) -> Ngo:
    return Ngo(
        **_common(slug, source, d, lang, phone_region),
        legal_form=_text(d.get("legal_form"), lang),
        registration=_registration(d.get("registration"), lang),
        languages=tuple(d.get("languages", ())),
        partners=tuple(d.get("partners", ())),
    )


def build_partner(
    slug: str, source: str, d: dict[str, Any], lang: str, *, phone_region: str = PHONE_REGION
) -> Partner:
    return Partner(
        **_common(slug, source, d, lang, phone_region),
        type=d["type"],
        headquarters_country=d.get("headquarters_country"),
        website=d.get("website"),
        offers=tuple(d.get("offers", ())),
        offers_details=_text(d.get("offers_details"), lang),
    )


def meeting_times(d: dict[str, Any]) -> tuple[dt.datetime, dt.datetime, bool]:
    """Aware start and end of a meeting; an all-day meeting ends at the end of its last day."""
    zone = zoneinfo.ZoneInfo(d.get("timezone", DEFAULT_TIMEZONE))
    start = parse_local_datetime(d["start"])
    end = parse_local_datetime(d.get("end", d["start"]))
    all_day = not isinstance(start, dt.datetime)
    if all_day:
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        first = dt.datetime.combine(start, dt.time(), zone)
        last = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)
        return first, last, True
    assert isinstance(start, dt.datetime) and isinstance(end, dt.datetime)
    return start.replace(tzinfo=zone), end.replace(tzinfo=zone), False


def _local(value: str, zone: zoneinfo.ZoneInfo) -> dt.date | dt.datetime:
    """A date, or a local date and time made aware in ``zone``."""
    parsed = parse_local_datetime(value)
    assert parsed is not None, value  # checked by the schema
    return parsed.replace(tzinfo=zone) if isinstance(parsed, dt.datetime) else parsed


def build_meeting(
    slug: str, source: str, d: dict[str, Any], lang: str, phone_region: str = PHONE_REGION
) -> Meeting:
    start, end, all_day = meeting_times(d)
    venue = d["venue"]
    zone = zoneinfo.ZoneInfo(d.get("timezone", DEFAULT_TIMEZONE))
    changes = tuple(
        Change(
            record_time(c["date"]),
            Text.of(c["note"], lang),
            c.get("status"),
            _local(c["previous_start"], zone) if "previous_start" in c else None,
        )
        for c in d.get("changes", ())
    )
    added = record_time(d["added"])
    updated = max([added, *(c.date for c in changes), record_time(d.get("updated", d["added"]))])
    return Meeting(
        slug=slug,
        source=source,
        title=Text.of(d["title"], lang),
        start=start,
        end=end,
        all_day=all_day,
        timezone=d.get("timezone", DEFAULT_TIMEZONE),
        status=d["status"],
        venue=Venue(
            region=venue["region"],
            name=_place(venue.get("name"), lang),
            address=_place(venue.get("address"), lang),
            city=_place(venue.get("city"), lang),
        ),
        parties=_parties(d, lang),
        registration=_meeting_registration(
            d.get("registration"), zoneinfo.ZoneInfo(d.get("timezone", DEFAULT_TIMEZONE)), lang, phone_region
        ),
        themes=tuple(d.get("themes", ())),
        agenda=_text(d.get("agenda"), lang),
        outcome=_text(d.get("outcome"), lang),
        report=_text(d.get("report"), lang),
        report_url=d.get("report_url"),
        series=d.get("series"),
        next=d.get("next"),
        maintainers=tuple(d["maintainers"]),
        last_verified=dt.date.fromisoformat(d["last_verified"]) if "last_verified" in d else None,
        added=added,
        updated=updated,
        changes=changes,
    )


def build_vocabulary(d: dict[str, Any]) -> dict[str, VocabularyEntry]:
    return {
        slug: VocabularyEntry(
            slug,
            Text.of(entry["name"], "az"),
            tuple(entry.get("also_known_as", ())),
            entry.get("iso"),
            entry.get("part_of"),
        )
        for slug, entry in sorted(d.items())
    }


# IATI's organisation roles, in the order a programme page lists them, with their fields.
PROGRAMME_ROLES = ("funding", "accountable", "extending", "implementing")


@dataclass(frozen=True)
class Result:
    """A figure a programme achieved: 19 centres; more than 27,000 visitors in three months."""

    value: int
    unit: Text
    qualifier: str | None = None  # 'more-than', 'up-to' or 'about'
    period: Text | None = None
    as_of: str | None = None  # '2011', '2011-02' or '2011-02-15'
    source: str | None = None

    @property
    def as_of_precision(self) -> str | None:
        """'year', 'month' or 'day': how ``as_of`` is written."""
        return {4: "year", 7: "month", 10: "day"}.get(len(self.as_of)) if self.as_of else None

    @property
    def as_of_day(self) -> dt.date | None:
        """The first day ``as_of`` names."""
        if not self.as_of:
            return None
        year, month, day = ([*map(int, self.as_of.split("-")), 1, 1])[:3]
        return dt.date(year, month, day)


@dataclass(frozen=True)
class Link:
    url: str
    title: Text | None = None


@dataclass(frozen=True)
class Programme(WithParties):
    """A programme: who funds and runs it (IATI's roles), where, on what, and what it achieved."""

    slug: str
    source: str
    title: Text
    acronym: Text | None
    other_names: tuple[Text, ...]
    status: str | None  # 'planned', 'active' or 'completed'; None when the sources do not say
    start_year: int | None
    end_year: int | None
    description: Text
    parties: tuple[Party, ...]  # by role (PROGRAMME_ROLES), then as listed
    regions: tuple[str, ...]
    themes: tuple[str, ...]
    results: tuple[Result, ...]
    links: tuple[Link, ...]
    maintainers: tuple[str, ...]
    last_verified: dt.date | None
    added: dt.datetime
    updated: dt.datetime
    kind: str = "programme"

    @property
    def all_regions(self) -> tuple[str, ...]:
        return self.regions

    @staticmethod
    def role_field(role: str) -> str:
        """The field of the record that lists those in ``role``: the role itself."""
        return role

    @property
    def funders(self) -> tuple[str, ...]:
        return tuple(party.org for party in self.in_role("funding") if party.org)

    @property
    def implementers(self) -> tuple[str, ...]:
        return tuple(party.org for party in self.in_role("implementing") if party.org)


def build_programme(
    slug: str, source: str, d: dict[str, Any], lang: str, *, phone_region: str = PHONE_REGION
) -> Programme:
    del phone_region  # a programme has no phone numbers
    parties = _parties(d, lang, {role: role for role in PROGRAMME_ROLES})
    other_names = _other_names(d, lang)
    return Programme(
        slug=slug,
        source=source,
        title=Text.name_of(d["title"], lang).filled_from(other_names),
        acronym=Text.name_of(d["acronym"], lang) if "acronym" in d else None,
        other_names=other_names,
        status=d.get("status"),
        start_year=d.get("start_year"),
        end_year=d.get("end_year"),
        description=Text.of(d["description"], lang),
        parties=parties,
        regions=tuple(d["regions"]),
        themes=tuple(d["themes"]),
        results=tuple(
            Result(
                value=r["value"],
                unit=Text.name_of(r["unit"], lang),
                qualifier=r.get("qualifier"),
                period=Text.name_of(r["period"], lang) if "period" in r else None,
                as_of=r.get("as_of"),
                source=r.get("source"),
            )
            for r in d.get("results", ())
        ),
        links=tuple(
            Link(link["url"], Text.name_of(link["title"], lang) if "title" in link else None)
            for link in d.get("links", ())
        ),
        maintainers=tuple(d["maintainers"]),
        last_verified=dt.date.fromisoformat(d["last_verified"]) if "last_verified" in d else None,
        added=record_time(d["added"]),
        updated=max(record_time(d["added"]), record_time(d.get("updated", d["added"]))),
    )
