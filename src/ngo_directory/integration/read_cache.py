"""What the Markdown reader made of each text, kept between builds on the machine that builds.

Converting Markdown is most of the time Pelican spends reading. A text converts to the same HTML
and the same raw metadata whenever its bytes, the ``MARKDOWN`` settings and the code that reads
it are the same, so each conversion is kept under a key made of all of them: a text whose bytes
changed, or any change of python-markdown, Pelican, this package or the settings, makes a new key
and the text is converted again. Only the conversion is kept; Pelican still turns the metadata
into dates, slugs and summaries in every build, so every check of the build still runs.

The cache is one JSON file in Pelican's ``CACHE_PATH`` (``cache/``, which git ignores). Each
build writes back only the entries it used, so it never grows past the texts of the project.
A cache that cannot be read is ignored, and one that cannot be written is left as it was: a
cache never fails a build, it only makes it faster. It serves the machine it is on (the dev
server, local builds); a publishing build reads every text (``publishconf.py`` turns it off),
so nothing published comes from a file a build did not make itself."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

CACHE_FILE = "ngo-directory-read.json"
# Changed whenever what an entry holds changes.
FORMAT = 1

Meta = dict[str, list[str]]


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:  # pragma: no cover  (running from a source tree)
        return "unknown"


def fingerprint(markdown_settings: Any) -> str:
    """What, besides a text's bytes, decides what reading it makes: the versions of
    python-markdown, Pelican and this package, the reader's own code and the settings."""
    reader_code = Path(__file__).with_name("reader.py").read_bytes()
    parts = {
        "format": FORMAT,
        "markdown": _version("markdown"),
        "pelican": _version("pelican"),
        "ngo-directory": _version("ngo-directory"),
        "reader": hashlib.sha256(reader_code).hexdigest(),
        "settings": json.dumps(markdown_settings, sort_keys=True, default=repr),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _entries(raw: object) -> dict[str, tuple[str, Meta]]:
    """The entries of a cache file's JSON, or none if any part is not what a build writes."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("entries"), dict):
        return {}
    entries: dict[str, tuple[str, Meta]] = {}
    for key, value in raw["entries"].items():
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)):
            return {}
        content, meta = value
        if not isinstance(meta, dict) or not all(
            isinstance(values, list) and all(isinstance(v, str) for v in values) for values in meta.values()
        ):
            return {}
        entries[key] = (content, meta)
    return entries


class ReadCache:
    """The cache of one build: the entries found on disk, and those this build used."""

    def __init__(self, folder: Path, markdown_settings: Any) -> None:
        self.file = folder / CACHE_FILE
        self.fingerprint = fingerprint(markdown_settings)
        self.found: dict[str, tuple[str, Meta]] = {}
        self.used: dict[str, tuple[str, Meta]] = {}
        self.hits = 0
        try:
            self.found = _entries(json.loads(self.file.read_text("utf-8")))
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as error:
            logger.info("The read cache %s could not be read (%s); every text is read", self.file, error)

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> tuple[str, Meta] | None:
        """What reading the text with this key made, as a fresh copy, or None."""
        entry = self.found.get(key) or self.used.get(key)
        if entry is None:
            return None
        self.hits += 1
        self.used[key] = entry
        content, meta = entry
        return content, {name: list(values) for name, values in meta.items()}

    def put(self, key: str, content: str, meta: Meta) -> None:
        self.used[key] = (content, {name: list(values) for name, values in meta.items()})

    def save(self) -> None:
        """Write the entries this build used, unless they are exactly those on disk."""
        logger.info("%d of %d texts came from the read cache", self.hits, len(self.used))
        if self.used.keys() == self.found.keys():
            return
        data = json.dumps({"format": FORMAT, "entries": self.used}, ensure_ascii=False, separators=(",", ":"))
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{CACHE_FILE}.", dir=self.file.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(data)
                os.replace(temporary, self.file)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as error:
            logger.info("The read cache %s could not be written (%s)", self.file, error)
