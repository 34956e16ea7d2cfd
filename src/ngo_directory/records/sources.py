"""The files contributors supply, listed and read without trusting them.

A record or press release could be a symbolic link to a file elsewhere on the build host, a
link to ``/dev/zero``, a named pipe, or simply huge. Everything here looks at a file with
``lstat`` before opening it, opens it without following links, and reads no more than the
limit, so nothing outside the project is ever read and nothing can hang or exhaust the build.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..i18n import N_
from ..problems import Message, Problem, printable

LINK_HINT = Message(N_("replace the link with the file itself; records and texts must be ordinary files"))
SPECIAL_HINT = Message(N_("remove it; only ordinary files belong here"))


def relative(path: Path, root: Path) -> str | None:
    """``path.relative_to(root).as_posix()``, or None when ``path`` is not inside ``root``.

    A path's text is its parts joined by '/' (on POSIX), so when it starts with ``root``'s text
    and a '/', the rest is its parts after ``root``'s: read from the text, without the parts
    (``relative_to`` was a tenth of ``validate``'s time at size M). Anything else ('.', '/',
    Windows) is left to ``relative_to``."""
    whole, base = str(path), str(root)
    if (
        os.sep == "/"
        and base not in (".", "/", "//")
        and len(whole) > len(base) + 1
        and whole[len(base)] == "/"
        and whole.startswith(base)
    ):
        return whole[len(base) + 1 :]
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def display(path: Path, root: Path) -> str:
    """``path`` as messages name it: relative to ``root`` (the project) when inside it."""
    inside = relative(path, root)
    return path.as_posix() if inside is None else inside


def _refusal(mode: int, file: str) -> Problem | None:
    if stat.S_ISLNK(mode):
        return Problem(file, 1, 1, "", Message(N_("is a symbolic link")), LINK_HINT)
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return Problem(
            file, 1, 1, "", Message(N_("is not an ordinary file (a device, pipe or socket)")), SPECIAL_HINT
        )
    return None


def _unreadable(file: str) -> Problem:
    return Problem(
        file,
        1,
        1,
        "",
        Message(N_("file cannot be read")),
        Message(N_("check that it exists and is an ordinary file")),
    )


def not_a_file(path: Path, file: str) -> Problem | None:
    """A problem if ``path`` is a symbolic link or anything but a file or folder."""
    try:
        return _refusal(os.lstat(path).st_mode, file)
    except OSError:
        return _unreadable(file)


def too_large(size: int, file: str, max_bytes: int) -> Problem:
    return Problem(
        file,
        1,
        1,
        "",
        Message(
            N_("file is %(size)s bytes, over the limit of %(limit)s"),
            size=f"{size:,}",
            limit=f"{max_bytes:,}",
        ),
        Message(N_("shorten the text or link to a longer document")),
    )


def read_bytes(path: Path, file: str, max_bytes: int) -> tuple[bytes | None, Problem | None]:
    """The bytes of an ordinary file of at most ``max_bytes``, or the problem that stops it.

    The type and size are checked before opening, the file is opened without following a link,
    and checked again once open, so a file swapped for a link in between is refused too."""
    try:
        info = os.lstat(path)
    except OSError:
        return None, _unreadable(file)
    refused = _refusal(info.st_mode, file)
    if refused is None and stat.S_ISDIR(info.st_mode):
        refused = Problem(
            file,
            1,
            1,
            "",
            Message(N_("is a folder, not a file")),
            Message(N_("move the files inside it up a level")),
        )
    if refused is None and info.st_size > max_bytes:
        refused = too_large(info.st_size, file, max_bytes)
    if refused is not None:
        return None, refused
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None, _unreadable(file)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None, _unreadable(file)
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return None, too_large(len(raw), file, max_bytes)
    return raw, None


def has_hidden_characters(name: str) -> bool:
    """True when a file name holds a control or invisible character."""
    return printable(name) != name


def walk(folder: Path) -> Iterator[Path]:
    """Every file, folder and link under ``folder``, sorted, without following links."""
    for parent, folders, files in os.walk(folder, followlinks=False):
        folders.sort()
        base = Path(parent)
        for name in sorted(files + [f for f in folders if os.path.islink(base / f)]):
            yield base / name


def case_clash(file: str, first: str) -> Problem:
    """``file``'s name differs from ``first``'s only in upper and lower case: a checkout on
    Windows or macOS, whose file systems ignore case, keeps only one of the two."""
    return Problem(
        file,
        1,
        1,
        "",
        Message(N_("file name differs from %(file)s only in upper and lower case"), file=first),
        Message(N_("keep one of the two files: Windows and macOS checkouts cannot hold both")),
    )


def case_clashes(folder: Path, root: Path) -> list[Problem]:
    """A problem for each file under ``folder`` whose path differs from an earlier one's only
    in case (``press/W10.md`` beside ``press/w10.md``, or under ``Press/``)."""
    seen: dict[str, str] = {}
    problems = []
    for path in walk(folder):
        key = str(relative(path, folder)).casefold()
        file = display(path, root)
        if key in seen:
            problems.append(case_clash(file, seen[key]))
        else:
            seen[key] = file
    return problems


def wrong_case_names(folder: Path, names: Iterable[str], root: Path) -> list[Problem]:
    """A problem for each entry of ``folder`` whose name is one of ``names`` in other case
    (``NGOS/`` for ``ngos/``): it is never read as that, so its records would be left out (or
    a ``Press/`` folder's releases read as pages) without a word."""
    wanted = {name.casefold(): name for name in names}
    if not folder.is_dir() or folder.is_symlink():
        return []
    problems = []
    for path in sorted(folder.iterdir()):
        name = wanted.get(path.name.casefold())
        if name is not None and path.name != name:
            problems.append(
                Problem(
                    display(path, root),
                    1,
                    1,
                    "",
                    Message(
                        N_(
                            "'%(found)s' differs from '%(name)s' only in upper and lower case, "
                            "so it is not read as '%(name)s'"
                        ),
                        found=path.name,
                        name=name,
                    ),
                    Message(N_("rename it to '%(name)s'"), name=name),
                )
            )
    return problems


def unsafe_files(
    folder: Path,
    root: Path,
    *,
    skip_hidden: bool = False,
    max_bytes: int | None = None,
    check_names: bool = False,
) -> list[Problem]:
    """A problem for each link, device, pipe or socket under ``folder`` (and for ``folder``
    itself when it is a link), with ``max_bytes`` for each Markdown or YAML file over it, and
    with ``check_names`` for each name holding a control or invisible character (record file
    names have the stricter slug rule instead). Pelican follows links and reads whole files, so
    the build runs this before it reads any."""
    if not folder.exists() and not folder.is_symlink():
        return []
    problems = []
    if folder.is_symlink():
        problems.append(
            Problem(display(folder, root), 1, 1, "", Message(N_("is a symbolic link")), LINK_HINT)
        )
        return problems
    for path in walk(folder):
        if skip_hidden and any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        try:
            info: os.stat_result | None = os.lstat(path)
        except OSError:
            info = None
        # Named for a message only when there is one: an ordinary file or folder has none here.
        ordinary = info is not None and (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode))
        problem = None if ordinary else not_a_file(path, display(path, root))
        if problem is None and check_names and has_hidden_characters(path.name):
            problem = Problem(
                display(path, root),
                1,
                1,
                "",
                Message(N_("file name holds a control or invisible character")),
                Message(N_("rename it with letters, digits, hyphens and dots only")),
            )
        if problem is None and max_bytes is not None and path.suffix in (".md", ".yaml"):
            size = info.st_size if info is not None else os.lstat(path).st_size
            problem = too_large(size, display(path, root), max_bytes) if size > max_bytes else None
        if problem is not None:
            problems.append(problem)
    return problems + (case_clashes(folder, root) if check_names else [])
