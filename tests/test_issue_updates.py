"""Updates through the issue form: field by field, nothing lost that the answers did not name, the
record's comments and layout kept, and the issue's author never made a maintainer by it."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from issue_forms import render_issue_body
from ngo_directory.cli import main
from ngo_directory.contribute.issue_record import Settings, turn_issue
from ngo_directory.records.loader import load_bytes
from sitetools import ROOT, copy_project

RICH = Path(__file__).parent / "issue_bodies" / "rich-ngo.yaml"
PAGE = "https://example.org/ru/ngos/rich-ngo/"
DATE = "2026-12-01"


def load(text: str) -> dict[str, Any]:
    document, problems = load_bytes(text.encode(), "x.yaml")
    assert document is not None, problems
    loaded: dict[str, Any] = document.data
    return loaded


BASE = load(RICH.read_text("utf-8"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = copy_project(tmp_path)[0]
    shutil.copy(RICH, folder / "ngos" / "rich-ngo.yaml")
    return folder


def update(data: Path, *options: str, **values: str) -> tuple[Result, dict[str, Any]]:
    """from-issue on an update of rich-ngo (name as the record has it, unless given)."""
    issue = render_issue_body({"existing": PAGE, "name": "Sheki Youth Centre", "language": "en", **values})
    report = data.parent / "report.json"
    result = CliRunner().invoke(
        main,
        ["from-issue", "-", "--data", str(data), "--date", DATE, "--report", str(report), *options],
        input=issue.encode(),
    )
    return result, json.loads(report.read_text("utf-8"))


def text_of(data: Path, slug: str = "rich-ngo") -> str:
    return (data / "ngos" / f"{slug}.yaml").read_text("utf-8")


def changed_lines(data: Path) -> list[tuple[str, str]]:
    """The lines that differ from the original record, side by side (both files have as many)."""
    before, after = RICH.read_text("utf-8").splitlines(), text_of(data).splitlines()
    assert len(before) == len(after), "\n".join(after)
    return [(a, b) for a, b in zip(before, after, strict=True) if a != b]


def test_answers_equal_to_the_record_change_only_its_verification(data: Path) -> None:
    result, report = update(data, "--author", "alice")
    assert result.exit_code == 0, result.output
    assert changed_lines(data) == [('last_verified: "2026-11-22"', f'last_verified: "{DATE}"')]
    assert report["changed"] == [] and report["removed"] == []
    assert report["outcome"] == "updated" and report["author_maintains"] is True


def test_a_translation_sets_that_language_alone(data: Path) -> None:
    result, report = update(data, description_ru="Новые курсы.", name_en="Sheki Youth Center Ltd")
    assert result.exit_code == 0, result.output
    after = load(text_of(data))
    assert after["description"] == {**BASE["description"], "ru": "Новые курсы."}
    assert after["name"] == {**BASE["name"], "en": "Sheki Youth Center Ltd"}
    assert report["changed"] == ["name_en", "description_ru"]
    text = text_of(data)
    assert "acronym: ŞGM                      # the organisation's own\n" in text, "comments stay"
    assert text.startswith(RICH.read_text("utf-8").split("name:")[0]), "the head comment stays"
    assert after["updated"] == DATE and after["added"] == BASE["added"]


def test_lists_add_and_known_entries_keep_their_details(data: Path) -> None:
    result, report = update(
        data,
        phones="024 244 00 00 (fax)\n+994 12 555 03 03",
        social="https://facebook.com/example/\nhttps://t.me/example",
        regions="Bakı, Шеки",
        themes="ict",
        locations="Nizami küçəsi 12 | Gəncə | | Kitabxana\nFüzuli 1 | Bakı | Bakı",
    )
    assert result.exit_code == 0, result.output
    after = load(text_of(data))
    phones = after["contacts"]["phones"]
    assert phones[0] == {
        "type": "fax",
        "number": "+994 24 244 00 00",
        "note": {"az": "Qəbul", "en": "Reception"},
    }
    assert phones[1:] == [BASE["contacts"]["phones"][1], {"type": "office", "number": "+994 12 555 03 03"}]
    assert after["contacts"]["social"] == [
        *BASE["contacts"]["social"],
        {"network": "telegram", "url": "https://t.me/example"},
    ]
    assert after["regions"] == ["sheki", "ganja", "baku"]
    assert after["themes"] == ["youth", "education", "ict"]
    first, second, third = after["locations"]
    assert first == BASE["locations"][0]
    assert second == {**BASE["locations"][1], "name": "Kitabxana"}, "matched by address and city"
    assert third == {"name": "Bakı", "address": "Füzuli 1", "city": "Bakı", "region": "baku"}
    assert {
        key: after[key] for key in ("registration", "languages", "partners", "funders", "other_names")
    } == {key: BASE[key] for key in ("registration", "languages", "partners", "funders", "other_names")}
    assert report["changed"] == ["regions", "themes", "locations", "phones", "social"]


def test_remove_then_a_list_makes_exactly_that_list(data: Path) -> None:
    result, report = update(
        data,
        remove="phones, Адреса",
        phones="+994 24 244 00 00\n+994 12 555 03 03",
        locations="12 Nizami Street | Gəncə\n| Quba | Quba",
    )
    assert result.exit_code == 0, result.output
    after = load(text_of(data))
    assert after["contacts"]["phones"] == [
        BASE["contacts"]["phones"][0],
        {"type": "office", "number": "+994 12 555 03 03"},
    ], "the kept phone keeps its note"
    assert after["locations"] == [
        BASE["locations"][1],
        {"name": "Quba", "city": "Quba", "region": "guba"},
    ], "the kept place keeps its translations"
    assert report["removed"] == ["locations", "phones"]


def test_remove_by_id_or_label_in_any_language(data: Path) -> None:
    result, report = update(data, remove="description_ru, Veb-sayt, Acronym, Регионы работы")
    assert result.exit_code == 1, "regions are required: validate says so"
    after = load(text_of(data))
    assert after["description"] == {"az": BASE["description"]["az"], "en": BASE["description"]["en"]}
    assert "website" not in after["contacts"] and after["contacts"]["email"] == BASE["contacts"]["email"]
    assert "acronym" not in after and "regions" not in after
    assert report["removed"] == ["acronym", "description_ru", "regions", "website"]
    assert [p["text"] for p in report["problems"]] == [
        "regions: required field is missing (add a 'regions:' line)"
    ]


def test_remove_naming_no_field_is_a_problem(data: Path) -> None:
    result, report = update(data, remove="maintainers, nonsense")
    assert result.exit_code == 1
    allowed = (
        "(allowed: name_az, name_ru, name_en, acronym, description_az, description_ru, description_en, "
        "legal_form, founded, regions, themes, locations, phones, email, website, social)"
    )
    assert [(p["field"], p["text"]) for p in report["problems"]] == [
        ("remove", f"remove: 'maintainers' is not a field that can be removed {allowed}"),
        ("remove", f"remove: 'nonsense' is not a field that can be removed {allowed}"),
    ]
    assert load(text_of(data))["maintainers"] == ["alice", "bob"]


def test_remove_on_a_new_record_is_a_problem(tmp_path: Path) -> None:
    data = copy_project(tmp_path)[0]
    issue = render_issue_body(
        {"name": "Yeni QHT", "description_en": "New.", "regions": "baku", "themes": "ict", "remove": "phones"}
    )
    result = CliRunner().invoke(
        main,
        ["from-issue", "-", "--data", str(data), "--date", DATE, "--author", "octocat"],
        input=issue.encode(),
    )
    assert result.exit_code == 1
    line = issue.splitlines().index("### Silinəcək sahələr · Удалить поля · Fields to remove") + 1
    assert result.stdout.splitlines() == [
        f"<stdin>:{line}:1: remove: a new record has no fields to remove (for an update, give the "
        "organisation's page in the first field)"
    ]


def test_another_organisations_page_never_adds_the_author(data: Path) -> None:
    """Naming someone else's page rewrites nothing else and claims nothing for the author."""
    before = text_of(data, "iearn-azerbaijan")
    issue = render_issue_body(
        {
            "existing": "https://example.org/en/ngos/iearn-azerbaijan/",
            "name": "iEARN-Azerbaijan",
            "phones": "+994 12 555 03 03",
        }
    )
    report_file = data.parent / "r.json"
    result = CliRunner().invoke(
        main,
        [
            "from-issue",
            "-",
            "--data",
            str(data),
            "--date",
            DATE,
            "--author",
            "mallory",
            "--report",
            str(report_file),
        ],
        input=issue.encode(),
    )
    assert result.exit_code == 0, result.output
    report = json.loads(report_file.read_text("utf-8"))
    after = load(text_of(data, "iearn-azerbaijan"))
    assert after["maintainers"] == ["directory-editors"]
    assert report["author_maintains"] is False
    assert report["maintainers"] == ["directory-editors"]
    assert report["changed"] == ["phones"]
    old = load(before)
    assert {k: v for k, v in after.items() if k not in ("contacts", "last_verified", "updated")} == {
        k: v for k, v in old.items() if k != "last_verified"
    }
    assert "mallory is not among the record's maintainers (directory-editors)" in result.stderr


