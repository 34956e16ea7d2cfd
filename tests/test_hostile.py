"""Hostile input, through ``validate`` and the real build.

Links that lead out of content/, links and special files among the records and texts, oversized
files, invisible characters written as escapes, values that try to start a CI annotation of their
own, reserved names and file names that differ only in case. ``validate`` and the build refuse
each with the same one-line message. Nothing in the project but content/ and ngo_data/ is
opened, nor any file on the host that a link points at; a refused build writes nothing outside
its staging folder, and the previous site stays exactly as it was.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from lxml import html as lxml_html

from ngo_directory.cli import main
from ngo_directory.content.reading import folder_check
from ngo_directory.problems import Problem, ValidationFailed
from ngo_directory.records.validate import check_data
from ngo_directory.settings import DEFAULTS, reserved_names
from sitetools import ROOT, build, tree_digest
from test_validate import MEETING, NGO, PARTNER, PRESS, REGIONS, THEMES, write

pytestmark = pytest.mark.site

POSIX_ONLY = pytest.mark.skipif(
    os.name != "posix" or not hasattr(os, "mkfifo"),
    reason="symbolic links, /dev/zero, named pipes and line breaks in file names",
)
LINK_OUT = "leads outside the content folder (link only to files inside content/, or to a web address)"
LINK = "is a symbolic link (replace the link with the file itself; records and texts must be ordinary files)"
SPECIAL = "is not an ordinary file (a device, pipe or socket) (remove it; only ordinary files belong here)"
RESERVED_SLUG = (
    "is a reserved name: the site uses it for its own pages "
    "(choose a more specific slug; translations of one text share it)"
)
PAGE = "Title: About\nSlug: about-us\nLang: en\n\nAbout the directory.\n"
PRIVATE = "private: never part of the site\n"


# --- what a run opens and writes -------------------------------------------------------------

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
# Audit events that change the file system, each with how many of its last arguments are
# ``dir_fd``s (-1 or None when the paths are not relative to an open folder); every path
# argument counts as written.
_CHANGES = {
    **dict.fromkeys(("os.mkdir", "os.remove", "os.rmdir", "os.symlink", "os.chmod", "os.chown"), 1),
    **dict.fromkeys(("os.utime", "shutil.rmtree"), 1),
    **dict.fromkeys(("os.rename", "os.link"), 2),
    **dict.fromkeys(("os.truncate", "shutil.move", "shutil.copytree"), 0),
}


@dataclass
class FileLog:
    """Every path opened, and every path written or changed, while the log was active."""

    opened: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


_active: list[FileLog] = []
_hooked: list[bool] = []


def _as_path(value: object) -> Path | None:
    if isinstance(value, (str, bytes, os.PathLike)):
        return Path(os.path.abspath(os.fsdecode(value)))
    return None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _active:
        return
    log = _active[-1]
    if event == "open":
        path = _as_path(args[0])
        if path is not None:
            log.opened.append(path)
            if isinstance(args[2], int) and args[2] & _WRITE_FLAGS:
                log.written.append(path)
    elif event == "shutil.copyfile":
        source, target = _as_path(args[0]), _as_path(args[1])
        log.opened += [source] if source else []
        log.written += [target] if target else []
    elif event in _CHANGES:
        folders = _CHANGES[event]
        paths, fds = args[: len(args) - folders], args[len(args) - folders :]
        if any(isinstance(fd, int) and fd >= 0 for fd in fds):
            # Relative to an open folder: shutil.rmtree emptying the folder it reported.
            paths = tuple(p for p in paths if isinstance(p, (str, bytes)) and os.path.isabs(p))
        log.written += [p for p in map(_as_path, paths) if p is not None]


@contextmanager
def watching() -> Iterator[FileLog]:
    """Record the files opened and written meanwhile (through Python's audit events)."""
    if not _hooked:
        sys.addaudithook(_audit)
        _hooked.append(True)
    log = FileLog()
    _active.append(log)
    try:
        yield log
    finally:
        _active.remove(log)


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (on a named pipe, say) when the block takes longer than ``seconds``."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def _real(path: Path) -> Path:
    """``path`` with every symbolic link on the way followed."""
    return Path(os.path.realpath(path))


# --- a project with a secret beside it, and a previous site ----------------------------------


@dataclass
class Project:
    """content/ and ngo_data/ under ``root``, with files beside them that no build may read, and
    a previously published site in ``output`` (in a folder of its own)."""

    root: Path
    data: Path
    content: Path
    output: Path

    @property
    def cache(self) -> Path:
        """The build cache's folder (CACHE_PATH), beside the project and the site."""
        return self.root.parent / "cache"

    @property
    def secrets(self) -> tuple[Path, ...]:
        return (self.root / "secret.txt", self.root / "pelicanconf.py", Path("/etc/passwd"))

    def check_log(self, log: FileLog, untouchable: tuple[Path, ...]) -> None:
        """In the project only content/ and ngo_data/ were opened, and only what really lies
        there (not a file elsewhere through a link); ``untouchable`` and the secrets never were,
        neither by name nor through a link; nothing was written but the site and the build cache."""
        never = {*untouchable, *self.secrets}
        assert [p for p in log.opened if p in never or _real(p) in never] == []
        root, sources = _real(self.root), (_real(self.content), _real(self.data))
        stray = [
            p
            for p in log.opened
            if _inside(_real(p), root) and not any(_inside(_real(p), s) for s in sources)
        ]
        assert stray == []
        written = [p for p in log.written if not self._in_site(p) and not _inside(p, self.cache)]
        assert [p for p in written if p.suffix != ".pyc"] == []

    def _in_site(self, path: Path) -> bool:
        """The output folder, its parent (which the build creates when missing) or one of the
        build's folders beside it (.output.building-*, .output.old-*)."""
        site = self.output.parent
        if path == site:
            return True
        if not path.is_relative_to(site):
            return False
        first = path.relative_to(site).parts[0]
        return first == self.output.name or first.startswith(f".{self.output.name}.")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """The minimal valid folders of test_validate.py (one NGO, partner, meeting, press release and
    page), a secret file and a file named pelicanconf.py beside them, and a previous site."""
    root = tmp_path / "project"
    data = root / "ngo_data"
    for sub in ("ngos", "partners", "meetings"):
        (data / sub).mkdir(parents=True)
    write(data, "regions.yaml", REGIONS)
    write(data, "themes.yaml", THEMES)
    write(data, "ngos/ganja-youth-centre.yaml", NGO)
    write(data, "partners/open-aid.yaml", PARTNER)
    write(data, "meetings/spring-meeting.yaml", MEETING)
    content = root / "content"
    write(content, "press/classes-open.md", PRESS)
    write(content, "pages/about.md", PAGE)
    write(root, "secret.txt", PRIVATE)
    write(root, "pelicanconf.py", f"# {PRIVATE}")
    output = tmp_path / "site" / "output"
    write(output, "index.html", "<p>the previous site</p>\n")
    write(output, "ngos/index.html", "<p>the previous NGO list</p>\n")
    return Project(root, data, content, output)


def validate(project: Project, *untouchable: Path) -> list[str]:
    """``check_data`` on the project's folders, as ``ngo-directory validate`` runs it."""
    with deadline(60), watching() as log:
        directory, problems = check_data(project.data, content=folder_check(project.content))
    assert (directory is None) == bool(problems)
    project.check_log(log, untouchable)
    return [str(p) for p in problems]


def refused_build(project: Project, *untouchable: Path, **overrides: Any) -> list[str]:
    """Build the project with real Pelican over its previous site; the build must stop with
    ValidationFailed, open and write nothing it should not, and leave the previous site as it
    was. Returns the problems as lines."""
    before = tree_digest(project.output)
    around = sorted(p.name for p in project.output.parent.iterdir())
    with deadline(60), watching() as log, pytest.raises(ValidationFailed) as caught:
        build(
            project.output, project.data, project.content, **{"CACHE_PATH": str(project.cache), **overrides}
        )
    project.check_log(log, untouchable)
    assert tree_digest(project.output) == before
    assert sorted(p.name for p in project.output.parent.iterdir()) == around
    assert all(isinstance(p, Problem) for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


def both(project: Project, *untouchable: Path) -> tuple[list[str], list[str]]:
    """The problems ``validate`` reports, and those that stop the build."""
    return validate(project, *untouchable), refused_build(project, *untouchable)


def published_build(project: Project, **overrides: Any) -> Path:
    """Build the project over its previous site; nothing but the site may be written."""
    with watching() as log:
        site = build(
            project.output, project.data, project.content, **{"CACHE_PATH": str(project.cache), **overrides}
        )
    project.check_log(log, ())
    return site


def everything_in(site: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in sorted(site.rglob("*")) if p.is_file()
    )


# --- 1. links out of the content folder -------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "column", "link"),
    [
        ("[passwd]({attach}../../../../../../etc/passwd)", 10, "{attach}../../../../../../etc/passwd"),
        ("[settings]({static}../../pelicanconf.py)", 12, "{static}../../pelicanconf.py"),
        ("[secret]({attach}/../secret.txt)", 10, "{attach}/../secret.txt"),
        ("[secret]({filename}/../../secret.txt)", 10, "{filename}/../../secret.txt"),
        ("[secret](|attach|../../secret.txt)", 10, "|attach|../../secret.txt"),
        ("[secret]({attach}%2e%2e/%2e%2e/secret.txt)", 10, "{attach}%2e%2e/%2e%2e/secret.txt"),
        ("[secret]({attach}./../files/../../secret.txt)", 10, "{attach}./../files/../../secret.txt"),
        ("[secret]({static}../../secret.txt?download=1#top)", 10, "{static}../../secret.txt?download=1#top"),
        ("![secret]({static}../../secret.txt)", 11, "{static}../../secret.txt"),
        ('[secret]({attach}../../secret.txt "a title")', 10, "{attach}../../secret.txt"),
        ("[secret](<{attach}../../secret.txt>)", 11, "{attach}../../secret.txt"),
        ('<a href="{filename}../../secret.txt">secret</a>', 10, "{filename}../../secret.txt"),
        ("<img src='{attach}../../secret.txt' alt=''>", 11, "{attach}../../secret.txt"),
        ('<video poster="{static}../../secret.txt"></video>', 16, "{static}../../secret.txt"),
    ],
    ids=[
        "etc-passwd",
        "settings-file",
        "leading-slash",
        "filename-leading-slash",
        "bar-form",
        "url-encoded-dots",
        "through-a-folder",
        "query-and-fragment",
        "image",
        "link-with-title",
        "angle-brackets",
        "html-href",
        "html-src",
        "html-poster",
    ],
)
def test_press_link_out_of_content_is_refused(
    project: Project, markdown: str, column: int, link: str
) -> None:
    """A Pelican file link in a press release that leads out of content/, in any of the forms
    Pelican follows, is a problem at the link in validate and in the build; the build neither
    reads nor copies the file."""
    write(project.content, "press/classes-open.md", f"{PRESS}\n{markdown}\n")
    expected = [f"content/press/classes-open.md:10:{column}: content: the link '{link}' {LINK_OUT}"]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize(
    ("markdown", "column", "link"),
    [
        ("[settings]({static}../../pelicanconf.py)", 12, "{static}../../pelicanconf.py"),
        ("See [the list][list].\n\n[list]: {attach}/../secret.txt", 9, "{attach}/../secret.txt"),
    ],
    ids=["static", "reference-link"],
)
def test_page_link_out_of_content_is_refused(project: Project, markdown: str, column: int, link: str) -> None:
    """Pages get the same link check as press releases."""
    write(project.content, "pages/about.md", f"{PAGE}\n{markdown}\n")
    line = 7 + markdown.count("\n")
    expected = [f"content/pages/about.md:{line}:{column}: content: the link '{link}' {LINK_OUT}"]
    assert both(project) == (expected, expected)


def test_attachment_inside_content_is_published_and_a_link_out_keeps_the_site(project: Project) -> None:
    """A file inside content/ linked with {attach} or {static} is published; a link out of
    content/ added afterwards stops the next build, which leaves the published site as it was
    and never copies the secret beside content/."""
    write(project.content, "files/annual-report.txt", "Annual report 2025\n")
    write(project.content, "files/contacts.txt", "Contacts\n")
    write(
        project.content, "press/classes-open.md", f"{PRESS}\n[Report]({{attach}}../files/annual-report.txt)\n"
    )
    write(project.content, "pages/about.md", f"{PAGE}\n[Contacts]({{static}}/files/contacts.txt)\n")
    assert validate(project) == []
    site = published_build(project)
    assert (site / "en/press/classes-open/annual-report.txt").read_text("utf-8") == "Annual report 2025\n"
    assert (site / "files/contacts.txt").read_text("utf-8") == "Contacts\n"
    assert PRIVATE not in everything_in(site)
    write(project.content, "press/classes-open.md", f"{PRESS}\n[Report]({{attach}}../../secret.txt)\n")
    expected = [
        f"content/press/classes-open.md:10:10: content: the link '{{attach}}../../secret.txt' {LINK_OUT}"
    ]
    assert both(project) == (expected, expected)
    assert PRIVATE not in everything_in(project.output.parent)


@pytest.mark.parametrize(
    ("markdown", "where"),
    [
        ("[a]({attach}../../secret.txt)\n\n![b]({attach}../../secret.txt)", ["10:5", "12:6"]),
        ('<a href="{attach}&#46;&#46;/&#46;&#46;/secret.txt">x</a>', ["10:10"]),
    ],
    ids=["repeated", "html-entities"],
)
def test_each_link_out_of_content_is_reported_where_it_starts(
    project: Project, markdown: str, where: list[str]
) -> None:
    """Every link out of content/ is one problem, at the line and column where it starts."""
    write(project.content, "press/classes-open.md", f"{PRESS}\n{markdown}\n")
    expected = [
        f"content/press/classes-open.md:{at}: content: the link '{{attach}}../../secret.txt' {LINK_OUT}"
        for at in where
    ]
    assert both(project) == (expected, expected)


NO_FILE = (
    "names no file in the content folder (write the file's path from this file's folder, or from "
    "content/ after a leading '/')"
)


@pytest.mark.parametrize(
    ("markdown", "column", "link"),
    [
        ("[passwd]({attach}/etc/passwd)", 10, "{attach}/etc/passwd"),
        ("[report]({static}files/missing.pdf)", 10, "{static}files/missing.pdf"),
        (
            "Summary link below.\n\n[x]: {filename}/pages/nowhere.md\n\nSee [x].",
            6,
            "{filename}/pages/nowhere.md",
        ),
    ],
    ids=["absolute", "missing", "reference"],
)
def test_a_file_link_to_no_file_is_one_located_problem_in_both(
    project: Project, markdown: str, column: int, link: str
) -> None:
    """A file link that names no file in content/ ({attach}/etc/passwd starts at content/, where
    there is no etc/passwd) is one problem at its place, in validate and in the build, where
    Pelican would otherwise stop the build on a warning that names no file."""
    write(project.content, "press/classes-open.md", f"{PRESS}\n{markdown}\n")
    line = 10 + markdown[: markdown.index("{")].count("\n")
    expected = [f"content/press/classes-open.md:{line}:{column}: content: the link '{link}' {NO_FILE}"]
    assert both(project) == (expected, expected)


NOT_A_RECORD_LINK = "is not a record link: write record: in lower case and a record's slug alone"


@pytest.mark.parametrize(
    ("markdown", "link", "example"),
    [
        ("[them](record:open-aid#staff)", "record:open-aid#staff", "record:open-aid"),
        ("[them](record:open-aid?x=1)", "record:open-aid?x=1", "record:open-aid"),
        ("[them](RECORD:open-aid)", "RECORD:open-aid", "record:open-aid"),
        ("[them](record:Open-Aid)", "record:Open-Aid", "record:open-aid"),
        ('<a href="record:open-aid#staff">them</a>', "record:open-aid#staff", "record:open-aid"),
    ],
    ids=["fragment", "query", "upper-case-scheme", "upper-case-slug", "html"],
)
def test_a_record_link_in_another_form_is_refused_where_it_is(
    project: Project, markdown: str, link: str, example: str
) -> None:
    """A record: link with a fragment, a query or capitals was published as a link that leads
    nowhere: it is a problem at its line and column, in validate and in the build."""
    write(project.content, "press/classes-open.md", f"{PRESS}\nRun with {markdown}.\n")
    column = 10 + markdown.index(link[:6])
    expected = [
        f"content/press/classes-open.md:10:{column}: content: '{link}' {NOT_A_RECORD_LINK} (such as "
        f"'{example}'; a link cannot point into part of a record's page)"
    ]
    assert both(project) == (expected, expected)


def test_record_links_after_a_reference_definition_keep_their_places(project: Project) -> None:
    """A reference link whose definition ends the file does not push the places of the links
    after its use to 1:1: each problem is where its link is written."""
    write(
        project.content,
        "press/classes-open.md",
        f"{PRESS}\nSee [the donor][d], then [them](record:open-ad).\n\nAnd [again](record:nobody-at-all).\n\n"
        "[d]: record:open-aid\n",
    )
    expected = [
        "content/press/classes-open.md:10:33: content: the link 'record:open-ad' names no record of the "
        "directory (did you mean 'open-aid'?)",
        "content/press/classes-open.md:12:13: content: the link 'record:nobody-at-all' names no record of "
        "the directory (write record: and the slug of an NGO, partner, meeting or programme)",
    ]
    assert both(project) == (expected, expected)


def test_links_in_a_summary_are_checked_like_the_body(project: Project) -> None:
    """A press release's Summary is Markdown too: a record: link there that names no record, and
    a file link there that leads out of content/, are problems on its line."""
    release = PRESS.replace(
        "Slug: classes-open\n",
        "Slug: classes-open\nSummary: With [them](record:open-ad) and [this]({attach}../../secret.txt).\n",
    )
    write(project.content, "press/classes-open.md", release)
    expected = [
        f"content/press/classes-open.md:7:49: content: the link '{{attach}}../../secret.txt' {LINK_OUT}",
        "content/press/classes-open.md:7:22: content: the link 'record:open-ad' names no record of the "
        "directory (did you mean 'open-aid'?)",
    ]
    assert both(project) == (sorted(expected), sorted(expected))


def test_links_in_a_records_markdown_are_checked_where_they_are(project: Project) -> None:
    """A record's Markdown fields get the record-link checks of pages, and a file link there
    ({static}, {attach}, {filename}: only pages and press releases have files) is refused; each
    at its line and column, with the field, in validate and in the build."""
    description = (
        "description:\n"
        "  en: |\n"
        "    Classes with [the donor](record:open-ad).\n"
        "    See [the settings]({static}../../pelicanconf.py) and [staff](record:open-aid#staff).\n"
        "  ru: '[Отчёт]({attach}report.pdf)'\n"
    )
    ngo = NGO.replace("description: Computer classes for young people.\n", description)
    write(project.data, "ngos/ganja-youth-centre.yaml", ngo)
    write(
        project.data,
        "meetings/spring-meeting.yaml",
        MEETING + "agenda: 'Talk by [them](record:nobody-at-all).'\n",
    )
    file = "ngo_data/ngos/ganja-youth-centre.yaml"
    file_link = (
        "is a file link, which only pages and press releases can hold (link to a web address, or put "
        "the file in content/ and link it from a page)"
    )
    expected = [
        "ngo_data/meetings/spring-meeting.yaml:11:25: agenda: the link 'record:nobody-at-all' names no "
        "record of the directory (write record: and the slug of an NGO, partner, meeting or programme)",
        f"{file}:4:30: description.en: the link 'record:open-ad' names no record of the directory "
        "(did you mean 'open-aid'?)",
        f"{file}:5:24: description.en: the link '{{static}}../../pelicanconf.py' {file_link}",
        f"{file}:5:66: description.en: 'record:open-aid#staff' {NOT_A_RECORD_LINK} (such as "
        "'record:open-aid'; a link cannot point into part of a record's page)",
        f"{file}:6:16: description.ru: the link '{{attach}}report.pdf' {file_link}",
    ]
    assert both(project) == (expected, expected)


def test_a_record_link_in_a_records_markdown_leads_to_the_record(project: Project) -> None:
    """A record: link in a record's description leads to that record's page in the page's
    language, as in a page or press release (it was published as a link without an address)."""
    write(
        project.data,
        "ngos/ganja-youth-centre.yaml",
        NGO.replace(
            "description: Computer classes for young people.",
            "description: 'Funded by [the donor](record:open-aid).'",
        ),
    )
    assert validate(project) == []
    site = published_build(project)
    for prefix in ("", "ru/", "en/"):
        page = lxml_html.fromstring((site / prefix / "ngos/ganja-youth-centre/index.html").read_bytes())
        links = page.xpath("//main//a[normalize-space()='the donor']")
        up = "../../" + ("../" if prefix else "")
        assert [a.get("href") for a in links] == [f"{up}{prefix}partners/open-aid/"], prefix


# --- 2. links, special files and oversized files ----------------------------------------------


def _link(target: Path | str, at: Path) -> tuple[Path, ...]:
    at.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, at)
    return (at, Path(target)) if Path(target).is_absolute() else (at,)


