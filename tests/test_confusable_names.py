"""Organisations whose names can be taken for one another: a warning in validate, and in
check-pr a new record that a directory maintainer merges after a look (records/confusables.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngo_directory.problems import Problem
from ngo_directory.records.confusables import confusable, name_key
from ngo_directory.records.validate import check_data
from test_check_pr import BASE_FILES, NGO, check, commit, git, write
from test_validate import MEETING, PARTNER, REGIONS, THEMES
from test_validate import NGO as VALID_NGO

ALPHA = "Alpha Civic Society"
CYRILLIC_A = "\u0410lpha Civic Society"  # the first letter is CYRILLIC CAPITAL LETTER A
GREEK_AND_CYRILLIC = "\u0391lpha \u0421ivic \u0405ociety"  # Greek Alpha, Cyrillic Es and Dze


@pytest.mark.parametrize(
    ("name", "other", "expected"),
    [
        ("Alpha Civic Society (impostor)", ALPHA, True),
        (CYRILLIC_A, ALPHA, True),
        (GREEK_AND_CYRILLIC, ALPHA, True),
        ("\u0420eace Corps", "Peace Corps", True),  # Cyrillic Er, which a transliteration reads as R
        ("ALPHA civic-society", ALPHA, True),
        ("Gəncə Gənclər Mərkəzi", "Gence Gencler Merkezi", True),
        ("Beta Civic Society", ALPHA, False),
        ("Civic Society of Alpha", ALPHA, False),
        ("Alphabet Civic Society", ALPHA, False),
    ],
)
def test_what_is_confusable(name: str, other: str, expected: bool) -> None:
    """Equal after the skeleton and folding, or one holding the other whole as its words;
    names sharing words but not the whole of either are not confusable."""
    assert confusable(name_key(name), name_key(other)) is expected


def _data(tmp_path: Path, names: dict[str, str]) -> Path:
    folder = tmp_path / "ngo_data"
    files = {
        "regions.yaml": REGIONS,
        "themes.yaml": THEMES,
        "partners/open-aid.yaml": PARTNER,
        "meetings/spring-meeting.yaml": MEETING,
        "ngos/ganja-youth-centre.yaml": VALID_NGO,
    }
    for slug, name in names.items():
        files[f"ngos/{slug}.yaml"] = VALID_NGO.replace("Ganja Youth Centre", name)
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, "utf-8")
    return folder


def _warnings(folder: Path) -> list[Problem]:
    warnings: list[Problem] = []
    directory, problems = check_data(folder, warnings=warnings)
    assert problems == [] and directory is not None
    return warnings


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "warning: name: the name 'Alpha Civic Society (impostor)' can be taken for 'Alpha Civic "
            "Society', the name of alpha-civic-society (ngo_data/ngos/alpha-civic-society.yaml) (make sure "
            "both are the organisations they claim to be)",
        ),
        (
            "az",
            "xəbərdarlıq: name: 'Alpha Civic Society (impostor)' adı 'Alpha Civic Society' adı ilə "
            "qarışdırıla bilər: bu, alpha-civic-society qeydinin adıdır "
            "(ngo_data/ngos/alpha-civic-society.yaml) "
            "(hər ikisinin özünü təqdim etdiyi təşkilat olduğuna əmin olun)",
        ),
        (
            "ru",
            "предупреждение: name: название 'Alpha Civic Society (impostor)' можно спутать с 'Alpha Civic "
            "Society' — названием записи alpha-civic-society (ngo_data/ngos/alpha-civic-society.yaml) "
            "(убедитесь, что обе организации — те, за кого себя выдают)",
        ),
    ],
)
def test_validate_warns_of_an_impostors_name(tmp_path: Path, language: str, expected: str) -> None:
    """The record whose slug comes later is warned about, at its name, naming the other."""
    folder = _data(
        tmp_path, {"alpha-civic-society": ALPHA, "alpha-impostor": "Alpha Civic Society (impostor)"}
    )
    warnings = _warnings(folder)
    assert [w.localized(language) for w in warnings] == [f"ngo_data/ngos/alpha-impostor.yaml:1:7: {expected}"]


def test_a_homoglyph_in_any_language_of_a_name_is_refused(tmp_path: Path) -> None:
    """A Cyrillic 'А' in the English version of a name would make it the other's: a word that
    mixes alphabets in a name is an error (records/scripts.py), before any warning."""
    folder = _data(tmp_path, {"alpha-civic-society": ALPHA, "alpha-two": f"{{az: Alfa, en: {CYRILLIC_A}}}"})
    directory, problems = check_data(folder)
    assert directory is None
    assert [str(p) for p in problems] == [
        "ngo_data/ngos/alpha-two.yaml:1:22: name.en: the word '\u0410lpha' mixes alphabets: "
        "'\u0410' is a Cyrillic letter (type the word again with one keyboard layout)"
    ]


def test_names_sharing_a_word_are_no_warning(tmp_path: Path) -> None:
    folder = _data(tmp_path, {"alpha-civic-society": ALPHA, "beta-civic-society": "Beta Civic Society"})
    assert _warnings(folder) == []


# --- check-pr ---------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """test_check_pr's repository, with ngo-alpha named "Alpha Civic Society"."""
    root = tmp_path / "repo"
    root.mkdir()
    for args in (
        ("init", "-q", "-b", "main"),
        ("config", "user.name", "Test"),
        ("config", "user.email", "test@example.org"),
        ("config", "commit.gpgsign", "false"),
    ):
        git(root, *args)
    write(root, {**BASE_FILES, "ngo_data/ngos/ngo-alpha.yaml": NGO.format(name=ALPHA, maintainers="alice")})
    commit(root, "base")
    git(root, "tag", "base")
    git(root, "checkout", "-q", "-b", "pr")
    return root


