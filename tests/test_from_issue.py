"""The issue form and ``ngo-directory from-issue``: a submitted issue becomes a checked record."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from ngo_directory.cli import main
from ngo_directory.contribute import from_issue
from ngo_directory.contribute.from_issue import (
    CONFIRMATION,
    FIELDS,
    LABELS,
    MODELINE,
    NO_RESPONSE,
    build_record,
    legal_form_options,
    quote,
    read_body,
    vocabulary_options,
)
from ngo_directory.records.loader import load_bytes
from ngo_directory.records.validate import check_data
from sitetools import ROOT, copy_project

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "add-or-update-ngo.yml"
SAMPLE = Path(__file__).parent / "issue_bodies" / "new-ngo.md"
DATE = "2026-01-15"
RECORD = "ngo_data/ngos/gence-gencler-merkezi.yaml"


def sample_answers() -> dict[str, str]:
    answers = read_body(SAMPLE.read_bytes(), "issue.md")
    assert answers.problems == []
    return dict(answers.values)


def render(answers: dict[str, str]) -> str:
    """An issue body as GitHub renders a submitted form: every field in the form's order."""
    parts = [f"### {field.label}\n\n{answers.get(field.id) or NO_RESPONSE}" for field in FIELDS]
    return "\n\n".join(parts) + "\n"


def body(**changes: str) -> str:
    return render({**sample_answers(), **changes})


def run(data: Path, issue: str, *options: str) -> Result:
    return CliRunner().invoke(
        main, ["from-issue", "-", "--data", str(data), "--date", DATE, *options], input=issue.encode()
    )


def lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_project(tmp_path)[0]


# --- The form --------------------------------------------------------------------------------


def form() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(FORM.read_text("utf-8"))
    return loaded


def form_fields() -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in form()["body"] if item["type"] != "markdown"}


def test_form_labels_are_the_parsers_table() -> None:
    """The body holds only labels: the form's must be exactly those the parser looks for."""
    fields = form_fields()
    assert {key: item["attributes"]["label"] for key, item in fields.items()} == LABELS
    assert list(fields) == list(LABELS)  # the same order, so a rendered body reads like the form
    assert {key: item["type"] for key, item in fields.items()} == {f.id: f.type for f in FIELDS}


def test_form_lists_exactly_the_vocabularies() -> None:
    """Region and theme options are the vocabularies' entries, each ending in its slug."""
    fields = form_fields()
    regions = vocabulary_options(ROOT / "ngo_data" / "regions.yaml")
    themes = vocabulary_options(ROOT / "ngo_data" / "themes.yaml")
    paste = "\n".join(f'        - "{option}"' for option in regions + themes)
    for key, expected in (("regions", regions), ("location_region", regions), ("themes", themes)):
        assert fields[key]["attributes"]["options"] == expected, f"the options to paste:\n{paste}"
    assert fields["regions"]["attributes"]["multiple"] is True
    assert fields["themes"]["attributes"]["multiple"] is True
    assert fields["legal_form"]["attributes"]["options"] == legal_form_options()
    for item in fields.values():
        for option in item["attributes"].get("options", []):
            if isinstance(option, str):  # GitHub joins a dropdown's choices with ", "
                assert "," not in option and option != "None"


def test_form_asks_for_the_confirmation() -> None:
    options = form_fields()["confirm"]["attributes"]["options"]
    assert options == [{"label": CONFIRMATION, "required": True}]


