"""The links in the Markdown fields of records (descriptions, a partner's offers, a meeting's
agenda, outcome, report and change notes): ``record:`` links are judged as in pages and press
releases, and Pelican's file links ({static}, {attach}, {filename}) are refused, since only a
page or press release has files of its own; nothing in a record would resolve or remove them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .. import schema
from ..i18n import N_
from ..problems import Message, Path_, Problem, field_name
from ..text.links import Places, file_links, may_hold_links, record_hrefs, record_link_problem
from ..text.markup import markdown_html
from .loader import Document
from .sources import read_bytes

_ANY = "*"  # any item of a list, in a field pattern


@cache
def markdown_fields(kind: str) -> tuple[Path_, ...]:
    """The fields of ``kind``'s records that hold Markdown, as their schema describes them
    ("Markdown." in a field's description), with '*' for any item of a list."""
    found: list[Path_] = []

    def walk(node: Mapping[str, Any], path: Path_) -> None:
        for name, sub in (node.get("properties") or {}).items():
            if "Markdown" in str(sub.get("description", "")):
                found.append((*path, name))
            elif sub.get("type") == "array" and isinstance(sub.get("items"), dict):
                walk(sub["items"], (*path, name, _ANY))
            elif sub.get("type") == "object":
                walk(sub, (*path, name))

    walk(schema.load_schema(kind), ())
    return tuple(found)


def _texts(data: Any, pattern: Path_, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """(path, Markdown) of each text at ``pattern`` in ``data``: a string, or each language's."""
    if not pattern:
        if isinstance(data, str):
            yield path, data
        elif isinstance(data, dict):
            for language, text in data.items():
                if isinstance(text, str):
                    yield (*path, language), text
        return
    head, rest = pattern[0], pattern[1:]
    if head == _ANY and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _texts(item, rest, (*path, index))
    elif isinstance(data, dict) and head in data:
        yield from _texts(data[head], rest, (*path, head))


_FILE_LINK = Message(N_("the link '%(link)s' is a file link, which only pages and press releases can hold"))
_FILE_LINK_HINT = Message(N_("link to a web address, or put the file in content/ and link it from a page"))


def markdown_link_problems(
    docs: Mapping[str, Mapping[str, Document]], kind_of: Mapping[str, str], project: Path, max_bytes: int
) -> list[Problem]:
    """Every problem of the links in the records' Markdown fields, at the line and column where
    each link is written (``project`` is the folder the records' file names start from)."""
    problems = []
    for kind, by_slug in docs.items():
        for doc in by_slug.values():
            found: list[tuple[Path_, str, Message, Message]] = []
            for pattern in markdown_fields(kind):
                for path, text in _texts(doc.data, pattern):
                    if not may_hold_links(text):
                        continue
                    html = markdown_html(text)
                    for written, _ in file_links(html):
                        link = written.replace("&amp;", "&")
                        found.append((path, link, Message(_FILE_LINK.template, link=link), _FILE_LINK_HINT))
                    for link in record_hrefs(html):
                        judged = record_link_problem(link, kind_of)
                        if judged is not None:
                            found.append((path, link, *judged))
            if found:
                problems += _placed(doc, found, project, max_bytes)
    return problems


def _placed(
    doc: Document, found: list[tuple[Path_, str, Message, Message]], project: Path, max_bytes: int
) -> list[Problem]:
    """The problems, each at its link in the record's file (read again for this, only when a
    record has such a problem), or at its field's value when the link is not written as is."""
    raw, _ = read_bytes(project / doc.file, doc.file, max_bytes)
    text = raw.decode("utf-8", "replace") if raw is not None else ""
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    places: dict[Path_, Places] = {}
    problems = []
    for path, link, message, hint in found:
        mark = doc.mark(path)
        start = line_starts[mark.line - 1] if mark.line <= len(line_starts) else len(text)
        line, column = places.setdefault(path, Places(text, start)).find(link)
        problems.append(
            Problem(doc.file, line or mark.line, column or mark.column, field_name(path), message, hint)
        )
    return problems
