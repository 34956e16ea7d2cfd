"""Strict YAML loading: every scalar a string, every value with its line and column.

PyYAML reads YAML 1.1 and hides what contributors most often get wrong (``NO`` becomes
``False``, ``0125`` an octal number, a repeated key silently wins). This loader walks the
event stream of libyaml's C parser (the speed of ``CSafeLoader``, measured equal to its C
composer) and builds plain dicts, lists and strings itself, so that it can see and refuse
anchors, aliases, tags, duplicate keys and excessive nesting, and remember where every
value came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from ..i18n import N_
from ..problems import INVISIBLE, Message, Path_, Problem, field_name
from .sources import read_bytes
from .syntax import INVISIBLE_HINT, describe_character, syntax_problem

DEFAULT_MAX_BYTES = 256 * 1024
DEFAULT_MAX_DEPTH = 16


class Mark(NamedTuple):
    """Where a value starts (1-based), and whether it was an unquoted (plain) scalar. (A named
    tuple: a loader makes one for every key and value, and a frozen dataclass took four times
    as long to make.)"""

    line: int
    column: int
    plain: bool = False


@dataclass
class Document:
    """A loaded YAML file: its data and the position of every value and key in it."""

    file: str
    data: Any
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)

    def mark(self, path: Path_) -> Mark:
        """Position of the value at ``path``, or of its nearest enclosing value."""
        path = tuple(path)
        while path:
            found = self.marks.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.marks.get((), Mark(1, 1))

    def column_in(self, path: Path_, value: str, offset: int) -> int | None:
        """The column of character ``offset`` of ``value``, the string at ``path``, when it is
        on one line (past the opening quote of a quoted one); None when unknown. (An escape in
        double quotes, which ``value`` holds decoded, would shift it: such a value is rare.)"""
        mark = self.marks.get(tuple(path))
        if mark is None or "\n" in value:
            return None
        return mark.column + offset + (0 if mark.plain else 1)

    def key_mark(self, path: Path_) -> Mark:
        """Position of the key that holds ``path``, falling back to the value."""
        return self.key_marks.get(tuple(path)) or self.mark(path)

    def problem(
        self, path: Path_, message: str, hint: str = "", *, key: bool = False, warning: bool = False
    ) -> Problem:
        """Build a Problem (or a warning) located at ``path`` in this document."""
        where = self.key_mark(path) if key else self.mark(path)
        return Problem(self.file, where.line, where.column, field_name(path), message, hint, warning=warning)


class _StringLoader(yaml.CSafeLoader):
    """libyaml's C parser with no implicit typing: every plain scalar stays a string."""


_StringLoader.yaml_implicit_resolvers = {}


# Invisible, reordering and hidden line-breaking characters (problems.INVISIBLE), and a bare CR.
_FORBIDDEN = re.compile(f"[{INVISIBLE}]|\r(?!\n)")
# The same characters written as escapes in a double-quoted scalar ("\u202E", "\0", "\r").
_FORBIDDEN_ESCAPE = re.compile(f"[{INVISIBLE}\r]")

_LINE_BREAK_HINT = Message(N_("replace it with an ordinary line break"))
_CHARACTER_HINTS = {
    "\r": Message(N_("save the file with Unix (LF) or Windows (CRLF) line endings")),
    "\u2028": _LINE_BREAK_HINT,
    "\u2029": _LINE_BREAK_HINT,
    "\x85": _LINE_BREAK_HINT,
}

_ESCAPE_HINTS = dict.fromkeys(
    "\r\u2028\u2029\x85",
    Message(N_("for a line break, write the text as a block with '|' and break the line there")),
)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def check_characters(file: str, text: str) -> list[Problem]:
    """Control, invisible and hidden line-break characters, each at its line and column."""
    problems = []
    for match in _FORBIDDEN.finditer(text):
        char = match.group()
        line, column = _position(text, match.start())
        if char == "\r":
            message = Message(N_("bare carriage return (CR) starts a hidden line"))
        elif char in "\u2028\u2029\x85":
            message = Message(
                N_("%(character)s is a line break that editors and git do not show"),
                character=describe_character(char),
            )
        else:
            message = Message(N_("%(character)s is not allowed"), character=describe_character(char))
        problems.append(Problem(file, line, column, "", message, _CHARACTER_HINTS.get(char, INVISIBLE_HINT)))
    return problems


