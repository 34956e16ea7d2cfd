"""The commands in the contributor's language: validate, check-pr, new and from-issue speak az,
ru and en through the site's catalogs; values, field paths and file names stay as written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ngo_directory.cli import main
from ngo_directory.schema import ERROR_MESSAGES, SCHEMAS, load_schema
from sitetools import ROOT, copy_project
from test_check_pr import MEETING, NGO, commit, git, write

# One folder with problems of every source: the loader, the schema (its own rules and the
# schema files' errorMessage texts), the vocabularies, references between records, the
# bookkeeping dates, file names, and a press release.
BROKEN = {
    "ngo_data/ngos/dup-key.yaml": "name: X\nname: Y\n",
    "ngo_data/ngos/Bad_Name.yaml": "name: Z\n",
    "ngo_data/ngos/notes.txt": "not a record\n",
    "ngo_data/ngos/many-problems.yaml": (
        "name: Many Problems\n"
        "regions: [Gəncə]\n"
        "themes: [youthh]\n"
        "founded: abc\n"
        "website: ftp://example.org\n"
        "colour: blue\n"
        "partners: [oxfamm, many-problems]\n"
        "description: {az: '', xx: y}\n"
        "maintainers: ['@octocat']\n"
        'last_verified: "2026-02-30"\n'
        'added: "2026-03-01"\n'
        'updated: "2026-01-01"\n'
    ),
    "ngo_data/ngos/anchors.yaml": "name: &a A\nother_names: [*a]\n",
    "content/press/broken-release.md": (
        "Title: Broken\nDate: 2026-01-05\nSlug: Not A Slug\nLang: xx\nOrganization: nobody-at-all\n"
        "Save_as: x.html\n\nText with a [link]({filename}/../../etc/passwd).\n"
    ),
}
WHERE = re.compile(r"^(?P<where>[^:]+:\d+:\d+: (?:[\w.\[\]]+: )?)(?P<text>.*)$")


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("broken")
    copy_project(tmp)
    for name, text in BROKEN.items():
        (tmp / name).write_text(text, "utf-8")
    return tmp


def validate(folder: Path, *options: str, env: dict[str, str] | None = None) -> tuple[list[str], str]:
    result = CliRunner(env=env).invoke(
        main, ["validate", "--data", str(folder / "ngo_data"), "--content", str(folder / "content"), *options]
    )
    assert result.exit_code == 1, result.output
    return result.stdout.splitlines(), result.stderr.strip()


def english_fragments(lines: list[str]) -> set[str]:
    """Runs of three or more English words in the messages, with quoted values left out."""
    found = set()
    for line in lines:
        text = re.sub(r"'[^']*'|\"[^\"]*\"|\S*[/.]\S*", " ", WHERE.match(line)["text"])  # type: ignore[index]
        found |= set(re.findall(r"[a-z]+(?: [a-z]+){2,}", text))
    return found


@pytest.mark.parametrize("language", ["az", "ru"])
def test_validate_translates_every_message(broken: Path, language: str) -> None:
    english, english_total = validate(broken, "--lang", "en")
    translated, total = validate(broken, "--lang", language)
    assert len(english) > 25
    assert len(translated) == len(english)
    english_phrases = english_fragments(english)
    assert english_phrases
    for before, after in zip(english, translated, strict=True):
        ours, theirs = WHERE.match(before), WHERE.match(after)
        assert ours and theirs, (before, after)
        # The same file, line, column and field; a different text quoting the same values.
        assert theirs["where"] == ours["where"]
        assert theirs["text"] != ours["text"], after
        quoted = re.findall(r"(?<!\w)'[^']*'(?!\w)", ours["text"])
        for value in quoted:
            if value not in ("'---'", "'|'", "'%'"):
                assert value in theirs["text"], (value, after)
    # No English sentence is left: no run of three English words outside the quoted values.
    assert english_fragments(translated) & english_phrases == set()
    assert total != english_total
    assert re.search(r"\d+", total)


def test_a_record_problem_has_the_same_values_in_every_language(broken: Path) -> None:
    lines = {language: validate(broken, "--lang", language)[0] for language in ("az", "ru", "en")}
    region = [line for line in lines["en"] if "regions[0]" in line]
    assert region == [
        "ngo_data/ngos/many-problems.yaml:2:11: regions[0]: unknown region 'Gəncə' "
        "(did you mean 'ganja'? values are the slugs in ngo_data/regions.yaml)"
    ]
    assert (
        "ngo_data/ngos/many-problems.yaml:2:11: regions[0]: naməlum region 'Gəncə' "
        "(bəlkə 'ganja' nəzərdə tutulub? dəyərlər ngo_data/regions.yaml faylındakı slug-lardır)"
    ) in lines["az"]
    assert (
        "ngo_data/ngos/many-problems.yaml:2:11: regions[0]: неизвестный регион 'Gəncə' "
        "(может быть, имелось в виду 'ganja'? значения — это slug из ngo_data/regions.yaml)"
    ) in lines["ru"]


def test_github_annotations_follow_the_language(broken: Path) -> None:
    lines, _ = validate(broken, "--lang", "ru", "--format", "github")
    annotations = [line for line in lines if line.startswith("::error ")]
    assert annotations and len(annotations) * 2 == len(lines)
    assert any("неизвестный регион 'Gəncə'" in line for line in annotations)


@pytest.mark.parametrize(
    ("variables", "language"),
    [
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANGUAGE": "", "LC_ALL": "az_AZ.UTF-8", "LANG": "en_GB.UTF-8"}, "az"),
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LANGUAGE": "de:ru:en", "LANG": "en_GB.UTF-8"}, "ru"),
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}, "az"),
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}, "az"),
    ],
)
def test_default_language_comes_from_the_environment(
    broken: Path, variables: dict[str, str], language: str
) -> None:
    """LANGUAGE, then LC_ALL, LC_MESSAGES and LANG; anything else gives the site's default, az."""
    expected, _ = validate(broken, "--lang", language)
    assert validate(broken, env=variables)[0] == expected


