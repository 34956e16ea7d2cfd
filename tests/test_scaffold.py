"""Tests for ``ngo-directory new``: the record it writes, the placeholders validate reports until
they are filled in, the slugs it refuses and what the command prints."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from ngo_directory.cli import main
from ngo_directory.contribute.scaffold import ScaffoldError, new_record, scalar
from ngo_directory.i18n import translations
from ngo_directory.records.loader import load_file
from ngo_directory.records.validate import check_data
from ngo_directory.schema import inlined_schema
from sitetools import build, copy_project
from test_schemas_published import SCHEMA_DIR, check_jsonschema

DAY = dt.date(2026, 11, 22)
EPOCH = "1795305600"  # 2026-11-22 (04:00 in Baku)
PLACEHOLDER = "still holds the placeholder written by 'ngo-directory new': write the real value in its place"
REGIONS = (
    "write the slug or ISO code of one of the 79 places in ngo_data/regions.yaml, e.g. 'absheron' or 'AZ-ABS'"
)
THEMES = (
    "children, civil-society, digital-literacy, displaced-people, e-government, education, employment, "
    "gender-equality, human-rights, ict, internet-safety, media, youth"
)
NAMES = {
    "ngo": "Gəncə Gənclər Mərkəzi",
    "partner": "Open Aid Fund",
    "meeting": "Spring meeting in Sheki 2027",
}
SLUGS = {
    "ngo": "gence-gencler-merkezi",
    "partner": "open-aid-fund",
    "meeting": "spring-meeting-in-sheki-2027",
}
FOLDERS = {"ngo": "ngos", "partner": "partners", "meeting": "meetings"}
# What a contributor writes in place of each placeholder.
FILLED = {
    "ngo": [("regions: [REPLACE]", "regions: [ganja]"), ("themes: [REPLACE]", "themes: [youth, ict]")],
    "partner": [("type: REPLACE", "type: donor")],
    "meeting": [
        ('start: "REPLACE: YYYY-MM-DD or YYYY-MM-DD HH:MM"', 'start: "2026-12-06 10:00"'),
        ("region: REPLACE", "region: sheki"),
        ("organisers: [REPLACE]", "organisers: [isar]"),
    ],
}

# The same words for a placeholder left where a region, theme or record slug belongs.
STILL = "still holds the placeholder written by 'ngo-directory new'"


def line_of(text: str, start: str) -> int:
    """The number of the first line of ``text`` that starts with ``start``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def fill_in(text: str, kind: str) -> str:
    """Every placeholder replaced, as a contributor would."""
    for placeholder, value in FILLED[kind]:
        text = text.replace(placeholder, value)
    text = re.sub(r"^(\s+)REPLACE: (.*)$", r"\1Real text: \2.", text, flags=re.MULTILINE)
    return text.replace("REPLACE-your-github-login", "octocat")


def uncomment_optional(text: str, language: str = "en") -> str:
    """Every commented-out field turned on: the header's comment lines and the heading stay."""
    lines = text.splitlines()
    heading = "# " + translations(language).gettext("Optional")
    body = [line if line == heading else re.sub(r"^(\s*)# ", r"\1", line) for line in lines[5:]]
    return "\n".join(lines[:5] + body) + "\n"


def uncommented_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.lstrip().startswith("#")]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_project(tmp_path)[0]


def scaffold(data: Path, kind: str, **options: Any) -> Path:
    return new_record(data, kind, NAMES[kind], day=DAY, **options).path


# --- the file ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["ngo", "partner", "meeting"])
def test_the_file_is_named_by_the_slug_and_starts_with_the_modeline(data: Path, kind: str) -> None:
    path = scaffold(data, kind)
    assert path == data / FOLDERS[kind] / f"{SLUGS[kind]}.yaml"
    text = path.read_text("utf-8")
    assert text.splitlines()[0] == (
        f"# yaml-language-server: $schema=../../src/ngo_directory/schema/{kind}.schema.json"
    )
    doc, problems = load_file(path, path.name)
    assert problems == [] and doc is not None
    field = "title" if kind == "meeting" else "name"
    assert doc.data[field] == NAMES[kind]
    assert doc.data["added"] == "2026-11-22"
    assert doc.data["maintainers"] == ["REPLACE-your-github-login"]
    if kind != "meeting":
        assert doc.data["last_verified"] == "2026-11-22"


