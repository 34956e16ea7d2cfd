"""Turn one language's happenings and meetings into the bytes of its feeds, calendars and OPML
files. Titles, event summaries and places are plain text, written here from the catalog and the
records' texts in the feed's language; contents and descriptions are HTML from the
``_syndication.html`` macros, rendered with the same filters as the pages, then sanitised or
made plain and inert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..content.model import PressRelease, rooted
from ..content.versions import Version
from ..i18n import N_, Languages
from ..records.directory import Directory, Organisation
from ..records.models import Change, Meeting, Programme, Text, shown_name
from ..text.markup import html_to_text, one_line, sanitize, shorten
from .calendars import EventText, Serialised, meeting_event, render_calendar
from .feeds import FEED_STYLESHEET, Entry, FeedSite, absolute, feed_stylesheet, render_feeds
from .happenings import Happening, by_topic, topic
from .opml import render_opml
from .subscriptions import Catalogue, Channel

SUMMARY_LENGTH = 300
GROUP_HEADINGS = {
    "site": N_("Whole directory"),
    "region": N_("Regions"),
    "theme": N_("Themes"),
    "ngo": N_("NGOs"),
    "partner": N_("Partners"),
    "programme": N_("Programmes"),
}
OPML_TITLE = N_("All feeds of %(site)s")
NEW_TITLES = {
    "ngo": N_("New NGO: %(name)s"),
    "partner": N_("New partner: %(name)s"),
    "programme": N_("New programme: %(name)s"),
}
UPDATED_TITLE = N_("Updated: %(name)s")
ANNOUNCED_TITLE = N_("Meeting announced: %(title)s")  # added before it ended
ADDED_TITLE = N_("Meeting added: %(title)s")  # added once it was over
CHANGE_TITLES = {  # by the status a change gives the meeting
    "cancelled": N_("Meeting cancelled: %(title)s"),
    "postponed": N_("Meeting postponed: %(title)s"),
    "scheduled": N_("Meeting rescheduled: %(title)s"),
    "held": N_("Meeting held: %(title)s"),
}
CHANGE_TITLE = N_("Meeting changed: %(title)s")  # a change that leaves the status alone
EVENT_SUMMARIES = {  # by the meeting's status; otherwise its title alone
    "cancelled": N_("Cancelled: %(title)s"),
    "postponed": N_("Postponed: %(title)s"),
}
OPML_FILES = {"atom": "all-atom.opml", "rss": "all-rss.opml"}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Identity:
    """Where permanent ids come from: NGO_DIRECTORY_ID_AUTHORITY, 'example.org,2026'."""

    authority: str

    @property
    def prefix(self) -> str:
        return f"tag:{self.authority}:"

    @property
    def domain(self) -> str:
        return self.authority.split(",", 1)[0]


def opml_addresses(prefix: str, feeds_path: str) -> dict[str, str]:
    """Address of the OPML file of each feed format, for a language's ``prefix``."""
    return {name: prefix + feeds_path + file for name, file in OPML_FILES.items()}


