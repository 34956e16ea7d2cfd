"""The link problems of pages, press releases and records' Markdown, in the three languages:
values, fields and file names as written, the sentence translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngo_directory.content.reading import folder_check
from ngo_directory.records.validate import check_data
from test_validate import MEETING, NGO, PARTNER, PRESS, REGIONS, THEMES, write

EXPECTED = {
    "en": [
        "content/press/classes-open.md:9:5: content: the link '{attach}/etc/passwd' names no file in the "
        "content folder (write the file's path from this file's folder, or from content/ after a "
        "leading '/')",
        "content/press/classes-open.md:9:35: content: 'record:open-aid#staff' is not a record link: write "
        "record: in lower case and a record's slug alone (such as 'record:open-aid'; a link cannot "
        "point into part of a record's page)",
        "ngo_data/ngos/ganja-youth-centre.yaml:2:53: description: the link '{static}x.pdf' is a file link, "
        "which only pages and press releases can hold (link to a web address, or put the file in content/ "
        "and link it from a page)",
    ],
    "az": [
        "content/press/classes-open.md:9:5: content: '{attach}/etc/passwd' keçidi content qovluğunda heç "
        "bir faylı göstərmir (faylın yolunu bu faylın qovluğundan, ya da əvvəlinə '/' qoyaraq content/ "
        "qovluğundan yazın)",
        "content/press/classes-open.md:9:35: content: 'record:open-aid#staff' qeyd keçidi deyil: kiçik "
        "hərflərlə record: və yalnız qeydin slug-ını yazın (məsələn, 'record:open-aid'; keçid qeydin "
        "səhifəsinin bir hissəsinə apara bilməz)",
        "ngo_data/ngos/ganja-youth-centre.yaml:2:53: description: '{static}x.pdf' keçidi fayl keçididir: "
        "belə keçid yalnız səhifələrdə və press-relizlərdə ola bilər (veb ünvana keçid verin, ya da faylı "
        "content/ qovluğuna qoyub ona səhifədən keçid verin)",
    ],
    "ru": [
        "content/press/classes-open.md:9:5: content: ссылка '{attach}/etc/passwd' не указывает ни на один "
        "файл в папке content (напишите путь к файлу от папки этого файла или, начав с '/', от папки "
        "content/)",
        "content/press/classes-open.md:9:35: content: 'record:open-aid#staff' — не ссылка на запись: "
        "напишите record: строчными буквами и только slug записи (например, 'record:open-aid'; ссылка не "
        "может вести на часть страницы записи)",
        "ngo_data/ngos/ganja-youth-centre.yaml:2:53: description: ссылка '{static}x.pdf' — ссылка на файл, "
        "а такие ссылки бывают только в страницах и пресс-релизах (сошлитесь на веб-адрес или положите файл "
        "в content/ и сошлитесь на него со страницы)",
    ],
}


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_link_problems_in_every_language(tmp_path: Path, language: str) -> None:
    data, content = tmp_path / "ngo_data", tmp_path / "content"
    write(data, "regions.yaml", REGIONS)
    write(data, "themes.yaml", THEMES)
    write(data, "ngos/ganja-youth-centre.yaml", NGO.replace("people.", "people, [x]({static}x.pdf)"))
    write(data, "partners/open-aid.yaml", PARTNER)
    write(data, "meetings/spring-meeting.yaml", MEETING)
    write(
        content, "press/classes-open.md", PRESS + "[a]({attach}/etc/passwd) with [b](record:open-aid#staff)\n"
    )
    _, problems = check_data(data, content=folder_check(content))
    assert [p.localized(language) for p in problems] == EXPECTED[language]


def test_the_quick_look_for_link_words_finds_what_the_search_ignoring_case_finds() -> None:
    """``may_hold_links`` first looks in the text's lower case, then searches ignoring case:
    the same verdict as the search alone on texts made of the words' letters in either case and
    the letters that match them ignoring case ('İ', 'ı', 'ſ'), beside others ('K', a combining dot)."""
    import random

    from ngo_directory.text.links import _LINK_WORDS, may_hold_links

    letters = "filenamstcordhFILENAMSTCORDH:İıſK\u0307 ə{}|ç"
    rng = random.Random(7)  # noqa: S311 (texts for a test, the same every run)
    words = ["filename", "static", "attach", "record:"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.5:
            word = "".join(
                rng.choice({"i": "iIİı", "s": "sSſ"}.get(c, c + c.upper())) for c in rng.choice(words)
            )
            text = text[: len(text) // 2] + word + text[len(text) // 2 :]
        expected = _LINK_WORDS.search(text) is not None
        found += expected
        assert may_hold_links(text) == expected, repr(text)
    assert found > 5000
