"""`ngo-directory issue-reply`: the comment that answers an issue, made from from-issue's report, in
the report's language, with every contributor's text inert."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from issue_forms import render_issue_body
from ngo_directory.cli import main
from ngo_directory.contribute.github_markdown import inert_markdown, markdown_text
from sitetools import copy_project

PR = "https://github.com/example/ngo-directory/pull/12"
RICH = Path(__file__).parent / "issue_bodies" / "rich-ngo.yaml"


def reply(report: dict[str, Any] | str, tmp_path: Path, *options: str) -> Result:
    path = tmp_path / "report.json"
    path.write_text(report if isinstance(report, str) else json.dumps(report), "utf-8")
    return CliRunner().invoke(main, ["issue-reply", str(path), *options])


def from_issue(data: Path, values: dict[str, str], *options: str) -> dict[str, Any]:
    report = data.parent / "from-issue.json"
    CliRunner().invoke(
        main,
        ["from-issue", "-", "--data", str(data), "--date", "2026-12-01", "--report", str(report), *options],
        input=render_issue_body(values).encode(),
    )
    loaded: dict[str, Any] = json.loads(report.read_text("utf-8"))
    return loaded


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = copy_project(tmp_path)[0]
    shutil.copy(RICH, folder / "ngos" / "rich-ngo.yaml")
    return folder


NEW = {
    "name": "Gəncə Gənclər Mərkəzi",
    "description_az": "Kurslar.",
    "regions": "Gəncə",
    "themes": "Gənclər",
}


def test_a_new_record_in_three_languages(data: Path, tmp_path: Path) -> None:
    report = from_issue(data, {**NEW, "language": "en"}, "--author", "octocat")
    assert report["outcome"] == "created" and report["author_maintains"] is True
    result = reply(report, tmp_path, "--pull-request", PR)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Thank you! Your answers are now the record `ngo_data/ngos/gence-gencler-merkezi.yaml`.\n\n"
        f"Pull request: {PR}\n\n"
        "Changed: Name of the organisation, Description in Azerbaijani, Regions where you work, Themes, "
        "Maintainers' GitHub logins.\n\n"
        "**What next:** nothing: the checks run on the pull request. Once the checks pass, the pull request "
        "merges by itself, since you maintain this record.\n"
    )
    az = reply({**report, "language": "az"}, tmp_path, "--pull-request", PR).stdout
    assert az.startswith("Təşəkkür edirik! Cavablarınızdan `ngo_data/ngos/gence-gencler-merkezi.yaml` qeydi")
    assert "Dəyişdi: Təşkilatın adı, Təsvir azərbaycanca," in az
    assert f"Birləşmə sorğusu (pull request): {PR}" in az
    assert "**Sonra nə etməli:** heç nə: birləşmə sorğusu yoxlamalardan keçir." in az
    assert "avtomatik birləşdiriləcək, çünki bu qeydi siz aparırsınız." in az
    ru = reply({**report, "language": "ru"}, tmp_path).stdout
    assert ru.startswith(
        "Спасибо! Из ваших ответов создана запись `ngo_data/ngos/gence-gencler-merkezi.yaml`."
    )
    assert "Запрос на слияние (pull request):" not in ru
    assert "Изменено: Название организации, Описание на азербайджанском," in ru
    assert "**Что дальше:** ничего: запрос на слияние проходит проверки." in ru
    assert "будет слит автоматически, потому что эту запись ведёте вы." in ru


def test_an_update_by_someone_else_waits_for_the_maintainers(data: Path, tmp_path: Path) -> None:
    report = from_issue(
        data,
        {
            "existing": "rich-ngo",
            "name": "Sheki Youth Centre",
            "phones": "+994 12 555 03 03",
            "language": "ru",
        },
        "--author",
        "mallory",
    )
    assert report["author_maintains"] is False and report["maintainers"] == ["alice", "bob"]
    text = reply(report, tmp_path).stdout
    assert text.startswith("Спасибо! Ваши ответы обновляют запись `ngo_data/ngos/rich-ngo.yaml`.")
    assert "Изменено: Телефоны." in text
    assert text.endswith(
        "Когда проверки пройдут, запрос на слияние будет ждать одобрения одного из тех, кто ведёт запись: "
        "@alice, @bob.\n"
    )
    en = reply({**report, "language": "en"}, tmp_path).stdout
    assert en.endswith("waits for the approval of one of the record's maintainers: @alice, @bob.\n")
    az = reply({**report, "language": "az"}, tmp_path).stdout
    assert az.endswith("birləşmə sorğusu qeydi aparanlardan birinin təsdiqini gözləyəcək: @alice, @bob.\n")


def test_the_directory_editors_are_named_as_the_directorys_maintainers(tmp_path: Path) -> None:
    report = {
        "outcome": "updated",
        "file": "ngo_data/ngos/iearn-azerbaijan.yaml",
        "language": "en",
        "author_maintains": False,
        "maintainers": ["directory-editors"],
    }
    assert reply(report, tmp_path).stdout.endswith(
        "Once the checks pass, the pull request waits for the approval of a maintainer of the directory.\n"
    )
    both = {**report, "maintainers": ["octocat", "directory-editors", "not a login", "@evil", "x" * 40]}
    assert reply(both, tmp_path).stdout.endswith(
        "waits for the approval of one of the record's maintainers (@octocat) or of a maintainer of the "
        "directory.\n"
    ), "only logins are mentioned"
    same = {**report, "changed": [], "removed": []}
    assert "Your answers match what the record holds: only its verification date changes." in (
        reply(same, tmp_path).stdout
    )


def test_problems_in_validates_words_and_what_to_do(data: Path, tmp_path: Path) -> None:
    report = from_issue(data, {**NEW, "regions": "Gənce", "language": "az"}, "--author", "octocat")
    assert report["outcome"] == "created" and len(report["problems"]) == 1
    text = reply(report, tmp_path).stdout
    assert "Qeyddə düzəldilməli 1 problem var:\n\n- regions\\[0\\]: naməlum region 'Gənce'" in text
    assert "(ngo\\_data/ngos/gence\\-gencler\\-merkezi.yaml" not in text
    line = report["problems"][0]["line"]
    assert f"(ngo_data/ngos/gence-gencler-merkezi.yaml, sətir {line})" in text
    assert "**Sonra nə etməli:** bu müraciəti redaktə edib cavabları düzəldin;" in text
    ru = reply({**report, "language": "ru"}, tmp_path).stdout
    assert "В записи 1 проблема, которую нужно исправить:" in ru
    two = {**report, "language": "ru", "problems": report["problems"] * 2}
    assert "В записи 2 проблемы, которые нужно исправить:" in reply(two, tmp_path).stdout
    five = {**report, "language": "ru", "problems": report["problems"] * 5}
    assert "В записи 5 проблем, которые нужно исправить:" in reply(five, tmp_path).stdout
    en = reply({**report, "language": "en"}, tmp_path).stdout
    assert "The record has 1 problem to fix:" in en
    assert "**What next:** edit this issue and correct the answers; the pull request follows your edit." in en


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Nothing was created or changed: the answers give the organisation no name."),
        ("az", "Heç nə yaradılmadı və dəyişdirilmədi: cavablarda təşkilatın adı yoxdur."),
        ("ru", "Ничего не создано и не изменено: в ответах нет названия организации."),
    ],
)
def test_a_refusal_says_why_and_that_nothing_was_made(
    data: Path, tmp_path: Path, language: str, sentence: str
) -> None:
    report = from_issue(data, {"description_az": "Kurslar.", "language": language})
    assert report["outcome"] == "refused"
    text = reply(report, tmp_path, "--pull-request", PR).stdout
    assert text.splitlines()[0] == sentence
    assert PR not in text
    steps = {
        "en": "**What next:** edit this issue to correct it; it is read again after your edit.",
        "az": "**Sonra nə etməli:** bu müraciəti redaktə edib düzəldin; düzəlişdən sonra o yenidən oxunacaq.",
        "ru": "**Что дальше:** отредактируйте это обращение и исправьте его; "
        "после правки оно будет прочитано заново.",
    }
    assert text.splitlines()[-1] == steps[language]


HOSTILE = (
    "@octocat <script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1)) "
    "![x](https://evil.example/p.png) #12 owner/repo#3 https://evil.example www.evil.example "
    "`code` **bold** | cell | ~~gone~~ :tada: &amp; \u202e\n::error::forged"
)


def test_contributors_text_stays_text(data: Path, tmp_path: Path) -> None:
    report = from_issue(
        data,
        {**NEW, "language": "en", "regions": HOSTILE.replace("\n", " ").replace(",", ";")},
        "--author",
        "a",
    )
    report["refusal"] = None
    report["problems"].append({"file": "issue", "line": 1, "column": 1, "field": "x", "text": HOSTILE})
    text = reply(report, tmp_path).stdout
    for line in text.splitlines():
        assert not line.startswith("::"), line
    for unsafe in (
        "<script",
        "<img",
        "](",
        "@octocat",
        "#12",
        "repo#3",
        "https://evil",
        "www.evil",
        "\u202e",
    ):
        assert unsafe not in text, unsafe
    assert "&lt;script&gt;" in text and "@&#8203;octocat" in text and "\\#&#8203;12" in text
    assert "\\[link\\]\\(javascript:alert\\(1\\)\\)" in text
    refused = reply({"outcome": "refused", "language": "en", "refusal": HOSTILE}, tmp_path).stdout
    assert "<script" not in refused and "@octocat" not in refused
    assert len(refused.splitlines()) == 3, "one line for the refusal, whatever it holds"


def test_markdown_text_keeps_its_behaviour() -> None:
    """markdown_text is check-pr's summary escape, moved: unchanged; inert_markdown adds to it."""
    assert markdown_text("a|b <i>x</i> [l](u) @m #1") == "a\\|b &lt;i&gt;x&lt;/i&gt; \\[l\\]\\(u\\) @m \\#1"
    assert inert_markdown("a@b.org https://x.org/p www.x.org #1") == (
        "a@&#8203;b.org https:&#8203;//x.org/p www&#8203;.x.org \\#&#8203;1"
    )


