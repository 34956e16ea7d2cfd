"""Pages that need not be rendered again: what each page was made from, and the file it became.

A page is made from its plan (address, template, language and context: records, press releases,
channels, all plain data), from what its templates look up in Pelican's context (``SITEURL``,
``footer_pages``...), from the records of the directory its templates look up by slug (the name
of an organisation it lists, a region's name), and from code: this package, its templates, the
theme, the libraries that render and the settings. So each page is given

- a key: a digest of its pickled plan, the code and the settings;
- its dependencies, recorded while it renders: every name of Pelican's context its templates
  resolve (``RecordingContext``) and every record they read through the directory
  (``RecordingDirectory``: ``directory.regions['baku']`` depends on that region alone, a loop over
  ``directory.ngos`` on every NGO), each with a digest of its value.

The next build with NGO_DIRECTORY_CACHE on, into the same output folder, does not render a page
whose key is the same, whose dependencies have the same digests, and whose file in the site it
replaces is still the very file that build left there (same size, modification time and inode):
it links that file into the new site instead, so the page is neither rendered nor rewritten.
Anything that cannot be pickled, a loader that is not a folder, a damaged or foreign manifest:
the page is rendered, as it would be without the cache. Only digests are kept, never content or
code, in one JSON manifest per output folder in Pelican's ``CACHE_PATH``; a publishing build
(``publishconf.py``) turns the cache off and renders every page.

Equal pickles mean equal inputs; inputs that are equal but pickle differently (a set's order)
only cost a render. ``tests/test_build_cache.py`` checks that a rebuild after an edit is, byte
for byte, the site a build without the cache makes."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import shutil
import stat
import sys
import tempfile
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from jinja2.runtime import Context

logger = logging.getLogger(__name__)

FOLDER = "ngo-directory-pages"
FORMAT = 1
# Settings keys of the build's own objects, never digested.
PAGE_CACHE_KEY = "_NGO_DIRECTORY_PAGE_CACHE"
PUBLISHED_KEY = "_NGO_DIRECTORY_PUBLISHED"  # the output folder this build replaces
# What Pelican's writer sets for each page from its address and the settings (in the key).
WRITER_NAMES = frozenset({"output_file", "localsiteurl"})
ABSENT = "absent"
PACKAGE = Path(__file__).resolve().parent.parent


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _pickled_digest(value: object) -> str | None:
    """A digest of ``value``'s pickle, or None when it cannot be pickled."""
    try:
        return _digest(pickle.dumps(value, protocol=5))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError, ValueError):
        return None


# Recording ---------------------------------------------------------------------------------
_recording: set[str] | None = None


class RecordingContext(Context):
    """Jinja's context, noting each name a template resolves while a page is recorded."""

    def resolve_or_missing(self, key: str) -> Any:
        if _recording is not None:
            _recording.add("g:" + key)
        return super().resolve_or_missing(key)


class RecordingMapping(Mapping[str, Any]):
    """One of the directory's mappings (``ngos``, ``regions``...), noting what is read of it."""

    def __init__(self, kind: str, mapping: Mapping[str, Any], deps: set[str]):
        self._kind, self._mapping, self._deps = kind, mapping, deps

    def __getitem__(self, slug: str) -> Any:
        self._deps.add(f"d:{self._kind}:{slug}")
        return self._mapping[slug]

    def __contains__(self, slug: object) -> bool:
        self._deps.add(f"d:{self._kind}:{slug}")
        return slug in self._mapping

    def get(self, slug: str, default: Any = None) -> Any:
        self._deps.add(f"d:{self._kind}:{slug}")
        return self._mapping.get(slug, default)

    def __iter__(self) -> Iterator[str]:
        self._deps.add(f"d:{self._kind}")
        return iter(self._mapping)

    def __len__(self) -> int:
        self._deps.add(f"d:{self._kind}")
        return len(self._mapping)


