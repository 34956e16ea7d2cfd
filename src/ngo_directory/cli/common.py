"""What every command shares: the command group, the --lang and --data options, and how
problems are printed."""

from __future__ import annotations

import os

import click

from ..i18n import RECORD_LANGUAGES
from ..i18n import translations as catalog_of
from ..problems import Problem

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


def command_language(ctx: click.Context) -> str | None:
    """The --lang of the command being run, once read (it is eager)."""
    language = ctx.params.get("language")
    return language if isinstance(language, str) else None


def report(problems: list[Problem], output_format: str, language: str | None = None) -> None:
    for problem in problems:
        click.echo(problem.localized(language))
    if output_format == "github":
        for problem in problems:
            click.echo(problem.github_annotation(language))
    catalog = catalog_of(language or "en")
    if problems and all(problem.warning for problem in problems):
        summary = catalog.ngettext("%(num)s warning.", "%(num)s warnings.", len(problems))
    else:
        summary = catalog.ngettext("%(num)s problem found.", "%(num)s problems found.", len(problems))
    click.echo(summary % {"num": len(problems)}, err=True)


class UsageProblem(click.ClickException):
    """A usage error (exit code 2): not a repository, an unknown revision, a bad login."""

    exit_code = 2


def count_phrase(text: str, number: int) -> str:
    """A counted phrase from the catalog ('%(num)s NGOs') with its number."""
    return text % {"num": number}


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
