"""Coordination: who takes part in a meeting and in which role, read back from real builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitetools import parse

pytestmark = pytest.mark.site

ISAR_MEETING = "meetings/isar-first-regional-ngo-meeting-mingachevir-2000/index.html"


def _text(element: object) -> str:
    return " ".join(str(element.text_content()).split())  # type: ignore[attr-defined]


def _roles(page: Path) -> list[tuple[str, list[str]]]:
    """(role heading, the names listed under it) of a meeting page's 'who' section, in order."""
    section = parse(page).get_element_by_id("who").getparent()
    terms = section.findall(".//dt")
    return [(_text(dt), [_text(li) for li in dt.getnext().iter("li")]) for dt in terms]


def test_a_meeting_page_groups_everyone_by_role(sample_site: Path) -> None:
    roles = _roles(sample_site / "en" / ISAR_MEETING)
    assert [heading for heading, _ in roles] == [
        "Organisers",
        "Funded by",
        "Presenters",
        "Participants",
        "Observers",
    ]
    named = dict(roles)
    assert named["Organisers"] == ["ISAR"]
    assert named["Presenters"][0] == "Oxfam" and len(named["Presenters"]) == 5
    assert named["Participants"] == [
        "More than thirty representatives of local NGOs from Sheki, Ganja and Mingachevir"
    ]
    assert named["Observers"] == [
        "Members of the Mingachevir media",
        "Representatives of Mingachevir local government",
    ]
    headings = [heading for heading, _ in _roles(sample_site / "ru" / ISAR_MEETING)]
    assert headings == ["Организаторы", "Финансирование", "Докладчики", "Участники", "Наблюдатели"]


@pytest.mark.parametrize(
    ("language", "slug", "role"),
    [
        ("en", "osce", "Presenter"),
        ("en", "isar", "Organiser"),
        ("en", "usaid", "Funder"),
        ("az", "osce", "Təqdimatçı"),
    ],
)
def test_an_organisations_meetings_say_its_role(
    sample_site: Path, language: str, slug: str, role: str
) -> None:
    prefix = "" if language == "az" else f"{language}/"
    page = parse(sample_site / f"{prefix}partners/{slug}/index.html")
    (item,) = page.get_element_by_id("meetings").getparent().iter("li")
    assert _text(item).endswith(f" · {role}")
