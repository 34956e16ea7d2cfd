"""Coordination: who takes part in a meeting and in which role, and registration before and
after its deadline, read back from real builds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import feedparser
import hxl
import icalendar
import pytest
import yaml
from click.testing import CliRunner

from ngo_directory.cli import main
from ngo_directory.site.who_does_what import spreadsheet_safe
from sitetools import ROOT, build, copy_project, parse

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


# --- registration ---------------------------------------------------------------------------

FORUM = """\
title: {en: Spring forum of Ganja NGOs, az: Gəncə QHT-lərinin yaz forumu, ru: Весенний форум НПО Гянджи}
start: "2027-03-10 10:00"
end: "2027-03-10 17:00"
status: scheduled
venue: {region: ganja}
organisers: [isar]
registration:
  status: open
  deadline: "2027-03-01 18:00"
  url: https://example.org/register
  email: register@example.org
  phone: "+994 12 555 03 03"
  capacity: 40
  cost: {en: Free, az: Pulsuz, ru: Бесплатно}
  languages: [az, en]
  accessibility: {en: Step-free entrance from the courtyard.}
themes: [civil-society]
maintainers: [someone]
added: "2026-11-22"
"""
# Earlier than the forum, without registration: listed after it while the forum's is open.
TALK = """\
title: {en: Winter talk in Sheki}
start: "2027-02-20"
status: scheduled
venue: {region: sheki}
organisers: [isar]
maintainers: [someone]
added: "2026-11-22"
"""
FORUM_PAGE = "en/meetings/spring-forum-ganja-2027/index.html"
OPEN_UNTIL = "Registration is open until 1 March 2027, 18:00 (Baku time, UTC+4)."
BEFORE = dt.datetime(2027, 2, 15, 8, tzinfo=dt.UTC)  # 12:00 in Baku
AFTER = dt.datetime(2027, 3, 1, 14, 1, tzinfo=dt.UTC)  # 18:01 in Baku, the deadline's day


@pytest.fixture(scope="module")
def registration_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample with the forum and the talk, built before and just after the deadline."""
    tmp = tmp_path_factory.mktemp("registration")
    data, content = copy_project(tmp / "project")
    (data / "meetings/spring-forum-ganja-2027.yaml").write_text(FORUM, "utf-8")
    (data / "meetings/winter-talk-sheki-2027.yaml").write_text(TALK, "utf-8")
    sites = {}
    old = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        for name, moment in (("before", BEFORE), ("after", AFTER)):
            os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
            sites[name] = build(tmp / name, data, content)
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        if old is not None:
            os.environ["SOURCE_DATE_EPOCH"] = old
    return sites


def _registration_section(site: Path) -> Any:
    return parse(site / FORUM_PAGE).get_element_by_id("registration").getparent()


def test_open_registration_says_until_when_and_how(registration_sites: dict[str, Path]) -> None:
    section = _registration_section(registration_sites["before"])
    assert _text(section.find(".//p")) == OPEN_UNTIL
    facts = {_text(dt_): dt_.getnext() for dt_ in section.iter("dt")}
    assert list(facts) == ["How to register", "Places", "Cost", "Working languages", "Accessibility"]
    links = [a.get("href") for a in facts["How to register"].iter("a")]
    assert links == ["https://example.org/register", "mailto:register@example.org", "tel:+994-12-555-03-03"]
    assert [_text(facts[k]) for k in ("Places", "Cost", "Working languages")] == [
        "40",
        "Free",
        "Azerbaijani, English",
    ]


def test_after_the_deadline_the_page_says_registration_has_closed(
    registration_sites: dict[str, Path],
) -> None:
    section = _registration_section(registration_sites["after"])
    assert _text(section.find(".//p")) == "Registration has closed."
    assert "How to register" not in [_text(dt_) for dt_ in section.iter("dt")]
    assert "example.org/register" not in (registration_sites["after"] / FORUM_PAGE).read_text("utf-8")