def _decode(file: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8")
        line, column = _position(good + "x", len(good))
        byte = raw[error.start]
        return None, [
            Problem(
                file,
                line,
                column,
                "",
                Message(N_("file is not valid UTF-8 (byte %(byte)s here)"), byte=f"0x{byte:02X}"),
                Message(N_("save the file with UTF-8 encoding")),
            )
        ]


class _Frame:
    __slots__ = ("container", "discard", "key", "key_mark", "path", "seen")

    def __init__(self, container: Any, path: Path_, discard: bool = False):
        self.container = container
        self.path = path
        self.key: Any = None
        self.key_mark: Mark | None = None
        self.seen: dict[str, int] = {}
        self.discard = discard


_BAD_KEY = object()


class _Composer:
    """Build Python values from parser events, recording marks and refusing hazards."""

    def __init__(self, doc: Document, max_depth: int):
        self.doc = doc
        self.max_depth = max_depth
        self.problems: list[Problem] = []
        self.frames: list[_Frame] = []
        self.too_deep: Problem | None = None

    def report(self, mark: Mark, path: Path_, message: str, hint: str) -> None:
        self.problems.append(Problem(self.doc.file, mark.line, mark.column, field_name(path), message, hint))

    def run(self, loader: yaml.CSafeLoader) -> None:
        documents = 0
        get_event: Any = loader.get_event  # typed loosely: dispatch below is on the exact event type
        event: Any
        while (event := get_event()) is not None:
            kind = type(event)
            if kind is DocumentStartEvent:
                documents += 1
                self._check_document(event, documents)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self.frames.pop()
            elif kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                if not self._node(event, kind):
                    return
            elif kind is AliasEvent:
                self._alias(event)

    def _check_document(self, event: DocumentStartEvent, documents: int) -> None:
        mark = _mark(event)
        if documents > 1:
            self.report(
                mark,
                (),
                Message(N_("a second YAML document starts here")),
                Message(N_("keep one record per file and remove the '---' line")),
            )
        if event.version is not None or event.tags:
            self.report(
                mark,
                (),
                Message(N_("YAML directives are not allowed")),
                Message(N_("remove the line starting with '%'")),
            )

    def _alias(self, event: AliasEvent) -> None:
        frame = self.frames[-1] if self.frames else None
        mark = _mark(event)
        path = self._value_path(frame, mark) if frame else ()
        self.report(
            mark,
            path,
            Message(N_("alias '%(alias)s' is not allowed"), alias=f"*{event.anchor}"),
            Message(N_("write the value out in full; records do not use anchors and aliases")),
        )
        if frame is not None and isinstance(frame.container, dict):
            # An alias used as a key leaves its value to be discarded; as a value, it ends the pair.
            frame.key = _BAD_KEY if frame.key is None else None
        elif frame is not None:
            frame.container.append(None)  # keep the indices of later items right

    def _node(self, event: Any, kind: type) -> bool:
        mark = _mark(event, plain=kind is ScalarEvent and not event.style)
        frame = self.frames[-1] if self.frames else None
        if frame is not None and isinstance(frame.container, dict) and frame.key is None:
            return self._key(frame, event, kind, mark)
        path = self._value_path(frame, mark) if frame else ()
        self._check_node(event, mark, path)
        if kind is ScalarEvent:
            value: Any = event.value
        else:
            value = {} if kind is MappingStartEvent else []
        discard = frame is not None and (frame.discard or frame.key is _BAD_KEY)
        if frame is None:
            self.doc.data = value
            self.doc.marks[()] = mark
        elif not discard:
            if isinstance(frame.container, dict):
                frame.container[frame.key] = value
                self.doc.key_marks[path] = frame.key_mark or mark
            else:
                frame.container.append(value)
            self.doc.marks[path] = mark
        if isinstance(frame, _Frame) and isinstance(frame.container, dict):
            frame.key = None
        if kind is not ScalarEvent:
            if len(self.frames) >= self.max_depth:
                self.report(
                    mark,
                    path,
                    Message(N_("nesting is deeper than %(depth)s levels"), depth=self.max_depth),
                    Message(N_("flatten the structure; no record needs this much nesting")),
                )
                self.too_deep = self.problems[-1]
                return False
            self.frames.append(_Frame(value, path, discard))
        return True

    def _key(self, frame: _Frame, event: Any, kind: type, mark: Mark) -> bool:
        if kind is not ScalarEvent:
            path = frame.path
            self.report(
                mark,
                path,
                Message(N_("a key must be plain text")),
                Message(N_("write the key as a simple word")),
            )
            frame.key = _BAD_KEY
            self.frames.append(_Frame({} if kind is MappingStartEvent else [], path, True))
            return True
        key = event.value
        path = (*frame.path, key)
        self._check_node(event, mark, path)
        if key == "<<" and not event.style:
            self.report(
                mark,
                path,
                Message(N_("merge keys ('<<') are not allowed")),
                Message(N_("write the merged keys out in full")),
            )
            frame.key = _BAD_KEY
            return True
        first = frame.seen.get(key)
        if first is not None:
            self.report(
                mark,
                path,
                Message(
                    N_("duplicate key '%(key)s' (first on line %(first)s, again on line %(again)s)"),
                    key=key,
                    first=first,
                    again=mark.line,
                ),
                Message(N_("keep one of them and delete the other")),
            )
            frame.key = _BAD_KEY
            return True
        frame.seen[key] = mark.line
        frame.key = key
        frame.key_mark = mark
        return True

    def _check_node(self, event: Any, mark: Mark, path: Path_) -> None:
        if event.__class__ is ScalarEvent and event.style == '"':
            found = _FORBIDDEN_ESCAPE.search(event.value)
            if found:
                char = found.group()
                self.report(
                    mark,
                    path,
                    Message(
                        N_("%(character)s, written as an escape, is not allowed"),
                        character=describe_character(char),
                    ),
                    _ESCAPE_HINTS.get(
                        char,
                        Message(N_("delete the escape: invisible characters can disguise names and links")),
                    ),
                )
        if event.anchor is not None:
            self.report(
                mark,
                path,
                Message(N_("anchor '%(anchor)s' is not allowed"), anchor=f"&{event.anchor}"),
                Message(N_("remove the anchor; records do not use anchors and aliases")),
            )
        if event.tag is not None:
            self.report(
                mark,
                path,
                Message(N_("explicit tag '%(tag)s' is not allowed"), tag=event.tag),
                Message(N_("remove the tag; quote the value if it must stay text")),
            )

    @staticmethod
    def _value_path(frame: _Frame | None, mark: Mark) -> Path_:
        if frame is None:
            return ()
        if isinstance(frame.container, dict):
            key = frame.key
            return frame.path + ((key,) if isinstance(key, str) else ())
        return (*frame.path, len(frame.container))


def _mark(event: Any, plain: bool = False) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1, plain)


