"""YAML syntax errors in the contributor's words: one table of every problem and context the YAML
parsers can report (libyaml's scanner, parser and reader; PyYAML's Python scanner, parser, reader
and composer), each mapped to a catalog message, a hint that says how to fix the file, and the
place where the mistake is, which is not always where the parser stopped.

The parsers' own wording never reaches a contributor, and tests assert our messages only: libyaml's
wording may change with the wheel, and a problem missing from the table gets the generic message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import yaml

from ..i18n import N_
from ..problems import Message, Problem

YAML_SYNTAX_ERROR = N_("YAML syntax error: %(error)s")

QUOTE_HINT = Message(N_('put the whole value in double quotes: "..."'))
INVISIBLE_HINT = Message(N_("delete it: invisible characters can disguise names and links"))
GENERIC_HINT = Message(N_("check the indentation and quoting on this line and the one before"))
TAB_HINT = Message(N_("indent with spaces, not tabs"))
FLOW_HINT = Message(
    N_(
        "close it on the same line, separate the items with commas, and put an "
        "item that holds a comma, a colon or a bracket in quotes"
    )
)


@dataclass(frozen=True)
class Error:
    """What a parser reported: its problem and context, and where each was (0-based offsets
    into the text; None where the parser gave no place)."""

    text: str
    problem: str
    context: str
    problem_at: int | None
    context_at: int | None
    character: str = ""

    @classmethod
    def of(cls, text: str, error: yaml.YAMLError) -> Error:
        if isinstance(error, yaml.reader.ReaderError):
            position = error.position
            if error.encoding == "?":  # libyaml counts the UTF-8 bytes it was given
                position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
            character = chr(error.character) if isinstance(error.character, int) else ""
            return cls(text, str(error.reason), "", position, None, character)
        problem_mark = getattr(error, "problem_mark", None)
        context_mark = getattr(error, "context_mark", None)
        return cls(
            text,
            str(getattr(error, "problem", None) or ""),
            str(getattr(error, "context", None) or ""),
            problem_mark.index if problem_mark is not None else None,
            context_mark.index if context_mark is not None else None,
        )

    @property
    def at(self) -> int:
        """Where the parser stopped: the problem's place, else the context's, else the start."""
        for offset in (self.problem_at, self.context_at):
            if offset is not None:
                return min(offset, len(self.text))
        return 0

    @property
    def opened_at(self) -> int:
        """Where the construct being read started: the context's place, else the problem's."""
        return min(self.context_at, len(self.text)) if self.context_at is not None else self.at

    def char(self, offset: int) -> str:
        return self.text[offset : offset + 1]

    def line_of(self, offset: int) -> tuple[int, str]:
        """The start offset and the text (without its line break) of the line holding ``offset``."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, self.text[start : len(self.text) if end < 0 else end].rstrip("\r")


@dataclass(frozen=True)
class Diagnosis:
    """Our message for an error, its hint, and the offset it points at."""

    message: Message
    hint: Message
    offset: int


Diagnose = Callable[[Error], Diagnosis]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_start(error: Error, offset: int) -> int:
    """The first character of the line holding ``offset`` that is not a space."""
    start, line = error.line_of(offset)
    return start + _indent(line)


def _previous_line(error: Error, offset: int) -> tuple[int, str] | None:
    """The last line before the one holding ``offset`` that is neither blank nor a comment."""
    start, _ = error.line_of(offset)
    while start > 0:
        start, line = error.line_of(start - 1)
        if line.strip() and not line.lstrip().startswith("#"):
            return start, line
    return None


def _quoted(character: str) -> str:
    return (
        "'"
        + (character if unicodedata.category(character)[0] not in "CZ" else f"U+{ord(character):04X}")
        + "'"
    )


# --- what each kind of mistake says -----------------------------------------------------------


def generic(error: Error) -> Diagnosis:
    return Diagnosis(Message(N_("YAML cannot read this line")), GENERIC_HINT, error.at)


