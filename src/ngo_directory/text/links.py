"""The links a Markdown text may hold that the site resolves itself: ``record:`` links to a record
of the directory and Pelican's file links. Found in the HTML (so that a link in a code span is no
link), judged here, and placed back in the source by ``Places``: one definition for pages, press
releases and the Markdown fields of records."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterator, Mapping

from ..i18n import N_
from ..problems import Message, did_you_mean

# Pelican's intrasite links, as Pelican finds them in the HTML of a page: an attribute whose
# quoted value starts with {filename}, {static} or {attach} (or |filename| ...).
INTRASITE = re.compile(
    r"""<[^>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*
    (?P<quote>["'])(?P<link>[{|](?P<what>.*?)[|}](?P<value>.*?))(?P=quote)""",
    re.X,
)
FILE_LINKS = ("filename", "static", "attach")

RECORD_SCHEME = "record:"
# Every link's address in HTML as python-markdown writes it (and as a text may write it itself).
_HREF = re.compile(r"""\bhref\s*=\s*(?P<quote>["'])(?P<value>.*?)(?P=quote)""", re.I | re.S)
_SLUG_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# The words Pelican's file links start with ({filename}, |static|, {attach}...) and record links'
# scheme, in any case: Markdown never makes them up, so a text without any has no link to check
# (and need not be converted to be sure).
_LINK_WORDS = re.compile("filename|static|attach|record:", re.IGNORECASE)
_WORDS = ("filename", "static", "attach", "record:")


def may_hold_links(text: str) -> bool:
    """Whether a Markdown text may hold a file or record link: cheap, before converting it.

    The search ignoring case costs a tenth of a millisecond a page; most texts are first let
    through a search of their lower case for the words, which finds every place it finds and
    more: a character that matches a letter of them ignoring case is, in lower case, that letter,
    but for 'ı' and 'ſ' (kept as they are) and 'İ' ('i' and a combining dot above)."""
    folded = text.lower().replace("\u0307", "").replace("ı", "i").replace("ſ", "s")
    return any(word in folded for word in _WORDS) and _LINK_WORDS.search(text) is not None


def file_links(html_text: str) -> Iterator[tuple[str, str]]:
    """(link as written in the HTML, its value after the {word}) of each Pelican file link."""
    for match in INTRASITE.finditer(html_text):
        if match.group("what") in FILE_LINKS:
            yield match.group("link"), match.group("value")


def record_hrefs(html_text: str) -> Iterator[str]:
    """Each link address in ``html_text`` that starts with ``record:`` in any case (after white
    space, which browsers ignore), HTML entities decoded: every link meant for a record."""
    for match in _HREF.finditer(html_text):
        value = html.unescape(match.group("value"))
        if value.lstrip().lower().startswith(RECORD_SCHEME):
            yield value


def record_link_problem(link: str, kind_of: Mapping[str, str]) -> tuple[Message, Message] | None:
    """The message and hint for a ``record:`` link that the site cannot follow, or None.

    A record link is ``record:`` in lower case and a record's slug, nothing else: the site
    replaces it with the address of that record's page. A fragment or a query
    (``record:irex#staff``, ``record:irex?x=1``) is refused rather than supported: no part of a
    record's page has an address that its records promise to keep, so such a link would break
    without a word when the page changes; ``RECORD:irex`` is refused so that the one spelling
    the site replaces is the one written."""
    slug = link[len(RECORD_SCHEME) :]
    if link.startswith(RECORD_SCHEME) and slug in kind_of:
        return None
    if link.startswith(RECORD_SCHEME) and _SLUG_SHAPE.fullmatch(slug):
        close = difflib.get_close_matches(slug, list(kind_of), n=3, cutoff=0.6)
        return (
            Message(N_("the link '%(link)s' names no record of the directory"), link=link),
            did_you_mean(close)
            if close
            else Message(N_("write record: and the slug of an NGO, partner, meeting or programme")),
        )
    meant = re.split(r"[#?]", link.strip()[len(RECORD_SCHEME) :], maxsplit=1)[0].strip().lower()
    return (
        Message(
            N_("'%(link)s' is not a record link: write record: in lower case and a record's slug alone"),
            link=link,
        ),
        Message(
            N_("such as '%(example)s'; a link cannot point into part of a record's page"),
            example=f"{RECORD_SCHEME}{meant or 'slug'}",
        ),
    )


class Places:
    """Where links found in the HTML were written in the source ``text``: the n-th time a link
    is found, its n-th place in the text, or its last one when the text has fewer (a reference
    link's definition serves every use of it). A link written in no form found in the text is
    at (0, 0), for the caller to place."""

    def __init__(self, text: str, start: int = 0):
        self.text = text
        self.start = start
        self._seen: dict[str, int] = {}

    def offset(self, *forms: str) -> int:
        for written in dict.fromkeys(f for f in forms if f):
            places = [m.start() for m in re.finditer(re.escape(written), self.text[self.start :])]
            if places:
                count = self._seen.get(written, 0)
                self._seen[written] = count + 1
                return self.start + places[min(count, len(places) - 1)]
        return -1

    def find(self, *forms: str) -> tuple[int, int]:
        """Line and column (from 1) of the next place of the first form found; (0, 0) if none."""
        at = self.offset(*forms)
        if at < 0:
            return 0, 0
        return self.text.count("\n", 0, at) + 1, at - self.text.rfind("\n", 0, at)
