"""The issue form and ``ngo-directory from-issue``: a submitted issue becomes the record it meant,
new or updated field by field, or is refused with nothing written."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from issue_forms import NGO_FORM, form_elements, render_issue_body
from ngo_directory.cli import main
from ngo_directory.contribute.from_issue import (
    CONFIRMATION,
    FIELDS,
    LABELS,
    MAX_ENTRIES,
    max_body_bytes,
    read_body,
)
from ngo_directory.contribute.issue_answers import LEGAL_FORMS, Terms, key, legal_form
from ngo_directory.contribute.record_yaml import MODELINE
from ngo_directory.records.loader import DEFAULT_MAX_BYTES, load_bytes
from ngo_directory.records.validate import check_data
from sitetools import ROOT, copy_project

SAMPLE = Path(__file__).parent / "issue_bodies" / "new-ngo.md"
DATE = "2026-01-15"
RECORD = "ngo_data/ngos/gence-gencler-merkezi.yaml"
VALUES = {
    "name": "Gəncə Gənclər Mərkəzi",
    "name_en": "Ganja Youth Centre",
    "acronym": "GGM",
    "description_az": "Gənclər üçün kompüter və dil kursları, yerli QHT-lər üçün görüş otağı.\n\n"
    "### Tarixçə\n\n"
    'Bu başlıq formun deyil, təsvirin başlığıdır: "sitat", #heşteq, 50% & more: iki nöqtə.',
    "description_en": "Computer and language courses for young people,\n"
    "and a meeting room for local NGOs.\n\n- Monday to Friday: 09:00-18:00",
    "legal_form": "İctimai birlik",
    "founded": "2004",
    "regions": "Gəncə, Шеки",
    "themes": "Gənclər, ict",
    "locations": "Nizami küçəsi 12 | Gəncə | Gəncə",
    "phones": "+994 22 256 00 00\n+994 55 000 00 00 (mobil)",
    "email": "info@example.org",
    "website": "https://example.org",
    "social": "https://www.facebook.com/example\nhttps://t.me/example",
    "maintainers": "@octocat, https://github.com/hubot",
    "notes": "Registered with the Ministry of Justice in 2004.",
}


def body(confirmed: bool = True, /, **changes: str) -> str:
    return render_issue_body({**VALUES, **changes}, confirmed=confirmed)


def run(data: Path, issue: str | bytes, *options: str) -> Result:
    raw = issue.encode() if isinstance(issue, str) else issue
    return CliRunner().invoke(
        main, ["from-issue", "-", "--data", str(data), "--date", DATE, *options], input=raw
    )


def reported(data: Path, issue: str | bytes, *options: str) -> tuple[Result, dict[str, Any]]:
    """Run from-issue with --report; the result and the report."""
    report = data.parent / "report.json"
    result = run(data, issue, "--report", str(report), *options)
    return result, json.loads(report.read_text("utf-8"))


def lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


def record(data: Path, slug: str = "gence-gencler-merkezi") -> dict[str, Any]:
    text = (data / "ngos" / f"{slug}.yaml").read_text("utf-8")
    document, problems = load_bytes(text.encode(), "x.yaml")
    assert document is not None, problems
    loaded: dict[str, Any] = document.data
    return loaded


def written(data: Path) -> set[str]:
    return {path.name for path in (data / "ngos").iterdir()}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_project(tmp_path)[0]


# --- The form --------------------------------------------------------------------------------


def form_fields() -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in form_elements()}


def test_form_labels_are_the_parsers_table() -> None:
    """The body holds only labels: the form's must be exactly those the parser looks for."""
    fields = form_fields()
    assert {key: item["attributes"]["label"] for key, item in fields.items()} == LABELS
    assert list(fields) == list(LABELS)  # the same order, so a rendered body reads like the form
    assert {key: item["type"] for key, item in fields.items()} == {f.id: f.type for f in FIELDS}
    for field in FIELDS:
        assert len(field.labels) == 3 and field.label == " · ".join(field.labels)