def _fields(schema: Any) -> set[str]:
    """Every property name in a schema, at any depth."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.get("properties", {}).items():
            found.add(key)
            found |= _fields(value)
        for key in ("items", "anyOf", "additionalProperties"):
            found |= _fields(schema.get(key))
    elif isinstance(schema, list):
        for item in schema:
            found |= _fields(item)
    return found


@pytest.mark.parametrize("kind", ["ngo", "partner", "meeting"])
def test_every_field_of_the_kind_is_in_the_file(data: Path, kind: str) -> None:
    text = scaffold(data, kind).read_text("utf-8")
    fields = _fields(inlined_schema(kind))
    nested = {"date", "note", "city"} if kind == "meeting" else {"phones", "note", "network", "url", "city"}
    assert nested <= fields
    missing = [
        field for field in sorted(fields) if not re.search(rf"(?<![\w-]){field}:(?: |$)", text, re.MULTILINE)
    ]
    assert missing == []


@pytest.mark.parametrize("kind", ["ngo", "partner", "meeting"])
def test_required_fields_come_first_and_optional_ones_are_commented_out(data: Path, kind: str) -> None:
    text = scaffold(data, kind).read_text("utf-8")
    required = inlined_schema(kind)["required"]
    active = [line.split(":")[0] for line in uncommented_lines(text) if line and not line.startswith(" ")]
    assert sorted(active) == sorted(required)
    assert line_of(text, "# Optional") > max(line_of(text, f"{field}:") for field in required)


@pytest.mark.parametrize(
    "name",
    [
        "Save the Children: Azerbaijan",
        "Oxfam # GB",
        "2008",
        "yes",
        "&Co",
        "*Star",
        "'Quoted'",
        '"Quoted"',
        "- Dash",
        "Ümid",
        "Центр «Надежда»",
        "A  B",
    ],
)
def test_any_name_is_written_so_that_it_reads_back_as_itself(data: Path, name: str) -> None:
    path = new_record(data, "partner", name, slug="any-name", day=DAY).path
    doc, problems = load_file(path, path.name)
    assert problems == [] and doc is not None
    assert doc.data["name"] == name


def test_plain_names_stay_plain() -> None:
    assert scalar("Gəncə Gənclər Mərkəzi") == "Gəncə Gənclər Mərkəzi"
    assert scalar("iEARN-Azerbaijan") == "iEARN-Azerbaijan"
    assert scalar("Oxfam: GB") == '"Oxfam: GB"'
    assert scalar("2008") == '"2008"'


# --- the placeholders: validate reports each one, and the filled-in record builds -------------


def test_validate_reports_each_placeholder_of_an_ngo_at_its_line(data: Path) -> None:
    text = scaffold(data, "ngo").read_text("utf-8")
    file = "ngo_data/ngos/gence-gencler-merkezi.yaml"
    _, problems = check_data(data)
    assert [str(p) for p in problems] == [
        f"{file}:{line_of(text, '  az:')}:7: description.az: {PLACEHOLDER}",
        f"{file}:{line_of(text, '  ru:')}:7: description.ru: {PLACEHOLDER}",
        f"{file}:{line_of(text, '  en:')}:7: description.en: {PLACEHOLDER}",
        f"{file}:{line_of(text, 'regions:')}:11: regions[0]: {STILL} ({REGIONS})",
        f"{file}:{line_of(text, 'themes:')}:10: themes[0]: {STILL} "
        f"(write one of {THEMES}; see ngo_data/themes.yaml)",
        f"{file}:{line_of(text, 'maintainers:')}:15: maintainers[0]: {PLACEHOLDER}",
    ]


def test_validate_reports_each_placeholder_of_a_partner_at_its_line(data: Path) -> None:
    text = scaffold(data, "partner", maintainer="octocat").read_text("utf-8")
    file = "ngo_data/partners/open-aid-fund.yaml"
    _, problems = check_data(data)
    assert [str(p) for p in problems] == [
        f"{file}:{line_of(text, 'type:')}:7: type: 'REPLACE' is not an allowed value "
        "(allowed: donor, intergovernmental, international-ngo, government-agency, company, foundation)",
        f"{file}:{line_of(text, '  az:')}:7: description.az: {PLACEHOLDER}",
        f"{file}:{line_of(text, '  ru:')}:7: description.ru: {PLACEHOLDER}",
        f"{file}:{line_of(text, '  en:')}:7: description.en: {PLACEHOLDER}",
    ]


def test_validate_reports_each_placeholder_of_a_meeting_at_its_line(data: Path) -> None:
    text = scaffold(data, "meeting").read_text("utf-8")
    file = "ngo_data/meetings/spring-meeting-in-sheki-2027.yaml"
    _, problems = check_data(data)
    assert [str(p) for p in problems] == [
        f"{file}:{line_of(text, 'start:')}:8: start: 'REPLACE: YYYY-MM-DD or YYYY-MM-DD HH:MM' is not valid: "
        "expected a date (2026-12-06) or a local date and time (2026-12-06 10:00) "
        "(write YYYY-MM-DD or YYYY-MM-DD HH:MM in the meeting's time zone)",
        f"{file}:{line_of(text, '  region:')}:11: venue.region: {STILL} ({REGIONS})",
        f"{file}:{line_of(text, 'organisers:')}:14: organisers[0]: {STILL} "
        "(write the slug of an NGO or a partner record here)",
        f"{file}:{line_of(text, 'maintainers:')}:15: maintainers[0]: {PLACEHOLDER}",
    ]


def test_validate_command_fails_while_placeholders_are_left(data: Path) -> None:
    scaffold(data, "partner", maintainer="octocat")
    result = CliRunner().invoke(main, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    assert result.stderr == "4 problems found.\n"
    assert result.stdout.count(PLACEHOLDER) == 3


@pytest.mark.parametrize("kind", ["ngo", "partner", "meeting"])
def test_filled_in_the_record_is_valid_and_in_the_directory(data: Path, kind: str) -> None:
    path = scaffold(data, kind)
    text = fill_in(path.read_text("utf-8"), kind)
    assert [line for line in uncommented_lines(text) if "REPLACE" in line] == []
    path.write_text(text, "utf-8")
    directory, problems = check_data(data)
    assert problems == []
    assert directory is not None
    records: dict[str, Any] = getattr(directory, FOLDERS[kind])
    assert SLUGS[kind] in records


@pytest.mark.parametrize("language", ["en", "az", "ru"])
@pytest.mark.parametrize("kind", ["ngo", "partner", "meeting"])
def test_every_commented_out_example_is_valid(data: Path, kind: str, language: str) -> None:
    """Uncommenting the optional fields as they stand gives a valid record, whatever the
    comments' language: the examples teach the right shapes."""
    path = scaffold(data, kind, language=language)
    path.write_text(uncomment_optional(fill_in(path.read_text("utf-8"), kind), language), "utf-8")
    doc, problems = load_file(path, path.name)
    assert problems == [] and doc is not None
    assert "updated" in doc.data and ("contacts" in doc.data) is (kind != "meeting")
    directory, problems = check_data(data)
    assert [str(p) for p in problems] == []
    assert directory is not None