@pytest.mark.parametrize(
    ("report", "message"),
    [
        ("not json", "is not a report written by from-issue"),
        ("[]", "the report's 'outcome' is not what from-issue writes"),
        (json.dumps({"outcome": "merged", "language": "en"}), "'outcome'"),
        (json.dumps({"outcome": "created", "language": "de", "file": "ngo_data/ngos/x.yaml"}), "'language'"),
        (json.dumps({"outcome": "created", "language": "en", "file": "../../etc/passwd"}), "'file'"),
        (
            json.dumps(
                {"outcome": "created", "language": "en", "file": "ngo_data/ngos/x.yaml", "problems": [1]}
            ),
            "'problems'",
        ),
        (json.dumps({"outcome": "refused", "language": "en"}), "'refusal'"),
        ("[" * 100_000, "is not a report written by from-issue"),
    ],
)
def test_a_report_from_issue_does_not_write_is_a_usage_error(
    tmp_path: Path, report: str, message: str
) -> None:
    result = reply(report, tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "url",
    [
        "http://github.com/o/r/pull/1",
        "https://github.com/o/r/issues/1",
        "javascript:alert(1)",
        "https://x/o/r/pull/1 x",
    ],
)
def test_a_pull_request_must_be_a_pull_requests_address(tmp_path: Path, url: str) -> None:
    report = {
        "outcome": "created",
        "language": "en",
        "file": "ngo_data/ngos/x.yaml",
        "author_maintains": True,
    }
    result = reply(report, tmp_path, "--pull-request", url)
    assert result.exit_code == 2
    assert "is not the address of a pull request" in result.stderr
