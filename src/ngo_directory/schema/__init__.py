"""The JSON Schemas shipped with the package, and their errors turned into Problems."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import yaml
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

from ..formats import format_checker
from ..loader import Document
from ..problems import Path_, Problem

SCHEMAS = ("common", "ngo", "partner", "meeting", "vocabulary")

_FORMAT_HINTS = {
    "phone": 'write it in international form, such as "+994 12 555 03 03"',
    "http-url": "copy the full address from the browser's address bar",
    "email": "check the spelling of the address",
    "date": "write the date as YYYY-MM-DD",
    "local-datetime": "write YYYY-MM-DD or YYYY-MM-DD HH:MM in the meeting's time zone",
    "time-zone": "use a name from the IANA time zone database, such as Asia/Baku",
}
_YAML_TYPE_NAMES = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}


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
def validator(name: str) -> Draft7Validator:
    """A draft-07 validator for one record kind, with real format checks."""
    return Draft7Validator(inlined_schema(name), format_checker=format_checker())


def coerce(instance: Any, schema: dict[str, Any]) -> Any:
    """Give scalars the type the schema asks for: every scalar is loaded as a string."""
    if isinstance(instance, str):
        if schema.get("type") == "integer" and re.fullmatch(r"[+-]?[0-9]+", instance):
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
    """Coerce ``doc.data`` in place and return every schema problem in it."""
    doc.data = coerce(doc.data, inlined_schema(name))
    problems: list[Problem] = []
    for error in validator(name).iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return problems


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a map of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int):
        return "a number"
    return "text"


def _expected(type_: Any) -> str:
    names = {"object": "a map of fields", "array": "a list", "string": "text", "integer": "a whole number"}
    return names.get(type_, str(type_))


def _yaml_typing_hint(doc: Document, path: Path_, value: Any) -> str:
    """If YAML 1.1 would have typed this unquoted value, say so."""
    if not isinstance(value, str) or not doc.mark(path).plain or not value:
        return ""
    for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get(value[0], []):
        if regexp.match(value) and tag in _YAML_TYPE_NAMES:
            return f'quote the value, "{value}": unquoted, YAML reads it as {_YAML_TYPE_NAMES[tag]}'
    return ""


def _close(value: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(value, allowed, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    return "allowed: " + ", ".join(allowed)


def _explain(doc: Document, error: ValidationError) -> Iterator[Problem]:
    path: Path_ = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    custom = schema.get("errorMessage", "")
    value: Any = error.instance
    rule_value: Any = error.validator_value
    rule = error.validator
    # Quoting helps only when YAML would have read the text as another type; a value that is
    # wrong as text (an impossible date, a time such as 25:99) needs the rule's own hint.
    hint = _yaml_typing_hint(doc, path, value) if rule in ("type", "anyOf", "oneOf") else ""

    if rule == "required":
        for key in rule_value:
            if key not in value and repr(key) in error.message:
                article = "an" if key[:1] in "aeiou" else "a"
                yield doc.problem((*path, key), "required field is missing", f"add {article} '{key}:' line")
        return
    if rule == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(value) - set(allowed)):
            yield doc.problem((*path, key), "unknown field", _close(key, allowed), key=True)
        return
    if rule in ("anyOf", "oneOf"):
        options = rule_value
        branches = [e for e in error.context or [] if _fits(options[e.schema_path[0]], value)]
        if branches:
            for sub in branches:
                yield from _explain(doc, sub)
            return
        yield doc.problem(path, f"{custom or 'not an allowed value'}, found {_kind(value)}", hint)
        return
    if rule == "type":
        message = f"expected {_expected(rule_value)}, found {_kind(value)}"
        if isinstance(value, str) and rule_value == "integer":
            message = f"'{value}' is not {custom[len('expected ') :] if custom else 'a whole number'}"
        yield doc.problem(path, message, hint or _TYPE_HINTS.get(rule_value, ""))
        return
    if rule == "format":
        what = custom or f"expected {rule_value}"
        yield doc.problem(path, f"'{value}' is not valid: {what}", hint or _FORMAT_HINTS.get(rule_value, ""))
        return
    if rule == "enum":
        allowed = [str(v) for v in rule_value]
        yield doc.problem(path, f"'{value}' is not an allowed value", hint or _close(str(value), allowed))
        return
    if rule in ("minItems", "minProperties") or (rule in ("minLength", "pattern") and not str(value).strip()):
        yield doc.problem(path, "must not be empty", "fill it in, or remove the field")
        return
    if rule == "uniqueItems":
        seen: set[Any] = set()
        for index, item in enumerate(value):
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                yield doc.problem((*path, index), "repeats an earlier item in the list", "remove the repeat")
            seen.add(key)
        return
    if rule == "maxLength":
        yield doc.problem(
            path, f"is {len(value):,} characters, over the limit of {rule_value:,}", "shorten it"
        )
        return
    if rule in ("minimum", "maximum"):
        yield doc.problem(path, f"{value} is out of range: {custom or error.message}", hint)
        return
    if rule == "propertyNames":
        yield doc.problem(path, f"key '{value}' is not valid: {custom or error.message}", "rename the key")
        return
    if rule == "pattern":
        shown = value if len(value) <= 80 else value[:77] + "..."
        yield doc.problem(path, f"'{shown}' is not valid: {custom or 'wrong form'}", hint)
        return
    yield doc.problem(path, custom or error.message, hint)


_TYPE_HINTS = {
    "array": "write a list: one '- item' per line, or [a, b]",
    "object": "write the fields on the following lines, indented",
    "string": "write the value on the same line as the key",
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