def test_filled_in_records_build_into_the_site(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path)
    for kind in ("ngo", "partner", "meeting"):
        path = scaffold(data, kind, maintainer="octocat")
        path.write_text(fill_in(path.read_text("utf-8"), kind), "utf-8")
    site = build(tmp_path / "output", data, content)
    for kind in ("ngo", "partner", "meeting"):
        page = site / FOLDERS[kind] / SLUGS[kind] / "index.html"
        assert NAMES[kind] in page.read_text("utf-8")


def test_check_jsonschema_also_refuses_the_placeholders(data: Path) -> None:
    """An editor or check-jsonschema reading the published schema flags the same fields."""
    path = scaffold(data, "ngo")
    result = check_jsonschema(SCHEMA_DIR / "ngo.schema.json", path)
    assert result.returncode == 1
    found = set(re.findall(r"::(\$[^:]*): ", result.stdout))
    assert found == {
        "$.description",
        "$.regions[0]",
        "$.themes[0]",
        "$.maintainers[0]",
    }, result.stdout
    path.write_text(fill_in(path.read_text("utf-8"), "ngo"), "utf-8")
    result = check_jsonschema(SCHEMA_DIR / "ngo.schema.json", path)
    assert result.returncode == 0, result.stdout


# --- what is refused --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "existing", "message"),
    [
        (
            "partner",
            "ISAR",
            None,
            "'isar' is already used by ngo_data/partners/isar.yaml: every record needs its own file name, "
            "whatever the case (edit that record, or give another name with --slug)",
        ),
        (
            "ngo",
            "ISAR",
            None,
            "'isar' is already used by ngo_data/partners/isar.yaml: every record needs its own file name, "
            "whatever the case (edit that record, or give another name with --slug)",
        ),
        (
            "ngo",
            "NGO Alpha",
            "meetings/NGO-Alpha.yaml",
            "'ngo-alpha' is already used by ngo_data/meetings/NGO-Alpha.yaml: every record needs its own "
            "file name, whatever the case (edit that record, or give another name with --slug)",
        ),
        (
            "meeting",
            "ngo-alpha",
            "ngos/Ngo-ALPHA.yaml",
            "'ngo-alpha' is already used by ngo_data/ngos/Ngo-ALPHA.yaml: every record needs its own file "
            "name, whatever the case (edit that record, or give another name with --slug)",
        ),
    ],
)
def test_an_existing_slug_of_any_kind_in_any_case_is_refused(
    data: Path, kind: str, name: str, existing: str | None, message: str
) -> None:
    if existing:
        (data / existing).write_text("name: Alpha\n", "utf-8")
    before = sorted(data.rglob("*"))
    with pytest.raises(ScaffoldError) as refused:
        new_record(data, kind, name, day=DAY)
    assert str(refused.value) == message
    assert sorted(data.rglob("*")) == before


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Search", "search"), ("NGOs", "ngos"), ("Feeds", "feeds"), ("CON", "con"), ("Pagefind", "pagefind")],
)
def test_a_reserved_slug_is_refused(data: Path, name: str, slug: str) -> None:
    with pytest.raises(ScaffoldError) as refused:
        new_record(data, "partner", name, day=DAY)
    assert str(refused.value) == (
        f"'{slug}' is a reserved name: the site uses it for its own pages "
        "(choose a more specific name, or give one with --slug)"
    )
    assert not (data / "partners" / f"{slug}.yaml").exists()


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("  ", {}, "the name is empty: write the organisation's or meeting's name"),
        (
            "Line\nbreak",
            {},
            "the name 'Line\\nbreak' holds a line break or an invisible character: "
            "write it on one line, as plain text",
        ),
        (
            "Hidden\u200bspace",
            {},
            "the name 'Hidden\\u200bspace' holds a line break or an invisible character: "
            "write it on one line, as plain text",
        ),
        ("x" * 201, {}, "the name is 201 characters, over the limit of 200: shorten it"),
        ("!!!", {}, "no slug can be made from '!!!': give one with --slug"),
        (
            "Good",
            {"slug": "Not A Slug"},
            "'Not A Slug' is not a slug: use lowercase letters a-z, digits and single hyphens "
            "(at most 80 characters)",
        ),
        (
            "Good",
            {"maintainer": "@octocat"},
            "'@octocat' is not a GitHub login: letters, digits and single hyphens, "
            "at most 39 characters, without '@'",
        ),
        (
            "Good",
            {"schema_url": "ftp://x.org/schemas/"},
            "'ftp://x.org/schemas/' is not a web address: give the folder of the published schemas, "
            "such as https://ngo.example.org/schemas/",
        ),
        ("Good", {"kind": "donor"}, "unknown kind 'donor': use ngo, partner or meeting"),
    ],
)
def test_unusable_input_is_refused(data: Path, name: str, options: dict[str, Any], message: str) -> None:
    kind = options.pop("kind", "ngo")
    with pytest.raises(ScaffoldError) as refused:
        new_record(data, kind, name, day=DAY, **options)
    assert str(refused.value) == message
    assert sorted(p.name for p in (data / "ngos").iterdir()) == [
        "iearn-azerbaijan.yaml",
        "madad-azerbaijan.yaml",
    ]


