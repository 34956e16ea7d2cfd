"""The plan of the press release and page pages: every version in every language, real or fallback."""

from __future__ import annotations

from collections.abc import Sequence

from ..content.model import ContentPage, PressRelease
from ..content.versions import Version
from ..syndication.happenings import PRESS, topic
from ..syndication.subscriptions import Catalogue, Channel
from .contexts import ArticlePage, PageContext, TextPage
from .pages import PageSpec
from .urls import save_as_of


def release_channels(release: PressRelease, catalogue: Catalogue) -> list[Channel]:
    """The press releases' channel, and the channel of the organisation that issued it."""
    found = [catalogue.get(PRESS)]
    for kind in ("ngo", "partner"):
        channel = catalogue.by_topic.get(topic(kind, release.organisation))
        if channel is not None:
            found.append(channel)
    return found


def _spec(version: Version[PressRelease] | Version[ContentPage], context: PageContext) -> PageSpec:
    url = version.url
    return PageSpec(save_as_of(url), url, context.TEMPLATE, context, version.language, version.alternates)


def plan_content(
    press: Sequence[dict[str, Version[PressRelease]]],
    pages: Sequence[dict[str, Version[ContentPage]]],
    catalogue: Catalogue,
    *,
    index_fallbacks: bool = False,
) -> list[PageSpec]:
    """A page for every version, in the catalogue's language, of every release and page; a
    release's fallback copies are indexed for search only with ``index_fallbacks``."""
    language = catalogue.language
    planned = []
    for group in press:
        release = group[language]
        article = ArticlePage(
            article=release.item,
            fallback_from=release.item.lang if release.fallback else None,
            indexed=index_fallbacks or not release.fallback,
            channels=release_channels(release.item, catalogue),
        )
        planned.append(_spec(release, article))
    for texts in pages:
        page = texts[language]
        text = TextPage(
            page=page.item, fallback_from=page.item.lang if page.fallback else None, channels=catalogue.site
        )
        planned.append(_spec(page, text))
    return planned
