"""`new` and `check-pr`: start a record, and decide whether a pull request needs review."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..i18n import N_
from ..i18n import translations as catalog_of
from ..problems import Message, localize, printable
from .common import UsageProblem as _UsageProblem
from .common import command_language, count_phrase, file_option, lang_option, main
from .site import data_option, settings_option, site_settings_of

if TYPE_CHECKING:
    from ..contribute.verdict import Verdict


def _login_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..settings import LOGIN

    if value is not None and not LOGIN.fullmatch(value):
        message = Message(N_("%(login)s is not a GitHub login"), login=repr(printable(value)))
        raise click.BadParameter(localize(message, command_language(ctx)))
    return value


def _slug_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..text.translit import SLUG

    if value is not None and not SLUG.fullmatch(value):
        message = Message(
            N_("%(slug)s is not a slug (lowercase letters, digits, hyphens)"), slug=repr(printable(value))
        )
        raise click.BadParameter(localize(message, command_language(ctx)))
    return value


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..contribute.issue_record import record_date

    try:
        record_date(value)
    except ValueError:
        message = Message(N_("%(date)s is not a date written YYYY-MM-DD"), date=repr(printable(str(value))))
        raise click.BadParameter(localize(message, command_language(ctx))) from None
    return value


@main.command("check-pr")
@click.option("--base", metavar="REV", required=True, help="The revision the pull request merges into.")
@click.option(
    "--head",
    metavar="REV",
    default="HEAD",
    show_default=True,
    help="The pull request's revision, or its merge into the base (whose second parent is then its head).",
)
@click.option(
    "--author",
    metavar="LOGIN",
    default=None,
    help="GitHub login of the pull request's author (default: from --pull).",
)
@file_option(
    "--pull",
    "pull_file",
    "The pull request as GitHub's API gives it, or a webhook event that holds one: its author, "
    "and the head commit approvals must be on.",
)
@file_option(
    "--reviews",
    "reviews_file",
    "The pull request's reviews as GitHub's API lists them (pages of them are fine): a file "
    "passes when one who may approve it approved the head commit. Needs --pull.",
)
@file_option(
    "--issue",
    "issue_file",
    "For a pull request the issue form's workflow opened: the issue, whose author is then the "
    "author. Needs --pull.",
)
@click.option(
    "--base-branch",
    metavar="NAME",
    default=None,
    help="With --pull: the branch the pull request must merge into (the default branch); "
    "one into any other is a usage error.",
)
@click.option(
    "--expect-head",
    metavar="SHA",
    default=None,
    help="With --pull: the commit this check is for; a pull request whose head is another one "
    "(a newer push, or another pull request from a branch of the same name) is a usage error.",
)
@click.option(
    "--repo",
    "repo_path",
    type=click.Path(path_type=Path),
    default=Path("."),
    show_default=True,
    help="The git repository.",
)
@click.option(
    "--team",
    metavar="LOGINS",
    default=None,
    help="Comma-separated logins who may change anything "
    "(default: NGO_DIRECTORY_MAINTAINERS_TEAM in the settings file of the base revision).",
)
@click.option(
    "-s",
    "--settings",
    "settings_file",
    metavar="FILE",
    default=None,
    help="Settings file, as a path in the repository, read from the base revision and never run "
    "(default: pelicanconf.py when there is one).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="'github' adds GitHub Actions annotations after the plain lines; 'json' gives everything.",
)
@file_option(
    "--summary",
    "summary_file",
    "Append a Markdown summary (a table of files, verdicts and approvals) to this file, "
    "such as $GITHUB_STEP_SUMMARY.",
)
@file_option(
    "--comment",
    "comment_file",
    "Write the pull request's comment (the summary in --lang, then in the other languages) to this file.",
)
@lang_option
def check_pr(
    base: str,
    head: str,
    author: str | None,
    pull_file: Path | None,
    reviews_file: Path | None,
    issue_file: Path | None,
    base_branch: str | None,
    expect_head: str | None,
    repo_path: Path,
    team: str | None,
    settings_file: str | None,
    output_format: str,
    summary_file: Path | None,
    comment_file: Path | None,
    language: str,
) -> None:
    """Decide whether a pull request may merge: exit 0 if it may, 1 if it needs an approval or a
    fix, 2 on a usage error.

    It may when every file it adds, edits or deletes is its author's (the author maintains the
    record on the base revision, and the organisations it names as a meeting's organisers or a
    press release's organisation) or, with --reviews, approved on the head commit by one of
    those who may approve it (the record's maintainers, or a directory maintainer); and when
    the validator accepts every record as changed. A change to anything but records and press
    releases needs a directory maintainer. Each finding is one line: path: rule: what (may
    approve: who), or (approved by who).

    \b
    Example:
        ngo-directory check-pr --base origin/main --head HEAD --author octocat
        ngo-directory check-pr --repo merged --base HEAD^1 --head HEAD \\
            --pull "$GITHUB_EVENT_PATH" --reviews reviews.json --format json
    """
    from ..contribute.approvals import (
        AUTHOR,
        NO_APPROVALS,
        InputProblem,
        issue_author,
        read_approvals,
        read_json,
        read_pull,
    )
    from ..contribute.gitrepo import GitError, Repository
    from ..contribute.ownership import SettingsProblem, check_pull_request, check_team, team_from_settings

    def usage(message: str) -> _UsageProblem:
        return _UsageProblem(printable(localize(message, language)))

    if (reviews_file or issue_file or base_branch or expect_head) and pull_file is None:
        raise usage(Message(N_("--reviews, --issue, --base-branch and --expect-head need --pull")))
    if pull_file is None and author is None:
        raise usage(Message(N_("give --author, or --pull")))
    try:
        pull = read_pull(read_json(pull_file)) if pull_file is not None else None
        if pull is not None and base_branch is not None and pull.base_ref != base_branch:
            raise InputProblem(
                Message(
                    N_("pull request #%(number)s merges into %(branch)s, not %(expected)s"),
                    number=pull.number,
                    branch=repr(printable(pull.base_ref)),
                    expected=repr(printable(base_branch)),
                )
            )
        if pull is not None and expect_head is not None and pull.head_sha != expect_head:
            raise InputProblem(
                Message(
                    N_(
                        "pull request #%(number)s is at %(sha)s, not at %(expected)s, "
                        "the commit this check is for"
                    ),
                    number=pull.number,
                    sha=pull.head_sha[:12],
                    expected=repr(printable(expect_head[:40])),
                )
            )
        if pull is not None and author is None:
            author = pull.author
            if pull.form_issue is not None:
                if issue_file is None:
                    raise InputProblem(
                        Message(
                            N_(
                                "pull request #%(number)s was opened for issue #%(issue)s: "
                                "give the issue with --issue"
                            ),
                            number=pull.number,
                            issue=pull.form_issue,
                        )
                    )
                author = issue_author(read_json(issue_file), pull.form_issue)
        assert author is not None
        if not AUTHOR.fullmatch(author):
            raise InputProblem(
                Message(N_("--author %(login)s is not a GitHub login"), login=repr(printable(author)))
            )
        approvals = NO_APPROVALS
        if pull is not None and reviews_file is not None:
            approvals = read_approvals(read_json(reviews_file), pull.head_sha, author)
        repo = Repository(repo_path)
        base_id = repo.commit(base)
        head_id = repo.commit(head)
        if pull is not None and pull.head_sha not in (head_id, repo.second_parent(head_id)):
            raise InputProblem(
                Message(
                    N_(
                        "%(head)s is neither the pull request's head %(sha)s nor its merge: "
                        "GitHub may not have updated the merge yet; run again"
                    ),
                    head=head_id[:12],
                    sha=pull.head_sha[:12],
                )
            )
        if team is not None:
            logins = check_team(team.split(","))
        else:
            logins = team_from_settings(
                repo, base_id, settings_file or "pelicanconf.py", required=settings_file is not None
            )
        verdict = check_pull_request(repo, base_id, head_id, author, logins, approvals)
    except (GitError, SettingsProblem, InputProblem) as error:
        # git's own messages (read with LC_ALL=C) stay in English.
        raise usage(error.args[0]) from None
    if output_format == "json":
        click.echo(json.dumps(verdict.as_json(), indent=1))
    else:
        for line in verdict.lines(language):
            click.echo(line)
        if output_format == "github":
            for annotation in verdict.annotations(language):
                click.echo(annotation)
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as out:
            out.write(verdict.summary(language))
    if comment_file is not None:
        comment_file.write_text(verdict.comment(language), "utf-8")
    click.echo(_closing_line(verdict, author, language), err=True)
    if not verdict.may_merge:
        sys.exit(1)


def _closing_line(verdict: Verdict, author: str, language: str) -> str:
    """What check-pr decided, in one sentence."""
    catalog = catalog_of(language)
    changes = count_phrase(
        catalog.ngettext("%(num)s changed file", "%(num)s changed files", len(verdict.changes)),
        len(verdict.changes),
    )
    if verdict.outcome == "refused":
        refused = len({finding.file for finding in verdict.findings if finding.refused})
        return catalog.ngettext(
            "Refused: the validator refuses %(num)s file as changed (%(changes)s).",
            "Refused: the validator refuses %(num)s files as changed (%(changes)s).",
            refused,
        ) % {"num": refused, "changes": changes}
    if not verdict.may_merge:
        waiting = verdict.waiting
        files = len({finding.file for finding in waiting})
        findings = count_phrase(
            catalog.ngettext("%(num)s finding", "%(num)s findings", len(waiting)), len(waiting)
        )
        where = count_phrase(catalog.ngettext("in %(num)s file", "in %(num)s files", files), files)
        return catalog.gettext("Needs review: %(findings)s %(where)s (%(changes)s).") % {
            "findings": findings,
            "where": where,
            "changes": changes,
        }
    if verdict.for_maintainer:
        text = catalog.gettext(
            "For a directory maintainer: a new organisation's name can be taken for another's (%(changes)s)."
        )
        return text % {"changes": changes}
    if verdict.in_team:
        text = catalog.gettext(
            "OK: %(author)s is a maintainer of the directory and may change anything (%(changes)s)."
        )
    elif verdict.approvals.approved and any(verdict.approved_by(f) for f in verdict.findings):
        text = catalog.gettext(
            "OK: each file is one %(author)s may change, or has the approval of one who may "
            "approve it (%(changes)s)."
        )
    else:
        text = catalog.gettext("OK: %(author)s may merge this without review (%(changes)s).")
    return text % {"author": author, "changes": changes}


@main.command("new")
@click.argument("kind", type=click.Choice(["ngo", "partner", "meeting", "programme"]))
@click.argument("name")
@click.option(
    "--maintainer",
    metavar="LOGIN",
    callback=_login_option,
    help="Your GitHub login: the record's maintainer (default: a placeholder to replace).",
)
@click.option(
    "--slug", metavar="SLUG", callback=_slug_option, help="File name of the record (default: made from NAME)."
)
@data_option
@click.option(
    "--schema-url",
    metavar="URL",
    help="Address of the published schemas (https://SITE/schemas/) for the editor line, "
    "instead of the path into src/.",
)
@settings_option
@lang_option
def new(
    kind: str,
    name: str,
    maintainer: str | None,
    slug: str | None,
    data_path: Path | None,
    schema_url: str | None,
    settings_file: Path | None,
    language: str,
) -> None:
    """Start a record: write DATA/<kind>s/<slug>.yaml with every field and its comment (in the
    --lang language), REPLACE placeholders and today's dates; an existing slug (in any case) or a
    reserved one is refused.

    The slug is made from NAME ("Gəncə Gənclər Mərkəzi" gives gence-gencler-merkezi). Fields
    only you know hold REPLACE placeholders, which 'validate' reports until you fill them in;
    optional fields are listed commented out.

    \b
    Example:
        ngo-directory new ngo "Gəncə Gənclər Mərkəzi" --maintainer octocat
        ngo-directory new meeting "Spring meeting in Sheki 2027"
    """
    from ..contribute.scaffold import ScaffoldError, new_record, next_steps
    from ..records.moment import today

    site = site_settings_of(settings_file)
    try:
        scaffold = new_record(
            data_path or site.data_path,
            kind,
            name,
            maintainer=maintainer,
            slug=slug,
            day=today(site.time_zone),
            schema_url=schema_url,
            reserved=site.reserved,
            language=language,
        )
    except ScaffoldError as error:
        raise click.ClickException(localize(error.args[0], language)) from None
    click.echo(next_steps(scaffold, language))