def test_a_slug_given_with_the_option_is_used(data: Path) -> None:
    path = new_record(data, "partner", "ISAR", slug="isar-baku-office", day=DAY).path
    assert path == data / "partners" / "isar-baku-office.yaml"


def test_the_modeline_can_name_the_published_schemas(data: Path) -> None:
    for url in ("https://ngo.example.org/schemas/", "https://ngo.example.org/schemas"):
        path = new_record(data, "meeting", "Autumn meeting", day=DAY, schema_url=url).path
        assert path.read_text("utf-8").splitlines()[0] == (
            "# yaml-language-server: $schema=https://ngo.example.org/schemas/meeting.schema.json"
        )
        path.unlink()


# --- the command --------------------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["new", *args], env={"SOURCE_DATE_EPOCH": EPOCH})


def test_the_command_writes_the_record_and_says_what_to_do_next(data: Path) -> None:
    result = run("ngo", "Gəncə Gənclər Mərkəzi", "--maintainer", "octocat", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Wrote ngo_data/ngos/gence-gencler-merkezi.yaml; once published, its page is "
        "/ngos/gence-gencler-merkezi/\n"
        "Next:\n"
        "  1. Fill in every REPLACE value in it; uncomment the optional fields you can fill in.\n"
        "  2. Run `make validate` (or `ngo-directory validate`) until it reports no problem.\n"
        "  3. Open a pull request that adds ngo_data/ngos/gence-gencler-merkezi.yaml.\n"
    )
    assert result.stderr == ""
    doc, problems = load_file(data / "ngos" / "gence-gencler-merkezi.yaml", "x")
    assert problems == [] and doc is not None
    assert doc.data["maintainers"] == ["octocat"]
    assert doc.data["added"] == doc.data["last_verified"] == "2026-11-22"


