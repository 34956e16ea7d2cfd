"""Read a git repository's history without a work tree: the changes between two commits and
the files of one commit, by object id. Nothing here changes the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_
from ..problems import Message

# Modes git records for a tree entry.
REGULAR = ("100644", "100755")
SYMLINK = "120000"
SUBMODULE = "160000"
NO_FILE = "000000"
_NO_OBJECT = "0" * 40


class GitError(Exception):
    """git could not do what was asked: no repository, an unknown revision, a broken object."""


@dataclass(frozen=True)
class Change:
    """One path that differs between two commits; a rename is a deletion and an addition."""

    path: str
    status: str  # A added, D deleted, M modified, T type changed (file, link or submodule)
    old_mode: str
    new_mode: str
    old_id: str
    new_id: str


@dataclass(frozen=True)
class Entry:
    """One file of a commit's tree."""

    mode: str
    object_id: str
    size: int | None  # None for a submodule


class Repository:
    """A git repository, read through the git command with fixed arguments."""

    def __init__(self, path: Path):
        git = shutil.which("git")
        if git is None:
            raise GitError(Message(N_("git is not installed (or not on PATH)")))
        self.git = git
        self.path = path
        if not path.is_dir():
            raise GitError(Message(N_("not a git repository: %(path)s is not a folder"), path=str(path)))
        try:
            self._run("rev-parse", "--git-dir")
        except GitError:
            raise GitError(Message(N_("not a git repository: %(path)s"), path=str(path))) from None

    def _run(self, *args: str) -> bytes:
        env = {
            **os.environ,
            "LC_ALL": "C",
            "GIT_LITERAL_PATHSPECS": "1",  # a path is a path, never a pattern
            "GIT_OPTIONAL_LOCKS": "0",
            "GIT_TERMINAL_PROMPT": "0",
        }
        result = subprocess.run(  # noqa: S603 (our own arguments; values follow --end-of-options or --)
            [self.git, "-C", str(self.path), *args], capture_output=True, env=env, check=False
        )
        if result.returncode != 0:
            message = result.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
            raise GitError(message[-1] if message else f"git {args[0]} failed")
        return result.stdout

    def commit(self, revision: str) -> str:
        """The full id of the commit ``revision`` names; GitError when it names none."""
        if not revision or revision.startswith("-"):
            raise GitError(Message(N_("unknown revision %(revision)s"), revision=repr(revision)))
        try:
            out = self._run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        except GitError:
            raise GitError(
                Message(
                    N_("unknown revision %(revision)s: no such commit in %(path)s"),
                    revision=repr(revision),
                    path=str(self.path),
                )
            ) from None
        return out.decode("ascii").strip()

    def second_parent(self, commit: str) -> str | None:
        """The second parent of ``commit`` (a merge's merged-in side), or None."""
        out = self._run("rev-list", "--parents", "-n", "1", commit, "--").decode("ascii").split()
        return out[2] if len(out) > 2 else None

    def changes(self, base: str, head: str) -> list[Change]:
        """Every path that differs between two commits, with both modes and object ids."""
        out = self._run(
            "diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--no-ext-diff", "--no-textconv",
            "--no-relative", "--ignore-submodules=none", base, head, "--",
        )  # fmt: skip
        fields = out.split(b"\0")
        changes = []
        for index in range(0, len(fields) - 1, 2):
            old_mode, new_mode, old_id, new_id, status = fields[index].decode("ascii").lstrip(":").split()
            changes.append(Change(_path(fields[index + 1]), status[0], old_mode, new_mode, old_id, new_id))
        return changes

    def entry(self, commit: str, path: str) -> Entry | None:
        """The tree entry at ``path`` in ``commit``, or None when there is none."""
        out = self._run("ls-tree", "-z", "-l", "--full-tree", commit, "--", path)
        for record in out.split(b"\0"):
            if not record:
                continue
            info, name = record.split(b"\t", 1)
            mode, _kind, object_id, size = info.decode("ascii").split()
            if _path(name) == path:
                return Entry(mode, object_id, None if size == "-" else int(size))
        return None

    def files(self, commit: str, folder: str) -> dict[str, Entry]:
        """Every file under ``folder`` (ending in '/') in ``commit``, by path."""
        out = self._run("ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--", folder)
        found = {}
        for record in out.split(b"\0"):
            if not record:
                continue
            info, name = record.split(b"\t", 1)
            mode, _kind, object_id, size = info.decode("ascii").split()
            found[_path(name)] = Entry(mode, object_id, None if size == "-" else int(size))
        return found

    def blob(self, object_id: str, max_bytes: int) -> bytes | None:
        """The content of a file by its object id, or None when it is larger than ``max_bytes``."""
        if object_id == _NO_OBJECT:
            return None
        size = int(self._run("cat-file", "-s", object_id))
        if size > max_bytes:
            return None
        return self._run("cat-file", "blob", object_id)

    def export(self, commit: str, folder: str, target: Path, max_bytes: int) -> dict[str, int]:
        """Write the regular files under ``folder`` (ending in '/') in ``commit`` below
        ``target``, as their blobs hold them; links and submodules are left out, and so are
        files over ``max_bytes``, which are returned (path: size). Reads objects only (one
        ``git cat-file --batch``): no checkout, and no attribute, filter or hook of the
        repository applies."""
        files = self.files(commit, folder)
        too_large = {
            path: entry.size
            for path, entry in files.items()
            if entry.mode in REGULAR and entry.size is not None and entry.size > max_bytes
        }
        wanted = [
            (path, entry.object_id)
            for path, entry in sorted(files.items())
            if entry.mode in REGULAR and path not in too_large
        ]
        if not wanted:
            return too_large
        request = "".join(f"{object_id}\n" for _, object_id in wanted).encode("ascii")
        env = {**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
        result = subprocess.run(  # noqa: S603 (fixed arguments; object ids on stdin)
            [self.git, "-C", str(self.path), "cat-file", "--batch"],
            input=request,
            capture_output=True,
            env=env,
            check=False,
        )
        if result.returncode != 0:
            raise GitError(f"git cat-file failed: {result.stderr.decode('utf-8', 'backslashreplace')[-200:]}")
        out = result.stdout
        position = 0
        root = target.resolve()
        for path, object_id in wanted:
            header_end = out.index(b"\n", position)
            oid, kind, size = out[position:header_end].decode("ascii").split()
            if oid != object_id or kind != "blob":
                raise GitError(f"git cat-file gave {oid} {kind} for {object_id}")
            start = header_end + 1
            content = out[start : start + int(size)]
            position = start + int(size) + 1
            destination = (root / path).resolve()
            if not destination.is_relative_to(root) or "\\" in path:
                continue  # git never records such a path; a broken tree gains nothing
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(content)
        return too_large


def _path(raw: bytes) -> str:
    # git's paths are bytes; a name that is not UTF-8 shows as \xNN escapes.
    return raw.decode("utf-8", "backslashreplace")