def _pipe(at: Path) -> tuple[Path, ...]:
    os.mkfifo(at)
    return (at,)


def _linked_folder(project: Project) -> tuple[Path, ...]:
    private = project.root / "private"
    write(private, "notes.md", f"Title: Notes\nSlug: notes\nLang: en\n\n{PRIVATE}")
    return (*_link(private, project.content / "pages/private"), private / "notes.md")


SPECIAL_FILES: dict[str, tuple[Callable[[Project], tuple[Path, ...]], str]] = {
    "record-linked-to-a-record": (
        lambda p: _link("ganja-youth-centre.yaml", p.data / "ngos/youth-centre.yaml"),
        f"ngo_data/ngos/youth-centre.yaml:1:1: {LINK}",
    ),
    "record-linked-to-a-host-file": (
        lambda p: _link(p.root / "secret.txt", p.data / "ngos/youth-centre.yaml"),
        f"ngo_data/ngos/youth-centre.yaml:1:1: {LINK}",
    ),
    "record-linked-to-dev-zero": (
        lambda p: _link("/dev/zero", p.data / "partners/zero.yaml"),
        f"ngo_data/partners/zero.yaml:1:1: {LINK}",
    ),
    "linked-folder-of-records": (
        lambda p: _link(p.data / "partners", p.data / "ngos/more"),
        f"ngo_data/ngos/more:1:1: {LINK}",
    ),
    "record-is-a-named-pipe": (
        lambda p: _pipe(p.data / "meetings/autumn-meeting.yaml"),
        f"ngo_data/meetings/autumn-meeting.yaml:1:1: {SPECIAL}",
    ),
    "press-release-linked-to-dev-zero": (
        lambda p: _link("/dev/zero", p.content / "press/zero.md"),
        f"content/press/zero.md:1:1: {LINK}",
    ),
    "page-is-a-named-pipe": (
        lambda p: _pipe(p.content / "pages/pipe.md"),
        f"content/pages/pipe.md:1:1: {SPECIAL}",
    ),
    "hidden-press-release-linked-to-dev-zero": (
        lambda p: _link("/dev/zero", p.content / "press/.zero.md"),
        f"content/press/.zero.md:1:1: {LINK}",
    ),
    "hidden-page-linked-to-a-host-file": (
        lambda p: _link(p.root / "secret.txt", p.content / "pages/.notes.md"),
        f"content/pages/.notes.md:1:1: {LINK}",
    ),
    "linked-folder-of-pages": (_linked_folder, f"content/pages/private:1:1: {LINK}"),
}