def test_every_field_the_site_fills_is_a_text_field() -> None:
    """GitHub pre-fills only inputs and textareas from an address: no dropdown is left."""
    assert {item["type"] for item in form_elements()} == {"input", "textarea", "checkboxes"}
    assert [item["id"] for item in form_elements() if item["type"] == "checkboxes"] == ["confirm"]
    required = [item["id"] for item in form_elements() if item.get("validations", {}).get("required")]
    assert required == ["name"]


def test_form_says_where_the_lists_are() -> None:
    """Regions and themes are typed: their descriptions say where the list is, in each language."""
    fields = form_fields()
    for field, file, page in (
        ("regions", "regions.yaml", "Regionlar"),
        ("themes", "themes.yaml", "Mövzular"),
    ):
        description = fields[field]["attributes"]["description"]
        az, ru, en = description.split(" · ")
        assert all(f"`ngo_data/{file}`" in part for part in (az, ru, en)), description
        assert page in az
    assert "office, mobile, fax, whatsapp" in fields["phones"]["attributes"]["description"]
    assert "address | city or village | region | name" in fields["locations"]["attributes"]["description"]


def test_every_region_and_theme_name_resolves_to_its_slug() -> None:
    for vocabulary in ("regions", "themes"):
        path = ROOT / "ngo_data" / f"{vocabulary}.yaml"
        terms = Terms.read(path)
        entries = yaml.safe_load(path.read_text("utf-8"))
        names = {
            slug: [slug, entry.get("iso", slug), *entry["name"].values(), *entry.get("also_known_as", [])]
            for slug, entry in entries.items()
        }
        shared = Counter(key(name) for slug in names for name in {key(n) for n in names[slug]})
        for slug, entry_names in names.items():
            for name in entry_names:
                if shared[key(name)] > 1:  # two places' name: kept as written for validate to ask
                    assert terms.slug(name) == name, (vocabulary, name)
                    continue
                assert terms.slug(name) == slug, (vocabulary, name)
                assert terms.slug(f"  {name.upper()} ") == slug, (vocabulary, name)
    assert Terms.read(ROOT / "ngo_data" / "regions.yaml").slug("Şəki") == "Şəki"
    regions = Terms.read(ROOT / "ngo_data" / "regions.yaml")
    assert regions.slug("İSMAYILLI") == regions.slug("ismayıllı") == "ismayilli"
    assert regions.slug("Gənce") == "Gənce", "not a name: kept for validate's 'did you mean'"


@pytest.mark.parametrize("names", LEGAL_FORMS)
def test_legal_forms_in_any_language(names: tuple[str, str, str]) -> None:
    expected = dict(zip(("az", "ru", "en"), names, strict=True))
    for name in (*names, " · ".join(names), names[2].lower()):
        assert legal_form(name) == expected
    assert legal_form("Kooperativ") == "Kooperativ"


def test_form_asks_for_the_confirmation() -> None:
    options = form_fields()["confirm"]["attributes"]["options"]
    assert options == [{"label": CONFIRMATION, "required": True}]


