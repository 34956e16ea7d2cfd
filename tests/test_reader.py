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
