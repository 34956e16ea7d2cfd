"""The comment that answers an issue opened with the NGO form, made from `from-issue`'s report:
what became of it, each problem in validate's words, and what the contributor does next; in
the report's language.

The report is read as hostile data: every field is checked, every login is a GitHub login
before it is mentioned, and every text from the contributor (quoted in problems and refusals)
is escaped so that it never becomes markup, a link, a mention or a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..i18n import N_, RECORD_LANGUAGES, translations
from ..problems import Message
from ..settings import LOGIN
from .from_issue import LABELS, Trilingual
from .github_markdown import inert_markdown
from .issue_record import CREATED, REFUSED, UPDATED
from .ownership import EDITORS, same_login

# The record's path as from-issue writes it: '<data folder>/ngos/<slug>.yaml'.
_FILE = re.compile(r"^[A-Za-z0-9._-]+/ngos/[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")
# A pull request's address, on github.com or a GitHub Enterprise host.
PULL_REQUEST = re.compile(r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/pull/[0-9]+$")


class ReportError(Exception):
    """The report is not one `from-issue` writes; args[0] is a Message."""


@dataclass(frozen=True)
class Report:
    outcome: str
    language: str
    file: str | None
    author_maintains: bool
    maintainers: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    problems: tuple[dict[str, Any], ...]
    refusal: str | None

    @classmethod
    def of(cls, data: Any) -> Report:
        """A report checked field by field."""

        def wrong(name: str) -> ReportError:
            return ReportError(
                Message(N_("the report's '%(field)s' is not what from-issue writes"), field=name)
            )

        if not isinstance(data, dict):
            raise wrong("outcome")
        outcome, language, file = data.get("outcome"), data.get("language"), data.get("file")
        if outcome not in (CREATED, UPDATED, REFUSED):
            raise wrong("outcome")
        if language not in RECORD_LANGUAGES:
            raise wrong("language")
        if outcome != REFUSED and not (isinstance(file, str) and _FILE.fullmatch(file)):
            raise wrong("file")
        problems = data.get("problems", [])
        if not isinstance(problems, list) or not all(
            isinstance(p, dict) and isinstance(p.get("text"), str) and isinstance(p.get("line", 1), int)
            for p in problems
        ):
            raise wrong("problems")
        refusal = data.get("refusal")
        if outcome == REFUSED and not isinstance(refusal, str):
            raise wrong("refusal")
        lists = {}
        for name in ("maintainers", "changed", "removed"):
            value = data.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise wrong(name)
            lists[name] = value
        return cls(
            outcome=outcome,
            language=language,
            file=file if outcome != REFUSED else None,
            author_maintains=data.get("author_maintains") is True,
            # Only logins are ever mentioned: anything else in the list is left out.
            maintainers=tuple(m for m in lists["maintainers"] if LOGIN.fullmatch(m)),
            changed=tuple(f for f in lists["changed"] if f in LABELS),
            removed=tuple(f for f in lists["removed"] if f in LABELS),
            problems=tuple(problems),
            refusal=refusal if outcome == REFUSED else None,
        )


def reply(report: Report, pull_request: str | None = None) -> str:
    """The Markdown comment for the issue."""
    language = report.language

    def say(template: str, **params: str) -> str:
        return Message(template, **params).localized(language)

    if report.outcome == REFUSED:
        return (
            "\n\n".join(
                [
                    say(
                        N_("Nothing was created or changed: %(reason)s."),
                        reason=inert_markdown(report.refusal or ""),
                    ),
                    "**"
                    + say(N_("What next:"))
                    + "** "
                    + say(N_("edit this issue to correct it; it is read again after your edit.")),
                ]
            )
            + "\n"
        )
    file = f"`{report.file}`"
    if report.outcome == CREATED:
        done = say(N_("Thank you! Your answers are now the record %(file)s."), file=file)
    else:
        done = say(N_("Thank you! Your answers update the record %(file)s."), file=file)
    parts = [done]
    if pull_request is not None:
        parts.append(say(N_("Pull request: %(url)s"), url=pull_request))
    facts = []
    if report.changed:
        facts.append(say(N_("Changed: %(fields)s."), fields=_labels(report.changed, language)))
    if report.removed:
        facts.append(say(N_("Removed: %(fields)s."), fields=_labels(report.removed, language)))
    if report.outcome == UPDATED and not report.changed and not report.removed:
        facts.append(say(N_("Your answers match what the record holds: only its verification date changes.")))
    if facts:
        parts.append(" ".join(facts))
    if report.problems:
        catalog = translations(language)
        count = len(report.problems)
        heading = catalog.ngettext(
            "The record has %(num)s problem to fix:", "The record has %(num)s problems to fix:", count
        )
        parts.append(
            heading % {"num": count} + "\n\n" + "\n".join(_problem(p, report) for p in report.problems)
        )
        steps = say(N_("edit this issue and correct the answers; the pull request follows your edit."))
    else:
        steps = say(N_("nothing: the checks run on the pull request."))
    parts.append("**" + say(N_("What next:")) + "** " + steps + " " + _approval(report, say))
    return "\n\n".join(parts) + "\n"


def _labels(field_ids: tuple[str, ...], language: str) -> str:
    return ", ".join(Trilingual(LABELS[f]).localized(language) for f in field_ids)


def _problem(problem: dict[str, Any], report: Report) -> str:
    text = inert_markdown(problem["text"])
    if problem.get("file") == report.file:
        where = Message(N_("%(file)s, line %(line)s"), file=report.file or "", line=problem.get("line", 1))
        return f"- {text} ({where.localized(report.language)})"
    return f"- {text}"


def _approval(report: Report, say: Any) -> str:
    """Who the pull request waits for, once its checks pass."""
    if report.author_maintains:
        return str(
            say(
                N_("Once the checks pass, the pull request merges by itself, since you maintain this record.")
            )
        )
    if report.outcome == CREATED:  # a new record its author does not maintain: only the directory's
        logins, editors = [], True
    else:
        logins = [m for m in report.maintainers if not same_login(m, EDITORS)]
        editors = any(same_login(m, EDITORS) for m in report.maintainers)
    mentions = ", ".join(f"@{login}" for login in logins)
    if logins and editors:
        return str(
            say(
                N_(
                    "Once the checks pass, the pull request waits for the approval of one of the record's "
                    "maintainers (%(logins)s) or of a maintainer of the directory."
                ),
                logins=mentions,
            )
        )
    if logins:
        return str(
            say(
                N_(
                    "Once the checks pass, the pull request waits for the approval of one of the "
                    "record's maintainers: %(logins)s."
                ),
                logins=mentions,
            )
        )
    return str(
        say(
            N_(
                "Once the checks pass, the pull request waits for the approval of a maintainer of "
                "the directory."
            )
        )
    )
