"""README's record examples and sample messages are true."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ngo_directory.records.validate import check_data
from sitetools import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def example(heading: str) -> str:
    section = README.split(heading, 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, heading
    return match.group(1)


def test_record_examples_validate(tmp_path: Path) -> None:
    """The NGO, partner and meeting examples pass the validator against the sample data."""
    data = tmp_path / "ngo_data"
    shutil.copytree(ROOT / "ngo_data", data)
    (data / "ngos" / "gence-gencler-merkezi.yaml").write_text(example("### An NGO"), "utf-8")
    (data / "partners" / "example-partner.yaml").write_text(example("### A partner"), "utf-8")
    (data / "meetings" / "example-meeting.yaml").write_text(example("### A meeting"), "utf-8")
    directory, problems = check_data(data)
    assert [str(p) for p in problems] == []
    assert directory is not None
    assert directory.ngos["gence-gencler-merkezi"].founded == 2004
    assert directory.ngos["gence-gencler-merkezi"].name.get("az") == "Gəncə Gənclər Mərkəzi"


def test_vocabulary_example_matches_the_sample() -> None:
    """The region example is the sample's own entry."""
    assert "Mingəçevir" in (ROOT / "ngo_data" / "regions.yaml").read_text("utf-8")
    assert "mingachevir:" in example("### Vocabularies")
