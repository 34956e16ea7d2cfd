"""Load and check every record in a data folder, reporting all problems at once."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import schema
from ..i18n import N_
from ..problems import Message, Path_, Problem, ValidationFailed, allowed, did_you_mean, either
from ..settings import DEFAULTS, reserved_names
from ..text.translit import SLUG, fold, slugify
from . import models
from .clashes import meeting_clashes
from .confusables import confusable_names
from .directory import Directory
from .facts import future_dates
from .formats import PHONE_REGION, parse_local_datetime, phones_read_in
from .loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, Document, load_file
from .markdown_links import markdown_link_problems
from .moment import today
from .places import check_vocabulary, iso_codes, name_places_by_slug, spellings
from .scripts import script_problems
from .sources import case_clash, display, not_a_file, wrong_case_names

RECORD_FOLDERS = {"ngo": "ngos", "partner": "partners", "meeting": "meetings", "programme": "programmes"}
KIND_NAMES = {"ngo": "NGO", "partner": "partner", "meeting": "meeting", "programme": "programme"}
ContentCheck = Callable[[Mapping[str, str]], list[Problem]]
"""Checks the pages and press releases, given the kind of every record by slug."""
# 'an NGO', 'a partner' or 'a meeting', in messages about what a slug names.
WITH_ARTICLE = {
    "ngo": Message(N_("an NGO")),
    "partner": Message(N_("a partner")),
    "meeting": Message(N_("a meeting")),
    "programme": Message(N_("a programme")),
}
# "unknown NGO 'x'", by the kinds of record a field may refer to.
_UNKNOWN_RECORD = {
    "NGO": N_("unknown NGO '%(value)s'"),
    "partner": N_("unknown partner '%(value)s'"),
    "NGO or partner": N_("unknown NGO or partner '%(value)s'"),
    "meeting": N_("unknown meeting '%(value)s'"),
    "programme": N_("unknown programme '%(value)s'"),
}
_UNKNOWN_TERM = {
    "region": N_("unknown region '%(value)s'"),
    "theme": N_("unknown theme '%(value)s'"),
    "series": N_("unknown series '%(value)s'"),
}
_FIELD_FOR = {
    "ngo": N_("move it to the field for NGOs"),
    "partner": N_("move it to the field for partners"),
    "meeting": N_("move it to the field for meetings"),
    "programme": N_("programmes are not named here: name this record in the programme's file instead"),
}
# What `ngo-directory new` writes where only the contributor knows the value (the schemas'
# "not-placeholder" rule refuses the same start in texts and logins).
PLACEHOLDER = "REPLACE"
PLACEHOLDER_MESSAGE = Message(N_("still holds the placeholder written by 'ngo-directory new'"))
_BUILDERS: dict[str, Callable[..., Any]] = {
    "ngo": models.build_ngo,
    "partner": models.build_partner,
    "meeting": models.build_meeting,
    "programme": models.build_programme,
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
    phone_region: str = PHONE_REGION
    time_zone: str = models.DEFAULT_TIMEZONE
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
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
            with phones_read_in(self.phone_region):
                problems = schema.check(doc, kind)
            # The facts of every value the schema did not already refuse: one problem a value.
            refused = {problem.field for problem in problems}
            errors, warnings = script_problems(doc, schema.inlined_schema(kind))
            errors += future_dates(doc, today(self.time_zone))
            problems += [problem for problem in errors if problem.field not in refused]
            self.warnings += warnings
        self.problems.extend(problems)
        return doc


def _file_problem(file: str, message: str, hint: str) -> Problem:
    return Problem(file, 1, 1, "", message, hint)


def _scan_kind(run: _Run, kind: str, seen: dict[str, str]) -> None:
    folder = run.root / RECORD_FOLDERS[kind]
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
                Message(N_("rename it to %(file)s"), file=f"{path.stem}.yaml")
                if path.suffix == ".yml"
                else Message(N_("keep only .yaml records here"))
            )
            run.problems.append(_file_problem(name, Message(N_("not a record file")), hint))
            continue
        slug = path.stem
        if not SLUG.fullmatch(slug):
            run.problems.append(
                _file_problem(
                    name,
                    Message(N_("file name '%(slug)s' is not a valid slug"), slug=slug),
                    _rename_hint(run, slug),
                )
            )
        elif slug.lower() in run.reserved:
            run.problems.append(
                _file_problem(
                    name,
                    Message(N_("'%(slug)s' is a reserved name"), slug=slug),
                    Message(N_("choose a more specific file name")),
                )
            )
        first = seen.get(slug.casefold())
        if first is not None and Path(first).stem == slug:
            run.problems.append(
                _file_problem(
                    name,
                    Message(N_("slug '%(slug)s' is already used by %(file)s"), slug=slug, file=first),
                    Message(N_("every record needs its own file name")),
                )
            )
            continue
        if first is not None:
            run.problems.append(case_clash(name, first))
        else:
            seen[slug.casefold()] = name
        run.kind_of.setdefault(slug, kind)
        doc = run.load(path, kind)
        if doc is not None:
            run.docs[kind][slug] = doc


def _rename_hint(run: _Run, slug: str) -> str:
    """Suggest the transliterated slug, unless that name is reserved or another record's."""
    rule = Message(N_("lowercase letters a-z, digits and single hyphens"))
    suggestion = slugify(slug)
    if suggestion in run.reserved:
        return Message(
            N_("rename it: %(rule)s; '%(slug)s' is a reserved name, so choose a more specific one"),
            rule=rule,
            slug=suggestion,
        )
    if any((run.root / folder / f"{suggestion}.yaml").exists() for folder in RECORD_FOLDERS.values()):
        return Message(
            N_("rename it: %(rule)s; '%(slug)s' is another record's, so choose another name"),
            rule=rule,
            slug=suggestion,
        )
    return Message(N_("rename it to %(file)s: %(rule)s"), file=f"{suggestion}.yaml", rule=rule)


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
    # How many values a hint lists at most: every theme, but not the 79 places.
    LISTED = 20

    def __init__(self, label: str, file: str, data: Any):
        self.label = label
        self.file = file
        self.slugs = sorted(data) if isinstance(data, dict) else []
        self.codes = iso_codes(data)
        # Every entry a name, an alias or an ISO code may mean ('Şəki' is a city and a district).
        self.names: dict[str, list[str]] = defaultdict(list)
        for slug, entry in data.items() if isinstance(data, dict) else []:
            for name in spellings(slug, entry):
                if slug not in self.names[fold(name)]:
                    self.names[fold(name)].append(slug)

    def check(self, doc: Document, path: Path_) -> list[Problem]:
        if not self.slugs:
            return []  # the vocabulary file itself is missing or unusable, and reported as such
        problems = []
        named: dict[str, str] = {}  # the place each value names, and the value that named it first
        for where, value in _strings(doc, path):
            if value in self.slugs or value in self.codes:
                slug = self.codes.get(value, value)
                if slug in named and named[slug] != value:
                    problems.append(
                        doc.problem(
                            where,
                            Message(
                                N_("'%(value)s' and '%(other)s' are one place"),
                                value=value,
                                other=named[slug],
                            ),
                            Message(N_("name each place once")),
                        )
                    )
                named.setdefault(slug, value)
                continue
            if value.startswith(PLACEHOLDER):
                problems.append(doc.problem(where, PLACEHOLDER_MESSAGE, self.choose(placeholder=True)))
                continue
            guesses = self.names.get(fold(value))
            if guesses:
                hint = Message(
                    N_("did you mean %(slugs)s? values are the slugs in %(file)s"),
                    slugs=either(f"'{slug}'" for slug in guesses),
                    file=self.file,
                )
            else:
                close = difflib.get_close_matches(value, [*self.slugs, *self.codes], n=3, cutoff=0.5)
                hint = (
                    Message(N_("%(hint)s; see %(file)s"), hint=did_you_mean(close), file=self.file)
                    if close
                    else self.choose()
                )
            problems.append(doc.problem(where, Message(_UNKNOWN_TERM[self.label], value=value), hint))
        return problems

    def choose(self, placeholder: bool = False) -> Message:
        """What to write: every slug of a short vocabulary; of a long one (the places), where
        to find them, and that an ISO code does as well."""
        if len(self.slugs) <= self.LISTED:
            if placeholder:
                return Message(
                    N_("write one of %(choices)s; see %(file)s"),
                    choices=", ".join(self.slugs),
                    file=self.file,
                )
            return Message(N_("%(hint)s; see %(file)s"), hint=allowed(self.slugs), file=self.file)
        if self.codes:
            return Message(
                N_("write the slug or ISO code of one of the %(count)s places in %(file)s, e.g. %(example)s"),
                count=len(self.slugs),
                file=self.file,
                example=either((f"'{self.slugs[0]}'", f"'{next(iter(self.codes))}'")),
            )
        return Message(
            N_("write the slug of one of the %(count)s entries in %(file)s"),
            count=len(self.slugs),
            file=self.file,
        )


