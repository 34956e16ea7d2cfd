"""Tests for the record validator, the press release checks and the ``validate`` command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from pelican.utils import slugify as pelican_slugify

from ngo_directory.cli import main
from ngo_directory.content.reading import folder_check
from ngo_directory.problems import Problem
from ngo_directory.records.validate import check_data, load_directory
from ngo_directory.text.translit import slugify

REGIONS = """\
baku:
  name: {az: Bakı, ru: Баку, en: Baku}
ganja:
  name: {az: Gəncə, ru: Гянджа, en: Ganja}
sheki:
  name: {az: Şəki, ru: Шеки, en: Shaki}
"""
THEMES = """\
education:
  name: {az: Təhsil, ru: Образование, en: Education}
ict:
  name: {az: İKT, ru: ИКТ, en: ICT}
  also_known_as: [information technology]
"""
NGO = """\
name: Ganja Youth Centre
description: Computer classes for young people.
regions: [ganja]
themes: [ict]
partners: [open-aid]
maintainers: [octocat]
last_verified: "2026-01-15"
added: "2026-01-15"
"""
PARTNER = """\
name: Open Aid
type: donor
description: A donor.
maintainers: [octocat]
last_verified: "2026-01-15"
added: "2026-01-15"
"""
MEETING = """\
title: Spring meeting
start: "2026-03-01 10:00"
end: "2026-03-01 12:00"
status: scheduled
venue:
  region: baku
organisers: [ganja-youth-centre]
presenters: [open-aid]
maintainers: [octocat]
added: "2026-01-15"
"""
PRESS = """\
Title: Classes open
Date: 2026-03-02
Organization: ganja-youth-centre
Meeting: spring-meeting
Lang: en
Slug: classes-open

The centre opens its computer classes.
"""

NGO_FILE = "ngo_data/ngos/ganja-youth-centre.yaml"
PARTNER_FILE = "ngo_data/partners/open-aid.yaml"
MEETING_FILE = "ngo_data/meetings/spring-meeting.yaml"
PRESS_FILE = "content/press/classes-open.md"
SLUG_RULE = "lowercase letters a-z, digits and single hyphens"


def slug_hint(suggestion: str) -> str:
    return f"rename it to {suggestion}.yaml: {SLUG_RULE}"


TYPE_TEXT_HINT = "write the value on the same line as the key"


def write(folder: Path, relative: str, text: str) -> Path:
    """Write ``text`` to ``folder/relative``, creating folders on the way."""
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A minimal valid data folder: two regions, two themes, one NGO, one partner, one meeting."""
    folder = tmp_path / "ngo_data"
    for sub in ("ngos", "partners", "meetings"):
        (folder / sub).mkdir(parents=True)
    write(folder, "regions.yaml", REGIONS)
    write(folder, "themes.yaml", THEMES)
    write(folder, "ngos/ganja-youth-centre.yaml", NGO)
    write(folder, "partners/open-aid.yaml", PARTNER)
    write(folder, "meetings/spring-meeting.yaml", MEETING)
    return folder


@pytest.fixture
def content(data: Path) -> Path:
    """A content folder next to the data folder, with one valid press release and one page."""
    folder = data.parent / "content"
    write(folder, "press/classes-open.md", PRESS)
    write(folder, "pages/about.md", "Title: About\nSlug: about-us\nLang: en\n\nAbout the directory.\n")
    return folder


def check(folder: Path, **options) -> list[str]:
    """Validate ``folder`` and return its problems as strings; any problem means no directory."""
    directory, problems = check_data(folder, **options)
    assert (directory is None) == bool(problems)
    return [str(p) for p in problems]


def edit(data: Path, relative: str, old: str, new: str) -> None:
    """Replace ``old`` (which must be present) by ``new`` in one file of the data folder."""
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(data: Path, relative: str, extra: str) -> None:
    """Add lines at the end of one file of the data folder."""
    path = data / relative
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


# --- a valid directory ---------------------------------------------------------------------


def test_valid_directory_passes(data, content):
    """The minimal folder, its pages and its press release have no problems and build a directory."""
    directory, problems = check_data(data, content=folder_check(content))
    assert problems == []
    assert directory is not None
    assert directory.counts == {
        "ngos": 1,
        "partners": 1,
        "meetings": 1,
        "programmes": 0,
        "regions": 3,
        "themes": 2,
    }
    assert directory.ngos["ganja-youth-centre"].partners == ("open-aid",)


def test_data_folder_path_names_files_relative_to_its_parent(data):
    """Messages name files from the data folder's parent, whatever the folder is called."""
    renamed = data.rename(data.parent / "records")
    append(renamed, "partners/open-aid.yaml", "webiste: https://example.org\n")
    assert check(renamed) == [
        "records/partners/open-aid.yaml:7:1: webiste: unknown field (did you mean 'website'?)"
    ]


# --- schema checks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("foundd: 2008\n", f"{NGO_FILE}:9:1: foundd: unknown field (did you mean 'founded' or 'funders'?)"),
        (
            "contacts:\n  webiste: https://example.org\n",
            f"{NGO_FILE}:10:3: contacts.webiste: unknown field (did you mean 'website'?)",
        ),
        (
            "colour: red\n",
            f"{NGO_FILE}:9:1: colour: unknown field (allowed: acronym, added, contacts, description, "
            "founded, funders, languages, last_verified, legal_form, locations, maintainers, name, "
            "other_names, partners, regions, registration, themes, updated)",
        ),
    ],
    ids=["close", "nested", "far"],
)
def test_unknown_field_suggests_the_closest(data, extra, expected):
    """An unknown field is reported at its key, with the closest allowed names (or all of them)."""
    append(data, "ngos/ganja-youth-centre.yaml", extra)
    assert check(data) == [expected]


@pytest.mark.parametrize(
    ("relative", "old", "expected"),
    [
        (
            "ngos/ganja-youth-centre.yaml",
            "description: Computer classes for young people.\n",
            f"{NGO_FILE}:1:1: description: required field is missing (add a 'description:' line)",
        ),
        (
            "partners/open-aid.yaml",
            "type: donor\n",
            f"{PARTNER_FILE}:1:1: type: required field is missing (add a 'type:' line)",
        ),
        (
            "meetings/spring-meeting.yaml",
            "venue:\n  region: baku\n",
            f"{MEETING_FILE}:1:1: venue: required field is missing (add a 'venue:' line)",
        ),
    ],
)
def test_missing_required_field(data, relative, old, expected):
    """A missing required field is reported once, naming the line to add."""
    edit(data, relative, old, "")
    assert check(data) == [expected]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "regions: [ganja]",
            "regions: ganja",
            f"{NGO_FILE}:3:10: regions: expected a list, found text "
            "(write a list: one '- item' per line, or [a, b])",
        ),
        (
            "maintainers: [octocat]",
            "maintainers:\n  login: octocat",
            f"{NGO_FILE}:7:3: maintainers: expected a list, found a map of fields "
            "(write a list: one '- item' per line, or [a, b])",
        ),
        (
            "themes: [ict]",
            "themes: [{ict: yes}]",
            f"{NGO_FILE}:4:10: themes[0]: expected text, found a map of fields ({TYPE_TEXT_HINT})",
        ),
    ],
    ids=["text-for-list", "map-for-list", "map-for-text"],
)
def test_wrong_type(data, old, new, expected):
    """A value of the wrong shape names what was expected and what was found."""
    edit(data, "ngos/ganja-youth-centre.yaml", old, new)
    assert check(data) == [expected]


