"""`make devserver`: what it watches, what the terminal says in az, ru and en, the pages it
serves with the live-reload client added (and never written to a built site), the events the
client follows, the overlay in Chromium, and the whole loop end to end: a record broken and
fixed while an az and a ru page are open."""

from __future__ import annotations

import functools
import http.client
import json
import os
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from browsertools import Watched
from devservertools import WAIT_S, Running, project_copy
from ngo_directory.contribute import devserver, liveserver
from ngo_directory.contribute.buildstatus import BuildStatus, entries_of
from ngo_directory.i18n import translations
from ngo_directory.integration.build import BuildFailed
from ngo_directory.problems import Problem, ValidationFailed
from ngo_directory.records.validate import check_data
from sitetools import HOSTILE, ROOT, tree_digest
from test_accessibility import violations

pytestmark = [pytest.mark.usefixtures("fixed_date")]

RECORD = "ngo_data/ngos/iearn-azerbaijan.yaml"
WAIT_MS = int(WAIT_S * 1000)

# The overlay's words, as the catalogs give them.
HEADINGS = {
    "az": "Saytı qurmaq alınmadı",
    "ru": "Не удалось собрать сайт",
    "en": "The site could not be built",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path)


def problems_of(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    """What `validate` finds in the project's records, file names as seen from the project."""
    with monkeypatch.context() as inside:
        inside.chdir(project)
        _directory, problems = check_data(Path("ngo_data"))
    return problems


def hostile_problem() -> Problem:
    return Problem(f"ngo_data/ngos/{HOSTILE}.yaml", 3, 5, "name", f"unknown region '{HOSTILE}'", "fix it")


# --- what it watches and what the terminal says ----------------------------------------------------


def test_devserver_watches_everything_the_build_reads(project: Path) -> None:
    paths = devserver.watched_paths(project / "pelicanconf.py")
    assert paths == [
        (project / "pelicanconf.py").resolve(),
        (project / "ngo_data").resolve(),
        (project / "content").resolve(),
        (ROOT / "theme").resolve(),
        (ROOT / "src/ngo_directory/site/templates").resolve(),
        (ROOT / "src/ngo_directory/translations").resolve(),
    ]


CHANGED = {
    "en": ["Changed: a.yaml", "Changed: b.yaml, c.yaml", "Changed: 0.md, 1.md, 2.md and 2 more files"],
    "ru": ["Изменено: a.yaml", "Изменено: b.yaml, c.yaml", "Изменено: 0.md, 1.md, 2.md и ещё 2 файла"],
    "az": ["Dəyişdi: a.yaml", "Dəyişdi: b.yaml, c.yaml", "Dəyişdi: 0.md, 1.md, 2.md və daha 2 fayl"],
}


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_rebuild_on_changes_rebuilds_once_per_batch(language: str) -> None:
    calls: list[int] = []
    said: list[str] = []

    def rebuild() -> bool:
        calls.append(1)
        return len(calls) != 2

    batches = [{(1, "a.yaml")}, {(2, "b.yaml"), (1, "c.yaml")}, {(1, f"{n}.md") for n in range(5)}]
    assert devserver.rebuild_on_changes(iter(batches), rebuild, language, said.append) == 2
    assert len(calls) == 3
    assert said == CHANGED[language]


def test_changed_files_counts_the_rest_in_the_right_plural() -> None:
    names = [f"{n}.md" for n in range(8)]
    assert devserver.changed_files(names, "ru").endswith("и ещё 5 файлов")
    assert devserver.changed_files(names[:4], "ru").endswith("и ещё 1 файл")
    assert devserver.changed_files(names[:4], "en").endswith("and 1 more file")
    assert devserver.changed_files(names, "az").endswith("və daha 5 fayl")


FAILED = {
    "en": (
        "The build failed; still serving the last good site.",
        "The build failed; there is no site to serve until a build succeeds.",
        "1 problem found.",
    ),
    "ru": (
        "Сборка не удалась; по-прежнему открыта последняя удачная версия сайта.",
        "Сборка не удалась; открыть нечего, пока сайт не соберётся.",
        "Найдена 1 проблема.",
    ),
    "az": (
        "Saytı qurmaq alınmadı; saytın sonuncu uğurlu versiyası açıq qalır.",
        "Saytı qurmaq alınmadı; sayt uğurla qurulana qədər göstəriləcək heç nə yoxdur.",
        "1 problem tapıldı.",
    ),
}


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_a_failed_build_is_told_in_the_terminals_language(language: str) -> None:
    problem = Problem(RECORD, 36, 11, "regions[0]", "unknown region 'atlantis'")
    stale, nothing, count = FAILED[language]
    with_site = BuildStatus(has_site=True).failed((problem,))
    assert devserver.failure_report(with_site, language).splitlines() == [
        stale,
        problem.localized(language),
        count,
    ]
    without = BuildStatus(has_site=False).failed(("WARNING: a line Pelican logged",))
    assert devserver.failure_report(without, language).splitlines() == [
        nothing,
        "WARNING: a line Pelican logged",
    ]


SAID = {
    "en": [
        "Built /p/output in 2.0 s.",
        "Serving /p/output on http://127.0.0.1:8000/ (Ctrl-C to stop)",
        "Watching /p/ngo_data, /p/content",
    ],
    "ru": [
        "Сайт собран в /p/output за 2,0 с.",
        "Сайт из /p/output открыт по адресу http://127.0.0.1:8000/ (Ctrl-C — остановить)",
        "Под наблюдением: /p/ngo_data, /p/content",
    ],
    "az": [
        "Sayt quruldu: /p/output (2,0 saniyəyə).",
        "/p/output qovluğundakı sayt http://127.0.0.1:8000/ ünvanında açıqdır (dayandırmaq üçün Ctrl-C)",
        "Dəyişikliklər izlənilir: /p/ngo_data, /p/content",
    ],
}


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_the_terminal_says_what_was_built_and_where_it_is_served(language: str) -> None:
    output, watched = Path("/p/output"), [Path("/p/ngo_data"), Path("/p/content")]
    assert [
        devserver.built(output, 2.04, language),
        *devserver.serving(output, "http://127.0.0.1:8000/", watched, language),
    ] == SAID[language]


def test_durations_are_written_as_each_language_writes_decimals() -> None:
    assert [devserver.seconds(2.04, language) for language in ("az", "ru", "en")] == ["2,0", "2,0", "2.0"]


def test_the_terminals_language_is_chosen_as_for_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert devserver.arguments([]).lang == "az"
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert devserver.arguments([]).lang == "ru"
    monkeypatch.setenv("LANGUAGE", "en:ru")
    assert devserver.arguments([]).lang == "en"
    assert devserver.arguments(["--lang", "az"]).lang == "az"


def test_make_devserver_passes_the_language_the_contributor_sets() -> None:
    def dry_run(*assignments: str) -> str:
        # Run as a make of its own, even under `make test`: no "Entering directory" lines.
        env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
        done = subprocess.run(
            ["make", "--no-print-directory", "-n", "devserver", *assignments],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    assert re.search(r"devserver .*\\?\s*--lang ru\s*$", dry_run("DEVSERVER_LANG=ru"), re.S)
    assert "--lang" not in dry_run()


def test_failures_become_entries_one_a_line() -> None:
    problem = Problem(RECORD, 1, 1, "name", "required")
    assert entries_of(ValidationFailed([problem])) == (problem,)
    assert entries_of(BuildFailed(["WARNING: one", "ERROR: two"])) == ("WARNING: one", "ERROR: two")
    assert entries_of(KeyError("x\ny")) == ("KeyError: 'x\\ny'",)
    assert entries_of(SyntaxError("invalid syntax\n\u202ehidden")) == (
        "SyntaxError: invalid syntax",
        "\\u202ehidden",
    )


@pytest.mark.site
def test_a_failed_rebuild_prints_the_problems_and_keeps_the_last_good_site(project: Path) -> None:
    settings, output = project / "pelicanconf.py", project / "output"
    record = project / RECORD
    status = BuildStatus(has_site=False)
    said: list[str] = []
    assert devserver.build_once(settings, output, status, "ru", said.append)
    assert re.fullmatch(rf"Сайт собран в {re.escape(str(output))} за \d+,\d с\.", said[-1])
    good, site = tree_digest(output), status.current.site
    assert site and status.current.ok
    original = record.read_text("utf-8")

    def changes() -> Iterator[set[tuple[Any, str]]]:
        record.write_text(original.replace("regions: [azerbaijan]", "regions: [atlantis]"), "utf-8")
        yield {(2, str(record))}
        assert tree_digest(output) == good
        assert status.current.site == site and not status.current.ok
        record.write_text(original.replace("iEARN-Azerbaijan runs", "iEARN-Azerbaijan now runs"), "utf-8")
        yield {(2, str(record))}

    rebuild = functools.partial(devserver.build_once, settings, output, status, "ru", said.append)
    assert devserver.rebuild_on_changes(changes(), rebuild, "ru", said.append) == 1
    failure = next(text for text in said if text.startswith(FAILED["ru"][0]))
    assert "ngo_data/ngos/iearn-azerbaijan.yaml" in failure and "неизвестный регион 'atlantis'" in failure
    assert "now runs" in (output / "en/ngos/iearn-azerbaijan/index.html").read_text("utf-8")
    assert status.current.ok and status.current.site not in ("", site) and status.current.number == 3


# --- the pages and the events ------------------------------------------------------------------------


@contextmanager
def live(site: Path, status: BuildStatus, default_language: str = "az") -> Iterator[str]:
    """The dev server's web side on a free port, serving ``site``; yields its base URL."""
    server = liveserver.serve(site, 0, status, default_language)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        status.close()
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310  (the test's own server, over http)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


PAGE = (
    '<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<title>ok</title>\n'
    '<link rel="icon" href="data:,">\n</head>\n'
    "<body><p>ok</p></body>\n</html>\n"
)


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "ru").mkdir(parents=True)
    (site / "index.html").write_text(PAGE.replace('"ru"', '"az"'), "utf-8")
    (site / "ru/index.html").write_text(PAGE, "utf-8")
    (site / "404.html").write_text(PAGE.replace("ok", "not found"), "utf-8")
    (site / "site.css").write_text("p { color: red }\n", "utf-8")
    return site


def test_pages_get_the_client_as_they_are_sent_and_the_files_stay_as_built(small_site: Path) -> None:
    before = tree_digest(small_site)
    status = BuildStatus(has_site=True)
    with live(small_site, status) as url:
        code, headers, body = fetch(f"{url}/ru/")
        tag = f'<script src="/_devserver/livereload.js" data-site="{status.current.site}" defer></script>'
        assert code == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert body.decode() == PAGE.replace("</head>", f"{tag}\n</head>")
        assert int(headers["Content-Length"]) == len(body)
        assert headers["Cache-Control"] == "no-cache"
        code, headers, body = fetch(f"{url}/site.css")
        assert (code, body, headers["Cache-Control"]) == (200, b"p { color: red }\n", "no-cache")
        code, headers, body = fetch(f"{url}/_devserver/livereload.js")
        assert code == 200 and headers["Content-Type"] == "text/javascript; charset=utf-8"
        assert body == liveserver.CLIENT.read_bytes()
        code, _, body = fetch(f"{url}/no/such/page/")
        assert code == 404 and b"not found" in body and b'data-site="' in body
        code, _, body = fetch(f"{url}/ru")  # a folder without its slash: redirected, then as above
        assert code == 200 and b"data-site=" in body
    assert tree_digest(small_site) == before


def test_the_client_goes_before_the_end_of_the_head_or_at_the_end() -> None:
    tag = liveserver.client_tag("ab12")
    assert liveserver.inject(b"<html><HEAD><title>x</title></HEAD >\n<body></body>", "ab12") == (
        b"<html><HEAD><title>x</title>" + tag + b"</HEAD >\n<body></body>"
    )
    assert liveserver.inject(b"<p>a fragment</p>", "ab12") == b"<p>a fragment</p>" + tag
    assert liveserver.inject(b"<head></head><p></head></p>", "") == b"<head>" + liveserver.client_tag("") + (
        b"</head><p></head></p>"
    )


def test_while_no_build_has_succeeded_every_address_shows_the_failure(tmp_path: Path) -> None:
    status = BuildStatus(has_site=False)
    status.failed((hostile_problem(),))
    with live(tmp_path / "output", status, default_language="az") as url:
        for address, language in [("/", "az"), ("/ngos/x/", "az"), ("/ru/ngos/x/", "ru"), ("/en/", "en")]:
            code, _, body = fetch(url + address)
            page = body.decode()
            assert code == 503, address
            assert f'<html lang="{language}">' in page
            assert f"<title>{HEADINGS[language]}</title>" in page
            assert 'data-site=""' in page
            assert HOSTILE not in page  # the problems come through the events, as text


class Events:
    """A client of the events: each event's data, parsed."""

    def __init__(self, url: str, query: str):
        host, port = url.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=WAIT_S)
        self.connection.request("GET", f"/_devserver/events{query}")
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.headers["Content-Type"] == "text/event-stream; charset=utf-8"

    def next(self) -> dict[str, Any] | None:
        """The next event (None when the stream ends), skipping keep-alive comments."""
        data: list[str] = []
        while True:
            line = self.response.readline()
            if not line:
                return None
            text = line.decode().rstrip("\n")
            if text.startswith("data: "):
                data.append(text.removeprefix("data: "))
            elif text == "" and data:
                return dict(json.loads("\n".join(data)))

    def close(self) -> None:
        self.connection.close()


def test_events_tell_each_build_in_the_pages_language(small_site: Path) -> None:
    status = BuildStatus(has_site=True)
    first = status.current.site
    problem = Problem(RECORD, 36, 11, "regions[0]", "unknown region 'atlantis'")
    with live(small_site, status) as url:
        russian, unknown = Events(url, "?lang=ru"), Events(url, "?lang=%3Cscript%3E")
        assert russian.next() == {"site": first, "build": 0, "ok": True}
        assert unknown.next() == {"site": first, "build": 0, "ok": True}
        status.failed((problem, "WARNING: logged"))
        said = russian.next()
        assert said == {
            "site": first,
            "build": 1,
            "ok": False,
            "heading": HEADINGS["ru"],
            "note": "Эта страница из последней удачной сборки. Она обновится сама, "
            "как только проблемы ниже будут исправлены.",
            "close": "Закрыть",
            "problems": [problem.localized("ru"), "WARNING: logged"],
        }
        in_default = unknown.next()
        assert in_default is not None and in_default["heading"] == HEADINGS["az"]
        status.succeeded()
        assert russian.next() == {"site": status.current.site, "build": 2, "ok": True}
        status.close()
        assert russian.next() is None  # the stream ends with the server
        russian.close()
        unknown.close()


def test_the_overlays_words_in_each_language() -> None:
    for language, heading in HEADINGS.items():
        status = BuildStatus(has_site=False)
        said = liveserver.event(status.failed(("x",)), language)
        catalog = translations(language)
        assert said["heading"] == heading == catalog.gettext(liveserver.HEADING)
        assert (
            said["note"] == catalog.gettext(liveserver.NOTE_NO_SITE) != liveserver.NOTE_NO_SITE
            or language == "en"
        )


@pytest.mark.site
def test_no_built_site_holds_the_client(sample_site: Path, published_busy_site: Path) -> None:
    """`make html` (the sample as pelicanconf.py builds it) and a publishing build never
    contain the dev server's client: only the dev server adds it, as it sends a page."""
    for site in (sample_site, published_busy_site):
        holding = [
            path
            for path in site.rglob("*")
            if path.is_file() and (b"_devserver" in path.read_bytes() or b"livereload" in path.read_bytes())
        ]
        assert holding == [], site
        assert any(site.rglob("*.html"))


# --- the client in Chromium ---------------------------------------------------------------------------


class Followed:
    """A page watched for problems (browsertools.Watched) that follows the dev server's events.
    Every reload or navigation ends its stream, which Chromium reports as a failed request
    (net::ERR_ABORTED): that is by design, and left out of ``problems()``."""

    def __init__(self, page: Any):
        self.page = page
        self.watched = Watched(page)
        self.ended: list[str] = []
        self.expected: list[str] = []  # problems a test asks for
        page.on("requestfailed", self._failed)

    def _failed(self, request: Any) -> None:
        if request.failure == "net::ERR_ABORTED" and urlsplit(request.url).path == liveserver.EVENTS:
            self.ended.append(f"request failed: {request.url}")

    def problems(self) -> list[str]:
        left = list(self.watched.problems)
        for ended in self.ended + self.expected:
            left.remove(ended)
        return left


@pytest.fixture
def followed(browser: Any) -> Iterator[Followed]:
    """A page in a fresh context at 360 x 740; fails the test if it reported a problem."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = Followed(context.new_page())
    yield page
    context.close()
    assert page.problems() == []


def overlay_lines(page: Any) -> list[str]:
    return [str(text) for text in page.locator("dialog li").all_text_contents()]


@pytest.mark.browser
@pytest.mark.site
def test_the_overlay_shows_problems_as_text_and_reloads_on_a_fix(
    sample_site: Path, followed: Followed
) -> None:
    """On the real sample (its Content-Security-Policy included): a failed build shows the
    overlay with hostile values as text, readable at 360 px, reachable by keyboard and
    dismissable; a new failure shows it again; a new site reloads the page."""
    from playwright.sync_api import expect

    status = BuildStatus(has_site=True)
    page = followed.page
    with live(sample_site, status) as url:
        page.goto(f"{url}/ru/ngos/iearn-azerbaijan/")
        title = page.title()
        status.failed((hostile_problem(),))
        dialog = page.get_by_role("dialog", name=HEADINGS["ru"])
        expect(dialog).to_be_visible(timeout=WAIT_MS)
        assert overlay_lines(page) == [hostile_problem().localized("ru")]
        assert page.locator("dialog img, dialog script, dialog a").count() == 0
        assert page.title() == title
        assert violations(page) == ""  # axe-core's WCAG 2.1 A and AA rules
        # Readable on a phone: inside the screen, no line wider than the box, text of 15 px.
        box = dialog.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert dialog.evaluate("d => d.scrollWidth <= d.clientWidth")
        assert page.locator("dialog li").evaluate("li => parseFloat(getComputedStyle(li).fontSize)") >= 14
        # The keyboard: the focus is on its button, Escape closes it.
        close = page.get_by_role("button", name="Закрыть")
        expect(close).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator("dialog")).to_have_count(0)
        status.failed((Problem(RECORD, 36, 11, "regions[0]", "unknown region 'atlantis'"),))
        expect(dialog).to_be_visible(timeout=WAIT_MS)
        assert overlay_lines(page) == [f"{RECORD}:36:11: regions[0]: unknown region 'atlantis'"]
        close.click()
        expect(page.locator("dialog")).to_have_count(0)
        status.succeeded()
        expect(page.locator("script[data-site]")).to_have_attribute(
            "data-site", status.current.site, timeout=WAIT_MS
        )
        expect(page.locator("dialog")).to_have_count(0)


@pytest.mark.browser
def test_without_a_site_the_page_is_the_failure_until_a_build_succeeds(
    tmp_path: Path, followed: Followed
) -> None:
    from playwright.sync_api import expect

    output = tmp_path / "output"
    status = BuildStatus(has_site=False)
    status.failed((hostile_problem(),))
    page = followed.page
    # The failure page comes with 503 Service Unavailable, which Chromium logs as an error.
    followed.expected.append(
        "console error: Failed to load resource: "
        "the server responded with a status of 503 (Service Unavailable)"
    )
    with live(output, status) as url:
        page.goto(f"{url}/en/")
        dialog = page.get_by_role("dialog", name=HEADINGS["en"])
        expect(dialog).to_be_visible(timeout=WAIT_MS)
        expect(dialog).to_contain_text("There is no site to show yet.")
        assert overlay_lines(page) == [hostile_problem().localized("en")]
        assert page.get_by_role("button").count() == 0  # nothing to dismiss it to
        (output / "en").mkdir()
        (output / "en/index.html").write_text(PAGE.replace('"ru"', '"en"'), "utf-8")
        status.succeeded()
        expect(page.locator("body > p")).to_have_text("ok", timeout=WAIT_MS)
        expect(page.locator("dialog")).to_have_count(0)


# --- end to end ----------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.site
def test_end_to_end_a_broken_record_shows_in_each_pages_language_and_a_fix_reloads(
    project: Path, browser: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dev server on a copy of the project: an az and a ru page open, a record given an
    unknown (and hostile) region, the overlay with the problem in each page's language, the
    record fixed, each page reloaded with the change; the terminal speaks Russian throughout."""
    from playwright.sync_api import expect

    record = project / RECORD
    original = record.read_text("utf-8")
    server = Running(project, "--lang", "ru")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        server.wait_for(lambda line: line.startswith("Сайт собран в "))
        url = re.search(
            r"http://127\.0\.0\.1:\d+/", server.wait_for(lambda line: line.startswith("Сайт из "))
        )
        assert url is not None
        pages = {language: Followed(context.new_page()) for language in ("az", "ru")}
        for language, followed in pages.items():
            followed.page.goto(url.group() + ("" if language == "az" else "ru/") + "ngos/iearn-azerbaijan/")
            expect(followed.page.locator("main")).not_to_contain_text("2009")

        record.write_text(
            original.replace("regions: [azerbaijan]", f"regions: [{json.dumps(HOSTILE)}]"), "utf-8"
        )
        broken = problems_of(project, monkeypatch)
        assert [problem.file for problem in broken] == [RECORD]
        for language, followed in pages.items():
            dialog = followed.page.get_by_role("dialog", name=HEADINGS[language])
            expect(dialog).to_be_visible(timeout=WAIT_MS)
            # Waited on too: a save the watcher saw half-written shows other problems first.
            expected = [problem.localized(language) for problem in broken]
            expect(followed.page.locator("dialog li")).to_have_text(expected, timeout=WAIT_MS)
            assert followed.page.locator("dialog img, dialog script").count() == 0
        server.wait_for(lambda line: line == broken[0].localized("ru"))
        server.wait_for(lambda line: line == FAILED["ru"][0])

        record.write_text(original.replace("year: 2008", "year: 2009"), "utf-8")
        for followed in pages.values():
            expect(followed.page.locator("main")).to_contain_text("2009", timeout=WAIT_MS)
            expect(followed.page.locator("dialog")).to_have_count(0)
        server.wait_for(lambda line: line.startswith("Изменено: ") and line.endswith("iearn-azerbaijan.yaml"))
    finally:
        context.close()
        stopped = server.stop()
    assert stopped == 0, "\n".join(server.lines)  # Ctrl-C ends it cleanly
    assert not [line for line in server.lines if line.startswith("Done: Processed")]  # Pelican's English
    assert [followed.problems() for followed in pages.values()] == [[], []]
    assert not any("_devserver" in path.read_text("utf-8") for path in (project / "output").rglob("*.html"))
