"""The ngo-directory command: a thin shell over the library."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click

from .problems import Problem, ValidationFailed
from .validate import check_data


def _report(problems: list[Problem], output_format: str) -> None:
    for problem in problems:
        click.echo(str(problem))
    if output_format == "github":
        for problem in problems:
            click.echo(problem.github_annotation())
    noun = "problem" if len(problems) == 1 else "problems"
    click.echo(f"{len(problems)} {noun} found.", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ngo-directory")
def main() -> None:
    """Build and check the NGO directory.

    \b
    Example:
        ngo-directory validate
        ngo-directory build
    """


@main.command()
@click.option(
    "--data",
    "data_path",
    type=click.Path(path_type=Path),
    default=Path("ngo_data"),
    show_default=True,
    help="Folder of YAML records.",
)
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
def validate(data_path: Path, content_path: Path, press_folder: str, output_format: str) -> None:
    """Check every record, page and press release; exit 1 on any problem.

    Each problem is one line: path:line:column: field: what is wrong (how to fix it).

    \b
    Example:
        ngo-directory validate --data ngo_data --content content
    """
    started = time.perf_counter()
    directory, problems = check_data(data_path, content_path=content_path, press_folder=press_folder)
    if problems or directory is None:
        _report(problems, output_format)
        sys.exit(1)
    counts = directory.counts
    click.echo(
        f"OK: {counts['ngos']} NGOs, {counts['partners']} partners, {counts['meetings']} meetings, "
        f"{counts['regions']} regions, {counts['themes']} themes "
        f"checked in {time.perf_counter() - started:.2f} s.",
        err=True,
    )


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
    from .build import BuildFailed, build_site

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s: %(message)s"
    )
    started = time.perf_counter()
    try:
        final = build_site(settings_file, output)
    except ValidationFailed as error:
        _report(error.problems, "text")
        raise click.ClickException(
            "build stopped: fix the problems above; the previous site is unchanged"
        ) from None
    except BuildFailed as error:
        raise click.ClickException(f"{error}\nbuild stopped; the previous site is unchanged") from None
    click.echo(f"Built {final} in {time.perf_counter() - started:.1f} s.", err=True)