def test_a_maintainers_answer_is_a_claim_without_the_author(data: Path) -> None:
    result, report = update(data, "--author", "mallory", maintainers="@carol")
    assert result.exit_code == 0, result.output
    assert load(text_of(data))["maintainers"] == ["alice", "bob", "carol"]
    assert report["maintainers"] == ["alice", "bob"], "who may approve: the maintainers before the claim"
    assert report["author_maintains"] is False and report["changed"] == ["maintainers"]


def test_a_maintainer_updating_is_told_so(data: Path) -> None:
    result, report = update(data, "--author", "BOB", founded="2000")
    assert result.exit_code == 0, result.output
    assert report["author_maintains"] is True
    assert load(text_of(data))["maintainers"] == ["alice", "bob"]
    assert "\nfounded: 2000\nlegal_form:" in text_of(data)


def test_a_plain_name_takes_translations(data: Path) -> None:
    issue = render_issue_body(
        {"existing": "madad-azerbaijan", "name": "Madad Azerbaijan", "name_ru": "Мадад Азербайджан"}
    )
    result = CliRunner().invoke(
        main, ["from-issue", "-", "--data", str(data), "--date", DATE], input=issue.encode()
    )
    assert result.exit_code == 0, result.output
    assert load(text_of(data, "madad-azerbaijan"))["name"] == {
        "az": "Madad Azerbaijan",
        "ru": "Мадад Азербайджан",
    }