@POSIX_ONLY
@pytest.mark.parametrize("case", SPECIAL_FILES)
def test_links_and_special_files_are_refused_unread(project: Project, case: str) -> None:
    """A record, press release or page that is a symbolic link (to another record, a file on the
    host or /dev/zero), a linked folder or a named pipe is refused by validate and by the build
    before anything opens it: no hang, no MemoryError, nothing read through the link."""
    make, expected = SPECIAL_FILES[case]
    untouchable = make(project)
    assert both(project, *untouchable) == ([expected], [expected])


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        ("ngo_data/ngos/long-story.yaml", NGO + "# " + "padding " * 33_000 + "\n"),
        ("content/press/long-story.md", PRESS.replace("classes-open", "long-story") + "words " * 44_000),
        ("content/pages/long-story.md", "Title: Long\nSlug: long-story\nLang: en\n\n" + "words " * 44_000),
    ],
    ids=["record", "press-release", "page"],
)
def test_oversized_files_are_refused(project: Project, relative: str, text: str) -> None:
    """A record, press release or page over NGO_DIRECTORY_MAX_FILE_BYTES is refused with its size."""
    path = write(project.root, relative, text)
    size = path.stat().st_size
    assert size > 262_144
    expected = [
        f"{relative}:1:1: file is {size:,} bytes, over the limit of 262,144 "
        "(shorten the text or link to a longer document)"
    ]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        ("ngo_data/ngos/long-story.yaml", NGO + "# " + "padding " * 600 + "\n"),
        ("content/press/long-story.md", PRESS.replace("classes-open", "long-story") + "words " * 800),
    ],
    ids=["record", "press-release"],
)
def test_the_build_applies_its_own_size_limit(project: Project, relative: str, text: str) -> None:
    """NGO_DIRECTORY_MAX_FILE_BYTES set lower stops the build at the lower limit."""
    size = write(project.root, relative, text).stat().st_size
    assert 4_096 < size < 262_144
    assert validate(project) == []
    assert refused_build(project, NGO_DIRECTORY_MAX_FILE_BYTES=4_096) == [
        f"{relative}:1:1: file is {size:,} bytes, over the limit of 4,096 "
        "(shorten the text or link to a longer document)"
    ]


