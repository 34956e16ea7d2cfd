"""Facts shown right: registrations, all-day meetings, where an organisation works, and web
addresses that used to crash the validator. Each is read back from a real build."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest

from ngo_directory.content.reading import folder_check
from ngo_directory.problems import ValidationFailed
from ngo_directory.records.validate import check_data
from sitetools import build, copy_project, parse

pytestmark = pytest.mark.site

# 3 March 2027, 12:00 in Baku: the last day of the all-day meeting below.
LAST_DAY = "1804060800"
DAY_AFTER = str(int(LAST_DAY) + 24 * 3600)

REGISTERED = """\
name: Registered Youth Union
description: {en: A youth union with a registration., az: Qeydiyyatlı gənclər birliyi., ru: Союз молодёжи.}
registration:
  number: "1400123"
  year: 2004
  authority: {en: Ministry of Justice, az: Ədliyyə Nazirliyi, ru: Министерство юстиции}
regions: [ganja]
themes: [youth]
maintainers: [someone]
last_verified: "2026-11-22"
added: "2026-11-22"
"""
DATED = REGISTERED.replace("Registered Youth Union", "Dated Youth Union").replace(
    "  year: 2004\n", '  date: "2004-05-12"\n'
)
SALYAN_PARTNER = """\
name: Salyan Office Partner
type: donor
description:
  en: A donor with an office in Salyan.
  az: Salyanda ofisi olan donor.
  ru: Донор с офисом в Сальяне.
regions: [azerbaijan]
themes: [youth]
locations:
  - name: Salyan office
    region: salyan
maintainers: [someone]
last_verified: "2026-11-22"
added: "2026-11-22"
"""
THREE_DAYS = """\
title: {en: Three-day spring school, az: Üç günlük yaz məktəbi, ru: Трёхдневная весенняя школа}
start: "2027-03-01"
end: "2027-03-03"
status: scheduled
venue:
  region: ganja
organisers: [isar]
themes: [youth]
maintainers: [someone]
added: "2026-11-22"
"""


def _project(tmp: Path) -> tuple[Path, Path]:
    data, content = copy_project(tmp)
    (data / "ngos/registered-youth-union.yaml").write_text(REGISTERED, "utf-8")
    (data / "ngos/dated-youth-union.yaml").write_text(DATED, "utf-8")
    (data / "partners/salyan-office-partner.yaml").write_text(SALYAN_PARTNER, "utf-8")
    (data / "meetings/three-day-spring-school.yaml").write_text(THREE_DAYS, "utf-8")
    return data, content


def _build_on(epoch: str, tmp: Path) -> Path:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        return build(tmp / "output", *_project(tmp))
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample directory and the records above, built on the meeting's last day."""
    yield _build_on(LAST_DAY, tmp_path_factory.mktemp("facts"))


def _text(element: object) -> str:
    return " ".join(str(element.text_content()).split())  # type: ignore[attr-defined]


def _registration(site: Path, slug: str) -> str:
    tree = parse(site / f"en/ngos/{slug}/index.html")
    (dd,) = tree.xpath('//dt[normalize-space()="Registration"]/following-sibling::dd[1]')
    return _text(dd)


def test_registration_reads_as_number_year_and_authority(site: Path) -> None:
    """A registration shows its number, its year or date and its authority, separated."""
    assert _registration(site, "registered-youth-union") == "1400123, 2004 (Ministry of Justice)"
    assert _registration(site, "dated-youth-union") == "1400123, 12 May 2004 (Ministry of Justice)"


def test_all_day_meeting_shows_its_own_last_day(site: Path) -> None:
    """A meeting from 1 to 3 March reads '1 March – 3 March' on its page, in lists and in feeds."""
    page = parse(site / "en/meetings/three-day-spring-school/index.html")
    assert "1 March 2027 – 3 March 2027" in _text(page)
    assert "4 March" not in _text(page)
    listed = parse(site / "en/meetings/index.html")
    assert "1 March 2027 – 3 March 2027" in _text(listed)
    feed = feedparser.parse((site / "en/feeds/meetings.atom.xml").read_bytes())
    (entry,) = [e for e in feed.entries if "Three-day spring school" in e.title]
    assert "3 March 2027" in entry.content[0].value
    assert "4 March" not in entry.content[0].value


def _upcoming(site: Path) -> list[str]:
    tree = parse(site / "en/meetings/index.html")
    return [str(h) for h in tree.xpath('//section[@aria-labelledby="upcoming"]//a/@href')]


def test_all_day_meeting_is_upcoming_until_its_last_day_ends(site: Path, tmp_path: Path) -> None:
    """On its last day the meeting is still upcoming; the next day it is past."""
    assert any("three-day-spring-school" in href for href in _upcoming(site))
    after = _build_on(DAY_AFTER, tmp_path)
    assert not any("three-day-spring-school" in href for href in _upcoming(after))
    past = parse(after / "en/meetings/index.html")
    assert after.joinpath("en/meetings/three-day-spring-school/index.html").is_file()
    assert "Three-day spring school" in _text(past)


def test_an_organisations_regions_are_the_same_on_pages_feeds_and_search(site: Path) -> None:
    """A partner that names Azerbaijan and has an office in Salyan is in both regions on the
    region pages, the region feeds and the search filter, and its own page lists both."""
    for region in ("salyan", "azerbaijan"):
        page = parse(site / f"en/regions/{region}/index.html")
        assert page.xpath('//a[contains(@href, "partners/salyan-office-partner/")]'), region
        feed = feedparser.parse((site / f"en/feeds/regions/{region}.atom.xml").read_bytes())
        assert any("Salyan Office Partner" in entry.title for entry in feed.entries), region
    own = parse(site / "en/partners/salyan-office-partner/index.html")
    filters = own.xpath('//meta[@data-pagefind-filter="region[content]"]/@content')
    assert sorted(str(f) for f in filters) == ["Azerbaijan", "Salyan"]
    listed = own.xpath('//dt[normalize-space()="Regions"]/following-sibling::dd[1]//li')
    assert [_text(li) for li in listed] == ["Azerbaijan", "Salyan"]


def test_a_web_address_with_an_empty_label_is_a_located_problem(tmp_path: Path) -> None:
    """'https://a..b/' and an over-long label are problems at their line, in validate and in the
    build, instead of a traceback from the IDNA codec."""
    data, content = copy_project(tmp_path)
    long_label = "a" * 70
    record = REGISTERED + 'contacts:\n  website: "https://a..b/"\nfunders: []\n'
    (data / "ngos/registered-youth-union.yaml").write_text(record, "utf-8")
    partner = SALYAN_PARTNER + f'website: "https://{long_label}.org/"\n'
    (data / "partners/salyan-office-partner.yaml").write_text(partner, "utf-8")
    expected = [
        "ngo_data/ngos/registered-youth-union.yaml:13:12: contacts.website: 'https://a..b/' is not valid: "
        "expected a web address starting with https:// or http:// "
        "(copy the full address from the browser's address bar)",
        "ngo_data/partners/salyan-office-partner.yaml:15:10: website: "
        f"'https://{long_label}.org/' is not valid: expected a web address starting with https:// "
        "or http:// (copy the full address from the browser's address bar)",
    ]
    _, problems = check_data(data, content=folder_check(content))
    assert [str(p) for p in problems] == expected
    with pytest.raises(ValidationFailed) as caught:
        build(tmp_path / "output", data, content)
    assert [str(p) for p in caught.value.problems] == expected
