"""Load and check every record in a data folder, reporting all problems at once."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import models, schema
from .directory import Directory
from .formats import parse_local_datetime
from .i18n import RECORD_LANGUAGES
from .loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, Document, load_file
from .press import WITH_ARTICLE, check_content_folder
from .problems import Path_, Problem, ValidationFailed
from .settings import DEFAULTS
from .sources import display, not_a_file
from .translit import fold, slugify
from .urls import reserved_names

KINDS = {"ngo": "ngos", "partner": "partners", "meeting": "meetings"}
KIND_NAMES = {"ngo": "NGO", "partner": "partner", "meeting": "meeting"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# What `ngo-directory new` writes where only the contributor knows the value (the schemas'
# "not-placeholder" rule refuses the same start in texts and logins).
PLACEHOLDER = "REPLACE"
PLACEHOLDER_MESSAGE = "still holds the placeholder written by 'ngo-directory new'"
_BUILDERS: dict[str, Callable[..., Any]] = {
    "ngo": models.build_ngo,
    "partner": models.build_partner,
    "meeting": models.build_meeting,
}


@dataclass
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH


@dataclass
class _Run:
    root: Path
    limits: Limits
    reserved: frozenset[str]
    problems: list[Problem] = field(default_factory=list)
    docs: dict[str, dict[str, Document]] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)
    vocab: dict[str, Document | None] = field(default_factory=dict)

    def display(self, path: Path) -> str:
        return display(path, self.root.parent)

    def load(self, path: Path, kind: str) -> Document | None:
        doc, problems = load_file(
            path, self.display(path), max_bytes=self.limits.max_bytes, max_depth=self.limits.max_depth
        )
        if doc is not None:
            problems = schema.check(doc, kind)
        self.problems.extend(problems)
        return doc


def _file_problem(file: str, message: str, hint: str) -> Problem:
    return Problem(file, 1, 1, "", message, hint)


def _scan_kind(run: _Run, kind: str, seen: dict[str, str]) -> None:
    folder = run.root / KINDS[kind]
    run.docs[kind] = {}
    refused = not_a_file(folder, run.display(folder)) if folder.is_symlink() else None
    if refused is not None:
        run.problems.append(refused)
        return
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        name = run.display(path)
        if path.name.startswith("."):
            continue
        refused = not_a_file(path, name)
        if refused is not None:
            run.problems.append(refused)
            continue
        if path.is_dir() or path.suffix != ".yaml":
            hint = (
                f"rename it to {path.stem}.yaml" if path.suffix == ".yml" else "keep only .yaml records here"
            )
            run.problems.append(_file_problem(name, "not a record file", hint))
            continue
        slug = path.stem
        if not SLUG.fullmatch(slug):
            run.problems.append(
                _file_problem(name, f"file name '{slug}' is not a valid slug", _rename_hint(run, slug))
            )
        elif slug.lower() in run.reserved:
            run.problems.append(
                _file_problem(name, f"'{slug}' is a reserved name", "choose a more specific file name")
            )
        first = seen.get(slug.casefold())
        if first is not None and Path(first).stem == slug:
            run.problems.append(
                _file_problem(
                    name, f"slug '{slug}' is already used by {first}", "every record needs its own file name"
                )
            )
            continue
        if first is not None:
            run.problems.append(
                _file_problem(
                    name,
                    f"file name differs from {first} only in upper and lower case",
                    "keep one of the two files: Windows and macOS checkouts cannot hold both",
                )
            )
        else:
            seen[slug.casefold()] = name
        run.kind_of.setdefault(slug, kind)
        doc = run.load(path, kind)
        if doc is not None:
            run.docs[kind][slug] = doc


def _rename_hint(run: _Run, slug: str) -> str:
    """Suggest the transliterated slug, unless that name is reserved or another record's."""
    rule = "lowercase letters a-z, digits and single hyphens"
    suggestion = slugify(slug)
    if suggestion in run.reserved:
        return f"rename it: {rule}; '{suggestion}' is a reserved name, so choose a more specific one"
    if any((run.root / folder / f"{suggestion}.yaml").exists() for folder in KINDS.values()):
        return f"rename it: {rule}; '{suggestion}' is another record's, so choose another name"
    return f"rename it to {suggestion}.yaml: {rule}"


def _strings(doc: Document, path: Path_) -> list[tuple[Path_, str]]:
    """(path, value) of each string in the list at ``path``, tolerating bad shapes."""
    value: Any = doc.data
    for part in path:
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return []
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, list):
        return [((*path, i), v) for i, v in enumerate(value) if isinstance(v, str)]
    return []


