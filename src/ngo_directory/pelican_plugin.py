"""Pelican plugin entry point: connect the directory generator and the template helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals

from . import filters
from .generators import TEMPLATES, DirectoryGenerator
from .indexing import index_site
from .settings import plugin_settings


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


def build_search_index(pelican: Any) -> None:
    """Index the site for search once every page is written."""
    index_site(Path(pelican.output_path), plugin_settings(pelican.settings)["NGO_DIRECTORY_SEARCH_PATH"])


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(configure_environment)
    signals.finalized.connect(build_search_index)
