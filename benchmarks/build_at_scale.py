"""Build the sample directory plus N generated NGOs and report how long each step takes.

    .venv/bin/python benchmarks/build_at_scale.py            # 5,000 NGOs
    .venv/bin/python benchmarks/build_at_scale.py --ngos 500 --languages az

Generated records have their description in all three languages for one NGO in three, and in
English only for the rest, so the fallback path is exercised at scale. Nothing is written
outside a temporary folder."""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from search_payload import measure  # noqa: E402

from ngo_directory.content.reading import read_markdown  # noqa: E402
from ngo_directory.integration.build import build_site  # noqa: E402
from ngo_directory.records.validate import check_data  # noqa: E402
from ngo_directory.search.indexing import index_site  # noqa: E402

REGIONS = ["baku", "ganja", "sheki", "mingachevir", "sumgait", "salyan", "guba", "ismayilli"]
THEMES = ["youth", "education", "ict", "civil-society", "gender-equality"]


def record(n: int) -> str:
    description = (
        f"  az: Sınaq üçün yaradılmış {n} nömrəli təşkilat.\n"
        f"  ru: Организация номер {n}, созданная для проверки.\n"
        f"  en: Organisation number {n}, made up for the benchmark.\n"
        if n % 3 == 0
        else f"  en: Organisation number {n}, made up for the benchmark.\n"
    )
    return (
        f"name: Generated NGO {n:05d}\n"
        f"description:\n{description}"
        f"regions: [{REGIONS[n % len(REGIONS)]}]\n"
        f"themes: [{THEMES[n % len(THEMES)]}, {THEMES[(n + 2) % len(THEMES)]}]\n"
        "partners: [isar]\n"
        "maintainers: [someone]\n"
        'last_verified: "2026-01-01"\n'
        'added: "2026-01-01"\n'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ngos", type=int, default=5000, help="generated NGO records (default 5000)")
    parser.add_argument(
        "--languages", default="az,ru,en", help="site languages, comma-separated (default az,ru,en)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data, content = Path(tmp) / "ngo_data", Path(tmp) / "content"
        shutil.copytree(ROOT / "ngo_data", data)
        shutil.copytree(ROOT / "content", content)
        for n in range(args.ngos):
            (data / "ngos" / f"generated-ngo-{n:05d}.yaml").write_text(record(n), "utf-8")
        languages = args.languages.split(",")
        for page in content.rglob("*.md"):  # keep only the site's languages' pages and releases
            if read_markdown(page.read_text("utf-8"))[0].get("lang") not in languages:
                page.unlink()
        started = time.perf_counter()
        directory, problems = check_data(data, content_path=content, languages=languages)
        validated = time.perf_counter() - started
        assert directory is not None and not problems, problems[:5]
        records = sum(directory.counts[k] for k in ("ngos", "partners", "meetings"))
        started = time.perf_counter()
        output = build_site(
            ROOT / "pelicanconf.py",
            Path(tmp) / "output",
            {
                "NGO_DIRECTORY_DATA_PATH": str(data),
                "PATH": str(content),
                "NGO_DIRECTORY_LANGUAGES": languages,
            },
        )
        built = time.perf_counter() - started
        pages = list(output.rglob("*.html"))
        sizes = sorted(page.stat().st_size for page in pages)
        total = sum(sizes)
        print(f"records:          {records:,}")
        print(f"validate:         {validated:.1f} s")
        print(f"build ({'+'.join(languages)}): {built:.1f} s, validation included")
        print(f"pages:            {len(pages):,} ({len(pages) / records:.1f} per record)")
        print(
            f"output:           {total / 1e6:.1f} MB; median page {sizes[len(sizes) // 2] / 1e3:.1f} KB, "
            f"largest {sizes[-1] / 1e3:.1f} KB"
        )
        for label, patterns in (
            ("feeds", ("*.atom.xml", "*.rss.xml")),
            ("calendars", ("*.ics",)),
            ("OPML files", ("*.opml",)),
        ):
            files = sorted(p.stat().st_size for pattern in patterns for p in output.rglob(pattern))
            print(
                f"{label + ':':<18}{len(files):,}, {sum(files) / 1e6:.1f} MB; median "
                f"{files[len(files) // 2] / 1e3:.1f} KB, largest {files[-1] / 1e3:.1f} KB"
            )
        search_report(output)


def search_report(output: Path) -> None:
    """Pagefind's share: time and memory to index the built site again, the bundle's size,
    and what a browser downloads to search it."""
    started = time.perf_counter()
    pages = index_site(output, "pagefind-again/")
    indexed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    bundle = [p for p in (output / "pagefind").rglob("*") if p.is_file()]
    print(f"search index:     {indexed:.1f} s, peak memory {peak:,.0f} MB; pages {pages}")
    print(f"search bundle:    {len(bundle):,} files, {sum(p.stat().st_size for p in bundle) / 1e6:.1f} MB")
    for prefix in ("", "ru/"):
        try:
            lines = measure(output, prefix)
        except Exception as error:  # no Chromium here: say so, the other figures still stand
            print(f"search payload:   not measured ({type(error).__name__}: {error})")
            return
        print(f"search payload, /{prefix}search/:")
        print("\n".join("  " + line for line in lines))


if __name__ == "__main__":
    main()
