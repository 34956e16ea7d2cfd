"""Contributors' text inside the Markdown GitHub shows: job summaries, issue comments."""

from __future__ import annotations

import html
import re

from ..problems import printable

# GitHub finds mentions (@login), references (#12, owner/repo#12) and bare addresses
# (https://..., www....) in the text that Markdown leaves, after backslash escapes are read, so
# a backslash cannot stop them: a zero-width space written as an entity, after the '@' or the
# '#', inside '://' and after 'www', breaks each pattern while the text reads the same.
_ZERO_WIDTH = "&#8203;"
_LINKING = re.compile(r"(@|\\#|:(?=//)|(?<![A-Za-z0-9])www(?=\.))", re.IGNORECASE)


def markdown_text(text: str) -> str:
    """Text shown as itself in Markdown: on one line, no HTML, no link, no table cell break."""
    return re.sub(r"([\\`*_{}\[\]()#+!|~>-])", r"\\\1", html.escape(printable(text), quote=False))


def inert_markdown(text: str) -> str:
    """``markdown_text`` that also mentions no one, refers to no issue and links no address:
    for text a contributor wrote, in a comment GitHub posts for us."""
    return _LINKING.sub(lambda match: match.group() + _ZERO_WIDTH, markdown_text(text))
