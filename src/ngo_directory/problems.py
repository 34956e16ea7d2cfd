"""Problems found in records: one line each, naming file, line, column and field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from .i18n import N_, translations

Path_ = tuple[str | int, ...]
WARNING = N_("warning")

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


def output_line(text: str) -> str:
    """A line of output that starts with a contributor's text (a file name) but can never be
    read as a workflow command: GitHub Actions obeys any line starting with '::', so a leading
    colon is written as an escape."""
    return "\\x3a" + text[1:] if text.startswith(":") else text


def field_name(path: Path_) -> str:
    """Render a data path as a field name: ``contacts.phones[0].number``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class Message(str):
    """A message as a template and its parameters: as a ``str``, the English text.

    The template is a catalog msgid (marked with ``N_``); ``localized(language)`` translates
    it and then inserts the parameters, which stay as written (values, field paths and file
    names are never translated). A parameter that is itself a Message is translated too."""

    template: str
    params: Mapping[str, str | int | Message]

    def __new__(cls, template: str, **params: str | int | Message) -> Message:
        if params:
            text = template % {k: str(v) if isinstance(v, Message) else v for k, v in params.items()}
        else:
            text = template
        message = super().__new__(cls, text)
        message.template = template
        message.params = params
        return message

    def localized(self, language: str | None) -> str:
        """The text in ``language`` (English for None or 'en')."""
        if language is None:
            return str.__str__(self)
        template = str(translations(language).gettext(self.template))
        if not self.params:
            return template
        return template % {
            k: v.localized(language) if isinstance(v, Message) else v for k, v in self.params.items()
        }


def localize(text: str, language: str | None) -> str:
    """``text`` in ``language`` when it is a Message, else as it is."""
    return text.localized(language) if isinstance(text, Message) else str.__str__(text)


def either(items: Iterable[str | Message], word: str = "or") -> str | Message:
    """'a', 'a or b', 'a or b or c' (or 'and'), with the joining word translatable."""
    template = _JOINS[word]
    result: str | Message | None = None
    for item in items:
        result = item if result is None else Message(template, first=result, second=item)
    return "" if result is None else result


def did_you_mean(choices: Iterable[str]) -> Message:
    """'did you mean 'a' or 'b'?'"""
    return Message(N_("did you mean %(choices)s?"), choices=either(f"'{c}'" for c in choices))


def allowed(choices: Iterable[str]) -> Message:
    """'allowed: a, b, c'"""
    return Message(N_("allowed: %(choices)s"), choices=", ".join(choices))


_JOINS = {"or": N_("%(first)s or %(second)s"), "and": N_("%(first)s and %(second)s")}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, and how to fix it."""

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    # The message and hint as Messages (template and parameters), when they were given as such:
    # what ``localized`` translates. Problems compare and sort by their English text alone.
    message_id: Message | None = dataclass_field(default=None, init=False, compare=False, repr=False)
    hint_id: Message | None = dataclass_field(default=None, init=False, compare=False, repr=False)
    # Worth a look but not wrong (two meetings at once): reported, and fails only --strict.
    warning: bool = dataclass_field(default=False, kw_only=True)

    def __post_init__(self) -> None:
        # Messages quote contributors' values and file names: make every one printable here,
        # once, so that every output format gets the same safe text.
        for name in ("file", "field", "message", "hint"):
            value = getattr(self, name)
            if isinstance(value, Message) and name in ("message", "hint"):
                object.__setattr__(self, f"{name}_id", value)
            object.__setattr__(self, name, printable(str.__str__(value)))

    def __str__(self) -> str:
        return self.localized(None)

    def at_column(self, column: int) -> Problem:
        """The same problem (translatable as it was) at another column of its line."""
        return Problem(
            self.file,
            self.line,
            column,
            self.field,
            self.message_id or self.message,
            self.hint_id or self.hint,
            warning=self.warning,
        )

    def text(self, language: str | None = None) -> str:
        """``field: message (hint)`` in ``language`` (English for None), on one line."""
        message = printable(self.message_id.localized(language)) if self.message_id else self.message
        hint = printable(self.hint_id.localized(language)) if self.hint_id else self.hint
        what = f"{self.field}: {message}" if self.field else message
        if self.warning:
            what = f"{translations(language or 'en').gettext(WARNING)}: {what}"
        return what + (f" ({hint})" if hint else "")

    def localized(self, language: str | None) -> str:
        """``file:line:column: field: message (hint)`` with the message and hint translated
        into ``language``; values, field paths and file names stay as written."""
        return output_line(f"{self.file}:{self.line}:{self.column}: " + self.text(language))

    def github_annotation(self, language: str | None = None) -> str:
        """Render as a GitHub Actions error annotation."""

        def prop(value: str) -> str:
            return _escape_data(value).replace(":", "%3A").replace(",", "%2C")

        text = self.text(language)
        level = "warning" if self.warning else "error"
        return (
            f"::{level} file={prop(self.file)},line={self.line},col={self.column},"
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
