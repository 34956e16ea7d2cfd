"""`ngo-directory bench` at the tiny size T: the synthetic directory is valid and reproducible,
and one pair of builds reports every phase, the pages written and a ratio to vanilla Pelican."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ngo_directory.bench.generate import CLASSIC_PLACES, SHAPES, SIZES, generate
from ngo_directory.bench.run import PHASES
from ngo_directory.cli import main
from ngo_directory.content.reading import folder_check
from ngo_directory.records.validate import check_data

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = ROOT / "ngo_data"


def digest(folder: Path) -> str:
    """One hash of every file's path and bytes under ``folder``."""
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()


def test_the_directory_is_valid_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    generated = generate(first, SIZES["T"], VOCABULARIES, seed=0)
    directory, problems = check_data(first / "ngo_data", content=folder_check(first / "content"))
    assert problems == []
    assert directory is not None
    assert (directory.counts["ngos"], directory.counts["partners"], directory.counts["meetings"]) == (
        10,
        3,
        10,
    )
    releases = sorted((first / "content" / "press").glob("*.md"))
    assert len(releases) == generated.as_json()["release_files"] >= 20
    assert len({path.name.rsplit("-", 1)[0] for path in releases}) == 20
    assert any(letter in path.read_text("utf-8") for path in releases for letter in "əğışçöü")
    # Again in another process, with another hash seed: nothing may depend on either.
    code = (
        "import sys; from pathlib import Path; from ngo_directory.bench.generate import SIZES, generate; "
        "generate(Path(sys.argv[1]), SIZES['T'], Path(sys.argv[2]), seed=0)"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(second), str(VOCABULARIES)],
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert digest(first) == digest(second)
    generate(tmp_path / "other", SIZES["T"], VOCABULARIES, seed=1)
    assert digest(tmp_path / "other") != digest(first)


def _records(folder: Path) -> list[dict[str, object]]:
    return [yaml.safe_load(path.read_text("utf-8")) for path in sorted(folder.glob("*.yaml"))]


def test_the_national_shape_spreads_records_over_every_place_with_a_long_tail(tmp_path: Path) -> None:
    generated = generate(tmp_path, SIZES["S"], VOCABULARIES, seed=2).as_json()
    data = tmp_path / "ngo_data"
    directory, problems = check_data(data, content=folder_check(tmp_path / "content"))
    assert problems == [] and directory is not None
    places = yaml.safe_load((VOCABULARIES / "regions.yaml").read_text("utf-8"))
    assert (data / "regions.yaml").read_bytes() == (VOCABULARIES / "regions.yaml").read_bytes()
    themes = yaml.safe_load((data / "themes.yaml").read_text("utf-8"))
    assert len(themes) == generated["themes"] == 20
    ngos = _records(data / "ngos")
    used: dict[str, int] = {}
    for record in ngos:
        for region in record["regions"]:  # type: ignore[attr-defined]
            used[region] = used.get(region, 0) + 1
    counts = sorted(used.values(), reverse=True)
    # A long tail: the busiest place has several times the records of a typical one, and more
    # than half of the places hold at least one record of some kind.
    assert counts[0] >= 5 * counts[len(counts) // 2]
    assert max(used, key=lambda slug: used[slug]) == "baku"
    meetings = _records(data / "meetings")
    everywhere = set(used) | {m["venue"]["region"] for m in meetings}  # type: ignore[index]
    assert len(everywhere) > len(places) / 2
    assert {len(record["themes"]) for record in ngos} == {1, 2, 3}  # type: ignore[arg-type]
    programmes = _records(data / "programmes")
    assert len(programmes) == generated["programmes"] > 0
    series = yaml.safe_load((data / "series.yaml").read_text("utf-8"))
    assert len(series) == generated["series"] > 0
    assert any(m.get("series") in series for m in meetings)
    assert any(m.get("registration") for m in meetings)


def test_the_classic_shape_and_fewer_places(tmp_path: Path) -> None:
    generate(tmp_path / "classic", SIZES["T"], VOCABULARIES, seed=0, shape=SHAPES["classic"])
    classic = yaml.safe_load((tmp_path / "classic" / "ngo_data" / "regions.yaml").read_text("utf-8"))
    assert list(classic) == list(CLASSIC_PLACES)
    assert not (tmp_path / "classic" / "ngo_data" / "programmes").exists()
    shape = SHAPES["national"].but(places=27, themes=13)
    generate(tmp_path / "fewer", SIZES["T"], VOCABULARIES, seed=0, shape=shape)
    data = tmp_path / "fewer" / "ngo_data"
    assert len(yaml.safe_load((data / "regions.yaml").read_text("utf-8"))) == 27
    assert len(yaml.safe_load((data / "themes.yaml").read_text("utf-8"))) == 13
    for root in (tmp_path / "classic", tmp_path / "fewer"):
        _, problems = check_data(root / "ngo_data", content=folder_check(root / "content"))
        assert problems == [], root


@pytest.mark.site
def test_one_pair_at_size_t_reports_every_phase_and_a_ratio(tmp_path: Path) -> None:
    report_file = tmp_path / "bench.json"
    result = CliRunner().invoke(
        main,
        [
            "bench",
            "--settings",
            str(ROOT / "pelicanconf.py"),
            "--size",
            "T",
            "--pairs",
            "1",
            "--json",
            str(report_file),
            "--keep",
            str(tmp_path / "kept"),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(report_file.read_text("utf-8"))
    ours, vanilla = (next(r for r in report["runs"] if r["build"] == kind) for kind in ("ours", "vanilla"))
    assert list(ours["phases"]) == list(PHASES)
    for name, figures in ours["phases"].items():
        assert figures["wall"] >= 0 and figures["cpu"] >= 0 and figures["children_cpu"] >= 0, name
    for run in (ours, vanilla):
        assert run["pages"] > 0 and run["files"] >= run["pages"] and run["bytes"] > 0
        assert run["wall"] > 0 and run["cpu"] > 0 and run["peak_rss_bytes"] > 0
    assert ours["children_rss_bytes"] > 0  # Pagefind
    assert len(report["ratios"]) == 1 and report["ratios"][0] > 0 and report["median_ratio"] > 0
    assert report["generated"]["ngos"] == 10 and report["machine"]["cores"] >= 1
    assert "ours / vanilla" in result.output and "search index" in result.output
    assert (tmp_path / "kept" / "output-ours" / "index.html").is_file()
    # The pairs build without the cache; the rebuild after one edit, with it warm, keeps the
    # files the edit did not change and puts the edit in the edited release's page.
    cached = json.loads((tmp_path / "kept" / "cache" / "ngo-directory-read.json").read_text("utf-8"))
    assert len(cached["entries"]) == len(list((tmp_path / "kept" / "directory" / "content").rglob("*.md")))
    rebuilt = report["rebuild"]
    assert rebuilt["edited"].startswith("press/") and rebuilt["wall"] > 0 and rebuilt["first_wall"] > 0
    assert 0 < rebuilt["files_kept"] < rebuilt["files"]
    assert list(rebuilt["phases"]) == list(PHASES)
    assert "rebuild after editing " + rebuilt["edited"] in result.output
    pages = (tmp_path / "kept" / "output-rebuild").rglob("index.html")
    assert any("One more paragraph, added to time a rebuild." in page.read_text("utf-8") for page in pages)
