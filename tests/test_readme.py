"""README's record examples and sample messages are true, and its tables of settings and commands
are what the code writes (the cog blocks in it, run by `make readme`)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from ngo_directory.records.validate import check_data
from sitetools import ROOT

README = (ROOT / "README.md").read_text("utf-8")
FIX = "README.md is out of date with the code: run `make readme` and commit README.md"


def example(heading: str) -> str:
    section = README.split(heading, 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, heading
    return match.group(1)


def test_record_examples_validate(tmp_path: Path) -> None:
    """The NGO, partner, meeting and programme examples pass the validator against the sample data."""
    data = tmp_path / "ngo_data"
    shutil.copytree(ROOT / "ngo_data", data)
    (data / "ngos" / "gence-gencler-merkezi.yaml").write_text(example("### An NGO"), "utf-8")
    (data / "partners" / "example-partner.yaml").write_text(example("### A partner"), "utf-8")
    (data / "meetings" / "example-meeting.yaml").write_text(example("### A meeting"), "utf-8")
    (data / "programmes" / "example-programme.yaml").write_text(example("### A programme"), "utf-8")
    directory, problems = check_data(data)
    assert [str(p) for p in problems] == []
    assert directory is not None
    assert directory.ngos["gence-gencler-merkezi"].founded == 2004
    assert directory.ngos["gence-gencler-merkezi"].name.get("az") == "Gəncə Gənclər Mərkəzi"
    assert directory.programmes["example-programme"].funders == ("usaid",)
    assert [p.role for p in directory.meetings["example-meeting"].parties] == [
        "organiser",
        "funder",
        "presenter",
        "presenter",
        "participant",
        "observer",
    ]


def test_vocabulary_example_matches_the_sample() -> None:
    """The region example is the sample's own entry."""
    assert "Mingəçevir" in (ROOT / "ngo_data" / "regions.yaml").read_text("utf-8")
    assert "mingachevir:" in example("### Vocabularies")


def cog_check(readme: Path) -> subprocess.CompletedProcess[str]:
    """cog in check mode: exit 0 when running the blocks would leave ``readme`` as it is."""
    return subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "--check-fail-msg", FIX, str(readme)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_tables_of_settings_and_commands_are_those_the_code_writes() -> None:
    checked = cog_check(ROOT / "README.md")
    assert checked.returncode == 0, f"{FIX}\n{checked.stdout}{checked.stderr}"


def test_a_stale_table_fails_the_check_and_says_how_to_fix_it(tmp_path: Path) -> None:
    """The check does catch a difference: a row removed from a copy of README fails it, with the
    row in the diff, and the copy is left as it was."""
    row = next(line for line in README.splitlines() if line.startswith("| `NGO_DIRECTORY_PAGE_SIZE` |"))
    stale = tmp_path / "README.md"
    stale.write_text(README.replace(row + "\n", ""), "utf-8")
    checked = cog_check(stale)
    assert checked.returncode != 0
    assert f"Check failed: {FIX}" in checked.stdout + checked.stderr
    assert "+" + row in checked.stdout
    assert stale.read_text("utf-8") == README.replace(row + "\n", "")
