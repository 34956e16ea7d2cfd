"""Every feed and calendar of one language, with its address, title and page: the one list that
pages, the Subscribe page, the OPML files and the writer all read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..i18n import N_, Languages
from ..records.directory import Directory, Organisation
from ..records.models import Meeting, Programme, VocabularyEntry, shown_name
from ..site.urls import Urls
from ..text.collation import sort_key
from ..text.markup import one_line
from .happenings import CHANGES, MEETINGS, PRESS, press_topic, topic

ATOM, RSS, ICS = ".atom.xml", ".rss.xml", ".ics"
FOLDERS = {
    "region": "regions",
    "theme": "themes",
    "ngo": "ngos",
    "partner": "partners",
    "meeting": "meetings",
    "programme": "programmes",
}
SITE_TITLES = {
    PRESS: N_("Press releases"),
    MEETINGS: N_("Meetings"),
    CHANGES: N_("Directory changes"),
}
SITE_DESCRIPTIONS = {
    PRESS: N_("Every press release published in the directory."),
    MEETINGS: N_("Meetings as they are announced, changed, postponed or cancelled."),
    CHANGES: N_("Organisations and meetings as they are added to the directory or updated."),
}
SUBJECT_DESCRIPTIONS = {
    "region": N_("Press releases, meetings and directory changes in %(name)s."),
    "theme": N_("Press releases, meetings and directory changes about %(name)s."),
    "ngo": N_("Press releases, meetings and directory changes of %(name)s."),
    "partner": N_(
        "Press releases of %(name)s, the meetings it takes part in or funds, and changes to its record."
    ),
    "meeting": N_("%(name)s, to add to a calendar."),
    "programme": N_("Changes to the programme %(name)s."),
}
# An organisation's press releases alone, beside its feed of everything about it.
PRESS_ONLY_TITLE = N_("Press releases of %(name)s")
PRESS_ONLY_DESCRIPTION = N_("Only the press releases %(name)s issues.")
CALENDAR_DESCRIPTIONS = {
    "site": N_("Every meeting in the directory."),
    "region": N_("Meetings in %(name)s."),
    "theme": N_("Meetings about %(name)s."),
    "ngo": N_("Meetings that %(name)s organises or takes part in."),
    "partner": N_("Meetings that %(name)s organises, takes part in or funds."),
    "meeting": N_("%(name)s, to add to a calendar."),
}


@dataclass(frozen=True, kw_only=True)
class Channel:
    """The feeds and calendar of one subject (or of the whole site) in one language. Addresses
    are relative to SITEURL; a channel without feeds (a single meeting) has ``atom`` None."""

    topic: str
    group: str  # 'site', 'region', 'theme', 'ngo', 'partner', 'meeting' or 'programme'
    subject: Organisation | Meeting | Programme | VocabularyEntry | None  # None for the whole site
    language: str
    title: str
    description: str  # of the feeds
    calendar_description: str
    page: str  # the page the channel is about
    atom: str | None
    rss: str | None
    calendar: str | None

    @property
    def addresses(self) -> list[tuple[str, str]]:
        """(format, address) of each file the channel has."""
        pairs = (("atom", self.atom), ("rss", self.rss), ("calendar", self.calendar))
        return [(name, address) for name, address in pairs if address]


@dataclass
class Catalogue:
    """All channels of one language: the site's, then by group, each group in name order."""

    language: str
    site: list[Channel]
    groups: dict[str, list[Channel]]
    # The channels of places where nothing is recorded yet: their feeds and calendars exist (one
    # may follow a place before anyone works there), but the Subscribe page and the OPML files,
    # which list what there is to follow, leave them out.
    unlisted: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.by_topic = {c.topic: c for c in self}

    def listed(self) -> dict[str, list[Channel]]:
        """The groups as the Subscribe page and the OPML files list them."""
        return {
            group: [c for c in channels if c.topic not in self.unlisted]
            for group, channels in self.groups.items()
        }

    def __iter__(self) -> Iterator[Channel]:
        yield from self.site
        for channels in self.groups.values():
            yield from channels

    def feeds(self) -> Iterator[Channel]:
        return (c for c in self if c.atom)

    def calendars(self) -> Iterator[Channel]:
        return (c for c in self if c.calendar)

    def get(self, name: str) -> Channel:
        return self.by_topic[name]

    @classmethod
    def build(
        cls,
        directory: Directory,
        languages: Languages,
        language: str,
        settings: Mapping[str, Any],
        issuers: frozenset[str] = frozenset(),
    ) -> Catalogue:
        """The channels of ``language``: ``issuers`` are the organisations that have issued a
        press release, each of which also gets a feed of its press releases alone."""
        prefix = languages.prefix(language)
        urls = Urls(settings, prefix)
        feeds = prefix + settings["NGO_DIRECTORY_FEEDS_PATH"]
        calendars = prefix + settings["NGO_DIRECTORY_CALENDARS_PATH"]
        order = languages.order(language)

        def tr(message: str) -> str:
            return languages.gettext(language, message)

        site = [
            Channel(
                topic=name,
                group="site",
                subject=None,
                language=language,
                title=tr(SITE_TITLES[name]),
                description=tr(SITE_DESCRIPTIONS[name]),
                calendar_description=tr(CALENDAR_DESCRIPTIONS["site"]),
                page=page,
                atom=feeds + name + ATOM,
                rss=feeds + name + RSS,
                calendar=calendars + name + ICS if name == MEETINGS else None,
            )
            for name, page in (
                (PRESS, urls.index("PRESS")),
                (MEETINGS, urls.index("MEETING")),
                (CHANGES, urls.index("HOME")),
            )
        ]
        groups: dict[str, list[Channel]] = {}
        sources: list[tuple[str, Mapping[str, Any], str | None]] = [
            ("region", directory.regions, "REGION"),
            ("theme", directory.themes, "THEME"),
            ("ngo", directory.ngos, None),
            ("partner", directory.partners, None),
            ("meeting", directory.meetings, None),
            ("programme", directory.programmes, None),
        ]
        for group, records, vocabulary in sources:
            channels: list[tuple[str, Channel]] = []  # (the subject's name, its channel)
            for slug, record in records.items():
                name = one_line(shown_name(record, order))
                path = f"{FOLDERS[group]}/{slug}"
                has_feeds = group != "meeting"
                has_calendar = group != "programme"  # dated by the year at most
                own = Channel(
                    topic=topic(group, slug),
                    group=group,
                    subject=record,
                    language=language,
                    title=name,
                    description=tr(SUBJECT_DESCRIPTIONS[group]) % {"name": name},
                    calendar_description=tr(CALENDAR_DESCRIPTIONS[group]) % {"name": name}
                    if has_calendar
                    else "",
                    page=urls.url(record, vocabulary),
                    atom=feeds + path + ATOM if has_feeds else None,
                    rss=feeds + path + RSS if has_feeds else None,
                    calendar=calendars + path + ICS if has_calendar else None,
                )
                channels.append((name, own))
                if group in ("ngo", "partner") and slug in issuers:
                    press_only = replace(
                        own,
                        topic=press_topic(group, slug),
                        title=tr(PRESS_ONLY_TITLE) % {"name": name},
                        description=tr(PRESS_ONLY_DESCRIPTION) % {"name": name},
                        calendar_description="",
                        atom=f"{feeds}{path}/press{ATOM}",
                        rss=f"{feeds}{path}/press{RSS}",
                        calendar=None,
                    )
                    channels.append((name, press_only))
            # By the subject's name, an organisation's press releases right after its own channel.
            ordered = sorted(
                channels,
                key=lambda pair: (
                    sort_key(pair[0], language),
                    not pair[1].topic.startswith(f"{group}:"),
                    pair[1].topic,
                ),
            )
            groups[group] = [channel for _, channel in ordered]
        in_use = {
            *directory.ngos_by_region,
            *directory.partners_by_region,
            *directory.meetings_by_region,
            *directory.programmes_by_region,
        }
        unlisted = frozenset(topic("region", slug) for slug in directory.regions if slug not in in_use)
        return cls(language, site, groups, unlisted)