def test_form_passes_check_jsonschema() -> None:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.skip("check-jsonschema is not installed")
    result = subprocess.run(
        [tool, "--builtin-schema", "vendor.github-issue-forms", str(NGO_FORM)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_sample_issue_is_the_form_rendered() -> None:
    """tests/issue_bodies/new-ngo.md is what GitHub renders for VALUES: it follows the form."""
    assert SAMPLE.read_text("utf-8") == render_issue_body(VALUES) + "\n"
    answers = read_body(SAMPLE.read_bytes(), "issue.md")
    assert answers.problems == [] and answers.refusal is None
    assert {key: value for key, value in answers.values.items() if value and key != "confirm"} == VALUES


def test_render_issue_body_is_githubs_layout() -> None:
    text = render_issue_body({"name": "Solo"}, confirmed=False)
    assert text.startswith(f"### {LABELS['existing']}\n\n_No response_\n\n### {LABELS['language']}\n\n")
    assert f"### {LABELS['name']}\n\nSolo\n\n" in text
    assert text.endswith(f"### {LABELS['confirm']}\n\n- [ ] {CONFIRMATION}")
    with pytest.raises(KeyError):
        render_issue_body({"nmae": "typo"})


# --- A new record ----------------------------------------------------------------------------


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
    data_ = record(data)
    assert data_["regions"] == ["ganja", "sheki"], "names in any language become slugs"
    assert data_["themes"] == ["youth", "ict"]
    assert data_["legal_form"] == {
        "az": "İctimai birlik",
        "ru": "Общественное объединение",
        "en": "Public union",
    }
    assert data_["locations"] == [
        {
            "name": {"az": "Əsas ofis", "ru": "Главный офис", "en": "Main office"},
            "address": "Nizami küçəsi 12",
            "city": "Gəncə",
            "region": "ganja",
        }
    ]
    assert data_["contacts"]["phones"] == [
        {"type": "office", "number": "+994 22 256 00 00"},
        {"type": "mobile", "number": "+994 55 000 00 00"},
    ]
    assert [s["network"] for s in data_["contacts"]["social"]] == ["facebook", "telegram"]
    # A heading that is not one of the form's stays in the description, as Markdown.
    assert "### Tarixçə" in data_["description"]["az"]
    assert data_["description"]["en"].endswith("- Monday to Friday: 09:00-18:00\n")
    assert data_["added"] == data_["last_verified"] == DATE
    assert "notes" not in text and "Ministry" not in text, "the notes are for the editors"


def test_windows_line_endings_as_the_api_gives_them(data: Path) -> None:
    result = run(data, body().replace("\n", "\r\n"))
    assert result.exit_code == 0, result.output
    assert "\r" not in (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("+994 22 256 00 00 (fax)", {"type": "fax", "number": "+994 22 256 00 00"}),
        ("+994 22 256 00 00 (Faks)", {"type": "fax", "number": "+994 22 256 00 00"}),
        ("+994 50 256 00 00 (WhatsApp)", {"type": "whatsapp", "number": "+994 50 256 00 00"}),
        ("+994 22 256 00 00 (рабочий)", {"type": "office", "number": "+994 22 256 00 00"}),
        ("+994 50 256 00 00 (мобильный)", {"type": "mobile", "number": "+994 50 256 00 00"}),
        ("+994 22 256 00 00", {"type": "office", "number": "+994 22 256 00 00"}),
        ("+994 50 256 00 00", {"type": "mobile", "number": "+994 50 256 00 00"}),
    ],
)
def test_phone_types_in_any_language(data: Path, answer: str, expected: dict[str, str]) -> None:
    result = run(data, body(phones=answer))
    assert result.exit_code == 0, result.output
    assert record(data)["contacts"]["phones"] == [expected]


def test_places_one_a_line(data: Path) -> None:
    places = "Nizami küçəsi 12 | Gəncə | Gəncə\n| Şəki | Шеки\nBazar 1 | Gəncə | ganja | Kitabxana"
    result = run(data, body(locations=places))
    assert result.exit_code == 0, result.output
    assert record(data)["locations"] == [
        {
            "name": {"az": "Əsas ofis", "ru": "Главный офис", "en": "Main office"},
            "address": "Nizami küçəsi 12",
            "city": "Gəncə",
            "region": "ganja",
        },
        {"name": "Şəki", "city": "Şəki", "region": "sheki"},
        {"name": "Kitabxana", "address": "Bazar 1", "city": "Gəncə", "region": "ganja"},
    ]


def test_a_place_without_region_takes_the_only_one(data: Path) -> None:
    assert run(data, body(regions="ganja", locations="Nizami 12 | Gəncə")).exit_code == 0
    assert record(data)["locations"][0]["region"] == "ganja"


def test_missing_descriptions_are_named(data: Path) -> None:
    result = run(data, body(description_az="", description_en="", maintainers=""))
    assert result.exit_code == 1
    assert [line.split(": ", 1)[1] for line in lines(result)] == [
        "description: required field is missing (add a 'description:' line)",
        "maintainers: required field is missing (add a 'maintainers:' line)",
    ]
    assert "2 problems found" in result.stderr
    assert "gence-gencler-merkezi.yaml" in written(data), "written, to be fixed"


def test_author_fills_the_maintainers(data: Path) -> None:
    result = run(data, body(maintainers=""), "--author", "octocat")
    assert result.exit_code == 0, result.output
    assert "maintainers: [octocat]" in (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")


def test_unknown_region_is_reported_as_validate_does(data: Path) -> None:
    result = run(data, body(regions="Gəncə, Gənce, Nowhere"))
    assert result.exit_code == 1
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    line = text.splitlines().index('regions: [ganja, "Gənce", Nowhere]') + 1
    assert lines(result) == [
        f"{RECORD}:{line}:18: regions[1]: unknown region 'Gənce' "
        "(did you mean 'ganja'? values are the slugs in ngo_data/regions.yaml)",
        f"{RECORD}:{line}:27: regions[2]: unknown region 'Nowhere' (write the slug or ISO code of one of the "
        "79 places in ngo_data/regions.yaml, e.g. 'absheron' or 'AZ-ABS')",
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


def test_slug_clashing_with_a_partner_is_reported(data: Path) -> None:
    result = run(data, body(name="ISAR", name_en=""))
    assert result.exit_code == 1
    assert lines(result) == [
        "ngo_data/partners/isar.yaml:1:1: slug 'isar' is already used by ngo_data/ngos/isar.yaml "
        "(every record needs its own file name)"
    ]


def test_output_to_stdout_writes_nothing(data: Path) -> None:
    result = run(data, body(), "--output", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(MODELINE + "\n")
    assert "gence-gencler-merkezi.yaml" not in written(data)
    problems = run(data, body(regions="Nowhere"), "--output", "-")
    assert problems.exit_code == 1
    assert problems.stdout.startswith(MODELINE), "the record alone on standard output"
    assert "unknown region 'Nowhere'" in problems.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--author", "not a login"], "'not a login' is not a GitHub login"),
        (["--slug", "../../etc/passwd"], "is not a slug"),
        (["--date", "15.01.2026"], "is not a date written YYYY-MM-DD"),
        (["--update"], "No such option '--update'"),
    ],
)
def test_bad_options_are_usage_errors(data: Path, options: list[str], message: str) -> None:
    result = run(data, body(), *options)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "gence-gencler-merkezi.yaml" not in written(data)


def test_an_unreadable_issue_is_a_usage_error(data: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["from-issue", str(tmp_path / "missing.md"), "--data", str(data)])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


# --- Refused: nothing written ----------------------------------------------------------------


def test_55000_phone_numbers_are_refused_at_once(data: Path) -> None:
    phones = "\n".join(f"+994 12 {n // 10000:03d} {n // 100 % 100:02d} {n % 100:02d}" for n in range(55_000))
    issue = body(phones=phones, language="en")
    assert len(issue.encode()) > max_body_bytes(DEFAULT_MAX_BYTES)
    before = written(data)
    start = time.perf_counter()
    result, report = reported(data, issue, "--author", "octocat")
    elapsed = time.perf_counter() - start
    assert result.exit_code == 2, result.output
    assert elapsed < 0.5, f"refused in {elapsed:.2f} s"
    assert written(data) == before, "no record, no stub"
    assert report["outcome"] == "refused" and report["file"] is None
    limit = f"{max_body_bytes(DEFAULT_MAX_BYTES):,}"
    assert report["language"] == "az", "never decoded: the site's default language"
    assert report["refusal"] == f"müraciət {limit} baytdan uzundur"
    assert "Refused, nothing written: the issue is" in result.stderr


def test_the_body_limit_is_the_record_limit_and_the_forms_text() -> None:
    empty = render_issue_body({}).encode()
    assert max_body_bytes(DEFAULT_MAX_BYTES) - DEFAULT_MAX_BYTES >= len(empty)
    assert max_body_bytes(1000) == max_body_bytes(DEFAULT_MAX_BYTES) - DEFAULT_MAX_BYTES + 1000


@pytest.mark.parametrize("field", ["phones", "social", "locations", "regions", "themes", "maintainers"])
def test_a_list_over_its_cap_is_refused_before_any_work(data: Path, field: str) -> None:
    limit = MAX_ENTRIES[field]
    entry = {
        "phones": "+994 12 555 {n:02d} {n:02d}",
        "social": "https://t.me/example{n}",
        "locations": "Street {n} | Gəncə",
        "regions": "region{n}",
        "themes": "theme{n}",
        "maintainers": "login{n}",
    }[field]
    separator = "\n" if field in ("phones", "social", "locations") else ", "
    at_limit = separator.join(entry.format(n=n) for n in range(limit))
    over = separator.join(entry.format(n=n) for n in range(limit + 1))
    before = written(data)
    result, report = reported(data, body(language="en", **{field: over}))
    assert result.exit_code == 2, result.output
    assert written(data) == before
    label = next(f for f in FIELDS if f.id == field).labels[2]
    assert report["refusal"] == (
        f"the answer '{label}' holds {limit + 1:,} entries, more than the {limit} it may take"
    )
    assert run(data, body(**{field: at_limit}), "--output", "-").exit_code in (0, 1)


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        (
            "en",
            "the box 'I may publish this information on behalf of the organisation' is not ticked: the "
            "directory publishes an organisation's details only with its agreement",
        ),
        (
            "az",
            "'Bu məlumatı təşkilatın adından dərc etməyə icazəm var' xanası işarələnməyib: "
            "kataloq təşkilatın məlumatlarını yalnız onun razılığı ilə dərc edir",
        ),
        (
            "ru",
            "флажок 'Я вправе опубликовать эти сведения от имени организации' не отмечен: каталог публикует "
            "сведения об организации только с её согласия",
        ),
    ],
)
def test_an_unticked_box_is_refused_in_the_reports_language(data: Path, language: str, refusal: str) -> None:
    before = written(data)
    result, report = reported(data, body(False, language=language))
    assert result.exit_code == 2
    assert written(data) == before
    assert report["refusal"] == refusal
    assert report["language"] == language