def test_valid_data_summary_is_translated() -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "ru", "--data", str(ROOT / "ngo_data")])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"OK: за [\d.]+ с проверено: "
        r"\d+ НПО, \d+ партн\w+, \d+ встреч\w*, \d+ программ\w*, \d+ регион\w*, \d+ тем\w*\.",
        result.stderr.strip(),
    )


# --- the schema files' own messages ---------------------------------------------------------------


def collect(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "errorMessage":
                found.add(value)
            else:
                found |= collect(value)
    elif isinstance(node, list):
        for item in node:
            found |= collect(item)
    return found


def test_every_schema_error_message_is_in_the_catalogs() -> None:
    """Each "errorMessage" of the schema files is listed for the catalogs, and nothing else is."""
    in_schemas = set().union(*(collect(load_schema(name)) for name in SCHEMAS))
    assert in_schemas == set(ERROR_MESSAGES)
    for name in SCHEMAS:
        json.loads((ROOT / "src/ngo_directory/schema" / f"{name}.schema.json").read_text("utf-8"))


# --- check-pr, new and from-issue -----------------------------------------------------------------


@pytest.fixture
def pr_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "commit.gpgsign", "false")
    write(root, {"ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta Union", maintainers="bob")})
    commit(root, "base")
    git(root, "tag", "base")
    write(
        root, {"ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta", maintainers="bob"), "Makefile": "x\n"}
    )
    commit(root)
    return root


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "az",
            [
                "Makefile: directory-code: kataloqun kodu, şablonları, ayarları və ya sənədləri; "
                "bunu yalnız kataloqun redaktoru dəyişə bilər (təsdiqləyə bilər: kataloqun redaktoru)",
            ],
        ),
        ("ru", ["ngo_data/ngos/ngo-beta.yaml: not-a-maintainer: редактирует запись, которую alice не ведёт"]),
    ],
)
def test_check_pr_speaks_the_language(pr_repo: Path, language: str, expected: list[str]) -> None:
    result = CliRunner().invoke(
        main, ["check-pr", "--repo", str(pr_repo), "--base", "base", "--author", "alice", "--lang", language]
    )
    assert result.exit_code == 1
    for start in expected:
        assert any(line.startswith(start) for line in result.stdout.splitlines()), (start, result.stdout)
    verdict = {
        "az": "Təsdiq lazımdır: 2 faylda 2 irad (2 dəyişmiş fayl).",
        "ru": "Нужно одобрение: 2 замечания в 2 файлах (2 изменённых файла).",
    }
    assert result.stderr.strip() == verdict[language]


