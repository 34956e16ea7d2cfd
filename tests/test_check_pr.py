"""`ngo-directory check-pr` on real git repositories: who may change what without review."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ngo_directory.cli import main

NGO = """\
name: {name}
description: {{en: An NGO.}}
regions: [baku]
themes: [youth]
maintainers: [{maintainers}]
last_verified: "2026-01-01"
added: "2026-01-01"
"""
PARTNER = """\
name: Partner One
type: donor
description: {en: A donor.}
maintainers: [carol]
last_verified: "2026-01-01"
added: "2026-01-01"
"""
MEETING = """\
title: {{en: A meeting}}
start: "2026-03-01"
status: scheduled
venue: {{region: baku}}
organisers: [{organisers}]
participants: [{participants}]
maintainers: [{maintainers}]
added: "2026-01-01"
"""
PRESS = """\
Title: News
Date: 2026-01-02
Organization: {organisation}

Text.
"""
BASE_FILES = {
    "ngo_data/ngos/ngo-alpha.yaml": NGO.format(name="Alpha", maintainers="alice"),
    "ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta", maintainers="bob, Dave"),
    "ngo_data/partners/partner-one.yaml": PARTNER,
    "ngo_data/meetings/meeting-one.yaml": MEETING.format(
        organisers="ngo-alpha", participants="ngo-beta", maintainers="alice"
    ),
    "ngo_data/regions.yaml": "baku: {az: Bakı, ru: Баку, en: Baku}\n",
    "content/press/alpha-news.md": PRESS.format(organisation="ngo-alpha"),
    "content/pages/about.md": "Title: About\n\nAbout the directory.\n",
    "theme/templates/base.html": "<!doctype html>\n",
    "pelicanconf.py": 'SITENAME = "Directory"\nNGO_DIRECTORY_MAINTAINERS_TEAM = ["Root-Admin"]\n',
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return result.stdout


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def commit(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose tag ``base`` holds two NGOs maintained by different people, a partner, a
    meeting, a press release, a vocabulary, a page, a template and settings; the work tree is
    on branch ``pr``, started from it."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "commit.gpgsign", "false")
    write(root, BASE_FILES)
    commit(root, "base")
    git(root, "tag", "base")
    git(root, "checkout", "-q", "-b", "pr")
    return root


def check(repo: Path, author: str, *options: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(
        main, ["check-pr", "--repo", str(repo), "--base", "base", "--author", author, *options]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout.splitlines(), result.stderr.strip()


def test_editing_your_own_record_passes(repo: Path) -> None:
    write(repo, {"ngo_data/ngos/ngo-alpha.yaml": NGO.format(name="Alpha Centre", maintainers="alice")})
    commit(repo)
    assert check(repo, "alice") == (0, [], "OK: alice may merge this without review (1 changed file).")


def test_logins_compare_whatever_the_case(repo: Path) -> None:
    write(repo, {"ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta Union", maintainers="bob, Dave")})
    commit(repo)
    assert check(repo, "BOB")[0] == 0
    assert check(repo, "dave")[0] == 0
    assert check(repo, "root-admin")[0] == 0


def test_editing_another_ngos_record_fails(repo: Path) -> None:
    write(repo, {"ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta Union", maintainers="bob, Dave")})
    commit(repo)
    assert check(repo, "alice") == (
        1,
        [
            "ngo_data/ngos/ngo-beta.yaml: not-a-maintainer: edits a record alice does not maintain "
            "on the base revision (may approve: @bob or @Dave)"
        ],
        "Needs review: 1 finding in 1 file (1 changed file).",
    )


def test_adding_yourself_to_another_record_fails(repo: Path) -> None:
    write(repo, {"ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta", maintainers="bob, Dave, alice")})
    commit(repo)
    code, lines, _ = check(repo, "alice")
    assert code == 1
    assert lines == [
        "ngo_data/ngos/ngo-beta.yaml: not-a-maintainer: edits a record alice does not maintain "
        "on the base revision (may approve: @bob or @Dave)"
    ]


def test_renaming_or_deleting_another_record_fails(repo: Path) -> None:
    git(repo, "mv", "ngo_data/ngos/ngo-beta.yaml", "ngo_data/ngos/ngo-beta-union.yaml")
    commit(repo)
    raw = (repo / "ngo_data/ngos/ngo-beta-union.yaml").read_text("utf-8")
    (repo / "ngo_data/ngos/ngo-beta-union.yaml").write_text(raw.replace("bob, Dave", "alice"), "utf-8")
    commit(repo)
    code, lines, err = check(repo, "alice")
    assert code == 1
    # The meeting still names ngo-beta, which the rename removed: the validator refuses that
    # too, on the file that shows it, though the pull request does not touch it.
    assert lines == [
        "ngo_data/ngos/ngo-beta.yaml: not-a-maintainer: deletes a record alice does not maintain "
        "on the base revision (may approve: @bob or @Dave)",
        "ngo_data/meetings/meeting-one.yaml: invalid-record: the validator refuses it at line 6: "
        "participants[0]: unknown NGO or partner 'ngo-beta' (did you mean 'ngo-beta-union'?) "
        "(no approval can pass it: change the file)",
    ]
    assert err == "Refused: the validator refuses 1 file as changed (2 changed files)."
    # Renaming your own record is a deletion and an addition, both yours; the meeting that
    # names it, also yours, follows.
    git(repo, "reset", "-q", "--hard", "base")
    git(repo, "mv", "ngo_data/ngos/ngo-alpha.yaml", "ngo_data/ngos/ngo-alpha-centre.yaml")
    write(
        repo,
        {
            "ngo_data/meetings/meeting-one.yaml": MEETING.format(
                organisers="ngo-alpha-centre", participants="ngo-beta", maintainers="alice"
            )
        },
    )
    commit(repo)
    assert check(repo, "alice")[0] == 0


def test_new_record_must_list_its_author(repo: Path) -> None:
    write(repo, {"ngo_data/ngos/ngo-gamma.yaml": NGO.format(name="Gamma", maintainers="Erin")})
    commit(repo)
    assert check(repo, "erin") == (0, [], "OK: erin may merge this without review (1 changed file).")
    assert check(repo, "alice") == (
        1,
        [
            "ngo_data/ngos/ngo-gamma.yaml: new-record-maintainers: adds a record that does not list "
            "its author alice among its maintainers (may approve: a maintainer of the directory)"
        ],
        "Needs review: 1 finding in 1 file (1 changed file).",
    )


def test_unreadable_base_copy_is_for_the_team_only(repo: Path) -> None:
    write(repo, {"ngo_data/ngos/ngo-alpha.yaml": "name: [unclosed\nmaintainers: [alice]\n"})
    commit(repo, "broken")
    git(repo, "tag", "-f", "base")
    write(repo, {"ngo_data/ngos/ngo-alpha.yaml": NGO.format(name="Alpha", maintainers="alice")})
    commit(repo, "fixed")
    code, lines, _ = check(repo, "alice")
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(
        "ngo_data/ngos/ngo-alpha.yaml: unreadable-base: edits a record whose base copy cannot be read ("
    )
    assert lines[0].endswith(") (may approve: a maintainer of the directory)")
    assert check(repo, "root-admin")[0] == 0


def test_meeting_organised_by_someone_elses_ngo_fails(repo: Path) -> None:
    write(
        repo,
        {
            "ngo_data/meetings/meeting-two.yaml": MEETING.format(
                organisers="ngo-alpha, ngo-beta", participants="", maintainers="alice"
            )
        },
    )
    commit(repo)
    assert check(repo, "alice") == (
        1,
        [
            "ngo_data/meetings/meeting-two.yaml: organiser: names ngo-beta as an organiser, an "
            "organisation alice does not maintain (may approve: @bob or @Dave)"
        ],
        "Needs review: 1 finding in 1 file (1 changed file).",
    )


def test_meeting_organised_by_your_own_ngo_passes_with_participants_for_review(repo: Path) -> None:
    write(
        repo,
        {
            "ngo_data/meetings/meeting-two.yaml": MEETING.format(
                organisers="ngo-alpha", participants="ngo-beta, ngo-alpha", maintainers="alice"
            )
        },
    )
    commit(repo)
    assert check(repo, "alice") == (
        0,
        [
            "ngo_data/meetings/meeting-two.yaml: note: names ngo-beta among the participants "
            "(for review by @bob or @Dave)"
        ],
        "OK: alice may merge this without review (1 changed file).",
    )


def test_editing_a_meeting_judges_only_the_names_it_adds(repo: Path) -> None:
    text = BASE_FILES["ngo_data/meetings/meeting-one.yaml"]
    write(repo, {"ngo_data/meetings/meeting-one.yaml": text.replace("scheduled", "held")})
    commit(repo)
    assert check(repo, "alice") == (0, [], "OK: alice may merge this without review (1 changed file).")
    text = text.replace("[ngo-alpha]", "[ngo-alpha, partner-one]")
    write(repo, {"ngo_data/meetings/meeting-one.yaml": text})
    commit(repo)
    assert check(repo, "alice")[1] == [
        "ngo_data/meetings/meeting-one.yaml: organiser: names partner-one as an organiser, an "
        "organisation alice does not maintain (may approve: @carol)"
    ]


def test_an_organisation_new_in_the_same_change_counts(repo: Path) -> None:
    write(
        repo,
        {
            "ngo_data/ngos/ngo-gamma.yaml": NGO.format(name="Gamma", maintainers="erin"),
            "ngo_data/meetings/meeting-two.yaml": MEETING.format(
                organisers="ngo-gamma", participants="", maintainers="erin"
            ),
            "content/press/gamma-news.md": PRESS.format(organisation="ngo-gamma"),
        },
    )
    commit(repo)
    assert check(repo, "erin") == (0, [], "OK: erin may merge this without review (3 changed files).")


def test_press_release_for_someone_elses_organisation_fails(repo: Path) -> None:
    write(repo, {"content/press/beta-news.md": PRESS.format(organisation="ngo-beta")})
    commit(repo)
    assert check(repo, "alice") == (
        1,
        [
            "content/press/beta-news.md: press-organisation: publishes for ngo-beta, an organisation "
            "alice does not maintain (may approve: @bob or @Dave)"
        ],
        "Needs review: 1 finding in 1 file (1 changed file).",
    )
    assert check(repo, "bob")[0] == 0


def test_press_release_edits_and_deletions_follow_the_base_copy(repo: Path) -> None:
    # bob moves alpha's press release over to his own organisation.
    write(repo, {"content/press/alpha-news.md": PRESS.format(organisation="ngo-beta")})
    commit(repo)
    assert check(repo, "bob")[1] == [
        "content/press/alpha-news.md: press-organisation: edits a press release of ngo-alpha, an "
        "organisation bob does not maintain (may approve: @alice)"
    ]
    git(repo, "rm", "-q", "content/press/alpha-news.md")
    commit(repo)
    assert check(repo, "bob")[1] == [
        "content/press/alpha-news.md: press-organisation: deletes a press release of ngo-alpha, an "
        "organisation bob does not maintain (may approve: @alice)"
    ]
    assert check(repo, "alice")[0] == 0


@pytest.mark.parametrize(
    ("path", "rule", "what"),
    [
        (
            "theme/templates/base.html",
            "directory-code",
            "the directory's code, templates, settings or documentation",
        ),
        (".github/workflows/x.yml", "repository-setting", "a workflow or setting of the repository"),
        ("CODEOWNERS", "repository-setting", "a workflow or setting of the repository"),
        ("ngo_data/regions.yaml", "vocabulary", "a vocabulary every record uses"),
        ("content/pages/about.md", "directory-page", "one of the directory's own pages"),
    ],
)
def test_files_of_the_directory_need_review(repo: Path, path: str, rule: str, what: str) -> None:
    # A vocabulary that still holds every region the records use: the validator accepts it.
    changed = (
        BASE_FILES["ngo_data/regions.yaml"] + "ganja: {name: {az: Gəncə, ru: Гянджа, en: Ganja}}\n"
        if path.endswith("regions.yaml")
        else ""
    )
    write(repo, {path: changed or "changed: yes\n"})
    commit(repo)
    assert check(repo, "alice") == (
        1,
        [f"{path}: {rule}: {what}; only a maintainer of the directory may change it "
         "(may approve: a maintainer of the directory)"],
        "Needs review: 1 finding in 1 file (1 changed file).",
    )  # fmt: skip
    assert check(repo, "Root-Admin")[0] == 0


def test_a_file_the_validator_refuses_is_never_may_merge(repo: Path) -> None:
    """A file in a folder where no record may be, and a record named in capitals beside the
    record of that name: the validator refuses both, and no approval passes them, not even a
    directory maintainer's."""
    write(
        repo,
        {
            "ngo_data/ngos/nested/x.yaml": "changed: yes\n",
            "ngo_data/ngos/NGO-Alpha.yaml": NGO.format(name="Alpha", maintainers="alice"),
        },
    )
    commit(repo)
    code, lines, err = check(repo, "alice")
    assert code == 1
    assert (
        "ngo_data/ngos/NGO-Alpha.yaml: invalid-record: the validator refuses it at line 1: file name "
        "'NGO-Alpha' is not a valid slug (rename it: lowercase letters a-z, digits and single hyphens; "
        "'ngo-alpha' is another record's, so choose another name) (no approval can pass it: change the file)"
    ) in lines
    assert (
        "ngo_data/ngos/nested: invalid-record: the validator refuses it at line 1: not a record file "
        "(keep only .yaml records here) (no approval can pass it: change the file)"
    ) in lines
    assert err == "Refused: the validator refuses 3 files as changed (2 changed files)."
    assert check(repo, "Root-Admin")[0] == 1