def test_form_passes_check_jsonschema() -> None:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.skip("check-jsonschema is not installed")
    result = subprocess.run(
        [tool, "--builtin-schema", "vendor.github-issue-forms", str(FORM)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- A submitted issue -----------------------------------------------------------------------


def test_sample_issue_becomes_a_valid_record(data: Path) -> None:
    result = CliRunner().invoke(
        main, ["from-issue", str(SAMPLE), "--data", str(data), "--date", DATE, "--author", "Submitter"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "the record is valid" in result.stderr
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    assert text.splitlines()[0] == MODELINE
    assert [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()] == [
        "name",
        "acronym",
        "description",
        "founded",
        "legal_form",
        "regions",
        "themes",
        "locations",
        "contacts",
        "maintainers",
        "last_verified",
        "added",
    ]
    directory, problems = check_data(data)
    assert [str(p) for p in problems] == []
    assert directory is not None
    ngo = directory.ngos["gence-gencler-merkezi"]
    assert ngo.name.get("az") == "Gəncə Gənclər Mərkəzi"
    assert ngo.name.get("en") == "Ganja Youth Centre"
    assert ngo.founded == 2004
    assert ngo.maintainers == ("octocat", "hubot", "Submitter")
    document, _ = load_bytes(text.encode(), "x.yaml")
    assert document is not None
    record = document.data
    assert record["regions"] == ["ganja", "sheki"]
    assert record["themes"] == ["youth", "ict"]
    assert record["legal_form"] == {
        "az": "İctimai birlik",
        "ru": "Общественное объединение",
        "en": "Public union",
    }
    assert record["locations"][0]["region"] == "ganja"
    assert record["contacts"]["phones"] == [
        {"type": "office", "number": "+994 22 256 00 00"},
        {"type": "mobile", "number": "+994 55 000 00 00"},
    ]
    assert [s["network"] for s in record["contacts"]["social"]] == ["facebook", "telegram"]
    # A heading that is not one of the form's stays in the description, as Markdown.
    assert "### Tarixçə" in record["description"]["az"]
    assert record["description"]["en"].endswith("- Monday to Friday: 09:00-18:00\n")
    assert record["added"] == record["last_verified"] == DATE


def test_windows_line_endings_as_the_api_gives_them(data: Path) -> None:
    result = run(data, body().replace("\n", "\r\n"))
    assert result.exit_code == 0, result.output
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    assert "\r" not in text


def test_missing_name_and_descriptions_are_named(data: Path) -> None:
    issue = body(name="", name_en="", acronym="", description_az="", description_en="", maintainers="")
    result = run(data, issue)
    assert result.exit_code == 1
    where = "ngo_data/ngos/unnamed-ngo.yaml:2:1"
    assert lines(result) == [
        f"{where}: description: required field is missing (add a 'description:' line)",
        f"{where}: maintainers: required field is missing (add a 'maintainers:' line)",
        f"{where}: name: required field is missing (add a 'name:' line)",
    ]
    assert "3 problems found" in result.stderr
    assert (data / "ngos" / "unnamed-ngo.yaml").exists(), "written, to be fixed by hand"


def test_author_fills_the_maintainers(data: Path) -> None:
    result = run(data, body(maintainers=""), "--author", "octocat")
    assert result.exit_code == 0, result.output
    assert "maintainers: [octocat]" in (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")


def test_unknown_region_is_reported_as_validate_does(data: Path) -> None:
    result = run(data, body(regions="Gəncə · Гянджа · Ganja (ganja), Gəncə, Gence"))
    assert result.exit_code == 1
    assert lines(result) == [
        f"{RECORD}:23:18: regions[1]: unknown region 'Gəncə' "
        "(did you mean 'ganja'? values are the slugs in ngo_data/regions.yaml)",
        f"{RECORD}:23:27: regions[2]: unknown region 'Gence' "
        "(did you mean 'ganja'? values are the slugs in ngo_data/regions.yaml)",
    ]
    validate = CliRunner().invoke(main, ["validate", "--data", str(data)])
    assert validate.exit_code == 1
    assert validate.stdout.splitlines() == lines(result)


def test_invalid_values_get_the_validators_messages(data: Path) -> None:
    result = run(data, body(founded="about 2004", email="info at example.org", website="example.org"))
    assert result.exit_code == 1
    assert [line.split(": ", 1)[1] for line in lines(result)] == [
        "founded: 'about 2004' is not a year such as 2008",
        "contacts.email: 'info at example.org' is not valid: expected an e-mail address such as "
        "info@example.org (check the spelling of the address)",
        "contacts.website: 'example.org' is not valid: expected a web address starting with https:// or "
        "http:// (copy the full address from the browser's address bar)",
    ]


def test_unticked_confirmation_is_a_problem(data: Path) -> None:
    issue = body().replace("- [X] ", "- [ ] ")
    result = run(data, issue)
    assert result.exit_code == 1
    line = issue.splitlines().index(f"### {LABELS['confirm']}") + 1
    assert lines(result) == [
        f"<stdin>:{line}:1: confirm: the box 'I may publish this information on behalf of the "
        "organisation' is not ticked (the directory publishes an organisation's details only with its "
        "agreement)"
    ]


def test_a_body_without_the_form(data: Path) -> None:
    result = run(data, "Please add our NGO, we are in Ganja.\n")
    assert result.exit_code == 1
    assert lines(result)[0] == (
        "<stdin>:1:1: no field of the NGO form was found in the issue "
        "(open the issue with the 'Add or update an NGO' form)"
    )


def test_a_repeated_heading_is_reported(data: Path) -> None:
    """A form heading typed into an answer is ambiguous: reported, so the issue is looked at."""
    issue = body(description_en=f"Courses.\n\n### {LABELS['email']}\n\nspoof@example.org")
    result = run(data, issue)
    assert result.exit_code == 1
    first, again = [n for n, text in enumerate(issue.splitlines(), 1) if text == f"### {LABELS['email']}"]
    assert lines(result) == [
        f"<stdin>:{again}:1: email: the heading '### {LABELS['email']}' appears again (first on line "
        f"{first}) (keep one answer under each heading; this one is ignored)"
    ]


# --- Hostile values stay values --------------------------------------------------------------

HOSTILE = [
    "key: value",
    "# not a comment",
    "&anchor",
    "*alias",
    "!!python/object/apply:os.system ['true']",
    "{a: b}",
    "[a, b]",
    "'single' \"double\" \\ backslash",
    "- item",
    "| block",
    "> folded",
    "@at `tick` %percent",
    "no",
    "null",
    "0o17",
    "  leading and trailing  ",
    "Ünicode Ə ё ٹ 😀",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_stay_values(data: Path, value: str) -> None:
    """Every field written from the issue holds exactly what was typed, nothing more."""
    fields = dict.fromkeys(
        ["name", "acronym", "description_ru", "address", "city", "email", "website", "founded"], value
    )
    result = run(data, body(**fields), "--slug", "gence-gencler-merkezi")
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    document, problems = load_bytes(text.encode(), RECORD)
    assert problems == [], result.output
    assert document is not None
    record = document.data
    typed = value.strip()  # the form's answers are trimmed, as GitHub trims them
    assert record["name"]["az"] == typed
    assert record["acronym"] == typed
    assert record["description"]["ru"] == typed
    assert record["locations"][0]["address"] == typed
    assert record["locations"][0]["city"] == typed
    assert record["contacts"]["email"] == typed
    assert record["contacts"]["website"] == typed
    assert set(record) == {
        "name",
        "acronym",
        "description",
        "founded",
        "legal_form",
        "regions",
        "themes",
        "locations",
        "contacts",
        "maintainers",
        "last_verified",
        "added",
    }


@pytest.mark.parametrize(
    "text",
    [
        "first line\n---\nsecond: document\n...\n%YAML 1.1\n# comment",
        "Markdown:\n\n- a list: with colons\n  - nested\n\n    code block\n\ttab",
        "### A heading of the description\n\n> a quote\n\n```\n|\n```",
    ],
)
def test_multiline_descriptions_stay_one_value(data: Path, text: str) -> None:
    result = run(data, body(description_en=text))
    assert result.exit_code == 0, result.output
    written = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    document, problems = load_bytes(written.encode(), RECORD)
    assert problems == [] and document is not None
    assert document.data["description"]["en"] == text + "\n"
    assert "  en: |\n" in written, "a block, readable in the record"


ESCAPED = ", written as an escape, is not allowed"


@pytest.mark.parametrize(
    ("field", "value", "where", "message"),
    [
        ("name", "Bell\x07", "name.az", "U+0007 control character" + ESCAPED),
        ("acronym", "A\u202eB", "acronym", "U+202E RIGHT-TO-LEFT OVERRIDE" + ESCAPED),
        ("city", "zero\u200bwidth", "locations[0].city", "U+200B ZERO WIDTH SPACE" + ESCAPED),
        ("description_en", "one\x1b[31m\ntwo", "description.en", "U+001B control character" + ESCAPED),
        ("address", "bare\rreturn", "locations[0].address", "U+000D CARRIAGE RETURN" + ESCAPED),
        ("email", "a@b.org\u2028x", "contacts.email", "U+2028 LINE SEPARATOR" + ESCAPED),
    ],
)
def test_control_characters_are_reported_not_kept(
    data: Path, field: str, value: str, where: str, message: str
) -> None:
    result = run(data, body(**{field: value}), "--slug", "gence-gencler-merkezi")
    assert result.exit_code == 1
    [line] = lines(result)
    assert line.startswith(f"{RECORD}:") and f": {where}: {message} (" in line
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    assert text.isprintable() is False and all(c == "\n" or c.isprintable() for c in text), "escaped"


def test_a_line_break_in_a_name_stays_in_the_name(data: Path) -> None:
    result = run(data, body(name="Two\nlines: yes"), "--slug", "gence-gencler-merkezi")
    assert result.exit_code == 1
    assert lines(result) == [
        f"{RECORD}:3:7: name.az: 'Two\\nlines: yes' is not valid: expected one line of text"
    ]


def test_hostile_dropdown_and_logins_stay_values(data: Path) -> None:
    result = run(data, body(themes="ict], evil: [x", maintainers="!!python/object:os.system, @octocat"))
    assert result.exit_code == 1
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    assert 'themes: ["ict]", "evil: [x"]' in text
    assert 'maintainers: ["!!python/object:os.system", octocat]' in text
    assert [line.split(": ", 1)[1].split(" (")[0] for line in lines(result)] == [
        "themes[0]: unknown theme 'ict]'",
        "themes[1]: unknown theme 'evil: [x'",
        "maintainers[0]: '!!python/object:os.system' is not valid: expected a GitHub login such as octocat, "
        "without '@'",
    ]


@pytest.mark.parametrize("value", [*HOSTILE, *(chr(c) for c in range(0x20, 0x7F)), "a\tb", "\\n"])
def test_quote_reads_back(value: str) -> None:
    assert yaml.safe_load(f"k: {quote(value)}") == {"k": value}


# --- Files ------------------------------------------------------------------------------------


def test_an_existing_record_is_not_overwritten(data: Path) -> None:
    assert run(data, body()).exit_code == 0
    path = data / "ngos" / "gence-gencler-merkezi.yaml"
    before = path.read_text("utf-8")
    result = run(data, body(acronym="NEW"))
    assert result.exit_code == 1
    assert "already exists: add --update" in result.stderr
    assert path.read_text("utf-8") == before


def test_update_keeps_added_and_sets_updated(data: Path) -> None:
    issue = body(
        existing="https://example.org/en/ngos/iearn-azerbaijan/", name="iEARN-Azerbaijan", name_en=""
    )
    result = run(data, issue, "--update", "--author", "octocat", "--date", "2026-11-30")
    assert result.exit_code == 0, result.output
    assert "octocat is not among the record's maintainers (directory-editors)" in result.stderr
    text = (data / "ngos" / "iearn-azerbaijan.yaml").read_text("utf-8")
    assert 'name: "iEARN-Azerbaijan"' in text
    assert text.endswith('last_verified: "2026-11-30"\nadded: "2026-11-22"\nupdated: "2026-11-30"\n')
    result = run(data, issue, "--date", "2026-11-23", "--update")
    assert "the record is valid" in result.stderr


def test_update_earlier_than_added_is_reported(data: Path) -> None:
    issue = body(existing="iearn-azerbaijan")
    result = run(data, issue, "--update")
    assert result.exit_code == 1
    assert lines(result) == [
        "ngo_data/ngos/iearn-azerbaijan.yaml:42:10: updated: updated (2026-01-15) is earlier than added "
        "(2026-11-22) (a record cannot change before it was added; check both dates)"
    ]


def test_output_to_stdout_writes_nothing(data: Path) -> None:
    result = run(data, body(), "--output", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(MODELINE + "\n")
    assert not (data / "ngos" / "gence-gencler-merkezi.yaml").exists()
    problems = run(data, body(regions="Nowhere"), "--output", "-")
    assert problems.exit_code == 1
    assert problems.stdout.startswith(MODELINE), "the record alone on standard output"
    assert "unknown region 'Nowhere'" in problems.stderr


def test_slug_clashing_with_a_partner_is_reported(data: Path) -> None:
    result = run(data, body(name="ISAR", name_az="", name_en=""))
    assert result.exit_code == 1
    assert lines(result) == [
        "ngo_data/partners/isar.yaml:1:1: slug 'isar' is already used by ngo_data/ngos/isar.yaml "
        "(every record needs its own file name)"
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--author", "not a login"], "'not a login' is not a GitHub login"),
        (["--slug", "../../etc/passwd"], "is not a slug"),
        (["--date", "15.01.2026"], "is not a date written YYYY-MM-DD"),
    ],
)
def test_bad_options_are_usage_errors(data: Path, options: list[str], message: str) -> None:
    result = run(data, body(), *options)
    assert result.exit_code == 2
    assert message in result.stderr


def test_build_record_directly() -> None:
    answers = read_body(render({"name": "Solo", "confirm": f"- [X] {CONFIRMATION}"}).encode(), "x.md")
    assert answers.problems == []
    text = build_record(answers, today=dt.date(2026, 1, 15))
    assert text == f'{MODELINE}\nname: "Solo"\nlast_verified: "2026-01-15"\nadded: "2026-01-15"\n'
    assert from_issue.slug_for(answers) == "solo"


def test_regions_and_themes_left_empty_are_named(data: Path) -> None:
    """The dropdowns are not required in the form (GitHub would preselect the first option):
    the validator names them when nothing was chosen."""
    assert "validations" not in form_fields()["regions"]
    assert "validations" not in form_fields()["themes"]
    result = run(data, body(regions="None", themes=""))
    assert [line.split(": ", 1)[1] for line in lines(result)] == [
        "regions: required field is missing (add a 'regions:' line)",
        "themes: required field is missing (add a 'themes:' line)",
    ]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ({"name": "iEARN-Azerbaijan"}, 'name: "iEARN-Azerbaijan"\n'),
        ({"name": "Oxfam", "name_en": "Oxfam"}, 'name: "Oxfam"\n'),
        (
            {"name": "Gəncə Mərkəzi", "name_en": "Ganja Centre"},
            'name:\n  az: "Gəncə Mərkəzi"\n  en: "Ganja Centre"\n',
        ),
        (
            {"name": "GM", "name_az": "Gəncə Mərkəzi"},
            'name:\n  az: "Gəncə Mərkəzi"\nother_names:\n  - "GM"\n',
        ),
        ({"name_ru": "Гянджинский центр"}, 'name:\n  ru: "Гянджинский центр"\n'),
    ],
)
def test_a_plain_name_and_its_translations(names: dict[str, str], expected: str) -> None:
    answers = read_body(render(names).encode(), "x.md")
    text = build_record(answers, today=dt.date(2026, 1, 15))
    assert (
        text.removeprefix(MODELINE + "\n").removesuffix('last_verified: "2026-01-15"\nadded: "2026-01-15"\n')
        == expected
    )


def test_update_keeps_every_current_maintainer(data: Path) -> None:
    """An update from the form never drops a maintainer: only the record's own maintainers may
    do that, in a pull request of theirs."""
    record = data / "ngos" / "iearn-azerbaijan.yaml"
    record.write_text(
        record.read_text("utf-8").replace("maintainers: [directory-editors]", "maintainers: [alice, bob]"),
        "utf-8",
    )
    issue = body(
        existing="iearn-azerbaijan", name="iEARN-Azerbaijan", name_en="", maintainers="_No response_"
    )
    result = run(data, issue, "--update", "--author", "alice", "--date", "2026-11-30")
    assert result.exit_code == 0, result.output
    assert "maintainers: [alice, bob]\n" in record.read_text("utf-8")