@pytest.mark.parametrize(
    ("language", "steps"),
    [
        ("az", ["Sonra:", "%(file)s faylını əlavə edən birləşmə sorğusu (pull request) açın."]),
        ("ru", ["Дальше:", "Откройте запрос на слияние (pull request), который добавляет %(file)s."]),
    ],
)
def test_new_speaks_the_language(tmp_path: Path, language: str, steps: list[str]) -> None:
    data, _ = copy_project(tmp_path)
    result = CliRunner().invoke(
        main, ["new", "ngo", "Gəncə Gənclər Mərkəzi", "--data", str(data), "--lang", language]
    )
    assert result.exit_code == 0, result.output
    file = "ngo_data/ngos/gence-gencler-merkezi.yaml"
    lines = result.stdout.splitlines()
    assert lines[1] == steps[0]
    assert lines[-1] == "  3. " + steps[1] % {"file": file}
    again = CliRunner().invoke(
        main, ["new", "ngo", "Gəncə Gənclər Mərkəzi", "--data", str(data), "--lang", language]
    )
    assert again.exit_code == 1
    word = {"az": "artıq", "ru": "уже занято"}[language]
    assert f"'gence-gencler-merkezi' {word}" in again.stderr


@pytest.mark.parametrize(
    ("language", "closing", "refused"),
    [
        ("az", "yazıldı; 1 problem tapıldı.", "Rədd edildi, heç nə yazılmadı: "),
        ("ru", "найдена 1 проблема.", "Отклонено, ничего не записано: "),
    ],
)
def test_from_issue_speaks_the_language(tmp_path: Path, language: str, closing: str, refused: str) -> None:
    data, _ = copy_project(tmp_path)
    body = (ROOT / "tests/issue_bodies/new-ngo.md").read_text("utf-8")
    issue = tmp_path / "issue.md"
    issue.write_text(body.replace("Gəncə, Шеки", "Gəncə, Nowhere"), "utf-8")
    command = ["from-issue", str(issue), "--data", str(data), "--author", "octocat", "--lang", language]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1, result.output
    unknown = {"az": "naməlum region 'Nowhere'", "ru": "неизвестный регион 'Nowhere'"}[language]
    assert any(unknown in line for line in result.stdout.splitlines()), result.output
    assert result.stderr.strip().splitlines()[-1].endswith(closing)
    issue.write_text(body.replace("- [X]", "- [ ]"), "utf-8")
    (data / "ngos" / "gence-gencler-merkezi.yaml").unlink()
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2, result.output
    box = {"az": "xanası işarələnməyib", "ru": "не отмечен"}[language]
    assert result.stderr.startswith(refused) and box in result.stderr, result.stderr
    assert not (data / "ngos" / "gence-gencler-merkezi.yaml").exists()


# --- the commands' refusals, usage errors and the check-pr summary -------------------------------


def run(args: list[str], language: str) -> Any:
    return CliRunner().invoke(main, [*args, "--lang", language])


def assert_translated(english: str, translated: str, values: list[str], phrase: str) -> None:
    """``translated`` says ``english`` in another language: a different text quoting the same
    values (paths, slugs, logins), and without ``phrase``, the English sentence around them."""
    assert translated != english
    assert phrase in english, english
    assert phrase not in translated, translated
    for value in values:
        assert value in english, (value, english)
        assert value in translated, (value, translated)


