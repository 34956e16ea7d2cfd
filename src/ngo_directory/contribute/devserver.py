"""`make devserver`: build the site, serve it, and build it again whenever a source changes.

A failed build prints its problems and leaves the last good site in place (``build_site`` only
swaps in a finished site), so the server keeps serving it until the sources are fixed. Changes
to the package's Python code need a restart; everything the build reads is watched: records,
content, the theme, the plugin's templates and catalogs, and the settings file."""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..i18n import CATALOGS
from ..integration.build import BuildFailed, build_site, site_settings
from ..integration.generators import TEMPLATES
from ..problems import ValidationFailed
from ..settings import SettingsError

# Failures that explain themselves: invalid records, settings, or warnings the build logged.
# Any other exception (a template or settings file half-way through an edit) is shown with its
# type; the server carries on in every case.
EXPLAINED = (BuildFailed, ValidationFailed, SettingsError)


def watched_paths(settings_file: Path) -> list[Path]:
    """The settings file and every folder the build reads: the records, the content, the theme,
    the plugin's templates and its catalogs; those that exist."""
    settings = site_settings(settings_file)
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


def build_once(settings_file: Path, output: Path, say: Callable[[str], None] = print) -> bool:
    """Build the site into ``output``; on failure print why and return False, leaving the
    previous site exactly as it was."""
    try:
        build_site(settings_file, output)
    except Exception as error:
        reason = str(error) if isinstance(error, EXPLAINED) else f"{type(error).__name__}: {error}"
        say(f"The build failed; still serving the last good site.\n{reason}")
        return False
    say(f"Built {output}")
    return True


def rebuild_on_changes(
    changes: Iterable[set[tuple[Any, str]]],
    rebuild: Callable[[], bool],
    say: Callable[[str], None] = print,
) -> int:
    """Call ``rebuild`` once for each batch of changes (as ``watchfiles.watch`` yields them) and
    return how many rebuilds succeeded. Ends when ``changes`` does."""
    succeeded = 0
    for batch in changes:
        names = sorted({path for _change, path in batch})
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        say(f"Changed: {shown}")
        succeeded += bool(rebuild())
    return succeeded


def serve(output: Path, port: int, bind: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """Serve ``output`` in a background thread. Each request looks the folder up by its name,
    so a rebuild swapping in a new folder is served at once."""
    output.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> None:
    import watchfiles

    parser = argparse.ArgumentParser(prog="python -m ngo_directory.contribute.devserver", description=__doc__)
    parser.add_argument("-s", "--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("-o", "--output", type=Path, default=Path("output"))
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    output = args.output.resolve()
    paths = watched_paths(args.settings)
    build_once(args.settings, output)
    server = serve(output, args.port, args.bind)
    print(f"Serving {output} on http://{args.bind}:{server.server_address[1]}/ (Ctrl-C to stop)")
    print("Watching " + ", ".join(str(p) for p in paths))
    try:
        rebuild_on_changes(watchfiles.watch(*paths), lambda: build_once(args.settings, output))
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