def test_the_command_refuses_an_existing_slug(data: Path) -> None:
    (data / "partners" / "NGO-Alpha.yaml").write_text("name: Alpha\n", "utf-8")
    result = run("ngo", "NGO Alpha", "--data", str(data))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: 'ngo-alpha' is already used by ngo_data/partners/NGO-Alpha.yaml: every record needs its "
        "own file name, whatever the case (edit that record, or give another name with --slug)\n"
    )
    assert not (data / "ngos" / "ngo-alpha.yaml").exists()


def test_the_command_refuses_a_reserved_slug(data: Path) -> None:
    result = run("partner", "Search", "--data", str(data))
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 'search' is a reserved name: the site uses it for its own pages "
        "(choose a more specific name, or give one with --slug)\n"
    )


def test_the_command_checks_its_options(data: Path) -> None:
    result = run("ngo", "Good", "--maintainer", "@octocat", "--data", str(data))
    assert result.exit_code == 2
    assert "'@octocat' is not a GitHub login" in result.stderr
    result = run("ngo", "Good", "--slug", "Not A Slug", "--data", str(data))
    assert result.exit_code == 2
    assert "--slug" in result.stderr
    result = run("donor", "Good", "--data", str(data))
    assert result.exit_code == 2
    assert not (data / "ngos" / "good.yaml").exists()


# --- the comments in the contributor's language -----------------------------------------------


def split_comment(line: str) -> tuple[str, str]:
    """A line as its YAML (or commented-out example) and the comment after it."""
    text, _, comment = line.rpartition("  # ")
    return (text.rstrip(), comment) if text.strip() else (line, "")