def unreadable_copies(root: Path) -> None:
    """A repository whose second commit touches press releases and records whose base or new
    copy cannot be read, each for another reason."""
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "commit.gpgsign", "false")
    press = "Title: News\nDate: 2026-01-02\nOrganization: ngo-beta\n\nText.\n"
    write(
        root,
        {
            "ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta", maintainers="alice"),
            "ngo_data/ngos/no-maintainers.yaml": NGO.format(name="Nobody", maintainers=""),
            "ngo_data/ngos/a-list.yaml": "- one\n- two\n",
            "ngo_data/ngos/huge.yaml": NGO.format(name="Huge", maintainers="alice") + "#" * 300_000 + "\n",
            "content/press/no-organisation.md": "Title: News\nDate: 2026-01-02\n\nText.\n",
            "content/press/latin1.md": "placeholder\n",
            "content/press/loses-organisation.md": press,
            "content/press/becomes-latin1.md": press,
        },
    )
    (root / "content/press/latin1.md").write_bytes(b"Title: \xe9\n")
    (root / "content/press/was-a-link.md").symlink_to("no-organisation.md")
    commit(root, "base")
    git(root, "tag", "base")
    write(
        root,
        {
            "ngo_data/ngos/no-maintainers.yaml": NGO.format(name="Nobody Else", maintainers=""),
            "ngo_data/ngos/a-list.yaml": "- one\n",
            "ngo_data/ngos/huge.yaml": NGO.format(name="Huge", maintainers="alice"),
            "ngo_data/ngos/broken.yaml": "name: [unclosed\n",
            "content/press/no-organisation.md": "Title: Other news\nDate: 2026-01-02\n\nText.\n",
            "content/press/loses-organisation.md": "Title: News\nDate: 2026-01-02\n\nText.\n",
        },
    )
    (root / "content/press/latin1.md").unlink()
    (root / "content/press/becomes-latin1.md").write_bytes(b"Title: \xe9\nOrganization: ngo-beta\n")
    (root / "content/press/was-a-link.md").unlink()
    (root / "content/press/was-a-link.md").write_text(press, "utf-8")
    commit(root)


# The English of each reason, as the findings give it.
UNREADABLE = {
    "content/press/becomes-latin1.md": "the new copy cannot be read (it is not UTF-8 text)",
    "content/press/latin1.md": (
        "deletes a press release whose base copy cannot be read (it is not UTF-8 text)"
    ),
    "content/press/loses-organisation.md": "the new copy names no organisation (an 'Organization:' line)",
    "content/press/no-organisation.md": (
        "edits a press release whose base copy names no organisation (an 'Organization:' line)"
    ),
    "content/press/was-a-link.md": (
        "edits a press release whose base copy cannot be read (it is a symbolic link)"
    ),
    "ngo_data/ngos/a-list.yaml": "edits a record whose base copy cannot be read (it is not a map of fields)",
    "ngo_data/ngos/broken.yaml": "adds a record that cannot be read (YAML syntax error",
    "ngo_data/ngos/huge.yaml": (
        "edits a record whose base copy cannot be read (it is over the size limit of 262,144 bytes)"
    ),
    "ngo_data/ngos/no-maintainers.yaml": (
        "edits a record whose base copy cannot be read (it lists no maintainers)"
    ),
}


@pytest.mark.parametrize("language", ["az", "ru"])
def test_check_pr_says_why_a_copy_cannot_be_read(tmp_path: Path, language: str) -> None:
    unreadable_copies(tmp_path)
    args = ["check-pr", "--repo", str(tmp_path), "--base", "base", "--author", "alice"]
    english, translated = run(args, "en"), run(args, language)
    assert english.exit_code == translated.exit_code == 1
    ours, theirs = english.stdout.splitlines(), translated.stdout.splitlines()
    assert len(theirs) == len(ours)
    for file, reason in UNREADABLE.items():
        found = [i for i, line in enumerate(ours) if line.startswith(f"{file}: ") and reason in line]
        assert len(found) == 1, (file, reason, english.stdout)
        line, their = ours[found[0]], theirs[found[0]]
        where = line.split(": ", 2)
        assert_translated(line, their, [f"{where[0]}: {where[1]}: "], reason)
        assert "(may approve: " in line and "(may approve: " not in their
    lines = dict(line.split(": ", 1) for line in theirs)
    assert "262,144" in lines["ngo_data/ngos/huge.yaml"]
    assert "'Organization:'" in lines["content/press/loses-organisation.md"]


