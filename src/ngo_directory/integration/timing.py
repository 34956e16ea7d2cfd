"""Where a build spends its time: wall and CPU time per named phase, for ``ngo-directory bench``.

The build wraps its phases in ``with phase("render and write"):``. Recording is off unless a
process turns it on (``RECORDER.enable()``, as the bench's build process does); off, ``phase``
returns one shared do-nothing context manager and ``mark`` returns at once, so a normal build
pays a function call per phase and nothing more.

CPU time is the process's own (``time.process_time``); the CPU time of child processes that
finished within the phase (Pagefind, for the search index) is kept apart as ``children_cpu``."""

from __future__ import annotations

import os
import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from types import TracebackType
from typing import Any


def _children_cpu() -> float:
    """CPU seconds of the child processes waited for so far (user and system)."""
    times = os.times()
    return times.children_user + times.children_system


@dataclass
class Phase:
    """The time spent in one named phase, summed over every time it ran."""

    wall: float = 0.0
    cpu: float = 0.0
    children_cpu: float = 0.0
    calls: int = 0
    first_wall: float | None = None  # time.perf_counter() when it first started
    first_cpu: float | None = None  # time.process_time() then


@dataclass(frozen=True)
class Mark:
    """A moment of the build (the first time it was marked)."""

    wall: float
    cpu: float


class Recorder:
    """The phases and marks of one process's builds."""

    def __init__(self) -> None:
        self.enabled = False
        self.phases: dict[str, Phase] = {}
        self.marks: dict[str, Mark] = {}

    def enable(self) -> None:
        self.enabled = True

    def disable(self) -> None:
        self.enabled = False

    def reset(self) -> None:
        self.phases.clear()
        self.marks.clear()

    def mark(self, name: str) -> None:
        if self.enabled and name not in self.marks:
            self.marks[name] = Mark(time.perf_counter(), time.process_time())

    def since(self, mark: str, phase: str) -> tuple[float, float] | None:
        """Wall and CPU seconds from ``mark`` to the first start of ``phase``, if both happened."""
        start, end = self.marks.get(mark), self.phases.get(phase)
        if start is None or end is None or end.first_wall is None or end.first_cpu is None:
            return None
        return end.first_wall - start.wall, end.first_cpu - start.cpu

    def merge_parallel(self, phases: dict[str, Any]) -> None:
        """Add the phases a worker process recorded (``as_json``) while this one ran the same
        phases alongside: CPU times add up, wall time is the longest of the two."""
        for name, times in phases.items():
            totals = self.phases.setdefault(name, Phase())
            totals.wall = max(totals.wall, float(times["wall"]))
            totals.cpu += float(times["cpu"])
            totals.children_cpu += float(times["children_cpu"])
            totals.calls += int(times["calls"])

    def as_json(self) -> dict[str, Any]:
        """Every phase's wall, CPU and children's CPU seconds and number of calls, in the order
        the phases first ran."""
        return {
            name: {
                "wall": p.wall,
                "cpu": p.cpu,
                "children_cpu": p.children_cpu,
                "calls": p.calls,
            }
            for name, p in self.phases.items()
        }


class _Timed:
    __slots__ = ("children", "cpu", "name", "recorder", "wall")

    def __init__(self, recorder: Recorder, name: str) -> None:
        self.recorder, self.name = recorder, name
        self.wall = self.cpu = self.children = 0.0

    def __enter__(self) -> None:
        self.children = _children_cpu()
        self.cpu = time.process_time()
        self.wall = time.perf_counter()
        totals = self.recorder.phases.setdefault(self.name, Phase())
        if totals.first_wall is None:
            totals.first_wall, totals.first_cpu = self.wall, self.cpu

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        totals = self.recorder.phases[self.name]
        totals.wall += wall - self.wall
        totals.cpu += cpu - self.cpu
        totals.children_cpu += children - self.children
        totals.calls += 1


RECORDER = Recorder()
_OFF: AbstractContextManager[None] = nullcontext()


def phase(name: str) -> AbstractContextManager[None]:
    """Time the code inside ``with phase(name):`` when recording is on; nothing when it is off."""
    if not RECORDER.enabled:
        return _OFF
    return _Timed(RECORDER, name)


def mark(name: str) -> None:
    """Note the moment ``name`` happened (the first time only), when recording is on."""
    RECORDER.mark(name)
