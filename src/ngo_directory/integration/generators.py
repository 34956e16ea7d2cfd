"""The Pelican generator: load and check the records, plan every page, then write them."""

from __future__ import annotations

import functools
import gzip
import logging
import os
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, Template
from pelican.generators import Generator

from ..content.checks import check_texts, stray_text_files
from ..i18n import Languages
from ..problems import Problem, ValidationFailed
from ..records.directory import Directory
from ..records.models import Text
from ..records.moment import build_moment
from ..records.validate import Limits, check_data
from ..search.indexing import index_site
from ..settings import OPTIONS_KEY, options_of, reserved_names
from ..site.open_data import SCHEMAS_PATH, export_files
from ..site.pages import PageSpec
from ..site.plan import SitePlan, plan_site
from ..site.sitemap import ROBOTS, Entry, lastmod_of, robots_txt, sitemap_files
from ..site.urls import Urls
from ..site.who_does_what import WHO_CSV, csv_text, presence
from ..syndication.syndication import Identity, Syndication
from .content import PelicanTexts
from .page_cache import PAGE_CACHE_KEY, PUBLISHED_KEY, PageCache, RecordingDirectory, code_and_settings_key
from .pelican_types import PelicanWriter, Settings
from .reader import READ_CACHE_KEY
from .timing import phase
from .workers import auto_workers, in_workers

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent.parent / "site" / "templates"
# The templates of record pages, whose budget is NGO_DIRECTORY_PAGE_BUDGETS["record"].
RECORD_TEMPLATES = frozenset({"ngo.html", "partner.html", "meeting.html", "programme.html"})
# The names every page is given besides its context (write_pages).
OWN_NAMES = ("url", "page_url", "page_lang", "alternates", "directory")