def test_a_body_without_the_form_is_refused(data: Path) -> None:
    result, report = reported(data, "Please add our NGO, we are in Ganja.\n")
    assert result.exit_code == 2
    assert report["language"] == "az", "no answer to tell the language by: the site's default"
    assert report["refusal"] == (
        "müraciətdə QHT formasının heç bir sahəsi tapılmadı: "
        "müraciəti 'QHT əlavə et və ya yenilə' forması ilə açın"
    )
    assert "open the issue with the 'Add or update an NGO' form" in result.stderr
    result, report = reported(data, b"\xff\xfe### broken")
    assert result.exit_code == 2
    assert report["refusal"] == "müraciət düzgün UTF-8 deyil (bayt 0)"


def test_a_new_record_under_a_taken_name_is_refused(data: Path) -> None:
    before = (data / "ngos" / "iearn-azerbaijan.yaml").read_text("utf-8")
    result, report = reported(data, body(name="IEARN Azerbaijan", name_en="", language="en"))
    assert result.exit_code == 2
    assert report["refusal"] == (
        "the directory already has ngo_data/ngos/iearn-azerbaijan.yaml: to update it, give its page's "
        "address in 'For an update: the existing page'"
    )
    assert (data / "ngos" / "iearn-azerbaijan.yaml").read_text("utf-8") == before