def _upcoming_items(site: Path) -> list[str]:
    page = parse(site / "en/meetings/index.html")
    return [_text(li) for li in page.get_element_by_id("upcoming").getparent().find(".//ul").iter("li")]


def test_meetings_open_for_registration_are_listed_first_with_their_deadline(
    registration_sites: dict[str, Path],
) -> None:
    before = _upcoming_items(registration_sites["before"])
    assert before[0].startswith("Spring forum of Ganja NGOs")
    assert before[0].endswith("· Register by 1 March 2027, 18:00 (Baku time, UTC+4)")
    assert before[1].startswith("Winter talk in Sheki")
    # By then the talk is over, and the forum is listed like any other meeting.
    assert _upcoming_items(registration_sites["after"]) == [
        "Spring forum of Ganja NGOs 10 March 2027, 10:00 – 17:00 (Baku time, UTC+4) · Ganja · Scheduled"
    ]


def test_feed_entries_and_calendar_events_carry_the_registration(registration_sites: dict[str, Path]) -> None:
    feed = feedparser.parse((registration_sites["before"] / "en/feeds/meetings.atom.xml").read_bytes())
    (entry,) = [e for e in feed.entries if e.title == "Meeting announced: Spring forum of Ganja NGOs"]
    assert OPEN_UNTIL in entry.content[0].value and "https://example.org/register" in entry.content[0].value
    for name, expected in (("before", OPEN_UNTIL), ("after", "Registration has closed.")):
        ics = registration_sites[name] / "en/calendars/meetings/spring-forum-ganja-2027.ics"
        (event,) = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
        description = str(event["DESCRIPTION"])
        assert expected in description
        assert ("register@example.org" in description) is (name == "before")


# --- month by month -------------------------------------------------------------------------


def _month(site: Path, slug: str) -> Any:
    return parse(site / f"en/months/{slug}/index.html")


def test_each_month_with_meetings_has_a_page_day_by_day(registration_sites: dict[str, Path]) -> None:
    site = registration_sites["before"]
    assert sorted(p.name for p in (site / "en/months").iterdir()) == ["2000-12", "2027-02", "2027-03"]
    page = _month(site, "2027-03")
    assert _text(page.find(".//h1")) == "Meetings in March 2027"
    days = [(_text(h2), [_text(a) for a in h2.getnext().iter("a")]) for h2 in page.find(".//main").iter("h2")]
    assert days == [("10 March 2027", ["Spring forum of Ganja NGOs"])]
    assert _text(parse(site / "months/2027-03/index.html").find(".//h1")) == "Mart 2027: görüşlər"
    assert _text(parse(site / "ru/months/2027-03/index.html").find(".//h1")) == "Встречи: Март 2027"


def test_months_link_the_months_before_and_after(registration_sites: dict[str, Path]) -> None:
    site = registration_sites["before"]

    def links(slug: str) -> dict[str, tuple[str, str]]:
        nav = _month(site, slug).find(".//nav[@class='months']")
        return {a.get("rel"): (a.get("href"), _text(a)) for a in nav.iter("a") if a.get("rel")}

    assert links("2000-12") == {"next": ("../../../en/months/2027-02/", "February 2027 →")}
    assert links("2027-02") == {
        "prev": ("../../../en/months/2000-12/", "← December 2000"),
        "next": ("../../../en/months/2027-03/", "March 2027 →"),
    }
    assert links("2027-03") == {"prev": ("../../../en/months/2027-02/", "← February 2027")}


def test_the_meetings_page_links_the_month_of_the_next_meeting(registration_sites: dict[str, Path]) -> None:
    def month_link(site: Path) -> str:
        page = parse(site / "en/meetings/index.html")
        (link,) = [a.get("href") for a in page.iter("a") if "/months/" in (a.get("href") or "")]
        return str(link)

    # The talk in February comes first, though the forum is listed first for its registration.
    assert month_link(registration_sites["before"]) == "../../en/months/2027-02/"
    assert month_link(registration_sites["after"]) == "../../en/months/2027-03/"


# --- programmes -----------------------------------------------------------------------------

NPC = "programmes/national-pc-project/index.html"


