"""What the dev server knows of its last build, shared by the thread that builds and the threads
that serve pages: whether it worked, what was wrong, and which site is being served."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass

from ..integration.build import BuildFailed
from ..problems import Problem, ValidationFailed, printable
from ..settings import SettingsError

# Failures that explain themselves: invalid records, settings, or warnings the build logged.
# Any other exception (a template or settings file half-way through an edit) is shown with its
# type.
EXPLAINED = (BuildFailed, ValidationFailed, SettingsError)

# A problem as `validate` words it, or a line the build logged (not translated: Pelican's own).
Entry = Problem | str


def entries_of(error: BaseException) -> tuple[Entry, ...]:
    """What went wrong in a failed build, one entry a line: the problems of invalid records and
    texts, the lines Pelican logged, or the error's own text, each made printable."""
    if isinstance(error, ValidationFailed):
        return tuple(error.problems)
    if isinstance(error, BuildFailed):
        return error.messages
    text = str(error) if isinstance(error, EXPLAINED) else f"{type(error).__name__}: {error}"
    return tuple(printable(line) for line in text.splitlines() if line.strip()) or (type(error).__name__,)


def entry_text(entry: Entry, language: str) -> str:
    """An entry in ``language``: a problem as `validate --lang` prints it, a logged line as it is."""
    return entry.localized(language) if isinstance(entry, Problem) else entry


@dataclass(frozen=True)
class Build:
    """The outcome of the last build.

    ``number`` counts builds since the server started; ``site`` names the site being served (a
    new random token each time a build succeeds, '' while there is none), so a page served with
    one token is out of date once ``site`` is another; ``problems`` is empty when it worked."""

    number: int
    site: str
    problems: tuple[Entry, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def new_site_token() -> str:
    return secrets.token_hex(8)


class BuildStatus:
    """The last build's ``Build``; waiters wake when it changes or the server closes."""

    def __init__(self, has_site: bool):
        self._changed = threading.Condition()
        self._current = Build(0, new_site_token() if has_site else "")
        self._closed = False

    @property
    def current(self) -> Build:
        with self._changed:
            return self._current

    @property
    def closed(self) -> bool:
        with self._changed:
            return self._closed

    def succeeded(self) -> Build:
        """A build swapped in a new site."""
        return self._set(lambda now: Build(now.number + 1, new_site_token()))

    def failed(self, problems: tuple[Entry, ...]) -> Build:
        """A build failed: the site being served stays as it was."""
        return self._set(lambda now: Build(now.number + 1, now.site, problems))

    def close(self) -> None:
        """The server is stopping: wake every waiter for good."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait(self, seen: Build, timeout: float) -> Build | None:
        """The build after ``seen``, once there is one; None after ``timeout`` seconds without
        one, or once the server is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._current is not seen or self._closed, timeout)
            return None if self._closed or self._current is seen else self._current

    def _set(self, change: Callable[[Build], Build]) -> Build:
        with self._changed:
            self._current = change(self._current)
            self._changed.notify_all()
            return self._current