@cache
def field_names() -> frozenset[str]:
    """Every field name the schemas know, and the language keys: what a line that lost its
    colon starts with."""
    from ..schema import SCHEMAS, load_schema  # the schema package reads records through this one

    names: set[str] = {"az", "ru", "en"}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                names.update(node["properties"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in SCHEMAS:
        walk(load_schema(name))
    return frozenset(names)


_KEY_LIKE = re.compile(r"(?P<dash>- +)?(?P<word>[A-Za-z_][\w-]*)(?P<rest>(?: .*)?)")


def _lost_colon(error: Error, offset: int) -> int | None:
    """Where a field whose colon was left out starts, when ``offset`` is in the text YAML made of
    it: YAML reads 'name' and the lines below it as one text, and notices only at a later line.
    Each line above, nearest first and up to a line that is a field, is a candidate when it is
    one word alone or starts with a field's name; the first whose colon put back lets YAML read
    past the line where it stopped is the one."""
    start, line = error.line_of(offset)
    stopped = error.text.count("\n", 0, error.at)
    while True:
        bare = line.strip()
        match = _KEY_LIKE.fullmatch(bare)
        if match and (not match["rest"].strip() or match["word"] in field_names()):
            column = start + _indent(line) + len(match["dash"] or "") + len(match["word"])
            if _reads_past(error.text[:column] + ":" + error.text[column:], stopped):
                return column - len(match["word"])
        previous = _previous_line(error, start)
        if previous is None:
            return None
        start, line = previous
        bare = line.strip()
        if ": " in bare or bare.endswith(":") or bare[:1] in "\"'[{":
            return None


def _reads_past(text: str, line: int) -> bool:
    """Whether YAML reads ``text`` past its 0-based ``line`` (to its end, or to a later error)."""
    try:
        for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
            pass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return mark is not None and mark.line > line
    return True


def _missing_colon(error: Error) -> Diagnosis:
    # The parser notices at the next line (or later, below a text it read as the field's); the
    # line that lacks ': ' is where the key started.
    lost = _lost_colon(error, error.opened_at)
    return Diagnosis(
        Message(N_("this line has no colon and space (': ') after the field's name")),
        Message(
            N_(
                "write the field's name, a colon, a space and the value, as in 'name: value'; "
                "if the line continues the text of the field above, indent it further than that field"
            )
        ),
        _line_start(error, error.opened_at) if lost is None else lost,
    )


def _colon_in_value(error: Error) -> Diagnosis:
    start, line = error.line_of(error.at)
    before = line[: error.at - start]
    previous = _previous_line(error, error.at)
    if ": " in before or before.rstrip().endswith(":") or error.char(error.at) != ":":
        return Diagnosis(Message(N_("a colon followed by a space inside a value")), QUOTE_HINT, error.at)
    if previous is not None:
        previous_start, previous_text = previous
        if (
            _indent(previous_text) == _indent(line)
            and ": " not in previous_text
            and not previous_text.rstrip().endswith(":")
            and not previous_text.lstrip().startswith("- ")
        ):
            return _missing_colon(Error(error.text, "", "", None, previous_start))
    lost = _lost_colon(error, error.at)
    if lost is not None:
        return _missing_colon(Error(error.text, "", "", None, lost))
    return Diagnosis(
        Message(N_("this line looks like a field, but YAML reads it as part of the value above")),
        Message(
            N_(
                "start it in the same column as the other fields of its block; if the value above "
                "runs over several lines, put that value in quotes"
            )
        ),
        _line_start(error, error.at),
    )


def _tab(error: Error) -> Diagnosis:
    start, line = error.line_of(error.at)
    offset = error.at if error.char(error.at) == "\t" else start + max(line.find("\t"), 0)
    return Diagnosis(Message(N_("a tab is used for indentation")), TAB_HINT, offset)


def _cannot_start_at(error: Error, offset: int) -> Diagnosis:
    character = error.char(offset)
    if character == "\t":
        return _tab(error)
    if not character or character in "\r\n":
        return generic(error)
    return Diagnosis(
        Message(N_("a value not in quotes cannot start with %(character)s"), character=_quoted(character)),
        QUOTE_HINT,
        offset,
    )


def _cannot_start(error: Error) -> Diagnosis:
    return _cannot_start_at(error, error.at)


def _marker(error: Error) -> Diagnosis:
    """An anchor '&', an alias '*' or a tag '!' that cannot be read: a value starting with one
    of these signs, which would need quotes."""
    return _cannot_start_at(error, error.opened_at)


def _list_item(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("a list item ('- ') cannot start here")),
        Message(
            N_(
                "write each item on a line of its own below the field, indented and starting with "
                "'- ', or write the list as [a, b]; if the '-' is part of the text, put the whole "
                "value in quotes"
            )
        ),
        error.at,
    )


def _directive(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("a line starting with '%' is read as a YAML directive")),
        Message(
            N_(
                "remove the line; if it is part of a text, indent it under "
                "its field or put the whole value in quotes"
            )
        ),
        _line_start(error, error.opened_at),
    )


