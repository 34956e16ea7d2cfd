"""The contribution guide exists in Azerbaijani, Russian and English, and the three say the same
things as each other and as README's Contributing section: the same sections, the same commands,
files and fields, the same links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitetools import ROOT

GUIDES = {
    "en": ROOT / "CONTRIBUTING.md",
    "az": ROOT / "CONTRIBUTING.az.md",
    "ru": ROOT / "CONTRIBUTING.ru.md",
}
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.S | re.M)
SPAN = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _code(text: str) -> tuple[list[str], list[str]]:
    """The commands of the fenced blocks (without comments) and the inline code spans."""
    commands = [
        line.split("#", 1)[0].strip()
        for block in FENCE.findall(text)
        for line in block.splitlines()
        if line.split("#", 1)[0].strip()
    ]
    return commands, SPAN.findall(FENCE.sub("", text))


def _outline(text: str) -> list[str]:
    """The heading levels and numbered or bulleted items, in order: the guide's shape."""
    body = FENCE.sub("", text)
    return [m.group(1) for m in re.finditer(r"^(#{1,3} |\d+\. |- )", body, re.M)]


def _readme_section() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index("## Contributing\n")
    return readme[start : readme.index("\n### ", start)]


@pytest.mark.parametrize("language", ["az", "ru"])
def test_each_translation_has_the_english_guides_shape_and_code(language: str) -> None:
    english = GUIDES["en"].read_text("utf-8")
    translated = GUIDES[language].read_text("utf-8")
    assert _outline(translated) == _outline(english)
    assert _code(translated) == _code(english)
    links = [link for link in LINK.findall(translated) if not link.startswith("CONTRIBUTING")]
    assert links == [link for link in LINK.findall(english) if not link.startswith("CONTRIBUTING")]


def test_each_guide_links_the_other_two() -> None:
    for language, path in GUIDES.items():
        links = set(LINK.findall(path.read_text("utf-8")))
        assert links == {p.name for lang, p in GUIDES.items() if lang != language}, language


@pytest.mark.parametrize("language", list(GUIDES))
def test_readme_section_agrees_with_each_guide(language: str) -> None:
    """Every command, file and field README's Contributing section names is in each guide, and
    the section links all three."""
    section = _readme_section()
    guide = GUIDES[language].read_text("utf-8")
    spans = SPAN.findall(section)
    assert len(spans) > 8
    missing = [span for span in spans if span not in guide]
    assert missing == []
    assert {p.name for p in GUIDES.values()} <= set(LINK.findall(section))


def test_the_guides_commands_exist() -> None:
    """The commands the guides show are real: each `ngo-directory` subcommand and make target."""
    from click.testing import CliRunner

    from ngo_directory.cli import main

    commands, _ = _code(GUIDES["en"].read_text("utf-8"))
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for command in commands:
        words = command.split()
        if words[0] == "make":
            assert re.search(rf"^{re.escape(words[1])}:", makefile, re.M), command
        else:
            assert Path(words[0]).name == "ngo-directory", command
            result = CliRunner().invoke(main, [words[1], "--help"])
            assert result.exit_code == 0, (command, result.output)
