"""How long the loader takes to refuse hostile records: an alias bomb, nesting thousands of
levels deep, and a file at the size limit.

    .venv/bin/python benchmarks/hostile_records.py [--repeat 20]

The tests check what is refused and with which message; how fast lives here, where a slow run
on a busy machine cannot fail the suite. Each line is the best of ``--repeat`` runs."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from ngo_directory.records.loader import DEFAULT_MAX_BYTES, load_bytes


def alias_bomb() -> bytes:
    lines = ["a0: &a0 {" + ", ".join(f"k{i}: lol" for i in range(9)) + "}"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} {{" + ", ".join(f"k{i}: *a{level - 1}" for i in range(9)) + "}")
    return ("\n".join(lines) + "\n").encode()


CASES: dict[str, Callable[[], bytes]] = {
    "alias bomb (9 levels of 9 aliases)": alias_bomb,
    "[ nested 10,000 deep": lambda: ("[" * 10_000 + "]" * 10_000).encode(),
    "{a: nested 10,000 deep": lambda: ("{a: " * 10_000 + "x" + "}" * 10_000).encode(),
    "record at the size limit": lambda: (
        "description: |\n" + ("  " + "x" * 78 + "\n") * (DEFAULT_MAX_BYTES // 81 - 1)
    ).encode(),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    for name, make in CASES.items():
        raw = make()
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            _, problems = load_bytes(raw, "x.yaml")
            best = min(best, time.perf_counter() - started)
        print(f"{name:40} {len(raw):>9,} bytes  {best * 1000:8.2f} ms  {len(problems)} problems")


if __name__ == "__main__":
    main()