def _check_refs(run: _Run, doc: Document, path: Path_, kinds: tuple[str, ...], slug: str) -> list[Problem]:
    wanted = _UNKNOWN_RECORD[" or ".join(KIND_NAMES[k] for k in kinds)]
    problems = []
    for where, value in _strings(doc, path):
        kind = run.kind_of.get(value)
        if value.startswith(PLACEHOLDER):
            hint = Message(
                N_("write the slug of %(kinds)s record here"), kinds=either(WITH_ARTICLE[k] for k in kinds)
            )
            problems.append(doc.problem(where, PLACEHOLDER_MESSAGE, hint))
        elif value == slug:
            problems.append(
                doc.problem(
                    where, Message(N_("a record cannot refer to itself")), Message(N_("remove this entry"))
                )
            )
        elif kind is None:
            candidates = [s for s, k in run.kind_of.items() if k in kinds]
            close = difflib.get_close_matches(value, candidates, n=3, cutoff=0.6)
            hint = (
                did_you_mean(close)
                if close
                else Message(
                    N_("add %(file)s first, or fix the slug"),
                    file=f"ngo_data/{RECORD_FOLDERS[kinds[0]]}/{value}.yaml",
                )
            )
            problems.append(doc.problem(where, Message(wanted, value=value), hint))
        elif kind not in kinds:
            problems.append(
                doc.problem(
                    where,
                    Message(
                        N_("'%(slug)s' is %(kind)s, not %(wanted)s"),
                        slug=value,
                        kind=WITH_ARTICLE[kind],
                        wanted=either(WITH_ARTICLE[k] for k in kinds),
                    ),
                    Message(_FIELD_FOR[kind]),
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
                Message(N_("start and end must both be dates, or both dates with a time")),
                Message(N_("add a time to both, or to neither")),
            )
        ]
    if end < start or (isinstance(end, dt.datetime) and end == start):
        return [
            doc.problem(
                ("end",),
                Message(
                    N_("the meeting ends (%(end)s) before it starts (%(start)s)"),
                    end=str(data["end"]),
                    start=str(data["start"]),
                ),
                Message(N_("check the dates and times")),
            )
        ]
    return []