class _Vocabulary:
    def __init__(self, label: str, file: str, data: Any):
        self.label = label
        self.file = file
        self.slugs = sorted(data) if isinstance(data, dict) else []
        self.names: dict[str, str] = {}
        for slug, entry in data.items() if isinstance(data, dict) else []:
            entry = entry if isinstance(entry, dict) else {}
            names = list(entry["name"].values()) if isinstance(entry.get("name"), dict) else []
            aliases = entry.get("also_known_as")
            names += aliases if isinstance(aliases, list) else []
            for name in [slug, *names]:
                if isinstance(name, str):
                    self.names.setdefault(fold(name), slug)

    def check(self, doc: Document, path: Path_) -> list[Problem]:
        if not self.slugs:
            return []  # the vocabulary file itself is missing or unusable, and reported as such
        problems = []
        for where, value in _strings(doc, path):
            if value in self.slugs:
                continue
            if value.startswith(PLACEHOLDER):
                hint = f"write one of {', '.join(self.slugs)}; see {self.file}"
                problems.append(doc.problem(where, PLACEHOLDER_MESSAGE, hint))
                continue
            guess = self.names.get(fold(value))
            if guess:
                hint = f"did you mean '{guess}'? values are the slugs in {self.file}"
            else:
                close = difflib.get_close_matches(value, self.slugs, n=3, cutoff=0.5)
                shown = close or self.slugs
                hint = (
                    "allowed: " + ", ".join(shown)
                    if not close
                    else "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
                )
                hint += f"; see {self.file}"
            problems.append(doc.problem(where, f"unknown {self.label} '{value}'", hint))
        return problems


def record_kinds(data_path: Path) -> dict[str, str]:
    """Slug -> kind for every record file, from file names alone (no YAML is read)."""
    return {
        path.stem: kind
        for kind, folder in KINDS.items()
        for path in sorted((Path(data_path) / folder).glob("*.yaml"))
    }


def _check_refs(run: _Run, doc: Document, path: Path_, kinds: tuple[str, ...], slug: str) -> list[Problem]:
    wanted = " or ".join(KIND_NAMES[k] for k in kinds)
    problems = []
    for where, value in _strings(doc, path):
        kind = run.kind_of.get(value)
        if value.startswith(PLACEHOLDER):
            either = " or ".join(WITH_ARTICLE[k] for k in kinds)
            problems.append(
                doc.problem(where, PLACEHOLDER_MESSAGE, f"write the slug of {either} record here")
            )
        elif value == slug:
            problems.append(doc.problem(where, "a record cannot refer to itself", "remove this entry"))
        elif kind is None:
            candidates = [s for s, k in run.kind_of.items() if k in kinds]
            close = difflib.get_close_matches(value, candidates, n=3, cutoff=0.6)
            hint = (
                "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
                if close
                else f"add ngo_data/{KINDS[kinds[0]]}/{value}.yaml first, or fix the slug"
            )
            problems.append(doc.problem(where, f"unknown {wanted} '{value}'", hint))
        elif kind not in kinds:
            problems.append(
                doc.problem(
                    where,
                    f"'{value}' is {WITH_ARTICLE[kind]}, not {' or '.join(WITH_ARTICLE[k] for k in kinds)}",
                    f"move it to the field for {KIND_NAMES[kind]}s",
                )
            )
    return problems


def _check_meeting_times(doc: Document) -> list[Problem]:
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("end"), str):
        return []
    start = parse_local_datetime(data["start"]) if isinstance(data.get("start"), str) else None
    end = parse_local_datetime(data["end"])
    if start is None or end is None:
        return []
    if type(start) is not type(end):
        return [
            doc.problem(
                ("end",),
                "start and end must both be dates, or both dates with a time",
                "add a time to both, or to neither",
            )
        ]
    if end < start or (isinstance(end, dt.datetime) and end == start):
        return [
            doc.problem(
                ("end",),
                f"the meeting ends ({data['end']}) before it starts ({data['start']})",
                "check the dates and times",
            )
        ]
    return []


def _time_at(doc: Document, path: Path_) -> dt.datetime | None:
    """The bookkeeping time at ``path`` (see models.record_time), or None if absent or invalid."""
    value = _strings(doc, path)
    if not value or parse_local_datetime(value[0][1]) is None:
        return None
    return models.record_time(value[0][1])


def _check_history(doc: Document) -> list[Problem]:
    """``added`` <= every change <= ``updated``, changes oldest first, and the latest change
    that sets a status agrees with ``status``."""
    data = doc.data if isinstance(doc.data, dict) else {}
    added, updated = _time_at(doc, ("added",)), _time_at(doc, ("updated",))
    problems = []
    if added and updated and updated < added:
        problems.append(
            doc.problem(
                ("updated",),
                f"updated ({data['updated']}) is earlier than added ({data['added']})",
                "a record cannot change before it was added; check both dates",
            )
        )
    changes: list[Any] = data["changes"] if isinstance(data.get("changes"), list) else []
    previous: tuple[dt.datetime, str] | None = None
    status_set: str | None = None
    for index, change in enumerate(changes):
        when = _time_at(doc, ("changes", index, "date"))
        if when is None:
            continue
        shown = change["date"]  # a string: _time_at found a valid time there
        if added and when < added:
            problems.append(
                doc.problem(
                    ("changes", index, "date"),
                    f"this change ({shown}) is earlier than added ({data['added']})",
                    "a meeting cannot change before it was announced; check both dates",
                )
            )
        if previous and when < previous[0]:
            problems.append(
                doc.problem(
                    ("changes", index, "date"),
                    f"this change ({shown}) is listed after a later one ({previous[1]})",
                    "list changes oldest first: move this one up",
                )
            )
        if updated and when > updated:
            problems.append(
                doc.problem(
                    ("updated",),
                    f"updated ({data['updated']}) is earlier than a change ({shown})",
                    f"set 'updated: \"{shown}\"' or remove the updated line",
                )
            )
        previous = (when, str(shown))
        if isinstance(change.get("status"), str):
            status_set = change["status"]
    if status_set and isinstance(data.get("status"), str) and status_set != data["status"]:
        problems.append(
            doc.problem(
                ("status",),
                f"the latest change sets status '{status_set}' but status is '{data['status']}'",
                f"add a change with 'status: {data['status']}' saying what happened, or correct status",
            )
        )
    return problems


