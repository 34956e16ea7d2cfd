"""One Pagefind index of a language made from the indexes of its parts.

Pagefind keeps every page it indexes in memory until it writes the index, about 150-250 KB a
page, so one run over all of a language's pages needs memory in proportion to the site. The
pages are indexed instead in parts of a bounded size, each by a run of its own, and the parts'
indexes are joined here into the one index a single run over all the pages in the same order
would have written: the same pages in the same order with the same word counts, the same words
with the same positions, weights and searched fields, the same filters, and the word chunks cut
at the same words. Search scores a match with figures of the whole index (how many pages have
the word, the pages' average length), so a joined index ranks exactly as a single run's,
where merging the parts in the browser (Pagefind's mergeIndex) would score each part with its
own figures.

The join reads Pagefind 1.5's files (gzip of ``pagefind_dcd`` and CBOR arrays: the meta file,
word chunks, filters; fragments are copied as they are) a chunk at a time, so its memory is
that of one chunk of each part."""

from __future__ import annotations

import gzip
import hashlib
import heapq
import itertools
import json
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
CHUNK_SIZE = 20_000  # Pagefind's index_chunk_size: positions, searched-field positions and pages
SUPPORTED = "1.5."


class MergeFailed(RuntimeError):
    """The parts' indexes cannot be joined."""


def encode(value: Any) -> bytes:
    """CBOR as Pagefind's minicbor writes it: integers, text and definite arrays, each head as
    short as it can be (cbor2 writes them the same way)."""
    return bytes(cbor2.dumps(value))


def decode(data: bytes) -> Any:
    try:
        return cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError) as error:
        raise MergeFailed(f"not a Pagefind index: {error}") from error


def read_file(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise MergeFailed(f"{path}: not a Pagefind index file")
    return data[len(SIGNATURE) :]


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=6, mtime=0))


def full_hash(data: bytes) -> str:
    """Pagefind's hash: SHA-1, each byte in hex without its leading zero."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())  # noqa: S324 (Pagefind's)


def short_hash(language: str, data: bytes) -> str:
    return f"{language}_{full_hash(data)}"[: len(language) + 8]


@dataclass
class Part:
    """One part's index: its folder, language, meta file and where its pages go."""

    folder: Path
    language: str
    entry: dict[str, Any]
    meta: list[Any]  # version, pages, index chunks, filters, sorts, meta fields
    offset: int = 0
    field_ids: list[int] = field(default_factory=list)  # a field's number here -> in the whole

    @classmethod
    def read(cls, folder: Path) -> Part:
        entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
        if not str(entry.get("version", "")).startswith(SUPPORTED):
            raise MergeFailed(f"{folder}: Pagefind {entry.get('version')} (joining expects {SUPPORTED}x)")
        (language,) = entry["languages"]
        info = entry["languages"][language]
        meta = decode(read_file(folder / f"pagefind.{info['hash']}.pf_meta"))
        if meta[4]:
            raise MergeFailed(f"{folder}: sorted pages (data-pagefind-sort) cannot be joined")
        return cls(folder, language, entry, meta)

    @property
    def pages(self) -> list[list[Any]]:
        pages: list[list[Any]] = self.meta[1]
        return pages

    def words(self) -> Iterator[tuple[str, int, list[Any]]]:
        """(word, part, packed word) in word order, page numbers made absolute in the whole."""
        for _from, _to, chunk_hash in self.meta[2]:
            (words,) = decode(read_file(self.folder / "index" / f"{chunk_hash}.pf_index"))
            for word in words:
                self._absolute(word[1])
                for variant in word[2]:
                    self._absolute(variant[1])
                yield word[0], self.offset, word

    def _absolute(self, pages: list[list[Any]]) -> None:
        number = 0
        for page in pages:
            number += page[0]
            page[0] = number + self.offset
            if page[2]:
                page[2] = [-(self.field_ids[-value - 1]) - 1 if value < 0 else value for value in page[2]]


def merge(parts_folders: Sequence[Path], target: Path) -> int:
    """Join the indexes in ``parts_folders`` (one language, pages in this order) into a bundle
    at ``target``: the number of pages."""
    parts = [Part.read(folder) for folder in parts_folders]
    language = parts[0].language
    if any(part.language != language for part in parts):
        raise MergeFailed(f"parts of different languages: {sorted({p.language for p in parts})}")
    fields = sorted({name for part in parts for name in part.meta[5]})
    offset = 0
    for part in parts:
        part.offset = offset
        part.field_ids = [fields.index(name) for name in part.meta[5]]
        offset += len(part.pages)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    # Everything but the index itself (script, worker, WebAssembly) from the first part.
    for item in parts[0].folder.iterdir():
        if item.name not in {"index", "filter", "fragment", "pagefind-entry.json"} and not item.name.endswith(
            ".pf_meta"
        ):
            (shutil.copytree if item.is_dir() else shutil.copy2)(item, target / item.name)
    pages = _fragments(parts, target, language)
    chunks = _word_chunks(parts, target, language)
    filters = _filters(parts, target, language)
    meta = encode([parts[0].meta[0], pages, chunks, filters, [], fields])
    meta_hash = f"{language}_{full_hash(meta)[: len(language) + 8]}"
    write_file(target / f"pagefind.{meta_hash}.pf_meta", meta)
    entry = parts[0].entry
    entry["languages"][language].update(hash=meta_hash, page_count=len(pages))
    (target / "pagefind-entry.json").write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8"
    )
    return len(pages)


