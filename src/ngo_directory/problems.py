"""Problems found in records: one line each, naming file, line, column and field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Path_ = tuple[str | int, ...]


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
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the directory data:\n{lines}")
