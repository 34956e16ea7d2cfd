"""A rebuild into the same output folder does not rewrite the files whose bytes did not change:
they stay the same files (inode and modification time), so web servers keep their ETag and
Last-Modified and returning visitors revalidate instead of downloading them again."""

from __future__ import annotations

import os
from pathlib import Path

from ngo_directory.integration.build import keep_unchanged
from sitetools import build, copy_project, stable_digest


def _identity(site: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(site).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in site.rglob("*")
        if path.is_file()
    }


def test_a_rebuild_keeps_the_files_that_did_not_change(tmp_path: Path) -> None:
    data, content = copy_project(tmp_path / "project")
    site = build(tmp_path / "output", data, content)
    before = _identity(site)

    record = data / "ngos" / "madad-azerbaijan.yaml"
    record.write_text(
        record.read_text("utf-8").replace("new\n    approaches to learning.", "new\n    ways of learning."),
        "utf-8",
    )
    build(tmp_path / "output", data, content)
    after = _identity(site)

    changed = {path for path in after if after[path] != before.get(path)}
    kept = {path for path in after if after[path] == before.get(path)}
    # The English page of the edited NGO is new; its Azerbaijani and Russian pages, the theme
    # and the pages of other records are the very files written by the first build.
    assert "en/ngos/madad-azerbaijan/index.html" in changed
    assert {"ngos/madad-azerbaijan/index.html", "ru/ngos/madad-azerbaijan/index.html"} <= kept
    assert {"partners/oxfam/index.html", "theme/css/site.css", "theme/js/search.js"} <= kept
    assert len(kept) > 0.9 * len(after), (len(kept), len(after))
    # Kept or not, the site is byte for byte what a build into an empty folder makes.
    fresh = build(tmp_path / "fresh", data, content)
    assert stable_digest(site) == stable_digest(fresh)


def test_only_identical_regular_files_are_kept(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        (folder / "sub").mkdir(parents=True)
    (old / "same.html").write_bytes(b"<p>same</p>")
    (new / "same.html").write_bytes(b"<p>same</p>")
    (old / "sub" / "edited.html").write_bytes(b"<p>one</p>")
    (new / "sub" / "edited.html").write_bytes(b"<p>two</p>")
    (old / "grown.html").write_bytes(b"<p>a</p>")
    (new / "grown.html").write_bytes(b"<p>ab</p>")
    (new / "added.html").write_bytes(b"<p>new</p>")
    (tmp_path / "outside.html").write_bytes(b"<p>link</p>")
    os.symlink(tmp_path / "outside.html", old / "linked.html")
    (new / "linked.html").write_bytes(b"<p>link</p>")

    assert keep_unchanged(new, old) == (1, 5)
    assert (new / "same.html").stat().st_ino == (old / "same.html").stat().st_ino
    for name in ("sub/edited.html", "grown.html", "added.html", "linked.html"):
        assert (new / name).stat().st_ino != (old / name).stat().st_ino if (old / name).exists() else True
        assert not (new / name).is_symlink()
    assert (new / "sub" / "edited.html").read_bytes() == b"<p>two</p>"
    assert sorted(p.name for p in new.rglob("*")) == [
        "added.html",
        "edited.html",
        "grown.html",
        "linked.html",
        "same.html",
        "sub",
    ]