def test_a_symlink_fails(repo: Path) -> None:
    (repo / "ngo_data/ngos/ngo-link.yaml").symlink_to("ngo-alpha.yaml")
    commit(repo)
    assert check(repo, "alice")[:2] == (
        1,
        [
            "ngo_data/ngos/ngo-link.yaml: symlink: adds a symbolic link, which may point anywhere "
            "(may approve: a maintainer of the directory)"
        ],
    )


def test_a_submodule_fails(repo: Path) -> None:
    sha = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{sha},content/press/vendor")
    git(repo, "commit", "-q", "-m", "submodule")
    assert check(repo, "alice")[:2] == (
        1,
        [
            "content/press/vendor: submodule: adds a submodule, a link to another repository "
            "(may approve: a maintainer of the directory)"
        ],
    )


def test_the_team_may_change_anything(repo: Path) -> None:
    write(
        repo,
        {
            "theme/templates/base.html": "<!doctype html><title>x</title>\n",
            "ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta", maintainers="root-admin"),
            "content/press/beta-news.md": PRESS.format(organisation="ngo-beta"),
        },
    )
    (repo / "link").symlink_to("/etc/passwd")
    commit(repo)
    assert check(repo, "root-admin") == (
        0,
        [],
        "OK: root-admin is a maintainer of the directory and may change anything (4 changed files).",
    )
    assert check(repo, "erin", "--team", "Erin,frank")[0] == 0
    assert check(repo, "root-admin", "--team", "")[0] == 1