# --- 3. invisible characters written as escapes -----------------------------------------------

ESCAPE_HINT = "delete the escape: invisible characters can disguise names and links"
BREAK_HINT = "for a line break, write the text as a block with '|' and break the line there"


@pytest.mark.parametrize(
    ("escape", "described", "hint"),
    [
        ("\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE", ESCAPE_HINT),
        ("\\u200B", "U+200B ZERO WIDTH SPACE", ESCAPE_HINT),
        ("\\u2028", "U+2028 LINE SEPARATOR", BREAK_HINT),
        ("\\0", "U+0000 control character", ESCAPE_HINT),
        ("\\a", "U+0007 control character", ESCAPE_HINT),
        ("\\e", "U+001B control character", ESCAPE_HINT),
    ],
    ids=["rlo", "zwsp", "line-separator", "nul", "bell", "escape"],
)
def test_escaped_invisible_characters_are_refused(
    project: Project, escape: str, described: str, hint: str
) -> None:
    """An invisible or control character written as a double-quoted escape in a record's name or
    description is refused at the value, with its field, by validate and by the build, so no
    page ever carries it."""
    record = NGO.replace("name: Ganja Youth Centre", f'name: "Ganja{escape} Centre"').replace(
        "description: Computer classes for young people.", f'description: {{en: "Computer{escape} classes"}}'
    )
    write(project.data, "ngos/evil-centre.yaml", record)
    expected = [
        f"ngo_data/ngos/evil-centre.yaml:1:7: name: {described}, written as an escape, "
        f"is not allowed ({hint})",
        f"ngo_data/ngos/evil-centre.yaml:2:19: description.en: {described}, written as an escape, "
        f"is not allowed ({hint})",
    ]
    assert both(project) == (expected, expected)


