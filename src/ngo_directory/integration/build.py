"""Build the site with Pelican into a fresh folder, and swap it in only when all went well."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from ..problems import printable
from .page_cache import PAGE_CACHE_KEY, PUBLISHED_KEY, PageCache


class BuildFailed(Exception):
    """Pelican logged warnings or errors; the previous site was left as it was."""

    def __init__(self, messages: list[str]):
        self.messages = tuple(messages)  # each logged line, as 'WARNING: ...', on one line
        super().__init__("the build logged problems:\n" + "\n".join(messages))


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Messages may quote file names and metadata: keep each on one line.
        self.messages.append(f"{record.levelname}: {printable(record.getMessage())}")


def _publishable(folder: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask: ``mkdtemp`` makes its folder 0700, and a
    web server running as another user, or ``rsync -a`` to one, would then serve only 403s."""
    os.chmod(folder, 0o755)  # noqa: S103  (a published site is meant to be world-readable)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), 0o755)  # noqa: S103  (as above)
        for name in files:
            os.chmod(os.path.join(parent, name), 0o644)


def _same_bytes(one: str, other: str) -> bool:
    with open(one, "rb") as a, open(other, "rb") as b:
        while True:
            chunk = a.read(1 << 20)
            if chunk != b.read(1 << 20):
                return False
            if not chunk:
                return True


def keep_unchanged(new: Path, old: Path) -> tuple[int, int]:
    """Make every file of ``new`` whose bytes are those of the same file in ``old`` the old file
    itself (a hard link to it), so that once ``new`` replaces ``old`` the files that did not
    change were not rewritten: they keep their modification time, and so their Last-Modified and
    ETag, and a returning visitor's browser revalidates them with a 304 instead of fetching them
    again; ``rsync`` skips them too. Returns (files kept, files in ``new``)."""
    kept = total = 0
    for parent, _folders, names in os.walk(new):
        relative = os.path.relpath(parent, new)
        for name in names:
            total += 1
            fresh = os.path.join(parent, name)
            previous = os.path.join(old, relative, name)
            try:
                before, after = os.lstat(previous), os.lstat(fresh)
                if os.path.samestat(before, after):  # linked already (page_cache.py)
                    kept += 1
                    continue
                if not stat.S_ISREG(before.st_mode) or before.st_size != after.st_size:
                    continue
                if not _same_bytes(fresh, previous):
                    continue
                temporary = fresh + ".unchanged"
                os.link(previous, temporary, follow_symlinks=False)
                os.replace(temporary, fresh)
            except OSError:  # gone, unreadable, or on another file system: keep the new file
                continue
            kept += 1
    return kept, total


def _swap(new: Path, final: Path) -> None:
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.rename(final, old)
    os.rename(new, final)
    if old is not None:
        shutil.rmtree(old)


def site_settings(settings_file: Path) -> dict[str, Any]:
    """The settings a build with ``settings_file`` uses, as Pelican reads them."""
    from pelican.settings import read_settings

    return dict(read_settings(str(Path(settings_file).resolve())))


def build_site(
    settings_file: Path,
    output: Path | None = None,
    overrides: dict[str, Any] | None = None,
    *,
    quiet: bool = False,
) -> Path:
    """Build into a sibling temporary folder and replace ``output`` with it on success.

    Any warning or error that Pelican or a plugin logs fails the build, as
    ``pelican --fatal warnings`` would; nothing is written to ``output`` then. ``quiet`` leaves
    out Pelican's English "Done: Processed ..." line, for a caller that says in the reader's
    language what was built.
    """
    from pelican import Pelican
    from pelican.log import console
    from pelican.settings import read_settings

    settings_path = str(Path(settings_file).resolve())
    overrides = dict(overrides or {})
    final = Path(output or read_settings(settings_path, override=overrides)["OUTPUT_PATH"]).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))
    overrides.update(
        {"OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False, PUBLISHED_KEY: str(final)}
    )
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    settings: dict[str, Any] = {}
    was_quiet, console.quiet = console.quiet, quiet or console.quiet
    try:
        settings = read_settings(settings_path, override=overrides)
        Pelican(settings).run()
        if collector.messages:
            raise BuildFailed(collector.messages)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(cache := settings.get(PAGE_CACHE_KEY), PageCache):
            cache.discard()
        raise
    finally:
        root.removeHandler(collector)
        console.quiet = was_quiet
    _publishable(staging)
    if final.is_dir():
        started = time.perf_counter()
        kept, total = keep_unchanged(staging, final)
        logging.getLogger(__name__).info(
            "%s of %s files unchanged, kept as they were (%.1f s)", kept, total, time.perf_counter() - started
        )
    if isinstance(cache := settings.get(PAGE_CACHE_KEY), PageCache):
        cache.finish(staging)
    _swap(staging, final)
    return final
