"""Pelican's Markdown reader with one converter for all files.

Pelican's reader builds a new ``Markdown`` (loading every extension) for each file it reads,
which costs more than converting most press releases. This one builds it once and resets it
between files; the HTML and metadata are the same. Pelican's metadata parsing unregisters the
``meta`` preprocessor from the converter it is given, so it is registered again before each file."""

from __future__ import annotations

from typing import Any, ClassVar

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

# Where python-markdown's meta extension registers its preprocessor (markdown/extensions/meta.py).
META_PRIORITY = 27


class SharedMarkdownReader(MarkdownReader):  # type: ignore[misc]  # Pelican ships no types
    """Reads .md files only: the other Markdown endings are refused by the checks."""

    file_extensions: ClassVar[list[str]] = ["md"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._shared: Markdown | None = None
        self._meta: Any = None

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        if self._shared is None:
            self._shared = Markdown(**self.settings["MARKDOWN"])
            self._meta = self._shared.preprocessors["meta"]
        md = self._shared
        if "meta" not in md.preprocessors:
            md.preprocessors.register(self._meta, "meta", META_PRIORITY)
        md.reset()
        self._source_path = source_path
        self._md = md
        with pelican_open(source_path) as text:
            content = md.convert(text)
        metadata = self._parse_metadata(md.Meta) if hasattr(md, "Meta") else {}
        return content, metadata
