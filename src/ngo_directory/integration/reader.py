"""Pelican's Markdown reader with one converter for all files.

Pelican's reader builds a new ``Markdown`` (loading every extension) for each file it reads,
which costs more than converting most press releases. This one builds it once and resets it
between files; the HTML and metadata are the same. Pelican's metadata parsing unregisters the
``meta`` preprocessor from the converter it is given, so it is registered again before each file.
With the read cache on (read_cache.py), a text read before with the same bytes and settings is
not converted again."""

from __future__ import annotations

from typing import Any, ClassVar

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .read_cache import ReadCache

# Where python-markdown's meta extension registers its preprocessor (markdown/extensions/meta.py).
META_PRIORITY = 27
# The build's ReadCache, in Pelican's settings while the build reads (pelican_plugin.py).
READ_CACHE_KEY = "_NGO_DIRECTORY_CACHE"


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
            cache = self.settings.get(READ_CACHE_KEY)
            if not isinstance(cache, ReadCache):
                content = md.convert(text)
                meta = getattr(md, "Meta", None)
            else:
                key = cache.key(text)
                if (cached := cache.get(key)) is not None:
                    content, meta = cached
                else:
                    content = md.convert(text)
                    meta = getattr(md, "Meta", None)
                    cache.put(key, content, meta or {})
        metadata = self._parse_metadata(meta) if meta is not None else {}
        return content, metadata
