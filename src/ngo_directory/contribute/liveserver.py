"""The dev server's web side: the built site, with a small live-reload client added to every HTML
page as it is sent (the files on disk never hold it), and the events the client listens to.

The client (``livereload.js``) opens a stream of Server-Sent Events at ``EVENTS``: one event now
and one after every build, each saying which site is being served and, when the build failed,
its problems in the page's language. A page whose site is no longer the one served reloads; a
failed build shows its problems over the page; when no build has succeeded yet, every address
is a page that shows them."""

from __future__ import annotations

import functools
import html
import io
import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..i18n import N_, RECORD_LANGUAGES, translations
from .buildstatus import Build, BuildStatus, entry_text

# The dev server's own addresses; no page of the site lives under this folder.
OWN = "/_devserver/"
EVENTS = OWN + "events"
CLIENT_URL = OWN + "livereload.js"
CLIENT = Path(__file__).with_name("livereload.js")
# How often an idle stream sends a comment, so that a closed tab's thread notices and ends.
KEEPALIVE_SECONDS = 15.0
# How long a browser waits before it reconnects to a server that went away (a restart).
RETRY_MS = 1000

HEADING = N_("The site could not be built")
NOTE_STALE = N_(
    "This page is from the last good build. It reloads by itself once the problems below are fixed."
)
NOTE_NO_SITE = N_(
    "There is no site to show yet. This page reloads by itself once the problems below are fixed."
)
CLOSE = N_("Close")

_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)


def client_tag(site: str) -> bytes:
    """The tag that loads the client, naming the site the page comes from."""
    return f'<script src="{CLIENT_URL}" data-site="{html.escape(site)}" defer></script>\n'.encode()


def inject(page: bytes, site: str) -> bytes:
    """``page`` with the client's tag before its ``</head>`` (at its end when it has none)."""
    found = _HEAD_END.search(page)
    at = found.start() if found else len(page)
    return page[:at] + client_tag(site) + page[at:]


def event(build: Build, language: str) -> dict[str, Any]:
    """What the client is told of ``build``, its words in ``language``."""
    said: dict[str, Any] = {"site": build.site, "build": build.number, "ok": build.ok}
    if not build.ok:
        catalog = translations(language)
        said |= {
            "heading": catalog.gettext(HEADING),
            "note": catalog.gettext(NOTE_STALE if build.site else NOTE_NO_SITE),
            "close": catalog.gettext(CLOSE),
            "problems": [entry_text(entry, language) for entry in build.problems],
        }
    return said


def failure_page(language: str) -> bytes:
    """The page for every address while no build has succeeded: the client fills it in."""
    title = html.escape(translations(language).gettext(HEADING))
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{title}</title>\n<link rel="icon" href="data:,">\n</head>\n<body>\n</body>\n</html>\n'
    ).encode()


class LiveHandler(SimpleHTTPRequestHandler):
    """Serve the site's folder with the client added to its pages, and the events."""

    def __init__(self, *args: Any, status: BuildStatus, default_language: str, **kwargs: Any):
        # Set before the base class's __init__, which handles the request.
        self.status = status
        self.default_language = default_language
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal is for what the builds say."""

    def end_headers(self) -> None:
        # Every response is checked again on its next use: a reload after a rebuild then gets
        # the new page and stylesheet, never a copy the browser kept.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        if urlsplit(self.path).path == EVENTS:
            self.send_events()
        else:
            super().do_GET()

    def send_head(self) -> io.BytesIO | Any:
        address = urlsplit(self.path).path
        if address == CLIENT_URL:
            return self.send_body(CLIENT.read_bytes(), "text/javascript; charset=utf-8")
        build = self.status.current  # before reading the page: never a new page named as old
        path = Path(self.translate_path(self.path))
        if path.is_dir() and address.endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            return self.send_body(inject(path.read_bytes(), build.site), "text/html; charset=utf-8")
        if path.exists():
            return super().send_head()
        not_found = Path(self.directory) / "404.html"
        if build.site and not_found.is_file():
            page = inject(not_found.read_bytes(), build.site)
            return self.send_body(page, "text/html; charset=utf-8", 404)
        if not build.site:
            page = inject(failure_page(self.language_of_address(address)), "")
            return self.send_body(page, "text/html; charset=utf-8", 503)
        self.send_error(404)
        return None

    def send_body(self, body: bytes, content_type: str, code: int = 200) -> io.BytesIO:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def language_of_address(self, address: str) -> str:
        """The language whose folder ``address`` is in ('/ru/ngos/' is Russian), else the site's
        default language."""
        first = address.strip("/").split("/", 1)[0]
        return first if first in RECORD_LANGUAGES else self.default_language

    def send_events(self) -> None:
        """Stream the current build and each next one until the page goes or the server stops."""
        asked = parse_qs(urlsplit(self.path).query).get("lang", [""])[0]
        language = asked if asked in RECORD_LANGUAGES else self.default_language
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        build = self.status.current
        message = f"retry: {RETRY_MS}\n".encode() + self.event_message(build, language)
        while not self.status.closed:
            try:
                self.wfile.write(message)
                self.wfile.flush()
            except OSError:  # the page went away
                return
            after = self.status.wait(build, KEEPALIVE_SECONDS)
            if after is None:
                message = b": waiting\n\n"
            else:
                build, message = after, self.event_message(after, language)

    @staticmethod
    def event_message(build: Build, language: str) -> bytes:
        # json.dumps writes one line and escapes every non-ASCII character: nothing a value
        # holds can end the event early.
        return f"data: {json.dumps(event(build, language))}\n\n".encode()


def serve(
    output: Path, port: int, status: BuildStatus, default_language: str, bind: str = "127.0.0.1"
) -> ThreadingHTTPServer:
    """Serve ``output`` in a background thread. Each request looks the folder up by its name,
    so a rebuild swapping in a new folder is served at once."""
    output.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(
        LiveHandler, directory=str(output), status=status, default_language=default_language
    )
    server = ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