@pytest.mark.parametrize(
    ("case", "values", "phrase"),
    [
        ("revision", ["'no-such-rev'"], "unknown revision"),
        ("dash", ["'--help'"], "unknown revision"),
        ("folder", [], "not a git repository"),
        ("author", ["--author 'a b'"], "is not a GitHub login"),
        ("team", ["'x y'"], "in the maintainers team is not a GitHub login"),
        ("settings", ["missing.py"], "is not a file in the base revision"),
        ("setting", ["pelicanconf.py: NGO_DIRECTORY_MAINTAINERS_TEAM", "['octocat']", "--team"], "must be"),
    ],
)
@pytest.mark.parametrize("language", ["az", "ru"])
def test_check_pr_usage_errors_speak_the_language(
    pr_repo: Path, tmp_path: Path, language: str, case: str, values: list[str], phrase: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    options = {
        "revision": ["--base", "no-such-rev", "--author", "alice"],
        "dash": ["--base", "--help", "--author", "alice"],
        "folder": ["--repo", str(empty), "--base", "base", "--author", "alice"],
        "author": ["--base", "base", "--author", "a b"],
        "team": ["--base", "base", "--author", "alice", "--team", "x y"],
        "settings": ["--base", "base", "--author", "alice", "--settings", "missing.py"],
        "setting": ["--base", "base", "--author", "alice"],
    }[case]
    if case == "setting":
        write(pr_repo, {"pelicanconf.py": "NGO_DIRECTORY_MAINTAINERS_TEAM = 'root'\n"})
        commit(pr_repo)
        git(pr_repo, "tag", "-f", "base")
    args = ["check-pr", "--repo", str(pr_repo), *options]
    english, translated = run(args, "en"), run(args, language)
    assert english.exit_code == translated.exit_code == 2
    assert english.stderr.startswith("Error: ") and translated.stderr.startswith("Error: ")
    if case in ("revision", "folder"):
        values = [*values, str(empty if case == "folder" else pr_repo)]
    assert_translated(english.stderr, translated.stderr, values, phrase)


RUSSIAN_SUMMARY = [
    "## Кто что может менять",
    "",
    "**Ждёт одобрения:** 2 замечания всё ещё ждут одобрения одного из названных ниже.",
    "",
    "| файл | изменение | вердикт | одобрили | может одобрить |",
    "| --- | --- | --- | --- | --- |",
    "| Makefile | добавлен | нужно одобрение: directory\\-code | \\- | редактор каталога |",
    "| ngo\\_data/meetings/meeting\\-one.yaml | добавлен | можно слить \\(на рассмотрение: 1\\) "
    "| \\- | \\- |",
    "| ngo\\_data/ngos/ngo\\-beta.yaml | изменён | нужно одобрение: not\\-a\\-maintainer | \\- "
    "| @&#8203;bob |",
    "",
    "### Нужно одобрение",
    "",
    "- Makefile: directory\\-code: код, шаблоны, настройки или документация каталога; изменять это "
    "может только редактор каталога \\(может одобрить: редактор каталога\\)",
    "- ngo\\_data/ngos/ngo\\-beta.yaml: not\\-a\\-maintainer: редактирует запись, которую alice не ведёт "
    "в базовой ревизии \\(может одобрить: @&#8203;bob\\)",
    "",
    "### На рассмотрение",
    "",
    "- ngo\\_data/meetings/meeting\\-one.yaml: примечание: называет ngo\\-beta среди участников "
    "\\(на рассмотрение: @&#8203;bob\\)",
]


def test_check_pr_summary_in_russian(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "commit.gpgsign", "false")
    write(
        root,
        {
            "ngo_data/ngos/ngo-alpha.yaml": NGO.format(name="Alpha", maintainers="alice"),
            "ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta Union", maintainers="bob"),
        },
    )
    commit(root, "base")
    git(root, "tag", "base")
    write(
        root,
        {
            "ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta", maintainers="bob"),
            "Makefile": "x\n",
            "ngo_data/meetings/meeting-one.yaml": MEETING.format(
                organisers="ngo-alpha", participants="ngo-beta", maintainers="alice"
            ),
        },
    )
    commit(root)
    summary = tmp_path / "summary.md"
    args = ["check-pr", "--repo", str(root), "--base", "base", "--author", "alice", "--summary", str(summary)]
    result = run(args, "ru")
    assert result.exit_code == 1, result.output
    assert summary.read_text("utf-8").splitlines() == RUSSIAN_SUMMARY


