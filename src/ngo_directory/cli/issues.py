"""`from-issue` and `issue-reply`: turn an issue opened with the NGO form into the record it meant,
and answer the issue."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..i18n import N_
from ..i18n import translations as catalog_of
from ..problems import Message, localize, printable
from .common import UsageProblem, command_language, lang_option, main
from .contributing import _date_option, _login_option, _slug_option
from .site import data_option, settings_option, site_settings_of

if TYPE_CHECKING:
    from ..contribute.issue_record import Outcome


def _pull_request_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..contribute.issue_reply import PULL_REQUEST

    if value is not None and not PULL_REQUEST.fullmatch(value):
        message = Message(N_("%(url)s is not the address of a pull request"), url=repr(printable(value)))
        raise click.BadParameter(localize(message, command_language(ctx)))
    return value


@main.command("from-issue")
@click.argument("issue", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@settings_option
@data_option
@click.option(
    "--author",
    metavar="LOGIN",
    callback=_login_option,
    help="The issue author's GitHub login: a new record's maintainer (an update never adds it).",
)
@click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    callback=_date_option,
    help="Date for 'added', 'last_verified' and 'updated', YYYY-MM-DD "
    "(default: today in the settings' NGO_DIRECTORY_TIME_ZONE).",
)
@click.option(
    "--slug",
    metavar="SLUG",
    callback=_slug_option,
    help="File name of the record (default: made from the name, or the page an update names).",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default=None,
    help="Where to write the record; '-' for standard output (default: DATA/ngos/SLUG.yaml).",
)
@click.option(
    "--report",
    "report_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write what became of the issue as JSON, for 'issue-reply' and the workflow.",
)
@lang_option
def from_issue(
    issue: Path,
    settings_file: Path | None,
    data_path: Path | None,
    author: str | None,
    day: str | None,
    slug: str | None,
    output: str | None,
    report_file: Path | None,
    language: str,
) -> None:
    """Turn the body of an issue opened with the NGO form into DATA/ngos/<slug>.yaml: a new record,
    or, when the issue names an existing page, that record updated field by field; then check it
    as 'validate' does. Exit 0 written and valid, 1 written with problems, 2 refused (nothing
    written) or a usage error.

    ISSUE is the issue's body as GitHub renders it (a file, or '-' for standard input). A
    record with problems is still written, so that it can be fixed; every problem is listed as
    'validate' lists it.

    \b
    Example:
        gh issue view 42 --json body --jq .body > issue.md
        ngo-directory from-issue issue.md --author octocat --report report.json
    """
    from ..contribute.from_issue import max_body_bytes
    from ..contribute.issue_record import CREATED, REFUSED, Settings, record_date, turn_issue

    site = site_settings_of(settings_file)
    limit = max_body_bytes(site.limits.max_bytes)
    if str(issue) == "-":
        raw, name = sys.stdin.buffer.read(limit + 1), "<stdin>"
    else:
        try:
            with issue.open("rb") as body:
                raw, name = body.read(limit + 1), str(issue)
        except OSError as error:
            message = Message(
                N_("cannot read %(file)s: %(reason)s"), file=printable(str(issue)), reason=str(error.strerror)
            )
            raise UsageProblem(localize(message, language)) from None
    settings = Settings(
        data_path=data_path or site.data_path,
        default_language=site.default_language,
        reserved=site.reserved,
        phone_region=site.phone_region,
        max_bytes=site.limits.max_bytes,
    )
    outcome = turn_issue(
        raw, printable(name), settings, today=record_date(day, site.time_zone), author=author, slug=slug
    )
    target = None if output == "-" else Path(output) if output else outcome.path
    if outcome.outcome != REFUSED and target is not None:
        if target.is_symlink() or (outcome.outcome == CREATED and target.exists()):
            outcome.refuse(
                Message(N_("%(file)s already exists: nothing was written"), file=printable(str(target)))
            )
        else:
            _write(target, outcome.text or "", new=outcome.outcome == CREATED)
    if report_file is not None:
        report_file.write_text(json.dumps(outcome.report(), ensure_ascii=True, indent=1) + "\n", "utf-8")
    _tell(outcome, target, language)
    sys.exit(outcome.exit_code)


def _write(target: Path, text: str, *, new: bool) -> None:
    """A new record is created (never over a file); an update replaces the record at once, so
    that no reader ever sees half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if new:
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        return
    handle, temporary = tempfile.mkstemp(prefix=".from-issue-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _tell(outcome: Outcome, target: Path | None, language: str) -> None:
    """The problems on standard output (standard error when the record went there), then one
    line on what was done."""
    from ..contribute.issue_record import REFUSED, UPDATED

    catalog = catalog_of(language)
    if outcome.outcome == REFUSED:
        assert outcome.refusal is not None
        click.echo(
            localize(Message(N_("Refused, nothing written: %(reason)s"), reason=outcome.refusal), language),
            err=True,
        )
        return
    if target is None:
        click.echo(outcome.text or "", nl=False)
        where = catalog.gettext("the record for %(file)s to standard output") % {"file": outcome.file}
    else:
        where = printable(str(target))
    for problem in outcome.problems:
        click.echo(problem.localized(language), err=target is None)
    if outcome.outcome == UPDATED and outcome.author and not outcome.author_maintains:
        click.echo(
            catalog.gettext(
                "Note: %(author)s is not among the record's maintainers (%(maintainers)s): "
                "one of them or a directory maintainer should review this update."
            )
            % {"author": outcome.author, "maintainers": printable(", ".join(outcome.maintainers))},
            err=True,
        )
    count = len(outcome.problems)
    if count:
        if target is None:
            done = catalog.ngettext(
                "Printed %(where)s; %(num)s problem found.",
                "Printed %(where)s; %(num)s problems found.",
                count,
            )
        else:
            done = catalog.ngettext(
                "Wrote %(where)s; %(num)s problem found.", "Wrote %(where)s; %(num)s problems found.", count
            )
        click.echo(done % {"where": where, "num": count}, err=True)
    elif target is None:
        click.echo(catalog.gettext("Printed %(where)s: the record is valid.") % {"where": where}, err=True)
    else:
        click.echo(catalog.gettext("Wrote %(where)s: the record is valid.") % {"where": where}, err=True)


@main.command("issue-reply")
@click.argument("report", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--pull-request",
    metavar="URL",
    callback=_pull_request_option,
    help="The address of the pull request that holds the record.",
)
@lang_option
def issue_reply(report: Path, pull_request: str | None, language: str) -> None:
    """Print the Markdown comment that answers the issue, from the report 'from-issue --report'
    wrote: in the report's language, what was created or updated, each problem, and what the
    contributor does next. Exit 2 on a report from-issue does not write.

    \b
    Example:
        ngo-directory issue-reply report.json --pull-request https://github.com/OWNER/REPO/pull/7
    """
    from ..contribute.issue_reply import Report, ReportError, reply

    try:
        if str(report) == "-":
            raw = sys.stdin.buffer.read(1024 * 1024 + 1)
        else:
            with report.open("rb") as file:
                raw = file.read(1024 * 1024 + 1)
        data = json.loads(raw)
        checked = Report.of(data)
    except OSError as error:
        message = Message(
            N_("cannot read %(file)s: %(reason)s"), file=printable(str(report)), reason=str(error.strerror)
        )
        raise UsageProblem(localize(message, language)) from None
    except (ValueError, RecursionError):
        message = Message(N_("%(file)s is not a report written by from-issue"), file=printable(str(report)))
        raise UsageProblem(localize(message, language)) from None
    except ReportError as error:
        raise UsageProblem(localize(error.args[0], language)) from None
    click.echo(reply(checked, pull_request), nl=False)