def _too_deep(file: str, text: str, error: yaml.YAMLError, max_depth: int) -> Problem | None:
    """Our nesting problem, if the text nests deeper than ``max_depth`` before ``error``.

    libyaml has a nesting limit of its own, and its scanner, reading ahead, can reach it before
    the composer sees level ``max_depth + 1``. Reading the text up to the error again lets the
    composer find the depth itself, so the message is ours whatever libyaml's version says."""
    mark = getattr(error, "problem_mark", None)
    if mark is None or not mark.index:
        return None
    composer = _Composer(Document(file, None), max_depth)
    loader = _StringLoader(text[: mark.index])
    try:
        composer.run(loader)
    except yaml.YAMLError:
        pass  # the cut text ends mid-document; only a depth problem found before that matters
    finally:
        loader.dispose()
    return composer.too_deep


class _Locator(_Composer):
    """A composer that also notes where each scalar (key or value) starts and ends."""

    def __init__(self, doc: Document, max_depth: int):
        super().__init__(doc, max_depth)
        self.spans: list[tuple[tuple[int, int], tuple[int, int], Path_]] = []

    def _check_node(self, event: Any, mark: Mark, path: Path_) -> None:
        end = event.end_mark
        if event.__class__ is ScalarEvent and end is not None:
            self.spans.append(((mark.line, mark.column), (end.line + 1, end.column + 1), path))
        super()._check_node(event, mark, path)