@pytest.mark.parametrize(
    ("language", "head"),
    [
        ("az", "**Birləşdirilə bilər:** alice kataloqun redaktorudur."),
        ("ru", "**Можно слить:** alice — редактор каталога."),
        ("en", "**May merge:** alice is a maintainer of the directory."),
    ],
)
def test_check_pr_summary_of_a_directory_maintainer(
    pr_repo: Path, tmp_path: Path, language: str, head: str
) -> None:
    summary = tmp_path / "summary.md"
    args = ["check-pr", "--repo", str(pr_repo), "--base", "base", "--author", "alice", "--team", "alice"]
    result = run([*args, "--summary", str(summary)], language)
    assert result.exit_code == 0, result.output
    assert summary.read_text("utf-8").splitlines()[2] == head


NEW_REFUSALS = [
    (["ngo", "Line\nbreak"], ["'Line\\nbreak'"], "holds a line break or an invisible character"),
    (["ngo", "x" * 201], ["201", "200"], "characters, over the limit of"),
    (["ngo", "!!!"], ["'!!!'", "--slug"], "no slug can be made from"),
    (["ngo", "Good", "--schema-url", "ftp://x.org/s/"], ["'ftp://x.org/s/'"], "is not a web address"),
    (["partner", "Search"], ["'search'", "--slug"], "is a reserved name"),
    (["ngo", "Good", "--slug", "Not A Slug"], ["'--slug'", "'Not A Slug'"], "is not a slug"),
    (["ngo", "Good", "--maintainer", "@octocat"], ["'--maintainer'", "'@octocat'"], "is not a GitHub login"),
]


@pytest.mark.parametrize(("args", "values", "phrase"), NEW_REFUSALS)
@pytest.mark.parametrize("language", ["az", "ru"])
def test_new_refusals_speak_the_language(
    tmp_path: Path, language: str, args: list[str], values: list[str], phrase: str
) -> None:
    data, _ = copy_project(tmp_path)
    command = ["new", *args, "--data", str(data)]
    english, translated = run(command, "en"), run(command, language)
    assert english.exit_code == translated.exit_code != 0
    assert_translated(english.stderr, translated.stderr, values, phrase)
    assert sorted(p.name for p in (data / "ngos").iterdir()) == sorted(
        p.name for p in (ROOT / "ngo_data/ngos").iterdir()
    )


def test_new_refusals_in_the_library_are_messages(tmp_path: Path) -> None:
    """The refusals `new` cannot reach through its options (click checks the kind first)."""
    from ngo_directory.contribute.scaffold import ScaffoldError, new_record
    from ngo_directory.problems import localize

    data, _ = copy_project(tmp_path)
    with pytest.raises(ScaffoldError) as refused:
        new_record(data, "donor", "Good")
    message = refused.value.args[0]
    assert localize(message, "az") == "naməlum növ 'donor': ngo, partner və ya meeting işlədin"
    assert localize(message, "ru") == "неизвестный вид 'donor': используйте ngo, partner или meeting"


@pytest.mark.parametrize("language", ["az", "ru"])
def test_from_issue_refusals_speak_the_language(tmp_path: Path, language: str) -> None:
    data, _ = copy_project(tmp_path)
    issue = tmp_path / "issue.md"
    issue.write_text((ROOT / "tests/issue_bodies/new-ngo.md").read_text("utf-8"), "utf-8")
    command = ["from-issue", str(issue), "--data", str(data)]
    assert run(command, "en").exit_code == 0
    english, translated = run(command, "en"), run(command, language)
    assert english.exit_code == translated.exit_code == 2
    record = "ngo_data/ngos/gence-gencler-merkezi.yaml"
    assert_translated(english.stderr, translated.stderr, [record], "already has")

    missing = ["from-issue", str(tmp_path / "missing.md"), "--data", str(data)]
    english, translated = run(missing, "en"), run(missing, language)
    assert english.exit_code == translated.exit_code == 2
    assert_translated(english.stderr, translated.stderr, [str(tmp_path / "missing.md")], "cannot read")

    dated = [*command, "--date", "15.01.2026"]
    english, translated = run(dated, "en"), run(dated, language)
    assert english.exit_code == translated.exit_code == 2
    assert_translated(english.stderr, translated.stderr, ["'15.01.2026'", "YYYY-MM-DD"], "is not a date")
