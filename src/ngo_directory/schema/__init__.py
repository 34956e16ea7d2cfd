"""The JSON Schemas shipped with the package, and their errors turned into Problems."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema
import yaml

from ..i18n import N_
from ..problems import Message, Path_, Problem, allowed, did_you_mean
from ..records.formats import (
    EXTENSION_MARKERS,
    curly_quote_at,
    format_checker,
    format_checks,
    phone_example,
    phone_letters,
)
from ..records.loader import Document

if TYPE_CHECKING:
    from jsonschema import Draft7Validator
    from jsonschema.exceptions import ValidationError

SCHEMAS = ("common", "ngo", "partner", "meeting", "programme", "vocabulary")

# Every "errorMessage" of the schema files, listed here so that `make catalogs` extracts them
# and the validator can report them in the contributor's language (a test keeps both in step).
ERROR_MESSAGES = frozenset(
    {
        N_("expected a GitHub login such as octocat, without '@'"),
        N_("expected a date (2026-11-22) or a date and time in Baku (2026-11-22 14:30)"),
        N_("expected a date (2026-12-06) or a local date and time (2026-12-06 10:00)"),
        N_("expected a date written YYYY-MM-DD, such as 2026-11-22"),
        N_(
            "expected a name on one line (at most 200 characters), "
            "or a map of languages with keys az, ru and en"
        ),
        N_('expected a phone number that can be dialled today, such as "+994 12 555 03 03"'),
        N_("expected a slug: lowercase letters a-z, digits and single hyphens, such as 'ganja-youth-centre'"),
        N_("expected a region's slug such as 'lankaran', or its ISO 3166-2 code such as 'AZ-LA'"),
        N_("expected an ISO 3166-2 code such as 'AZ-LA'"),
        N_("expected a two-letter ISO 3166 country code in capitals, such as US or AZ"),
        N_("expected a two-letter language code such as az, ru or en"),
        N_("expected a web address starting with https:// or http://"),
        N_("expected a year such as 2008"),
        N_("expected a number of places such as 40"),
        N_("expected a whole number such as 27000"),
        N_("expected a year (2011), a month (2011-02) or a date (2011-02-15)"),
        N_("expected an IANA time zone such as Asia/Baku"),
        N_("expected an e-mail address such as info@example.org"),
        N_("expected one line of text"),
        N_("expected the slug of an NGO or partner, or {name: ...} for someone outside the directory"),
        N_("expected text"),
        N_("expected text, or a map of languages with keys az, ru and en"),
        N_("still holds the placeholder written by 'ngo-directory new': write the real value in its place"),
    }
)
# An "errorMessage" of an integer field, as said of a value that is not a number.
_NOT_A = {
    "expected a year such as 2008": N_("'%(value)s' is not a year such as 2008"),
    "expected a number of places such as 40": N_("'%(value)s' is not a number of places such as 40"),
    "expected a whole number such as 27000": N_("'%(value)s' is not a whole number such as 27000"),
}

_FORMAT_HINTS = {
    "phone": Message(N_('write it in international form, such as "+994 12 555 03 03"')),
    "http-url": Message(N_("copy the full address from the browser's address bar")),
    "email": Message(N_("check the spelling of the address")),
    "date": Message(N_("write the date as YYYY-MM-DD")),
    "local-datetime": Message(N_("write YYYY-MM-DD or YYYY-MM-DD HH:MM in the meeting's time zone")),
    "time-zone": Message(N_("use a name from the IANA time zone database, such as Asia/Baku")),
}
# An integer field's hint, by its "errorMessage", when YAML would have read the value as another
# type (a date, 2001-02-30): quoting never makes a number, so the hint says what it looks like.
_INTEGER_HINTS = {
    "expected a year such as 2008": Message(N_("write the year alone, such as 1998, not a date")),
}
_A_NUMBER = Message(N_("a number"))
_YAML_TYPE_NAMES = {
    "tag:yaml.org,2002:int": _A_NUMBER,
    "tag:yaml.org,2002:float": _A_NUMBER,
    "tag:yaml.org,2002:bool": Message(N_("true or false")),
    "tag:yaml.org,2002:null": Message(N_("an empty value")),
    "tag:yaml.org,2002:timestamp": Message(N_("a date")),
}


def _custom(schema: dict[str, Any]) -> str:
    """The rule's "errorMessage", as a Message when the catalogs have it ('' when none)."""
    text = schema.get("errorMessage", "")
    return Message(text) if text in ERROR_MESSAGES else str(text)


