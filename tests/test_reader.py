"""The Markdown reader the build gives Pelican reads every file as Pelican's own reader does,
though it converts them all with one converter."""

from __future__ import annotations

import copy
from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from ngo_directory.integration.reader import SharedMarkdownReader

FIRST = """\
Title: With everything
Slug: first
Lang: en
Summary: A *formatted* summary.

The HTML[^note] and a table:

| a | b |
|---|---|
| 1 | 2 |

*[HTML]: HyperText Markup Language

[^note]: A footnote.
"""
SECOND = """\
Title: Plain
Slug: second
Lang: az

No footnote, no abbreviation: HTML stays plain here, and so does Gəncə.
"""
THIRD = "No metadata at all.\n"


def test_each_file_reads_as_with_pelicans_own_reader(tmp_path: Path) -> None:
    files = []
    for name, text in (("first.md", FIRST), ("second.md", SECOND), ("third.md", THIRD), ("again.md", FIRST)):
        path = tmp_path / name
        path.write_text(text, "utf-8")
        files.append(str(path))
    shared = SharedMarkdownReader(copy.deepcopy(DEFAULT_CONFIG))
    read = [shared.read(path) for path in files]
    expected = [MarkdownReader(copy.deepcopy(DEFAULT_CONFIG)).read(path) for path in files]
    assert read == expected
    second_html = read[1][0]
    assert "<abbr" not in second_html and "<sup" not in second_html
    assert read[0] == read[3]


HEADERS = [
    "",
    "   \n\t\n",
    "Title: One\nSlug: one\nLang: en\n\nBody: not metadata\n",
    "Title: One\n    continued on a second line\nSummary: *short*\n\nText.",
    "---\nTitle: In a YAML-style fence\n...\nAfter: the fence\n",
    "Title:\tTabbed\r\nSlug: crlf\r\n\r\nText",
    "Title: Bare CR\rSlug: cr\n\nText",
    "Title: A\n \t \nSlug: after a line of blanks\n",
    "Title: A\n\u00a0\nSlug: after a no-break space\n",
    "    Indented: first\nTitle: B\n",
    "Not metadata at all\nTitle: C\n",
    "Title: Repeated\nTitle: twice\nTITLE: in capitals\n",
    "Title: \x02start and end of text\x03\n\n",
    "title no colon\n\nTitle: late\n",
    "Title: ends without a line break",
]


def test_a_header_alone_is_read_as_a_whole_conversion_reads_it() -> None:
    """``read_markdown(body=False)`` runs python-markdown's steps up to its metadata extension
    and no more: the metadata are those of a whole conversion of the same text (as far as the
    first blank line, where the header ends either way)."""
    from ngo_directory.content.reading import _HEADER_END, _markdown, read_markdown

    for text in HEADERS:
        end = _HEADER_END.search(text)
        converter = _markdown().reset()
        converter.convert(text if end is None else text[: end.start() + 1])
        whole = {key.lower(): "\n".join(values) for key, values in getattr(converter, "Meta", {}).items()}
        assert read_markdown(text, body=False) == (whole, ""), repr(text)
