"""A-Z order and letter headings per language, the A-Z bar's alphabets, and transliteration."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ngo_directory.i18n import translations
from ngo_directory.text.collation import initial, sort_key
from ngo_directory.text.translit import fold, slugify, to_ascii
from sitetools import build, copy_project, nu_errors, parse

# --- order and headings ----------------------------------------------------------------------


def ordered(names: list[str], language: str) -> list[str]:
    return sorted(names, key=lambda n: sort_key(n, language))


def test_azerbaijani_pages_file_w_under_w_after_z() -> None:
    """W is not an Azerbaijani letter, but foreign names with it get their own heading, after Z
    (where the Azerbaijani collation of CLDR puts it); Cyrillic names still come last."""
    assert initial("Wikimedia Azərbaycan", "az") == "W"
    assert initial("wwf", "az") == "W"
    names = ["Азеркелл", "Wikimedia", "Zəfər", "Yaşıl", "Vətən", "Xəzər", "Həyat"]
    assert ordered(names, "az") == ["Həyat", "Xəzər", "Vətən", "Yaşıl", "Zəfər", "Wikimedia", "Азеркелл"]
    assert initial("Азеркелл", "az") == "А"


def test_only_w_is_missing_from_the_azerbaijani_alphabet() -> None:
    """Every letter a-z has its own heading on an Azerbaijani page: none is filed under '#'."""
    headings = [initial(letter, "az") for letter in "abcdefghijklmnopqrstuvwxyz"]
    assert "#" not in headings
    assert len(set(headings)) == 26


def test_russian_pages_file_yo_with_ye() -> None:
    """Ё sorts with Е and is listed under Е, as in Russian dictionaries; Е comes first only when
    the names are otherwise the same."""
    assert initial("Ёлочка", "ru") == "Е"
    assert initial("ёж", "ru") == "Е"
    assert ordered(["Жук", "Ель", "Ёлка", "Елка", "Ежи", "Ёж"], "ru") == [
        "Ёж",
        "Ежи",
        "Елка",
        "Ёлка",
        "Ель",
        "Жук",
    ]


def test_other_pages_keep_yo_as_its_own_letter() -> None:
    assert initial("Ёлочка", "en") == "Ё"
    assert initial("Ёлочка", "az") == "Ё"
    assert ordered(["Ёлка", "Жук", "Ель"], "en") == ["Ель", "Ёлка", "Жук"]


def test_each_language_lists_its_own_script_first() -> None:
    names = ["Oxfam", "Всемирный банк", "Азеркелл", "Aran"]
    assert ordered(names, "ru") == ["Азеркелл", "Всемирный банк", "Aran", "Oxfam"]
    assert ordered(names, "en") == ["Aran", "Oxfam", "Азеркелл", "Всемирный банк"]
    assert ordered(names, "az") == ["Aran", "Oxfam", "Азеркелл", "Всемирный банк"]
    assert [initial(n, "ru") for n in ("Азеркелл", "Aran")] == ["А", "A"]
    assert initial("Азеркелл", "ru") != initial("Aran", "ru")


def test_latin_letters_without_a_table_fold_to_their_base_letter() -> None:
    """Ł, ß, Æ and Ø are filed under L, S, A and O on English pages, not under '#'."""
    assert [initial(n, "en") for n in ("Łódź", "Ørsted", "Æbelø")] == ["L", "O", "A"]
    assert ordered(["Madrid", "Łódź", "Lviv", "Kraków"], "en") == ["Kraków", "Łódź", "Lviv", "Madrid"]
    assert initial("Łódź", "ru") == "L"
    assert initial("Ωmega", "en") == "#"  # other scripts have no heading of their own
    assert initial("2000 Club", "az") == "#"


def test_letters_that_fold_sort_after_the_plain_letter_they_fold_to() -> None:
    assert ordered(["Şeki", "Seki", "Sekiz"], "en") == ["Seki", "Şeki", "Sekiz"]


# --- transliteration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Ærø", "aero"),
        ("Đakovo", "dakovo"),
        ("Αθήνα", "athena"),
        ("თბილისი", "tbilisi"),
        ("Երևան", "erewan"),
        ("Gəncə Əli", "gence eli"),
        ("İsmayıllı", "ismayilli"),
        ("Мингечевирский молодёжный центр", "mingechevirskii molodezhnyi tsentr"),
        ("Хачмаз", "khachmaz"),
        ("Шәки Ҹәмијјәти", "sheki cemiyyeti"),
    ],
)
def test_to_ascii_uses_our_tables_then_falls_back_to_unidecode(text: str, ascii: str) -> None:
    assert to_ascii(text) == ascii


def test_to_ascii_is_always_ascii_and_never_has_unidecodes_schwa() -> None:
    for text in ("Əli", "ə", "™ © ½", "北京", "🙂", "a\u0301"):
        result = to_ascii(text)
        assert result.isascii()
        assert "@" not in result


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Łódź Youth Centre", "lodz-youth-centre"),
        ("Straße der Jugend", "strasse-der-jugend"),
        ("Ærø Fond", "aero-fond"),
        ("საქართველოს ახალგაზრდული ცენტრი", "sakartvelos-axalgazrduli-centri"),
        ("Gəncə Gənclər Mərkəzi", "gence-gencler-merkezi"),
        ("Мингечевирский молодёжный центр", "mingechevirskii-molodezhnyi-tsentr"),
        ("™", "tm"),
        ("🙂", "record"),
    ],
)
def test_slugs_keep_letters_without_a_table(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_fold_matches_names_with_foreign_letters() -> None:
    assert fold("ŁÓDŹ — Straße") == fold("Lodz strasse") == "lodz strasse"


# --- the built site --------------------------------------------------------------------------

NGO = """\
name: {name}
description:
  en: A sample record.