@pytest.mark.parametrize("value", ["2008", '"2008"', "'1800'", "2026"])
def test_integer_year_accepted_quoted_or_not(data, value):
    """A year is accepted whether or not it is quoted, and becomes a number."""
    append(data, "ngos/ganja-youth-centre.yaml", f"founded: {value}\n")
    directory, problems = check_data(data)
    assert [str(p) for p in problems] == []
    assert directory is not None
    assert directory.ngos["ganja-youth-centre"].founded == int(value.strip("\"'"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("twenty", "founded: 'twenty' is not a year such as 2008"),
        ('""', "founded: '' is not a year such as 2008"),
        ("1799", "founded: 1799 is out of range: expected a year such as 2008"),
        ("2101", "founded: 2101 is out of range: expected a year such as 2008"),
    ],
)
def test_integer_year_refused(data, value, expected):
    """A year that is not a whole number in range is refused."""
    append(data, "ngos/ganja-youth-centre.yaml", f"founded: {value}\n")
    assert check(data) == [f"{NGO_FILE}:9:10: {expected}"]


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            "ngos/ganja-youth-centre.yaml",
            "description: Computer classes for young people.",
            "description:\n  az: Kompüter dərsləri.\n  de: Computerkurse.",
            f"{NGO_FILE}:4:3: description.de: unknown field (allowed: az, en, ru)",
        ),
        (
            "partners/open-aid.yaml",
            "name: Open Aid",
            "name:\n  en: Open Aid\n  fr: Aide ouverte",
            f"{PARTNER_FILE}:3:3: name.fr: unknown field (allowed: az, en, ru)",
        ),
        (
            "partners/open-aid.yaml",
            "description: A donor.",
            "description: {}",
            f"{PARTNER_FILE}:3:14: description: must not be empty (fill it in, or remove the field)",
        ),
    ],
    ids=["text", "name", "empty-map"],
)
def test_text_map_languages(data, relative, old, new, expected):
    """A map of languages accepts only az, ru and en, and must not be empty."""
    edit(data, relative, old, new)
    assert check(data) == [expected]


def test_text_map_with_known_languages_accepted(data):
    """A name and description given in all three languages are accepted."""
    edit(
        data,
        "partners/open-aid.yaml",
        "name: Open Aid",
        "name: {az: Açıq Yardım, ru: Открытая помощь, en: Open Aid}",
    )
    edit(
        data, "partners/open-aid.yaml", "description: A donor.", "description:\n  en: A donor.\n  az: Donor."
    )
    assert check(data) == []


# --- formats -------------------------------------------------------------------------------

PHONE_MESSAGE = 'is not valid: expected a phone number that can be dialled today, such as "+994 12 555 03 03"'


def _add_phone(data: Path, number: str) -> None:
    append(
        data,
        "ngos/ganja-youth-centre.yaml",
        f"contacts:\n  phones:\n    - type: office\n      number: {number}\n",
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            '"+994 12 555"',
            f"'+994 12 555' {PHONE_MESSAGE} (write it in international form, such as \"+994 12 555 03 03\")",
        ),
        (
            "555-0303",
            f"'555-0303' {PHONE_MESSAGE} (write it in international form, such as \"+994 12 555 03 03\")",
        ),
        (
            "12:30",
            f"'12:30' {PHONE_MESSAGE} (write it in international form, such as \"+994 12 555 03 03\")",
        ),
        (
            "12345",
            f"'12345' {PHONE_MESSAGE} (write it in international form, such as \"+994 12 555 03 03\")",
        ),
        (
            '"12:30"',
            f"'12:30' {PHONE_MESSAGE} (write it in international form, such as \"+994 12 555 03 03\")",
        ),
    ],
    ids=["too-short", "local", "sexagesimal", "plain-number", "quoted-sexagesimal"],
)
def test_phone_format(data, number, expected):
    """A number that cannot be dialled is refused with the same hint, quoted or not: quoting
    cannot make it a phone number."""
    _add_phone(data, number)
    assert check(data) == [f"{NGO_FILE}:12:15: contacts.phones[0].number: {expected}"]


@pytest.mark.parametrize(
    "number", ['"+994 12 555 03 03"', "+994125550303", "0125550303", "'(012) 555-03-03'"]
)
def test_phone_format_accepted(data, number):
    """International and national Azerbaijani numbers are accepted, quoted or not."""
    _add_phone(data, number)
    assert check(data) == []


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("2026-02-30", "write the date as YYYY-MM-DD"),
        ('"2026-02-30"', "write the date as YYYY-MM-DD"),
    ],
    ids=["unquoted", "quoted"],
)
def test_impossible_date_hint(data, value, hint):
    """An impossible date is refused with the same hint, quoted or not: quoting cannot fix it."""
    edit(data, "ngos/ganja-youth-centre.yaml", 'last_verified: "2026-01-15"', f"last_verified: {value}")
    assert check(data) == [
        f"{NGO_FILE}:7:16: last_verified: '2026-02-30' is not valid: "
        f"expected a date written YYYY-MM-DD, such as 2026-11-22 ({hint})"
    ]


@pytest.mark.parametrize("value", ["2026-01-15", '"2024-02-29"', "'2025-12-31'"])
def test_date_accepted(data, value):
    """Real dates are accepted quoted or unquoted, and kept as dates."""
    edit(data, "ngos/ganja-youth-centre.yaml", 'last_verified: "2026-01-15"', f"last_verified: {value}")
    directory, problems = check_data(data)
    assert problems == []
    assert directory is not None
    assert directory.ngos["ganja-youth-centre"].last_verified.isoformat() == value.strip("\"'")


@pytest.mark.parametrize("value", ['"2026-1-5"', '"15.01.2026"', '"2026-01-15T10:00"'])
def test_date_in_wrong_form_reported_once(data, value):
    """A date not written YYYY-MM-DD is reported once."""
    edit(data, "ngos/ganja-youth-centre.yaml", 'last_verified: "2026-01-15"', f"last_verified: {value}")
    assert check(data) == [
        f"{NGO_FILE}:7:16: last_verified: '{value.strip(chr(34))}' is not valid: "
        "expected a date written YYYY-MM-DD, such as 2026-11-22 (write the date as YYYY-MM-DD)"
    ]


@pytest.mark.parametrize(
    "email", ["info@example", "info.example.org", "info@@example.org", '"Ganja <info@example.org>"']
)
def test_email_format(data, email):
    """An address that is not a plain e-mail address is refused."""
    append(data, "ngos/ganja-youth-centre.yaml", f"contacts:\n  email: {email}\n")
    assert check(data) == [
        f"{NGO_FILE}:10:10: contacts.email: '{email.strip(chr(34))}' is not valid: "
        "expected an e-mail address such as info@example.org (check the spelling of the address)"
    ]


def test_email_accepted(data):
    """A plain e-mail address is accepted."""
    append(data, "ngos/ganja-youth-centre.yaml", "contacts:\n  email: info@example.org\n")
    assert check(data) == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org/",
        "example.org",
        "https://user:secret@example.org/",
        "https://localhost/",
        "https://example.org:99999/",
        "https://exa mple.org/",
        "data:text/html,hi",
    ],
)
def test_url_must_be_http_or_https(data, url):
    """Only absolute http(s) addresses with a real host name and no password are accepted."""
    append(data, "ngos/ganja-youth-centre.yaml", f'contacts:\n  website: "{url}"\n')
    assert check(data) == [
        f"{NGO_FILE}:10:12: contacts.website: '{url}' is not valid: "
        "expected a web address starting with https:// or http:// "
        "(copy the full address from the browser's address bar)"
    ]


@pytest.mark.parametrize("url", ["https://example.org/", "http://example.org/path?q=1", "https://bakı.az/"])
def test_url_accepted(data, url):
    """Ordinary web addresses, including an internationalised host name, are accepted."""
    append(data, "ngos/ganja-youth-centre.yaml", f"contacts:\n  website: {url}\n")
    assert check(data) == []


