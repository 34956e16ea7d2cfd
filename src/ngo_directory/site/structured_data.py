"""schema.org descriptions of the directory's records, for the JSON-LD block of their pages.

Search engines and link previews read these to tell an NGO from a meeting. Each function returns
plain data (dicts, lists, strings) in the page's language; the template writes it with Jinja's
``tojson``, which escapes ``<``, ``>``, ``&`` and ``'``, so no text from a record can close the
script element that holds it. Addresses start from the page's ``SITEURL``: absolute in a
publishing build, relative to the page in a development one (JSON-LD resolves them against the
page, as a browser resolves links)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from ..content.model import PressRelease
from ..records.models import Meeting, Ngo, Partner, Party, Programme, Text
from ..search.entries import summary_text

CONTEXT = "https://schema.org"
COUNTRY = "AZ"  # every region of the directory is in Azerbaijan

# A partner's ``type`` as the fitting schema.org subtype of Organization.
PARTNER_TYPES = {
    "donor": "FundingAgency",
    "foundation": "FundingAgency",
    "international-ngo": "NGO",
    "government-agency": "GovernmentOrganization",
    "company": "Corporation",
    "intergovernmental": "Organization",
}

MEETING_STATUSES = {
    "scheduled": "https://schema.org/EventScheduled",
    "held": "https://schema.org/EventScheduled",  # schema.org keeps a past event's status
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
RESCHEDULED = "https://schema.org/EventRescheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"

# Meeting roles as Event properties: who organises, funds, presents and attends.
MEETING_ROLES = {
    "organiser": "organizer",
    "co-organiser": "organizer",
    "host": "contributor",
    "funder": "funder",
    "presenter": "performer",
    "participant": "attendee",
    "observer": "attendee",
}
# Programme (IATI) roles as Project properties.
PROGRAMME_ROLES = {
    "funding": "funder",
    "accountable": "sponsor",
    "extending": "sponsor",
    "implementing": "member",
}
REGISTRATION = {
    "open": "https://schema.org/InStock",
    "closed": "https://schema.org/SoldOut",
    "invitation": "https://schema.org/InviteOnly",
}


class Describer:
    """Describes records for one page: ``plain`` gives a text in the page's language, ``url``
    a record's address relative to the site's root, ``base`` the page's ``SITEURL`` and ``page``
    the page's own address relative to the site's root."""

    def __init__(
        self,
        directory: Any,
        language: str,
        plain: Callable[[Text | str | None], str],
        url: Callable[..., str],
        base: str,
        registrations: Mapping[str, str],
        page: str,
    ):
        self.directory = directory
        self.language = language
        self.plain = plain
        self._url = url
        self.base = base
        self.registrations = registrations
        self.page = page

    def summary(self, text: Text | None) -> str:
        """The first paragraph of a Markdown text, as plain text, shortened as a page's description."""
        return summary_text(self.plain(text), markdown=True) if text else ""

    def address(self, obj: Any, vocabulary: str | None = None) -> str:
        return f"{self.base}/{self._url(obj, vocabulary)}"

    def describe(self, item: Any) -> dict[str, Any] | None:
        """The JSON-LD of a record's page; None for anything else."""
        if isinstance(item, Ngo | Partner):
            return {"@context": CONTEXT, **self.organisation(item, full=True)}
        if isinstance(item, Meeting):
            return {"@context": CONTEXT, **self.meeting(item)}
        if isinstance(item, Programme):
            return {"@context": CONTEXT, **self.programme(item)}
        if isinstance(item, PressRelease):
            return {"@context": CONTEXT, **self.press_release(item)}
        return None

    # Organisations -----------------------------------------------------------------------
    def organisation(self, org: Ngo | Partner, full: bool = False) -> dict[str, Any]:
        kind = "NGO" if isinstance(org, Ngo) else PARTNER_TYPES[org.type]
        page = self.address(org)
        data = _node(kind, page, "organisation", self.plain(org.name))
        if not full:
            return data
        others = [self.plain(n) for n in (org.acronym, *org.other_names) if n]
        names = [n for n in dict.fromkeys(others) if n != data["name"]]  # each once, the name not again
        website = org.contacts.website or (org.website if isinstance(org, Partner) else None)
        data.update(
            description=self.summary(org.description),
            alternateName=names,
            foundingDate=str(org.founded) if org.founded else None,
            sameAs=[u for u in (website, *(s.url for s in org.contacts.social)) if u],
            email=org.contacts.email,
            telephone=[p.number for p in org.contacts.phones],
            areaServed=[self.region(slug) for slug in org.regions],
            knowsAbout=[self.plain(self.directory.themes[t].name) for t in org.themes],
            location=[self.place(loc.name, loc.address, loc.city, loc.region) for loc in org.locations],
            funder=[self.organisation(self.directory.organisation(f)) for f in org.funders],
        )
        if isinstance(org, Ngo):
            data["knowsLanguage"] = list(org.languages)
        return _pruned(data)

    def region(self, slug: str) -> dict[str, Any]:
        entry = self.directory.regions[slug]
        return _pruned(
            {
                "@type": "AdministrativeArea",
                "name": self.plain(entry.name),
                "identifier": entry.iso,  # ISO 3166-2
                "url": self.address(entry, "REGION"),
            }
        )

    def place(
        self, name: Text | None, address: Text | None, city: Text | None, region: str
    ) -> dict[str, Any]:
        postal = {
            "@type": "PostalAddress",
            "streetAddress": self.plain(address) or None,
            "addressLocality": self.plain(city) or None,
            "addressRegion": self.plain(self.directory.regions[region].name),
            "addressCountry": COUNTRY,
        }
        return _pruned({"@type": "Place", "name": self.plain(name) or None, "address": _pruned(postal)})

    def party(self, party: Party) -> dict[str, Any]:
        if party.org:
            return self.organisation(self.directory.organisation(party.org))
        return {"@type": "Organization", "name": self.plain(party.name)}

    def parties(self, parties: tuple[Party, ...], roles: Mapping[str, str]) -> dict[str, list[Any]]:
        by_property: dict[str, list[Any]] = {}
        for party in parties:
            by_property.setdefault(roles[party.role], []).append(self.party(party))
        return by_property

    # Meetings ----------------------------------------------------------------------------
    def meeting(self, meeting: Meeting) -> dict[str, Any]:
        moved = [c.previous_start for c in meeting.changes if c.previous_start]
        status = MEETING_STATUSES[meeting.status]
        if moved and meeting.status in ("scheduled", "held"):
            status = RESCHEDULED
        data: dict[str, Any] = {
            **_node("Event", self.address(meeting), "event", self.plain(meeting.title)),
            "description": self.summary(meeting.agenda or meeting.outcome) or None,
            "inLanguage": self.language,
            "startDate": _when(meeting.start, meeting.all_day),
            "endDate": _when(meeting.end - dt.timedelta(days=1), True)
            if meeting.all_day
            else _when(meeting.end),
            "eventStatus": status,
            "eventAttendanceMode": OFFLINE,
            "previousStartDate": [_when(when, not isinstance(when, dt.datetime)) for when in moved],
            "location": self.place(
                meeting.venue.name, meeting.venue.address, meeting.venue.city, meeting.venue.region
            ),
            "about": [self.plain(self.directory.themes[t].name) for t in meeting.themes],
            **self.parties(meeting.parties, MEETING_ROLES),
        }
        if meeting.series and meeting.series in self.directory.series:
            series = self.directory.series[meeting.series]
            data["superEvent"] = {
                "@type": "EventSeries",
                "name": self.plain(series.name),
                "url": self.address(series, "SERIES"),
            }
        reg = meeting.registration
        if reg:
            state = self.registrations.get(meeting.slug, reg.status)
            data["maximumAttendeeCapacity"] = reg.capacity
            data["offers"] = _pruned(
                {
                    "@type": "Offer",
                    "url": reg.url if state != "closed" else None,  # as the page: no way in once closed
                    "availability": REGISTRATION[state],
                    "validThrough": reg.deadline.isoformat() if reg.deadline else None,
                }
            )
        return _pruned(data)

    # Programmes --------------------------------------------------------------------------
    def programme(self, programme: Programme) -> dict[str, Any]:
        data: dict[str, Any] = {
            **_node("Project", self.address(programme), "project", self.plain(programme.title)),
            "alternateName": [self.plain(programme.acronym)] if programme.acronym else [],
            "description": self.summary(programme.description),
            "foundingDate": str(programme.start_year) if programme.start_year else None,
            "dissolutionDate": str(programme.end_year) if programme.end_year else None,
            "areaServed": [self.region(slug) for slug in programme.regions],
            "knowsAbout": [self.plain(self.directory.themes[t].name) for t in programme.themes],
            "sameAs": [link.url for link in programme.links],
            **self.parties(programme.parties, PROGRAMME_ROLES),
        }
        return _pruned(data)

    # Press releases ----------------------------------------------------------------------
    def press_release(self, release: PressRelease) -> dict[str, Any]:
        page = f"{self.base}/{self.page}"  # a translation's own, or a fallback showing it
        data: dict[str, Any] = {
            "@type": "NewsArticle",
            "@id": f"{page}#article",
            "url": page,
            "mainEntityOfPage": page,
            "headline": _headline(release.title),
            "description": summary_text(release.summary or release.content, markdown=False),
            "inLanguage": release.lang,
            "datePublished": release.date.isoformat(),
            "dateModified": (release.modified or release.date).isoformat(),
        }
        directory = self.directory
        if release.organisation in directory.ngos or release.organisation in directory.partners:
            issuer = self.organisation(directory.organisation(release.organisation))
            data.update(author=issuer, publisher=issuer)
        if release.meeting and release.meeting in directory.meetings:
            meeting = directory.meetings[release.meeting]
            data["about"] = {
                "@type": "Event",
                "@id": f"{self.address(meeting)}#event",
                "name": self.plain(meeting.title),
            }
        return data


def _node(kind: str, page: str, fragment: str, name: str) -> dict[str, Any]:
    """What names a thing: its type, an id (its page's address with ``fragment``), its page and name."""
    return {"@type": kind, "@id": f"{page}#{fragment}", "url": page, "name": name}


def _when(value: dt.date | dt.datetime, day: bool = False) -> str:
    """A date (a whole day) or a date and time with its UTC offset, as ISO 8601."""
    if day:
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    return value.isoformat()


def _headline(title: str, limit: int = 110) -> str:
    """A headline within the length search engines show (110 characters), cut at a word."""
    if len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without empty values: a property that is absent says nothing, an empty one
    says something false."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
