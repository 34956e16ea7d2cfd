"""A digest of every file of a built site, to show that a change to the code leaves the site
byte for byte as it was.

    .venv/bin/python benchmarks/site_digest.py --save before.json        # build the sample, record
    ... change the code ...
    .venv/bin/python benchmarks/site_digest.py --compare before.json     # build again, compare
    .venv/bin/python benchmarks/site_digest.py --site output --save x.json  # an already built site
    .venv/bin/python benchmarks/site_digest.py --directory D --save x.json  # a bench directory

The sample is built with SOURCE_DATE_EPOCH fixed as the tests fix it (2027-02-28), so which
meetings are upcoming does not depend on the day; a directory the bench generated (``--keep``,
or ``bench.generate``), with the bench's (2025-11-24). Pagefind writes its filter index in a
different order each time (README, "Safety"): those files are left out; its word index and
result fragments are compared. Exit 1 on any difference, listing the files added, removed and
changed."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1803801600"  # 2027-02-28, the tests' fixed build date (tests/conftest.py)
# Pagefind writes its filter index, and the files that name it, in a different order each time.
UNSTABLE = re.compile(r"pagefind/[a-z]+/(filter/.*|pagefind\..*\.pf_meta|pagefind-entry\.json)")


def stable(relative: str) -> bool:
    return not UNSTABLE.fullmatch(relative)


def digest(site: Path) -> dict[str, str]:
    """sha256 of every file of the site whose bytes are meant to be reproducible, by path."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and stable(path.relative_to(site).as_posix())
    }


def build_sample(folder: Path) -> Path:
    from ngo_directory.integration.build import build_site

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    return build_site(ROOT / "pelicanconf.py", folder / "output")


def build_directory(directory: Path, folder: Path) -> Path:
    """A bench directory (its content/ and ngo_data/), built as the bench builds it."""
    from ngo_directory.bench.child import bench_settings
    from ngo_directory.bench.generate import EPOCH as BENCH_EPOCH
    from ngo_directory.integration.build import build_site

    os.environ["SOURCE_DATE_EPOCH"] = str(BENCH_EPOCH)
    overrides = bench_settings(directory / "content", directory / "ngo_data")
    return build_site(ROOT / "pelicanconf.py", folder / "output", overrides)


def compare(before: dict[str, str], after: dict[str, str]) -> list[str]:
    lines = [f"removed: {p}" for p in sorted(before.keys() - after.keys())]
    lines += [f"added: {p}" for p in sorted(after.keys() - before.keys())]
    lines += [f"changed: {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the sample)")
    parser.add_argument("--directory", type=Path, help="build this bench directory instead of the sample")
    parser.add_argument("--save", type=Path, help="write the digest to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare with a digest saved earlier")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.site:
            site = args.site
        elif args.directory:
            site = build_directory(args.directory.resolve(), Path(folder))
        else:
            site = build_sample(Path(folder))
        found = digest(site)
    print(f"{len(found)} files, {sum(1 for p in found if p.endswith('.html'))} pages", file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8")
    if args.compare:
        differences = compare(json.loads(args.compare.read_text("utf-8")), found)
        print("\n".join(differences) if differences else "identical")
        return 1 if differences else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
