"""Page contexts splat into the writer's keywords as their own fields; channels are built by name."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from ngo_directory.site.contexts import ContributePage, Pagination, SearchChoices, SearchPage
from ngo_directory.syndication.subscriptions import Channel

CHANNEL: dict[str, Any] = {
    "topic": "press",
    "group": "site",
    "subject": None,
    "language": "en",
    "title": "Press releases",
    "description": "D",
    "calendar_description": "C",
    "page": "en/press/",
    "atom": "en/feeds/press.atom.xml",
    "rss": "en/feeds/press.rss.xml",
    "calendar": None,
}


def test_a_channel_is_built_by_keyword_only() -> None:
    channel = Channel(**CHANNEL)
    assert channel.addresses == [("atom", "en/feeds/press.atom.xml"), ("rss", "en/feeds/press.rss.xml")]
    build: Any = Channel  # what mypy refuses to check, Python refuses to run
    with pytest.raises(TypeError):
        build(*CHANNEL.values())


def received(**variables: Any) -> dict[str, Any]:
    return variables


def test_a_page_context_splats_to_its_own_fields() -> None:
    channels = [Channel(**CHANNEL)]
    choices = SearchChoices(regions=[], themes=[], years=[2026, 2025])
    page = SearchPage(choices=choices, channels=channels)
    variables = received(**page)
    assert variables == {"choices": choices, "channels": channels}
    assert variables["choices"] is choices and variables["channels"] is channels  # not copies
    assert set(page.keys()) == {f.name for f in dataclasses.fields(page)}
    assert "TEMPLATE" not in set(page.keys()) and page.TEMPLATE == "search.html"
    with pytest.raises(KeyError):
        page["TEMPLATE"]
    with pytest.raises(KeyError):
        page["items"]


def test_a_page_context_is_frozen_and_built_by_keyword_only() -> None:
    today = dt.date(2026, 1, 1)
    page = ContributePage(records_folder="ngo_data/ngos", data_folder="ngo_data", today=today, channels=())
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.data_folder = "elsewhere"  # type: ignore[misc]
    build: Any = SearchPage
    with pytest.raises(TypeError):
        build(SearchChoices(regions=[], themes=[], years=[]), [])


@pytest.mark.parametrize(
    ("number", "previous_url", "next_url"),
    [(1, None, "x/page/2/"), (2, "x/", "x/page/3/"), (3, "x/page/2/", None)],
)
def test_pagination_links_a_page_to_its_neighbours(
    number: int, previous_url: str | None, next_url: str | None
) -> None:
    pagination = Pagination.of(["x/", "x/page/2/", "x/page/3/"], number, total=25)
    assert (pagination.count, pagination.first) == (3, number == 1)
    assert (pagination.previous_url, pagination.next_url) == (previous_url, next_url)


def test_a_single_page_links_nowhere() -> None:
    pagination = Pagination.of(["x/"], 1, total=0)
    assert (pagination.count, pagination.previous_url, pagination.next_url) == (1, None, None)