_STAND_IN = "\ue000"  # a private-use character: printable for YAML, so the structure stays


def _with_fields(file: str, text: str, problems: list[Problem], max_depth: int) -> list[Problem]:
    """``problems`` (forbidden characters, found before parsing) with the field path of the key
    or value each character is in: the text is read again with a printable stand-in for each."""
    locator = _Locator(Document(file, None), max_depth)
    loader = _StringLoader(_FORBIDDEN.sub(_STAND_IN, text))
    try:
        locator.run(loader)
    except yaml.YAMLError:
        pass  # a syntax error further on: the values read before it still have their paths
    finally:
        loader.dispose()
    located = []
    for problem in problems:
        where = (problem.line, problem.column)
        inside = [(start, path) for start, end, path in locator.spans if start <= where < end]
        if not inside:
            located.append(problem)
            continue
        path = max(inside, key=lambda span: span[0])[1]
        char = text.split("\n")[problem.line - 1][problem.column - 1]
        parts = tuple(p.replace(_STAND_IN, char) if isinstance(p, str) else p for p in path)
        located.append(
            Problem(
                problem.file,
                problem.line,
                problem.column,
                field_name(parts),
                problem.message_id or problem.message,
                problem.hint_id or problem.hint,
            )
        )
    return located


def load_bytes(
    raw: bytes,
    file: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> tuple[Document | None, list[Problem]]:
    """Load one YAML record; return the document (None if unusable) and its problems."""
    if len(raw) > max_bytes:
        return None, [
            Problem(
                file,
                1,
                1,
                "",
                Message(
                    N_("file is %(size)s bytes, over the limit of %(limit)s"),
                    size=f"{len(raw):,}",
                    limit=f"{max_bytes:,}",
                ),
                Message(N_("shorten the text or link to a longer document")),
            )
        ]
    text, problems = _decode(file, raw)
    if text is None:
        return None, problems
    problems = check_characters(file, text)
    if problems:
        return None, _with_fields(file, text, problems, max_depth)
    doc = Document(file, None)
    composer = _Composer(doc, max_depth)
    loader = _StringLoader(text)
    try:
        composer.run(loader)
    except yaml.YAMLError as error:
        composer.problems.append(_too_deep(file, text, error, max_depth) or syntax_problem(file, text, error))
    finally:
        loader.dispose()
    if composer.problems:
        return None, composer.problems
    if doc.data is None or doc.data == "":
        return None, [
            Problem(file, 1, 1, "", Message(N_("file is empty")), Message(N_("fill in the record's fields")))
        ]
    return doc, []


def load_file(path: Path, file: str, **limits: int) -> tuple[Document | None, list[Problem]]:
    """Read and load one YAML file; ``file`` is the name used in messages. Links, special
    files and files over the size limit are refused before they are read."""
    raw, refused = read_bytes(path, file, limits.get("max_bytes", DEFAULT_MAX_BYTES))
    if raw is None:
        return None, [refused] if refused else []
    return load_bytes(raw, file, **limits)