def test_a_programme_page_lists_iati_roles_results_and_years(sample_site: Path) -> None:
    page = parse(sample_site / "en" / NPC)
    section = page.get_element_by_id("who").getparent()
    roles = [(_text(dt_), [_text(li) for li in dt_.getnext().iter("li")]) for dt_ in section.iter("dt")]
    assert roles == [
        ("Accountable", ["Ministry of Communications and High Technologies"]),
        (
            "Implemented by",
            [
                "Ministry of Education of Azerbaijan",
                "HP",
                "Microsoft",
                "Azercell",
                "Azerfon-Vodafone",
                "Azerpocht",
            ],
        ),
    ]
    results = [_text(li) for li in page.get_element_by_id("results").getparent().iter("li")]
    assert results == [
        "more than 3,500 teachers bought computers in the pilot phase (as of November 2009)",
        "more than 11,500 computers sold (as of February 2011)",
        "more than 25,000 computers bought (as of December 2015)",
    ]
    facts = {_text(dt_): _text(dt_.getnext()) for dt_ in page.find(".//dl[@class='facts']").iter("dt")}
    assert facts["Years"] == "from 2009"
    ru = [
        _text(li)
        for li in parse(sample_site / "ru" / NPC).get_element_by_id("results").getparent().iter("li")
    ]
    assert ru[0] == "более 3 500 учителей купили компьютеры на пилотном этапе (на ноябрь 2009)"


def test_programmes_and_organisations_link_each_other(sample_site: Path) -> None:
    programme = parse(sample_site / "en/programmes/community-information-centres/index.html")
    hrefs = {a.get("href") for a in programme.get_element_by_id("who").getparent().iter("a")}
    assert {"../../../en/partners/usaid/", "../../../en/partners/irex/"} <= hrefs
    for slug, role in (("usaid", "Funder"), ("irex", "Implementer")):
        partner = parse(sample_site / f"en/partners/{slug}/index.html")
        items = {_text(li) for li in partner.get_element_by_id("programmes").getparent().iter("li")}
        assert f"Community Information Centres Completed · {role}" in items
    region = parse(sample_site / "en/regions/azerbaijan/index.html")
    names = [_text(a) for a in region.get_element_by_id("programmes").getparent().iter("a")]
    assert {"Community Information Centres", "National PC project", "Tech Age Girls"} <= set(names)
    assert len(names) == len(_programmes())  # every programme of the sample works nationwide
    listing = parse(sample_site / "en/programmes/index.html")
    assert [_text(a) for a in listing.find(".//main").iter("a")] == names


def test_a_programme_has_its_feeds_and_is_in_its_organisations_feeds(sample_site: Path) -> None:
    own = feedparser.parse((sample_site / "en/feeds/programmes/tech-age-girls.atom.xml").read_bytes())
    assert [e.title for e in own.entries] == ["New programme: Tech Age Girls"]
    assert "A programme that builds the IT skills of young women leaders." in own.entries[0].content[0].value
    usaid = feedparser.parse((sample_site / "en/feeds/partners/usaid.atom.xml").read_bytes())
    assert "New programme: Tech Age Girls" in [e.title for e in usaid.entries]
    assert not (sample_site / "en/calendars/programmes").exists()


# --- who does what where --------------------------------------------------------------------