def test_a_new_spelling_of_a_translated_name_becomes_another_name(data: Path) -> None:
    result, report = update(data, name="ŞGM Gənclik")
    assert result.exit_code == 0, result.output
    after = load(text_of(data))
    assert after["name"] == BASE["name"]
    assert after["other_names"] == [*BASE["other_names"], "ŞGM Gənclik"]
    assert report["changed"] == ["name"]


def test_an_update_dated_before_it_was_added_is_reported(data: Path) -> None:
    result, report = update(data, "--date", "2026-01-15", founded="2000")
    assert result.exit_code == 1
    assert [p["text"] for p in report["problems"]] == [
        "updated: updated (2026-01-15) is earlier than added (2026-11-22) (a record cannot change before it "
        "was added; check both dates)"
    ]


@pytest.mark.parametrize(
    ("values", "language"),
    [
        ({"language": "RU"}, "ru"),
        ({"language": "English"}, "en"),
        ({"language": "Deutsch", "description_en": "Courses."}, "en"),
        ({"notes": "Пожалуйста, обновите телефон Gəncə."}, "ru"),
        ({"notes": "Telefonu yeniləyin."}, "az"),
        ({"notes": "Please update the phone."}, "az"),  # no sign of the language: the default
        ({"description_ru": "Курсы для молодёжи.", "description_en": "Courses."}, "ru"),
    ],
)
def test_the_reports_language(data: Path, values: dict[str, str], language: str) -> None:
    _, report = update(data, **{"language": "", **values})
    assert report["language"] == language


# --- Nothing is lost that the answers did not name --------------------------------------------

SMALL = ("regions.yaml", "themes.yaml", "partners/irex.yaml", "partners/usaid.yaml")
LETTERS = st.characters(
    codec="utf-8",
    categories=("L", "N", "Zs"),
    include_characters="əğışçöüİƏ:#&*!|>'\"%@`{}[],-.\\/?",
    exclude_characters="\u2028\u2029\x85",
)
ONE_LINE = st.text(LETTERS, min_size=1, max_size=30).map(str.strip).filter(bool)
PHONES = st.sampled_from(
    [
        "+994 24 244 00 00",
        "024 244 00 00",
        "+994 50 244 00 00 (whatsapp)",
        "+994 12 555 03 03",
        "+994 12 555 03 04 (faks)",
    ]
)
PLACES = st.sampled_from(
    [
        "M. F. Axundov küçəsi 5 | Şəki",
        "5 M. F. Akhundov Street | Sheki | sheki | Mərkəz",
        "12 Nizami Street | Gəncə",
        "Füzuli 1 | Bakı | baku",
        "| Quba | Quba",
    ]
)