@pytest.mark.parametrize("zone", ["Asia/Bakuu", "Baku", "+04:00", "GMT+4x"])
def test_time_zone(data, zone):
    """A time zone must be an IANA name."""
    append(data, "meetings/spring-meeting.yaml", f'timezone: "{zone}"\n')
    assert check(data) == [
        f"{MEETING_FILE}:11:11: timezone: '{zone}' is not valid: expected an IANA time zone such as "
        "Asia/Baku (use a name from the IANA time zone database, such as Asia/Baku)"
    ]


@pytest.mark.parametrize("zone", ["Asia/Baku", "UTC", "Europe/Berlin"])
def test_time_zone_accepted(data, zone):
    """IANA time zone names are accepted."""
    append(data, "meetings/spring-meeting.yaml", f"timezone: {zone}\n")
    assert check(data) == []


@pytest.mark.parametrize(
    "value", ['"2026-03-01 25:00"', '"2026-02-30"', '"01.03.2026"', '"2026-03-01 10:00:00"']
)
def test_meeting_date_time_format(data, value):
    """A meeting start must be a real date, or a date and a time in hours and minutes."""
    edit(data, "meetings/spring-meeting.yaml", 'start: "2026-03-01 10:00"', f"start: {value}")
    assert check(data) == [
        f"{MEETING_FILE}:2:8: start: '{value.strip(chr(34))}' is not valid: expected a date (2026-12-06) "
        "or a local date and time (2026-12-06 10:00) "
        "(write YYYY-MM-DD or YYYY-MM-DD HH:MM in the meeting's time zone)"
    ]


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            "ngos/ganja-youth-centre.yaml",
            None,
            "contacts:\n  website: {url: x}\n",
            f"{NGO_FILE}:10:12: contacts.website: expected text, found a map of fields",
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            None,
            "contacts:\n  email: [info@example.org]\n",
            f"{NGO_FILE}:10:10: contacts.email: expected text, found a list",
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            None,
            "contacts:\n  phones:\n    - type: office\n      number: [1, 2]\n",
            f"{NGO_FILE}:12:15: contacts.phones[0].number: expected text, found a list",
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            'last_verified: "2026-01-15"',
            "last_verified: [2026-01-15]",
            f"{NGO_FILE}:7:16: last_verified: expected text, found a list",
        ),
        (
            "meetings/spring-meeting.yaml",
            'start: "2026-03-01 10:00"',
            "start: {date: 2026-03-01}",
            f"{MEETING_FILE}:2:8: start: expected text, found a map of fields",
        ),
        (
            "meetings/spring-meeting.yaml",
            None,
            "timezone: [Asia/Baku]\n",
            f"{MEETING_FILE}:11:11: timezone: expected text, found a list",
        ),
    ],
    ids=["http-url", "email", "phone", "date", "local-datetime", "time-zone"],
)
def test_map_or_list_in_a_formatted_field_is_a_type_problem(data, relative, old, new, expected):
    """A map or list where formatted text is expected is reported, not a crash."""
    if old is None:
        append(data, relative, new)
    else:
        edit(data, relative, old, new)
    assert check(data) == [f"{expected} ({TYPE_TEXT_HINT})"]


# --- file names and slugs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Ganja-Youth.yaml",
            f"ngo_data/ngos/Ganja-Youth.yaml:1:1: file name 'Ganja-Youth' "
            f"is not a valid slug ({slug_hint('ganja-youth')})",
        ),
        (
            "ganja_youth.yaml",
            f"ngo_data/ngos/ganja_youth.yaml:1:1: file name 'ganja_youth' "
            f"is not a valid slug ({slug_hint('ganja-youth')})",
        ),
        (
            "ganja--youth.yaml",
            f"ngo_data/ngos/ganja--youth.yaml:1:1: file name 'ganja--youth' "
            f"is not a valid slug ({slug_hint('ganja-youth')})",
        ),
        (
            "-ganja.yaml",
            f"ngo_data/ngos/-ganja.yaml:1:1: file name '-ganja' is not a valid slug ({slug_hint('ganja')})",
        ),
        (
            "gəncə.yaml",
            f"ngo_data/ngos/gəncə.yaml:1:1: file name 'gəncə' is not a valid slug ({slug_hint('gence')})",
        ),
        (
            "ganja-youth.yml",
            "ngo_data/ngos/ganja-youth.yml:1:1: not a record file (rename it to ganja-youth.yaml)",
        ),
        (
            "ganja-youth.YAML",
            "ngo_data/ngos/ganja-youth.YAML:1:1: not a record file (keep only .yaml records here)",
        ),
        ("notes.txt", "ngo_data/ngos/notes.txt:1:1: not a record file (keep only .yaml records here)"),
        (
            "index.yaml",
            "ngo_data/ngos/index.yaml:1:1: 'index' is a reserved name (choose a more specific file name)",
        ),
        (
            "about.yaml",
            "ngo_data/ngos/about.yaml:1:1: 'about' is a reserved name (choose a more specific file name)",
        ),
        (
            "static.yaml",
            "ngo_data/ngos/static.yaml:1:1: 'static' is a reserved name (choose a more specific file name)",
        ),
    ],
)
def test_record_file_name_rules(data, name, expected):
    """Record file names must be lowercase slugs ending in .yaml and must not be reserved names."""
    write(data, f"ngos/{name}", NGO)
    assert check(data) == [expected]


def test_folder_inside_records_folder_refused(data):
    """A sub-folder in a records folder is not a record."""
    write(data, "ngos/more/other.yaml", NGO)
    assert check(data) == ["ngo_data/ngos/more:1:1: not a record file (keep only .yaml records here)"]


def test_hidden_files_are_ignored(data):
    """Editor and system files starting with '.' are skipped, even if they are not valid YAML."""
    write(data, "ngos/.ganja-youth-centre.yaml.swp", "not: [yaml")
    write(data, "partners/.DS_Store", "x")
    assert check(data) == []


def test_file_name_ending_in_newline_is_not_a_slug(data):
    """A newline at the end of a file name's stem is not part of a valid slug, and the message
    shows it as an escape: the problem stays on one line."""
    write(data, "ngos/other\n.yaml", NGO)
    assert check(data) == [
        f"ngo_data/ngos/other\\n.yaml:1:1: file name 'other\\n' is not a valid slug ({slug_hint('other')})"
    ]


@pytest.mark.parametrize("name", ["ganja-youth-centre.yaml", "Ganja-Youth-Centre.yaml"])
def test_slugs_unique_across_kinds(data, name):
    """An NGO and a partner cannot share a file name, whatever the case."""
    write(data, f"partners/{name}", PARTNER)
    stem = name.removesuffix(".yaml")
    expected = [
        f"ngo_data/partners/{name}:1:1: slug '{stem}' is already used by {NGO_FILE} "
        "(every record needs its own file name)"
    ]
    if stem != stem.lower():
        expected = [
            f"ngo_data/partners/{name}:1:1: file name '{stem}' is not a valid slug (rename it: "
            f"{SLUG_RULE}; '{stem.lower()}' is another record's, so choose another name)",
            f"ngo_data/partners/{name}:1:1: file name differs from {NGO_FILE} only in upper and lower "
            "case (keep one of the two files: Windows and macOS checkouts cannot hold both)",
        ]
    assert check(data) == expected