def _check_registration(doc: Document) -> list[Problem]:
    """Open registration says how to register, and closes before the meeting ends."""
    data = doc.data if isinstance(doc.data, dict) else {}
    registration = data.get("registration")
    if not isinstance(registration, dict):
        return []
    problems = []
    if registration.get("status") == "open" and not any(k in registration for k in ("url", "email", "phone")):
        problems.append(
            doc.problem(
                ("registration", "status"),
                Message(N_("open registration needs a way to register")),
                Message(N_("add url, email or phone under registration")),
            )
        )
    deadline = registration.get("deadline")
    when = parse_local_datetime(deadline) if isinstance(deadline, str) else None
    if when is None or _check_meeting_times(doc) or not isinstance(data.get("start"), str):
        return problems
    last = parse_local_datetime(str(data.get("end", data["start"])))
    if last is None:
        return problems
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time(23, 59))
    if not isinstance(last, dt.datetime):
        last = dt.datetime.combine(last, dt.time(23, 59))
    if when > last:
        problems.append(
            doc.problem(
                ("registration", "deadline"),
                Message(
                    N_("registration closes (%(deadline)s) after the meeting ends (%(end)s)"),
                    deadline=str(deadline),
                    end=str(data.get("end", data["start"])),
                ),
                Message(N_("set a deadline before the meeting ends")),
            )
        )
    return problems


