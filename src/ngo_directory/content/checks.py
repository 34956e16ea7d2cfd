"""The checks of every page and press release, in ``validate`` and in the build alike.

Each text comes as a ``SourceText``: its file, its source, its metadata and its HTML, from
whichever reader saw it (``content/reading.py`` for ``validate``, Pelican's for the build, via
``integration/content.py``). ``check_texts`` is the one place that judges them."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..i18n import N_, RECORD_LANGUAGES
from ..problems import Message, Problem, either
from ..records.loader import check_characters
from ..records.sources import display, relative, walk, wrong_case_names
from ..records.validate import WITH_ARTICLE
from ..text.links import Places, file_links, record_hrefs, record_link_problem
from ..text.translit import SLUG, slugify

LINKS = {"organization": ("ngo", "partner"), "meeting": ("meeting",)}
LineOf = Callable[[str], int]
"""Finds the line of a metadata key; called only when a problem needs it."""
REQUIRED = ("title", "date", "organization")


def metadata_line(text: str, key: str) -> int:
    """Line number of ``key:`` in a Markdown metadata header (1 when absent)."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:", re.IGNORECASE)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        if pattern.match(line):
            return number
    return 1


def check_release_versions(releases: Sequence[tuple[str, LineOf, Mapping[str, object]]]) -> list[Problem]:
    """The language versions of one press release (files sharing its slug) name the same
    organisation and meeting: otherwise one organisation's text could be published as another's
    release, linked from its pages in the other languages. ``releases`` are (file, line_of,
    metadata); the first file by name is the one the others are compared with."""
    problems = []
    first: dict[str, tuple[str, Mapping[str, object]]] = {}
    for file, line_of, metadata in sorted(releases, key=lambda release: release[0]):
        slug = str(metadata.get("slug") or "").strip()
        if not slug:
            continue
        if slug not in first:
            first[slug] = (file, metadata)
            continue
        other_file, other = first[slug]
        for key in ("organization", "meeting"):
            value, expected = (str(m.get(key) or "").strip() for m in (metadata, other))
            if value != expected:
                problems.append(
                    Problem(
                        file,
                        line_of(key),
                        len(key) + 3,
                        key,
                        Message(
                            N_(
                                "'%(value)s' differs from '%(expected)s' in %(file)s, which has the same slug"
                            ),
                            value=value,
                            expected=expected,
                            file=other_file,
                        ),
                        Message(
                            N_(
                                "the language versions of one press release name the same organisation "
                                "and meeting; give this release a slug of its own"
                            )
                        ),
                    )
                )
    return problems


def _missing(file: str, key: str, hint: Message) -> Problem:
    """A required metadata line that is not there: reported at the top of the file."""
    return Problem(file, 1, 1, key, Message(N_("required metadata is missing")), hint)


def check_press_release(
    file: str, line_of: LineOf, metadata: Mapping[str, object], kind_of: Mapping[str, str]
) -> list[Problem]:
    """Problems with one press release's metadata; ``kind_of`` maps slugs to record kinds."""
    problems = []
    for key in REQUIRED:
        if not str(metadata.get(key) or "").strip():
            problems.append(
                _missing(
                    file, key, Message(N_("add a line '%(line)s' at the top"), line=f"{key.title()}: ...")
                )
            )
    for key, kinds in LINKS.items():
        value = metadata.get(key)
        if value is None or not str(value).strip():
            continue
        slug = str(value).strip()
        kind = kind_of.get(slug)
        wanted = either(WITH_ARTICLE[k] for k in kinds)
        if kind not in kinds:
            found = (
                Message(
                    N_("'%(slug)s' is %(kind)s, not %(wanted)s"),
                    slug=slug,
                    kind=WITH_ARTICLE[kind],
                    wanted=wanted,
                )
                if kind
                else Message(N_("unknown slug '%(slug)s'"), slug=slug)
            )
            problems.append(
                Problem(
                    file,
                    line_of(key),
                    len(key) + 3,
                    key,
                    found,
                    Message(N_("use the file name of %(kinds)s record in ngo_data/"), kinds=wanted),
                )
            )
    return problems


def _link_targets(value: str, folder: str) -> set[str]:
    """Every path Pelican may try for a link's value: as written, unquoted and HTML-unescaped;
    a leading '/' starts at the content folder, anything else at the linking file's folder."""
    paths = {urlparse(value).path, unquote(urlparse(value).path), urlparse(html.unescape(value)).path}
    paths.add(urlparse(value).path.replace("%20", " "))
    found = set()
    for path in paths:
        joined = path[1:] if path.startswith("/") else os.path.join(folder, path)
        found.add(os.path.normpath(joined))
    return found