def test_arabic_letter_mark_is_refused_like_the_other_bidirectional_marks(project: Project) -> None:
    """All three bidirectional marks (U+200E, U+200F, U+061C) are refused alike."""
    write(
        project.data,
        "ngos/evil-centre.yaml",
        NGO.replace("name: Ganja Youth Centre", 'name: "Ganja\\u061C Centre"'),
    )
    expected = [
        "ngo_data/ngos/evil-centre.yaml:1:7: name: U+061C ARABIC LETTER MARK, written as an escape, "
        f"is not allowed ({ESCAPE_HINT})"
    ]
    assert validate(project) == expected
    assert refused_build(project) == expected


# --- 4. forged CI annotations -------------------------------------------------------------------

FORGED = "::warning file=ngo_data/ngos/other.yaml,line=1::forged"
FORGED_NAME = "evil\n::warning file=other.yaml,line=1::forged"


def _forge(project: Project) -> list[str]:
    """A region value and a record file name that each carry a line break and an annotation;
    returns the problem lines expected for them."""
    record = project.data / "ngos/ganja-youth-centre.yaml"
    record.write_text(NGO.replace("regions: [ganja]", f'regions: ["x\\n{FORGED}"]'), "utf-8")
    write(project.data, f"ngos/{FORGED_NAME}.yaml", NGO)
    escaped = FORGED_NAME.replace("\n", "\\n")
    return [
        f"ngo_data/ngos/{escaped}.yaml:1:1: file name '{escaped}' is not a valid slug (rename it to "
        "evil-warning-file-other-yaml-line-1-forged.yaml: lowercase letters a-z, digits and single hyphens)",
        f"ngo_data/ngos/ganja-youth-centre.yaml:3:11: regions[0]: unknown region 'x\\n{FORGED}' "
        "(allowed: baku, ganja, sheki; see ngo_data/regions.yaml)",
    ]