@pytest.mark.parametrize("language", ["az", "ru"])
@pytest.mark.parametrize("kind", ["ngo", "partner", "meeting", "programme"])
def test_the_comments_are_in_the_language_and_validate_says_the_same(
    tmp_path: Path, kind: str, language: str
) -> None:
    """The record's comments and placeholders' explanations follow --lang; its fields, values and
    line numbers do not, so validate reports exactly what it reports for the English file."""
    name = NAMES.get(kind, "Tech Age Girls 2030")
    english_data = copy_project(tmp_path / "en")[0]
    translated_data = copy_project(tmp_path / language)[0]
    english = new_record(english_data, kind, name, day=DAY).path.read_text("utf-8").splitlines()
    path = new_record(translated_data, kind, name, day=DAY, language=language).path
    translated = path.read_text("utf-8").splitlines()
    doc, problems = load_file(path, path.name)
    assert problems == [] and doc is not None
    assert [str(p) for p in check_data(translated_data)[1]] == [str(p) for p in check_data(english_data)[1]]
    assert len(translated) == len(english)
    gettext = translations(language).gettext
    optional = "# " + gettext("Optional")
    same = []
    for line, english_line in zip(translated[4:], english[4:], strict=True):
        if english_line.startswith("    REPLACE: "):  # a description's placeholder explains itself
            assert line.startswith("    REPLACE: ") and line != english_line
            continue
        if english_line == "# Optional":
            assert line == optional
            continue
        text, comment = split_comment(line)
        english_text, english_comment = split_comment(english_line)
        assert text == english_text
        if comment and comment == english_comment:
            same.append(comment)
    assert translated[0] == english[0]
    assert [a == b for a, b in zip(translated[1:4], english[1:4], strict=True)] == [False] * 3
    assert set(same) <= {"Markdown"}
    assert optional in translated
    assert (
        f"maintainers: [REPLACE-your-github-login]  # {gettext('GitHub logins allowed to edit this record')}"
        in (translated)
    )


def test_the_comments_read_well_in_each_language(data: Path) -> None:
    texts = {
        language: new_record(data, "ngo", NAMES["ngo"], slug=f"ggm-{language}", day=DAY, language=language)
        .path.read_text("utf-8")
        .splitlines()
        for language in ("az", "ru", "en")
    }
    assert texts["az"][1:4] == [
        "# Bu fayl QHT-ni təsvir edir; hər sahə README.md faylında (Records bölməsi) izah olunur.",
        "# Hər REPLACE dəyərinin yerinə əsl dəyəri yazın. «İstəyə bağlı sahələr» altında doldura "
        "biləcəyiniz hər sahənin əvvəlindəki '# ' işarəsini silin, qalan sahələri isə silin.",
        "# Problem qalmayana qədər `make validate` (və ya `ngo-directory validate`) işə salın.",
    ]
    assert texts["ru"][1:4] == [
        "# Этот файл описывает НПО; каждое поле объяснено в README.md (раздел Records).",
        "# Впишите настоящее значение вместо каждого REPLACE. В разделе «Необязательные поля» удалите '# ' "
        "перед каждым полем, которое можете заполнить, а остальные поля удалите.",
        "# Запускайте `make validate` (или `ngo-directory validate`), "
        "пока он не перестанет находить проблемы.",
    ]
    assert "    REPLACE: QHT-nin nə ilə məşğul olduğu, rus dilində" in texts["az"]
    assert "    REPLACE: чем занимается НПО, на азербайджанском" in texts["ru"]
    assert "    REPLACE: what the NGO does, in English" in texts["en"]
    phones = [line for line in texts["ru"] if line.startswith("#   phones:")]
    assert phones[0].endswith("# type: office, mobile, fax или whatsapp")


def test_the_command_writes_the_comments_in_its_language(data: Path) -> None:
    result = run("partner", "Open Aid Fund", "--data", str(data), "--lang", "ru")
    assert result.exit_code == 0, result.output
    text = (data / "partners" / "open-aid-fund.yaml").read_text("utf-8")
    assert "# Этот файл описывает партнёра; каждое поле объяснено в README.md (раздел Records)." in text
    assert result.stdout.startswith("Записан ngo_data/partners/open-aid-fund.yaml")