def _fragments(parts: list[Part], target: Path, language: str) -> list[list[Any]]:
    """Copy every page's fragment; a short name taken by another page's is lengthened from the
    page's full hash, as Pagefind does (identical pages share theirs)."""
    taken: dict[str, Path] = {}  # short name -> the fragment first given it

    def full(path: Path) -> str:
        return f"{language}_{full_hash(read_file(path))}"

    pages = []
    folder = target / "fragment"
    folder.mkdir()
    for part in parts:
        for name, word_count in part.pages:
            source = part.folder / "fragment" / f"{name}.pf_fragment"
            final = name
            if final in taken:
                own = full(source)
                while final in taken and full(taken[final]) != own:
                    if len(final) == len(own):
                        raise MergeFailed(f"two different pages share the hash {own}")
                    final = own[: len(final) + 1]
            if final not in taken:
                taken[final] = source
                shutil.copyfile(source, folder / f"{final}.pf_fragment")
            pages.append([final, word_count])
    return pages


def _word_chunks(parts: list[Part], target: Path, language: str) -> list[list[str]]:
    chunks: list[list[str]] = []
    chunk: list[list[Any]] = []
    size = 0
    folder = target / "index"
    folder.mkdir()

    def flush() -> None:
        nonlocal chunk, size
        for word in chunk:
            _relative(word[1])
            for variant in word[2]:
                _relative(variant[1])
        data = encode([chunk])
        name = short_hash(language, data)
        while name in {c[2] for c in chunks}:
            name = f"{language}_{full_hash(data)}"[: len(name) + 1]
        write_file(folder / f"{name}.pf_index", data)
        chunks.append([chunk[0][0], chunk[-1][0], name])
        chunk, size = [], 0

    for word in _joined(parts):
        size += sum(len(page[1]) + len(page[2]) + 1 for page in word[1])
        chunk.append(word)
        if size >= CHUNK_SIZE:
            flush()
    if chunk:
        flush()
    for left, right in itertools.pairwise(chunks):
        prefix = len(list(_common(right[0], left[1])))
        if left[1][: prefix + 1] >= left[0]:
            left[1] = left[1][: prefix + 1]
        right[0] = right[0][: prefix + 1]
    return chunks


def _common(a: str, b: str) -> Iterator[str]:
    for x, y in zip(a, b, strict=False):
        if x != y:
            return
        yield x


def _joined(parts: list[Part]) -> Iterator[list[Any]]:
    """Each word once, in word order, with its pages and spellings from every part."""
    current: list[Any] | None = None
    for word, _offset, packed in heapq.merge(*(part.words() for part in parts)):
        if current is not None and current[0] == word:
            current[1].extend(packed[1])
            forms = {variant[0]: variant for variant in current[2]}
            for variant in packed[2]:
                if variant[0] in forms:
                    forms[variant[0]][1].extend(variant[1])
                else:
                    current[2].append(variant)
            continue
        if current is not None:
            yield current
        current = packed
    if current is not None:
        yield current


def _relative(pages: list[list[Any]]) -> None:
    last = 0
    for page in pages:
        page[0], last = page[0] - last, page[0]


def _filters(parts: list[Part], target: Path, language: str) -> list[list[str]]:
    values: dict[str, dict[str, list[int]]] = {}
    for part in parts:
        for _name, filter_hash in part.meta[3]:
            filter_name, packed = decode(read_file(part.folder / "filter" / f"{filter_hash}.pf_filter"))
            for value, pages in packed:
                values.setdefault(filter_name, {}).setdefault(value, []).extend(
                    p + part.offset for p in pages
                )
    folder = target / "filter"
    folder.mkdir()
    written: list[list[str]] = []
    for filter_name in sorted(values):
        data = encode([filter_name, [[value, pages] for value, pages in sorted(values[filter_name].items())]])
        name = short_hash(language, data)
        while name in {w[1] for w in written}:
            name = f"{language}_{full_hash(data)}"[: len(name) + 1]
        write_file(folder / f"{name}.pf_filter", data)
        written.append([filter_name, name])
    return written