# The directory's mappings by slug, read record by record.
MAPPINGS = ("ngos", "partners", "meetings", "regions", "themes")


class RecordingDirectory:
    """The directory as templates and filters read it while a page renders: a record read by
    slug is a dependency on that record alone; anything else it offers (its indexes, its
    counts) a dependency on the whole directory."""

    def __init__(self, directory: Any, deps: set[str]):
        self._directory, self._deps = directory, deps

    def organisation(self, slug: str) -> Any:
        self._deps.update((f"d:ngos:{slug}", f"d:partners:{slug}"))
        return self._directory.organisation(slug)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._directory, name)
        if name in MAPPINGS:
            return RecordingMapping(name, value, self._deps)
        self._deps.add("d:*")
        return value


# What every page is made with --------------------------------------------------------------
def _described(value: object) -> str:
    name = getattr(value, "__qualname__", None)
    if name is not None and "<locals>" not in name:
        return f"{getattr(value, '__module__', '')}.{name}"
    return repr(value)  # an address in a repr: never the same twice, so never reused


def _loader_folders(loader: BaseLoader | None) -> list[str] | None:
    """Every folder the environment's templates come from, or None for a loader that is not
    made of folders."""
    if isinstance(loader, FileSystemLoader):
        return [str(folder) for folder in loader.searchpath]
    if isinstance(loader, ChoiceLoader):
        parts = [_loader_folders(one) for one in loader.loaders]
    elif isinstance(loader, PrefixLoader):
        parts = [_loader_folders(one) for one in loader.mapping.values()]
    else:
        return None
    if any(part is None for part in parts):
        return None
    return [folder for part in parts if part is not None for folder in part]


def _folder_digest(folder: Path, into: Any) -> None:
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(parent, name)
            into.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
            with open(path, "rb") as handle:
                into.update(_digest(handle.read()).encode())


def _versions() -> dict[str, str]:
    """The versions of the libraries this package runs on."""
    found = {"python": sys.version}
    for requirement in requires("ngo-directory") or ():
        name = requirement.split(";")[0].split("[")[0]
        name = name.split(">")[0].split("<")[0].split("=")[0].split("!")[0].split("~")[0].strip()
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "missing"
    return found


def code_and_settings_key(env: Environment, settings: Mapping[str, Any], skip: frozenset[str]) -> str | None:
    """A digest of everything besides its own plan that every page is made with: this package
    (code, templates, catalogues), every template folder, the libraries' versions and the
    settings (but ``skip``). None when something of it cannot be described."""
    folders = _loader_folders(env.loader)
    if folders is None:
        return None
    try:
        described = json.dumps(
            {key: value for key, value in settings.items() if key not in skip},
            sort_keys=True,
            default=_described,
        )
        versions = json.dumps(_versions(), sort_keys=True)
    except (TypeError, ValueError, PackageNotFoundError):
        return None
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{described}\0{versions}\0".encode("utf-8", "surrogatepass"))
    for folder in [str(PACKAGE), *folders]:
        digest.update(folder.encode("utf-8", "surrogateescape") + b"\0")
        if os.path.isdir(folder):
            _folder_digest(Path(folder), digest)
    return digest.hexdigest()


# The manifest ------------------------------------------------------------------------------
Entry = tuple[str, list[str], int, int, int]  # key, dependencies, size, mtime_ns, inode


# The output folder a manifest is for, near its start (``finish`` writes it second).
_SITE = re.compile(rb'"site":("(?:[^"\\]|\\.)*")')