def test_joining_the_team_in_the_change_itself_gains_nothing(repo: Path) -> None:
    write(
        repo,
        {
            "pelicanconf.py": 'NGO_DIRECTORY_MAINTAINERS_TEAM = ["mallory"]\n',
            "ngo_data/ngos/ngo-beta.yaml": NGO.format(name="Beta", maintainers="mallory"),
        },
    )
    commit(repo)
    code, lines, _ = check(repo, "mallory")
    assert code == 1
    assert [line.split(":")[1] for line in lines] == [" not-a-maintainer", " directory-code"]


def test_usage_errors_exit_2(repo: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["check-pr", "--repo", str(repo), "--base", "no-such-rev", "--author", "alice"]
    )
    assert result.exit_code == 2
    assert result.stderr == f"Error: unknown revision 'no-such-rev': no such commit in {repo}\n"
    result = CliRunner().invoke(main, ["check-pr", "--repo", str(repo), "--base", "--help", "--author", "a"])
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown revision '--help'\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["check-pr", "--repo", str(empty), "--base", "main", "--author", "a"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: not a git repository: {empty}\n"
    result = CliRunner().invoke(main, ["check-pr", "--repo", str(repo), "--base", "base", "--author", "a b"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --author 'a b' is not a GitHub login\n"
    result = CliRunner().invoke(
        main, ["check-pr", "--repo", str(repo), "--base", "base", "--author", "a", "--team", "x y"]
    )
    assert result.exit_code == 2
    assert result.stderr == "Error: 'x y' in the maintainers team is not a GitHub login\n"


def test_github_annotations_cannot_be_forged(repo: Path) -> None:
    name = "content/pages/x\n::error file=README.md::forged.md"
    write(repo, {name: "Title: x\n"})
    commit(repo)
    code, lines, _ = check(repo, "alice", "--format", "github")
    assert code == 1
    assert lines == [
        "content/pages/x\\n::error file=README.md::forged.md: directory-page: one of the directory's "
        "own pages; only a maintainer of the directory may change it "
        "(may approve: a maintainer of the directory)",
        "::error file=content/pages/x\\n%3A%3Aerror file=README.md%3A%3Aforged.md,line=1,col=1,"
        "title=directory-page::directory-page: one of the directory's own pages; only a maintainer of the "
        "directory may change it (may approve: a maintainer of the directory)",
    ]


def test_json_and_summary(repo: Path, tmp_path: Path) -> None:
    write(
        repo,
        {
            "ngo_data/ngos/ngo-alpha.yaml": NGO.format(name="Alpha Centre", maintainers="alice"),
            "ngo_data/meetings/meeting-two.yaml": MEETING.format(
                organisers="ngo-beta", participants="partner-one", maintainers="alice"
            ),
        },
    )
    commit(repo)
    summary = tmp_path / "summary.md"
    code, lines, _ = check(repo, "alice", "--format", "json", "--summary", str(summary))
    assert code == 1
    report = json.loads("\n".join(lines))
    assert report["may_merge"] is False
    assert (report["outcome"], report["auto_merge"], report["approvals"]) == ("wait", True, [])
    assert report["files"] == [
        {
            "file": "ngo_data/meetings/meeting-two.yaml",
            "change": "added",
            "verdict": "needs review: organiser",
            "approved_by": [],
            "may_approve": ["bob", "Dave"],
            "directory_maintainers": False,
        },
        {
            "file": "ngo_data/ngos/ngo-alpha.yaml",
            "change": "edited",
            "verdict": "may merge",
            "approved_by": [],
            "may_approve": [],
            "directory_maintainers": False,
        },
    ]
    assert report["findings"] == [
        {
            "file": "ngo_data/meetings/meeting-two.yaml",
            "line": 5,
            "rule": "organiser",
            "message": "names ngo-beta as an organiser, an organisation alice does not maintain",
            "approvers": ["bob", "Dave"],
            "directory_maintainers": False,
            "refused": False,
            "approved_by": [],
        }
    ]
    assert report["notes"] == [
        {
            "file": "ngo_data/meetings/meeting-two.yaml",
            "line": 6,
            "message": "names partner-one among the participants",
            "approvers": ["carol"],
            "directory_maintainers": False,
        }
    ]
    assert summary.read_text("utf-8") == (
        "## Who may change what\n\n**Waiting for approval:** 1 finding still needs the approval of one "
        "of those named below.\n\n"
        "| file | change | verdict | approved by | may approve |\n| --- | --- | --- | --- | --- |\n"
        "| ngo\\_data/meetings/meeting\\-two.yaml | added | needs review: organiser | \\- | "
        "@&#8203;bob, @&#8203;Dave |\n"
        "| ngo\\_data/ngos/ngo\\-alpha.yaml | edited | may merge | \\- | \\- |\n\n"
        "### Needs review\n\n"
        "- ngo\\_data/meetings/meeting\\-two.yaml: organiser: names ngo\\-beta as an organiser, an "
        "organisation alice does not maintain \\(may approve: @&#8203;bob or @&#8203;Dave\\)\n\n"
        "### For review\n\n"
        "- ngo\\_data/meetings/meeting\\-two.yaml: note: names partner\\-one among the participants "
        "\\(for review by @&#8203;carol\\)\n"
    )


def test_press_release_linking_someone_elses_meeting_is_for_review(repo: Path) -> None:
    text = PRESS.format(organisation="ngo-beta").replace("Text.", "Meeting: meeting-one\n\nText.", 1)
    text = text.replace("\n\nMeeting", "\nMeeting", 1)
    write(repo, {"content/press/beta-news.md": text})
    commit(repo)
    assert check(repo, "bob", "--format", "github") == (
        0,
        [
            "content/press/beta-news.md: note: links the meeting meeting-one, which bob does not "
            "maintain (for review by @alice)",
            "::notice file=content/press/beta-news.md,line=4,col=1,title=meeting::meeting: links the "
            "meeting meeting-one, which bob does not maintain (for review by @alice)",
        ],
        "OK: bob may merge this without review (1 changed file).",
    )


def test_the_team_comes_from_the_base_revisions_settings_read_not_run(repo: Path) -> None:
    write(repo, {"publishconf.py": "from pelicanconf import *\nNGO_DIRECTORY_MAINTAINERS_TEAM = ['erin']\n"})
    write(repo, {"broken.py": "NGO_DIRECTORY_MAINTAINERS_TEAM = sorted(['erin'])\n"})
    commit(repo, "settings")
    git(repo, "tag", "-f", "base")
    write(repo, {"theme/templates/base.html": "<!doctype html><title>x</title>\n"})
    commit(repo)
    assert check(repo, "erin", "-s", "publishconf.py")[0] == 0
    assert check(repo, "erin")[0] == 1  # pelicanconf.py's team is root-admin alone
    assert check(repo, "erin", "-s", "missing.py") == (
        2,
        [],
        "Error: missing.py is not a file in the base revision",
    )
    assert check(repo, "erin", "-s", "broken.py") == (
        2,
        [],
        "Error: broken.py: NGO_DIRECTORY_MAINTAINERS_TEAM must be a plain list of logins, such as "
        "['octocat']; or pass --team",
    )


def test_a_release_may_not_join_another_organisations_release(repo: Path) -> None:
    """Files sharing a slug are language versions of one release: alice's ngo-alpha text given
    the slug of bob's release would be published as its English version, so bob must approve."""
    write(
        repo,
        {
            "content/press/beta-news.md": PRESS.format(organisation="ngo-beta").replace(
                "\n\nText.", "\nSlug: beta-news\nLang: az\n\nText."
            ),
        },
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "beta's release")
    git(repo, "tag", "-f", "base")
    write(
        repo,
        {
            "content/press/hijack.md": "Title: Beta admits fraud\nDate: 2026-01-03\nOrganization: ngo-alpha\n"
            "Slug: beta-news\nLang: en\n\nText.\n"
        },
    )
    commit(repo)
    code, lines, _ = check(repo, "alice")
    assert (code, lines) == (
        1,
        [
            "content/press/hijack.md: press-organisation: shares the slug beta-news with "
            "content/press/beta-news.md, a press release of ngo-beta, an organisation alice does not "
            "maintain (may approve: @bob or @Dave)"
        ],
    )
    assert check(repo, "bob")[1] == [
        "content/press/hijack.md: press-organisation: publishes for ngo-alpha, an organisation bob does "
        "not maintain (may approve: @alice)"
    ]


def test_the_editors_placeholder_is_never_an_author(repo: Path) -> None:
    """Records nobody has claimed list `directory-editors`: a GitHub account of that name may
    not change them, and only the directory's maintainers may approve."""
    write(
        repo, {"ngo_data/ngos/unclaimed.yaml": NGO.format(name="Unclaimed", maintainers="directory-editors")}
    )
    commit(repo)
    git(repo, "tag", "-f", "base")
    (repo / "ngo_data/ngos/unclaimed.yaml").unlink()
    commit(repo)
    assert check(repo, "Directory-Editors") == (
        1,
        [
            "ngo_data/ngos/unclaimed.yaml: not-a-maintainer: deletes a record Directory-Editors does not "
            "maintain on the base revision (may approve: a maintainer of the directory)"
        ],
        "Needs review: 1 finding in 1 file (1 changed file).",
    )
    assert check(repo, "root-admin")[0] == 0


def test_a_file_name_never_starts_a_workflow_command(repo: Path) -> None:
    """A file named '::stop-commands::x' would switch off every later annotation."""
    write(repo, {"::stop-commands::token": "x\n"})
    commit(repo)
    code, lines, _ = check(repo, "alice", "--format", "github")
    assert code == 1
    assert lines[0].startswith("\\x3a:stop-commands::token: directory-code: ")
    assert [line for line in lines if line.startswith("::")] == [
        line for line in lines if line.startswith("::error file=%3A%3Astop-commands%3A%3Atoken,")
    ]


def test_a_press_release_with_a_byte_order_mark_is_read(repo: Path) -> None:
    """Pelican and validate skip a UTF-8 BOM; so does check-pr."""
    (repo / "content/press/alpha-more.md").write_bytes(
        b"\xef\xbb\xbf" + PRESS.format(organisation="ngo-alpha").encode()
    )
    commit(repo)
    assert check(repo, "alice")[0] == 0


def test_an_ngo_naming_funders_and_partners_is_noted_for_review(repo: Path) -> None:
    """Naming a partner as funder puts the NGO on the partner's page: listed for its review."""
    record = (
        NGO.format(name="Alpha", maintainers="alice") + "funders: [partner-one]\npartners: [partner-one]\n"
    )
    write(repo, {"ngo_data/ngos/ngo-alpha.yaml": record})
    commit(repo)
    code, lines, _ = check(repo, "alice")
    assert code == 0
    assert lines == [
        "ngo_data/ngos/ngo-alpha.yaml: note: names partner-one among the funders (for review by @carol)",
        "ngo_data/ngos/ngo-alpha.yaml: note: names partner-one among the partners (for review by @carol)",
    ]


def test_a_programme_naming_other_organisations_passes_with_notes_for_review(repo: Path) -> None:
    programme = (
        "title: {en: A programme}\ndescription: {en: What it does.}\nregions: [baku]\nthemes: [youth]\n"
        "funding: [partner-one]\nimplementing: [ngo-alpha, {name: {en: Local schools}}, ngo-beta]\n"
        'maintainers: [alice]\nlast_verified: "2026-01-01"\nadded: "2026-01-01"\n'
    )
    write(repo, {"ngo_data/programmes/programme-one.yaml": programme})
    commit(repo)
    assert check(repo, "alice") == (
        0,
        [
            "ngo_data/programmes/programme-one.yaml: note: names partner-one among the programme's funders "
            "(for review by @carol)",
            "ngo_data/programmes/programme-one.yaml: note: names ngo-beta among the programme's implementers "
            "(for review by @bob or @Dave)",
        ],
        "OK: alice may merge this without review (1 changed file).",
    )
    code, lines, _ = check(repo, "bob")
    assert code == 1 and lines[0] == (
        "ngo_data/programmes/programme-one.yaml: new-record-maintainers: adds a record that does not list "
        "its author bob among its maintainers (may approve: a maintainer of the directory)"
    )


def test_the_comment_stays_within_githubs_limit_and_mentions_only_the_base_revisions_logins(
    repo: Path, tmp_path: Path
) -> None:
    """A pull request of hundreds of files still gets a comment GitHub accepts, and a record it
    adds cannot make the comment mention whoever it lists."""
    files = {f"content/pages/page-{index:03}.md": f"Title: Page {index}\n\nText.\n" for index in range(400)}
    spam = ", ".join(f"victim{index}" for index in range(40))
    files["ngo_data/ngos/spam-org.yaml"] = NGO.format(name="Spam", maintainers=f"torvalds, {spam}")
    files["content/press/spam-news.md"] = PRESS.format(organisation="spam-org").replace(
        "Title: News", "Title: News\nSlug: spam-news"
    )
    write(repo, files)
    commit(repo)
    comment = tmp_path / "comment.md"
    code, _, _ = check(repo, "mallory", "--comment", str(comment))
    assert code == 1
    text = comment.read_text("utf-8")
    assert len(text) <= 60_000 and text.startswith("<!-- ngo-directory: who may change what -->")
    assert "job summary has all of it" in text
    assert "@torvalds" not in text and "@victim" not in text


def test_a_record_over_the_size_limit_is_refused(repo: Path) -> None:
    text = NGO.format(name="Alpha", maintainers="alice") + "#" + "x" * (300 * 1024) + "\n"
    write(repo, {"ngo_data/ngos/ngo-alpha.yaml": text})
    commit(repo)
    code, lines, _ = check(repo, "alice")
    assert code == 1
    assert any(
        line.startswith(
            "ngo_data/ngos/ngo-alpha.yaml: invalid-record: the validator refuses it at line 1: file is "
        )
        and "bytes, over the limit of 262,144" in line
        for line in lines
    ), lines


def test_a_year_of_thousands_of_digits_is_a_problem_not_a_crash(repo: Path) -> None:
    text = NGO.format(name="Alpha", maintainers="alice").replace(
        "regions:", f"founded: {'9' * 5000}\nregions:"
    )
    write(repo, {"ngo_data/ngos/ngo-alpha.yaml": text})
    commit(repo)
    code, lines, _ = check(repo, "alice")
    assert code == 1 and any(": invalid-record: " in line and " founded: " in line for line in lines), lines


def test_a_press_release_is_judged_by_its_header_alone(repo: Path) -> None:
    """Only the metadata decides whose a press release is: a body that Markdown takes minutes
    to render (a long run of '[') is never rendered here."""
    text = PRESS.format(organisation="ngo-alpha").replace("Text.", "[" * 200_000)
    write(repo, {"content/press/alpha-news.md": text})
    commit(repo)
    assert check(repo, "alice")[0] == 0
