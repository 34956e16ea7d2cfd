"""An issue opened with the NGO form, turned into the record it meant: created, updated field by
field, or refused with nothing written; checked as `validate` checks it; and the report the
workflow that runs it reads."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
import tempfile
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..i18n import N_
from ..problems import Message, Problem, printable
from ..records.formats import PHONE_REGION
from ..records.loader import DEFAULT_MAX_BYTES, load_file
from ..records.models import DEFAULT_TIMEZONE
from ..text.translit import slugify
from .from_issue import LABELS, Answers, Trilingual, read_body
from .issue_answers import Terms, removals, reply_language
from .ownership import EDITORS, same_login
from .record_merge import Merge
from .record_yaml import WriteError, load_tree, new_tree, plain, write_checked

CREATED, UPDATED, REFUSED = "created", "updated", "refused"


def record_date(value: str | None, time_zone: str = DEFAULT_TIMEZONE) -> dt.date:
    """The date written as 'added' and 'last_verified': ``value`` (YYYY-MM-DD), or today in
    ``time_zone`` (NGO_DIRECTORY_TIME_ZONE). Raises ValueError on anything else."""
    if value is None:
        return dt.datetime.now(zoneinfo.ZoneInfo(time_zone)).date()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
    return dt.date.fromisoformat(value)


def record_file(data_path: Path, slug: str) -> str:
    """The record's name in messages and the report, as 'validate' names it and as it lies in
    the repository: '<data folder>/ngos/<slug>.yaml'."""
    return f"{Path(data_path).resolve().name}/ngos/{slug}.yaml"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What the site's settings say about records: where they are and how they are judged."""

    data_path: Path
    default_language: str = "az"
    reserved: frozenset[str] | None = None
    phone_region: str = PHONE_REGION
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class Outcome:
    """What became of an issue: the record's text to write (None when refused) and the report."""

    outcome: str
    language: str
    author: str | None
    slug: str | None = None
    file: str | None = None
    path: Path | None = None
    text: str | None = None
    author_maintains: bool = False
    maintainers: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refusal: Message | None = None

    @property
    def exit_code(self) -> int:
        """0 written and valid, 1 written with problems, 2 refused."""
        if self.outcome == REFUSED:
            return 2
        return 1 if self.problems else 0

    def refuse(self, refusal: Message) -> Outcome:
        self.outcome, self.refusal, self.text = REFUSED, refusal, None
        return self

    def report(self) -> dict[str, Any]:
        """The report as JSON data; messages in the report's language."""
        return {
            "outcome": self.outcome,
            "file": self.file if self.outcome != REFUSED else None,
            "slug": self.slug,
            "language": self.language,
            "author": self.author,
            "author_maintains": self.author_maintains,
            "maintainers": self.maintainers,
            "changed": self.changed,
            "removed": self.removed,
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "field": p.field,
                    "text": p.text(self.language),
                }
                for p in self.problems
            ],
            "refusal": self.refusal.localized(self.language) if self.refusal is not None else None,
        }


def page_slug(existing: str) -> str:
    """The slug an `existing` answer names: the last segment of a page's address
    ('https://…/ru/ngos/iearn-azerbaijan/'), or the slug itself; '' when it names none."""
    path = urlsplit(existing).path if re.match(r"^[a-z][a-z0-9+.-]*://", existing, re.I) else existing
    path = re.split(r"[?#]", path)[0]
    segments = [segment for segment in path.split("/") if segment.strip()]
    last = segments[-1] if segments else ""
    for suffix in (".html", ".yaml"):
        last = last.removesuffix(suffix)
    return slugify(last, "")


def new_slug(answers: Answers) -> str:
    """A new record's file name, made from its name: the organisation's own spelling first,
    then az, en, ru, then the acronym; '' when the answers give none."""
    for key in ("name", "name_az", "name_en", "name_ru", "acronym"):
        if answers.get(key):
            return slugify(answers.get(key), "")
    return ""


