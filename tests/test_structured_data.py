"""schema.org JSON-LD on record pages, read back as search engines read it: extracted with
extruct from the real published build, hostile names included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import extruct
import pytest

from busydata import FORUM, PUBLISHED_SITEURL
from sitetools import HOSTILE, build, copy_project, html_files, parse

pytestmark = pytest.mark.site

# The page folders of each kind of record, and the schema.org type of their records.
KINDS = {"ngos": "NGO", "meetings": "Event", "programmes": "Project", "press": "NewsArticle"}
PARTNER_TYPES = {"FundingAgency", "NGO", "GovernmentOrganization", "Corporation", "Organization"}


def items(page: Path) -> list[dict[str, Any]]:
    """The JSON-LD items of a page, as extruct extracts them."""
    html = page.read_text("utf-8")
    url = PUBLISHED_SITEURL + "/"
    return list(extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"])


def record_kind(site: Path, page: Path) -> str | None:
    """'ngos', 'partners', 'meetings', 'programmes' or 'press' for a record's (first) page."""
    parts = page.relative_to(site).parts
    if parts[0] in ("ru", "en"):
        parts = parts[1:]
    if len(parts) == 3 and parts[0] in (*KINDS, "partners") and parts[1] != "page":
        return parts[0]
    return None


def item_of(site: Path, address: str) -> dict[str, Any]:
    found = items(site / address / "index.html")
    assert len(found) == 1, address
    return found[0]


def test_every_record_page_describes_its_record_and_no_other_page_does(published_busy_site: Path) -> None:
    counts: dict[str, int] = {}
    for page in html_files(published_busy_site):
        kind = record_kind(published_busy_site, page)
        found = items(page)
        if kind is None:
            assert found == [], page
            continue
        counts[kind] = counts.get(kind, 0) + 1
        assert len(found) == 1, page
        item = found[0]
        assert item["@context"] == "https://schema.org", page
        expected = PARTNER_TYPES if kind == "partners" else {KINDS[kind]}
        assert item["@type"] in expected, page
        canonical = parse(page).xpath('//link[@rel="canonical"]/@href')
        assert [item["url"]] == canonical, page
        assert item["@id"].startswith(item["url"] + "#"), page
        assert all(isinstance(item.get(key, ""), str) for key in ("name", "headline", "description")), page
    assert set(counts) == {"ngos", "partners", "meetings", "programmes", "press"}
    assert counts["ngos"] % 3 == 0 and counts["meetings"] % 3 == 0  # every language


def test_organisations_name_where_they_work_and_who_funds_them(published_busy_site: Path) -> None:
    usaid = item_of(published_busy_site, "en/partners/usaid")
    assert usaid["@type"] == "FundingAgency" and usaid["name"] == "USAID"
    osce = item_of(published_busy_site, "en/partners/osce")
    assert osce["@type"] == "Organization"  # intergovernmental: no narrower schema.org type
    isar = item_of(published_busy_site, "ru/partners/isar")
    assert isar["@type"] == "NGO"
    assert isar["url"] == f"{PUBLISHED_SITEURL}/ru/partners/isar/"
    assert {area["url"] for area in isar.get("areaServed", [])} <= {
        f"{PUBLISHED_SITEURL}/ru/regions/{slug}/"
        for slug in ("azerbaijan", "sheki", "ganja", "mingachevir", "baku")
    }


