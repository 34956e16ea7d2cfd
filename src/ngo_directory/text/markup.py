"""Markdown to safe HTML (python-markdown, then nh3 with an explicit allowlist), and the plain,
inert text that feeds and calendars carry."""

from __future__ import annotations

import html as html_lib
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import nh3

if TYPE_CHECKING:
    import markdown

ALLOWED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"lang"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]


def sanitize(html: str, base: str | None = None, home: str | None = None) -> str:
    """Keep only allowlisted tags, attributes and URL schemes; drop everything else. With
    ``base`` (an absolute URL), relative links are made absolute against it, as feeds need.
    Links that leave the site (another host than ``base``'s or ``home``'s, the site's own
    address) get ``rel="nofollow noopener"``; the site's own links stay plain, to be followed."""

    def absolute(tag: str, attribute: str, value: str) -> str | None:
        if attribute != "href" or base is None:
            return value
        joined = urljoin(base, value)
        return joined if urlsplit(joined).scheme in URL_SCHEMES or not urlsplit(joined).scheme else None

    clean = nh3.clean(
        clean_text(html),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        attribute_filter=absolute if base is not None else None,
    )
    try:
        own_host = urlsplit(base or home or "").netloc.lower()
    except ValueError:  # not an address of any site: every absolute link leaves it
        own_host = ""
    return mark_external(clean, own_host)


# Every start tag as nh3 writes it, read left to right: the allowlist leaves only plain
# attribute names, values are in double quotes with any quote inside escaped, so a match
# consumes each value whole and the next one starts at a real tag, never inside a value.
_START_TAG = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s="<>/]+(?:="[^"]*")?)*)\s*(/?)>')
_ATTRIBUTE = re.compile(r'\s+([^\s="<>/]+)(?:="([^"]*)")?')
_LEADING = re.compile(r"^[\x00-\x20]+")
_TABS_AND_NEWLINES = re.compile(r"[\t\n\r]")  # browsers remove them from any address
EXTERNAL_REL = "nofollow noopener"


def _leaves(href: str, own_host: str) -> bool:
    """Whether a browser following ``href`` (an attribute's value, escaped) leaves the site:
    anything but a path on the same host, read as browsers read it (leading controls and
    spaces, tabs and newlines ignored, a backslash a slash), so ``/\\spam.example`` and
    ``http:spam.example`` leave it. ``mailto:`` and ``tel:`` links open no page and stay as they are."""
    address = _TABS_AND_NEWLINES.sub("", _LEADING.sub("", html_lib.unescape(href))).replace("\\", "/")
    try:
        parts = urlsplit(address)
    except ValueError:  # a host no browser would reach either; say it leaves
        return True
    if parts.scheme in ("mailto", "tel"):
        return False
    if not parts.scheme and not address.startswith("//"):
        return False
    return not (parts.scheme in ("http", "https", "") and parts.netloc.lower() == own_host and own_host)


def mark_external(html: str, own_host: str) -> str:
    """``html`` as nh3 wrote it, each link that leaves ``own_host`` with ``rel="nofollow noopener"``."""

    def mark(match: re.Match[str]) -> str:
        if match.group(1).lower() != "a":
            return match.group(0)
        attributes = {name.lower(): value for name, value in _ATTRIBUTE.findall(match.group(2))}
        href = attributes.get("href")
        if href is None or not _leaves(href, own_host):
            return match.group(0)
        return f'<a{match.group(2)} rel="{EXTERNAL_REL}"{match.group(3)}>'

    return _START_TAG.sub(mark, html)


@cache
def _converter() -> markdown.Markdown:
    """The one converter, made when a text is first converted: importing and setting up
    python-markdown costs a tenth of a second, which a check that converts nothing (most
    records' texts hold no link) need not pay."""
    import markdown

    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")


@lru_cache(maxsize=65536)
def render_markdown(text: str) -> str:
    """Render Markdown and sanitise the result; raw HTML in the source never survives. One
    converter serves every text (building one costs more than most conversions), reset
    before each; each distinct text is converted once per build."""
    return sanitize(_converter().reset().convert(text))


# Characters XML 1.0 forbids or that break a line where a reader does not expect it.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# What a reader rendering a title as HTML would take as markup: an element's start or end tag
# (which could run a script, load a picture or link somewhere) and a comment (which hides all
# that follows up to its end). A '<' before '!' or '?' otherwise ('<![CDATA[', '<?') opens no
# element and no comment that reaches past the next '>': it stays, so that a title reads back
# exactly as written.
_TAG = re.compile(r"<[A-Za-z/][^<>]*>|<!--.*?-->", re.S)
_TAG_START = re.compile(r"<(?=[A-Za-z/]|!--)")
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|dd|dt|tr|pre|blockquote|ul|ol|dl|table)>|<br\s*/?>", re.I)


def clean_text(text: str) -> str:
    """Every line break as \\n and no character that XML 1.0 or iCalendar cannot carry."""
    return _UNSAFE.sub("", _LINE_BREAKS.sub("\n", text))


def inert_text(text: str) -> str:
    """Plain text that stays text even in a reader that renders titles as HTML: every tag and
    comment is removed, and a '<' that could start one is spaced apart; all else is kept as
    written (``]]>``, ``<![CDATA[``, ``a < b``)."""
    text = clean_text(text)
    while (stripped := _TAG.sub("", text)) != text:
        text = stripped
    return _TAG_START.sub("< ", text)


def one_line(text: str) -> str:
    """Inert text on one line, runs of white space collapsed: for titles and names."""
    return " ".join(inert_text(text).split())


# The same texts are shown in many places (an organisation's summary on every list it is on):
# each is made plain once.
@lru_cache(maxsize=65536)
def html_to_text(html: str) -> str:
    """The inert plain text of some HTML, a blank line between blocks."""
    text = html_lib.unescape(nh3.clean(_BLOCK_END.sub("\n\n", html), tags=set(), strip_comments=True))
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", inert_text(text)))
    return "\n\n".join(p for p in paragraphs if p)


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:  # the cut falls inside a word: drop it
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def markdown_html(text: str) -> str:
    """The HTML python-markdown makes of ``text``, unsanitised: for the checks that read the
    links a text holds (text/links.py), never for output."""
    return _converter().reset().convert(text)
