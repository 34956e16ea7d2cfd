"""The commands follow the site's settings file, so that `validate` judges every file as the
build does: the same folders, reserved names and time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from click.testing import CliRunner

from ngo_directory.cli import main
from ngo_directory.problems import ValidationFailed
from sitetools import ROOT, build, copy_project

PAGE = "Title: Find\nSlug: find\nLang: en\n\nA page whose slug the settings below reserve.\n"
RESERVED = (
    "content/pages/find.md:2:7: slug: 'find' is a reserved name: the site uses it for its own pages "
    "(choose a more specific slug; translations of one text share it)"
)


def settings_file(folder: Path, *lines: str) -> Path:
    """The sample's settings, for the project copied into ``folder``, with ``lines`` added."""
    text = (ROOT / "pelicanconf.py").read_text("utf-8")
    path = folder / "pelicanconf.py"
    path.write_text("\n".join([text, f"THEME = {str(ROOT / 'theme')!r}", *lines, ""]), "utf-8")
    return path


def test_validate_refuses_what_the_settings_reserve_as_the_build_does(tmp_path: Path) -> None:
    """With SEARCH_INDEX_URL = 'find/', a page called 'find' would overwrite the search page:
    validate (reading the settings file) and the build refuse it with the same line."""
    data, content = copy_project(tmp_path)
    (content / "pages/find.md").write_text(PAGE, "utf-8")
    settings = settings_file(tmp_path, 'SEARCH_INDEX_URL = "find/"')
    result = CliRunner().invoke(main, ["validate", "--settings", str(settings)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [RESERVED]
    with pytest.raises(ValidationFailed) as refused:
        build(tmp_path / "output", data, content, SEARCH_INDEX_URL="find/")
    assert [str(problem) for problem in refused.value.problems] == [RESERVED]
    # The default settings reserve no 'find': the same files pass.
    (tmp_path / "other").mkdir()
    default = settings_file(tmp_path / "other", f"PATH = {str(content)!r}")
    passed = CliRunner().invoke(main, ["validate", "--settings", str(default), "--data", str(data)])
    assert passed.exit_code == 0, passed.output


def test_validate_reads_the_folders_the_settings_name(tmp_path: Path) -> None:
    """Without --data and --content, validate checks the settings' NGO_DIRECTORY_DATA_PATH and
    PATH, wherever it is run from."""
    data, _ = copy_project(tmp_path)
    (data / "ngos/broken.yaml").write_text("name: [unclosed\n", "utf-8")
    settings = settings_file(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--settings", str(settings)])
    assert result.exit_code == 1, result.output
    assert [line.split(":", 1)[0] for line in result.stdout.splitlines()] == ["ngo_data/ngos/broken.yaml"]


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Niue"])
def test_new_dates_a_record_in_the_settings_time_zone(tmp_path: Path, zone: str) -> None:
    """UTC+14 and UTC-11 are never on the same day: the record's dates are today in the zone
    the settings name."""
    data, _ = copy_project(tmp_path)
    settings = settings_file(tmp_path, f"NGO_DIRECTORY_TIME_ZONE = {zone!r}")
    before = dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()
    result = CliRunner().invoke(main, ["new", "ngo", "Zone Test", "--settings", str(settings)])
    after = dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()
    assert result.exit_code == 0, result.output
    text = (data / "ngos/zone-test.yaml").read_text("utf-8")
    assert any(f'added: "{day.isoformat()}"' in text for day in (before, after)), text
