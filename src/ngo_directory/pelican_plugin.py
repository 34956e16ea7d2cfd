"""Pelican plugin entry point: connect the directory generator and the template filters."""

from __future__ import annotations

from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals

from .filters import FILTERS
from .generators import TEMPLATES, DirectoryGenerator


def get_generators(pelican: Any) -> type[DirectoryGenerator]:
    return DirectoryGenerator


def configure_environment(generator: Any) -> None:
    """Give every generator's Jinja environment our templates (after the theme's), our
    filters and, until catalogs exist, null translations."""
    loader = generator.env.loader
    if isinstance(loader, ChoiceLoader):
        loader.loaders = [*loader.loaders, FileSystemLoader(str(TEMPLATES))]
    generator.env.filters.update(FILTERS)
    if "jinja2.ext.InternationalizationExtension" in generator.env.extensions:
        generator.env.install_null_translations(newstyle=True)


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(configure_environment)
