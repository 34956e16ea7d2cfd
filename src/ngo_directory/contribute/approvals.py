"""What GitHub says about a pull request: its author, head commit and reviews, read from the
JSON GitHub's API returns (or the ``pull_request`` of a webhook event) and trusted for nothing
but its shape. Every value is checked before it is used: a login must be a login, a commit id
forty hexadecimal digits, a number a number.

An approval counts when it is the reviewer's latest decisive review (approved, changes
requested, or dismissed; a plain comment decides nothing) *on the head commit*: pushing a new
commit, or dismissing the review, takes it back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import N_
from ..problems import Message, printable
from ..settings import LOGIN

# A pull request's author: a GitHub login, or an app's bot account ("dependabot[bot]").
AUTHOR = re.compile(LOGIN.pattern.rstrip("$") + r"(?:\[bot\])?$")
COMMIT = re.compile(r"[0-9a-f]{40}")
# The issue form's workflow opens its pull requests on a branch FORM_BRANCH<issue number> of the
# repository itself, as an app's bot account: GitHub Actions' (github-actions[bot]) or the
# directory's own GitHub App's, whose token lets the pull request's checks start.
FORM_BRANCH = "ngo-form/issue-"
DECISIVE = {"APPROVED", "CHANGES_REQUESTED", "DISMISSED"}
MAX_JSON_BYTES = 8 * 1024 * 1024


class InputProblem(ValueError):
    """A file of GitHub data that is not what it should be."""


def read_json(path: Path) -> Any:
    """A JSON file of GitHub data, refused when it is not JSON or is unreasonably large."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_JSON_BYTES + 1)
    except OSError as error:
        raise InputProblem(
            Message(
                N_("cannot read %(file)s: %(reason)s"), file=printable(str(path)), reason=str(error.strerror)
            )
        ) from None
    if len(raw) > MAX_JSON_BYTES:
        raise InputProblem(Message(N_("%(file)s is too large"), file=printable(str(path))))
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise InputProblem(Message(N_("%(file)s is not JSON"), file=printable(str(path)))) from None


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _login(value: Any, where: str) -> str:
    if not isinstance(value, str) or not AUTHOR.fullmatch(value):
        raise InputProblem(
            Message(
                N_("%(where)s is not a GitHub login: %(value)s"),
                where=where,
                value=printable(repr(value)[:80]),
            )
        )
    return value


def _commit(value: Any, where: str) -> str:
    if not isinstance(value, str) or not COMMIT.fullmatch(value):
        raise InputProblem(
            Message(
                N_("%(where)s is not a commit id: %(value)s"), where=where, value=printable(repr(value)[:80])
            )
        )
    return value


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class PullRequest:
    """The facts about a pull request that the checks use."""

    number: int
    author: str
    head_sha: str
    head_ref: str
    head_repository: str  # owner/name; "" when the fork is gone
    repository: str  # the base repository, owner/name
    base_ref: str
    state: str  # open or closed
    draft: bool
    merged: bool

    @property
    def form_issue(self) -> int | None:
        """The issue this pull request was opened for by the issue form's workflow, or None.
        Only an app given write access (or someone with write access, who is no bot) can push a
        branch of the repository itself, so a fork naming its branch like that gains nothing."""
        if not self.author.endswith("[bot]") or self.head_repository.casefold() != self.repository.casefold():
            return None
        number = self.head_ref.removeprefix(FORM_BRANCH)
        if number == self.head_ref or not number.isdigit() or number.startswith("0") or len(number) > 9:
            return None
        return int(number)


def read_pull(data: Any) -> PullRequest:
    """A pull request from the API's JSON, or from a webhook event that carries one."""
    if isinstance(data, dict) and isinstance(data.get("pull_request"), dict):
        data = data["pull_request"]
    if not isinstance(data, dict):
        raise InputProblem(Message(N_("the pull request is not a JSON object")))
    number = data.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise InputProblem(Message(N_("the pull request has no number")))
    repository = _text(_get(data, "base", "repo", "full_name"))
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repository):
        raise InputProblem(Message(N_("the pull request names no base repository")))
    return PullRequest(
        number=number,
        author=_login(_get(data, "user", "login"), "user.login"),
        head_sha=_commit(_get(data, "head", "sha"), "head.sha"),
        head_ref=_text(_get(data, "head", "ref")),
        head_repository=_text(_get(data, "head", "repo", "full_name")),
        repository=repository,
        base_ref=_text(_get(data, "base", "ref")),
        state=_text(data.get("state")),
        draft=data.get("draft") is True,
        merged=data.get("merged") is True or bool(data.get("merged_at")),
    )


def issue_author(data: Any, number: int) -> str:
    """The author of issue ``number`` from the API's JSON (or an ``issues`` event)."""
    if isinstance(data, dict) and isinstance(data.get("issue"), dict):
        data = data["issue"]
    if not isinstance(data, dict) or data.get("number") != number:
        raise InputProblem(Message(N_("the issue given is not issue #%(number)s"), number=number))
    if data.get("pull_request") is not None:
        raise InputProblem(Message(N_("#%(number)s is a pull request, not an issue"), number=number))
    return _login(_get(data, "user", "login"), "issue.user.login")


def _reviews(data: Any) -> Iterable[Any]:
    """The reviews from the API's list, or from its pages as ``gh api --paginate --slurp`` gives
    them (a list of lists)."""
    if not isinstance(data, list):
        raise InputProblem(Message(N_("the reviews are not a JSON list")))
    for item in data:
        if isinstance(item, list):
            yield from item
        else:
            yield item


@dataclass(frozen=True)
class Approvals:
    """Who approves the head commit, and who approved only an older one."""

    approved: frozenset[str]  # casefolded logins
    shown: dict[str, str]  # casefolded -> as GitHub spells it
    older: frozenset[str]  # approved an earlier commit and has not approved the head

    def names(self, logins: Iterable[str]) -> list[str]:
        """The logins among ``logins`` that approve the head commit, spelt as GitHub spells them."""
        return [self.shown[x.casefold()] for x in logins if x.casefold() in self.approved]

    def __contains__(self, login: object) -> bool:
        return isinstance(login, str) and login.casefold() in self.approved


NO_APPROVALS = Approvals(frozenset(), {}, frozenset())


def read_approvals(data: Any, head_sha: str, author: str) -> Approvals:
    """The approvals of ``head_sha`` among the reviews, not counting the author's own."""
    latest: dict[str, tuple[str, str]] = {}  # login -> (state, commit) of the latest decisive review
    shown: dict[str, str] = {}
    for review in _reviews(data):
        if not isinstance(review, dict):
            continue
        state = review.get("state")
        login = _get(review, "user", "login")
        if state not in DECISIVE or not isinstance(login, str) or not AUTHOR.fullmatch(login):
            continue
        commit = review.get("commit_id")
        key = login.casefold()
        if key == author.casefold():
            continue
        shown[key] = login
        # The API lists reviews oldest first; a dismissal rewrites the review's own state.
        latest[key] = (str(state), commit if isinstance(commit, str) else "")
    approved = {key for key, (state, commit) in latest.items() if state == "APPROVED" and commit == head_sha}
    older = {key for key, (state, commit) in latest.items() if state == "APPROVED" and commit != head_sha}
    return Approvals(frozenset(approved), shown, frozenset(older))
