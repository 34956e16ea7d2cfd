"""Turn one language's happenings and meetings into the bytes of its feeds, calendars and OPML
files. Texts come from the ``_syndication.html`` macros, rendered in the feed's language with
the same filters as the pages; this module makes them plain and inert, or sanitised."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..i18n import N_, Languages
from ..records.directory import Directory
from ..records.models import Meeting, shown_name
from ..text.markup import html_to_text, one_line, sanitize, shorten
from .calendars import EventText, Serialised, meeting_event, render_calendar
from .feeds import Entry, FeedSite, absolute, render_feed
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
}
OPML_TITLE = N_("All feeds of %(site)s")
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
        self.index = by_topic(happenings)
        self.base = base
        self.identity = identity
        self.feed_items = feed_items
        self.opml = opml
        self.site_name = site_name
        updated = max((h.when for h in happenings), default=EPOCH)
        self.site = FeedSite(base, identity.prefix, site_name, self.language, updated)
        variables = {**context, "page_lang": self.language, "SITEURL": base}
        self.texts: Any = env.get_template("_syndication.html").make_module(vars=variables)
        self._entries: dict[str, Entry] = {}
        self._events: dict[str, Serialised] = {}

    def _text(self, markup: Any) -> str:
        return one_line(html.unescape(str(markup)))

    def link(self, subject: Any) -> str:
        if hasattr(subject, "item"):  # a press release version
            return absolute(self.base, subject.url)
        return absolute(self.base, self.catalogue.get(topic(subject.kind, subject.slug)).page)

    def entry(self, happening: Happening) -> Entry:
        found = self._entries.get(happening.key)
        if found is None:
            link = self.link(happening.subject)
            if happening.kind == "press":
                version = happening.subject
                raw = version.item.get_content(self.base)
                content = str(self.texts.press_content(version, Markup(raw)))  # noqa: S704  (sanitised below)
                summary = html_to_text(getattr(version.item, "summary", "") or raw)
            else:
                content = str(self.texts.entry_content(happening))
                summary = html_to_text(str(self.texts.entry_summary(happening)))
            found = Entry(
                id=f"{self.identity.prefix}{self.language}/{happening.key}",
                title=self._text(self.texts.entry_title(happening)),
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
                summary=self._text(self.texts.event_summary(meeting)),
                location=self._text(self.texts.place(meeting)),
                description=html_to_text(str(self.texts.event_description(meeting))),
                categories=tuple(
                    shown_name(self.directory.themes[t], self.languages.order(self.language))
                    for t in meeting.themes
                ),
            )
            found = Serialised.of(meeting_event(meeting, text, self.link(meeting), self.identity.domain))
            self._events[meeting.slug] = found
        return found

    def meetings_of(self, channel: Channel) -> list[Meeting]:
        d = self.directory
        if channel.group == "site":
            meetings = list(d.meetings.values())
        elif channel.group == "meeting":
            meetings = [channel.subject]
        else:
            slug = channel.subject.slug
            source = {"region": d.meetings_by_region, "theme": d.meetings_by_theme}.get(
                channel.group, d.meetings_by_organisation
            )
            meetings = source.get(slug, [])
        return sorted(meetings, key=lambda m: (m.start, m.slug))

    def files(self) -> Iterator[tuple[str, bytes]]:
        """(address, bytes) of every feed, calendar and OPML file of the language."""
        for channel in self.catalogue:
            if channel.atom and channel.rss:
                entries = [self.entry(h) for h in self.index.get(channel.topic, [])[: self.feed_items]]
                yield channel.atom, render_feed(channel, entries, self.site, "atom")
                yield channel.rss, render_feed(channel, entries, self.site, "rss")
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
        groups = [
            (self.languages.gettext(self.language, GROUP_HEADINGS[group]), channels)
            for group, channels in (("site", self.catalogue.site), *self.catalogue.groups.items())
            if group in GROUP_HEADINGS
        ]
        title = self.languages.gettext(self.language, OPML_TITLE) % {"site": self.site_name}
        for format, address in self.opml.items():
            yield (
                address,
                render_opml(title, groups, format=format, base=self.base, updated=self.site.updated),
            )