def _block_header(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("after '|' or '>' the text must start on the next line")),
        Message(N_("move the text to the next line, indented further than the field")),
        error.at,
    )


def _block_zero(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("a '0' cannot follow '|' or '>'")),
        Message(N_("remove the number after '|' or '>'")),
        error.at,
    )


def _unclosed_quote(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("the quote opened here is never closed")),
        Message(
            N_(
                'end the value with the quote it starts with; inside "..." write a quote as \\", '
                "inside '...' write it as ''"
            )
        ),
        error.opened_at,
    )


def _quoted_value(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("YAML cannot read the quoted value that starts here")),
        _unclosed_quote(error).hint,
        error.opened_at,
    )


def _escape(error: Error) -> Diagnosis:
    # libyaml points at the backslash, the Python scanner at the letter after it.
    start, _ = error.line_of(error.at)
    backslash = error.text.rfind("\\", start, error.at + 1)
    return Diagnosis(
        Message(
            N_("a backslash inside double quotes starts an escape such as \\n, and this one is not valid")
        ),
        Message(
            N_(
                "write a backslash as \\\\, or put the value in single quotes, "
                "where a backslash is an ordinary character"
            )
        ),
        backslash if backslash >= 0 else error.at,
    )


def _block_mapping(error: Error) -> Diagnosis:
    """A block of fields that stops at something that is not the next field."""
    start, line = error.line_of(error.at)
    before = line[: error.at - start].rstrip()
    if error.char(error.at) == "-" and not before:
        return Diagnosis(
            Message(N_("a list item ('- ') stands among the fields")),
            Message(
                N_(
                    "put the list under the field it belongs to: 'field:' on a "
                    "line, then the items indented below it"
                )
            ),
            error.at,
        )
    if before:
        return Diagnosis(
            Message(N_("text after the end of the value")),
            Message(
                N_(
                    'put the whole value in quotes, and write a quote inside it as \\" '
                    "in \"...\" or as '' in '...'"
                )
            ),
            error.at,
        )
    return Diagnosis(
        Message(N_("this line is not indented like the fields above it")),
        Message(N_("the fields of one block start in the same column: indent this line like its neighbours")),
        error.at,
    )


def _block_list(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("this line breaks the list above it")),
        Message(
            N_(
                "every item of a list starts with '- ' in the same column; a field after the list "
                "starts in the column of the list's own field"
            )
        ),
        _line_start(error, error.at),
    )


def _flow(error: Error) -> Diagnosis:
    """A [list] or {map} written on one line that does not close where YAML expects."""
    opening = error.char(error.opened_at)
    closing = {"[": "]", "{": "}"}.get(opening, "")
    same_line = error.line_of(error.opened_at)[0] == error.line_of(error.at)[0]
    if same_line or not closing:
        return Diagnosis(
            Message(N_("a comma or the closing bracket is missing here")),
            FLOW_HINT,
            error.at,
        )
    message = (
        N_("the list opened with '[' here is not closed with ']'")
        if opening == "["
        else N_("the map opened with '{' here is not closed with '}'")
    )
    return Diagnosis(Message(message), FLOW_HINT, error.opened_at)