class Syndication:
    """Everything one language subscribes to, rendered on demand, each text at most once."""

    def __init__(
        self,
        env: Environment,
        context: Mapping[str, Any],
        directory: Directory,
        catalogue: Catalogue,
        happenings: Sequence[Happening],
        languages: Languages,
        *,
        base: str,
        identity: Identity,
        site_name: str,
        feed_items: int,
        opml: Mapping[str, str],
    ):
        self.language = catalogue.language
        self.directory = directory
        self.catalogue = catalogue
        self.languages = languages
        self.order = languages.order(self.language)
        self.index = by_topic(happenings)
        self.base = base
        self.identity = identity
        self.feed_items = feed_items
        self.opml = opml
        self.site_name = site_name
        updated = max((h.when for h in happenings), default=EPOCH)
        # The feeds' stylesheet sits in the language's feeds folder, beside its OPML files.
        self.stylesheet = opml["atom"].rsplit("/", 1)[0] + "/" + FEED_STYLESHEET if opml else None
        stylesheet = absolute(base, self.stylesheet) if self.stylesheet else None
        self.site = FeedSite(base, identity.prefix, site_name, self.language, updated, stylesheet)
        variables = {
            **context,
            "page_lang": self.language,
            "SITEURL": base,
            # The macros show these plain texts as HTML (escaped).
            "change_title": self.change_title,
            "place": self.place,
        }
        self.texts: Any = env.get_template("_syndication.html").make_module(vars=variables)
        self._entries: dict[str, Entry] = {}
        self._events: dict[str, Serialised] = {}

    def stylesheet_texts(self) -> dict[str, str]:
        """What the feeds' stylesheet says, in the feed's language."""
        return {
            "what": self.gettext(
                N_("This is a feed: a reader app (a feed reader) checks it for you and shows what is new.")
            ),
            "how": self.gettext(
                N_(
                    "To subscribe, copy the address below into your feed reader, "
                    "or open the Subscribe page of the directory."
                )
            ),
            "address": self.gettext(N_("Address of this feed")),
            "entries": self.gettext(N_("Latest entries")),
        }

    def gettext(self, message: str, **values: str) -> str:
        return self.languages.gettext(self.language, message) % values

    def shown(self, text: Text) -> str:
        """A record's text in the feed's language, or the first fallback that has it."""
        return text.pick(self.order)[1]

    def title(self, happening: Happening) -> str:
        """A feed entry's title."""
        subject = happening.subject
        if isinstance(subject, Version):
            return subject.item.title
        if isinstance(subject, Meeting) and happening.change is not None:
            return self.change_title(subject, happening.change)
        name = shown_name(subject, self.order)
        if happening.kind == "updated":
            return self.gettext(UPDATED_TITLE, name=name)
        if isinstance(subject, Meeting):
            return self.gettext(ANNOUNCED_TITLE if subject.added < subject.end else ADDED_TITLE, title=name)
        return self.gettext(NEW_TITLES[subject.kind], name=name)

    def change_title(self, meeting: Meeting, change: Change) -> str:
        message = CHANGE_TITLES.get(change.status or "", CHANGE_TITLE)
        return self.gettext(message, title=self.shown(meeting.title))

    def event_summary(self, meeting: Meeting) -> str:
        """A calendar event's summary: the meeting's title, after its status when that is news."""
        title = self.shown(meeting.title)
        message = EVENT_SUMMARIES.get(meeting.status)
        return self.gettext(message, title=title) if message else title

    def place(self, meeting: Meeting) -> str:
        """Where a meeting takes place: the venue's name, address and city, then its region."""
        venue = meeting.venue
        parts = [self.shown(text) for text in (venue.name, venue.address, venue.city) if text]
        return ", ".join([*parts, self.shown(self.directory.regions[venue.region].name)])

    def link(self, subject: Organisation | Meeting | Programme | Version[PressRelease]) -> str:
        if isinstance(subject, Version):
            return absolute(self.base, subject.url)
        return absolute(self.base, self.catalogue.get(topic(subject.kind, subject.slug)).page)

    def entry(self, happening: Happening) -> Entry:
        found = self._entries.get(happening.key)
        if found is None:
            link = self.link(happening.subject)
            if isinstance(happening.subject, Version):
                version = happening.subject
                raw = rooted(version.item.content, self.base)
                content = str(self.texts.press_content(version, Markup(raw)))  # noqa: S704  (sanitised below)
                summary = html_to_text(rooted(version.item.summary, self.base) or raw)
            else:
                content = str(self.texts.entry_content(happening))
                summary = html_to_text(str(self.texts.entry_summary(happening)))
            found = Entry(
                id=f"{self.identity.prefix}{self.language}/{happening.key}",
                title=one_line(self.title(happening)),
                link=link,
                updated=happening.when,
                published=happening.published,
                summary=shorten(summary, SUMMARY_LENGTH),
                content=sanitize(content, base=link),
            )
            self._entries[happening.key] = found
        return found

    def event(self, meeting: Meeting) -> Serialised:
        found = self._events.get(meeting.slug)
        if found is None:
            text = EventText(
                summary=one_line(self.event_summary(meeting)),
                location=one_line(self.place(meeting)),
                description=html_to_text(str(self.texts.event_description(meeting))),
                categories=tuple(self.shown(self.directory.themes[t].name) for t in meeting.themes),
            )
            found = Serialised.of(meeting_event(meeting, text, self.link(meeting), self.identity.domain))
            self._events[meeting.slug] = found
        return found

    def meetings_of(self, channel: Channel) -> list[Meeting]:
        d = self.directory
        subject = channel.subject
        if subject is None:  # the whole site
            meetings = list(d.meetings.values())
        elif isinstance(subject, Meeting):
            meetings = [subject]
        else:
            source = {"region": d.meetings_by_region, "theme": d.meetings_by_theme}.get(
                channel.group, d.meetings_by_organisation
            )
            meetings = source.get(subject.slug, [])
        return sorted(meetings, key=lambda m: (m.start, m.slug))

    def files(self, index: int = 0, count: int = 1) -> Iterator[tuple[str, bytes]]:
        """(address, bytes) of every feed, calendar and OPML file of the language; with
        ``count`` writers, those of the channels whose place is ``index`` modulo ``count``,
        the OPML files going with index 0."""
        for place, channel in enumerate(self.catalogue):
            if place % count != index:
                continue
            if channel.atom and channel.rss:
                entries = [self.entry(h) for h in self.index.get(channel.topic, [])[: self.feed_items]]
                atom, rss = render_feeds(channel, entries, self.site)
                yield channel.atom, atom
                yield channel.rss, rss
            if channel.calendar:
                yield (
                    channel.calendar,
                    render_calendar(
                        [self.event(m) for m in self.meetings_of(channel)],
                        name=f"{channel.title} · {self.site_name}",
                        description=channel.calendar_description,
                        prodid=f"-//ngo-directory//{self.site_name}//{self.language.upper()}",
                        source=absolute(self.base, channel.calendar),
                    ),
                )
        if index != 0:
            return
        if self.stylesheet:
            yield self.stylesheet, feed_stylesheet(self.language, self.base, self.stylesheet_texts())
        groups = [
            (self.languages.gettext(self.language, GROUP_HEADINGS[group]), channels)
            for group, channels in (("site", self.catalogue.site), *self.catalogue.listed().items())
            if group in GROUP_HEADINGS
        ]
        title = self.languages.gettext(self.language, OPML_TITLE) % {"site": self.site_name}
        for format, address in self.opml.items():
            yield (
                address,
                render_opml(title, groups, format=format, base=self.base, updated=self.site.updated),
            )