def turn_issue(
    raw: bytes,
    issue: str,
    settings: Settings,
    *,
    today: dt.date,
    author: str | None = None,
    slug: str | None = None,
) -> Outcome:
    """Read an issue body and make the record it asks for (nothing is written here)."""
    answers = read_body(raw, issue, record_limit=settings.max_bytes)
    outcome = Outcome(CREATED, reply_language(answers, settings.default_language), author)
    if answers.refusal is not None:
        return outcome.refuse(answers.refusal)
    update = bool(answers.get("existing"))
    outcome.slug = slug or (page_slug(answers.get("existing")) if update else new_slug(answers))
    if not outcome.slug:
        if update:
            return outcome.refuse(
                Message(
                    N_("'%(page)s' is not the address of a page of the directory"),
                    page=printable(answers.get("existing")),
                )
            )
        return outcome.refuse(Message(N_("the answers give the organisation no name")))
    folder = settings.data_path / "ngos"
    outcome.path = folder / f"{outcome.slug}.yaml"
    outcome.file = record_file(settings.data_path, outcome.slug)
    if update:
        outcome.outcome = UPDATED
        tree, refusal = _current(outcome, settings)
        if refusal is not None:
            return outcome.refuse(refusal)
    else:
        taken = _taken(folder, outcome.slug)
        if taken is not None:
            return outcome.refuse(
                Message(
                    N_(
                        "the directory already has %(file)s: to update it, give its page's address in "
                        "'%(field)s'"
                    ),
                    file=record_file(settings.data_path, taken),
                    field=Trilingual(LABELS["existing"]),
                )
            )
        tree = new_tree()
    remove, problems = removals(answers, update=update)
    merge = Merge(
        tree,
        answers,
        update=update,
        regions=Terms.read(settings.data_path / "regions.yaml"),
        themes=Terms.read(settings.data_path / "themes.yaml"),
        phone_region=settings.phone_region,
        default_language=settings.default_language,
    )
    merge.apply(remove, author, today)
    order = list(LABELS)
    outcome.changed = sorted(merge.changed, key=order.index)
    outcome.removed = sorted(merge.removed, key=order.index)
    if not update:
        outcome.maintainers = [str(login) for login in tree.get("maintainers") or []]
        outcome.author_maintains = author is not None
    try:
        outcome.text = write_checked(tree, outcome.file, settings.max_bytes)
    except WriteError as error:
        return outcome.refuse(
            Message(N_("the record could not be written as it was meant: %(reason)s"), reason=str(error))
        )
    size = len(outcome.text.encode())
    if size > settings.max_bytes:
        return outcome.refuse(
            Message(
                N_("the record would be %(size)s bytes, over the limit of %(limit)s"),
                size=f"{size:,}",
                limit=f"{settings.max_bytes:,}",
            )
        )
    outcome.problems = [
        *answers.problems,
        *problems,
        *check_record(
            outcome.text,
            settings.data_path,
            outcome.slug,
            reserved=settings.reserved,
            phone_region=settings.phone_region,
        ),
    ]
    return outcome


def _current(outcome: Outcome, settings: Settings) -> tuple[Any, Message | None]:
    """The record an update names, as a tree, with its maintainers on the outcome; or why it
    cannot be updated."""
    assert outcome.path is not None and outcome.file is not None
    try:
        mode = os.lstat(outcome.path).st_mode
    except OSError:
        mode = 0
    if not stat.S_ISREG(mode):
        return None, Message(
            N_(
                "the directory has no organisation '%(slug)s': check the page's address, or leave "
                "'%(field)s' empty to add a new organisation"
            ),
            slug=outcome.slug or "",
            field=Trilingual(LABELS["existing"]),
        )
    doc, problems = load_file(outcome.path, outcome.file, max_bytes=settings.max_bytes)
    if doc is None or not isinstance(doc.data, dict):
        reason = problems[0].text() if problems else ""
        return None, Message(
            N_("%(file)s cannot be read (%(reason)s): a maintainer of the directory must fix it first"),
            file=outcome.file,
            reason=reason,
        )
    try:
        tree = load_tree(outcome.path.read_text("utf-8-sig"))
    except (WriteError, OSError) as error:
        tree, refusal = None, str(error)
    else:
        refusal = "" if plain(tree) == doc.data else "read differently by ruamel.yaml"
    if tree is None or refusal:
        return None, Message(
            N_("%(file)s cannot be read (%(reason)s): a maintainer of the directory must fix it first"),
            file=outcome.file,
            reason=refusal,
        )
    current = doc.data.get("maintainers")
    outcome.maintainers = [m for m in current if isinstance(m, str)] if isinstance(current, list) else []
    author = outcome.author
    outcome.author_maintains = author is not None and any(
        same_login(m, author) for m in outcome.maintainers if not same_login(m, EDITORS)
    )
    return tree, None


def _taken(folder: Path, slug: str) -> str | None:
    """The slug of a record already in ``folder`` under ``slug`` (whatever the case), if any."""
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    for name in sorted(names):
        stem = name.removesuffix(".yaml")
        if name.endswith(".yaml") and stem.casefold() == slug.casefold():
            return stem
    return None


# --- Checking it with the validator -----------------------------------------------------------


def _ordinary(folder: str, names: list[str]) -> list[str]:
    """copytree's ignore: leave out links, pipes and devices (reading a pipe would block)."""
    ignored = []
    for name in names:
        mode = os.lstat(os.path.join(folder, name)).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            ignored.append(name)
    return ignored


def check_record(
    text: str,
    data_path: Path,
    slug: str,
    *,
    reserved: frozenset[str] | None = None,
    phone_region: str = PHONE_REGION,
) -> list[Problem]:
    """Every problem 'validate' would report about this record once it is saved as
    ``<data_path>/ngos/<slug>.yaml``: the real validator runs on a copy of the data folder
    with the record added (replacing the record of that name, if any). Problems of other
    records are left out, except those of the vocabularies the record is checked against."""
    from ..records.validate import check_data

    data_path = Path(data_path)
    name = data_path.resolve().name
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / name
        if data_path.is_dir():
            shutil.copytree(data_path, copy, ignore=_ordinary)
        (copy / "ngos").mkdir(parents=True, exist_ok=True)
        (copy / "ngos" / f"{slug}.yaml").write_text(text, "utf-8")
        _, problems = check_data(copy, reserved=reserved, phone_region=phone_region)
    ours = record_file(data_path, slug)
    kept = {ours, f"{name}/regions.yaml", f"{name}/themes.yaml"}
    return [p for p in problems if p.file in kept or ours in p.message]