legal_form: {{az: İctimai birlik, en: Public union}}
regions: [ganja]
themes: [youth]
maintainers: [someone]
last_verified: "2026-11-01"
added: "2026-01-01"
"""
NAMES = {
    "wikimedia": "Wikimedia Azərbaycan",
    "zengezur": "Zəngəzur Birliyi",
    "yasil": "Yaşıl Həyat",
    "yolochka": "Ёлочка",
    "alma-cyrillic": "Алма",
    "aran": "Aran Birliyi",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, fixed_date: None) -> Path:
    tmp = tmp_path_factory.mktemp("collation")
    data, content = copy_project(tmp)
    for slug, name in NAMES.items():
        (data / f"ngos/{slug}.yaml").write_text(NGO.format(name=name), "utf-8")
    return build(tmp / "output", data, content)


def headings(page: Any) -> list[tuple[str, list[str]]]:
    """(letter, names listed under it) for every letter heading of an A-Z page."""
    return [
        (h2.text_content().split()[0], [a.text_content() for a in h2.xpath("following-sibling::ul[1]//a")])
        for h2 in page.xpath("//main//h2[contains(@class, 'letter')]")
    ]


def letter_of(name: str, page: Any) -> str:
    (letter,) = [letter for letter, names in headings(page) if name in names]
    return letter


@pytest.mark.site
def test_azerbaijani_page_files_w_under_w(site: Path) -> None:
    page = parse(site / "ngos/index.html")
    assert letter_of("Wikimedia Azərbaycan", page) == "W"
    letters = [letter for letter, _ in headings(page)]
    assert letters.index("Y") < letters.index("Z") < letters.index("W") < letters.index("А")
    assert "#" not in letters


@pytest.mark.site
def test_russian_page_files_yo_under_ye(site: Path) -> None:
    page = parse(site / "ru/ngos/index.html")
    assert letter_of("Ёлочка", page) == "Е"
    assert "Ё" not in [letter for letter, _ in headings(page)]
    assert letter_of("Ёлочка", parse(site / "en/ngos/index.html")) == "Ё"


def script(letter: str) -> str:
    return unicodedata.name(letter).split()[0]


@pytest.mark.site
def test_russian_letter_bar_separates_cyrillic_from_latin(site: Path) -> None:
    """One labelled list per alphabet: the Cyrillic letters, then the Latin ones (in English)."""
    page = parse(site / "ru/ngos/index.html")
    (bar,) = page.xpath("//nav[contains(@class, 'alphabet')]")
    groups = bar.xpath(".//ul")
    assert len(groups) == 2
    labels = []
    for group in groups:
        (label,) = page.xpath("//*[@id=$id]", id=group.get("aria-labelledby"))
        labels.append(label.text_content().strip())
    ru = translations("ru")
    assert labels == [ru.gettext("Cyrillic"), ru.gettext("Latin")]
    cyrillic, latin = ([a.text_content() for a in group.xpath(".//a")] for group in groups)
    assert cyrillic == ["А", "Е"]
    assert latin == ["A", "I", "M", "W", "Y", "Z"]
    assert groups[0].get("lang") is None
    assert groups[1].get("lang") == "en"
    assert {script(letter) for letter in cyrillic} == {"CYRILLIC"}
    assert {script(letter) for letter in latin} == {"LATIN"}


@pytest.mark.site
def test_letter_headings_of_look_alike_letters_differ(site: Path) -> None:
    """Cyrillic А and Latin A: different ids, and the Latin heading names its alphabet."""
    page = parse(site / "ru/ngos/index.html")
    ids = page.xpath("//@id")
    assert not [i for i, n in Counter(ids).items() if n > 1]
    cyrillic_a, latin_a = (
        page.xpath("//h2[contains(@class, 'letter')][starts-with(normalize-space(), $a)]", a=a)[0]
        for a in ("А", "A")
    )
    assert cyrillic_a.get("id") != latin_a.get("id")
    assert cyrillic_a.text_content().strip() == "А"
    assert latin_a.xpath("string(.//*[@lang='en'])") == "A"
    assert translations("ru").gettext("Latin") in latin_a.text_content()
    for link in page.xpath("//nav[contains(@class, 'alphabet')]//a/@href"):
        assert len(page.xpath("//*[@id=$id]", id=link.partition("#")[2])) == 1


@pytest.mark.site
def test_a_to_z_pages_with_two_alphabets_are_valid_html(site: Path) -> None:
    pages = [site / prefix / "ngos/index.html" for prefix in ("", "ru", "en")]
    assert nu_errors(*pages) == ""
