"""`build`: the site, into a fresh folder swapped in only when all went well."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import click

from ..problems import ValidationFailed, printable
from .common import main, report


class _OneLineFormatter(logging.Formatter):
    """Log lines of the build, each on one line: Pelican's messages quote file names and
    metadata, and a line starting with '::' would be a command to GitHub Actions."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


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
    from ..integration.build import BuildFailed, build_site
    from ..settings import SettingsError

    handler = logging.StreamHandler()
    handler.setFormatter(_OneLineFormatter("%(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
    started = time.perf_counter()
    try:
        final = build_site(settings_file, output)
    except ValidationFailed as error:
        report(error.problems, "text")
        raise click.ClickException(
            "build stopped: fix the problems above; the previous site is unchanged"
        ) from None
    except SettingsError as error:
        raise click.ClickException(f"{error}\nbuild stopped; the previous site is unchanged") from None
    except BuildFailed as error:
        raise click.ClickException(f"{error}\nbuild stopped; the previous site is unchanged") from None
    click.echo(f"Built {final} in {time.perf_counter() - started:.1f} s.", err=True)
