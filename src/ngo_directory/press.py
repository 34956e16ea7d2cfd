"""Checks for press releases: Pelican articles linked to records by their metadata."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

import markdown

from .i18n import RECORD_LANGUAGES
from .loader import check_characters
from .problems import Problem
from .translit import slugify

LINKS = {"organization": ("ngo", "partner"), "meeting": ("meeting",)}
WITH_ARTICLE = {"ngo": "an NGO", "partner": "a partner", "meeting": "a meeting"}
LineOf = Callable[[str], int]
"""Finds the line of a metadata key; called only when a problem needs it."""
REQUIRED = ("title", "date", "organization")


def metadata_line(text: str, key: str) -> int:
    """Line number of ``key:`` in a Markdown metadata header (1 when absent)."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:", re.IGNORECASE)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        if pattern.match(line):
            return number
    return 1


def check_press_release(
    file: str, line_of: LineOf, metadata: Mapping[str, object], kind_of: Mapping[str, str]
) -> list[Problem]:
    """Problems with one press release's metadata; ``kind_of`` maps slugs to record kinds."""
    problems = []
    for key in REQUIRED:
        if not str(metadata.get(key) or "").strip():
            problems.append(
                Problem(
                    file,
                    1,
                    1,
                    key,
                    "required metadata is missing",
                    f"add a line '{key.title()}: ...' at the top",
                )
            )
    for key, kinds in LINKS.items():
        value = metadata.get(key)
        if value is None or not str(value).strip():
            continue
        slug = str(value).strip()
        kind = kind_of.get(slug)
        wanted = " or ".join(WITH_ARTICLE[k] for k in kinds)
        if kind not in kinds:
            found = f"'{slug}' is {WITH_ARTICLE[kind]}, not {wanted}" if kind else f"unknown slug '{slug}'"
            problems.append(
                Problem(
                    file,
                    line_of(key),
                    len(key) + 3,
                    key,
                    found,
                    f"use the file name of {wanted} record in ngo_data/",
                )
            )
    return problems


def read_metadata(text: str) -> dict[str, str]:
    """Metadata of a Markdown file, read the way Pelican's Markdown reader reads it."""
    md = markdown.Markdown(extensions=["meta"])
    md.convert(text)
    meta: dict[str, list[str]] = getattr(md, "Meta", {})
    return {key.lower(): "\n".join(values) for key, values in meta.items()}


def check_content_folder(
    content: Path,
    press_folder: str,
    root: Path,
    kind_of: Mapping[str, str],
    languages: Sequence[str] = RECORD_LANGUAGES,
) -> list[Problem]:
    """Check every Markdown file under ``content``; those under ``press_folder`` are press releases."""
    problems: list[Problem] = []
    if not content.is_dir():
        return problems
    press = content / press_folder
    seen: dict[tuple[bool, str, str], str] = {}
    for path in sorted(content.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        is_press = path.is_relative_to(press)
        try:
            file = path.relative_to(root).as_posix()
        except ValueError:
            file = path.as_posix()
        if path.suffix != ".md":
            if is_press:
                problems.append(Problem(file, 1, 1, "", "not a Markdown press release", "rename it to .md"))
            continue
        try:
            text = path.read_text("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(Problem(file, 1, 1, "", "file is not valid UTF-8", "save it as UTF-8"))
            continue
        problems += check_characters(file, text)
        metadata = read_metadata(text)
        line_of = partial(metadata_line, text)
        problems += check_content_metadata(file, line_of, metadata, languages)
        if is_press:
            problems += check_press_release(file, line_of, metadata, kind_of)
        key = (is_press, str(metadata.get("slug")), str(metadata.get("lang")))
        if key in seen and metadata.get("slug") and metadata.get("lang"):
            problems.append(
                Problem(
                    file,
                    line_of("lang"),
                    7,
                    "lang",
                    f"{seen[key]} already has slug '{key[1]}' in '{key[2]}'",
                    "translations of one text share a slug but each needs its own language; "
                    "otherwise give this one a different slug",
                )
            )
        seen.setdefault(key, file)
    return problems


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FORBIDDEN_METADATA = ("save_as", "url", "template", "path")


def check_content_metadata(
    file: str, line_of: LineOf, metadata: Mapping[str, object], languages: Sequence[str] = RECORD_LANGUAGES
) -> list[Problem]:
    """Problems any page or press release can have: a missing or unsafe slug, a missing or
    unknown language, output overrides."""
    problems = []
    slug = metadata.get("slug")
    title = str(metadata.get("title") or "")
    if slug is None or not str(slug).strip():
        problems.append(
            Problem(
                file,
                1,
                1,
                "slug",
                "required metadata is missing",
                f"add a line 'Slug: {slugify(title or Path(file).stem)}' at the top; "
                "translations of one text share its slug",
            )
        )
    elif not SLUG.fullmatch(str(slug)):
        problems.append(
            Problem(
                file,
                line_of("slug"),
                7,
                "slug",
                f"'{slug}' is not a valid slug",
                f"use lowercase letters a-z, digits and single hyphens, such as '{slugify(str(slug))}'",
            )
        )
    lang = metadata.get("lang")
    choices = ", ".join(languages)
    if lang is None or not str(lang).strip():
        problems.append(
            Problem(
                file,
                1,
                1,
                "lang",
                "required metadata is missing",
                f"add a line 'Lang: {languages[0]}' naming the language it is written in ({choices})",
            )
        )
    elif str(lang) not in languages:
        problems.append(
            Problem(
                file,
                line_of("lang"),
                7,
                "lang",
                f"'{lang}' is not one of the site's languages",
                f"use one of {choices}",
            )
        )
    for key in FORBIDDEN_METADATA:
        if key in metadata:
            problems.append(
                Problem(
                    file,
                    line_of(key),
                    1,
                    key,
                    "this metadata is not allowed: output paths come from the site's settings",
                    f"remove the '{key.title()}:' line",
                )
            )
    return problems