# --- vocabularies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            "ngos/ganja-youth-centre.yaml",
            "regions: [ganja]",
            "regions: [gandja]",
            [
                f"{NGO_FILE}:3:11: regions[0]: unknown region 'gandja' "
                "(did you mean 'ganja'?; see ngo_data/regions.yaml)"
            ],
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            "regions: [ganja]",
            "regions: [ganja, zzz]",
            [
                f"{NGO_FILE}:3:18: regions[1]: unknown region 'zzz' "
                "(allowed: baku, ganja, sheki; see ngo_data/regions.yaml)"
            ],
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            "regions: [ganja]",
            "regions: [Gəncə]",
            [
                f"{NGO_FILE}:3:11: regions[0]: unknown region 'Gəncə' "
                "(did you mean 'ganja'? values are the slugs in ngo_data/regions.yaml)",
            ],
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            "regions: [ganja]",
            "regions: [Гянджа]",
            [
                f"{NGO_FILE}:3:11: regions[0]: unknown region 'Гянджа' "
                "(did you mean 'ganja'? values are the slugs in ngo_data/regions.yaml)",
            ],
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            "themes: [ict]",
            "themes: [educaton]",
            [
                f"{NGO_FILE}:4:10: themes[0]: unknown theme 'educaton' "
                "(did you mean 'education'?; see ngo_data/themes.yaml)"
            ],
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            "themes: [ict]",
            "themes: [Information Technology]",
            [
                f"{NGO_FILE}:4:10: themes[0]: unknown theme 'Information Technology' "
                "(did you mean 'ict'? values are the slugs in ngo_data/themes.yaml)",
            ],
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            "partners: [open-aid]",
            "partners: [open-aid]\nlocations:\n  - name: Office\n    region: shaki",
            [
                f"{NGO_FILE}:8:13: locations[0].region: unknown region 'shaki' "
                "(did you mean 'sheki'? values are the slugs in ngo_data/regions.yaml)"
            ],
        ),
        (
            "meetings/spring-meeting.yaml",
            "region: baku",
            "region: bakuu",
            [
                f"{MEETING_FILE}:6:11: venue.region: unknown region 'bakuu' "
                "(did you mean 'baku'?; see ngo_data/regions.yaml)"
            ],
        ),
    ],
    ids=["close", "far", "azerbaijani-name", "russian-name", "theme", "also-known-as", "location", "venue"],
)
def test_unknown_region_or_theme(data, relative, old, new, expected):
    """An unknown region or theme lists the closest slugs; a name in any language suggests its slug."""
    edit(data, relative, old, new)
    assert check(data) == expected


def test_missing_vocabulary_file(data):
    """A missing regions.yaml is reported once, not again at every region it would define."""
    (data / "regions.yaml").unlink()
    assert check(data) == ["ngo_data/regions.yaml:1:1: file is missing (create regions.yaml; see README)"]


@pytest.mark.parametrize(("value", "found"), [("Shaki", "text"), ("[Shaki]", "a list")])
def test_vocabulary_name_of_the_wrong_type_is_reported(data, value, found):
    """A region name that is not a map of languages is reported, not a crash."""
    edit(data, "regions.yaml", "name: {az: Şəki, ru: Шеки, en: Shaki}", f"name: {value}")
    assert check(data) == [
        f"ngo_data/regions.yaml:6:9: sheki.name: expected a map of fields, found {found} "
        "(write the fields on the following lines, indented)"
    ]


# --- references ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("open-ad", "partners[0]: unknown partner 'open-ad' (did you mean 'open-aid'?)"),
        ("zzz", "partners[0]: unknown partner 'zzz' (add ngo_data/partners/zzz.yaml first, or fix the slug)"),
    ],
)
def test_unknown_reference(data, value, expected):
    """A slug that names no record is reported, with the closest slugs of the right kind."""
    edit(data, "ngos/ganja-youth-centre.yaml", "partners: [open-aid]", f"partners: [{value}]")
    assert check(data) == [f"{NGO_FILE}:5:12: {expected}"]


def test_unknown_organiser_suggests_ngos_and_partners(data):
    """An unknown organiser is looked up among NGOs and partners."""
    edit(
        data,
        "meetings/spring-meeting.yaml",
        "organisers: [ganja-youth-centre]",
        "organisers: [open-aid, ganja-youth]",
    )
    assert check(data) == [
        f"{MEETING_FILE}:7:24: organisers[1]: unknown NGO or partner 'ganja-youth' "
        "(did you mean 'ganja-youth-centre'?)"
    ]


def test_reference_to_the_wrong_kind(data):
    """An NGO slug among a partner's funders is reported as the wrong kind of record."""
    edit(data, "partners/open-aid.yaml", "type: donor", "type: donor\nfunders: [ganja-youth-centre]")
    assert check(data) == [
        f"{PARTNER_FILE}:3:11: funders[0]: 'ganja-youth-centre' is an NGO, not a partner "
        "(move it to the field for NGOs)"
    ]


def test_a_meeting_names_organisations_and_outside_parties_by_role(data):
    """Each role takes slugs of NGOs or partners and named parties; a meeting page groups them."""
    edit(
        data,
        "meetings/spring-meeting.yaml",
        "presenters: [open-aid]",
        "hosts: [ganja-youth-centre]\npresenters: [open-aid]\n"
        "observers: [{name: {en: Local media, az: Yerli media}}]\nparticipants: [{name: Teachers}, open-aid]",
    )
    directory, problems = check_data(data)
    assert problems == [] and directory is not None
    meeting = directory.meetings["spring-meeting"]
    assert [(p.role, p.org) for p in meeting.parties if p.org] == [
        ("organiser", "ganja-youth-centre"),
        ("host", "ganja-youth-centre"),
        ("presenter", "open-aid"),
        ("participant", "open-aid"),
    ]
    assert [p.role for p in meeting.parties if p.name] == ["participant", "observer"]
    assert meeting.roles_of("open-aid") == ("presenter", "participant")
    assert meeting.organisations == ("ganja-youth-centre", "open-aid")


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (
            "partners: [open-aid]",
            f"{MEETING_FILE}:8:1: partners: unknown field (the roles are now organisers, co_organisers, "
            "hosts, funders, presenters, participants and observers: list these organisations under the "
            "fitting one)",
        ),
        (
            "participant_groups: [{en: Teachers}]",
            f"{MEETING_FILE}:8:1: participant_groups: unknown field "
            "(list each group under participants as {name: ...})",
        ),
        (
            "observers: [[Local media]]",
            f"{MEETING_FILE}:8:13: observers[0]: expected the slug of an NGO or partner, or "
            "{name: ...} for someone outside the directory, found a list",
        ),
        (
            "funders: [spring-meeting]",
            f"{MEETING_FILE}:8:11: funders[0]: a record cannot refer to itself (remove this entry)",
        ),
        (
            "funders: [open-aid, sprng-meeting]",
            f"{MEETING_FILE}:8:21: funders[1]: unknown NGO or partner 'sprng-meeting' "
            "(add ngo_data/ngos/sprng-meeting.yaml first, or fix the slug)",
        ),
    ],
    ids=["old-partners", "old-groups", "not-a-party", "itself", "unknown"],
)
def test_a_meetings_roles_are_checked(data, new, expected):
    edit(data, "meetings/spring-meeting.yaml", "presenters: [open-aid]", new)
    assert check(data) == [expected]


@pytest.mark.parametrize(
    ("registration", "expected"),
    [
        (
            "registration: {status: open}",
            f"{MEETING_FILE}:8:24: registration.status: open registration needs a way to register "
            "(add url, email or phone under registration)",
        ),
        (
            'registration: {status: open, url: "https://example.org/r", deadline: "2026-03-02"}',
            f"{MEETING_FILE}:8:70: registration.deadline: registration closes (2026-03-02) after the "
            "meeting ends (2026-03-01 12:00) (set a deadline before the meeting ends)",
        ),
        (
            "registration: {status: invitation, capacity: forty}",
            f"{MEETING_FILE}:8:46: registration.capacity: 'forty' is not a number of places such as 40",
        ),
        (
            "registration: {status: waiting}",
            f"{MEETING_FILE}:8:24: registration.status: 'waiting' is not an allowed value "
            "(allowed: open, closed, invitation)",
        ),
    ],
    ids=["open-without-a-way", "deadline-after-the-end", "capacity-not-a-number", "unknown-status"],
)
def test_a_meetings_registration_is_checked(data, registration, expected):
    edit(data, "meetings/spring-meeting.yaml", "presenters: [open-aid]", registration)
    assert check(data) == [expected]