def test_check_pr_refuses_a_new_record_whose_name_has_a_homoglyph(repo: Path) -> None:
    """The same name with a Cyrillic 'А' is refused outright: no approval can pass it."""
    write(repo, {"ngo_data/ngos/alpha-new.yaml": NGO.format(name=CYRILLIC_A, maintainers="mallory")})
    commit(repo)
    _, lines, _ = check(repo, "mallory", "--format", "json")
    report = json.loads("\n".join(lines))
    assert (report["outcome"], report["may_merge"], report["auto_merge"]) == ("refused", False, False)


@pytest.mark.parametrize("name", ["Alpha Civic Society (impostor)"], ids=["impostor"])
def test_check_pr_leaves_a_confusable_new_record_to_a_maintainer(
    repo: Path, tmp_path: Path, name: str
) -> None:
    """A new NGO whose name can be taken for an existing one's is for a directory maintainer:
    outcome 'maintainer', no auto-merge, and the reason names both records in each language."""
    write(repo, {"ngo_data/ngos/alpha-new.yaml": NGO.format(name=name, maintainers="mallory")})
    commit(repo)
    code, lines, _ = check(repo, "mallory", "--format", "json")
    report = json.loads("\n".join(lines))
    assert (code, report["outcome"], report["may_merge"], report["auto_merge"]) == (
        0,
        "maintainer",
        True,
        False,
    )
    reason = (
        f"the name '{name}' can be taken for 'Alpha Civic Society', the name of ngo-alpha "
        "(ngo_data/ngos/ngo-alpha.yaml)"
    )
    assert report["notes"] == [
        {
            "file": "ngo_data/ngos/alpha-new.yaml",
            "line": 1,
            "message": reason,
            "approvers": [],
            "directory_maintainers": True,
        }
    ]
    code, lines, closing = check(repo, "mallory", "--lang", "en")
    assert lines == [
        f"ngo_data/ngos/alpha-new.yaml: note: {reason} (for review by a maintainer of the directory)"
    ]
    assert closing == (
        "For a directory maintainer: a new organisation's name can be taken for another's (1 changed file)."
    )
    comment = tmp_path / "comment.md"
    check(repo, "mallory", "--comment", str(comment), "--lang", "en")
    text = comment.read_text("utf-8").replace("\\", "")  # the Markdown escapes aside
    assert (
        "**A directory maintainer merges this:** a new organisation's name can be taken for another's" in text
    )
    assert (
        f"'{name}' adı 'Alpha Civic Society' adı ilə qarışdırıla bilər: bu, ngo-alpha qeydinin adıdır" in text
    )
    assert f"название '{name}' можно спутать с 'Alpha Civic Society' — названием записи ngo-alpha" in text
    assert "**Bunu kataloqun redaktoru birləşdirir:** yeni təşkilatın adı başqa" in text
    assert "**Сливает редактор каталога:** название новой организации можно спутать" in text


def test_check_pr_merges_a_new_record_that_only_shares_a_word(repo: Path) -> None:
    """'Gamma Civic Society' shares two words with 'Alpha Civic Society' but holds neither whole
    (nor the whole of the base revision's 'Beta')."""
    write(
        repo,
        {"ngo_data/ngos/gamma-civic.yaml": NGO.format(name="Gamma Civic Society", maintainers="mallory")},
    )
    commit(repo)
    code, lines, _ = check(repo, "mallory", "--format", "json")
    report = json.loads("\n".join(lines))
    assert (code, report["outcome"], report["auto_merge"], report["notes"]) == (0, "merge", True, [])
