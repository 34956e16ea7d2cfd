"""`new` and `check-pr`: start a record, and decide whether a pull request needs review."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..i18n import N_
from ..i18n import translations as catalog_of
from ..problems import Message, localize, printable
from .common import UsageProblem as _UsageProblem
from .common import command_language, count_phrase, lang_option, main
from .site import data_option, settings_option, site_settings_of


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
@click.option("--head", metavar="REV", default="HEAD", show_default=True, help="The pull request's revision.")
@click.option("--author", metavar="LOGIN", required=True, help="GitHub login of the pull request's author.")
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
@click.option(
    "--summary",
    "summary_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Append a Markdown summary (a table of files and verdicts) to this file, "
    "such as $GITHUB_STEP_SUMMARY.",
)
@lang_option
def check_pr(
    base: str,
    head: str,
    author: str,
    repo_path: Path,
    team: str | None,
    settings_file: str | None,
    output_format: str,
    summary_file: Path | None,
    language: str,
) -> None:
    """Decide whether a pull request may merge without a maintainer's review: exit 0 if it may,
    1 if it needs review, 2 on a usage error.

    It may when its author maintains (on the base revision) every record it adds, edits or
    deletes, every organisation it names as a meeting's organiser or a press release's
    organisation, and it touches nothing but records and press releases. Each finding is one
    line: path: rule: what (may approve: who).

    \b
    Example:
        ngo-directory check-pr --base origin/main --head HEAD --author octocat
    """
    from ..contribute.gitrepo import GitError, Repository
    from ..contribute.ownership import (
        AUTHOR,
        SettingsProblem,
        check_pull_request,
        check_team,
        team_from_settings,
    )

    if not AUTHOR.fullmatch(author):
        raise _UsageProblem(
            localize(
                Message(N_("--author %(login)s is not a GitHub login"), login=repr(printable(author))),
                language,
            )
        )
    try:
        repo = Repository(repo_path)
        base_id = repo.commit(base)
        head_id = repo.commit(head)
        if team is not None:
            logins = check_team(team.split(","))
        else:
            logins = team_from_settings(
                repo, base_id, settings_file or "pelicanconf.py", required=settings_file is not None
            )
        verdict = check_pull_request(repo, base_id, head_id, author, logins)
    except (GitError, SettingsProblem) as error:
        # git's own messages (read with LC_ALL=C) stay in English.
        raise _UsageProblem(printable(localize(error.args[0], language))) from None
    if output_format == "json":
        click.echo(json.dumps(verdict.as_json(), indent=1))
    else:
        for finding in [*verdict.findings, *verdict.notes]:
            click.echo(finding.localized(language))
        if output_format == "github":
            for finding in [*verdict.findings, *verdict.notes]:
                click.echo(finding.github_annotation(language))
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as out:
            out.write(verdict.summary(language))
    catalog = catalog_of(language)
    changes = count_phrase(
        catalog.ngettext("%(num)s changed file", "%(num)s changed files", len(verdict.changes)),
        len(verdict.changes),
    )
    if verdict.in_team:
        click.echo(
            catalog.gettext(
                "OK: %(author)s is a maintainer of the directory and may change anything (%(changes)s)."
            )
            % {"author": author, "changes": changes},
            err=True,
        )
    elif verdict.may_merge:
        click.echo(
            catalog.gettext("OK: %(author)s may merge this without review (%(changes)s).")
            % {"author": author, "changes": changes},
            err=True,
        )
    else:
        files = len({finding.file for finding in verdict.findings})
        findings = count_phrase(
            catalog.ngettext("%(num)s finding", "%(num)s findings", len(verdict.findings)),
            len(verdict.findings),
        )
        click.echo(
            catalog.gettext("Needs review: %(findings)s in %(files)s of %(changes)s.")
            % {"findings": findings, "files": files, "changes": changes},
            err=True,
        )
        sys.exit(1)


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
    """Start a record: write DATA/<kind>s/<slug>.yaml with every field and its comment, REPLACE
    placeholders and today's dates; an existing slug (in any case) or a reserved one is refused.

    The slug is made from NAME ("Gəncə Gənclər Mərkəzi" gives gence-gencler-merkezi). Fields
    only you know hold REPLACE placeholders, which 'validate' reports until you fill them in;
    optional fields are listed commented out.

    \b
    Example:
        ngo-directory new ngo "Gəncə Gənclər Mərkəzi" --maintainer octocat
        ngo-directory new meeting "Spring meeting in Sheki 2027"
    """
    from ..contribute.scaffold import ScaffoldError, new_record, next_steps, today

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
        )
    except ScaffoldError as error:
        raise click.ClickException(localize(error.args[0], language)) from None
    click.echo(next_steps(scaffold, language))