def _names_a_file(targets: set[str], content: Path) -> bool:
    """Whether one of a link's paths (inside the content folder) is an ordinary file there."""
    return any((content / t).is_file() and not (content / t).is_symlink() for t in targets)


def check_links(
    file: str, text: str, body: str, relative_folder: str, content: Path | None = None
) -> list[Problem]:
    """A problem for each {filename}, {static} or {attach} link that leads outside the content
    folder: Pelican would copy that file, from anywhere on the build host, into the site; and,
    given the ``content`` folder, for each that names no file in it (``{attach}/etc/passwd``
    starts at content/), which Pelican would only warn about, without a place.
    ``relative_folder`` is the linking file's folder relative to the content folder."""
    problems = []
    places = Places(text)
    for written, value in file_links(body):
        targets = _link_targets(value, relative_folder)
        if any(t == ".." or t.startswith("../") or os.path.isabs(t) for t in targets):
            message = N_("the link '%(link)s' leads outside the content folder")
            hint = Message(N_("link only to files inside content/, or to a web address"))
        elif content is not None and not _names_a_file(targets, content):
            message = N_("the link '%(link)s' names no file in the content folder")
            hint = Message(
                N_("write the file's path from this file's folder, or from content/ after a leading '/'")
            )
        else:
            continue
        link = html.unescape(written)
        line, column = places.find(written, link, value)
        problems.append(Problem(file, line or 1, column or 1, "content", Message(message, link=link), hint))
    return problems


def check_record_links(file: str, text: str, body: str, kind_of: Mapping[str, str]) -> list[Problem]:
    """A problem for each record: link that names no NGO, partner, meeting or programme, or
    that is not one the site can follow (text/links.py)."""
    problems = []
    places = Places(text)
    for link in record_hrefs(body):
        found = record_link_problem(link, kind_of)
        line, column = places.find(link, html.escape(link, quote=False), html.escape(link))
        if found is not None:
            problems.append(Problem(file, line or 1, column or 1, "content", *found))
    return problems


# Files that look meant as press releases or pages but that are not read as one (only .md files
# are): reported, so that no text is ever silently left out. In the press folder, any text file;
# elsewhere, the other formats Pelican knows (only .md is read, as validate reads it). Anything
# else (a PDF, a picture) is an attachment a text may link with {attach}.
_TEXT_SUFFIXES = frozenset({"", ".txt", ".markdown", ".mdown", ".mkd", ".mkdn", ".rst", ".html", ".htm"})
_PAGE_SUFFIXES = frozenset({".markdown", ".mdown", ".mkd", ".mkdn", ".rst", ".html", ".htm"})


def stray_text_files(content: Path, press_folder: str, root: Path) -> list[Problem]:
    """A problem for each file under ``content`` that looks meant as a press release or page
    but is not a Markdown (.md) file, and for a press folder in another case (``Press/``),
    whose releases would be read as pages."""
    if not content.is_dir() or content.is_symlink():
        return []
    press = content / press_folder
    problems = wrong_case_names(content, [press_folder], root)
    for path in walk(content):
        if path.name.startswith(".") or path.is_symlink() or not path.is_file():
            continue
        suffix = path.suffix.lower()
        in_press = relative(path, press) is not None
        if in_press and suffix in _TEXT_SUFFIXES:
            message = Message(N_("not a Markdown press release"))
        elif not in_press and suffix in _PAGE_SUFFIXES:
            message = Message(N_("not a Markdown page: only .md files are read"))
        else:
            continue
        problems.append(Problem(display(path, root), 1, 1, "", message, Message(N_("rename it to .md"))))
    return problems


FORBIDDEN_METADATA = ("save_as", "url", "template", "path")