@st.composite
def answers(draw: st.DrawFn) -> dict[str, str]:
    values = {
        "existing": "rich-ngo",
        "name": draw(st.sampled_from(["Sheki Youth Centre", "Şəki Gənclər Mərkəzi"])),
    }
    optional = {
        "name_az": ONE_LINE,
        "name_en": ONE_LINE,
        "acronym": ONE_LINE,
        "description_ru": st.text(LETTERS | st.just("\n"), min_size=1, max_size=80)
        .map(str.strip)
        .filter(bool),
        "legal_form": st.sampled_from(["Fond", "Фонд", "Kooperativ"]),
        "founded": st.sampled_from(["1999", "2001"]),
        "regions": st.sampled_from(["Bakı", "sheki, Гянджа", "Quba"]),
        "themes": st.sampled_from(["ict", "Gənclər"]),
        "locations": st.lists(PLACES, min_size=1, max_size=3).map("\n".join),
        "phones": st.lists(PHONES, min_size=1, max_size=3).map("\n".join),
        "email": st.sampled_from(["new@example.org", "info@example.org"]),
        "website": st.sampled_from(["https://example.com"]),
        "social": st.sampled_from(["https://t.me/example", "https://www.facebook.com/example/"]),
        "maintainers": st.sampled_from(["carol", "@alice"]),
    }
    for field_id in draw(st.lists(st.sampled_from(sorted(optional)), unique=True)):
        values[field_id] = draw(optional[field_id])
    return values


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value]


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small") / "ngo_data"
    for name in SMALL:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "ngo_data" / name, folder / name)
    (folder / "ngos").mkdir()
    shutil.copy(RICH, folder / "ngos" / "rich-ngo.yaml")
    return folder


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None
)
@given(values=answers())
def test_no_update_loses_what_it_did_not_name(small_data: Path, values: dict[str, str]) -> None:
    issue = render_issue_body(values).encode()
    outcome = turn_issue(
        issue, "issue.md", Settings(data_path=small_data), today=dt.date(2026, 12, 1), author="mallory"
    )
    assert outcome.outcome == "updated", outcome.refusal
    assert outcome.text is not None
    after = load(outcome.text)
    base = copy.deepcopy(BASE)
    # Translations: every language an answer did not set is as it was.
    for top in ("name", "description"):
        for lang, text in base[top].items():
            if not values.get(f"{top}_{lang}"):
                assert after[top][lang] == text, (top, lang)
    # Contacts: every phone and link is still there with everything it had, but a type named.
    for old in base["contacts"]["phones"]:
        [new] = [p for p in after["contacts"]["phones"] if p["number"] == old["number"]]
        assert {k: v for k, v in new.items() if k != "type"} == {k: v for k, v in old.items() if k != "type"}
    assert after["contacts"]["social"][: len(base["contacts"]["social"])] == base["contacts"]["social"]
    for key in ("email", "website"):
        assert after["contacts"][key] == (values.get(key) or base["contacts"][key])
    # Places: every place is still there, with all it had but a region or name the answer gave.
    assert len(after["locations"]) >= len(base["locations"])
    for old, new in zip(base["locations"], after["locations"], strict=False):
        assert {k: v for k, v in new.items() if k not in ("region", "name")} == {
            k: v for k, v in old.items() if k not in ("region", "name")
        }
    # What the form does not cover is untouched; lists only grow; the author is never added.
    for key in ("registration", "languages", "partners", "funders", "added"):
        assert after[key] == base[key]
    for key in ("regions", "themes", "other_names", "maintainers"):
        assert after[key][: len(base[key])] == base[key]
    assert "mallory" not in after["maintainers"]
    # Every contributor string is a string, read back exactly.
    assert all(isinstance(s, str) for s in _strings(after))
