"""`validate` and `translations`: check the records and texts, and report what is untranslated."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from ..content.reading import folder_check
from ..i18n import RECORD_LANGUAGES
from ..i18n import translations as catalog_of
from ..problems import Problem
from .common import count_phrase, lang_option, main, report
from .site import data_option, settings_option, site_settings_of


@main.command()
@settings_option
@data_option
@click.option(
    "--content",
    "content_path",
    type=click.Path(path_type=Path),
    metavar="FOLDER",
    default=None,
    show_default="the settings' PATH, else content",
    help="Pelican content folder (pages and press releases).",
)
@click.option(
    "--press-folder",
    metavar="NAME",
    default=None,
    show_default="the settings' NGO_DIRECTORY_PRESS_PATH, else press",
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
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 on warnings too (meetings that clash, long texts in another language's alphabet).",
)
@lang_option
def validate(
    settings_file: Path | None,
    data_path: Path | None,
    content_path: Path | None,
    press_folder: str | None,
    output_format: str,
    strict: bool,
    language: str,
) -> None:
    """Check every record, page and press release, print every problem, and exit 1 on any.

    Each problem is one line: path:line:column: field: what is wrong (how to fix it). The
    settings file's plugin settings (languages, URLs and so reserved names, limits, phone
    region, time zone) apply, so that validate judges every file as the build does. In a valid
    directory, meetings that clash (an organisation organising two at once, a venue booked
    twice, two in one region at the same time) and long texts in another language's alphabet
    are warnings: printed the same way after 'warning:', and failing only with --strict.

    \b
    Example:
        ngo-directory validate --data ngo_data --content content
    """
    started = time.perf_counter()
    site = site_settings_of(settings_file)
    content = folder_check(
        content_path or site.content_path,
        press_folder or site.press_folder,
        languages=site.languages,
        reserved=site.reserved,
        max_bytes=site.limits.max_bytes,
    )
    warnings: list[Problem] = []
    directory, problems = site.check(data_path or site.data_path, content, warnings)
    if problems or directory is None:
        report(problems, output_format, language)
        sys.exit(1)
    if warnings:
        report(warnings, output_format, language)
    counts = directory.counts
    catalog = catalog_of(language)
    records = ", ".join(
        [
            count_phrase(catalog.ngettext("%(num)s NGO", "%(num)s NGOs", counts["ngos"]), counts["ngos"]),
            count_phrase(
                catalog.ngettext("%(num)s partner", "%(num)s partners", counts["partners"]),
                counts["partners"],
            ),
            count_phrase(
                catalog.ngettext("%(num)s meeting", "%(num)s meetings", counts["meetings"]),
                counts["meetings"],
            ),
            count_phrase(
                catalog.ngettext("%(num)s programme", "%(num)s programmes", counts["programmes"]),
                counts["programmes"],
            ),
            count_phrase(
                catalog.ngettext("%(num)s region", "%(num)s regions", counts["regions"]), counts["regions"]
            ),
            count_phrase(
                catalog.ngettext("%(num)s theme", "%(num)s themes", counts["themes"]), counts["themes"]
            ),
        ]
    )
    seconds = f"{time.perf_counter() - started:.2f}"
    click.echo(
        catalog.gettext("OK: %(records)s checked in %(seconds)s s.")
        % {"records": records, "seconds": seconds},
        err=True,
    )
    if strict and warnings:
        sys.exit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@main.command()
@settings_option
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
def translations(
    settings_file: Path | None,
    data_path: Path | None,
    languages: tuple[str, ...],
    output_format: str,
    strict: bool,
) -> None:
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

    from ..records.completeness import translation_report

    site = site_settings_of(settings_file)
    data_path = data_path or site.data_path
    directory, problems = site.check(data_path)
    if problems or directory is None:
        report(problems, "text")
        raise click.ClickException("fix the problems above first ('ngo-directory validate')")
    wanted = list(languages or site.languages)
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