def _cross_check(run: _Run, regions: _Vocabulary, themes: _Vocabulary) -> None:
    org = ("ngo", "partner")
    references: list[Problem] = []  # unknown regions, themes and records
    for kind, docs in run.docs.items():
        for slug, doc in docs.items():
            found = references
            found += themes.check(doc, ("themes",))
            run.problems += _check_history(doc)
            if kind == "meeting":
                found += regions.check(doc, ("venue", "region"))
                found += _check_refs(run, doc, ("organisers",), org, slug)
                found += _check_refs(run, doc, ("participants",), ("ngo",), slug)
                found += _check_refs(run, doc, ("partners",), ("partner",), slug)
                found += _check_refs(run, doc, ("funders",), ("partner",), slug)
                run.problems += _check_meeting_times(doc)
                continue
            found += regions.check(doc, ("regions",))
            for index, _ in enumerate(doc.data.get("locations", []) if isinstance(doc.data, dict) else []):
                found += regions.check(doc, ("locations", index, "region"))
            found += _check_refs(run, doc, ("funders",), ("partner",), slug)
            if kind == "ngo":
                found += _check_refs(run, doc, ("partners",), ("partner",), slug)
    # An unknown reference names the value and the nearest known one, which says more than the
    # schema's "expected a slug" (with a record's slug as its example): report only the first.
    referenced = {(p.file, p.field) for p in references}
    run.problems = [p for p in run.problems if (p.file, p.field) not in referenced] + references


def check_data(
    data_path: Path,
    *,
    content_path: Path | None = None,
    press_folder: str = "press",
    default_language: str = "az",
    languages: Sequence[str] = RECORD_LANGUAGES,
    limits: Limits | None = None,
    reserved: frozenset[str] | None = None,
) -> tuple[Directory | None, list[Problem]]:
    """Load and check every record under ``data_path`` (and the pages and press releases
    under ``content_path``); the directory is None on any problem. ``reserved`` is the slugs
    no record, page or press release may take (by default, those of the default settings)."""
    reserved = reserved_names(DEFAULTS) if reserved is None else reserved
    run = _Run(Path(data_path), limits or Limits(), reserved)
    vocabularies = {}
    for name, label in (("regions", "region"), ("themes", "theme")):
        path = run.root / f"{name}.yaml"
        if not path.exists() and not path.is_symlink():
            run.problems.append(
                _file_problem(run.display(path), "file is missing", f"create {name}.yaml; see README")
            )
            run.vocab[name] = None
        else:
            run.vocab[name] = run.load(path, "vocabulary")
        doc = run.vocab[name]
        vocabularies[name] = _Vocabulary(label, run.display(path), doc.data if doc else None)
    if not run.root.is_dir():
        run.problems.append(_file_problem(run.display(run.root), "data folder is missing", "check the path"))
    seen: dict[str, str] = {}
    for kind in KINDS:
        _scan_kind(run, kind, seen)
    _cross_check(run, vocabularies["regions"], vocabularies["themes"])
    if content_path is not None:
        run.problems += check_content_folder(
            Path(content_path),
            press_folder,
            run.root.parent,
            run.kind_of,
            languages,
            reserved=reserved,
            max_bytes=run.limits.max_bytes,
        )
    if run.problems:
        return None, sorted(set(run.problems))
    return _build(run, default_language), []


def _build(run: _Run, lang: str) -> Directory:
    built: dict[str, dict[str, Any]] = {}
    for kind, docs in run.docs.items():
        builder = _BUILDERS[kind]
        built[kind] = {slug: builder(slug, doc.file, doc.data, lang) for slug, doc in docs.items()}
    regions, themes = run.vocab["regions"], run.vocab["themes"]
    assert regions is not None and themes is not None
    return Directory(
        regions=models.build_vocabulary(regions.data),
        themes=models.build_vocabulary(themes.data),
        ngos=built["ngo"],
        partners=built["partner"],
        meetings=built["meeting"],
    )


def load_directory(data_path: Path, **options: Any) -> Directory:
    """Load and check the directory; raise ValidationFailed listing every problem."""
    directory, problems = check_data(data_path, **options)
    if directory is None:
        raise ValidationFailed(problems)
    return directory
