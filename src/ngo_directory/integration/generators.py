"""The Pelican generator: load and check the records, plan every page, then write them."""

from __future__ import annotations

import datetime as dt
import logging
import os
import zoneinfo
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..content.press import (
    LineOf,
    check_content_metadata,
    check_links,
    check_press_release,
    check_release_versions,
    metadata_line,
    stray_press_files,
)
from ..content.versions import versions_of
from ..i18n import Languages
from ..problems import Problem, ValidationFailed
from ..records.completeness import Completeness
from ..records.loader import check_characters
from ..records.sources import display, read_bytes
from ..records.validate import Limits, check_data, record_kinds
from ..settings import plugin_settings, reserved_names
from ..site.pages import PageSpec, Planner, PressIndex
from ..site.urls import save_as_of
from ..syndication.happenings import Happening, happenings_of
from ..syndication.subscriptions import Catalogue
from ..syndication.syndication import Identity, Syndication, opml_addresses

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent.parent / "site" / "templates"
# Where the site publishes the records' JSON Schemas, so that a record's first line can name
# https://<site>/schemas/ngo.schema.json; their $refs are relative, so the copies find each other.
SCHEMAS_PATH = "schemas/"


def build_date() -> dt.date:
    """Today in Baku, or the date of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    zone = zoneinfo.ZoneInfo("Asia/Baku")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), zone).date()
    return dt.datetime.now(zone).date()


def _all_content(generators_context: dict[str, Any]) -> list[Any]:
    content = []
    for key in ("articles", "pages", "hidden_pages", "draft_pages"):
        for item in generators_context.get(key, []):
            content.append(item)
            content.extend(getattr(item, "translations", []))
    return content


class DirectoryGenerator(Generator):  # type: ignore[misc]
    """Render the NGO, partner, meeting, region, theme and press pages in every language,
    and the fallback versions of press releases and pages that lack a translation."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.options = plugin_settings(self.settings)
        self.languages = Languages.from_settings({**self.settings, **self.options})
        self.pages: list[PageSpec] = []
        self.syndication: dict[str, tuple[Catalogue, list[Happening]]] = {}

    def check_content(self, reserved: frozenset[str]) -> list[Problem]:
        """Problems in the metadata and links of every page and press release Pelican read."""
        problems = []
        content = Path(self.settings["PATH"])
        press_root = content / self.options["NGO_DIRECTORY_PRESS_PATH"]
        kind_of = record_kinds(Path(self.options["NGO_DIRECTORY_DATA_PATH"]))
        problems += stray_press_files(content, self.options["NGO_DIRECTORY_PRESS_PATH"], content.parent)
        releases: list[tuple[str, LineOf, Any]] = []
        for item in _all_content(self.context):
            source = Path(item.source_path)
            file = display(source, content.parent)
            raw, refused = read_bytes(source, file, self.options["NGO_DIRECTORY_MAX_FILE_BYTES"])
            if raw is None:
                problems += [refused] if refused else []
                continue
            text = raw.decode("utf-8-sig")  # Pelican has read it as UTF-8 already
            line_of = partial(metadata_line, text)
            problems += check_characters(file, text)
            problems += check_content_metadata(
                file, line_of, item.metadata, self.languages.languages, reserved
            )
            folder = source.parent.relative_to(content).as_posix() if source.is_relative_to(content) else ""
            problems += check_links(file, text, item._content or "", folder)
            if source.is_relative_to(press_root):
                problems += check_press_release(file, line_of, item.metadata, kind_of)
                releases.append((file, line_of, item.metadata))
        return problems + check_release_versions(releases)

    def generate_context(self) -> None:
        options = self.options
        reserved = reserved_names({**self.settings, **options})
        directory, problems = check_data(
            Path(options["NGO_DIRECTORY_DATA_PATH"]),
            default_language=self.settings["DEFAULT_LANG"],
            limits=Limits(options["NGO_DIRECTORY_MAX_FILE_BYTES"], options["NGO_DIRECTORY_MAX_DEPTH"]),
            reserved=reserved,
        )
        problems += self.check_content(reserved)
        if problems or directory is None:
            raise ValidationFailed(problems)
        languages = self.languages
        press = versions_of(self.context.get("articles", []), languages, self.settings["ARTICLE_URL"])
        pages = versions_of(self.context.get("pages", []), languages, self.settings["PAGE_URL"])
        hidden = versions_of(self.context.get("hidden_pages", []), languages, self.settings["PAGE_URL"])
        settings = {**self.settings, **options}
        today = build_date()
        records: list[Any] = [*directory.ngos.values(), *directory.partners.values()]
        records += directory.meetings.values()
        completeness = {r.slug: Completeness.of(r, languages.languages) for r in records}
        self.pages = []
        catalogues, opml = {}, {}
        for language in languages.languages:
            in_language = PressIndex.of(group[language] for group in press)
            catalogue = Catalogue.build(directory, languages, language, settings)
            planner = Planner(
                directory, in_language, settings, today, languages, language, completeness, catalogue
            )
            self.pages += planner.plan()
            catalogues[language] = catalogue
            opml[language] = opml_addresses(languages.prefix(language), options["NGO_DIRECTORY_FEEDS_PATH"])
            self.syndication[language] = (catalogue, happenings_of(directory, in_language.latest))
        for template, groups in (("article.html", press), ("page.html", pages + hidden)):
            key = template.removesuffix(".html")
            for group in groups:
                for version in group.values():
                    if version.fallback:
                        self.pages.append(
                            PageSpec(
                                save_as_of(version.url),
                                version.url,
                                template,
                                {key: version.item, "fallback_from": version.item.lang},
                                version.language,
                                version.alternates,
                            )
                        )
        self.context.update(options)
        self.context.update(
            directory=directory,
            content_alternates={v.url: v.alternates for g in press + pages + hidden for v in g.values()},
            footer_pages={lang: [group[lang] for group in pages] for lang in languages.languages},
            subscriptions=catalogues,
            opml_files=opml,
            absolute_base=self.absolute_base,
        )
        logger.info("Planned %d directory pages in %d languages", len(self.pages), len(languages.languages))

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

    def generate_output(self, writer: Any) -> None:
        for page in self.pages:
            self.target(page.save_as)
            writer.write_file(
                page.save_as,
                self.get_template(page.template.removesuffix(".html")),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=page.url,
                page_url=page.url,
                page_lang=page.language,
                alternates=page.alternates,
                **page.context,
            )
        self.write_syndication()
        self.write_schemas()

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

    def write_syndication(self) -> None:
        """Every feed, calendar and OPML file of every language."""
        count = 0
        for language, (catalogue, happenings) in self.syndication.items():
            syndication = Syndication(
                self.env,
                self.context,
                self.context["directory"],
                catalogue,
                happenings,
                self.languages,
                base=self.absolute_base,
                identity=Identity(self.options["NGO_DIRECTORY_ID_AUTHORITY"]),
                site_name=self.languages.site_name(language),
                feed_items=self.options["NGO_DIRECTORY_FEED_ITEMS"],
                opml=self.context["opml_files"][language],
            )
            for address, data in syndication.files():
                target = self.target(address)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                count += 1
        logger.info("Wrote %d feeds, calendars and OPML files", count)
