"""Whether a pull request leaves its records valid: the validator run on the records of the base
revision and of the head, both read from git objects into temporary folders (never a checkout
of the pull request), and the problems the head has that the base had not, by file.

A file the validator refuses is never "may merge", whoever approves it: the change itself must
be fixed. Problems in files the pull request does not touch are the base revision's own, unless
the change caused them (a deleted record that another one names): those count too, on the file
that shows them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..i18n import N_
from ..problems import Message, Problem
from ..records.loader import DEFAULT_MAX_BYTES
from .gitrepo import Change, Repository

DATA_FOLDER = "ngo_data/"


def _problems(repo: Repository, commit: str, folder: str, max_bytes: int) -> list[Problem]:
    from ..records.validate import check_data

    with tempfile.TemporaryDirectory(prefix="ngo-directory-check-") as tmp:
        too_large = repo.export(commit, folder, Path(tmp), max_bytes)
        data = Path(tmp) / folder.rstrip("/")
        problems = check_data(data)[1] if data.is_dir() else []
    # A file over the limit is not copied (it would cost the check its memory): the loader's
    # own refusal stands for it.
    problems += [
        Problem(
            path,
            1,
            1,
            "",
            Message(
                N_("file is %(size)s bytes, over the limit of %(limit)s"),
                size=f"{size:,}",
                limit=f"{max_bytes:,}",
            ),
        )
        for path, size in sorted(too_large.items())
    ]
    return problems


def _key(problem: Problem) -> tuple[str, str, str]:
    # Line numbers move when a file is edited above a problem; the same message on the same
    # field of the same file is the same problem.
    return (problem.file, problem.field, problem.message)


def new_problems(
    repo: Repository,
    base: str,
    head: str,
    changes: list[Change],
    *,
    folder: str = DATA_FOLDER,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, list[Problem]]:
    """The validator's problems in ``head`` that ``base`` does not have, by file (as paths of
    the repository); empty when the change touches no record."""
    if not any(c.path.startswith(folder) for c in changes):
        return {}
    after = _problems(repo, head, folder, max_bytes)
    if not after:
        return {}
    before = {_key(p) for p in _problems(repo, base, folder, max_bytes)}
    found: dict[str, list[Problem]] = {}
    for problem in after:
        if _key(problem) not in before:
            found.setdefault(problem.file, []).append(problem)
    return found
