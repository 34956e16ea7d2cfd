"""The ngo-directory command: a thin shell over the library."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from .content.reading import folder_check
from .i18n import N_, RECORD_LANGUAGES
from .i18n import translations as catalog_of
from .problems import Message, Problem, ValidationFailed, localize, printable
from .records.validate import check_data

# The language of messages when the environment names none of az, ru and en: the site's
# default language (DEFAULT_LANG in pelicanconf.py).
DEFAULT_LANGUAGE = "az"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def default_language() -> str:
    """The language the environment asks for: the first of az, ru and en in LANGUAGE (GNU
    gettext's list of preferred languages, 'ru:en'), else the locale (the first of LC_ALL,
    LC_MESSAGES and LANG that is set, by its first two letters) when it is one of them; else
    DEFAULT_LANGUAGE."""
    for entry in os.environ.get("LANGUAGE", "").split(":"):
        if entry[:2].lower() in RECORD_LANGUAGES:
            return entry[:2].lower()
    for name in LOCALE_VARIABLES:
        value = os.environ.get(name, "")
        if value:
            code = value[:2].lower()
            return code if code in RECORD_LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


lang_option = click.option(
    "--lang",
    "language",
    type=click.Choice(RECORD_LANGUAGES),
    default=default_language,
    show_default="from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else az",
    help="Language of the messages; values, field paths and file names stay as written.",
    # Read before the other options, so that their checks speak the language too.
    is_eager=True,
)


def _language(ctx: click.Context) -> str | None:
    """The --lang of the command being run, once read (it is eager)."""
    language = ctx.params.get("language")
    return language if isinstance(language, str) else None


def _report(problems: list[Problem], output_format: str, language: str | None = None) -> None:
    for problem in problems:
        click.echo(problem.localized(language))
    if output_format == "github":
        for problem in problems:
            click.echo(problem.github_annotation(language))
    catalog = catalog_of(language or "en")
    click.echo(
        catalog.ngettext("%(num)s problem found.", "%(num)s problems found.", len(problems))
        % {"num": len(problems)},
        err=True,
    )


def _num(text: str, number: int) -> str:
    """A counted phrase from the catalog ('%(num)s NGOs') with its number."""
    return text % {"num": number}


data_option = click.option(
    "--data",
    "data_path",
    type=click.Path(path_type=Path),
    default=Path("ngo_data"),
    show_default=True,
    help="Folder of YAML records.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ngo-directory")
def main() -> None:
    """Build and check the NGO directory.

    \b
    Example:
        ngo-directory validate
        ngo-directory translations
        ngo-directory build
    """


@main.command()
@data_option
@click.option(
    "--content",
    "content_path",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Pelican content folder (pages and press releases).",
)
@click.option(
    "--press-folder",
    default="press",
    show_default=True,
    help="Folder of press releases inside the content folder.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="'github' adds GitHub Actions annotations after the plain lines.",
)
@lang_option
def validate(
    data_path: Path, content_path: Path, press_folder: str, output_format: str, language: str
) -> None:
    """Check every record, page and press release, print every problem, and exit 1 on any.

    Each problem is one line: path:line:column: field: what is wrong (how to fix it).

    \b
    Example:
        ngo-directory validate --data ngo_data --content content
    """
    started = time.perf_counter()
    directory, problems = check_data(data_path, content=folder_check(Path(content_path), press_folder))
    if problems or directory is None:
        _report(problems, output_format, language)
        sys.exit(1)
    counts = directory.counts
    catalog = catalog_of(language)
    records = ", ".join(
        [
            _num(catalog.ngettext("%(num)s NGO", "%(num)s NGOs", counts["ngos"]), counts["ngos"]),
            _num(
                catalog.ngettext("%(num)s partner", "%(num)s partners", counts["partners"]),
                counts["partners"],
            ),
            _num(
                catalog.ngettext("%(num)s meeting", "%(num)s meetings", counts["meetings"]),
                counts["meetings"],
            ),
            _num(catalog.ngettext("%(num)s region", "%(num)s regions", counts["regions"]), counts["regions"]),
            _num(catalog.ngettext("%(num)s theme", "%(num)s themes", counts["themes"]), counts["themes"]),
        ]
    )
    seconds = f"{time.perf_counter() - started:.2f}"
    click.echo(
        catalog.gettext("OK: %(records)s checked in %(seconds)s s.")
        % {"records": records, "seconds": seconds},
        err=True,
    )


class _OneLineFormatter(logging.Formatter):
    """Log lines of the build, each on one line: Pelican's messages quote file names and
    metadata, and a line starting with '::' would be a command to GitHub Actions."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@main.command()
