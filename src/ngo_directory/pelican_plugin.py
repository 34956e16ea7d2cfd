"""Pelican plugin entry point: connect the directory generator and the template helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals

from .integration.generators import TEMPLATES, DirectoryGenerator
from .problems import ValidationFailed
from .records.sources import unsafe_files
from .search.indexing import index_site
from .settings import plugin_settings
from .site import filters


def get_generators(pelican: Any) -> type[DirectoryGenerator]:
    return DirectoryGenerator


def configure_environment(generator: Any) -> None:
    """Give every generator's Jinja environment our templates (after the theme's), and our
    language-aware filters, globals and gettext."""
    loader = generator.env.loader
    if isinstance(loader, ChoiceLoader):
        loader.loaders = [*loader.loaders, FileSystemLoader(str(TEMPLATES))]
    if "jinja2.ext.InternationalizationExtension" not in generator.env.extensions:
        generator.env.add_extension("jinja2.ext.i18n")
    filters.install(generator.env, {**generator.settings, **plugin_settings(generator.settings)})


def refuse_unsafe_files(pelican: Any) -> None:
    """Before Pelican reads anything: no links, devices or oversized texts under the content
    and data folders. Pelican follows links when it reads content, so this cannot wait for the
    directory generator, which runs after Pelican has read every article and page."""
    options = plugin_settings(pelican.settings)
    content, data = Path(pelican.settings["PATH"]), Path(options["NGO_DIRECTORY_DATA_PATH"])
    limit = options["NGO_DIRECTORY_MAX_FILE_BYTES"]
    problems = unsafe_files(content, content.parent, max_bytes=limit, check_names=True)
    problems += unsafe_files(data, data.parent, skip_hidden=True, max_bytes=limit)
    if problems:
        raise ValidationFailed(problems)


def build_search_index(pelican: Any) -> None:
    """Index the site for search once every page is written."""
    index_site(Path(pelican.output_path), plugin_settings(pelican.settings)["NGO_DIRECTORY_SEARCH_PATH"])


def register() -> None:
    signals.initialized.connect(refuse_unsafe_files)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(configure_environment)
    signals.finalized.connect(build_search_index)