def _own_annotations_only(lines: list[str], files: list[str]) -> None:
    """Every line starting with '::' is one of ours, an error about one of ``files``."""
    commands = [line for line in lines if line.startswith("::")]
    assert [c for c in commands if not c.startswith(tuple(f"::error file={f}," for f in files))] == []


def _run_validate(project: Project, *extra: str) -> Result:
    return CliRunner().invoke(
        main, ["validate", "--data", str(project.data), "--content", str(project.content), *extra]
    )


@POSIX_ONLY
def test_forged_annotations_stay_inside_their_line_in_validate(project: Project) -> None:
    """A line break in a value or a file name is shown as '\\n': `validate` prints one line per
    problem in both formats, and the only annotations are its own, one per problem."""
    expected = _forge(project)
    text = _run_validate(project)
    assert text.exit_code == 1
    assert text.stdout.splitlines() == expected
    assert text.stderr == "2 problems found.\n"
    github = _run_validate(project, "--format", "github")
    assert github.exit_code == 1
    name = FORGED_NAME.replace("\n", "\\n").replace(":", "%3A").replace(",", "%2C")
    assert github.stdout.splitlines() == [
        *expected,
        f"::error file=ngo_data/ngos/{name}.yaml,line=1,col=1,title=record::{expected[0].split(': ', 1)[1]}",
        "::error file=ngo_data/ngos/ganja-youth-centre.yaml,line=3,col=11,title=regions[0]::"
        + expected[1].split(": ", 1)[1],
    ]
    _own_annotations_only(
        github.stdout.splitlines(), [f"ngo_data/ngos/{name}.yaml", "ngo_data/ngos/ganja-youth-centre.yaml"]
    )
    assert refused_build(project) == expected


def _settings_for(project: Project) -> Path:
    """A settings file: the project's own, reading the test project's folders."""
    return write(
        project.root,
        "site-settings.py",
        (ROOT / "pelicanconf.py").read_text("utf-8")
        + f"\nPATH = {str(project.content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"NGO_DIRECTORY_DATA_PATH = {str(project.data)!r}\n",
    )