def test_a_registration_with_a_deadline_on_the_day_is_valid(data):
    registration = (
        'registration: {status: open, email: r@example.org, deadline: "2026-03-01 09:00", '
        "capacity: 30, languages: [az, ru], cost: {en: Free}}"
    )
    edit(data, "meetings/spring-meeting.yaml", "presenters: [open-aid]", registration)
    assert check(data) == []


def test_a_named_party_written_the_old_way_is_shown_where_its_name_goes(data):
    edit(data, "meetings/spring-meeting.yaml", "presenters: [open-aid]", "observers: [{en: Local media}]")
    assert check(data) == [
        f"{MEETING_FILE}:8:13: observers[0].name: required field is missing (add a 'name:' line)",
        f"{MEETING_FILE}:8:14: observers[0].en: unknown field (allowed: name)",
    ]


@pytest.mark.parametrize(
    ("relative", "old", "new", "where", "field", "ends", "hint"),
    [
        (
            "partners/open-aid.yaml",
            "type: donor",
            "type: donor\nfunders: [ganja-youth-centre]",
            (PARTNER_FILE, 3, 11),
            "funders[0]",
            "NGO, not a partner",
            "move it to the field for NGOs",
        ),
        (
            "ngos/ganja-youth-centre.yaml",
            "partners: [open-aid]",
            "partners: [open-aid, spring-meeting]",
            (NGO_FILE, 5, 22),
            "partners[1]",
            "'spring-meeting' is a meeting, not a partner",
            "move it to the field for meetings",
        ),
    ],
    ids=["ngo-as-funder", "meeting-as-partner"],
)
def test_reference_to_the_wrong_kind_is_located(data, relative, old, new, where, field, ends, hint):
    """A slug of the wrong kind is reported at the slug ."""
    edit(data, relative, old, new)
    directory, problems = check_data(data)
    assert directory is None
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line, problem.column) == where
    assert (problem.field, problem.hint) == (field, hint)
    assert problem.message.endswith(ends)


@pytest.mark.parametrize(
    ("relative", "old", "new", "where"),
    [
        (
            "partners/open-aid.yaml",
            "type: donor",
            "type: donor\nfunders: [open-aid]",
            f"{PARTNER_FILE}:3:11: funders[0]",
        ),
        (
            "meetings/spring-meeting.yaml",
            "organisers: [ganja-youth-centre]",
            "organisers: [ganja-youth-centre, spring-meeting]",
            f"{MEETING_FILE}:7:34: organisers[1]",
        ),
    ],
)
def test_record_referring_to_itself(data, relative, old, new, where):
    """A record cannot list itself."""
    edit(data, relative, old, new)
    assert check(data) == [f"{where}: a record cannot refer to itself (remove this entry)"]


# --- meeting times -------------------------------------------------------------------------

MIXED_TIMES = (
    "start and end must both be dates, or both dates with a time (add a time to both, or to neither)"
)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (
            '"2026-03-01 10:00"',
            '"2026-03-01 09:00"',
            "end: the meeting ends (2026-03-01 09:00) before it starts (2026-03-01 10:00) "
            "(check the dates and times)",
        ),
        (
            '"2026-03-01 10:00"',
            '"2026-03-01 10:00"',
            "end: the meeting ends (2026-03-01 10:00) before it starts (2026-03-01 10:00) "
            "(check the dates and times)",
        ),
        (
            "2026-03-02",
            "2026-03-01",
            "end: the meeting ends (2026-03-01) before it starts (2026-03-02) (check the dates and times)",
        ),
        (
            '"2026-03-01 10:00"',
            "2026-03-02",
            f"end: {MIXED_TIMES}",
        ),
        (
            "2026-03-01",
            '"2026-03-01 12:00"',
            f"end: {MIXED_TIMES}",
        ),
    ],
    ids=[
        "end-before-start",
        "equal-date-times",
        "dates-reversed",
        "date-time-then-date",
        "date-then-date-time",
    ],
)
def test_meeting_end_must_follow_start(data, start, end, expected):
    """A meeting must end after it starts, with start and end both dates or both date-times."""
    edit(data, "meetings/spring-meeting.yaml", 'start: "2026-03-01 10:00"', f"start: {start}")
    edit(data, "meetings/spring-meeting.yaml", 'end: "2026-03-01 12:00"', f"end: {end}")
    assert check(data) == [f"{MEETING_FILE}:3:6: {expected}"]


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-03-01", "2026-03-01"), ("2026-03-01", "2026-03-03"), ('"2026-03-01 10:00"', "2026-03-01T10:01")],
    ids=["one-day", "several-days", "one-minute"],
)
def test_meeting_times_accepted(data, start, end):
    """An all-day meeting may end on the day it starts; a timed one must end at least a minute later."""
    edit(data, "meetings/spring-meeting.yaml", 'start: "2026-03-01 10:00"', f"start: {start}")
    edit(data, "meetings/spring-meeting.yaml", 'end: "2026-03-01 12:00"', f"end: {end}")
    assert check(data) == []


# --- every problem at once -----------------------------------------------------------------


def test_all_problems_in_all_files_reported_in_one_run(data, content):
    """Several broken files yield every problem in one run, sorted by file, line and column."""
    edit(data, "ngos/ganja-youth-centre.yaml", "regions: [ganja]", "regions: [gandja]")
    append(data, "ngos/ganja-youth-centre.yaml", "colour: red\n")
    write(data, "ngos/broken.yaml", "name: a\nname: b\n")
    edit(data, "partners/open-aid.yaml", "type: donor", "type: doner")
    edit(data, "meetings/spring-meeting.yaml", 'end: "2026-03-01 12:00"', 'end: "2026-02-28 12:00"')
    write(
        content,
        "press/second.md",
        "Title: Second\nDate: 2026-03-03\nLang: en\nSlug: second\n\nNo organisation.\n",
    )
    assert check(data, content=folder_check(content)) == [
        "content/press/second.md:1:1: organization: required metadata is missing "
        "(add a line 'Organization: ...' at the top)",
        "ngo_data/meetings/spring-meeting.yaml:3:6: end: the meeting ends (2026-02-28 12:00) "
        "before it starts (2026-03-01 10:00) (check the dates and times)",
        "ngo_data/ngos/broken.yaml:2:1: name: duplicate key 'name' (first on line 1, again on line 2) "
        "(keep one of them and delete the other)",
        f"{NGO_FILE}:3:11: regions[0]: unknown region 'gandja' "
        "(did you mean 'ganja'?; see ngo_data/regions.yaml)",
        f"{NGO_FILE}:9:1: colour: unknown field (allowed: acronym, added, contacts, description, founded, "
        "funders, languages, last_verified, legal_form, locations, maintainers, name, other_names, partners, "
        "regions, registration, themes, updated)",
        f"{PARTNER_FILE}:2:7: type: 'doner' is not an allowed value (did you mean 'donor'?)",
    ]


# --- press releases ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Organization: ganja-youth-centre\n",
            "",
            "1:1: organization: required metadata is missing (add a line 'Organization: ...' at the top)",
        ),
        (
            "Organization: ganja-youth-centre\n",
            "Organization:   \n",
            "1:1: organization: required metadata is missing (add a line 'Organization: ...' at the top)",
        ),
        (
            "Organization: ganja-youth-centre",
            "Organization: ganja-youth",
            "3:15: organization: unknown slug 'ganja-youth' "
            "(use the file name of an NGO or a partner record in ngo_data/)",
        ),
        (
            "Organization: ganja-youth-centre",
            "Organization: spring-meeting",
            "3:15: organization: 'spring-meeting' is a meeting, not an NGO or a partner "
            "(use the file name of an NGO or a partner record in ngo_data/)",
        ),
        (
            "Meeting: spring-meeting",
            "Meeting: open-aid",
            "4:10: meeting: 'open-aid' is a partner, not a meeting "
            "(use the file name of a meeting record in ngo_data/)",
        ),
        (
            "Meeting: spring-meeting",
            "Meeting: spring",
            "4:10: meeting: unknown slug 'spring' (use the file name of a meeting record in ngo_data/)",
        ),
        (
            "Slug: classes-open",
            "Slug: ../../x",
            "6:7: slug: '../../x' is not a valid slug "
            "(use lowercase letters a-z, digits and single hyphens, such as 'x')",
        ),
        (
            "Meeting: spring-meeting",
            "Meeting: spring-meeting\nSave_as: ../index.html",
            "5:1: save_as: this metadata is not allowed: output paths come from the site's settings "
            "(remove the 'Save_As:' line)",
        ),
        (
            "Date: 2026-03-02",
            "Date: 2026-03-02\nURL: x.html",
            "3:1: url: this metadata is not allowed: output paths come from the site's settings "
            "(remove the 'Url:' line)",
        ),
    ],
    ids=[
        "missing-organization",
        "empty-organization",
        "unknown-organization",
        "organization-is-a-meeting",
        "meeting-is-a-partner",
        "unknown-meeting",
        "unsafe-slug",
        "save-as",
        "url",
    ],
)
def test_press_release_metadata(data, content, old, new, expected):
    """Press release metadata must name existing records of the right kind and must not set output paths."""
    path = content / "press/classes-open.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert check(data, content=folder_check(content)) == [f"{PRESS_FILE}:{expected}"]


def test_partner_may_issue_a_press_release(data, content):
    """The organisation of a press release may be a partner as well as an NGO."""
    write(
        content,
        "press/grant.md",
        "Title: Grant\nDate: 2026-03-04\nOrganization: open-aid\nLang: en\nSlug: grant\n\nGrant.\n",
    )
    assert check(data, content=folder_check(content)) == []


def test_non_markdown_file_in_press_folder(data, content):
    """Only Markdown files belong in the press folder; elsewhere other files are left alone."""
    write(content, "press/notes.txt", "notes")
    write(content, "images/logo.txt", "not a picture")
    assert check(data, content=folder_check(content)) == [
        "content/press/notes.txt:1:1: not a Markdown press release (rename it to .md)"
    ]


def test_page_with_forbidden_metadata(data, content):
    """Pages outside the press folder get the slug and output-path checks too."""
    write(content, "pages/evil.md", "Title: Evil\nSlug: Evil/Page\nTemplate: raw\nLang: en\n\nx\n")
    assert check(data, content=folder_check(content)) == [
        "content/pages/evil.md:2:7: slug: 'Evil/Page' is not a valid slug "
        "(use lowercase letters a-z, digits and single hyphens, such as 'evil-page')",
        "content/pages/evil.md:3:1: template: this metadata is not allowed: "
        "output paths come from the site's settings (remove the 'Template:' line)",
    ]


def test_custom_press_folder(data, content):
    """The press folder name is configurable; releases elsewhere are then ordinary pages."""
    write(content, "news/old.md", "Title: Old\nDate: 2026-01-01\nLang: en\nSlug: old\n\nNo organisation.\n")
    assert check(data, content=folder_check(content, "news")) == [
        "content/news/old.md:1:1: organization: required metadata is missing "
        "(add a line 'Organization: ...' at the top)"
    ]


# --- the command line ----------------------------------------------------------------------


def _validate(data: Path, content: Path, *extra: str):
    return CliRunner().invoke(main, ["validate", "--data", str(data), "--content", str(content), *extra])


def test_cli_validate_good_folder_exits_0(data, content):
    """A good folder exits 0, prints nothing on stdout and a summary on stderr."""
    result = _validate(data, content)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(
        "OK: 1 NGO, 1 partner, 1 meeting, 0 programmes, 3 regions, 2 themes checked in "
    )


def _break(data: Path) -> None:
    edit(data, "ngos/ganja-youth-centre.yaml", "regions: [ganja]", "regions: [gandja]")
    edit(data, "partners/open-aid.yaml", "type: donor", "type: doner")


BROKEN_LINES = [
    f"{NGO_FILE}:3:11: regions[0]: unknown region 'gandja' "
    "(did you mean 'ganja'?; see ngo_data/regions.yaml)",
    f"{PARTNER_FILE}:2:7: type: 'doner' is not an allowed value (did you mean 'donor'?)",
]


def test_cli_validate_broken_folder_exits_1(data, content):
    """A broken folder exits 1 with one line per problem on stdout and the count on stderr."""
    _break(data)
    result = _validate(data, content)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == BROKEN_LINES
    assert result.stderr == "2 problems found.\n"


def test_cli_validate_github_format(data, content):
    """--format github adds a GitHub Actions error annotation for each problem after the plain lines."""
    _break(data)
    result = _validate(data, content, "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        *BROKEN_LINES,
        f"::error file={NGO_FILE},line=3,col=11,title=regions[0]::regions[0]: unknown region 'gandja' "
        "(did you mean 'ganja'?; see ngo_data/regions.yaml)",
        f"::error file={PARTNER_FILE},line=2,col=7,title=type::type: 'doner' is not an allowed value "
        "(did you mean 'donor'?)",
    ]


def test_cli_validate_reports_press_problems(data, content):
    """The command checks the content folder too, and a single problem is counted in the singular."""
    write(content, "press/notes.txt", "notes")
    result = _validate(data, content)
    assert result.exit_code == 1
    assert result.stdout == "content/press/notes.txt:1:1: not a Markdown press release (rename it to .md)\n"
    assert result.stderr == "1 problem found.\n"


# --- languages of pages and press releases; transliterated slugs --------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Gəncə Gənclər Mərkəzi", "gence-gencler-merkezi"),
        ("İsmayıllı", "ismayilli"),
        ("ISMAYILLI", "ismayilli"),
        ("Şəki Qadın Təşəbbüsləri", "seki-qadin-tesebbusleri"),
        ("Мингечевирский молодёжный центр", "mingechevirskii-molodezhnyi-tsentr"),
        ("Шәки Ҹәмијјәти", "sheki-cemiyyeti"),
        ("@@@", "record"),
        ("", "record"),
    ],
)
def test_slugs_are_transliterated_ascii(text, slug):
    """Azerbaijani and Cyrillic letters are transliterated; a slug is never empty and never has '@'."""
    assert slugify(text) == slug


def test_generic_slugifiers_get_schwa_wrong():
    """Pelican's own slugify (unidecode) turns ə into '@': the reason content needs our slugs."""
    assert "@" in pelican_slugify("Gəncə Gənclər Mərkəzi")
    assert slugify("Gəncə Gənclər Mərkəzi") == "gence-gencler-merkezi"


def test_press_release_without_slug_or_lang(data, content):
    """Slug and Lang are required; the slug suggested is the title transliterated."""
    write(
        content,
        "press/gence.md",
        "Title: Gəncə Gənclər Mərkəzi açıldı\nDate: 2026-03-04\nOrganization: open-aid\n\nx\n",
    )
    assert check(data, content=folder_check(content)) == [
        "content/press/gence.md:1:1: lang: required metadata is missing "
        "(add a line 'Lang: az' naming the language it is written in (az, ru, en))",
        "content/press/gence.md:1:1: slug: required metadata is missing "
        "(add a line 'Slug: gence-gencler-merkezi-acildi' at the top; "
        "translations of one text share its slug)",
    ]


