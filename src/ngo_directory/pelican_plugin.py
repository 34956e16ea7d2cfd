"""Pelican plugin entry point: connect the directory generator and the template helpers."""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals

from .integration.generators import TEMPLATES, DirectoryGenerator
from .integration.page_cache import FOLDER as PAGES_FOLDER
from .integration.page_cache import PAGE_CACHE_KEY, PUBLISHED_KEY, PageCache, RecordingContext
from .integration.pelican_types import PelicanApp, PelicanGenerator
from .integration.read_cache import ReadCache
from .integration.reader import READ_CACHE_KEY, SharedMarkdownReader
from .integration.template_cache import FOLDER, TemplateCache
from .problems import ValidationFailed
from .records.sources import unsafe_files
from .settings import OPTIONS_KEY, Options, options_of
from .site import filters

# Every file name ending Pelican's readers know, except .md.
OTHER_FORMATS = ("markdown", "mkd", "mdown", "rst", "htm", "html")


def get_generators(pelican: PelicanApp) -> type[DirectoryGenerator]:
    return DirectoryGenerator


def configure_environment(generator: PelicanGenerator) -> None:
    """Give every generator's Jinja environment our templates (after the theme's), our
    language-aware filters, globals and gettext, and (with NGO_DIRECTORY_CACHE) the cache of
    compiled templates."""
    loader = generator.env.loader
    if isinstance(loader, ChoiceLoader):
        loader.loaders = [*loader.loaders, FileSystemLoader(str(TEMPLATES))]
    if "jinja2.ext.InternationalizationExtension" not in generator.env.extensions:
        generator.env.add_extension("jinja2.ext.i18n")
    options = options_of(generator.settings)
    filters.install(generator.env, {**generator.settings, **options.as_settings()})
    if options.cache:
        generator.env.bytecode_cache = TemplateCache(Path(generator.settings["CACHE_PATH"]) / FOLDER)
        generator.env.context_class = RecordingContext


def read_texts_as_validate_does(pelican: PelicanApp) -> None:
    """Pelican reads what `ngo-directory validate` reads: .md files only; a page in another
    format would be published unchecked (one in the press folder is reported as a problem).
    The translations of a text share its slug and the plugin groups them itself
    (content/versions.py), whichever languages a text has: Pelican's own grouping wants a
    version in DEFAULT_LANG and fails the build on a text written only in, say, Russian and
    English, so it is turned off."""
    pelican.settings["ARTICLE_TRANSLATION_ID"] = None
    pelican.settings["PAGE_TRANSLATION_ID"] = None
    pelican.settings["READERS"] = {
        **pelican.settings.get("READERS", {}),
        **dict.fromkeys(OTHER_FORMATS),
        "md": SharedMarkdownReader,
    }


def plan_the_site(generators: list[object]) -> None:
    """Every generator has read its files: keep what was read for the next build, then turn
    the texts into ours and plan every page."""
    for generator in generators:
        if isinstance(generator, DirectoryGenerator):
            cache = generator.settings.pop(READ_CACHE_KEY, None)
            if isinstance(cache, ReadCache):
                cache.save()
    for generator in generators:
        if isinstance(generator, DirectoryGenerator):
            generator.plan_site()


def refuse_unsafe_files(pelican: PelicanApp) -> None:
    """Before Pelican reads anything: no links, devices or oversized texts under the content
    and data folders. Pelican follows links when it reads content, so this cannot wait for the
    directory generator, which runs after Pelican has read every article and page."""
    options = options_of(pelican.settings)
    content, data, limit = Path(pelican.settings["PATH"]), options.data_path, options.max_file_bytes
    problems = unsafe_files(content, content.parent, max_bytes=limit, check_names=True)
    problems += unsafe_files(data, data.parent, skip_hidden=True, max_bytes=limit)
    if problems:
        raise ValidationFailed(problems)


def initialized(pelican: PelicanApp) -> None:
    """Check the plugin's settings once, for the whole build, then the files; then set up reading."""
    options = pelican.settings[OPTIONS_KEY] = Options.from_settings(pelican.settings)
    refuse_unsafe_files(pelican)
    read_texts_as_validate_does(pelican)
    if options.cache:
        cache_path = Path(pelican.settings["CACHE_PATH"])
        pelican.settings[READ_CACHE_KEY] = ReadCache(cache_path, pelican.settings.get("MARKDOWN"))
        if published := pelican.settings.get(PUBLISHED_KEY):
            pelican.settings[PAGE_CACHE_KEY] = PageCache(cache_path / PAGES_FOLDER, Path(published))


def register() -> None:
    signals.initialized.connect(initialized)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(configure_environment)
    signals.all_generators_finalized.connect(plan_the_site)
