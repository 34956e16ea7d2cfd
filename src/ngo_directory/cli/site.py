"""What the commands take from the site's settings file, so that `validate` judges a record or
text as the build will: the same folders, languages, reserved names, limits, phone region,
default language and time zone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..i18n import RECORD_LANGUAGES
from ..problems import Problem
from ..records.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from ..records.validate import ContentCheck, Limits, check_data
from ..settings import DEFAULTS, SettingsError, options_of, reserved_names

if TYPE_CHECKING:
    from ..records.directory import Directory

SETTINGS_FILE = Path("pelicanconf.py")

settings_option = click.option(
    "-s",
    "--settings",
    "settings_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    default=None,
    help="Pelican settings file whose plugin settings apply (default: pelicanconf.py when there "
    "is one, else the defaults).",
)

data_option = click.option(
    "--data",
    "data_path",
    type=click.Path(path_type=Path),
    metavar="FOLDER",
    default=None,
    show_default="the settings' NGO_DIRECTORY_DATA_PATH, else ngo_data",
    help="Folder of YAML records.",
)


@dataclass(frozen=True, kw_only=True)
class SiteSettings:
    """The settings the checks and the record tools follow."""

    data_path: Path
    content_path: Path
    press_folder: str
    languages: tuple[str, ...]
    default_language: str
    reserved: frozenset[str]
    limits: Limits
    phone_region: str
    time_zone: str

    def check(
        self, data_path: Path, content: ContentCheck | None = None, warnings: list[Problem] | None = None
    ) -> tuple[Directory | None, list[Problem]]:
        """``check_data`` on ``data_path`` as the build checks it (and the texts, with ``content``;
        with a list, the warnings too)."""
        return check_data(
            data_path,
            content=content,
            default_language=self.default_language,
            limits=self.limits,
            reserved=self.reserved,
            phone_region=self.phone_region,
            time_zone=self.time_zone,
            warnings=warnings,
        )

    @classmethod
    def defaults(cls) -> SiteSettings:
        return cls(
            data_path=Path(DEFAULTS["NGO_DIRECTORY_DATA_PATH"]),
            content_path=Path("content"),
            press_folder=DEFAULTS["NGO_DIRECTORY_PRESS_PATH"],
            languages=RECORD_LANGUAGES,
            default_language=RECORD_LANGUAGES[0],
            reserved=reserved_names(DEFAULTS),
            limits=Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH),
            phone_region=DEFAULTS["NGO_DIRECTORY_PHONE_REGION"],
            time_zone=DEFAULTS["NGO_DIRECTORY_TIME_ZONE"],
        )


def site_settings_of(settings_file: Path | None) -> SiteSettings:
    """The settings of ``settings_file`` as a build reads them (by default pelicanconf.py in the
    current folder when there is one, else the plugin's defaults); bad settings stop the command."""
    if settings_file is None and not SETTINGS_FILE.is_file():
        return SiteSettings.defaults()
    from ..integration.build import site_settings

    file = settings_file or SETTINGS_FILE
    try:
        settings = site_settings(file)
        options = options_of(settings)
    except SettingsError as error:
        raise click.ClickException(str(error)) from None
    except ValueError as error:  # Pelican's own checks: a missing content folder...
        raise click.ClickException(f"{file}: {error}") from None
    return SiteSettings(
        data_path=options.data_path,
        content_path=Path(settings["PATH"]),
        press_folder=options.press_path,
        languages=options.languages,
        default_language=options.default_language,
        reserved=reserved_names({**settings, **options.as_settings()}),
        limits=Limits(options.max_file_bytes, options.max_depth),
        phone_region=options.phone_region,
        time_zone=options.time_zone,
    )