@POSIX_ONLY
def test_forged_annotations_stay_inside_their_line_in_the_build_command(project: Project) -> None:
    """`ngo-directory build` reports each problem that stops it on one line, like validate."""
    expected = _forge(project)
    before = tree_digest(project.output)
    result = CliRunner().invoke(main, ["build", "-s", str(_settings_for(project)), "-o", str(project.output)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == expected
    assert result.stderr == (
        "2 problems found.\nError: build stopped: fix the problems above; the previous site is unchanged\n"
    )
    assert tree_digest(project.output) == before


@POSIX_ONLY
def test_pelicans_messages_stay_inside_their_line_in_the_build_command(project: Project) -> None:
    """A page whose file name carries a line break and an annotation, and which Pelican itself
    refuses (it has no title), does not start a line of its own in the build's output."""
    write(project.content, "pages/x\n::error file=README.md::forged.md", "Slug: untitled\nLang: en\n\nx\n")
    command = ["build", "-s", str(_settings_for(project)), "-o", str(project.output)]
    result = subprocess.run(
        [sys.executable, "-c", "from ngo_directory.cli import main; main()", *command],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("::")] == []


# --- 5. reserved names ------------------------------------------------------------------------

RESERVED_SLUGS = ["ngos", "search", "feeds", "calendars", "pagefind", "theme", "index", "ru", "page"]


@pytest.mark.parametrize("slug", RESERVED_SLUGS)
def test_reserved_page_slug_is_refused(project: Project, slug: str) -> None:
    """A page cannot take a name the site uses for its own pages (a page 'ngos' or 'search'
    would overwrite the NGO list or the search page)."""
    write(project.content, "pages/taken.md", f"Title: Taken\nSlug: {slug}\nLang: en\n\nx\n")
    expected = [f"content/pages/taken.md:2:7: slug: '{slug}' {RESERVED_SLUG}"]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize("slug", RESERVED_SLUGS)
def test_reserved_press_release_slug_is_refused(project: Project, slug: str) -> None:
    """Press releases share the one list of reserved names."""
    write(project.content, "press/taken.md", PRESS.replace("Slug: classes-open", f"Slug: {slug}"))
    expected = [f"content/press/taken.md:6:7: slug: '{slug}' {RESERVED_SLUG}"]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize(
    "relative",
    [
        "ngos/con.yaml",
        "ngos/nul.yaml",
        "partners/aux.yaml",
        "ngos/tag.yaml",
        "partners/calendars.yaml",
        "ngos/pagefind.yaml",
    ],
)
def test_reserved_record_file_name_is_refused(project: Project, relative: str) -> None:
    """Windows device names and the site's own folders cannot name a record."""
    write(project.data, relative, NGO if relative.startswith("ngos/") else PARTNER)
    name = Path(relative).stem
    expected = [f"ngo_data/{relative}:1:1: '{name}' is a reserved name (choose a more specific file name)"]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize(
    ("setting", "value", "taken", "freed"),
    [
        ("NGO_DIRECTORY_FEEDS_PATH", "subscriptions/", "subscriptions", "feeds"),
        ("SEARCH_INDEX_URL", "find/", "find", "search"),
    ],
)
def test_reserved_names_follow_the_url_settings(
    project: Project, setting: str, value: str, taken: str, freed: str
) -> None:
    """Moving the feeds or the search page reserves the new name in the build and frees the old one."""
    write(project.content, "pages/freed.md", f"Title: Freed\nSlug: {freed}\nLang: en\n\nThe freed name.\n")
    write(project.content, "pages/taken.md", f"Title: Taken\nSlug: {taken}\nLang: en\n\nx\n")
    assert refused_build(project, **{setting: value}) == [
        f"content/pages/taken.md:2:7: slug: '{taken}' {RESERVED_SLUG}"
    ]
    (project.content / "pages/taken.md").unlink()
    site = published_build(project, **{setting: value})
    assert "The freed name." in (site / freed / "index.html").read_text("utf-8")
    assert (site / taken).is_dir()
    moved = reserved_names({**DEFAULTS, setting: value})
    assert (taken in moved, freed in moved) == (True, False)
    assert (taken in reserved_names(DEFAULTS), freed in reserved_names(DEFAULTS)) == (False, True)


def test_build_reserves_no_folder_of_the_build_host(project: Project) -> None:
    """A page named like a folder on the build host ('tmp', 'home') builds as validate says it does."""
    name = project.root.parts[1].lower()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        pytest.skip(f"the first folder of {project.root} is no slug")
    write(project.content, "pages/host.md", f"Title: Host\nSlug: {name}\nLang: en\n\nx\n")
    assert validate(project) == []
    assert (published_build(project) / name / "index.html").is_file()


# --- 6. file names that differ only in case ---------------------------------------------------


def test_case_variant_record_names_both_files_and_nothing_else(project: Project) -> None:
    """NGO-Alpha.yaml beside ngo-alpha.yaml: the problems name both files; the meeting and the
    press release that refer to ngo-alpha are not reported."""
    write(project.data, "ngos/ngo-alpha.yaml", NGO.replace("Ganja Youth Centre", "NGO Alpha"))
    write(project.data, "ngos/NGO-Alpha.yaml", NGO.replace("Ganja Youth Centre", "NGO Alpha (copy)"))
    if len(list((project.data / "ngos").glob("*-[Aa]lpha.yaml"))) != 2:
        pytest.skip("the file system does not tell upper from lower case")
    write(
        project.data,
        "meetings/spring-meeting.yaml",
        MEETING.replace("organisers: [ganja-youth-centre]", "organisers: [ngo-alpha]"),
    )
    write(project.content, "press/classes-open.md", PRESS.replace("ganja-youth-centre", "ngo-alpha"))
    expected = [
        "ngo_data/ngos/NGO-Alpha.yaml:1:1: file name 'NGO-Alpha' is not a valid slug (rename it: "
        "lowercase letters a-z, digits and single hyphens; 'ngo-alpha' is another record's, so choose "
        "another name)",
        "ngo_data/ngos/ngo-alpha.yaml:1:1: file name differs from ngo_data/ngos/NGO-Alpha.yaml only in "
        "upper and lower case (keep one of the two files: Windows and macOS checkouts cannot hold both)",
    ]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("press/w10.md", "press/W10.md"),
        ("pages/about-us.md", "pages/About-Us.md"),
        ("pages/a.pdf", "Pages/a.pdf"),
    ],
    ids=["press", "pages", "folder"],
)
def test_content_names_differing_only_in_case_are_refused_by_both(
    project: Project, first: str, second: str
) -> None:
    """Two files under content/ whose paths differ only in case (in a name or a folder's) are
    one problem naming both, in validate and in the build: a Windows or macOS checkout keeps one."""
    text = (PRESS if first.startswith("press/") else PAGE).replace("Slug: ", "Slug: w10-")
    write(project.content, first, text if first.endswith(".md") else "x")
    write(project.content, second, text.replace("Lang: en", "Lang: ru") if second.endswith(".md") else "x")
    if not (project.content / first).is_file() or (project.content / first).samefile(
        project.content / second
    ):
        pytest.skip("the file system does not tell upper from lower case")
    earlier, later = sorted([f"content/{first}", f"content/{second}"])
    expected = [
        f"{later}:1:1: file name differs from {earlier} only in upper and lower case (keep one of the two "
        "files: Windows and macOS checkouts cannot hold both)"
    ]
    assert both(project) == (expected, expected)


def test_a_record_folder_in_another_case_is_refused_by_both(project: Project) -> None:
    """ngo_data/NGOS/ is not ngo_data/ngos/: its records would be left out without a word on
    Linux, so validate and the build refuse the folder."""
    write(project.data, "NGOS/ngo-beta.yaml", NGO.replace("Ganja Youth Centre", "NGO Beta"))
    expected = [
        "ngo_data/NGOS:1:1: 'NGOS' differs from 'ngos' only in upper and lower case, so it is not read "
        "as 'ngos' "
        "(rename it to 'ngos')"
    ]
    assert both(project) == (expected, expected)


def test_a_press_folder_in_another_case_is_refused_by_both(project: Project) -> None:
    """content/Press/ is not the press folder: its releases would be published as pages."""
    write(project.content, "Press/second.md", PRESS.replace("classes-open", "second"))
    expected = [
        "content/Press:1:1: 'Press' differs from 'press' only in upper and lower case, so it is not read "
        "as 'press' "
        "(rename it to 'press')"
    ]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "az",
            "'NGOS' adı 'ngos' adından yalnız böyük-kiçik hərflərlə fərqlənir, ona görə də 'ngos' kimi "
            "oxunmur "
            "(adını 'ngos' olaraq dəyişin)",
        ),
        (
            "ru",
            "'NGOS' отличается от 'ngos' только регистром букв, поэтому не читается как 'ngos' "
            "(переименуйте в 'ngos')",
        ),
        (
            "en",
            "'NGOS' differs from 'ngos' only in upper and lower case, so it is not read as 'ngos' "
            "(rename it to 'ngos')",
        ),
    ],
)
def test_a_record_folder_in_another_case_in_every_language(
    project: Project, language: str, expected: str
) -> None:
    write(project.data, "NGOS/ngo-beta.yaml", NGO)
    _, problems = check_data(project.data)
    assert [p.localized(language) for p in problems] == [f"ngo_data/NGOS:1:1: {expected}"]