def test_who_does_what_where_lists_the_first_of_each_cell_and_how_many_more(sample_site: Path) -> None:
    page = parse(sample_site / "en/who-does-what/index.html")
    table = page.find(".//table[@class='matrix']")
    themes = [_text(th) for th in table.find("thead").iter("th")][1:]
    rows = {
        _text(tr.find("th")): dict(
            zip(themes, [[a for a in td.iter("a")] for td in tr.iter("td")], strict=True)
        )
        for tr in table.find("tbody").iter("tr")
    }
    # Nationwide ICT: the NGOs and partners that work on it, and all three programmes.
    region = parse(sample_site / "en/who-does-what/azerbaijan/index.html")
    listed = [_text(a) for a in region.get_element_by_id("theme-ict").getparent().iter("a")]
    assert {"Community Information Centres", "National PC project", "Tech Age Girls", "IREX"} <= set(listed)
    cell = rows["Azerbaijan"]["Information and communication technology"]
    on_ict = [p.get("acronym") or p["title"]["en"] for p in _programmes().values() if "ict" in p["themes"]]
    assert [_text(a) for a in cell] == [*on_ict[:3], f"and {len(listed) - 3} more"]
    assert cell[0].get("href") == "../../en/programmes/community-information-centres/"
    assert cell[-1].get("href") == "../../en/who-does-what/azerbaijan/#theme-ict"
    # A region and theme with nobody: a dash, and nothing in the list a phone shows.
    empty = [
        td for tr in table.find("tbody").iter("tr") for td in tr.iter("td") if td.get("class") == "empty"
    ]
    assert empty and all(_text(td) == "–" for td in empty)


def _programmes() -> dict[str, Any]:
    """The sample's programmes as their files say, by slug."""
    folder = ROOT / "ngo_data/programmes"
    return {path.stem: yaml.safe_load(path.read_text("utf-8")) for path in sorted(folder.glob("*.yaml"))}


def _csv(site: Path, language: str = "en") -> list[list[str]]:
    prefix = "" if language == "az" else f"{language}/"
    with (site / f"{prefix}who-does-what/who-does-what.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_the_csv_has_hxl_hashtags_and_libhxl_reads_it(sample_site: Path) -> None:
    rows = _csv(sample_site)
    assert rows[1] == [
        "#org",
        "#org+type",
        "#org+funder",
        "#org+impl",
        "#sector",
        "#adm1+name",
        "#adm1+code",
        "#date+start",
        "#date+end",
        "#activity+programme",
        "#meta+url",
    ]
    # libhxl leaves open a file it opens itself: it reads the bytes instead.
    dataset = hxl.data(io.BytesIO((sample_site / "en/who-does-what/who-does-what.csv").read_bytes()))
    tagged = [row for row in dataset if row.get("#activity+programme") == "Tech Age Girls"]
    assert {row.get("#sector") for row in tagged} == {
        "Information and communication technology",
        "Gender equality",
        "Youth",
    }
    first = tagged[0]
    assert (
        first.get("#org+funder")
        == "Organization for Security and Co-operation in Europe; Peace Corps; USAID; "
        "U.S. Department of State"
    )
    assert (first.get("#org+impl"), first.get("#adm1+code"), first.get("#date+start")) == (
        "IREX",
        None,  # nationwide: no ISO 3166-2 code (tests/test_places.py has a place's)
        "2008",
    )
    assert _csv(sample_site, "ru")[0][0] != rows[0][0]  # headings in the page's language, tags the same
    assert _csv(sample_site, "ru")[1] == rows[1]


HOSTILE_NAMES = ['=HYPERLINK("http://x.example","y")', "+994 12 555 03 03", "-2+3", "@SUM(A1)"]


def test_csv_cells_that_start_like_formulas_are_neutralised(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path / "project")
    for index, name in enumerate(HOSTILE_NAMES):
        (data / f"ngos/formula-{index}.yaml").write_text(
            f"name: {json.dumps(name)}\ndescription: {{en: A test.}}\nregions: [baku]\nthemes: [ict]\n"
            'maintainers: [someone]\nlast_verified: "2026-11-22"\nadded: "2026-11-22"\n',
            "utf-8",
        )
    site = build(tmp_path / "site", data, content)
    cells = {row[0] for row in _csv(site)[2:]}
    assert {"'" + name for name in HOSTILE_NAMES} <= cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in _csv(site)[2:] for cell in row)


@pytest.mark.parametrize(
    ("value", "phone", "expected"),
    [
        ("=1+1", False, "'=1+1"),
        ("\tTAB", False, "'\tTAB"),
        ("\rCR", False, "'\rCR"),
        ("+994 12 555 03 03", True, "+994 12 555 03 03"),
        ("+994 12 555 03 03", False, "'+994 12 555 03 03"),
        ("+SUM(1)", True, "'+SUM(1)"),
        ("Plain", False, "Plain"),
    ],
)
def test_spreadsheet_safe(value: str, phone: bool, expected: str) -> None:
    assert spreadsheet_safe(value, phone=phone) == expected