def _manifest(raw: object, published: str) -> tuple[dict[str, str], dict[str, Entry]]:
    """The digests and pages of a manifest's JSON, or none if any part is not what a build
    writes or it is another output folder's."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("site") != published:
        return {}, {}
    names, pages = raw.get("dependencies"), raw.get("pages")
    if not isinstance(names, list) or not isinstance(pages, dict):
        return {}, {}
    if not all(isinstance(n, list) and len(n) == 2 and all(isinstance(x, str) for x in n) for n in names):
        return {}, {}
    digests = {name: digest for name, digest in names}
    entries: dict[str, Entry] = {}
    for save_as, value in pages.items():
        if not (isinstance(value, list) and len(value) == 5 and isinstance(value[0], str)):
            return {}, {}
        key, deps, size, mtime, inode = value
        if not (isinstance(deps, list) and all(type(i) is int and 0 <= i < len(names) for i in deps)):
            return {}, {}
        if not all(type(number) is int for number in (size, mtime, inode)):
            return {}, {}
        entries[save_as] = (key, [names[i][0] for i in deps], size, mtime, inode)
    return digests, entries


class PageCache:
    """The page cache of one build into ``published``: the manifest the last build left, the
    pages this build rendered or reused (each worker writes its own part), and the digests."""

    def __init__(self, folder: Path, published: Path) -> None:
        self.folder = folder
        self.published = published
        self.file = folder / (
            hashlib.sha256(str(published).encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json"
        )
        self.site_key: str | None = None
        self.context: Mapping[str, Any] = {}
        self.directory: Any = None
        self.found_digests: dict[str, str] = {}
        self.found: dict[str, Entry] = {}
        self.digests: dict[str, str | None] = {}
        self.made: dict[str, tuple[str, list[str]]] = {}
        self.reused = self.rendered = 0
        self.parts: Path | None = None
        self.token = uuid.uuid4().hex
        try:
            raw = json.loads(self.file.read_text("utf-8"))
            self.found_digests, self.found = _manifest(raw, str(published))
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as error:
            logger.info("The page cache %s could not be read (%s); every page is rendered", self.file, error)

    def start(self, site_key: str | None, context: Mapping[str, Any], directory: Any) -> None:
        """Before any page: what every page is made with, Pelican's context and the directory;
        and the folder the workers leave their parts in."""
        self.site_key, self.context, self.directory = site_key, context, directory
        self.digests = {}
        if site_key is None:
            logger.info("The page cache is off for this build: its code or settings cannot be described")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.parts = Path(tempfile.mkdtemp(prefix=".parts-", dir=self.folder))
        except OSError as error:
            logger.info("The page cache %s cannot be written (%s)", self.folder, error)
            self.parts = None

    def key(self, plan: object) -> str | None:
        """The key of a page made from ``plan`` (everything of it that is the page's own)."""
        if self.site_key is None:
            return None
        digest = _pickled_digest((self.site_key, plan))
        return digest

    def digest(self, dependency: str) -> str | None:
        """The digest of a dependency's value in this build."""
        if dependency in self.digests:
            return self.digests[dependency]
        kind, _, name = dependency.partition(":")
        value: object
        if kind == "g":
            value = self.context.get(name, ABSENT)
        elif name == "*":
            value = self.directory
        elif ":" in name:
            mapping, _, slug = name.partition(":")
            value = getattr(self.directory, mapping).get(slug, ABSENT)
        else:
            value = getattr(self.directory, name)
        found = self.digests[dependency] = _pickled_digest(value)
        return found

    def reusable(self, save_as: str, key: str | None) -> Path | None:
        """The published file of a page whose key is ``key``, if the last build made it from the
        same inputs and it is still the file that build wrote; else None."""
        entry = self.found.get(save_as)
        if key is None or entry is None or entry[0] != key:
            return None
        _, deps, size, mtime, inode = entry
        if any(self.digest(dep) is None or self.digest(dep) != self.found_digests.get(dep) for dep in deps):
            return None
        path = self.published / save_as
        try:
            found = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(found.st_mode) or (found.st_size, found.st_mtime_ns, found.st_ino) != (
            size,
            mtime,
            inode,
        ):
            return None
        return path

    def reuse(self, save_as: str, key: str, published: Path, target: Path) -> bool:
        """Link the published file into the new site; False if it cannot be linked."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(published, target, follow_symlinks=False)
        except OSError:
            return False
        self.made[save_as] = (key, list(self.found[save_as][1]))
        self.reused += 1
        return True

    def render(
        self, save_as: str, key: str | None, own: Collection[str], write: Callable[[set[str]], None]
    ) -> None:
        """Render a page with ``write``, recording what it reads, and note it for the next build
        when every dependency can be digested. ``own`` are the names the page is given itself
        (in its key): only the other names it resolves in Pelican's context are dependencies."""
        global _recording  # one page renders at a time in each process
        deps: set[str] = set()
        _recording = deps
        try:
            write(deps)
        finally:
            _recording = None
        self.rendered += 1
        if key is None:
            return
        kept = sorted(
            dep
            for dep in deps
            if not dep.startswith("g:")
            or (dep[2:] in self.context and dep[2:] not in own and dep[2:] not in WRITER_NAMES)
        )
        if all(self.digest(dep) is not None for dep in kept):
            self.made[save_as] = (key, kept)

    def save_part(self, index: int) -> None:
        """What this process made, for the build to gather once every worker is done."""
        if self.parts is None:
            return
        part = {
            "made": self.made,
            "digests": {dep: self.digests[dep] for _, deps in self.made.values() for dep in deps},
            "reused": self.reused,
            "rendered": self.rendered,
        }
        (self.parts / f"{index}.json").write_text(json.dumps(part), "utf-8")

    def finish(self, site: Path) -> None:
        """Once the new site is complete (and before it replaces the published one): write the
        manifest of its pages, with each file as it is in ``site``."""
        if self.parts is None:
            return
        made: dict[str, tuple[str, list[str]]] = {}
        digests: dict[str, str] = {}
        reused = rendered = 0
        try:
            for part in sorted(self.parts.glob("*.json")):
                data = json.loads(part.read_text("utf-8"))
                made.update(data["made"])
                digests.update(data["digests"])
                reused, rendered = reused + data["reused"], rendered + data["rendered"]
        except (OSError, ValueError, KeyError) as error:
            logger.info("The page cache's parts could not be read (%s)", error)
            self.discard()
            return
        logger.info("%d pages rendered, %d reused from the last build", rendered, reused)
        names: dict[str, int] = {}
        pages: dict[str, list[object]] = {}
        for save_as, (key, deps) in made.items():
            try:
                found = os.lstat(site / save_as)
            except OSError:
                continue
            indexes = [names.setdefault(dep, len(names)) for dep in deps]
            pages[save_as] = [key, indexes, found.st_size, found.st_mtime_ns, found.st_ino]
        manifest = {
            "format": FORMAT,
            "site": str(self.published),
            "dependencies": [[dep, digests[dep]] for dep in names],
            "pages": pages,
        }
        try:
            handle, temporary = tempfile.mkstemp(prefix=".manifest-", dir=self.folder)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(manifest, stream, separators=(",", ":"))
            os.replace(temporary, self.file)
        except OSError as error:
            logger.info("The page cache %s could not be written (%s)", self.file, error)
        self.discard()
        self.forget_removed_sites()

    def forget_removed_sites(self) -> None:
        """Remove the manifests of output folders that no longer exist (a test's, a moved site's)."""
        for other in self.folder.glob("*.json"):
            try:
                with open(other, "rb") as stream:
                    found = _SITE.search(stream.read(4096))
                site = json.loads(found.group(1)) if found else None
                if other != self.file and isinstance(site, str) and not os.path.isdir(site):
                    other.unlink()
            except (OSError, ValueError):
                continue

    def discard(self) -> None:
        """Remove the workers' parts (a failed build leaves the manifest as it was)."""
        if self.parts is not None:
            shutil.rmtree(self.parts, ignore_errors=True)
            self.parts = None
