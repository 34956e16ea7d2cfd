"""Problems found in records: one line each, naming file, line, column and field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

Path_ = tuple[str | int, ...]

# Characters that hide text, reorder it or break a line where editors and git show no break:
# C0 and C1 controls but tab, line feed and carriage return, DEL, zero-width characters,
# bidirectional marks and controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), other
# invisible format characters, Unicode line and paragraph separators and the BOM. A regular
# expression character class; the loader refuses them in records, pages and press releases.
INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
# What may not appear as itself in a message: those, and tab and line breaks too.
_UNPRINTABLE = re.compile(f"[{INVISIBLE}\t\n\r]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` on one line, every control or invisible character written as an escape
    (``\\n``, ``\\u202e``). A value quoted in a message can then never start a line of its
    own (which CI systems read as a command) or hide part of the message."""
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def field_name(path: Path_) -> str:
    """Render a data path as a field name: ``contacts.phones[0].number``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, and how to fix it."""

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        # Messages quote contributors' values and file names: make every one printable here,
        # once, so that every output format gets the same safe text.
        for part in fields(self):
            value = getattr(self, part.name)
            if isinstance(value, str):
                object.__setattr__(self, part.name, printable(value))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: "
        what = f"{self.field}: {self.message}" if self.field else self.message
        return where + what + (f" ({self.hint})" if self.hint else "")

    def github_annotation(self) -> str:
        """Render as a GitHub Actions error annotation."""

        def prop(value: str) -> str:
            return _escape_data(value).replace(":", "%3A").replace(",", "%2C")

        text = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            text += f" ({self.hint})"
        return (
            f"::error file={prop(self.file)},line={self.line},col={self.column},"
            f"title={prop(self.field or 'record')}::{_escape_data(text)}"
        )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class ValidationFailed(Exception):
    """Raised when records or press releases have problems; carries all of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the directory data:\n{lines}")