# --- series and follow-ups ------------------------------------------------------------------

SECOND = """\
title: {en: Second regional NGO meeting}
start: "2027-05-20"
status: scheduled
venue: {region: ganja}
organisers: [isar]
series: isar-regional-ngo-meetings
maintainers: [someone]
added: "2026-11-22"
"""
FIRST = "meetings/isar-first-regional-ngo-meeting-mingachevir-2000"


@pytest.fixture(scope="module")
def series_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with a second meeting of ISAR's series, which the first names as its next,
    and a report written on the first."""
    tmp = tmp_path_factory.mktemp("series")
    data, content = copy_project(tmp / "project")
    (data / "meetings/second-regional-ngo-meeting.yaml").write_text(SECOND, "utf-8")
    first = data / f"{FIRST}.yaml"
    text = first.read_text("utf-8").replace(
        "series: isar-regional-ngo-meetings\n",
        "series: isar-regional-ngo-meetings\nnext: second-regional-ngo-meeting\n"
        "report: {en: 'A *short* report.'}\nreport_url: https://example.org/report.pdf\n",
    )
    first.write_text(text, "utf-8")
    return build(tmp / "site", data, content)


def _facts(page: Any) -> dict[str, Any]:
    return {_text(dt_): dt_.getnext() for dt_ in page.find(".//dl[@class='facts']").iter("dt")}


def test_a_series_page_lists_its_meetings_in_order(series_site: Path) -> None:
    page = parse(series_site / "en/series/isar-regional-ngo-meetings/index.html")
    assert _text(page.find(".//h1")) == "ISAR's regional NGO meetings"
    items = page.find(".//main//ol")
    assert [_text(a) for a in items.iter("a")] == [
        "ISAR's first regional NGO meeting",
        "Second regional NGO meeting",
    ]


def test_meetings_say_their_series_and_follow_ups_both_ways(series_site: Path) -> None:
    first = _facts(parse(series_site / f"en/{FIRST}/index.html"))
    assert _text(first["Series"]) == "ISAR's regional NGO meetings (meeting 1 of 2)"
    assert (
        first["Followed up by"].find("a").get("href") == "../../../en/meetings/second-regional-ngo-meeting/"
    )
    second = _facts(parse(series_site / "en/meetings/second-regional-ngo-meeting/index.html"))
    assert _text(second["Series"]) == "ISAR's regional NGO meetings (meeting 2 of 2)"
    assert _text(second["Follows up"]) == "ISAR's first regional NGO meeting"
    report = parse(series_site / f"en/{FIRST}/index.html").get_element_by_id("report").getparent()
    assert [_text(p) for p in report.iter("p")] == ["A short report.", "Read the report"]
    assert (
        report.find(".//em") is not None
        and report.find(".//a").get("href") == "https://example.org/report.pdf"
    )


def test_the_translations_report_locates_gaps_in_roles_and_programmes(tmp_path: Path) -> None:
    data, _ = copy_project(tmp_path / "project")
    meeting = data / f"{FIRST}.yaml"
    meeting.write_text(
        meeting.read_text("utf-8").replace("observers:\n", "observers:\n  - name: {en: Local teachers}\n"),
        "utf-8",
    )
    result = CliRunner().invoke(main, ["translations", "--data", str(data), "-l", "ru"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    line = next(
        n for n, text in enumerate(meeting.read_text("utf-8").splitlines(), 1) if "Local teachers" in text
    )
    assert (
        f"ngo_data/{FIRST}.yaml:{line}:11: observers[0].name: not yet translated into ru (written in en)"
        in lines
    )
    assert (
        "ngo_data/programmes/national-pc-project.yaml:7:5: other_names[0]: not yet translated into ru "
        "(written in en)"
    ) in lines
