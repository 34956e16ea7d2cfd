"""How far each record is translated: every text field, and the languages it is missing."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..problems import Path_, field_name
from .directory import Directory
from .loader import load_file
from .models import Text


def texts_of(record: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Text]]:
    """(path, text) of every translatable text in a record, in field order; paths use the
    record's YAML keys, such as ('locations', 0, 'services', 1)."""
    if isinstance(record, Text):
        yield path, record
    elif dataclasses.is_dataclass(record) and not isinstance(record, type):
        for field in dataclasses.fields(record):
            if field.name == "parties":  # written role by role: observers[1].name
                counts: Counter[str] = Counter()
                for party in record.parties:  # type: ignore[attr-defined]
                    key = record.role_field(party.role)  # type: ignore[attr-defined]
                    if party.name is not None:
                        yield (*path, key, counts[key], "name"), party.name
                    counts[key] += 1
                continue
            yield from texts_of(getattr(record, field.name), (*path, field.name))
    elif isinstance(record, tuple):
        for index, item in enumerate(record):
            yield from texts_of(item, (*path, index))


@dataclass(frozen=True)
class Completeness:
    """Per language: how many of a record's translatable texts exist in it, and which are missing."""

    total: int
    missing: dict[str, list[Path_]]  # language -> paths of texts without that language

    @classmethod
    def of(cls, record: Any, languages: Sequence[str]) -> Completeness:
        texts = [(path, text) for path, text in texts_of(record) if not text.neutral]
        missing: dict[str, list[Path_]] = {language: [] for language in languages}
        for path, text in texts:
            for language in text.missing(languages):
                missing[language].append(path)
        return cls(len(texts), missing)

    def translated(self, language: str) -> int:
        return self.total - len(self.missing.get(language, ()))

    @property
    def complete(self) -> bool:
        return not any(self.missing.values())


@dataclass(frozen=True)
class Gap:
    """One text of one record that is missing in some languages."""

    file: str
    line: int
    column: int
    field: str
    missing: tuple[str, ...]
    written_in: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}:{self.column}: {self.field}: not yet translated into "
            f"{', '.join(self.missing)} (written in {', '.join(self.written_in)})"
        )


@dataclass(frozen=True)
class RecordReport:
    file: str
    kind: str
    slug: str
    completeness: Completeness
    gaps: list[Gap]


def records_of(directory: Directory) -> Iterator[tuple[str, str, Any, Path_]]:
    """(kind, slug, record, path of the record inside its file) for every record and vocabulary entry."""
    for kind, records in (
        ("ngo", directory.ngos),
        ("partner", directory.partners),
        ("meeting", directory.meetings),
        ("programme", directory.programmes),
    ):
        for slug, record in records.items():
            yield kind, slug, record, ()
    for kind, entries in (("region", directory.regions), ("theme", directory.themes)):
        for slug, entry in entries.items():
            yield kind, slug, entry, (slug,)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def translation_report(directory: Directory, data_path: Path, languages: Sequence[str]) -> list[RecordReport]:
    """Every record's completeness in ``languages``, with the file, line and field of each gap."""
    vocabulary_files = {
        kind: _display(data_path / f"{kind}s.yaml", data_path.parent) for kind in ("region", "theme")
    }
    reports = []
    documents: dict[str, Any] = {}
    for kind, slug, record, inside in records_of(directory):
        completeness = Completeness.of(record, languages)
        file = getattr(record, "source", None) or vocabulary_files[kind]
        gaps = []
        if not completeness.complete:
            if file not in documents:
                documents[file] = load_file(data_path.parent / file, file)[0]
            document = documents[file]
            for path, text in texts_of(record):
                missing = tuple(text.missing(languages))
                if missing:
                    where = document.mark((*inside, *path)) if document else None
                    gaps.append(
                        Gap(
                            file,
                            where.line if where else 1,
                            where.column if where else 1,
                            field_name(path),
                            missing,
                            text.languages,
                        )
                    )
        gaps.sort(key=lambda gap: (gap.line, gap.column))
        reports.append(RecordReport(file, kind, slug, completeness, gaps))
    return reports
