"""Share the writing of a planned site between processes, one per core.

Everything is planned before anything is written, so the writing splits cleanly: worker ``i`` of
``n`` writes the pages whose index is ``i`` modulo ``n``. The workers are forked from the build
once the plan is made, so they share it without copying or pickling it; each writes its own
files, which are the same bytes whichever worker writes them. What a worker logs comes back to
the build, so a warning still fails it; a worker that fails fails the build with its error."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable

from .timing import RECORDER

logger = logging.getLogger(__name__)


# Fewer pages than this per worker are written faster in one process than by starting another.
PAGES_PER_WORKER = 1000


def auto_workers(pages: int) -> int:
    """How many workers write ``pages`` pages when the settings leave it to the build: one per
    core, but no more than one per PAGES_PER_WORKER pages."""
    return max(1, min(os.cpu_count() or 1, pages // PAGES_PER_WORKER))


class WorkerFailed(RuntimeError):
    """A worker process raised an exception or died."""


class _Forward(logging.Handler):
    """Send each log record of a worker to the build, one JSON line each."""

    def __init__(self, stream: int):
        super().__init__(logging.DEBUG)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        line = {"log": record.name, "level": record.levelno, "message": record.getMessage()}
        _send(self.stream, line)


def _send(stream: int, message: dict[str, object]) -> None:
    data = (json.dumps(message) + "\n").encode()
    while data:
        data = data[os.write(stream, data) :]


def _child(work: Callable[[int, int], None], index: int, count: int, stream: int) -> None:
    """Run in a forked worker: do its share, report, and leave without running the parent's
    exit handlers (the test runner's, Pelican's)."""
    status = 1
    try:
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
        root.addHandler(_Forward(stream))
        RECORDER.reset()  # this worker's own phases, sent back for the build's figures
        work(index, count)
        if RECORDER.enabled:
            _send(stream, {"phases": RECORDER.as_json()})
        status = 0
    except BaseException:  # everything is reported to the build
        _send(stream, {"error": traceback.format_exc()})
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def in_workers(work: Callable[[int, int], None], count: int) -> None:
    """Call ``work(index, count)`` for every index below ``count``: index 0 in this process and
    the others in forked workers, all at once; return when all are done. Raise WorkerFailed
    if any worker failed; re-log in this process whatever the workers logged."""
    if count <= 1 or not hasattr(os, "fork"):
        work(0, 1)
        return
    children: list[tuple[int, int]] = []
    for index in range(1, count):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover  (runs in the child, which never returns)
            os.close(read)
            _child(work, index, count, write)
        os.close(write)
        children.append((pid, read))
    # Each worker's messages are read as they come (a full pipe would stop the worker) and
    # logged here once all are done, in worker order.
    received: list[list[dict[str, object]]] = [[] for _ in children]
    readers = [
        threading.Thread(target=_drain, args=(read, received[n]), daemon=True)
        for n, (_, read) in enumerate(children)
    ]
    for reader in readers:
        reader.start()
    failure: BaseException | None = None
    try:
        work(0, count)
    except BaseException as error:  # the workers are waited for first
        failure = error
    errors = []
    for (pid, _), reader, messages in zip(children, readers, received, strict=True):
        _, status = os.waitpid(pid, 0)
        reader.join()
        for message in messages:
            if "error" in message:
                errors.append(str(message["error"]))
            elif "phases" in message:
                RECORDER.merge_parallel(message["phases"])  # type: ignore[arg-type]
            else:
                logging.getLogger(str(message["log"])).log(
                    int(str(message["level"])), "%s", message["message"]
                )
        if status != 0 and not any("error" in message for message in messages):
            errors.append(f"a worker process ended with status {status}")
    if failure is not None:
        raise failure
    if errors:
        raise WorkerFailed("a worker failed:\n" + "\n".join(errors))


def _drain(read: int, into: list[dict[str, object]]) -> None:
    with os.fdopen(read, "rb") as stream:
        for line in stream:
            into.append(json.loads(line))
