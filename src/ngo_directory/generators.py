"""The Pelican generator: load and check the records, plan every page, then write them."""

from __future__ import annotations

import datetime as dt
import logging
import os
import zoneinfo
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from .pages import PageSpec, Planner, PressIndex
from .press import check_content_metadata, check_press_release, metadata_line
from .problems import ValidationFailed
from .settings import plugin_settings
from .urls import Urls
from .validate import Limits, check_data, record_kinds

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


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
    """Render the NGO, partner, meeting, region and theme pages."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.options = plugin_settings(self.settings)
        self.pages: list[PageSpec] = []

    def generate_context(self) -> None:
        options = self.options
        directory, problems = check_data(
            Path(options["NGO_DIRECTORY_DATA_PATH"]),
            default_language=self.settings["DEFAULT_LANG"],
            limits=Limits(options["NGO_DIRECTORY_MAX_FILE_BYTES"], options["NGO_DIRECTORY_MAX_DEPTH"]),
        )
        content = _all_content(self.context)
        press_root = Path(self.settings["PATH"]) / options["NGO_DIRECTORY_PRESS_PATH"]
        kind_of = record_kinds(Path(options["NGO_DIRECTORY_DATA_PATH"]))
        project = Path(self.settings["PATH"]).parent
        for item in content:
            source = Path(item.source_path)
            file = os.path.relpath(source, project)

            def line_of(key: str, source: Path = source) -> int:
                return metadata_line(source.read_text("utf-8"), key)  # read only to place a problem

            problems += check_content_metadata(file, line_of, item.metadata)
            if source.is_relative_to(press_root):
                problems += check_press_release(file, line_of, item.metadata, kind_of)
        if problems or directory is None:
            raise ValidationFailed(problems)
        articles = self.context.get("articles", [])
        urls = Urls(options)
        planner = Planner(
            directory, PressIndex.of(articles), urls, {**options, **self.settings}, build_date()
        )
        self.pages = planner.plan()
        self.context.update(options)
        self.context.update(directory=directory, urls=urls, page_lang=self.settings["DEFAULT_LANG"])
        logger.info("Planned %d directory pages", len(self.pages))

    def generate_output(self, writer: Any) -> None:
        output = Path(self.output_path).resolve()
        for page in self.pages:
            target = (output / page.save_as).resolve()
            if not target.is_relative_to(output):
                raise ValueError(f"refusing to write {page.save_as!r} outside the output folder")
            writer.write_file(
                page.save_as,
                self.get_template(page.template.removesuffix(".html")),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=page.url,
                page_url=page.url,
                **page.context,
            )