def _open_bracket(text: str) -> int | None:
    """Where the innermost '[' or '{' still open at the end of ``text`` is, reading quotes and
    comments on each line as YAML does; None if every bracket is closed."""
    stack: list[int] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        quote = ""
        for index, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and (index == 0 or line[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                break
            elif char in "[{":
                stack.append(offset + index)
            elif char in "]}" and stack:
                stack.pop()
        offset += len(line)
    return stack[-1] if stack else None


def _missing_value(error: Error) -> Diagnosis:
    # At the end of the file, a value is missing because a bracket was never closed.
    opened = _open_bracket(error.text) if not error.text[error.at :].strip() else None
    if opened is not None:
        return _flow(Error(error.text, "", "", error.at, opened))
    return Diagnosis(
        Message(N_("a value is missing here")),
        Message(
            N_(
                "write the value, in quotes if it starts with a sign such as ',' or ']'; inside "
                "[ ] the items are separated by single commas and have no '- '"
            )
        ),
        error.at,
    )


def _nesting(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("the values are nested too deeply")),
        Message(N_("flatten the structure; no record needs this much nesting")),
        error.at,
    )


def _after_end(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("YAML reads the record as finished before this line")),
        Message(
            N_(
                "remove any '...' line above it, and check that every line "
                "above is a field written 'name: value'"
            )
        ),
        _line_start(error, error.at),
    )


def _second_document(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("a second YAML document starts here")),
        Message(N_("keep one record per file and remove the '---' line")),
        error.at,
    )


def _anchor(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("anchors ('&') and aliases ('*') are not allowed")),
        Message(N_("write the value out in full; records do not use anchors and aliases")),
        error.at,
    )


def describe_character(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': a character named so that a message can show it."""
    name = unicodedata.name(char, "") or {"\r": "CARRIAGE RETURN"}.get(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = "control character"
    return f"U+{ord(char):04X} {name}".rstrip()


def _character(error: Error) -> Diagnosis:
    character = error.character or error.char(error.at) or "?"
    return Diagnosis(
        Message(N_("%(character)s is not allowed"), character=describe_character(character)),
        INVISIBLE_HINT,
        error.at,
    )


def _encoding(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("the text here is not valid UTF-8")),
        Message(N_("save the file with UTF-8 encoding")),
        error.at,
    )


def _too_long(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("the file is too long to read")),
        Message(N_("shorten the text or link to a longer document")),
        error.at,
    )


def _plain_value(error: Error) -> Diagnosis:
    return Diagnosis(Message(N_("YAML cannot read the value that starts here")), QUOTE_HINT, error.opened_at)


def _block_text(error: Error) -> Diagnosis:
    return Diagnosis(
        Message(N_("YAML cannot read the text block that starts here")),
        Message(
            N_("start the text on the line after '|' or '>', indented with spaces further than the field")
        ),
        error.opened_at,
    )


def _by_context(error: Error) -> Diagnosis:
    """A problem several constructs share: the context says which."""
    diagnose = CONTEXTS.get(error.context) or _pattern_lookup(error.context, _CONTEXT_PATTERNS)
    return (diagnose or generic)(error)


def _directive_or_marker(error: Error) -> Diagnosis:
    """PyYAML's 'while scanning a %s' names a tag or a directive."""
    return (_directive if "directive" in error.context else _marker)(error)


# --- the table --------------------------------------------------------------------------------