def check_content_metadata(
    file: str,
    line_of: LineOf,
    metadata: Mapping[str, object],
    languages: Sequence[str] = RECORD_LANGUAGES,
    reserved: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Problems any page or press release can have: a missing, unsafe or reserved slug, a
    missing or unknown language, output overrides."""
    problems = []
    slug = metadata.get("slug")
    title = str(metadata.get("title") or "")
    if slug is None or not str(slug).strip():
        problems.append(
            _missing(
                file,
                "slug",
                Message(
                    N_("add a line '%(line)s' at the top; translations of one text share its slug"),
                    line=f"Slug: {slugify(title or Path(file).stem)}",
                ),
            )
        )
    elif not SLUG.fullmatch(str(slug)):
        problems.append(
            Problem(
                file,
                line_of("slug"),
                7,
                "slug",
                Message(N_("'%(slug)s' is not a valid slug"), slug=str(slug)),
                Message(
                    N_("use lowercase letters a-z, digits and single hyphens, such as '%(example)s'"),
                    example=slugify(str(slug)),
                ),
            )
        )
    elif str(slug) in reserved:
        problems.append(
            Problem(
                file,
                line_of("slug"),
                7,
                "slug",
                Message(
                    N_("'%(slug)s' is a reserved name: the site uses it for its own pages"), slug=str(slug)
                ),
                Message(N_("choose a more specific slug; translations of one text share it")),
            )
        )
    lang = metadata.get("lang")
    choices = ", ".join(languages)
    if lang is None or not str(lang).strip():
        problems.append(
            _missing(
                file,
                "lang",
                Message(
                    N_("add a line '%(line)s' naming the language it is written in (%(choices)s)"),
                    line=f"Lang: {languages[0]}",
                    choices=choices,
                ),
            )
        )
    elif str(lang) not in languages:
        problems.append(
            Problem(
                file,
                line_of("lang"),
                7,
                "lang",
                Message(N_("'%(lang)s' is not one of the site's languages"), lang=str(lang)),
                Message(N_("use one of %(choices)s"), choices=choices),
            )
        )
    for key in FORBIDDEN_METADATA:
        if key in metadata:
            problems.append(
                Problem(
                    file,
                    line_of(key),
                    1,
                    key,
                    Message(N_("this metadata is not allowed: output paths come from the site's settings")),
                    Message(N_("remove the '%(line)s' line"), line=f"{key.title()}:"),
                )
            )
    return problems


_HEADER_KEY = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_-]*)\s*:")


def characters_with_fields(file: str, text: str) -> list[Problem]:
    """The forbidden characters of a page or press release (``check_characters``), each with
    its field: the metadata key of its header line (``title``), or ``content`` below."""
    found = check_characters(file, text)
    if not found:
        return []
    lines = text.split("\n")
    header_end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    located = []
    for problem in found:
        index = problem.line - 1
        field = "content"
        if index < header_end:
            key = next(
                (_HEADER_KEY.match(lines[i]) for i in range(index, -1, -1) if _HEADER_KEY.match(lines[i])),
                None,
            )
            field = key.group(1).lower() if key else ""
        located.append(
            Problem(
                file,
                problem.line,
                problem.column,
                field,
                problem.message_id or problem.message,
                problem.hint_id or problem.hint,
            )
        )
    return located


@dataclass(frozen=True)
class SourceText:
    """A Markdown page or press release as a reader saw it."""

    file: str  # as problems name it: content/press/....md
    text: str  # the source, for lines and columns
    metadata: Mapping[str, object]  # by lower-case key
    body: str  # the HTML, before Pelican resolves its links
    folder: str  # the file's folder, relative to the content folder ('.' at its top)
    is_press: bool  # under the press folder
    content: Path | None = None  # the content folder, where file links must lead

    def line_of(self, key: str) -> int:
        return metadata_line(self.text, key)


def check_texts(
    texts: Iterable[SourceText],
    kind_of: Mapping[str, str],
    languages: Sequence[str] = RECORD_LANGUAGES,
    reserved: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Every problem of these pages and press releases: characters, metadata, links, what a
    release names (``kind_of`` maps record slugs to their kinds), and translations that clash."""
    problems = []
    seen: dict[tuple[bool, str, str], str] = {}
    releases: list[tuple[str, LineOf, Mapping[str, object]]] = []
    for source in sorted(texts, key=lambda s: s.file):
        file, metadata, line_of = source.file, source.metadata, source.line_of
        problems += characters_with_fields(file, source.text)
        problems += check_content_metadata(file, line_of, metadata, languages, reserved)
        # The summary is Markdown too, already HTML from either reader: its links are checked alike.
        linked = f"{source.body}\n{metadata.get('summary') or ''}"
        problems += check_links(file, source.text, linked, source.folder, source.content)
        problems += check_record_links(file, source.text, linked, kind_of)
        if source.is_press:
            problems += check_press_release(file, line_of, metadata, kind_of)
            releases.append((file, line_of, metadata))
        slug, lang = (str(metadata.get(key) or "").strip() for key in ("slug", "lang"))
        key = (source.is_press, slug, lang)
        if slug and lang and key in seen:
            problems.append(
                Problem(
                    file,
                    line_of("lang"),
                    7,
                    "lang",
                    Message(
                        N_("%(file)s already has slug '%(slug)s' in '%(lang)s'"),
                        file=seen[key],
                        slug=slug,
                        lang=lang,
                    ),
                    Message(
                        N_(
                            "translations of one text share a slug but each needs its own language; "
                            "otherwise give this one a different slug"
                        )
                    ),
                )
            )
        seen.setdefault(key, file)
    return problems + check_release_versions(releases)
