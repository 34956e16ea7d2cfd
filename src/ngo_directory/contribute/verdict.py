"""What `check-pr` found: each finding, who has approved it and who still may, and the verdict on
a pull request, as lines, GitHub annotations, JSON, a Markdown summary and a pull-request comment.

The outcomes:

- ``merge``: every file is its author's or approved by one who may approve it, and the change
  is records and press releases only; GitHub merges it by itself (auto-merge) once validate,
  build and test pass;
- ``maintainer``: nothing is left to approve, but the change touches the directory's code,
  templates, settings or pages, which a directory maintainer merges by hand;
- ``wait``: some file waits for the approval of one of the logins named;
- ``refused``: the validator refuses a record as changed: no approval helps, a new commit must
  fix it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from ..i18n import N_, RECORD_LANGUAGES, translations
from ..problems import Message, Problem, localize, output_line, printable
from .approvals import AUTHOR, NO_APPROVALS, Approvals
from .github_markdown import inert_markdown as _md
from .gitrepo import Change

TEAM = Message(N_("a maintainer of the directory"))
_NOTE = Message(N_("note"))
CHANGES = {"A": N_("added"), "D": N_("deleted"), "M": N_("edited"), "T": N_("type changed")}
# The first line of the comment the auto-merge workflow keeps on a pull request: how it finds
# its own comment again to update it.
COMMENT_MARKER = "<!-- ngo-directory: who may change what -->"
OUTCOMES = ("merge", "maintainer", "wait", "refused")
# GitHub refuses a comment of more than 65,536 characters; what is left is room to spare.
COMMENT_LIMIT = 60_000
MENTIONS = 10


def logins_phrase(logins: list[str] | tuple[str, ...]) -> str:
    """'@a', '@a or @b', '@a, @b or @c'; a maintainer of the directory when there is none."""
    if not logins:
        return TEAM
    named = [f"@{login}" for login in logins]
    if len(named) == 1:
        return named[0]
    return Message(N_("%(first)s or %(second)s"), first=", ".join(named[:-1]), second=named[-1])


def _and(logins: list[str]) -> str:
    named = [f"@{login}" for login in logins]
    if len(named) == 1:
        return named[0]
    return Message(N_("%(first)s and %(second)s"), first=", ".join(named[:-1]), second=named[-1])


@dataclass(frozen=True)
class Finding:
    """One reason a change needs review (or, as a note, something a reviewer may look at)."""

    file: str
    rule: str
    message: str
    approvers: tuple[str, ...] = ()  # the logins who may approve; none: a maintainer of the directory
    line: int = 1
    note: bool = False
    refused: bool = False  # no approval passes it: the file itself must change
    maintainer: bool = False  # a note only a directory maintainer may act on: they merge by hand

    @property
    def who(self) -> str:
        return logins_phrase(self.approvers)

    def __str__(self) -> str:
        return self.localized(None)

    def _text(self, language: str | None, approved: list[str] | None = None) -> str:
        """``message (may approve: who)`` in ``language`` (English for None)."""
        if self.note:
            template, who = N_("%(message)s (for review by %(who)s)"), self.who
        elif self.refused:
            template, who = N_("%(message)s (no approval can pass it: change the file)"), ""
        elif approved:
            template, who = N_("%(message)s (approved by %(who)s)"), _and(approved)
        else:
            template, who = N_("%(message)s (may approve: %(who)s)"), self.who
        if language is not None:
            template = translations(language).gettext(template)
        return template % {"message": localize(self.message, language), "who": localize(who, language)}

    def localized(self, language: str | None, approved: list[str] | None = None) -> str:
        """``path: rule: message (may approve: who)``; rules, paths and logins stay as written."""
        rule = localize(_NOTE, language) if self.note else self.rule
        return output_line(printable(f"{printable(self.file)}: {rule}: {self._text(language, approved)}"))

    def github_annotation(self, language: str | None = None, approved: list[str] | None = None) -> str:
        text = self._text(language, approved)
        annotation = Problem(self.file, self.line, 1, self.rule, text).github_annotation()
        if self.note or approved:
            return annotation.replace("::error ", "::notice ", 1)
        return annotation

    def as_json(self, approved: list[str] | None = None) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "rule": self.rule,
            "message": self.message,
            "approvers": list(self.approvers),
            "directory_maintainers": not self.approvers,
            "refused": self.refused,
            "approved_by": list(approved or []),
        }


@dataclass
class Verdict:
    """What one pull request changes, who has approved what, and what is still needed."""

    author: str
    base: str
    head: str
    in_team: bool
    changes: list[Change]
    findings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    approvals: Approvals = NO_APPROVALS
    team: tuple[str, ...] = ()  # the directory's maintainers, who may approve anything
    data_only: bool = True  # records and press releases only
    mentionable: tuple[str, ...] = ()  # logins read from the base revision's records

    def approved_by(self, finding: Finding) -> list[str]:
        """Who, among those allowed to, approves the head commit for this finding."""
        if finding.refused or finding.note:
            return []
        return self.approvals.names(dict.fromkeys([*finding.approvers, *self.team]))

    @property
    def waiting(self) -> list[Finding]:
        """The findings nobody allowed to has approved, refused ones included."""
        return [f for f in self.findings if not self.approved_by(f)]

    @property
    def refused(self) -> bool:
        return any(f.refused for f in self.findings)

    @property
    def may_merge(self) -> bool:
        return not self.waiting

    @property
    def for_maintainer(self) -> list[Finding]:
        """The notes that only a directory maintainer acts on (a confusable new name)."""
        return [] if self.in_team else [f for f in self.notes if f.maintainer]

    @property
    def auto_merge(self) -> bool:
        """Whether GitHub may merge it by itself once every required check passes: records and
        press releases only, none refused, nothing for a directory maintainer to look at."""
        return self.data_only and not self.refused and not self.for_maintainer

    @property
    def outcome(self) -> str:
        if self.refused:
            return "refused"
        if not self.may_merge:
            return "wait"
        return "merge" if self.data_only and not self.for_maintainer else "maintainer"

    def _of(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.file == path]

    def may_approve(self, path: str) -> tuple[list[str], bool]:
        """Who may still approve ``path``: the logins its waiting findings name, and whether a
        directory maintainer is needed for one of them."""
        logins: dict[str, None] = {}
        team = False
        for finding in self._of(path):
            if finding.refused or self.approved_by(finding):
                continue
            logins.update(dict.fromkeys(finding.approvers))
            team = team or not finding.approvers
        return list(logins), team

    def file_approvals(self, path: str) -> list[str]:
        found: dict[str, None] = {}
        for finding in self._of(path):
            found.update(dict.fromkeys(self.approved_by(finding)))
        return list(found)

    def file_verdict(self, path: str, language: str | None = None) -> str:
        """'refused: rule', 'needs review: rule, rule', 'approved by @x', 'may merge' or
        'may merge (2 for review)', in ``language`` (English for None); rule names stay as
        written."""
        mine = self._of(path)
        refused = sorted({f.rule for f in mine if f.refused})
        waiting = sorted({f.rule for f in mine if not f.refused and not self.approved_by(f)})
        approved = self.file_approvals(path)
        noted = sum(1 for f in self.notes if f.file == path)
        if refused:
            verdict = Message(N_("refused: %(rules)s"), rules=", ".join(refused))
        elif waiting:
            verdict = Message(N_("needs review: %(rules)s"), rules=", ".join(waiting))
        elif approved:
            verdict = Message(N_("approved by %(who)s"), who=_and(approved))
        elif noted:
            verdict = Message(N_("may merge (%(num)s for review)"), num=noted)
        else:
            verdict = Message(N_("may merge"))
        return verdict.localized(language)

    def lines(self, language: str | None) -> list[str]:
        """One line per finding and note, approved findings saying by whom."""
        return [f.localized(language, self.approved_by(f)) for f in [*self.findings, *self.notes]]

    def annotations(self, language: str | None) -> list[str]:
        return [f.github_annotation(language, self.approved_by(f)) for f in [*self.findings, *self.notes]]

    def as_json(self) -> dict[str, Any]:
        files = []
        for change in self.changes:
            logins, team = self.may_approve(change.path)
            files.append(
                {
                    "file": change.path,
                    "change": CHANGES[change.status],
                    "verdict": self.file_verdict(change.path),
                    "approved_by": self.file_approvals(change.path),
                    "may_approve": logins,
                    "directory_maintainers": team,
                }
            )
        return {
            "author": self.author,
            "base": self.base,
            "head": self.head,
            "outcome": self.outcome,
            "may_merge": self.may_merge,
            "auto_merge": self.auto_merge,
            "directory_maintainer": self.in_team,
            "approvals": sorted(self.approvals.shown[x] for x in self.approvals.approved),
            "files": files,
            "findings": [f.as_json(self.approved_by(f)) for f in self.findings],
            "notes": [
                {k: v for k, v in f.as_json().items() if k not in ("rule", "refused", "approved_by")}
                for f in self.notes
            ],
        }

    def headline(self, language: str | None = None) -> tuple[str, str]:
        """The verdict in a few words and the sentence that explains it, in ``language``."""
        author = _md(self.author)
        if self.outcome == "refused":
            count = len({f.file for f in self.findings if f.refused})
            text = translations(language or "en").ngettext(
                "the validator refuses %(num)s file as changed; fix it with a new commit.",
                "the validator refuses %(num)s files as changed; fix them with a new commit.",
                count,
            )
            return _tr(N_("Refused:"), language), text % {"num": count}
        if self.outcome == "wait":
            count = len(self.waiting)
            text = translations(language or "en").ngettext(
                "%(num)s finding still needs the approval of one of those named below.",
                "%(num)s findings still need the approval of one of those named below.",
                count,
            )
            return _tr(N_("Waiting for approval:"), language), text % {"num": count}
        then = _tr(N_("GitHub merges it by itself once validate, build and test pass."), language)
        if self.in_team:
            why = Message(N_("%(author)s is a maintainer of the directory."), author=author).localized(
                language
            )
            return _tr(N_("May merge:"), language), f"{why} {then}" if self.auto_merge else why
        if self.outcome == "maintainer" and self.data_only:
            return _tr(N_("A directory maintainer merges this:"), language), _tr(
                N_(
                    "a new organisation's name can be taken for another's (below); a directory "
                    "maintainer makes sure both are who they claim to be, then merges."
                ),
                language,
            )
        if self.outcome == "maintainer":
            return _tr(N_("A directory maintainer merges this:"), language), _tr(
                N_(
                    "it changes more than records and press releases, which only a directory "
                    "maintainer merges."
                ),
                language,
            )
        if any(self.approved_by(f) for f in self.findings):
            why = Message(
                N_("each file is one %(author)s may change, or has the approval of one who may approve it."),
                author=author,
            )
        else:
            why = Message(N_("%(author)s maintains everything this changes."), author=author)
        return _tr(N_("May merge:"), language), f"{why.localized(language)} {then}"

    def summary(self, language: str | None = None) -> str:
        """Markdown for a CI job summary ($GITHUB_STEP_SUMMARY): the verdict and a table of
        files, who has approved each and who still may, in ``language`` (English for None);
        paths, rules and logins stay as written."""
        verdict, why = self.headline(language)
        cells = (N_("file"), N_("change"), N_("verdict"), N_("approved by"), N_("may approve"))
        header = " | ".join(_md(_tr(cell, language)) for cell in cells)
        lines = [
            "## " + _tr(N_("Who may change what"), language),
            "",
            f"**{verdict}** {why}",
            "",
            f"| {header} |",
            "| --- | --- | --- | --- | --- |",
        ]
        for change in self.changes:
            what = _tr(CHANGES[change.status], language)
            approved = " ".join(f"@{login}" for login in self.file_approvals(change.path))
            logins, team = self.may_approve(change.path)
            may = [f"@{login}" for login in logins] + ([localize(TEAM, language)] if team else [])
            row = (
                change.path,
                what,
                self.file_verdict(change.path, language),
                approved or "-",
                ", ".join(may) or "-",
            )
            lines.append("| " + " | ".join(_md(cell) for cell in row) + " |")
        waiting = [f for f in self.findings if not self.approved_by(f)]
        approved_findings = [f for f in self.findings if self.approved_by(f)]
        if waiting:
            lines += ["", "### " + _tr(N_("Needs review"), language), ""]
            lines += [f"- {_md(f.localized(language))}" for f in waiting]
        if approved_findings:
            lines += ["", "### " + _tr(N_("Approved"), language), ""]
            lines += [f"- {_md(f.localized(language, self.approved_by(f)))}" for f in approved_findings]
        if self.notes:
            lines += ["", "### " + _tr(N_("For review"), language), ""]
            lines += [f"- {_md(f.localized(language))}" for f in self.notes]
        return "\n".join(lines) + "\n"

    def comment(self, language: str) -> str:
        """The pull request's comment: the summary in ``language``, then folded in the other
        languages, under the marker that lets the workflow update it in place; within GitHub's
        limit for a comment (the other languages go first, then the summary is cut short)."""
        waiting = {login.casefold() for f in self.waiting if not f.refused for login in f.approvers}
        # Only logins the base revision's records name, checked as logins, and a few: a pull
        # request cannot have GitHub notify whoever it likes.
        mention = [x for x in self.mentionable if x.casefold() in waiting and AUTHOR.fullmatch(x)][:MENTIONS]
        tail = ["cc " + " ".join(f"@{login}" for login in mention)] if mention and not self.refused else []
        parts = [COMMENT_MARKER, self.summary(language)]
        for other in RECORD_LANGUAGES:
            if other == language:
                continue
            name = html.escape(Locale.parse(other).get_display_name(other) or other)
            parts += [f"<details><summary>{name}</summary>", "", self.summary(other), "</details>", ""]
        text = "\n".join([*parts, *tail]).rstrip("\n") + "\n"
        if len(text) <= COMMENT_LIMIT:
            return text
        summary = self.summary(language)
        cut = _tr(
            N_("The list is cut short here: the ownership check's job summary has all of it."), language
        )
        room = COMMENT_LIMIT - len(COMMENT_MARKER) - len(cut) - sum(len(x) for x in tail) - 16
        if len(summary) > room:
            summary = summary[:room].rsplit("\n", 1)[0] + f"\n\n{cut}\n"
        return "\n".join([COMMENT_MARKER, summary, *tail]).rstrip("\n") + "\n"


def _tr(message: str, language: str | None) -> str:
    """A catalog message without parameters in ``language`` (English for None)."""
    return Message(message).localized(language)