def test_a_meeting_is_an_event_with_offsets_roles_and_its_moves(published_busy_site: Path) -> None:
    forum = item_of(published_busy_site, f"en/meetings/{FORUM}")
    assert forum["@type"] == "Event"
    assert forum["startDate"] == "2027-03-10T10:00:00+04:00"
    assert forum["endDate"] == "2027-03-10T16:00:00+04:00"
    assert forum["eventStatus"] == "https://schema.org/EventCancelled"
    assert forum["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert forum["previousStartDate"] == ["2027-03-03T10:00:00+04:00"]
    assert forum["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12, Example Street",
        "addressRegion": "Ganja",
        "addressCountry": "AZ",
    }
    assert forum["location"]["name"] == "Youth House, Hall 2; second floor"
    base = f"{PUBLISHED_SITEURL}/en"
    assert [o["url"] for o in forum["organizer"]] == [f"{base}/ngos/madad-azerbaijan/"]
    assert [o["url"] for o in forum["funder"]] == [f"{base}/partners/usaid/"]
    assert [o["url"] for o in forum["performer"]] == [f"{base}/partners/osce/"]
    assert forum["inLanguage"] == "en"
    vienna = item_of(published_busy_site, "en/meetings/osce-briefing-2027")
    assert vienna["startDate"] == "2027-04-02T15:00:00+02:00"  # Vienna's summer time
    assert vienna["eventStatus"] == "https://schema.org/EventScheduled"
    assert "previousStartDate" not in vienna
    isar = item_of(published_busy_site, "en/meetings/isar-first-regional-ngo-meeting-mingachevir-2000")
    assert (isar["startDate"], isar["endDate"]) == ("2000-12-06", "2000-12-06")  # a whole day
    assert [o["url"] for o in isar["organizer"]] == [f"{base}/partners/isar/"]
    assert f"{base}/partners/oxfam/" in [o["url"] for o in isar["performer"]]  # presenters
    assert [o["@type"] for o in isar["attendee"]] == ["Organization"] * 3  # named by description only
    assert isar["superEvent"]["url"] == f"{base}/series/isar-regional-ngo-meetings/"


def test_a_press_release_is_a_news_article_by_its_organisation(published_busy_site: Path) -> None:
    article = item_of(published_busy_site, "en/press/forum-news")
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Forum news for <i>all</i>"  # the title as written, shown as text
    page = parse(published_busy_site / "en/press/forum-news/index.html")
    assert article["description"] == page.xpath('//meta[@name="description"]/@content')[0]
    assert (article["datePublished"], article["dateModified"]) == (
        "2027-01-15T10:00:00+04:00",
        "2027-02-01T08:00:00+04:00",
    )
    assert article["inLanguage"] == "en"
    assert article["author"]["url"] == f"{PUBLISHED_SITEURL}/en/ngos/madad-azerbaijan/"
    assert article["about"]["@id"] == f"{PUBLISHED_SITEURL}/en/meetings/{FORUM}/#event"


def test_a_hostile_name_stays_data(published_busy_site: Path) -> None:
    """Jinja's tojson escapes < > & ', so a name holding </script> cannot end the data block:
    the page has one script element, of data, whose name reads back exactly as written."""
    page = published_busy_site / "en/ngos/hostile/index.html"
    scripts = parse(page).xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    assert "</" not in scripts[0].text
    assert json.loads(scripts[0].text)["name"] == HOSTILE
    assert items(page)[0]["name"] == HOSTILE


def test_a_moved_meeting_is_rescheduled_and_says_from_when(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path)
    path = data / "meetings" / "isar-first-regional-ngo-meeting-mingachevir-2000.yaml"
    text = path.read_text("utf-8")
    assert "changes:" not in text
    path.write_text(
        text + 'changes:\n  - date: "2026-11-23"\n    note: {en: Moved a day later.}\n'
        '    previous_start: "2000-12-05"\n',
        "utf-8",
    )
    site = build(tmp_path / "output", data, content)
    page = site / "en/meetings/isar-first-regional-ngo-meeting-mingachevir-2000/index.html"
    (item,) = items(page)
    assert item["eventStatus"] == "https://schema.org/EventRescheduled"
    assert item["previousStartDate"] == ["2000-12-05"]
    when = parse(page).xpath('//dt[.="When"]/following-sibling::dd[1]//small/text()')
    assert when == ["Moved from 5 December 2000"]