def _check_years(doc: Document) -> list[Problem]:
    """A programme does not end before it starts."""
    data = doc.data if isinstance(doc.data, dict) else {}
    start, end = data.get("start_year"), data.get("end_year")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        return [
            doc.problem(
                ("end_year",),
                Message(
                    N_("the programme ends (%(end)s) before it starts (%(start)s)"), end=end, start=start
                ),
                Message(N_("check both years")),
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
                Message(
                    N_("updated (%(updated)s) is earlier than added (%(added)s)"),
                    updated=str(data["updated"]),
                    added=str(data["added"]),
                ),
                Message(N_("a record cannot change before it was added; check both dates")),
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
                    Message(
                        N_("this change (%(date)s) is earlier than added (%(added)s)"),
                        date=str(shown),
                        added=str(data["added"]),
                    ),
                    Message(N_("a meeting cannot change before it was announced; check both dates")),
                )
            )
        if previous and when < previous[0]:
            problems.append(
                doc.problem(
                    ("changes", index, "date"),
                    Message(
                        N_("this change (%(date)s) is listed after a later one (%(later)s)"),
                        date=str(shown),
                        later=previous[1],
                    ),
                    Message(N_("list changes oldest first: move this one up")),
                )
            )
        if updated and when > updated:
            problems.append(
                doc.problem(
                    ("updated",),
                    Message(
                        N_("updated (%(updated)s) is earlier than a change (%(date)s)"),
                        updated=str(data["updated"]),
                        date=str(shown),
                    ),
                    Message(N_("set '%(line)s' or remove the updated line"), line=f'updated: "{shown}"'),
                )
            )
        previous = (when, str(shown))
        if isinstance(change, dict) and change.get("previous_start") == data.get("start"):
            problems.append(
                doc.problem(
                    ("changes", index, "previous_start"),
                    Message(
                        N_("previous_start (%(start)s) is the meeting's start"),
                        start=str(change["previous_start"]),
                    ),
                    Message(
                        N_("a move changes the start: set start to the new one, or remove previous_start")
                    ),
                )
            )
        if isinstance(change.get("status"), str):
            status_set = change["status"]
    if status_set and isinstance(data.get("status"), str) and status_set != data["status"]:
        problems.append(
            doc.problem(
                ("status",),
                Message(
                    N_("the latest change sets status '%(latest)s' but status is '%(status)s'"),
                    latest=status_set,
                    status=str(data["status"]),
                ),
                Message(
                    N_("add a change with '%(line)s' saying what happened, or correct status"),
                    line=f"status: {data['status']}",
                ),
            )
        )
    return problems


def _check_next(run: _Run, doc: Document, slug: str) -> list[Problem]:
    """A follow-up is another meeting, which starts after this one."""
    problems = _check_refs(run, doc, ("next",), ("meeting",), slug)
    data = doc.data if isinstance(doc.data, dict) else {}
    following = run.docs.get("meeting", {}).get(str(data.get("next")))
    if problems or following is None or not isinstance(following.data, dict):
        return problems
    start, later = data.get("start"), following.data.get("start")
    mine = parse_local_datetime(start) if isinstance(start, str) else None
    theirs = parse_local_datetime(later) if isinstance(later, str) else None
    if mine is None or theirs is None:
        return problems
    if (theirs if isinstance(theirs, dt.datetime) else dt.datetime.combine(theirs, dt.time())) <= (
        mine if isinstance(mine, dt.datetime) else dt.datetime.combine(mine, dt.time())
    ):
        problems.append(
            doc.problem(
                ("next",),
                Message(
                    N_("the next meeting, %(next)s, starts (%(later)s) no later than this one (%(start)s)"),
                    next=str(data["next"]),
                    later=str(later),
                    start=str(start),
                ),
                Message(N_("name the meeting that comes after this one")),
            )
        )
    return problems


