"""The plan of the whole site: every page, and each language's feeds, calendars and OPML files,
decided from checked records and texts before anything is written."""

from __future__ import annotations

import calendar
import datetime as dt
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..content.model import ContentPage, PressRelease
from ..content.versions import Version, by_slug, versions_of
from ..i18n import N_, Languages
from ..records.completeness import Completeness
from ..records.directory import Directory
from ..syndication.happenings import Happening, happenings_of
from ..syndication.subscriptions import Catalogue
from ..syndication.syndication import opml_addresses
from .content_pages import plan_content
from .contexts import NotFound, NotFoundPage
from .pages import PageSpec, Planner, PressIndex
from .urls import Urls


@dataclass(frozen=True)
class LanguagePlan:
    """What one language subscribes to."""

    catalogue: Catalogue
    happenings: list[Happening]
    opml: dict[str, str]  # the address of the OPML file of each feed format


@dataclass(frozen=True)
class SitePlan:
    pages: list[PageSpec]
    languages: dict[str, LanguagePlan]
    footer_pages: dict[str, list[Version[ContentPage]]]  # the listed pages, in each language
    registrations: dict[str, str]  # each meeting's registration at the build: open, invitation, closed
    verified_since: dt.date  # a record last verified before this day asks to be checked again


NOT_FOUND = "404.html"  # where GitHub Pages, Netlify and common server set-ups look for it


def not_found_page(languages: Languages, settings: Mapping[str, Any]) -> PageSpec:
    """The one page for every missing address, in every language, outside the sitemap."""
    # Root-relative addresses: the page works at any depth and on whatever host serves it.
    site = str(settings.get("SITEURL") or "")
    root = urlsplit(site).path.rstrip("/") if site.startswith(("https://", "http://")) else ""
    texts = []
    for language in languages.languages:
        urls = Urls(settings, languages.prefix(language))

        def tr(message: str, language: str = language) -> str:
            return languages.gettext(language, message)

        texts.append(
            NotFound(
                lang=language,
                site_name=languages.site_name(language),
                title=tr(N_("Page not found")),
                text=tr(
                    N_("There is no page at this address. It may have moved, or the address may be mistyped.")
                ),
                home=tr(N_("Go to the home page")),
                home_url=urls.index("HOME"),
                search=tr(N_("Search the directory")),
                search_url=urls.index("SEARCH"),
            )
        )
    context = NotFoundPage(texts=texts, root=root, channels=())
    default = languages.languages[0]
    return PageSpec(NOT_FOUND, NOT_FOUND, context.TEMPLATE, context, default, (), in_sitemap=False)


def plan_site(
    directory: Directory,
    releases: list[PressRelease],
    texts: list[ContentPage],
    languages: Languages,
    settings: Mapping[str, Any],
    now: dt.datetime,
) -> SitePlan:
    """Plan every page of every language, and what each language's feeds announce, as they
    stand at ``now`` (aware): the build's moment, whose date in the directory's time zone
    decides which meetings are upcoming."""
    today = now.astimezone(zoneinfo.ZoneInfo(settings["NGO_DIRECTORY_TIME_ZONE"])).date()
    registrations = {
        slug: m.registration.state(m, now) for slug, m in directory.meetings.items() if m.registration
    }
    press = versions_of(by_slug(releases), languages)
    pages = versions_of(by_slug(texts), languages)
    verified_since = months_before(today, settings["NGO_DIRECTORY_VERIFY_MONTHS"])
    records: list[Any] = [*directory.ngos.values(), *directory.partners.values()]
    records += [*directory.meetings.values(), *directory.programmes.values()]
    completeness = {r.slug: Completeness.of(r, languages.languages) for r in records}
    planned: list[PageSpec] = []
    plans = {}
    for language in languages.languages:
        in_language = PressIndex.of(group[language] for group in press)
        catalogue = Catalogue.build(
            directory, languages, language, settings, frozenset(in_language.by_organisation)
        )
        planner = Planner(
            directory,
            in_language,
            settings,
            today,
            languages,
            language,
            completeness,
            catalogue,
            registrations,
            verified_since,
        )
        planned += planner.plan()
        planned += plan_content(
            press, pages, catalogue, index_fallbacks=settings["NGO_DIRECTORY_SEARCH_FALLBACKS"]
        )
        plans[language] = LanguagePlan(
            catalogue,
            happenings_of(directory, in_language.latest),
            opml_addresses(languages.prefix(language), settings["NGO_DIRECTORY_FEEDS_PATH"]),
        )
    planned.append(not_found_page(languages, settings))
    listed = [group for group in pages if all(version.item.listed for version in group.values())]
    footer = {language: [group[language] for group in listed] for language in languages.languages}
    return SitePlan(planned, plans, footer, registrations, verified_since)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
