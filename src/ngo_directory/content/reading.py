"""Read the content folder the way Pelican's Markdown reader does, for ``validate``: every page
and press release as a ``SourceText`` for ``checks.check_texts``, without Pelican."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import N_, RECORD_LANGUAGES
from ..problems import Message, Problem
from ..records.loader import DEFAULT_MAX_BYTES
from ..records.sources import display, has_hidden_characters, read_bytes, relative, unsafe_files, walk
from ..settings import DEFAULTS, reserved_names
from ..text.links import may_hold_links
from .checks import SourceText, check_texts, stray_text_files

if TYPE_CHECKING:
    import markdown

EXTENSIONS = ("meta", "extra", "sane_lists")
_HEADER_END = re.compile(r"\n[ \t]*\n")


@cache
def _markdown() -> markdown.Markdown:
    """The converter, made when a text's HTML is first needed (importing and setting up
    python-markdown costs a tenth of a second, more than a small site's whole check)."""
    import markdown

    return markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")


class _Header:
    """What python-markdown's first two preprocessors use of their ``Markdown``: its tab length
    (the default, as ``_markdown`` leaves it), and where the metadata extension puts what it
    read."""

    tab_length = 4

    def __init__(self) -> None:
        self.Meta: dict[str, list[str]] = {}


@cache
def _header_steps() -> tuple[Any, ...]:
    """The preprocessors a conversion runs up to the metadata extension's, which reads the
    header: whitespace normalised, then the header read, by python-markdown's own code."""
    from markdown.extensions.meta import MetaPreprocessor
    from markdown.preprocessors import NormalizeWhitespace

    return NormalizeWhitespace, MetaPreprocessor


def _header_metadata(source: str) -> dict[str, list[str]]:
    """The metadata a conversion of ``source`` finds (``Markdown.Meta``), without converting it:
    what python-markdown runs before its metadata extension, and that extension (a blank text
    is not read at all, and has none)."""
    header = _Header()
    if not source.strip():
        return header.Meta
    lines = source.split("\n")
    for step in _header_steps():
        lines = step(header).run(lines)
    return header.Meta


def read_markdown(text: str, *, body: bool = True) -> tuple[dict[str, str], str]:
    """Metadata and HTML of a Markdown file, read the way Pelican's Markdown reader reads it.
    With ``body=False`` only the metadata header is read (the HTML is ''), by the steps of a
    conversion that read it, and no conversion."""
    if not body:
        end = _HEADER_END.search(text)
        meta = _header_metadata(text if end is None else text[: end.start() + 1])
        return {key.lower(): "\n".join(values) for key, values in meta.items()}, ""
    converter = _markdown()
    html = converter.reset().convert(text)
    meta = getattr(converter, "Meta", {})
    metadata = {key.lower(): "\n".join(values) for key, values in meta.items()}
    if "summary" in metadata:  # Pelican renders it as Markdown too (FORMATTED_FIELDS)
        metadata["summary"] = converter.reset().convert(metadata["summary"])
    return metadata, html


def read_content_folder(
    content: Path, press_folder: str, root: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[SourceText], list[Problem]]:
    """Every Markdown file under ``content`` (those under ``press_folder`` are press releases),
    and the problems of the files that cannot be read as one."""
    problems = unsafe_files(content, root, check_names=True)
    problems += stray_text_files(content, press_folder, root)
    if not content.is_dir() or content.is_symlink():
        return [], problems
    press = content / press_folder
    texts = []
    for path in walk(content):
        try:  # one lstat: what is_symlink, is_dir and is_file find, since a link is skipped
            mode = os.lstat(path).st_mode
        except OSError:
            continue
        if stat.S_ISLNK(mode) or stat.S_ISDIR(mode) or path.name.startswith(".") or not stat.S_ISREG(mode):
            continue  # links and special files were reported above
        if has_hidden_characters(path.name) or path.suffix != ".md":
            continue  # and so were names with control characters
        file = display(path, root)
        raw, refused = read_bytes(path, file, max_bytes)
        if raw is None:
            problems += [refused] if refused else []
            continue
        try:
            text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError:
            problems.append(
                Problem(
                    file, 1, 1, "", Message(N_("file is not valid UTF-8")), Message(N_("save it as UTF-8"))
                )
            )
            continue
        # The HTML is read only for the file links it may hold (checks.check_links).
        metadata, body = read_markdown(text, body=may_hold_links(text))
        folder = display(path.parent, content)  # inside it: relative to it
        is_press = relative(path, press) is not None
        texts.append(SourceText(file, text, metadata, body, folder, is_press, content))
    return texts, problems


def check_content_folder(
    content: Path,
    press_folder: str,
    root: Path,
    kind_of: Mapping[str, str],
    languages: Sequence[str] = RECORD_LANGUAGES,
    *,
    reserved: frozenset[str] = frozenset(),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Problem]:
    """Check every Markdown file under ``content``; those under ``press_folder`` are press releases."""
    texts, problems = read_content_folder(content, press_folder, root, max_bytes)
    return problems + check_texts(texts, kind_of, languages, reserved)


def folder_check(
    content: Path,
    press_folder: str = "press",
    *,
    languages: Sequence[str] = RECORD_LANGUAGES,
    reserved: frozenset[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Callable[[Mapping[str, str]], list[Problem]]:
    """The check of the content folder that ``records.validate.check_data`` runs with the
    records (files named from the content folder's parent); ``reserved`` defaults to the
    names the default settings reserve."""
    names = reserved_names(DEFAULTS) if reserved is None else reserved
    return partial(
        check_content_folder,
        content,
        press_folder,
        content.parent,
        languages=languages,
        reserved=names,
        max_bytes=max_bytes,
    )