def test_a_rename_hint_never_suggests_a_taken_name(project: Project) -> None:
    """The slug suggested for a bad file name is neither reserved nor another record's."""
    write(project.data, "partners/CON.yaml", PARTNER.replace("Open Aid", "Con Aid"))
    assert validate(project) == [
        "ngo_data/partners/CON.yaml:1:1: file name 'CON' is not a valid slug (rename it: lowercase "
        "letters a-z, digits and single hyphens; 'con' is a reserved name, so choose a more specific one)",
    ]


# --- 7. what validate and the build both refuse in the content folder --------------------------


@pytest.mark.parametrize("name", ["notes.txt", "second-release.markdown", "README"])
def test_a_text_file_in_the_press_folder_is_refused_by_both(project: Project, name: str) -> None:
    """A text file in the press folder that Pelican would not read as a press release is
    reported by validate and by the build alike, so that a release is never silently left out."""
    write(project.content, f"press/{name}", PRESS)
    expected = [f"content/press/{name}:1:1: not a Markdown press release (rename it to .md)"]
    assert both(project) == (expected, expected)


@pytest.mark.parametrize("name", ["contact.markdown", "history.rst", "old.html"])
def test_a_page_in_another_format_is_refused_by_both(project: Project, name: str) -> None:
    """A page written in a format the site does not read (only .md files are pages) is reported
    by validate and by the build alike, instead of being left out, or published unchecked."""
    write(project.content, f"pages/{name}", PAGE)
    expected = [f"content/pages/{name}:1:1: not a Markdown page: only .md files are read (rename it to .md)"]
    assert both(project) == (expected, expected)


def test_two_files_with_one_slug_and_language_are_refused_by_both(project: Project) -> None:
    """Two press releases with the same slug in the same language would be published at one
    address: validate and the build name the second file, its line and the first file."""
    write(project.content, "press/classes-open-again.md", PRESS)
    expected = [
        "content/press/classes-open.md:5:7: lang: content/press/classes-open-again.md already has "
        "slug 'classes-open' in 'en' (translations of one text share a slug but each needs its own "
        "language; otherwise give this one a different slug)"
    ]
    assert both(project) == (expected, expected)


def test_a_text_without_the_default_language_is_published_in_every_language(project: Project) -> None:
    """A press release in Russian and English, none in Azerbaijani (the default language), is
    checked and published: its own versions under ru/ and en/, and at the root the first
    fallback language that has it (Russian), marked as such."""
    russian = PRESS.replace("Lang: en", "Lang: ru").replace("Title: Classes open", "Title: Занятия открыты")
    write(project.content, "press/classes-open-ru.md", russian)
    assert validate(project) == []
    site = published_build(project)
    titles = {}
    for prefix in ("", "ru/", "en/"):
        tree = lxml_html.fromstring((site / prefix / "press/classes-open/index.html").read_bytes())
        titles[prefix] = (tree.get("lang"), tree.xpath("//main/article/@lang"), tree.findtext(".//h1"))
    assert titles == {
        "": ("az", ["ru"], "Занятия открыты"),
        "ru/": ("ru", [], "Занятия открыты"),
        "en/": ("en", [], "Classes open"),
    }


def test_an_attachment_beside_a_press_release_is_published(project: Project) -> None:
    """A PDF in the press folder is an attachment, linked with {attach} and published."""
    (project.content / "press/report.pdf").write_bytes(b"%PDF-1.4 a report\n")
    write(project.content, "press/classes-open.md", PRESS + "\n[The report]({attach}report.pdf)\n")
    assert validate(project) == []
    site = published_build(project)
    assert (site / "en/press/classes-open/report.pdf").read_bytes() == b"%PDF-1.4 a report\n"


@POSIX_ONLY
def test_a_content_file_name_with_a_line_break_is_refused_by_both(project: Project) -> None:
    """A page whose file name holds a line break is refused, by validate and by the build."""
    write(project.content, "pages/about\n::warning file=README.md::x.md", PAGE)
    expected = [
        "content/pages/about\\n::warning file=README.md::x.md:1:1: file name holds a control or "
        "invisible character (rename it with letters, digits, hyphens and dots only)"
    ]
    assert both(project) == (expected, expected)


def test_a_missing_vocabulary_is_reported_once(project: Project) -> None:
    """A regions.yaml that is missing or unusable is reported itself, not again as an unknown
    region in every record."""
    (project.data / "regions.yaml").unlink()
    expected = ["ngo_data/regions.yaml:1:1: file is missing (create regions.yaml; see README)"]
    assert both(project) == (expected, expected)


def test_a_release_cannot_pass_as_another_organisations_translation(project: Project) -> None:
    """A file with the slug of another organisation's release would be published as its version
    in another language, linked from its pages: validate and the build both refuse it."""
    write(project.data, "ngos/mallory-ngo.yaml", NGO.replace("Ganja Youth Centre", "Mallory NGO"))
    hijack = PRESS.replace("Organization: ganja-youth-centre", "Organization: mallory-ngo")
    write(project.content, "press/zz-hijack.md", hijack.replace("Lang: en", "Lang: ru"))
    expected = [
        "content/press/zz-hijack.md:3:15: organization: 'mallory-ngo' differs from 'ganja-youth-centre' in "
        "content/press/classes-open.md, which has the same slug (the language versions of one press "
        "release name the same organisation and meeting; give this release a slug of its own)"
    ]
    assert both(project) == (expected, expected)