def _cross_check(run: _Run, regions: _Vocabulary, themes: _Vocabulary, series: _Vocabulary | None) -> None:
    org = ("ngo", "partner")
    references: list[Problem] = []  # unknown regions, themes and records
    for kind, docs in run.docs.items():
        for slug, doc in docs.items():
            found = references
            found += themes.check(doc, ("themes",))
            run.problems += _check_history(doc)
            if kind == "programme":
                found += regions.check(doc, ("regions",))
                for role in models.PROGRAMME_ROLES:
                    found += _check_refs(run, doc, (role,), org, slug)
                run.problems += _check_years(doc)
                continue
            if kind == "meeting":
                found += regions.check(doc, ("venue", "region"))
                for role_field in models.ROLE_FIELDS.values():
                    found += _check_refs(run, doc, (role_field,), org, slug)
                run.problems += _check_meeting_times(doc)
                run.problems += _check_registration(doc)
                found += _check_next(run, doc, slug)
                if series is not None:
                    found += series.check(doc, ("series",))
                elif isinstance(doc.data, dict) and isinstance(doc.data.get("series"), str):
                    found.append(
                        doc.problem(
                            ("series",),
                            Message(_UNKNOWN_TERM["series"], value=doc.data["series"]),
                            Message(
                                N_("add it to %(file)s first"), file=run.display(run.root / "series.yaml")
                            ),
                        )
                    )
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
    content: ContentCheck | None = None,
    default_language: str = "az",
    limits: Limits | None = None,
    reserved: frozenset[str] | None = None,
    phone_region: str = PHONE_REGION,
    time_zone: str = models.DEFAULT_TIMEZONE,
    warnings: list[Problem] | None = None,
) -> tuple[Directory | None, list[Problem]]:
    """Load and check every record under ``data_path``, and with ``content`` the pages and press
    releases (it is given the kind of every record by slug); the directory is None on any problem.
    ``reserved`` is the slugs no record, page or press release may take (by default, those of
    the default settings). Dates are checked against the build's day in ``time_zone``
    (moment.py). Given a list, ``warnings`` gets what is worth a look in a valid directory but
    not wrong: meetings that clash (clashes.py), long texts in the wrong alphabet (scripts.py)."""
    reserved = reserved_names(DEFAULTS) if reserved is None else reserved
    run = _Run(Path(data_path), limits or Limits(), reserved, phone_region, time_zone)
    vocabularies = {}
    for name, label in (("regions", "region"), ("themes", "theme")):
        path = run.root / f"{name}.yaml"
        if not path.exists() and not path.is_symlink():
            run.problems.append(
                _file_problem(
                    run.display(path),
                    Message(N_("file is missing")),
                    Message(N_("create %(file)s; see README"), file=f"{name}.yaml"),
                )
            )
            run.vocab[name] = None
        else:
            run.vocab[name] = run.load(path, "vocabulary")
        doc = run.vocab[name]
        vocabularies[name] = _Vocabulary(label, run.display(path), doc.data if doc else None)
        if doc is not None and name == "regions":
            run.problems += check_vocabulary(doc)
    if not run.root.is_dir():
        run.problems.append(
            _file_problem(
                run.display(run.root), Message(N_("data folder is missing")), Message(N_("check the path"))
            )
        )
    run.problems += wrong_case_names(run.root, RECORD_FOLDERS.values(), run.root.parent)
    seen: dict[str, str] = {}
    for kind in RECORD_FOLDERS:
        _scan_kind(run, kind, seen)
    series_path = run.root / "series.yaml"
    series = None
    if series_path.exists() or series_path.is_symlink():  # optional: only a directory with series has one
        run.vocab["series"] = run.load(series_path, "vocabulary")
        doc = run.vocab["series"]
        series = _Vocabulary("series", run.display(series_path), doc.data if doc else None)
    _cross_check(run, vocabularies["regions"], vocabularies["themes"], series)
    run.problems += markdown_link_problems(run.docs, run.kind_of, run.root.parent, run.limits.max_bytes)
    if content is not None:
        run.problems += content(run.kind_of)
    if run.problems:
        return None, sorted(set(run.problems))
    directory = _build(run, default_language)
    if warnings is not None:
        warnings += sorted(set(run.warnings)) + meeting_clashes(directory, run.docs.get("meeting", {}))
        warnings += confusable_names(run.docs)
    return directory, []


def _build(run: _Run, lang: str) -> Directory:
    built: dict[str, dict[str, Any]] = {}
    codes = iso_codes(run.vocab["regions"].data if run.vocab["regions"] else None)
    for kind, docs in run.docs.items():
        for doc in docs.values():
            name_places_by_slug(doc.data, codes)
        builder = _BUILDERS[kind]
        # Phone numbers written without a country code are the region's.
        built[kind] = {
            slug: builder(slug, doc.file, doc.data, lang, phone_region=run.phone_region)
            for slug, doc in docs.items()
        }
    regions, themes, series = run.vocab["regions"], run.vocab["themes"], run.vocab.get("series")
    assert regions is not None and themes is not None
    return Directory(
        regions=models.build_vocabulary(regions.data),
        themes=models.build_vocabulary(themes.data),
        series=models.build_vocabulary(series.data) if series is not None else {},
        ngos=built["ngo"],
        partners=built["partner"],
        meetings=built["meeting"],
        programmes=built["programme"],
        data={kind: {slug: doc.data for slug, doc in docs.items()} for kind, docs in run.docs.items()},
    )


def load_directory(data_path: Path, **options: Any) -> Directory:
    """Load and check the directory; raise ValidationFailed listing every problem."""
    directory, problems = check_data(data_path, **options)
    if directory is None:
        raise ValidationFailed(problems)
    return directory
