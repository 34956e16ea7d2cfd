"""A record's YAML as an editable tree that keeps its comments, quoting and layout (ruamel.yaml's
round trip), and written back only once the project's strict loader reads exactly the data meant.

Every scalar is read as a string, as records/loader.py reads it (no YAML 1.1 or 1.2 typing), so
the tree holds what the validator sees. A contributor's text is always written as a quoted
string (or, for several lines that read back the same, a literal block): nothing typed can
change the record's structure. Control and invisible characters are written as escapes, which
the loader then reports at their field.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any, cast

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from ..i18n import N_
from ..problems import INVISIBLE, Message
from ..records.loader import load_bytes

MODELINE = "# yaml-language-server: $schema=../../src/ngo_directory/schema/ngo.schema.json"
# A slug or login YAML can only read as that text (YAML 1.1 would read 'no' or 'on' otherwise).
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_ESCAPED = N_("%(character)s, written as an escape, is not allowed")


class WriteError(Exception):
    """The record could not be written so that it reads back as meant."""


class _StringsOnly(VersionedResolver):
    """No implicit typing: '2004', 'no' and '0125' stay the strings they are in the file."""

    @property
    def versioned_resolver(self) -> Any:
        return {}


def _yaml() -> YAML:
    handler = YAML(typ="rt")
    handler.Resolver = _StringsOnly
    handler.preserve_quotes = True
    handler.width = 2**30  # never fold a long line
    handler.indent(mapping=2, sequence=4, offset=2)  # '  - item' under its key, as records have it
    handler.brace_single_entry_mapping_in_flow_sequence = True  # [{en: x}] stays as written
    return handler


def load_tree(text: str) -> CommentedMap:
    """The round-trip tree of a record the strict loader has already read."""
    try:
        tree = _yaml().load(text)
    except YAMLError as error:
        raise WriteError(str(error)) from None
    if not isinstance(tree, CommentedMap):
        raise WriteError("the record is not a mapping")
    return tree


def new_tree() -> CommentedMap:
    """An empty record, headed by the line that lets editors check it against its schema."""
    tree = CommentedMap()
    tree.yaml_set_start_comment(MODELINE.removeprefix("# "))
    return tree


def quoted(value: str) -> str:
    return cast(str, DoubleQuotedScalarString(value))


def word(value: str) -> str:
    """A slug or login written plainly when YAML can only read it as that text, else quoted."""
    return value if _PLAIN.match(value) and value.lower() not in _YAML11_WORDS else quoted(value)


def text(value: str) -> str:
    """A text of several lines as a literal block ending in a line break, when it reads back
    so; anything else quoted."""
    if "\n" in value:
        block = value if value.endswith("\n") else value + "\n"
        if _reads_back_as_block(block):
            return cast(str, LiteralScalarString(block))
    return quoted(value)


@functools.lru_cache(maxsize=64)
def _reads_back_as_block(value: str) -> bool:
    if _INVISIBLE.search(value) or "\r" in value:
        return False
    tree = CommentedMap()
    tree["k"] = LiteralScalarString(value)
    doc, problems = load_bytes(dump(tree).encode(), "block", max_bytes=len(value) * 2 + 64)
    return not problems and doc is not None and doc.data == {"k": value}


def flow_map(**items: str) -> CommentedMap:
    """A map written on one line, as phones and social links are: {type: office, number: "..."}."""
    mapping = CommentedMap(items)
    mapping.fa.set_flow_style()
    return mapping


def flow_list(items: list[Any]) -> CommentedSeq:
    """A list written on one line, as regions and maintainers are: [ganja, sheki]."""
    sequence = CommentedSeq(items)
    sequence.fa.set_flow_style()
    return sequence


def block_map(items: dict[str, Any]) -> CommentedMap:
    mapping = CommentedMap(items)
    mapping.fa.set_block_style()
    return mapping


def block_list(items: list[Any]) -> CommentedSeq:
    sequence = CommentedSeq(items)
    sequence.fa.set_block_style()
    return sequence


def dump(tree: CommentedMap) -> str:
    """The tree as YAML. ruamel.yaml writes most control characters in a quoted string as
    escapes but leaves invisible ones (U+200B, U+202E...) as they are: those become escapes too
    (they can only be in quoted strings, since every text holding one is quoted)."""
    out = io.StringIO()
    _yaml().dump(tree, out)
    return _INVISIBLE.sub(_escape, out.getvalue())


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def plain(value: Any) -> Any:
    """The tree as plain dicts, lists and strings: what the loader would give."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return str(value)


def write_checked(tree: CommentedMap, file: str, max_bytes: int) -> str:
    """The record's text, once the strict loader reads from it exactly the tree's data.

    A text holding a control or invisible character, written as an escape, makes the loader
    report it (as validate will, at its field) instead of giving the data: the text is then
    read with PyYAML's string-only loader for the comparison."""
    out = dump(tree)
    meant = plain(tree)
    doc, problems = load_bytes(out.encode(), file, max_bytes=max(max_bytes, len(out.encode())))
    if doc is not None:
        back = doc.data
    elif problems and all(p.message_id is not None and p.message_id.template == _ESCAPED for p in problems):
        back = yaml.load(out, Loader=yaml.CBaseLoader)  # noqa: S506  (the base loader builds only strings, lists and dicts)
    else:
        raise WriteError("; ".join(str(p) for p in problems))
    if back != meant:
        raise WriteError(Message(N_("the record would not read back as written")))
    return out