def test_content_language_must_be_a_site_language(data, content):
    write(content, "pages/tr.md", "Title: Hakkında\nSlug: about-us\nLang: tr\n\nx\n")
    assert check(data, content=folder_check(content, languages=("az", "en"))) == [
        "content/pages/tr.md:3:7: lang: 'tr' is not one of the site's languages (use one of az, en)"
    ]


def test_two_files_with_the_same_slug_and_language(data, content):
    """Translations share a slug, but two texts in one language with one slug collide."""
    write(content, "press/classes-open-ru.md", PRESS.replace("Lang: en", "Lang: ru"))
    assert check(data, content=folder_check(content)) == []
    write(content, "press/classes-open-copy.md", PRESS)
    assert check(data, content=folder_check(content)) == [
        "content/press/classes-open.md:5:7: lang: content/press/classes-open-copy.md already has slug "
        "'classes-open' in 'en' (translations of one text share a slug but each needs its own language; "
        "otherwise give this one a different slug)"
    ]


# --- added, updated and changes ------------------------------------------------------------


def test_added_is_required(data):
    edit(data, "ngos/ganja-youth-centre.yaml", 'added: "2026-01-15"\n', "")
    assert check(data) == [f"{NGO_FILE}:1:1: added: required field is missing (add an 'added:' line)"]


def test_updated_cannot_come_before_added(data):
    append(data, "partners/open-aid.yaml", 'updated: "2026-01-14 23:59"\n')
    assert check(data) == [
        f"{PARTNER_FILE}:7:10: updated: updated (2026-01-14 23:59) is earlier than added (2026-01-15) "
        "(a record cannot change before it was added; check both dates)"
    ]


CHANGES = """\
changes:
  - date: "2026-02-01"
    note: {en: Moved to Baku.}
  - date: "2026-01-10"
    status: postponed
    note: {en: Postponed.}
updated: "2026-01-20"
"""


def test_meeting_changes_are_checked_all_at_once(data):
    """Changes must come after ``added``, oldest first, not after ``updated``, and the latest
    status they set must be the meeting's status."""
    append(data, "meetings/spring-meeting.yaml", CHANGES)
    assert check(data) == [
        f"{MEETING_FILE}:4:9: status: the latest change sets status 'postponed' but status is 'scheduled' "
        "(add a change with 'status: scheduled' saying what happened, or correct status)",
        f"{MEETING_FILE}:14:11: changes[1].date: this change (2026-01-10) is earlier than added (2026-01-15) "
        "(a meeting cannot change before it was announced; check both dates)",
        f"{MEETING_FILE}:14:11: changes[1].date: this change (2026-01-10) is listed after a later one "
        "(2026-02-01) (list changes oldest first: move this one up)",
        f"{MEETING_FILE}:17:10: updated: updated (2026-01-20) is earlier than a change (2026-02-01) "
        "(set 'updated: \"2026-02-01\"' or remove the updated line)",
    ]


def test_meeting_history_gives_sequence_and_latest_update(data):
    """Each change raises the SEQUENCE; the latest change is the meeting's update time, in Baku."""
    edit(data, "meetings/spring-meeting.yaml", "status: scheduled", "status: cancelled")
    append(
        data,
        "meetings/spring-meeting.yaml",
        'changes:\n  - date: "2026-02-01 09:30"\n    note: {en: Moved to Baku.}\n'
        '  - date: "2026-02-10"\n    status: cancelled\n    note: {en: Cancelled.}\n',
    )
    meeting = load_directory(data).meetings["spring-meeting"]
    assert meeting.sequence == 2
    assert [c.status for c in meeting.changes] == [None, "cancelled"]
    assert meeting.added.isoformat() == "2026-01-15T00:00:00+04:00"
    assert meeting.updated.isoformat() == "2026-02-10T00:00:00+04:00"
    assert meeting.changes[0].date.isoformat() == "2026-02-01T09:30:00+04:00"


def test_a_move_keeps_the_start_it_had_before(data):
    """``previous_start`` says where a change moved the meeting from: read in the meeting's
    time zone, and refused when it is the start the meeting has now."""
    append(
        data,
        "meetings/spring-meeting.yaml",
        'changes:\n  - date: "2026-02-01 09:30"\n    note: {en: Moved a week later.}\n'
        '    previous_start: "2026-02-22 10:00"\n',
    )
    meeting = load_directory(data).meetings["spring-meeting"]
    assert [c.previous_start.isoformat() for c in meeting.changes if c.previous_start] == [
        "2026-02-22T10:00:00+04:00"
    ]
    edit(
        data,
        "meetings/spring-meeting.yaml",
        'previous_start: "2026-02-22 10:00"',
        'previous_start: "2026-03-01 10:00"',
    )
    assert check(data) == [
        f"{MEETING_FILE}:14:21: changes[0].previous_start: previous_start (2026-03-01 10:00) is the "
        "meeting's start (a move changes the start: set start to the new one, or remove previous_start)"
    ]
    edit(data, "meetings/spring-meeting.yaml", 'previous_start: "2026-03-01 10:00"', "previous_start: soon")
    assert check(data) == [
        f"{MEETING_FILE}:14:21: changes[0].previous_start: 'soon' is not valid: expected a date (2026-12-06) "
        "or a local date and time (2026-12-06 10:00) (write YYYY-MM-DD or YYYY-MM-DD HH:MM in the meeting's "
        "time zone)"
    ]


def test_content_files_with_hidden_characters_are_refused(data, content):
    """Press releases and pages get the same character check as records: feeds and pages
    could not carry them."""
    write(content, "pages/about.md", "Title: About\u2028us\nSlug: about-us\nLang: en\n\nBell \x07 here.\n")
    assert check(data, content=folder_check(content)) == [
        "content/pages/about.md:1:13: title: U+2028 LINE SEPARATOR is a line break that editors and git do "
        "not show (replace it with an ordinary line break)",
        "content/pages/about.md:5:6: content: U+0007 control character is not allowed "
        "(delete it: invisible characters can disguise names and links)",
    ]


def test_a_text_links_records_by_slug(data, content):
    """[name](record:slug) links a record's page; a slug that names no record is refused where
    it is written, with the nearest slugs."""
    write(
        content,
        "pages/about.md",
        "Title: About\nSlug: about-us\nLang: en\n\n"
        "Run by [Open Aid](record:open-aid), with [them](record:open-ad).\n",
    )
    assert check(data, content=folder_check(content)) == [
        "content/pages/about.md:5:49: content: the link 'record:open-ad' names no record of the directory "
        "(did you mean 'open-aid'?)"
    ]


# --- meetings that clash --------------------------------------------------------------------

OTHER_MEETING = "ngo_data/meetings/second-meeting.yaml"


def _second_meeting(
    data: Path, start: str, end: str, organisers: str, venue: str, status: str = "scheduled"
) -> None:
    (data / "meetings" / "second-meeting.yaml").write_text(
        f'title: Second meeting\nstart: "{start}"\nend: "{end}"\nstatus: {status}\n'
        f'venue: {venue}\norganisers: [{organisers}]\nmaintainers: [octocat]\nadded: "2026-01-15"\n',
        "utf-8",
    )


def _warnings(data: Path) -> list[str]:
    warnings: list[Problem] = []
    directory, problems = check_data(data, warnings=warnings)
    assert problems == [] and directory is not None
    return [str(w) for w in warnings]


