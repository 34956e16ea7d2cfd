"""`make devserver`: build the site, serve it, and build it again whenever a source changes.

Every page opened from the server reloads by itself after a rebuild; a failed build shows its
problems over the page, in the page's language, and in the terminal, in the language of --lang.
A failed build leaves the last good site in place (``build_site`` only swaps in a finished site),
so the server keeps serving it until the sources are fixed. Changes to the package's Python code
need a restart; everything the build reads is watched: records, content, the theme, the
plugin's templates and catalogs, and the settings file."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal

from ..i18n import CATALOGS, DEFAULT_LANGUAGE, N_, RECORD_LANGUAGES, default_language, translations
from ..integration.build import build_site, site_settings
from ..integration.generators import TEMPLATES
from ..problems import Message, Problem
from .buildstatus import Build, BuildStatus, entries_of, entry_text
from .liveserver import serve

# How many changed files a "Changed:" line names before it counts the rest.
NAMED_CHANGES = 3


def print_now(text: str) -> None:
    print(text, flush=True)  # at once, also when the output is a pipe


def watched_paths(settings_file: Path, settings: dict[str, Any] | None = None) -> list[Path]:
    """The settings file and every folder the build reads: the records, the content, the theme,
    the plugin's templates and its catalogs; those that exist."""
    settings = settings or site_settings(settings_file)
    data = Path(settings.get("NGO_DIRECTORY_DATA_PATH", "ngo_data"))
    candidates = [
        settings_file,
        data,
        Path(settings["PATH"]),
        Path(settings["THEME"]),
        TEMPLATES,
        CATALOGS,
    ]
    paths: list[Path] = []
    for path in candidates:
        resolved = path.resolve()
        if resolved.exists() and resolved not in paths:
            paths.append(resolved)
    return paths


def seconds(value: float, language: str) -> str:
    """A duration to a tenth of a second, as ``language`` writes decimals (1,5 in az and ru)."""
    return format_decimal(round(value, 1), format="0.0", locale=language)


def failure_report(build: Build, language: str) -> str:
    """What the terminal says of a failed build: which site is served now, then each problem
    as `validate --lang` words it, and their number when they are problems in the sources."""
    if build.site:
        head = N_("The build failed; still serving the last good site.")
    else:
        head = N_("The build failed; there is no site to serve until a build succeeds.")
    catalog = translations(language)
    lines = [catalog.gettext(head), *(entry_text(entry, language) for entry in build.problems)]
    if all(isinstance(entry, Problem) for entry in build.problems):
        count = len(build.problems)
        lines.append(
            catalog.ngettext("%(num)s problem found.", "%(num)s problems found.", count) % {"num": count}
        )
    return "\n".join(lines)


def build_once(
    settings_file: Path,
    output: Path,
    status: BuildStatus,
    language: str = DEFAULT_LANGUAGE,
    say: Callable[[str], None] = print_now,
) -> bool:
    """Build the site into ``output`` and tell ``status`` how it went; on failure print why and
    return False, leaving the previous site exactly as it was."""
    started = time.perf_counter()
    try:
        build_site(settings_file, output, quiet=True)
    except Exception as error:
        say(failure_report(status.failed(entries_of(error)), language))
        return False
    status.succeeded()
    say(built(output, time.perf_counter() - started, language))
    return True


def built(output: Path, took: float, language: str) -> str:
    """'Built /…/output in 1.4 s.' in ``language``."""
    took_text = seconds(took, language)
    return Message(N_("Built %(folder)s in %(seconds)s s."), folder=str(output), seconds=took_text).localized(
        language
    )


def serving(output: Path, address: str, watched: list[Path], language: str) -> list[str]:
    """What the terminal says once the server is up: where, and what it watches."""
    return [
        Message(
            N_("Serving %(folder)s on %(address)s (Ctrl-C to stop)"), folder=str(output), address=address
        ).localized(language),
        Message(N_("Watching %(paths)s"), paths=", ".join(str(p) for p in watched)).localized(language),
    ]


def changed_files(paths: Iterable[str], language: str) -> str:
    """'Changed: a.yaml, b.yaml, c.yaml and 2 more files' in ``language``."""
    names = sorted(set(paths))
    shown = ", ".join(names[:NAMED_CHANGES])
    catalog = translations(language)
    if len(names) > NAMED_CHANGES:
        more = len(names) - NAMED_CHANGES
        shown = catalog.ngettext(
            "%(files)s and %(num)s more file", "%(files)s and %(num)s more files", more
        ) % {"files": shown, "num": more}
    return catalog.gettext(N_("Changed: %(files)s")) % {"files": shown}


def rebuild_on_changes(
    changes: Iterable[set[tuple[Any, str]]],
    rebuild: Callable[[], bool],
    language: str = DEFAULT_LANGUAGE,
    say: Callable[[str], None] = print_now,
) -> int:
    """Call ``rebuild`` once for each batch of changes (as ``watchfiles.watch`` yields them) and
    return how many rebuilds succeeded. Ends when ``changes`` does."""
    succeeded = 0
    for batch in changes:
        say(changed_files((path for _change, path in batch), language))
        succeeded += bool(rebuild())
    return succeeded


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line read; --lang defaults as every ngo-directory command's does."""
    parser = argparse.ArgumentParser(prog="python -m ngo_directory.contribute.devserver", description=__doc__)
    parser.add_argument("-s", "--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("-o", "--output", type=Path, default=Path("output"))
    parser.add_argument("-p", "--port", type=int, default=8000, help="0 for any free port")
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    parser.add_argument(
        "-l",
        "--lang",
        choices=RECORD_LANGUAGES,
        default=default_language(),
        help="language of the terminal's messages (pages show problems in their own language); "
        "default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else az",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    import watchfiles

    args = arguments(argv)
    language, output = args.lang, args.output.resolve()
    settings = site_settings(args.settings)
    site_language = settings["DEFAULT_LANG"] if settings["DEFAULT_LANG"] in RECORD_LANGUAGES else language
    paths = watched_paths(args.settings, settings)
    status = BuildStatus(has_site=(output / "index.html").is_file())
    build_once(args.settings, output, status, language)
    server = serve(output, args.port, status, site_language, args.bind)
    for line in serving(output, f"http://{args.bind}:{server.server_address[1]}/", paths, language):
        print_now(line)
    try:
        rebuild_on_changes(
            watchfiles.watch(*paths), lambda: build_once(args.settings, output, status, language), language
        )
    except KeyboardInterrupt:
        pass
    finally:
        status.close()
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