def test_an_update_of_no_record_is_refused(data: Path) -> None:
    before = written(data)
    result, report = reported(data, body(existing="https://example.org/ngos/no-such-ngo/", language="en"))
    assert result.exit_code == 2
    assert written(data) == before
    assert report["refusal"] == (
        "the directory has no organisation 'no-such-ngo': check the page's address, or leave 'For an "
        "update: the existing page' empty to add a new organisation"
    )


def test_answers_without_a_name_are_refused(data: Path) -> None:
    before = written(data)
    issue = body(name="", name_en="", acronym="", language="en")
    result, report = reported(data, issue)
    assert result.exit_code == 2
    assert written(data) == before, "no 'unnamed-ngo.yaml'"
    assert report["refusal"] == "the answers give the organisation no name"


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
    fields = dict.fromkeys(["name", "acronym", "description_ru", "email", "website", "founded"], value)
    result = run(data, body(locations=f"{value} | {value}", **fields), "--slug", "gence-gencler-merkezi")
    assert result.exit_code in (0, 1)
    data_ = record(data)
    typed = value.strip()  # the form's answers are trimmed, as GitHub trims them
    assert data_["name"]["az"] == typed
    assert data_["acronym"] == typed
    assert data_["description"]["ru"] == typed
    assert data_["founded"] == typed
    assert data_["locations"][0]["address"] == typed
    assert data_["locations"][0]["city"] == typed
    assert data_["contacts"]["email"] == typed
    assert data_["contacts"]["website"] == typed
    assert set(data_) == {
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
    assert record(data)["description"]["en"] == text + "\n"
    assert "  en: |\n" in (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8"), "a block"


ESCAPED = ", written as an escape, is not allowed"


@pytest.mark.parametrize(
    ("field", "value", "where", "message"),
    [
        ("name", "Bell\x07", "name.az", "U+0007 control character" + ESCAPED),
        ("acronym", "A\u202eB", "acronym", "U+202E RIGHT-TO-LEFT OVERRIDE" + ESCAPED),
        ("locations", "x | zero\u200bwidth", "locations[0].city", "U+200B ZERO WIDTH SPACE" + ESCAPED),
        ("description_en", "one\x1b[31m\ntwo", "description.en", "U+001B control character" + ESCAPED),
        ("description_ru", "bare\rreturn", "description.ru", "U+000D CARRIAGE RETURN" + ESCAPED),
        ("email", "a@b.org\u2028x", "contacts.email", "U+2028 LINE SEPARATOR" + ESCAPED),
        ("name_en", "Iso\u2066late", "name.en", "U+2066 LEFT-TO-RIGHT ISOLATE" + ESCAPED),
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
    assert all(c == "\n" or c.isprintable() for c in text), "escaped"


def test_a_line_break_in_a_name_stays_in_the_name(data: Path) -> None:
    result = run(data, body(name="Two\nlines: yes", name_en=""), "--slug", "gence-gencler-merkezi")
    assert result.exit_code == 1
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    assert 'name: "Two\\nlines: yes"\n' in text
    assert [line.split(": ", 1)[1] for line in lines(result)] == [
        "name: 'Two\\nlines: yes' is not valid: expected one line of text"
    ]


def test_hostile_vocabularies_and_logins_stay_values(data: Path) -> None:
    result = run(data, body(themes="ict], evil: [x", maintainers="!!python/object:os.system, @octocat"))
    assert result.exit_code == 1
    text = (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    assert 'themes: [ict, "evil: [x"]' in text or 'themes: ["ict]", "evil: [x"]' in text
    assert 'maintainers: ["!!python/object:os.system", octocat]' in text
    assert [line.split(": ", 1)[1].split(" (")[0] for line in lines(result)][-1] == (
        "maintainers[0]: '!!python/object:os.system' is not valid: expected a GitHub login such as octocat, "
        "without '@'"
    )