@pytest.mark.parametrize(
    ("start", "end", "organisers", "venue", "expected"),
    [
        (
            "2026-03-01 11:00",
            "2026-03-01 13:00",
            "open-aid, ganja-youth-centre",
            "{region: ganja}",
            f"{OTHER_MEETING}:6:24: warning: organisers[1]: ganja-youth-centre also organises spring-meeting "
            f"({MEETING_FILE}) at the same time (check the times of both meetings)",
        ),
        (
            "2026-03-01 09:00",
            "2026-03-01 10:30",
            "open-aid",
            "{region: baku}",
            f"{MEETING_FILE}:6:11: warning: venue.region: second-meeting ({OTHER_MEETING}) takes place "
            "in the same region at the same time (people there may want to attend both: check the times)",
        ),
    ],
    ids=["same-organiser", "same-region-the-other-is-later"],
)
def test_meetings_that_clash_are_warnings(data, start, end, organisers, venue, expected):
    _second_meeting(data, start, end, organisers, venue)
    assert _warnings(data) == [expected]


def test_a_venue_booked_twice_is_a_warning(data):
    edit(
        data,
        "meetings/spring-meeting.yaml",
        "  region: baku",
        "  region: baku\n  name: {en: Youth House, az: Gənclər evi}",
    )
    _second_meeting(
        data, "2026-03-01 11:30", "2026-03-01 14:00", "open-aid", "{region: baku, name: Gənclər  Evi}"
    )
    assert _warnings(data) == [
        f"{OTHER_MEETING}:5:29: warning: venue.name: the venue is also booked for spring-meeting "
        f"({MEETING_FILE}) at the same time (check the times of both meetings)"
    ]


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        ("2026-03-01 12:00", "2026-03-01 13:00", "scheduled"),  # starts as the other ends
        ("2026-03-01 11:00", "2026-03-01 13:00", "cancelled"),
        ("2026-03-02", "2026-03-02", "scheduled"),
    ],
    ids=["back-to-back", "cancelled", "next-day"],
)
def test_meetings_that_do_not_overlap_do_not_clash(data, start, end, status):
    _second_meeting(data, start, end, "ganja-youth-centre", "{region: baku}", status=status)
    assert _warnings(data) == []


def test_cli_validate_prints_warnings_and_fails_on_them_only_when_strict(data, content):
    _second_meeting(data, "2026-03-01 11:00", "2026-03-01 13:00", "ganja-youth-centre", "{region: baku}")
    result = _validate(data, content)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{OTHER_MEETING}:6:14: warning: organisers[0]: ganja-youth-centre also organises spring-meeting "
        f"({MEETING_FILE}) at the same time (check the times of both meetings)\n"
    )
    assert result.stderr.startswith("1 warning.\nOK: 1 NGO, 1 partner, 2 meetings, 0 programmes,")
    assert _validate(data, content, "--strict").exit_code == 1
    github = _validate(data, content, "--format", "github").stdout.splitlines()
    assert github[1].startswith(f"::warning file={OTHER_MEETING},line=6,col=14,title=organisers[0]::")


# --- programmes -----------------------------------------------------------------------------

PROGRAMME_FILE = "ngo_data/programmes/youth-clubs.yaml"
PROGRAMME = """\
title: {en: Youth clubs}
description: {en: Clubs for young people.}
status: active
start_year: 2020
funding: [open-aid]
implementing: [ganja-youth-centre, {name: {en: Local schools}}]
regions: [ganja]
themes: [ict]
results:
  - {value: 12, unit: {en: clubs}, as_of: "2024-05"}
maintainers: [octocat]
last_verified: "2026-01-15"
added: "2026-01-15"
"""


def _programme(data: Path, text: str = PROGRAMME) -> None:
    (data / "programmes").mkdir(exist_ok=True)
    (data / "programmes" / "youth-clubs.yaml").write_text(text, "utf-8")


def test_a_valid_programme_is_read_with_its_roles_and_results(data):
    _programme(data)
    directory, problems = check_data(data)
    assert problems == [] and directory is not None
    programme = directory.programmes["youth-clubs"]
    assert programme.funders == ("open-aid",) and programme.implementers == ("ganja-youth-centre",)
    assert [p.name.get("en") for p in programme.parties if p.name] == ["Local schools"]
    assert (programme.results[0].value, programme.results[0].as_of_day) == (12, dt.date(2024, 5, 1))
    assert directory.programmes_by_organisation["open-aid"] == [programme]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "implementing: [ganja-youth-centre,",
            "implementing: [ganja-youth,",
            f"{PROGRAMME_FILE}:6:16: implementing[0]: unknown NGO or partner 'ganja-youth' "
            "(did you mean 'ganja-youth-centre'?)",
        ),
        (
            "start_year: 2020",
            "start_year: 2020\nend_year: 2019",
            f"{PROGRAMME_FILE}:5:11: end_year: the programme ends (2019) before it starts (2020) "
            "(check both years)",
        ),
        (
            '"2024-05"',
            '"May 2024"',
            f"{PROGRAMME_FILE}:10:43: results[0].as_of: 'May 2024' is not valid: expected a year (2011), "
            "a month (2011-02) or a date (2011-02-15)",
        ),
        (
            "value: 12,",
            "value: twelve,",
            f"{PROGRAMME_FILE}:10:13: results[0].value: 'twelve' is not a whole number such as 27000",
        ),
        (
            "regions: [ganja]",
            "regions: [ganjaa]",
            f"{PROGRAMME_FILE}:7:11: regions[0]: unknown region 'ganjaa' "
            "(did you mean 'ganja'?; see ngo_data/regions.yaml)",
        ),
    ],
    ids=["unknown-organisation", "ends-before-it-starts", "as-of", "value", "region"],
)
def test_a_programme_is_checked(data, old, new, expected):
    assert old in PROGRAMME
    _programme(data, PROGRAMME.replace(old, new))
    assert check(data) == [expected]


# --- series and follow-ups ------------------------------------------------------------------

SECOND_MEETING = """\
title: Autumn meeting
start: "2026-09-01"
status: scheduled
venue: {region: baku}
organisers: [ganja-youth-centre]
maintainers: [octocat]
added: "2026-01-15"
"""


@pytest.mark.parametrize(
    ("series_file", "new", "expected"),
    [
        (
            None,
            "series: spring-series",
            f"{MEETING_FILE}:8:9: series: unknown series 'spring-series' "
            "(add it to ngo_data/series.yaml first)",
        ),
        (
            "spring-series: {name: {az: Yaz, ru: Весна, en: Spring}}\n",
            "series: sprng-series",
            f"{MEETING_FILE}:8:9: series: unknown series 'sprng-series' (did you mean 'spring-series'?; "
            "see ngo_data/series.yaml)",
        ),
        (None, "next: autumn-meeting", None),
        (
            None,
            "next: autum-meeting",
            f"{MEETING_FILE}:8:7: next: unknown meeting 'autum-meeting' (did you mean 'autumn-meeting'?)",
        ),
        (
            None,
            "next: spring-meeting",
            f"{MEETING_FILE}:8:7: next: a record cannot refer to itself (remove this entry)",
        ),
    ],
    ids=["no-series-file", "unknown-series", "next-is-fine", "unknown-next", "next-is-itself"],
)
def test_a_meetings_series_and_follow_up_are_checked(data, series_file, new, expected):
    (data / "meetings" / "autumn-meeting.yaml").write_text(SECOND_MEETING, "utf-8")
    if series_file:
        (data / "series.yaml").write_text(series_file, "utf-8")
    edit(data, "meetings/spring-meeting.yaml", "presenters: [open-aid]", new)
    assert check(data) == ([expected] if expected else [])


def test_a_follow_up_comes_after_the_meeting(data):
    (data / "meetings" / "autumn-meeting.yaml").write_text(
        SECOND_MEETING.replace('"2026-09-01"', '"2026-02-01"'), "utf-8"
    )
    edit(data, "meetings/spring-meeting.yaml", "presenters: [open-aid]", "next: autumn-meeting")
    assert check(data) == [
        f"{MEETING_FILE}:8:7: next: the next meeting, autumn-meeting, starts (2026-02-01) no later than this "
        "one (2026-03-01 10:00) (name the meeting that comes after this one)"
    ]