class DirectoryGenerator(Generator):  # type: ignore[misc]  # Pelican ships no types
    """Check every record and text, then plan and write every page of every language (the
    directory's, the press releases' and the pages'), the feeds, calendars and schemas."""

    # What this generator uses of Pelican's Generator, typed.
    settings: Settings
    context: dict[str, Any]  # Pelican's context shared by all generators: any value
    output_path: str
    env: Environment

    def get_template(self, name: str) -> Template:
        return cast(Template, super().get_template(name))

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.options = options_of(self.settings)
        self.languages = Languages.from_settings(self.settings_by_name)
        self.directory: Directory | None = None
        self.texts: PelicanTexts | None = None
        self.plan: SitePlan | None = None

    def check_content(
        self, texts: PelicanTexts, kind_of: Mapping[str, str], reserved: frozenset[str]
    ) -> list[Problem]:
        """Problems in the files of every page and press release Pelican read."""
        problems = stray_text_files(texts.content, self.options.press_path, texts.content.parent)
        sources, unreadable = texts.sources(self.options.max_file_bytes)
        return problems + unreadable + check_texts(sources, kind_of, self.languages.languages, reserved)

    def generate_context(self) -> None:
        """Check every record, page and press release, all at once: any problem stops the build
        before anything is written."""
        with phase("load and validate"):
            options = self.options
            reserved = reserved_names(self.settings_by_name)
            texts = PelicanTexts(self.context, Path(self.settings["PATH"]))
            directory, problems = check_data(
                options.data_path,
                content=lambda kind_of: self.check_content(texts, kind_of, reserved),
                default_language=options.default_language,
                limits=Limits(options.max_file_bytes, options.max_depth),
                reserved=reserved,
                phone_region=options.phone_region,
                time_zone=options.time_zone,
            )
            if problems or directory is None:
                raise ValidationFailed(problems)
            self.directory, self.texts = directory, texts

    def plan_site(self) -> None:
        """Turn Pelican's texts into ours and plan every page; once every generator has read
        its files (links to static files resolve only then) and before any writes."""
        with phase("content and plan"):
            assert self.directory is not None and self.texts is not None
            releases, pages = self.texts.convert(
                self.context, self.settings["ARTICLE_URL"], self.settings["PAGE_URL"], self.record_url
            )
            settings = self.settings_by_name
            self.plan = plan_site(self.directory, releases, pages, self.languages, settings, build_moment())
            self.context.update(self.options.as_settings())
            self.context.update(
                directory=self.directory,
                footer_pages=self.plan.footer_pages,
                registrations=self.plan.registrations,
                verified_since=self.plan.verified_since,
                opml_files={language: plan.opml for language, plan in self.plan.languages.items()},
                absolute_base=self.absolute_base,
            )
            logger.info(
                "Planned %d pages in %d languages", len(self.plan.pages), len(self.languages.languages)
            )

    def record_url(self, slug: str, language: str) -> str | None:
        """The address of a record's page in ``language`` (a text's record: links), from the
        site's root; None for a slug that is no record."""
        assert self.directory is not None
        record = self.directory.record(slug)
        if record is None:
            return None
        return self.urls_of(language).url(record)

    @functools.cache  # noqa: B019  (one generator per build)
    def urls_of(self, language: str) -> Urls:
        """The URLs of ``language``'s pages."""
        return Urls(self.settings_by_name, self.languages.prefix(language))

    @property
    def settings_by_name(self) -> dict[str, Any]:
        """Pelican's settings with the plugin's checked options on top, by setting name."""
        return {**self.settings, **self.options.as_settings()}

    @property
    def absolute_base(self) -> str:
        """The site's absolute URL for feeds (FEED_DOMAIN, else SITEURL); '' in a development
        build, whose feeds then link root-relative addresses."""
        return str(self.settings.get("FEED_DOMAIN") or self.settings.get("SITEURL") or "").rstrip("/")

    def target(self, save_as: str) -> Path:
        output = os.path.abspath(self.output_path)
        target = os.path.normpath(os.path.join(output, save_as))
        if not target.startswith(output + os.sep):
            raise ValueError(f"refusing to write {save_as!r} outside the output folder")
        return Path(target)

    def generate_output(self, writer: PelicanWriter) -> None:
        """Write every planned page, then every feed, calendar and OPML file, each shared
        between the workers (NGO_DIRECTORY_WORKERS; workers.py), and the JSON Schemas; then
        index the pages for search. (Pagefind run alongside the feeds was slower on two cores:
        it and the two workers fight for them.)"""
        assert self.plan is not None
        workers = self.options.workers or auto_workers(len(self.plan.pages))
        if cache := self.page_cache:
            own = frozenset({"OUTPUT_PATH", PAGE_CACHE_KEY, PUBLISHED_KEY, READ_CACHE_KEY, OPTIONS_KEY})
            cache.start(code_and_settings_key(self.env, self.settings, own), self.context, self.directory)
        in_workers(lambda index, count: self.write_pages(writer, index, count), workers)
        in_workers(self.write_syndication, workers)
        self.write_schemas()
        self.write_who_does_what()
        self.write_open_data()
        self.write_discovery()
        with phase("search index"):
            pages = [(page.language, page.save_as) for page in self.plan.pages]
            index_site(Path(self.output_path), self.options.search_path, pages)

    @property
    def page_cache(self) -> PageCache | None:
        """The pages of the last build (page_cache.py), with NGO_DIRECTORY_CACHE on."""
        cache = self.settings.get(PAGE_CACHE_KEY)
        return cache if isinstance(cache, PageCache) else None

    def write_pages(self, writer: PelicanWriter, index: int, count: int) -> None:
        """The pages whose place in the plan is ``index`` modulo ``count``; with the page cache,
        those made from the same inputs as in the last build are linked from it instead."""
        assert self.plan is not None
        cache = self.page_cache
        relative = self.settings["RELATIVE_URLS"]
        with phase("render and write"):
            for page in self.plan.pages[index::count]:
                target = self.target(page.save_as)

                def write(directory: object, page: PageSpec = page) -> None:
                    writer.write_file(
                        page.save_as,
                        self.get_template(page.template.removesuffix(".html")),
                        self.context,
                        relative_urls=relative,
                        url=page.url,
                        page_url=page.url,
                        page_lang=page.language,
                        alternates=page.alternates,
                        directory=directory,
                        **page.context,
                    )

                if cache is None:
                    write(self.directory)
                    self.check_budget(page, target)
                    continue
                # Pelican's writer sets `localsiteurl` from the address with relative URLs
                # (and leaves the last page's in the context); without, it is the context's.
                plan = (page, relative, None if relative else self.context.get("localsiteurl"))
                key = cache.key(plan)
                published = cache.reusable(page.save_as, key)
                if key and published and cache.reuse(page.save_as, key, published, target):
                    continue
                own = {*page.context.keys(), *OWN_NAMES}
                cache.render(
                    page.save_as, key, own, lambda deps: write(RecordingDirectory(self.directory, deps))
                )
                self.check_budget(page, target)
            if cache is not None:
                cache.save_part(index)

    @functools.cached_property
    def stylesheet_bytes(self) -> int:
        """What the site's stylesheet takes to transfer, gzipped (every page loads it)."""
        css = Path(self.settings["THEME"]) / "static" / "css" / "site.css"
        return len(gzip.compress(css.read_bytes(), 6, mtime=0)) if css.is_file() else 0

    def check_budget(self, page: PageSpec, written: Path) -> None:
        """Log (and so fail the build) a page that takes more bytes to transfer, gzipped with the
        stylesheet, than NGO_DIRECTORY_PAGE_BUDGETS allows. A page linked unchanged from the last
        build was measured when it was made."""
        budgets = self.options.page_budgets
        if budgets is None:
            return
        record = page.template in RECORD_TEMPLATES
        limit = budgets[1] if record else budgets[0]
        size = len(gzip.compress(written.read_bytes(), 6, mtime=0)) + self.stylesheet_bytes
        if size > limit:
            logger.warning(
                "%s takes %d bytes to transfer (gzipped, with the stylesheet), over the budget of %d for %s "
                "(NGO_DIRECTORY_PAGE_BUDGETS)",
                page.save_as,
                size,
                limit,
                "a record's page" if record else "a page",
            )

    def write_schemas(self) -> None:
        """Every JSON Schema of the package, byte for byte, under SCHEMAS_PATH."""
        count = 0
        for entry in sorted(resources.files("ngo_directory.schema").iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".schema.json"):
                target = self.target(SCHEMAS_PATH + entry.name)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(entry.read_bytes())
                count += 1
        logger.info("Wrote %d JSON Schemas", count)

    def write_open_data(self) -> None:
        """Every record kind as JSON and CSV, the whole directory, and the Data Package."""
        assert self.directory is not None
        files = export_files(
            self.directory,
            title=self.languages.site_name(self.options.default_language),
            licence=self.options.data_licence,
            schemas=f"{self.absolute_base}/{SCHEMAS_PATH}",
        )
        for name, data in files:
            target = self.target(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        logger.info("Wrote %d open data files", len(files))

    def write_discovery(self) -> None:
        """robots.txt, and the sitemap when the site's absolute address is known (a publishing
        build): search engines want absolute addresses."""
        assert self.plan is not None
        base = self.absolute_base
        files: list[tuple[str, bytes]] = [(ROBOTS, robots_txt(base).encode())]
        if base.startswith(("https://", "http://")):
            entries = [
                Entry(page.url, page.alternates, lastmod_of(page.context))
                for page in self.plan.pages
                if page.in_sitemap
            ]
            files += sitemap_files(entries, base, self.options.default_language)
        for name, data in files:
            self.target(name).write_bytes(data)
        logger.info("Wrote %s", ", ".join(name for name, _ in files))

    def write_who_does_what(self) -> None:
        """Each language's who-does-what CSV (site/who_does_what.py), beside its page."""
        assert self.directory is not None
        cells = presence(self.directory)
        settings = self.settings_by_name
        for language in self.languages.languages:
            order = self.languages.order(language)
            urls = Urls(settings, self.languages.prefix(language))

            def shown(text: Text, order: Sequence[str] = order) -> str:
                return str(text.pick(order)[1])

            def gettext(message: str, language: str = language) -> str:
                return self.languages.gettext(language, message)

            def url(record: object, urls: Urls = urls) -> str:
                return f"{self.absolute_base}/{urls.url(record)}"

            text = csv_text(self.directory, cells, shown=shown, gettext=gettext, url=url)
            target = self.target(urls.index("WHO") + WHO_CSV)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8", newline="")
        logger.info("Wrote %d who-does-what CSV files", len(self.languages.languages))

    def write_syndication(self, index: int = 0, count: int = 1) -> None:
        """The feed, calendar and OPML files of every language whose place is ``index`` modulo
        ``count``."""
        with phase("feeds and calendars"):
            self._write_syndication(index, count)

    def _write_syndication(self, index: int, count: int) -> None:
        assert self.plan is not None and self.directory is not None
        written = 0
        for language, plan in self.plan.languages.items():
            syndication = Syndication(
                self.env,
                self.context,
                self.directory,
                plan.catalogue,
                plan.happenings,
                self.languages,
                base=self.absolute_base,
                identity=Identity(self.options.id_authority),
                site_name=self.languages.site_name(language),
                feed_items=self.options.feed_items,
                opml=plan.opml,
            )
            for address, data in syndication.files(index, count):
                target = self.target(address)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written += 1
        logger.info("Wrote %d feeds, calendars and OPML files", written)
