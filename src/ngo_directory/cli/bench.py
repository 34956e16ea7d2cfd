"""`bench`: build a synthetic directory with the project and with vanilla Pelican, and compare."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..i18n import RECORD_LANGUAGES, language_prefix
from .common import main
from .site import settings_option, site_settings_of


def _languages_option(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    languages = tuple(code.strip() for code in value.split(",") if code.strip())
    unknown = [code for code in languages if code not in RECORD_LANGUAGES]
    if unknown or not languages:
        raise click.BadParameter(f"expected languages among {', '.join(RECORD_LANGUAGES)}, such as 'az'")
    return languages


@main.command()
@click.option(
    "-s",
    "--settings",
    "settings_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("pelicanconf.py"),
    show_default=True,
    help="Pelican settings file of our build; its data folder gives the regions and themes.",
)
@click.option(
    "--size",
    type=click.Choice(["T", "S", "M", "L"]),
    default="M",
    show_default=True,
    help="T: 10 NGOs, 3 partners, 10 meetings, 20 press releases; S: 100, 20, 200, 500; "
    "M: 1,000, 200, 2,000, 5,000; L: 4,000, 500, 8,000, 20,000.",
)
@click.option(
    "--pairs", type=click.IntRange(min=1), default=3, show_default=True, help="Builds of each kind."
)
@click.option(
    "--languages",
    metavar="LANGS",
    callback=_languages_option,
    default=None,
    help="Build only these languages (comma-separated, such as 'az'), both builds from the press "
    "releases written in them (default: every language of the settings, every release).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the synthetic directory.")
@click.option(
    "--shape",
    type=click.Choice(["national", "classic"]),
    default="national",
    show_default=True,
    help="national: every place of regions.yaml, 20 themes, a long tail, programmes, series and "
    "registration; classic: the first bench's nine places and the sample's themes, drawn evenly.",
)
@click.option(
    "--places",
    type=click.IntRange(min=1),
    metavar="N",
    help="Only the first N places (the sample's first nine, then regions.yaml's order); as many records.",
)
@click.option(
    "--themes", type=click.IntRange(min=1), metavar="N", help="N themes (the sample's, then synthetic ones)."
)
@click.option(
    "--json",
    "json_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write every figure here.",
)
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="FOLDER",
    help="Keep the directory, the last site of each build and the logs here (an empty or new folder).",
)
@click.option(
    "--rebuild/--no-rebuild",
    default=True,
    show_default=True,
    help="Also time a rebuild after editing one press release, with the build cache warm and the "
    "previous site in place (two more builds of ours).",
)
def bench(
    settings_file: Path,
    size: str,
    pairs: int,
    languages: tuple[str, ...] | None,
    seed: int,
    shape: str,
    places: int | None,
    themes: int | None,
    json_file: Path | None,
    keep: Path | None,
    rebuild: bool,
) -> None:
    """Time our build of a synthetic directory against vanilla Pelican building its press releases.

    Generates a directory of the given size (the same bytes for the same seed), then builds it
    pair by pair, each build in a process of its own: ours (records and press releases, every
    page, feed, calendar and the search index) and vanilla Pelican 4 with its stock theme and
    feeds (the press releases only). Prints wall and CPU time, peak memory, pages, files and
    bytes of every build, our build's time by phase, and our wall time as a ratio of vanilla's.

    \b
    Example:
        ngo-directory bench --size S --pairs 1 --json bench.json
    """
    from ..bench.generate import SHAPES
    from ..bench.run import BenchFailed, run_bench, table

    vocabularies = site_settings_of(settings_file).data_path
    try:
        report = run_bench(
            size,
            pairs,
            settings_file,
            vocabularies,
            languages=languages,
            seed=seed,
            shape=SHAPES[shape].but(places=places, themes=themes),
            keep=keep,
            rebuild=rebuild,
            progress=lambda line: click.echo(line, err=True),
        )
    except (BenchFailed, FileExistsError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(table(report))
    if json_file is not None:
        json_file.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")


def _folder_option(name: str, default: str, help: str) -> Callable[[Any], Any]:
    """An option naming a folder, with its default shown."""
    folder = click.Path(file_okay=False, path_type=Path)
    return click.option(name, type=folder, default=Path(default), show_default=True, help=help)


@main.command()
@settings_option
@_folder_option("--site", "output", "The built site.")
@_folder_option("--out", "screenshots", "Where the images go: <language>/<kind>-<width>.png.")
@click.option(
    "--scheme",
    type=click.Choice(["light", "dark"]),
    default="light",
    show_default=True,
    help="The colour scheme the browser asks for.",
)
def screenshots(settings_file: Path | None, site: Path, out: Path, scheme: str) -> None:
    """Screenshots of the home page and one page of each kind, 360 and 1280 pixels wide, in
    every language, taken in headless Chromium from a built site.

    \b
    Example (after make html):
        ngo-directory screenshots --site output --out screenshots
    """
    from ..bench.screenshots import ScreenshotsFailed, take

    settings = site_settings_of(settings_file)
    prefixes = {
        language: language_prefix(language, settings.default_language) for language in settings.languages
    }
    try:
        written = take(site, out, prefixes, scheme)
    except ScreenshotsFailed as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{len(written)} screenshots in {out}/")
