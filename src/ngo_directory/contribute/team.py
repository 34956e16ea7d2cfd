"""The directory's maintainers: the NGO_DIRECTORY_MAINTAINERS_TEAM setting, read from the base
revision's settings file without running it."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from ..i18n import N_
from ..problems import Message, printable
from ..records.loader import DEFAULT_MAX_BYTES
from ..settings import LOGIN
from .gitrepo import REGULAR, Repository


def logins_of(value: object) -> tuple[str, ...] | None:
    """A list of logins as a record or the settings give it, or None if it is not one."""
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        return None
    return tuple(value)


class SettingsProblem(ValueError):
    """The maintainers team cannot be read from the settings file."""


def team_from_settings(repo: Repository, commit: str, path: str, *, required: bool) -> list[str]:
    """``NGO_DIRECTORY_MAINTAINERS_TEAM`` as the settings file sets it in ``commit``, read as a
    literal and never run: a pull request that adds its author to the team in its own copy of
    the settings gains nothing. Without the file (unless ``required``) or the setting, the
    default: nobody."""
    entry = repo.entry(commit, path)
    if entry is None or entry.mode not in REGULAR:
        if required:
            raise SettingsProblem(Message(N_("%(file)s is not a file in the base revision"), file=path))
        return []
    raw = repo.blob(entry.object_id, DEFAULT_MAX_BYTES)
    if raw is None:
        raise SettingsProblem(Message(N_("%(file)s is too large to read"), file=path))
    try:
        tree = ast.parse(raw, filename=path)
    except (SyntaxError, ValueError) as error:
        raise SettingsProblem(
            Message(N_("%(file)s cannot be parsed: %(error)s"), file=path, error=str(error))
        ) from None
    team: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if not any(isinstance(t, ast.Name) and t.id == "NGO_DIRECTORY_MAINTAINERS_TEAM" for t in targets):
                continue
            try:
                value = ast.literal_eval(node.value) if node.value is not None else None
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                value = None
            if not isinstance(value, list | tuple) or not all(isinstance(x, str) for x in value):
                raise SettingsProblem(
                    Message(
                        N_(
                            "%(file)s: NGO_DIRECTORY_MAINTAINERS_TEAM must be a plain list of logins, "
                            "such as ['octocat']; or pass --team"
                        ),
                        file=path,
                    )
                )
            team = list(value)
    return check_team(team)


def check_team(team: Iterable[str]) -> list[str]:
    logins = [login.strip() for login in team if login.strip()]
    for login in logins:
        if not LOGIN.fullmatch(login):
            raise SettingsProblem(
                Message(
                    N_("%(login)s in the maintainers team is not a GitHub login"),
                    login=repr(printable(login)),
                )
            )
    return logins