# Every problem libyaml (0.2.5 and later: src/scanner.c, parser.c, reader.c) and PyYAML's Python
# reader, scanner, parser and composer (and the C composer in _yaml.pyx) can report. A value of
# _by_context means the problem is shared by several constructs, told apart by the context below.
PROBLEMS: dict[str, Diagnose] = {
    # libyaml scanner
    "found character that cannot start any token": _cannot_start,
    "could not find expected ':'": _missing_colon,
    "block sequence entries are not allowed in this context": _list_item,
    "mapping keys are not allowed in this context": _cannot_start,
    "mapping values are not allowed in this context": _colon_in_value,
    "found unknown directive name": _directive,
    "did not find expected comment or line break": _by_context,
    "could not find expected directive name": _directive,
    "found unexpected non-alphabetical character": _directive,
    "did not find expected digit or '.' character": _directive,
    "found extremely long version number": _directive,
    "did not find expected version number": _directive,
    "did not find expected whitespace": _directive,
    "did not find expected whitespace or line break": _by_context,
    "did not find expected alphabetic or numeric character": _marker,
    "did not find the expected '>'": _marker,
    "did not find expected '!'": _by_context,
    "did not find expected tag URI": _by_context,
    "did not find URI escaped octet": _by_context,
    "found an incorrect leading UTF-8 octet": _by_context,
    "found an incorrect trailing UTF-8 octet": _by_context,
    "found an indentation indicator equal to 0": _block_zero,
    "found a tab character where an indentation space is expected": _tab,
    "found unexpected document indicator": _unclosed_quote,
    "found unexpected end of stream": _unclosed_quote,
    "found unknown escape character": _escape,
    "did not find expected hexdecimal number": _escape,
    "found invalid Unicode character escape code": _escape,
    "found unexpected ':'": _colon_in_value,
    "found a tab character that violates indentation": _tab,
    "exceeded maximum nesting depth": _nesting,
    # libyaml parser
    "did not find expected <stream-start>": generic,
    "did not find expected <document start>": _after_end,
    "found undefined tag handle": _marker,
    "did not find expected node content": _missing_value,
    "did not find expected '-' indicator": _block_list,
    "did not find expected key": _block_mapping,
    "did not find expected ',' or ']'": _flow,
    "did not find expected ',' or '}'": _flow,
    "found duplicate %YAML directive": _directive,
    "found incompatible YAML document": _directive,
    "found duplicate %TAG directive": _directive,
    "Maximum nesting level reached, set with yaml_set_max_nest_level())": _nesting,
    # libyaml reader
    "input error": _encoding,
    "invalid leading UTF-8 octet": _encoding,
    "incomplete UTF-8 octet sequence": _encoding,
    "invalid trailing UTF-8 octet": _encoding,
    "invalid length of a UTF-8 sequence": _encoding,
    "invalid Unicode character": _character,
    "incomplete UTF-16 character": _encoding,
    "unexpected low surrogate area": _encoding,
    "incomplete UTF-16 surrogate pair": _encoding,
    "expected low surrogate area": _encoding,
    "control characters are not allowed": _character,
    "input is too long": _too_long,
    # composers (ours reads events and never raises these; listed so that no parser text escapes)
    "but found another document": _second_document,
    "found undefined alias": _anchor,
    "found undefined alias %r": _anchor,
    "second occurrence": _anchor,
    # PyYAML's Python reader, scanner and parser
    "special characters are not allowed": _character,
    "found character %r that cannot start any token": _cannot_start,
    "mapping keys are not allowed here": _cannot_start,
    "mapping values are not allowed here": _colon_in_value,
    "sequence entries are not allowed here": _list_item,
    "expected ' ', but found %r": _by_context,
    "expected '!', but found %r": _by_context,
    "expected '>', but found %r": _marker,
    "expected URI escape sequence of 2 hexadecimal numbers, but found %r": _by_context,
    "expected URI, but found %r": _by_context,
    "expected a comment or a line break, but found %r": _by_context,
    "expected a digit or ' ', but found %r": _directive,
    "expected a digit or '.', but found %r": _directive,
    "expected a digit, but found %r": _directive,
    "expected alphabetic or numeric character, but found %r": _directive_or_marker,
    "expected chomping or indentation indicators, but found %r": _block_header,
    "expected escape sequence of %d hexadecimal numbers, but found %r": _escape,
    "expected indentation indicator in the range 1-9, but found 0": _block_zero,
    "found unexpected document separator": _unclosed_quote,
    "found unknown escape character %r": _escape,
    "duplicate tag handle %r": _directive,
    "expected ',' or ']', but got %r": _flow,
    "expected ',' or '}', but got %r": _flow,
    "expected '<document start>', but found %r": _after_end,
    "expected <block end>, but found %r": _by_context,
    "expected the node content, but found %r": _missing_value,
    "found duplicate YAML directive": _directive,
    "found incompatible YAML document (version 1.* is required)": _directive,
    "found undefined tag handle %r": _marker,
}

