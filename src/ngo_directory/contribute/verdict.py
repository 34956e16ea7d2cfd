"""What `check-pr` found: each finding, and the verdict on a pull request, as lines, GitHub
annotations, JSON and a Markdown summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_, translations
from ..problems import Message, Problem, localize, output_line, printable
from .github_markdown import markdown_text as _md
from .gitrepo import Change

TEAM = Message(N_("a maintainer of the directory"))
_NOTE = Message(N_("note"))
CHANGES = {"A": N_("added"), "D": N_("deleted"), "M": N_("edited"), "T": N_("type changed")}


@dataclass(frozen=True)
class Finding:
    """One reason a change needs review (or, as a note, something a reviewer may look at)."""

    file: str
    rule: str
    message: str
    approvers: tuple[str, ...] = ()  # the logins who may approve; none: a maintainer of the directory
    line: int = 1
    note: bool = False

    @property
    def who(self) -> str:
        if not self.approvers:
            return TEAM
        logins = [f"@{login}" for login in self.approvers]
        if len(logins) == 1:
            return logins[0]
        return Message(N_("%(first)s or %(second)s"), first=", ".join(logins[:-1]), second=logins[-1])

    def __str__(self) -> str:
        return self.localized(None)

    def _text(self, language: str | None) -> str:
        """``message (may approve: who)`` in ``language`` (English for None)."""
        catalog = translations(language or "en")
        who = localize(self.who, language)
        template = (
            N_("%(message)s (for review by %(who)s)")
            if self.note
            else N_("%(message)s (may approve: %(who)s)")
        )
        if language is not None:
            template = catalog.gettext(template)
        return template % {"message": localize(self.message, language), "who": who}

    def localized(self, language: str | None) -> str:
        """``path: rule: message (may approve: who)``; rules, paths and logins stay as written."""
        rule = localize(_NOTE, language) if self.note else self.rule
        return output_line(printable(f"{printable(self.file)}: {rule}: {self._text(language)}"))

    def github_annotation(self, language: str | None = None) -> str:
        text = self._text(language)
        annotation = Problem(self.file, self.line, 1, self.rule, text).github_annotation()
        return annotation.replace("::error ", "::notice ", 1) if self.note else annotation

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "rule": self.rule,
            "message": self.message,
            "approvers": list(self.approvers),
            "directory_maintainers": not self.approvers,
        }


@dataclass
class Verdict:
    """What one pull request changes and what, if anything, needs review."""

    author: str
    base: str
    head: str
    in_team: bool
    changes: list[Change]
    findings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def may_merge(self) -> bool:
        return self.in_team or not self.findings

    def file_verdict(self, path: str, language: str | None = None) -> str:
        """'needs review: rule, rule', 'may merge' or 'may merge (2 for review)', in ``language``
        (English for None); rule names stay as written."""
        rules = sorted({f.rule for f in self.findings if f.file == path})
        noted = sum(1 for f in self.notes if f.file == path)
        if rules:
            verdict = Message(N_("needs review: %(rules)s"), rules=", ".join(rules))
        elif noted:
            verdict = Message(N_("may merge (%(num)s for review)"), num=noted)
        else:
            verdict = Message(N_("may merge"))
        return verdict.localized(language)

    def as_json(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "base": self.base,
            "head": self.head,
            "may_merge": self.may_merge,
            "directory_maintainer": self.in_team,
            "files": [
                {
                    "file": c.path,
                    "change": CHANGES[c.status],
                    "verdict": self.file_verdict(c.path),
                }
                for c in self.changes
            ],
            "findings": [f.as_json() for f in self.findings],
            "notes": [{k: v for k, v in f.as_json().items() if k != "rule"} for f in self.notes],
        }

    def summary(self, language: str | None = None) -> str:
        """Markdown for a CI job summary ($GITHUB_STEP_SUMMARY): the verdict and a table of files,
        in ``language`` (English for None); paths, rules and logins stay as written."""
        author = _md(self.author)
        if self.in_team:
            verdict = N_("May merge without review:")
            head = Message(N_("%(author)s is a maintainer of the directory."), author=author).localized(
                language
            )
        elif self.may_merge:
            verdict = N_("May merge without review:")
            head = Message(N_("%(author)s maintains everything this changes."), author=author).localized(
                language
            )
        else:
            verdict = N_("Needs review:")
            head = _findings(len(self.findings), language) + "."
        header = " | ".join(_md(_tr(cell, language)) for cell in (N_("file"), N_("change"), N_("verdict")))
        lines = [
            "## " + _tr(N_("Who may change what"), language),
            "",
            f"**{_tr(verdict, language)}** {head}",
            "",
            f"| {header} |",
            "| --- | --- | --- |",
        ]
        for change in self.changes:
            what = _tr(CHANGES[change.status], language)
            lines.append(
                f"| {_md(change.path)} | {_md(what)} | {_md(self.file_verdict(change.path, language))} |"
            )
        if self.findings:
            lines += ["", "### " + _tr(N_("Needs review"), language), ""]
            lines += [f"- {_md(f.localized(language))}" for f in self.findings]
        if self.notes:
            lines += ["", "### " + _tr(N_("For review"), language), ""]
            lines += [f"- {_md(f.localized(language))}" for f in self.notes]
        return "\n".join(lines) + "\n"


def _tr(message: str, language: str | None) -> str:
    """A catalog message without parameters in ``language`` (English for None)."""
    return Message(message).localized(language)


def _findings(number: int, language: str | None) -> str:
    """'1 finding', '2 findings', in ``language`` (English for None)."""
    catalog = translations(language or "en")
    if language is None:
        text = "%(num)s finding" if number == 1 else "%(num)s findings"
    else:
        text = catalog.ngettext("%(num)s finding", "%(num)s findings", number)
    return text % {"num": number}