@data_option
@click.option(
    "-l",
    "--language",
    "languages",
    type=click.Choice(RECORD_LANGUAGES),
    multiple=True,
    help="Report only these languages (repeat the option); default: all.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="'json' gives every record's completeness and gaps, for dashboards.",
)
@click.option("--strict", is_flag=True, help="Exit 1 if any text is missing in any reported language.")
def translations(data_path: Path, languages: tuple[str, ...], output_format: str, strict: bool) -> None:
    """Report which texts are not yet translated, record by record and field by field; with
    --strict, exit 1 when any is missing.

    Each gap is one line: path:line:column: field: not yet translated into ... (written in ...).
    Names written once as a plain string are the organisation's own spelling and never count
    as missing. Exits 1 if the records are invalid (run 'validate'), or with --strict when
    anything is missing.

    \b
    Example:
        ngo-directory translations --language ru
        ngo-directory translations --format json > translations.json
    """
    from .records.completeness import translation_report

    directory, problems = check_data(data_path)
    if problems or directory is None:
        _report(problems, "text")
        raise click.ClickException("fix the problems above first ('ngo-directory validate')")
    wanted = list(languages or RECORD_LANGUAGES)
    reports = translation_report(directory, data_path, wanted)
    gaps = [gap for report in reports for gap in report.gaps]
    if output_format == "json":
        click.echo(
            json.dumps([_report_json(report, wanted) for report in reports], ensure_ascii=False, indent=1)
        )
    else:
        for gap in gaps:
            click.echo(str(gap))
        total = sum(report.completeness.total for report in reports)
        for language in wanted:
            missing = sum(len(report.completeness.missing[language]) for report in reports)
            records = sum(1 for report in reports if report.completeness.missing[language])
            click.echo(
                f"{language}: {total - missing} of {total} texts translated; "
                f"{missing} missing in {_count(records, 'record')}",
                err=True,
            )
    if strict and gaps:
        sys.exit(1)


def _report_json(report: Any, languages: list[str]) -> dict[str, Any]:
    return {
        "file": report.file,
        "kind": report.kind,
        "slug": report.slug,
        "texts": report.completeness.total,
        "translated": {language: report.completeness.translated(language) for language in languages},
        "gaps": [
            {
                "line": gap.line,
                "field": gap.field,
                "missing": list(gap.missing),
                "written_in": list(gap.written_in),
            }
            for gap in report.gaps
        ],
    }