# Every context ("while scanning ...") the same parsers report, for the problems above that
# several constructs share and for any problem a later version adds.
CONTEXTS: dict[str, Diagnose] = {
    "while scanning for the next token": _cannot_start,
    "while scanning a simple key": _missing_colon,
    "while scanning a directive": _directive,
    "while scanning a %YAML directive": _directive,
    "while scanning a %TAG directive": _directive,
    "while scanning a tag directive": _directive,
    "while parsing a tag directive": _directive,
    "while parsing a %TAG directive": _directive,
    "while scanning an anchor": _marker,
    "while scanning an alias": _marker,
    "while scanning a tag": _marker,
    "while parsing a tag": _marker,
    "while parsing a node": _marker,
    "while scanning a block scalar": _block_header,
    "while scanning a quoted scalar": _quoted_value,
    "while parsing a quoted scalar": _quoted_value,
    "while scanning a double-quoted scalar": _quoted_value,
    "while scanning a plain scalar": _plain_value,
    "while parsing a block node": _missing_value,
    "while parsing a flow node": _missing_value,
    "while parsing a block collection": _block_list,
    "while parsing a block mapping": _block_mapping,
    "while parsing a flow sequence": _flow,
    "while parsing a flow mapping": _flow,
    "while increasing block level": _nesting,
    "while increasing flow level": _nesting,
    "while parsing": _nesting,
    "expected a single document in the stream": _second_document,
    "found duplicate anchor; first occurrence": _anchor,
    "found duplicate anchor %r; first occurrence": _anchor,
    # PyYAML fills in the construct's name: a tag, a directive, an anchor or an alias.
    "while scanning a %s": _directive_or_marker,
    "while scanning an %s": _marker,
    "while parsing a %s": _directive_or_marker,
    "while parsing a %s node": _missing_value,
}

# A context for unknown problems in a block scalar differs from the header's: not the header.
CONTEXTS_FOR_UNKNOWN: dict[str, Diagnose] = {"while scanning a block scalar": _block_text}


def _pattern(template: str) -> re.Pattern[str]:
    """A parser's format string as a pattern: %r, %s and %d stand for anything."""
    parts = re.split(r"%[rsd]", template)
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


_PROBLEM_PATTERNS = [(_pattern(key), value) for key, value in PROBLEMS.items() if re.search("%[rsd]", key)]
_CONTEXT_PATTERNS = [(_pattern(key), value) for key, value in CONTEXTS.items() if re.search("%[rsd]", key)]


def _pattern_lookup(text: str, patterns: list[tuple[re.Pattern[str], Diagnose]]) -> Diagnose | None:
    return next((diagnose for pattern, diagnose in patterns if pattern.fullmatch(text)), None)


def lookup(problem: str) -> Diagnose | None:
    """The table's entry for a parser's problem or context text, None if it has none."""
    return (
        PROBLEMS.get(problem)
        or CONTEXTS.get(problem)
        or _pattern_lookup(problem, _PROBLEM_PATTERNS)
        or _pattern_lookup(problem, _CONTEXT_PATTERNS)
    )


def diagnose(text: str, error: yaml.YAMLError) -> Diagnosis:
    """Our message, hint and place for a parser's ``error`` in ``text``."""
    found = Error.of(text, error)
    by_problem = PROBLEMS.get(found.problem) or _pattern_lookup(found.problem, _PROBLEM_PATTERNS)
    if by_problem is not None:
        return by_problem(found)
    by_context = (
        CONTEXTS_FOR_UNKNOWN.get(found.context)
        or CONTEXTS.get(found.context)
        or _pattern_lookup(found.context, _CONTEXT_PATTERNS)
    )
    return (by_context or generic)(found)


def syntax_problem(file: str, text: str, error: yaml.YAMLError) -> Problem:
    """The problem a YAML syntax error makes: our message at the mistake's line and column."""
    found = diagnose(text, error)
    offset = min(max(found.offset, 0), len(text))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    message = Message(YAML_SYNTAX_ERROR, error=found.message)
    return Problem(file, line, column, "", message, found.hint)
