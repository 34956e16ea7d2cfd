"""Pages and feeds state a meeting's facts: when it starts and ends, in which time zone (in words,
with the offset of the meeting's day), and a place written once without a false "not yet
translated". Read back from a real build of the sample plus the meetings below, in az, ru and en:
pages with lxml, feeds with feedparser, calendars with icalendar."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from babel import Locale
from icalendar import Calendar

from conftest import pinned_date
from ngo_directory.records.models import Meeting, build_meeting
from ngo_directory.site.times import Clock, utc_offset
from sitetools import PREFIXES, build, copy_project, html_files, language_of_path, nu_errors, parse

pytestmark = pytest.mark.site

WORKSHOP = "baku-workshop-2027"
WORKSHOP_YAML = """\
title: {az: Bakı QHT seminarı, ru: Семинар НПО в Баку, en: Baku NGO workshop}
start: "2027-06-16 10:00"
end: "2027-06-16 13:30"
status: scheduled
venue: {name: ISAR Resource Centre, address: "28 May küçəsi 3", city: Bakı, region: baku}
organisers: [isar]
themes: [civil-society]
registration: {status: open, deadline: "2027-06-10 18:00", url: https://example.org/register}
maintainers: [someone]
added: "2026-11-22"
changes:
  - date: "2026-11-23"
    status: scheduled
    note: {az: Bir həftə sonraya keçirildi., ru: Перенесён на неделю., en: Moved a week later.}
    previous_start: "2027-06-09 10:00"
"""
# Overnight in London as the clocks go back: the start is in summer time, the end is not.
NIGHT = "london-night-2027"
NIGHT_YAML = """\
title: {az: London gecəsi, ru: Лондонская ночь, en: London night}
start: "2027-10-30 22:00"
end: "2027-10-31 10:00"
timezone: Europe/London
status: scheduled
venue: {region: azerbaijan, city: {az: London, ru: Лондон, en: London}}
organisers: [isar]
maintainers: [someone]
added: "2026-11-22"
"""
# Baku kept summer time until 2016: a July meeting then was at UTC+5.
SUMMER = "baku-summer-2010"
SUMMER_YAML = """\
title: {az: Bakıda yay görüşü, ru: Летняя встреча в Баку, en: Summer meeting in Baku}
start: "2010-07-15 10:00"
end: "2010-07-15 12:00"
status: held
venue: {region: baku}
organisers: [isar]
maintainers: [someone]
added: "2026-11-22"
"""
CAMP = "sheki-camp-2027"
CAMP_YAML = """\
title: {az: Şəki düşərgəsi, ru: Лагерь в Шеки, en: Sheki camp}
start: "2027-05-03"
end: "2027-05-05"
status: scheduled
venue: {region: sheki, city: {az: Şəki}}
organisers: [isar]
maintainers: [someone]
added: "2026-11-22"
"""
CENTRE = "centre-of-places"
CENTRE_YAML = """\
name: Centre of places
description: {az: Yerlər mərkəzi., ru: Центр мест., en: A centre of places.}
regions: [baku]
themes: [civil-society]
locations:
  - name: {az: Baş ofis, ru: Главный офис, en: Head office}
    region: baku
    address: "Nizami küçəsi 10"
    city: Bakı
  - name: {az: Filial, ru: Филиал, en: Branch}
    region: ganja
    address: {az: "Cavadxan küçəsi 5"}
maintainers: [someone]
last_verified: "2026-11-22"
added: "2026-11-22"
"""
RECORDS = {
    f"meetings/{WORKSHOP}": WORKSHOP_YAML,
    f"meetings/{NIGHT}": NIGHT_YAML,
    f"meetings/{SUMMER}": SUMMER_YAML,
    f"meetings/{CAMP}": CAMP_YAML,
    f"ngos/{CENTRE}": CENTRE_YAML,
}

# What each meeting's "When" says, language by language.
WHEN = {
    WORKSHOP: {
        "az": "16 iyun 2027 10:00 – 13:30 (Bakı vaxtı, UTC+4)",
        "ru": "16 июня 2027 г., 10:00 — 13:30 (часовой пояс: Баку, UTC+4)",
        "en": "16 June 2027, 10:00 – 13:30 (Baku time, UTC+4)",
    },
    NIGHT: {
        "az": "30 oktyabr 2027 22:00 – 31 oktyabr 2027 10:00 (London vaxtı, UTC+1/UTC)",
        "ru": "30 октября 2027 г., 22:00 — 31 октября 2027 г., 10:00 (часовой пояс: Лондон, UTC+1/UTC)",
        "en": "30 October 2027, 22:00 – 31 October 2027, 10:00 (London time, UTC+1/UTC)",
    },
    SUMMER: {
        "az": "15 iyul 2010 10:00 – 12:00 (Bakı vaxtı, UTC+5)",
        "ru": "15 июля 2010 г., 10:00 — 12:00 (часовой пояс: Баку, UTC+5)",
        "en": "15 July 2010, 10:00 – 12:00 (Baku time, UTC+5)",
    },
    CAMP: {
        "az": "3 may 2027 – 5 may 2027",
        "ru": "3 мая 2027 г. — 5 мая 2027 г.",
        "en": "3 May 2027 – 5 May 2027",
    },
}
STAMPS = {
    WORKSHOP: ["2027-06-16T10:00:00+04:00", "2027-06-16T13:30:00+04:00"],
    NIGHT: ["2027-10-30T22:00:00+01:00", "2027-10-31T10:00:00+00:00"],
    SUMMER: ["2010-07-15T10:00:00+05:00", "2010-07-15T12:00:00+05:00"],
    CAMP: ["2027-05-03", "2027-05-05"],
}
LABELS = {"az": "Nə vaxt", "ru": "Когда", "en": "When"}
MOVED = {
    "az": "Əvvəlki tarix: 9 iyun 2027 10:00",
    "ru": "Перенесена с 9 июня 2027 г., 10:00",
    "en": "Moved from 9 June 2027, 10:00",
}
DEADLINE = {
    "az": "10 iyun 2027 18:00 (Bakı vaxtı, UTC+4)",
    "ru": "10 июня 2027 г., 18:00 (часовой пояс: Баку, UTC+4)",
    "en": "10 June 2027, 18:00 (Baku time, UTC+4)",
}
UNTRANSLATED = {"az": "(hələ tərcümə edilməyib)", "ru": "(ещё не переведено)", "en": "(not yet translated)"}


@pytest.fixture(scope="module")
def times_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample plus the meetings and the NGO above, built once with the build date pinned."""
    tmp = tmp_path_factory.mktemp("times")
    data, content = copy_project(tmp)
    for name, text in RECORDS.items():
        (data / f"{name}.yaml").write_text(text, "utf-8")
    with pinned_date():
        yield build(tmp / "output", data, content)


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def _fact(site: Path, language: str, path: str, label: str) -> Any:
    page = parse(site / PREFIXES[language] / path / "index.html")
    (dd,) = page.xpath(f"//main//dl[@class='facts']/dt[.='{label}']/following-sibling::dd[1]")
    return dd


@pytest.mark.parametrize("language", ["az", "ru", "en"])
@pytest.mark.parametrize("slug", list(WHEN))
def test_a_meeting_page_says_when_it_starts_and_ends_and_in_which_zone(
    times_site: Path, slug: str, language: str
) -> None:
    dd = _fact(times_site, language, f"meetings/{slug}", LABELS[language])
    moved = f" {MOVED[language]}" if slug == WORKSHOP else ""
    assert _text(dd) == WHEN[slug][language] + moved
    assert [t.get("datetime") for t in dd.xpath("./time")] == STAMPS[slug]
    assert "Asia/" not in _text(dd) and "Europe/" not in _text(dd)


def test_a_one_day_all_day_meeting_shows_its_date_alone(times_site: Path) -> None:
    dd = _fact(times_site, "en", "meetings/isar-first-regional-ngo-meeting-mingachevir-2000", "When")
    assert _text(dd) == "6 December 2000"
    assert [t.get("datetime") for t in dd.xpath("./time")] == ["2000-12-06"]


def test_every_list_of_meetings_shows_the_same_start_end_and_zone(times_site: Path) -> None:
    """Home, the meetings index, month, region, theme and organisation pages: wherever a list
    links a meeting's page, its line carries the page's "When"."""
    lists: dict[str, set[str]] = {language: set() for language in PREFIXES}
    for page_path in html_files(times_site):
        relative = page_path.relative_to(times_site).as_posix()
        language = language_of_path(times_site, page_path)
        page = parse(page_path)
        for slug in WHEN:
            for item in page.xpath(f"//*[@class='items']/li[a[contains(@href, 'meetings/{slug}/')]]"):
                (meta,) = item.xpath("./span[@class='meta']")
                assert _text(meta).startswith(WHEN[slug][language] + " · "), relative
                assert [t.get("datetime") for t in meta.xpath("./time")] == STAMPS[slug]
                lists[language].add(relative.removeprefix(PREFIXES[language]).split("/")[0])
    for found in lists.values():
        assert {"index.html", "meetings", "months", "regions", "themes", "partners"} <= found, found


def test_meeting_pages_with_times_and_places_pass_the_nu_html_checker(times_site: Path) -> None:
    pages = [times_site / prefix / f"meetings/{slug}" for prefix in PREFIXES.values() for slug in WHEN]
    assert nu_errors(*pages, times_site / "en/meetings/index.html", times_site / f"en/ngos/{CENTRE}") == ""


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_a_registration_deadline_names_its_zone_in_words(times_site: Path, language: str) -> None:
    page = parse(times_site / PREFIXES[language] / f"meetings/{WORKSHOP}/index.html")
    (status,) = page.xpath("//p[contains(@class, 'registration-open')]")
    (time,) = status.xpath("./time")
    assert DEADLINE[language] in _text(status)
    assert time.get("datetime") == "2027-06-10T18:00:00+04:00"


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_feed_entries_say_when_a_meeting_starts_and_ends(times_site: Path, language: str) -> None:
    prefix = PREFIXES[language]
    for kind in ("atom", "rss"):
        feed = feedparser.parse((times_site / f"{prefix}feeds/meetings.{kind}.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        for slug, when in WHEN.items():
            entries = [e for e in feed.entries if e.link.endswith(f"meetings/{slug}/")]
            assert entries, (kind, slug)
            for entry in entries:
                assert entry.summary.startswith(when[language] + " · "), (kind, entry.summary)
                if kind == "atom":
                    assert when[language] in " ".join(entry.content[0].value.split())


@pytest.mark.parametrize("language", list(PREFIXES))
def test_a_calendar_events_description_says_when_in_the_meetings_zone(times_site: Path, language: str) -> None:
    """A calendar app shows the time in its reader's zone: the description says it as the
    meeting's page does, in the meeting's own zone, on its first line."""
    path = times_site / f"{PREFIXES[language]}calendars/meetings/{WORKSHOP}.ics"
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    first = str(event["DESCRIPTION"]).splitlines()[0]
    assert " ".join(first.split()) == " ".join(f"{LABELS[language]}: {WHEN[WORKSHOP][language]}".split())


def test_calendar_summaries_stay_the_meetings_titles(times_site: Path) -> None:
    """The calendar app shows an event's start and end itself: its summary is the title, and
    its start and end are the record's, in the meeting's zone."""
    calendar = Calendar.from_ical((times_site / f"en/calendars/meetings/{NIGHT}.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "London night"
    london = zoneinfo.ZoneInfo("Europe/London")
    assert event.decoded("DTSTART") == dt.datetime(2027, 10, 30, 22, tzinfo=london)
    assert event.decoded("DTEND") == dt.datetime(2027, 10, 31, 10, tzinfo=london)


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_a_place_written_once_is_never_marked_untranslated(times_site: Path, language: str) -> None:
    where = {"az": "Harada", "ru": "Где", "en": "Where"}[language]
    dd = _fact(times_site, language, f"meetings/{WORKSHOP}", where)
    assert _text(dd).startswith("ISAR Resource Centre, 28 May küçəsi 3, Bakı,")
    assert dd.xpath(".//*[@lang] | .//*[contains(@class, 'untranslated')]") == []
    page = parse(times_site / PREFIXES[language] / f"ngos/{CENTRE}/index.html")
    head, branch = page.xpath("//div[@class='location']")
    (address,) = head.xpath(
        ".//dt[.='{}']/following-sibling::dd[1]".format(
            {"az": "Ünvan", "ru": "Адрес", "en": "Address"}[language]
        )
    )
    assert _text(address) == "Nizami küçəsi 10, Bakı"
    assert address.xpath(".//*[@lang] | .//*[contains(@class, 'untranslated')]") == []
    # A map of languages that lacks the page's language is still a missing translation.
    marked = branch.xpath(".//small[@class='untranslated']/text()")
    assert marked == ([] if language == "az" else [UNTRANSLATED[language]])


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_place_given_per_language_without_this_one_is_marked(times_site: Path, language: str) -> None:
    where = {"ru": "Где", "en": "Where"}[language]
    dd = _fact(times_site, language, f"meetings/{CAMP}", where)
    assert dd.xpath(".//span[@lang='az']/text()") == ["Şəki"]
    assert dd.xpath(".//small[@class='untranslated']/text()") == [UNTRANSLATED[language]]


# The pure parts, without a build ------------------------------------------------------------------


def _clock(locale: str) -> Clock:
    return Clock(Locale.parse(locale), lambda day: day.isoformat(), lambda message: message)


@pytest.mark.parametrize(
    ("zone", "moment", "expected"),
    [
        ("Asia/Baku", dt.datetime(2000, 12, 6, 10), "UTC+4"),
        ("Asia/Baku", dt.datetime(2010, 7, 15, 10), "UTC+5"),
        ("Asia/Kolkata", dt.datetime(2027, 1, 1, 10), "UTC+5:30"),
        ("America/St_Johns", dt.datetime(2027, 1, 1, 10), "UTC-3:30"),
        ("Europe/London", dt.datetime(2027, 1, 1, 10), "UTC"),
    ],
)
def test_utc_offset_is_the_offset_of_the_day(zone: str, moment: dt.datetime, expected: str) -> None:
    assert utc_offset(moment.replace(tzinfo=zoneinfo.ZoneInfo(zone))) == expected


def test_a_zone_without_a_city_is_its_offset_alone() -> None:
    for key in ("UTC", "Etc/UTC", "Etc/GMT-4"):
        moment = dt.datetime(2027, 1, 1, 10, tzinfo=zoneinfo.ZoneInfo(key))
        assert _clock("en_GB").zone(moment) == utc_offset(moment)


def _meeting(**fields: Any) -> Meeting:
    record = {"title": "T", "status": "scheduled", "venue": {"region": "baku"}, "organisers": ["isar"]}
    return build_meeting(
        "t",
        "ngo_data/meetings/t.yaml",
        {**record, "maintainers": ["x"], "added": "2026-11-22", **fields},
        "az",
    )


def test_a_meeting_whose_record_gives_no_end_shows_its_start_alone() -> None:
    assert _clock("en_GB").meeting(_meeting(start="2027-06-16 10:00")) == (
        '<time datetime="2027-06-16T10:00:00+04:00">2027-06-16, 10:00</time> (Baku time, UTC+4)'
    )
    assert (
        _clock("en_GB").meeting(_meeting(start="2027-06-16"))
        == '<time datetime="2027-06-16">2027-06-16</time>'
    )