def schema_text(name: str) -> str:
    """The JSON text of one shipped schema."""
    return resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """One shipped schema as a dict."""
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema


def _inline(node: Any, base: str) -> Any:
    """Replace every $ref by a copy of its target: our schemas are not recursive, and
    resolving references at validation time cost more than all the other checks."""
    if isinstance(node, list):
        return [_inline(item, base) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target_base = file.removesuffix(".schema.json") or base
        target: Any = load_schema(target_base)
        for part in [p for p in pointer.split("/") if p]:
            target = target[part]
        rest = {k: _inline(v, base) for k, v in node.items() if k != "$ref"}
        return {**_inline(target, target_base), **rest}
    return {key: value if key == "definitions" else _inline(value, base) for key, value in node.items()}


@cache
def inlined_schema(name: str) -> dict[str, Any]:
    """One shipped schema with every reference resolved in place."""
    schema: dict[str, Any] = _inline(load_schema(name), name)
    schema.pop("definitions", None)
    return schema


@cache
def error_messages(name: str) -> frozenset[str]:
    """The "errorMessage" texts of one kind's schema, its references followed."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("errorMessage"), str):
                found.add(node["errorMessage"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(inlined_schema(name))
    return frozenset(found)


@cache
def validator(name: str) -> Draft7Validator:
    """A draft-07 validator for one record kind, with real format checks: imported when a record
    is first refused by the compiled schema (a valid directory never needs it)."""
    from jsonschema import Draft7Validator

    return Draft7Validator(inlined_schema(name), format_checker=format_checker())


# The keywords whose values are schemas (one, a list, or a map of them): where
# ``_for_fastjsonschema`` looks for repeated parts.
_ONE_SCHEMA = ("additionalProperties", "items", "not", "propertyNames", "contains", "if", "then", "else")
_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf")
_SCHEMA_MAPS = ("properties", "patternProperties")


def _subschemas(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in _ONE_SCHEMA:
        if isinstance(node.get(key), dict):
            yield node[key]
    for key in _SCHEMA_LISTS:
        if isinstance(node.get(key), list):
            yield from (item for item in node[key] if isinstance(item, dict))
    for key in _SCHEMA_MAPS:
        if isinstance(node.get(key), dict):
            yield from (item for item in node[key].values() if isinstance(item, dict))


# A "$" of a pattern (none of ours is escaped or in a set of characters).
_DOLLAR = re.compile(r"(?<!\\)\$")
# What "$" means to Python's re, and so to jsonschema: the end, or a line break that ends the
# text. fastjsonschema reads every "$" as the end alone, and so would refuse "a name\n".
_PYTHON_END = r"(?=\n?\Z)"


def _for_fastjsonschema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (inlined) as fastjsonschema should compile it to judge as jsonschema does.

    Each part that occurs more than once is written once, under "definitions", and referred to
    wherever it occurs: the same rules, since a reference with no other keyword beside it means
    exactly its target; fastjsonschema writes one function per reference instead of the same
    code again at every place (a tenth of the code, compiled in a fifth of the time). And each
    pattern's "$" is written as Python's re reads it."""
    counts: Counter[str] = Counter()

    def key(node: dict[str, Any]) -> str:
        return json.dumps(node, sort_keys=True)

    def count(node: dict[str, Any]) -> None:
        counts[key(node)] += 1
        for sub in _subschemas(node):
            count(sub)

    names: dict[str, str] = {}
    definitions: dict[str, Any] = {}

    def shared(node: dict[str, Any]) -> dict[str, Any]:
        text = key(node)
        if counts[text] < 2:
            return rewritten(node)
        if text not in names:
            names[text] = name = f"shared-{len(names)}"
            definitions[name] = rewritten(node)
        return {"$ref": f"#/definitions/{names[text]}"}

    def rewritten(node: dict[str, Any]) -> dict[str, Any]:
        out = dict(node)
        if isinstance(node.get("pattern"), str):
            out["pattern"] = _DOLLAR.sub(lambda _: _PYTHON_END, node["pattern"])
        for word in _ONE_SCHEMA:
            if isinstance(node.get(word), dict):
                out[word] = shared(node[word])
        for word in _SCHEMA_LISTS:
            if isinstance(node.get(word), list):
                out[word] = [shared(item) if isinstance(item, dict) else item for item in node[word]]
        for word in _SCHEMA_MAPS:
            if isinstance(node.get(word), dict):
                out[word] = {k: shared(v) if isinstance(v, dict) else v for k, v in node[word].items()}
        return out

    count(schema)
    root = rewritten(schema)
    assert "definitions" not in root  # inlined_schema removed the schema's own
    return {**root, "definitions": definitions}


@cache
def fast_check(name: str) -> Callable[[Any], object]:
    """The same schema compiled to Python by fastjsonschema: about fifty times faster than
    ``validator``, and used only to learn that a record is valid. Its verdict is never reported:
    whatever it rejects (or fails on) is checked again by ``validator``, whose errors say where and
    why. It must refuse exactly what ``validator`` refuses; tests/test_schema_fast_path.py checks
    that on every kind of mistake the validator's own tests make. Compiled without detailed
    exceptions (whose text is never shown) and with its repeated parts shared, a kind's schema
    compiles in 10-30 ms instead of 130-290 ms."""
    compiled: Callable[[Any], object] = fastjsonschema.compile(
        _for_fastjsonschema(inlined_schema(name)),
        formats=format_checks(),
        use_default=False,
        use_formats=True,
        detailed_exceptions=False,
    )
    return compiled


def is_valid(instance: Any, name: str) -> bool:
    """True when fastjsonschema finds nothing wrong with ``instance``: a shortcut past
    ``validator``, never a reason to report anything."""
    try:
        fast_check(name)(instance)
    except Exception:  # JsonSchemaValueException, or anything hostile data makes it raise
        return False
    return True


def coerce(instance: Any, schema: dict[str, Any]) -> Any:
    """Give scalars the type the schema asks for: every scalar is loaded as a string."""
    if isinstance(instance, str):
        # At most 18 digits: Python refuses to read a number of thousands of digits (and the
        # schema's bounds would refuse it anyway), so such a value stays a string the schema
        # reports as not a number.
        if schema.get("type") == "integer" and re.fullmatch(r"[+-]?[0-9]{1,18}", instance):
            return int(instance)
        return instance
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, value in instance.items():
            sub = props.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                instance[key] = coerce(value, sub)
    elif isinstance(instance, list) and isinstance(schema.get("items"), dict):
        instance[:] = [coerce(value, schema["items"]) for value in instance]
    return instance


def check(doc: Document, name: str) -> list[Problem]:
    """Coerce ``doc.data`` in place and return every schema problem in it: none when the
    compiled schema accepts it, else jsonschema's, which say where and why."""
    doc.data = coerce(doc.data, inlined_schema(name))
    if is_valid(doc.data, name):
        return []
    problems: list[Problem] = []
    for error in validator(name).iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return problems


_A_MAP = Message(N_("a map of fields"))
_A_LIST = Message(N_("a list"))
_TEXT = Message(N_("text"))


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return _A_MAP
    if isinstance(value, list):
        return _A_LIST
    if isinstance(value, int):
        return _A_NUMBER
    return _TEXT


def _expected(type_: Any) -> str:
    names = {"object": _A_MAP, "array": _A_LIST, "string": _TEXT, "integer": Message(N_("a whole number"))}
    return names.get(type_, str(type_))


def _yaml_typing_hint(doc: Document, path: Path_, value: Any) -> str:
    """If YAML 1.1 would have typed this unquoted value, say so."""
    if not isinstance(value, str) or not doc.mark(path).plain or not value:
        return ""
    for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get(value[0], []):
        if regexp.match(value) and tag in _YAML_TYPE_NAMES:
            return Message(
                N_('quote the value, "%(value)s": unquoted, YAML reads it as %(type)s'),
                value=value,
                type=_YAML_TYPE_NAMES[tag],
            )
    return ""


# Fields an earlier version of a schema had (its "movedProperties"), and where they went.
MOVED = {
    "meeting-roles": N_(
        "the roles are now organisers, co_organisers, hosts, funders, presenters, participants and "
        "observers: list these organisations under the fitting one"
    ),
    "meeting-named": N_("list each group under participants as {name: ...}"),
}


def _close(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.6)
    if close:
        return did_you_mean(close)
    return allowed(choices)


def _explain(doc: Document, error: ValidationError) -> Iterator[Problem]:
    path: Path_ = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    custom = _custom(schema)
    value: Any = error.instance
    rule_value: Any = error.validator_value
    rule = error.validator
    # Quoting helps only when YAML would have read the text as another type; a value that is
    # wrong as text (an impossible date, a time such as 25:99) needs the rule's own hint.
    hint = _yaml_typing_hint(doc, path, value) if rule in ("type", "anyOf", "oneOf") else ""

    if rule == "required":
        for key in rule_value:
            if key not in value and repr(key) in error.message:
                add = N_("add an '%(line)s' line") if key[:1] in "aeiou" else N_("add a '%(line)s' line")
                yield doc.problem(
                    (*path, key), Message(N_("required field is missing")), Message(add, line=f"{key}:")
                )
        return
    if rule == "additionalProperties":
        names = sorted(schema.get("properties", {}))
        moved = schema.get("movedProperties", {})
        for key in sorted(set(value) - set(names)):
            hint = Message(MOVED[moved[key]]) if moved.get(key) in MOVED else _close(key, names)
            yield doc.problem((*path, key), Message(N_("unknown field")), hint, key=True)
        return
    if rule in ("anyOf", "oneOf"):
        options = rule_value
        branches = [e for e in error.context or [] if _fits(options[e.schema_path[0]], value)]
        if branches:
            for sub in branches:
                yield from _explain(doc, sub)
            return
        expected = custom or Message(N_("not an allowed value"))
        yield doc.problem(
            path, Message(N_("%(expected)s, found %(kind)s"), expected=expected, kind=_kind(value)), hint
        )
        return
    if rule == "type":
        if rule_value == "integer":  # quoting cannot make a number: say what the number is
            hint = _INTEGER_HINTS.get(str(custom), "") if hint else ""
        elif rule_value == "object" and not hint:
            hint = _shape_hint(schema, bool(path) and isinstance(path[-1], int))
        message: str = Message(
            N_("expected %(type)s, found %(kind)s"), type=_expected(rule_value), kind=_kind(value)
        )
        if isinstance(value, str) and rule_value == "integer":
            if not custom:
                message = Message(N_("'%(value)s' is not a whole number"), value=value)
            elif custom in _NOT_A:
                message = Message(_NOT_A[custom], value=value)
            else:
                message = f"'{value}' is not {custom[len('expected ') :]}"
        yield doc.problem(path, message, hint or _TYPE_HINTS.get(rule_value, ""))
        return
    if rule == "format":
        known = _explain_format(doc, path, value, rule_value) if isinstance(value, str) else None
        if known is not None:
            yield known
            return
        what = custom or Message(N_("expected %(format)s"), format=str(rule_value))
        yield doc.problem(
            path,
            Message(N_("'%(value)s' is not valid: %(expected)s"), value=str(value), expected=what),
            hint or _FORMAT_HINTS.get(rule_value, ""),
        )
        return
    if rule == "enum":
        choices = [str(v) for v in rule_value]
        yield doc.problem(
            path,
            Message(N_("'%(value)s' is not an allowed value"), value=str(value)),
            hint or _close(str(value), choices),
        )
        return
    if rule in ("minItems", "minProperties") or (rule in ("minLength", "pattern") and not str(value).strip()):
        yield doc.problem(
            path, Message(N_("must not be empty")), Message(N_("fill it in, or remove the field"))
        )
        return
    if rule == "uniqueItems":
        seen: set[Any] = set()
        for index, item in enumerate(value):
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                yield doc.problem(
                    (*path, index),
                    Message(N_("repeats an earlier item in the list")),
                    Message(N_("remove the repeat")),
                )
            seen.add(key)
        return
    if rule == "maxLength":
        yield doc.problem(
            path,
            Message(
                N_("is %(length)s characters, over the limit of %(limit)s"),
                length=f"{len(value):,}",
                limit=f"{rule_value:,}",
            ),
            Message(N_("shorten it")),
        )
        return
    if rule in ("minimum", "maximum"):
        yield doc.problem(
            path,
            Message(
                N_("%(value)s is out of range: %(reason)s"), value=str(value), reason=custom or error.message
            ),
            hint,
        )
        return
    if rule == "propertyNames":
        yield doc.problem(
            path,
            Message(
                N_("key '%(key)s' is not valid: %(reason)s"), key=str(value), reason=custom or error.message
            ),
            Message(N_("rename the key")),
        )
        return
    if rule == "pattern":
        shown = value if len(value) <= 80 else value[:77] + "..."
        yield doc.problem(
            path,
            Message(
                N_("'%(value)s' is not valid: %(expected)s"),
                value=shown,
                expected=custom or Message(N_("wrong form")),
            ),
            hint,
        )
        return
    yield doc.problem(path, custom or error.message, hint)


def _explain_format(doc: Document, path: Path_, value: str, format_: str) -> Problem | None:
    """The mistakes a format's own message would not name: a value in typographic quotes,
    shown where the quote is; letters in a phone number; a number no phone has."""
    curly = curly_quote_at(value)
    if curly is not None:
        problem = doc.problem(
            path,
            Message(N_("'%(value)s' is in typographic quotes (%(quote)s)"), value=value, quote=value[curly]),
            Message(N_('replace the curly quotes with straight ones ("), or remove them')),
        )
        column = doc.column_in(path, value, curly)
        return problem if column is None else problem.at_column(column)
    if format_ != "phone":
        return None
    letters = phone_letters(value)
    if letters:
        return doc.problem(
            path,
            Message(
                N_("phone number '%(value)s' contains letters (%(letters)s)"), value=value, letters=letters
            ),
            Message(
                N_(
                    "write every digit as a digit; letters may only mark an extension at the end: %(markers)s"
                ),
                markers=", ".join(f"'{m} 12'" for m in EXTENSION_MARKERS if f"{m}." not in EXTENSION_MARKERS),
            ),
        )
    example = phone_example(value)
    if example is not None:
        return doc.problem(
            path,
            Message(N_("'%(value)s' is not a phone number in use"), value=value),
            Message(
                N_("check the digits: a number with %(code)s looks like %(example)s")
                if value.lstrip().startswith("+")
                else N_(
                    "check the digits: a number with %(code)s looks like %(example)s; "
                    "write another country's number with + and its country code"
                ),
                code=example.split(" ", 1)[0],
                example=example,
            ),
        )
    return None


def _shape_hint(schema: dict[str, Any], item: bool) -> str:
    """A map of fields written as something else: its schema's first example, on one line as
    YAML (a problem is one line, in a terminal as in a GitHub annotation)."""
    examples = schema.get("examples")
    if not isinstance(examples, list) or not examples:
        return ""
    example = yaml.safe_dump(
        examples[0], default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6
    )
    return Message(N_("write it like this: %(example)s"), example=("- " if item else "") + example.strip())


_TYPE_HINTS = {
    "array": Message(N_("write a list: one '- item' per line, or [a, b]")),
    "object": Message(N_("write the fields on the following lines, indented")),
    "string": Message(N_("write the value on the same line as the key")),
}


def _fits(schema: Any, value: Any) -> bool:
    """Whether an anyOf branch is meant for this kind of value."""
    if not isinstance(schema, dict):
        return False
    type_ = schema.get("type")
    return (
        (type_ == "object" and isinstance(value, dict))
        or (type_ == "string" and isinstance(value, str))
        or (type_ == "array" and isinstance(value, list))
    )
