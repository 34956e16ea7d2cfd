"""How long `make devserver` takes from saving a record to the page showing it, in Chromium.

    .venv/bin/python benchmarks/devserver_reload.py            # 9 saves of each kind
    .venv/bin/python benchmarks/devserver_reload.py --runs 15 -v   # and what the server said

The dev server runs as a contributor runs it, on a copy of the sample project. An NGO's page is
open; each run saves its record with another registration year and times, from just before the
file is written, until the reloaded page has fired its load event (the browser's own clock, read
from the page's Navigation Timing). A second series saves the record with an unknown region and
times until the page shows the overlay, measured the same way by a MutationObserver in the page.
Needs Chromium (apt-get install chromium)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsertools import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from devservertools import WAIT_S, Running, project_copy  # noqa: E402

RECORD = "ngo_data/ngos/iearn-azerbaijan.yaml"
PAGE = "ngos/iearn-azerbaijan/"
# Records the time (the page's clock, in ms since the epoch) the overlay's host is added.
OVERLAY_WATCH = """() => {
  window.overlayShown = 0;
  new MutationObserver(() => {
    if (!window.overlayShown && document.body.lastElementChild.shadowRoot)
      window.overlayShown = performance.timeOrigin + performance.now();
  }).observe(document.body, {childList: true});
}"""


def loaded_at(page: Any) -> float:
    """When the page's last navigation fired its load event, in seconds since the epoch."""
    return float(
        page.evaluate(
            "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventStart"
        )
        / 1000
    )


def summary(name: str, seconds: list[float]) -> str:
    ms = sorted(round(s * 1000) for s in seconds)
    return f"{name}: median {statistics.median(ms):.0f} ms, range {ms[0]}-{ms[-1]} ms over {len(ms)} runs"


def measure(runs: int, verbose: bool = False) -> tuple[list[float], list[float], list[float]]:
    """Seconds from a save to the reloaded page, the rebuilds' own seconds (as the dev server
    prints them), and seconds from a save to the overlay; ``runs`` each."""
    from playwright.sync_api import expect, sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        project = project_copy(Path(folder))
        record = project / RECORD
        original = record.read_text("utf-8")
        server = Running(project, "--lang", "en")
        try:
            server.wait_for(lambda line: line.startswith("Built "))
            line = server.wait_for(lambda line: line.startswith("Serving "))
            url = line.split(" on ")[1].split()[0]
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url + PAGE)
                reloads, builds, overlays = [], [], []
                for run in range(runs):
                    year = 2009 + run
                    start = len(server.lines)
                    with page.expect_event("load", timeout=WAIT_S * 1000):
                        saved = time.time()
                        record.write_text(original.replace("year: 2008", f"year: {year}"), "utf-8")
                    expect(page.locator("main")).to_contain_text(str(year))
                    reloads.append(loaded_at(page) - saved)
                    built = server.wait_for(lambda line: line.startswith("Built "), start)
                    builds.append(float(built.rsplit(" in ", 1)[1].removesuffix(" s.")))
                for _run in range(runs):
                    page.evaluate(OVERLAY_WATCH)
                    start = len(server.lines)
                    saved = time.time()
                    broken = original.replace("regions: [azerbaijan]", "regions: [atlantis]")
                    record.write_text(broken, "utf-8")
                    expect(page.locator("dialog")).to_be_visible(timeout=WAIT_S * 1000)
                    overlays.append(page.evaluate("() => window.overlayShown") / 1000 - saved)
                    server.wait_for(lambda line: line.startswith("The build failed"), start)
                    # Back to a good record: the page reloads without an overlay.
                    start = len(server.lines)
                    with page.expect_event("load", timeout=WAIT_S * 1000):
                        record.write_text(original, "utf-8")
                    server.wait_for(lambda line: line.startswith("Built "), start)
                browser.close()
        finally:
            server.stop()
            if verbose:
                print("\n".join(server.lines), file=sys.stderr)
    return reloads, builds, overlays


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9, help="saves of each kind (default 9)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print what the dev server said")
    args = parser.parse_args()
    reloads, builds, overlays = measure(args.runs, args.verbose)
    print(summary("save -> reloaded page", reloads))
    print(summary("  of which the rebuild", builds))
    print(summary("save with a problem -> overlay", overlays))


if __name__ == "__main__":
    main()
