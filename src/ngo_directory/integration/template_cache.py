"""Jinja's compiled templates, kept between builds on the machine that builds.

Compiling the theme's templates costs a small build (the sample site) about a fifth of its time,
and every build compiles them again in each of Pelican's generators. Jinja can keep the compiled
code (its bytecode cache), but keys it by the template's name and source only, while what a
template compiles to also depends on the environment: the delimiters, ``trim_blocks``, the
extensions and their policies (``ext.i18n.trimmed``), autoescaping, and whether each filter and
test takes the context. So the key here also covers every one of those; Jinja itself checks
the source (a checksum) and its own and Python's versions. Like the read cache, it lives in
Pelican's ``CACHE_PATH`` and is used only when ``NGO_DIRECTORY_CACHE`` is on (not in publishing
builds): it is code, trusted as much as the folder it is in."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from jinja2.utils import _PassArg

FOLDER = "ngo-directory-templates"

# Environment attributes the compiler reads.
_COMPILER_INPUTS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "autoescape",
    "finalize",
    "code_generator_class",
    "context_class",
    "newstyle_gettext",
)


def _takes(function: Any) -> str:
    """What a filter or test is passed before its value: the context, eval context, environment
    or nothing (the compiler writes the call accordingly)."""
    return str(_PassArg.from_obj(function))


def environment_fingerprint(env: Environment) -> str:
    """Everything about ``env``, besides a template's source, that its compiled code depends on."""

    def described(value: object) -> str:
        name = getattr(value, "__qualname__", None)
        if callable(value) and name is not None and "<locals>" not in name:
            return f"{getattr(value, '__module__', '')}.{name}"
        return repr(value)  # a closure's repr names its address: its templates are not reused

    parts = {
        "environment": {name: described(getattr(env, name, None)) for name in _COMPILER_INPUTS},
        "extensions": sorted(env.extensions),
        "policies": {name: described(value) for name, value in sorted(env.policies.items())},
        "filters": {name: _takes(f) for name, f in sorted(env.filters.items())},
        "tests": {name: _takes(f) for name, f in sorted(env.tests.items())},
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file-system bytecode cache, keyed by the environment as well as the template."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = hashlib.sha256(
            f"{environment_fingerprint(environment)}\0{name}\0{filename}".encode("utf-8", "surrogatepass")
        ).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket
