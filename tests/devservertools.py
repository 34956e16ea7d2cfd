"""The dev server as a contributor runs it, for the tests and benchmarks/devserver_reload.py: a
copy of the project to run it in, and `python -m ngo_directory.contribute.devserver` read line
by line."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sitetools import ROOT, copy_project

# Conditions are waited on; this is only the bound after which a wait gives up.
WAIT_S = 90.0


def project_copy(folder: Path) -> Path:
    """A copy of the project's records and content in ``folder``, with a settings file of its
    own (the theme stays the repository's); returns ``folder``."""
    copy_project(folder)
    settings = (ROOT / "pelicanconf.py").read_text("utf-8")
    settings += f"\nTHEME = {str(ROOT / 'theme')!r}\n"
    (folder / "pelicanconf.py").write_text(settings, "utf-8")
    return folder


class Running:
    """`python -m ngo_directory.contribute.devserver -p 0` in a project, what it prints kept
    line by line (``lines``) as it comes."""

    def __init__(self, project: Path, *options: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ngo_directory.contribute.devserver", "-p", "0", *options],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[str] = []
        self._said = threading.Condition()
        self._ended = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._said:
                self.lines.append(line.rstrip("\n"))
                self._said.notify_all()
        with self._said:
            self._ended = True
            self._said.notify_all()

    def wait_for(self, wanted: Callable[[str], bool], start: int = 0) -> str:
        """The first line from ``lines[start]`` on for which ``wanted`` is true, once printed."""
        deadline = time.monotonic() + WAIT_S
        with self._said:
            while True:
                found = next((line for line in self.lines[start:] if wanted(line)), None)
                if found is not None:
                    return found
                if self._ended:
                    raise AssertionError("the dev server stopped:\n" + "\n".join(self.lines))
                if not self._said.wait(deadline - time.monotonic()):
                    raise AssertionError("the dev server did not say it:\n" + "\n".join(self.lines))

    def stop(self) -> int:
        """Stop it as Ctrl-C does; its exit status."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=WAIT_S)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._reader.join()
            assert self.process.stdout is not None
            self.process.stdout.close()