@main.command()
@click.option(
    "-s",
    "--settings",
    "settings_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("pelicanconf.py"),
    show_default=True,
    help="Pelican settings file.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: the settings' OUTPUT_PATH).",
)
@click.option("-v", "--verbose", is_flag=True, help="Show every file Pelican writes.")
def build(settings_file: Path, output: Path | None, verbose: bool) -> None:
    """Build the site into a fresh folder and swap it in only if nothing went wrong.

    On any problem the previous output folder stays exactly as it was.

    \b
    Example:
        ngo-directory build -s publishconf.py -o output
    """
    from .integration.build import BuildFailed, build_site
    from .settings import SettingsError

    handler = logging.StreamHandler()
    handler.setFormatter(_OneLineFormatter("%(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
    started = time.perf_counter()
    try:
        final = build_site(settings_file, output)
    except ValidationFailed as error:
        _report(error.problems, "text")
        raise click.ClickException(
            "build stopped: fix the problems above; the previous site is unchanged"
        ) from None
    except SettingsError as error:
        raise click.ClickException(f"{error}\nbuild stopped; the previous site is unchanged") from None
    except BuildFailed as error:
        raise click.ClickException(f"{error}\nbuild stopped; the previous site is unchanged") from None
    click.echo(f"Built {final} in {time.perf_counter() - started:.1f} s.", err=True)


def _time_zone(settings_file: Path | None) -> str:
    """NGO_DIRECTORY_TIME_ZONE as a build with ``settings_file`` reads it (by default
    pelicanconf.py when there is one, else the default zone); bad settings stop the command."""
    from .integration.build import site_settings
    from .settings import DEFAULTS, SettingsError, options_of

    if settings_file is None and not Path("pelicanconf.py").is_file():
        return str(DEFAULTS["NGO_DIRECTORY_TIME_ZONE"])
    try:
        return options_of(site_settings(settings_file or Path("pelicanconf.py"))).time_zone
    except SettingsError as error:
        raise click.ClickException(str(error)) from None


def _login_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .settings import LOGIN

    if value is not None and not LOGIN.fullmatch(value):
        message = Message(N_("%(login)s is not a GitHub login"), login=repr(printable(value)))
        raise click.BadParameter(localize(message, _language(ctx)))
    return value


def _slug_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .text.translit import SLUG

    if value is not None and not SLUG.fullmatch(value):
        message = Message(
            N_("%(slug)s is not a slug (lowercase letters, digits, hyphens)"), slug=repr(printable(value))
        )
        raise click.BadParameter(localize(message, _language(ctx)))
    return value


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .contribute.from_issue import record_date

    try:
        record_date(value)
    except ValueError:
        message = Message(N_("%(date)s is not a date written YYYY-MM-DD"), date=repr(printable(str(value))))
        raise click.BadParameter(localize(message, _language(ctx))) from None
    return value


@main.command("from-issue")
@click.argument("issue", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@data_option
@click.option(
    "--author",
    metavar="LOGIN",
    callback=_login_option,
    help="The issue author's GitHub login: added to maintainers.",
)
@click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    callback=_date_option,
    help="Date for 'added' and 'last_verified', YYYY-MM-DD (default: today in Baku).",
)
@click.option(
    "--slug",
    metavar="SLUG",
    callback=_slug_option,
    help="File name of the record (default: made from the name).",
)
@click.option(
    "--update",
    is_flag=True,
    help="Replace the record of that name, keeping its 'added' date and setting 'updated'.",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default=None,
    help="Where to write the record; '-' for standard output (default: DATA/ngos/SLUG.yaml).",
)
@lang_option
def from_issue(
    issue: Path,
    data_path: Path,
    author: str | None,
    day: str | None,
    slug: str | None,
    update: bool,
    output: str | None,
    language: str,
) -> None:
    """Turn the body of an issue opened with the NGO form into DATA/ngos/<slug>.yaml, and check it
    as 'validate' does: exit 1 with every problem listed.

    ISSUE is the issue's body as GitHub renders it (a file, or '-' for standard input). The
    record is written even when it has problems, so that it can be fixed by hand; every
    problem is then listed as 'validate' lists it, and the exit code is 1. An existing record
    is replaced only with --update.

    \b
    Example:
        gh issue view 42 --json body --jq .body | ngo-directory from-issue - --author octocat
    """
    from .contribute.from_issue import (
        MAX_BODY_BYTES,
        build_record,
        check_record,
        read_body,
        record_date,
        record_file,
        slug_for,
    )
    from .records.loader import load_file

    if str(issue) == "-":
        raw, name = sys.stdin.buffer.read(MAX_BODY_BYTES + 1), "<stdin>"
    else:
        try:
            with issue.open("rb") as body:
                raw, name = body.read(MAX_BODY_BYTES + 1), str(issue)
        except OSError as error:
            message = Message(
                N_("cannot read %(file)s: %(reason)s"),
                file=printable(str(issue)),
                reason=str(error.strerror),
            )
            raise click.ClickException(localize(message, language)) from None
    answers = read_body(raw, printable(name))
    slug = slug or slug_for(answers)
    record = data_path / "ngos" / f"{slug}.yaml"
    target = None if output == "-" else Path(output) if output else record
    if target is not None and (target.is_symlink() or (target.exists() and not update)):
        message = Message(
            N_(
                "%(file)s already exists: add --update to replace it with the issue's answers, "
                "or choose another file name with --slug"
            ),
            file=printable(str(target)),
        )
        raise click.ClickException(localize(message, language))
    added, current = None, None
    if update and record.is_file() and not record.is_symlink():
        doc, _ = load_file(record, str(record))
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        added = data.get("added") if isinstance(data.get("added"), str) else None
        current = data.get("maintainers") if isinstance(data.get("maintainers"), list) else []
    today = record_date(day)
    text = build_record(
        answers,
        today=today,
        author=author,
        added=added,
        updated=current is not None,
        current_maintainers=[str(m) for m in current or []],
    )
    problems = [*answers.problems, *check_record(text, data_path, slug)]
    catalog = catalog_of(language)
    if target is None:
        click.echo(text, nl=False)
        where = catalog.gettext("the record for %(file)s to standard output") % {
            "file": record_file(data_path, slug)
        }
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w" if update else "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        where = printable(str(target))
    for problem in problems:
        click.echo(problem.localized(language), err=target is None)
    if current is not None and author and author.casefold() not in {str(m).casefold() for m in current}:
        click.echo(
            catalog.gettext(
                "Note: %(author)s is not among the record's maintainers (%(maintainers)s): "
                "one of them or a directory maintainer should review this update."
            )
            % {"author": author, "maintainers": printable(", ".join(map(str, current)))},
            err=True,
        )
    if problems:
        if target is None:
            done = catalog.ngettext(
                "Printed %(where)s; %(num)s problem found.",
                "Printed %(where)s; %(num)s problems found.",
                len(problems),
            )
        else:
            done = catalog.ngettext(
                "Wrote %(where)s; %(num)s problem found.",
                "Wrote %(where)s; %(num)s problems found.",
                len(problems),
            )
        click.echo(done % {"where": where, "num": len(problems)}, err=True)
        sys.exit(1)
    if target is None:
        done = catalog.gettext("Printed %(where)s: the record is valid.")
    else:
        done = catalog.gettext("Wrote %(where)s: the record is valid.")
    click.echo(done % {"where": where}, err=True)


class _UsageProblem(click.ClickException):
    """A usage error (exit code 2): not a repository, an unknown revision, a bad login."""

    exit_code = 2


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
    from .contribute.gitrepo import GitError, Repository
    from .contribute.ownership import (
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
    changes = _num(
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
        findings = _num(
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
@click.argument("kind", type=click.Choice(["ngo", "partner", "meeting"]))
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
@click.option(
    "-s",
    "--settings",
    "settings_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    default=None,
    help="Pelican settings file, whose NGO_DIRECTORY_TIME_ZONE says which day is today "
    "(default: pelicanconf.py when there is one).",
)
@lang_option
def new(
    kind: str,
    name: str,
    maintainer: str | None,
    slug: str | None,
    data_path: Path,
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
    from .contribute.scaffold import ScaffoldError, new_record, next_steps, today

    day = today(_time_zone(settings_file))
    try:
        scaffold = new_record(
            data_path, kind, name, maintainer=maintainer, slug=slug, day=day, schema_url=schema_url
        )
    except ScaffoldError as error:
        raise click.ClickException(localize(error.args[0], language)) from None
    click.echo(next_steps(scaffold, language))
