"""Facts checked before they are published: phone numbers, the alphabet of each language's text,
dates that cannot have happened yet, the shape of a map of fields, web addresses in typographic
quotes and a field whose colon was left out. Each message is asserted in az, ru and en through the
real command, on real files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ngo_directory.cli import main
from ngo_directory.records.formats import phone_letters
from ngo_directory.records.validate import check_data
from ngo_directory.schema import load_schema
from test_validate import MEETING_FILE, NGO_FILE, append, content, data, edit, write

__all__ = ["content", "data"]  # the fixtures of test_validate, used here by name

THEMES_FILE = "ngo_data/themes.yaml"
# 1 June 2026, 12:00 in Baku: the build's day for the date checks.
JUNE = "1780300800"


def validate(
    data: Path, content: Path, language: str, *options: str, env: dict[str, str] | None = None
) -> tuple[list[str], int]:
    """The lines ``validate`` prints in ``language``, and its exit code."""
    result = CliRunner(env=env).invoke(
        main, ["validate", "--data", str(data), "--content", str(content), "--lang", language, *options]
    )
    return result.stdout.splitlines(), result.exit_code


def said(
    data: Path,
    content: Path,
    expected: dict[str, list[str]],
    *options: str,
    env: dict[str, str] | None = None,
) -> None:
    """``validate`` fails with exactly ``expected`` (by language), where the paths are relative to
    the data folder's parent."""
    for language, lines in expected.items():
        printed, code = validate(data, content, language, *options, env=env)
        assert code == 1
        assert [line.removeprefix(f"{data.parent}/") for line in printed] == lines, language


def _phone(data: Path, number: str) -> None:
    append(
        data,
        "ngos/ganja-youth-centre.yaml",
        f"contacts:\n  phones:\n    - type: office\n      number: {number}\n",
    )


# --- phones ---------------------------------------------------------------------------------------


def test_a_phone_number_with_letters_is_refused_before_it_is_read(data: Path, content: Path) -> None:
    """phonenumbers reads letters as keypad digits (012 4xx xx xx would be +994 12 499 99 99):
    the number is refused, shown as written."""
    _phone(data, "012 4xx xx xx")
    where = f"{NGO_FILE}:12:15: contacts.phones[0].number: "
    said(
        data,
        content,
        {
            "en": [
                where + "phone number '012 4xx xx xx' contains letters (xxxxxx) (write every digit as a "
                "digit; letters may only mark an extension at the end: 'ext. 12', 'x 12', 'доб. 12')"
            ],
            "az": [
                where + "'012 4xx xx xx' telefon nömrəsində hərflər var (xxxxxx) (hər rəqəmi rəqəmlə "
                "yazın; hərflər yalnız sonda əlavə nömrəni göstərə bilər: 'ext. 12', 'x 12', 'доб. 12')"
            ],
            "ru": [
                where + "в телефонном номере '012 4xx xx xx' есть буквы (xxxxxx) (запишите все цифры "
                "цифрами; буквы допустимы только в конце, перед добавочным номером: 'ext. 12', 'x 12', "
                "'доб. 12')"
            ],
        },
    )


@pytest.mark.parametrize(
    ("relative", "extra", "where"),
    [
        (
            "ngos/ganja-youth-centre.yaml",
            "locations:\n  - name: Office\n    region: ganja\n    phones:\n"
            "      - type: office\n        number: '(022) 2AB-12-34'\n",
            f"{NGO_FILE}:14:17: locations[0].phones[0].number",
        ),
        (
            "meetings/spring-meeting.yaml",
            "registration:\n  status: open\n  phone: +994 12 555 O3 03\n",
            f"{MEETING_FILE}:13:10: registration.phone",
        ),
    ],
    ids=["location", "meeting-registration"],
)
def test_letters_are_refused_wherever_a_phone_number_is(
    data: Path, relative: str, extra: str, where: str
) -> None:
    """Every phone field has the same check: a location's, a meeting's registration phone (where
    a letter O stands for a zero)."""
    append(data, relative, extra)
    _, problems = check_data(data)
    assert [f"{p.file}:{p.line}:{p.column}: {p.field}" for p in problems] == [where]
    assert "contains letters" in problems[0].message


@pytest.mark.parametrize(
    "number", ['"+994 12 555 03 03 ext. 12"', '"+994 12 555 03 03 x12"', "+994 12 555 03 03 доб. 7"]
)
def test_an_extension_marker_is_the_only_letters_allowed(data: Path, number: str) -> None:
    _phone(data, number)
    assert check_data(data)[1] == []


def test_a_number_no_phone_has_is_shown_with_its_countrys_example(data: Path, content: Path) -> None:
    """A number of the right length that no line in Azerbaijan has (+994 11 ...) is shown with
    libphonenumber's example of the country's numbers."""
    _phone(data, '"+994 11 555 03 03"')
    where = f"{NGO_FILE}:12:15: contacts.phones[0].number: "
    said(
        data,
        content,
        {
            "en": [
                where + "'+994 11 555 03 03' is not a phone number in use (check the digits: a number "
                "with +994 looks like +994 12 312 34 56)"
            ],
            "az": [
                where + "'+994 11 555 03 03' istifadədə olan telefon nömrəsi deyil (rəqəmləri "
                "yoxlayın: +994 kodlu nömrə belə olur: +994 12 312 34 56)"
            ],
            "ru": [
                where + "'+994 11 555 03 03' — несуществующий телефонный номер (проверьте цифры: номер "
                "с кодом +994 выглядит так: +994 12 312 34 56)"
            ],
        },
    )


# --- alphabets ------------------------------------------------------------------------------------


def test_a_name_with_a_word_mixing_alphabets_is_refused_at_the_letter(data: Path, content: Path) -> None:
    """'Аzərbaycan' with a Cyrillic 'А' looks right and is not: shown at the odd letter's column."""
    edit(
        data,
        "ngos/ganja-youth-centre.yaml",
        "name: Ganja Youth Centre",
        "name: Gəncə Gənclər Mərkəzi Аzərbaycan",
    )
    where = f"{NGO_FILE}:1:29: name: "
    said(
        data,
        content,
        {
            "en": [
                where + "the word 'Аzərbaycan' mixes alphabets: 'А' is a Cyrillic letter "
                "(type the word again with one keyboard layout)"
            ],
            "az": [
                where + "'Аzərbaycan' sözündə əlifbalar qarışıb: 'А' kiril hərfidir "
                "(sözü bir klaviatura düzülüşü ilə yenidən yazın)"
            ],
            "ru": [
                where + "в слове 'Аzərbaycan' смешаны алфавиты: 'А' — кириллическая буква "
                "(наберите слово заново в одной раскладке клавиатуры)"
            ],
        },
    )


def test_a_vocabulary_name_with_a_latin_letter_in_cyrillic_is_refused(data: Path) -> None:
    """Names of themes and regions are names too; in quotes, the column is the letter's."""
    edit(data, "themes.yaml", "ru: Образование", 'ru: "Oбразование"')
    assert [str(p) for p in check_data(data)[1]] == [
        f"{THEMES_FILE}:2:27: education.name.ru: the word 'Oбразование' mixes alphabets: 'O' is a Latin "
        "letter (type the word again with one keyboard layout)"
    ]


def test_names_in_the_wrong_alphabet_are_refused(data: Path, content: Path) -> None:
    """An Azerbaijani name in Cyrillic, a Russian one with no Cyrillic letter at all."""
    edit(
        data,
        "ngos/ganja-youth-centre.yaml",
        "name: Ganja Youth Centre",
        "name:\n  az: Гянджа Гянджляр Мяркязи\n  ru: Ganja Youth Centre\n  en: Ganja Youth Centre",
    )
    said(
        data,
        content,
        {
            "en": [
                f"{NGO_FILE}:2:7: name.az: the Azerbaijani text is written in Cyrillic letters (move the "
                "text to the ru entry and write the az text here in Latin letters)",
                f"{NGO_FILE}:3:7: name.ru: the Russian text has no Cyrillic letter (write the Russian text "
                "here, or remove the ru entry)",
            ],
            "az": [
                f"{NGO_FILE}:2:7: name.az: azərbaycanca mətn kiril hərfləri ilə yazılıb (mətni ru açarına "
                "köçürün, burada isə az mətnini latın hərfləri ilə yazın)",
                f"{NGO_FILE}:3:7: name.ru: rusca mətndə heç bir kiril hərfi yoxdur (bura rusca mətni yazın "
                "və ya ru açarını silin)",
            ],
            "ru": [
                f"{NGO_FILE}:2:7: name.az: азербайджанский текст написан кириллицей (перенесите текст под "
                "ключ ru, а здесь запишите текст az латиницей)",
                f"{NGO_FILE}:3:7: name.ru: в русском тексте нет ни одной кириллической буквы (запишите "
                "здесь русский текст или удалите ключ ru)",
            ],
        },
    )


def test_foreign_names_and_acronyms_inside_a_text_are_not_alarms(data: Path) -> None:
    """A Russian name that is a brand or an acronym, and Latin names inside Azerbaijani or
    Russian texts, are what the texts really say."""
    edit(
        data,
        "ngos/ganja-youth-centre.yaml",
        "name: Ganja Youth Centre",
        "name:\n  az: IREX Azərbaycan\n  ru: Microsoft Azerbaijan\n  en: IREX Azerbaijan\n"
        "acronym: {az: IREX, ru: IREX, en: IREX}",
    )
    edit(
        data,
        "ngos/ganja-youth-centre.yaml",
        "description: Computer classes for young people.",
        "description:\n  az: IREX və Microsoft ilə kompüter dərsləri.\n"
        "  ru: Компьютерные курсы с IREX и Microsoft.\n  en: Computer classes with IREX.",
    )
    assert check_data(data)[1] == []


def test_a_long_text_in_the_wrong_alphabet_is_a_warning_failing_only_strict(
    data: Path, content: Path
) -> None:
    """In a description the same mistakes are warnings: printed, and failing only --strict."""
    edit(
        data,
        "ngos/ganja-youth-centre.yaml",
        "description: Computer classes for young people.",
        "description:\n  az: Компютер дярсляри эянжляр цчцн.\n  ru: Computer classes for young people.",
    )
    expected = {
        "en": [
            f"{NGO_FILE}:3:7: warning: description.az: the Azerbaijani text is written in Cyrillic letters "
            "(move the text to the ru entry and write the az text here in Latin letters)",
            f"{NGO_FILE}:4:7: warning: description.ru: the Russian text has no Cyrillic letter (write the "
            "Russian text here, or remove the ru entry)",
        ],
        "az": [
            f"{NGO_FILE}:3:7: xəbərdarlıq: description.az: azərbaycanca mətn kiril hərfləri ilə yazılıb "
            "(mətni ru açarına köçürün, burada isə az mətnini latın hərfləri ilə yazın)",
            f"{NGO_FILE}:4:7: xəbərdarlıq: description.ru: rusca mətndə heç bir kiril hərfi yoxdur (bura "
            "rusca mətni yazın və ya ru açarını silin)",
        ],
        "ru": [
            f"{NGO_FILE}:3:7: предупреждение: description.az: азербайджанский текст написан кириллицей "
            "(перенесите текст под ключ ru, а здесь запишите текст az латиницей)",
            f"{NGO_FILE}:4:7: предупреждение: description.ru: в русском тексте нет ни одной кириллической "
            "буквы (запишите здесь русский текст или удалите ключ ru)",
        ],
    }
    for language, lines in expected.items():
        printed, code = validate(data, content, language)
        assert code == 0
        assert [line.removeprefix(f"{data.parent}/") for line in printed] == lines
    said(data, content, expected, "--strict")


# --- dates ----------------------------------------------------------------------------------------


def test_a_date_after_the_builds_day_is_refused(data: Path, content: Path) -> None:
    """'added' and 'last_verified' tell what already happened: after the build's day (here
    SOURCE_DATE_EPOCH's, in Baku) they are refused."""
    edit(data, "ngos/ganja-youth-centre.yaml", 'last_verified: "2026-01-15"', 'last_verified: "2026-06-02"')
    where = f"{NGO_FILE}:7:16: last_verified: "
    said(
        data,
        content,
        {
            "en": [
                where + "2026-06-02 is after today (2026-06-01) "
                "(write the day it happened, which cannot be later than today)"
            ],
            "az": [
                where + "2026-06-02 bu gündən"
                " (2026-06-01) sonradır (hadisənin baş verdiyi günü yazın: o, bu gündən sonra ola bilməz)"
            ],
            "ru": [
                where + "2026-06-02 — позже сегодняшнего дня (2026-06-01) "
                "(укажите день, когда это произошло: он не может быть позже сегодняшнего)"
            ],
        },
        env={"SOURCE_DATE_EPOCH": JUNE},
    )


def test_the_builds_day_itself_is_accepted(data: Path) -> None:
    edit(data, "ngos/ganja-youth-centre.yaml", 'added: "2026-01-15"', 'added: "2026-06-01 23:30"')
    edit(data, "ngos/ganja-youth-centre.yaml", 'last_verified: "2026-01-15"', 'last_verified: "2026-06-01"')
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", JUNE)
        assert check_data(data)[1] == []


def test_a_founding_year_after_this_year_is_refused(data: Path, content: Path) -> None:
    append(data, "ngos/ganja-youth-centre.yaml", "founded: 2027\n")
    where = f"{NGO_FILE}:9:10: founded: "
    said(
        data,
        content,
        {
            "en": [
                where + "2027 is after this year (2026) "
                "(write the year it happened, which cannot be later than this one)"
            ],
            "az": [
                where + "2027 bu ildən (2026) sonradır"
                " (hadisənin baş verdiyi ili yazın: o, bu ildən sonra ola bilməz)"
            ],
            "ru": [
                where + "2027 — позже текущего года (2026) "
                "(укажите год, когда это произошло: он не может быть позже текущего)"
            ],
        },
        env={"SOURCE_DATE_EPOCH": JUNE},
    )


def test_a_founding_date_is_told_to_be_a_year(data: Path, content: Path) -> None:
    """'founded: 2001-02-30' is no year; quoting it would not make it one, so the hint says what
    a founding year looks like."""
    append(data, "ngos/ganja-youth-centre.yaml", "founded: 2001-02-30\n")
    where = f"{NGO_FILE}:9:10: founded: "
    said(
        data,
        content,
        {
            "en": [
                where
                + "'2001-02-30' is not a year such as 2008 (write the year alone, such as 1998, not a date)"
            ],
            "az": [
                where + "'2001-02-30' il deyil (məsələn, 2008) (tarixi deyil, yalnız ili yazın, məsələn 1998)"
            ],
            "ru": [
                where
                + "'2001-02-30' — не год (например, 2008) (укажите только год, например 1998, а не дату)"
            ],
        },
    )


# --- shapes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "where", "example"),
    [
        (
            'contacts:\n  phones: ["(012) 441-23-45"]\n',
            "10:12: contacts.phones[0]",
            "- {type: office, number: +994 12 441 23 45}",
        ),
        (
            "locations: [Ganja]\n",
            "9:13: locations[0]",
            "- {name: Ganja office, region: ganja, address: 12 Nizami Street}",
        ),
        (
            "contacts: info@example.org\n",
            "9:11: contacts",
            "{phones: [{type: office, number: +994 12 441 23 45}], email: info@example.org, "
            "website: 'https://example.org'}",
        ),
    ],
    ids=["phone", "location", "contacts"],
)
def test_text_where_a_map_of_fields_goes_is_shown_the_schemas_example(
    data: Path, extra: str, where: str, example: str
) -> None:
    """The example is the schema's own, on one line as YAML: a problem stays one line, in a
    terminal as in a GitHub annotation."""
    append(data, "ngos/ganja-youth-centre.yaml", extra)
    assert [str(p) for p in check_data(data)[1]] == [
        f"{NGO_FILE}:{where}: expected a map of fields, found text (write it like this: {example})"
    ]


def test_the_shape_example_in_three_languages(data: Path, content: Path) -> None:
    append(data, "ngos/ganja-youth-centre.yaml", 'contacts:\n  phones: ["(012) 441-23-45"]\n')
    where = f"{NGO_FILE}:10:12: contacts.phones[0]: "
    example = "- {type: office, number: +994 12 441 23 45}"
    said(
        data,
        content,
        {
            "en": [where + f"expected a map of fields, found text (write it like this: {example})"],
            "az": [where + f"sahələr xəritəsi gözlənilir, yazılıb: mətn (belə yazın: {example})"],
            "ru": [where + f"ожидается набор полей, указано: текст (запишите так: {example})"],
        },
    )
    printed, _ = validate(data, content, "en", "--format", "github")
    annotations = [line for line in printed if line.startswith("::")]
    assert annotations == [
        f"::error file={NGO_FILE.replace(':', '%3A')},line=10,col=12,title=contacts.phones[0]::"
        f"contacts.phones[0]: expected a map of fields, found text (write it like this: {example})"
    ]


# --- typographic quotes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "column", "quote"),
    [
        ("“https://example.org”", 10, "“"),
        ('"‘https://example.org’"', 11, "‘"),
        ("«https://example.org»", 10, "«"),
    ],
    ids=["double", "single-in-quotes", "guillemets"],
)
def test_a_web_address_in_typographic_quotes_is_shown_at_the_quote(
    data: Path, written: str, column: int, quote: str
) -> None:
    append(data, "ngos/ganja-youth-centre.yaml", f"contacts:\n  website: {written}\n")
    value = written.strip('"')
    assert [str(p) for p in check_data(data)[1]] == [
        f"{NGO_FILE}:10:{column + 2}: contacts.website: '{value}' is in typographic quotes ({quote}) "
        '(replace the curly quotes with straight ones ("), or remove them)'
    ]


def test_typographic_quotes_in_three_languages(data: Path, content: Path) -> None:
    append(data, "ngos/ganja-youth-centre.yaml", "contacts:\n  website: “https://example.org”\n")
    where = f"{NGO_FILE}:10:12: contacts.website: "
    said(
        data,
        content,
        {
            "en": [
                where + "'“https://example.org”' is in typographic quotes (“) "
                '(replace the curly quotes with straight ones ("), or remove them)'
            ],
            "az": [
                where + "'“https://example.org”' tipoqrafik dırnaq işarələri"
                ' (“) içindədir (tipoqrafik dırnaqları düz dırnaqlarla (") əvəz edin və ya silin)'
            ],
            "ru": [
                where + "'“https://example.org”' стоит в типографских кавычках (“) "
                '(замените типографские кавычки прямыми (") или уберите их)'
            ],
        },
    )


# --- a field without its colon --------------------------------------------------------------------

RECORD = """\
name:
  az: Gəncə Gənclər Mərkəzi
  ru: Гянджинский молодёжный центр
  en: Ganja Youth Centre
description:
  az: |
    Gənclər üçün kompüter dərsləri.
    İkinci sətir.
  ru: |
    Компьютерные курсы для молодёжи.
  en: Computer classes for young people.
regions: [ganja]
themes: [ict]
locations:
  - name: Office
    region: ganja
    phones:
      - type: office
        number: "+994 22 256 12 34"
contacts:
  email: info@example.org
  website: https://example.org
maintainers: [octocat]
last_verified: "2026-01-15"
added: "2026-01-15"
"""
# The lines whose colon, left out, YAML notices only at a later line (or at once): every field
# that holds a map, a text block or a list, and every field followed by another.
COLONLESS = [1, 2, 3, 5, 6, 9, 11, 14, 15, 17, 18, 21]


@pytest.mark.parametrize("line", COLONLESS)
def test_a_field_without_its_colon_is_shown_on_its_own_line(data: Path, line: int) -> None:
    lines = RECORD.splitlines()
    key = lines[line - 1].split(":")[0]
    lines[line - 1] = lines[line - 1].replace(f"{key}:", key, 1)
    write(data, "ngos/ganja-youth-centre.yaml", "\n".join(lines) + "\n")
    problems = check_data(data)[1]
    column = len(key) - len(key.lstrip(" -")) + 1
    assert [(p.file, p.line, p.column) for p in problems] == [(NGO_FILE, line, column)]
    assert (
        problems[0].message
        == "YAML syntax error: this line has no colon and space (': ') after the field's name"
    )


def test_the_record_without_a_missing_colon_is_valid(data: Path) -> None:
    """The record of the test above is valid as written."""
    write(data, "ngos/ganja-youth-centre.yaml", RECORD)
    assert check_data(data)[1] == []


@pytest.mark.parametrize(
    "number",
    [
        "+994 12 555 03 03",
        "012 4xx xx xx",
        "+994 12 555 03 03 ext. 12",
        "+994 12 555 03 03 EXT 12",
        "+994 12 555 03 03, доб. 7",
        "+994 12 555 03 03 x12",
        "+994 12 555 O3 03",
        "+994 12 555 03 03 ext",
        "+994 12 555 03 03 доб. 12 x",
        "tel. +994 12 555 03 03",
    ],
)
def test_the_forms_phone_pattern_refuses_the_same_letters(number: str) -> None:
    """The NGO form checks a phone number with the schema's pattern alone (libphonenumber is too
    heavy for a page): it refuses letters as the validator does."""
    pattern = load_schema("common")["definitions"]["phone"]["properties"]["number"]["then"]["pattern"]
    assert (re.search(pattern, number) is None) == bool(phone_letters(number))


def test_a_national_number_no_phone_has_may_be_another_countrys(data: Path, content: Path) -> None:
    """Written without '+', such a number may be another country's: the hint says so."""
    _phone(data, '"017 555 03 03"')
    where = f"{NGO_FILE}:12:15: contacts.phones[0].number: "
    said(
        data,
        content,
        {
            "en": [
                where + "'017 555 03 03' is not a phone number in use (check the digits: a number with +994 "
                "looks like +994 12 312 34 56; write another country's number with + and its country code)"
            ],
            "az": [
                where + "'017 555 03 03' istifadədə olan telefon nömrəsi deyil (rəqəmləri yoxlayın: +994 "
                "kodlu nömrə belə olur: +994 12 312 34 56; başqa ölkənin nömrəsini + işarəsi və həmin "
                "ölkənin kodu ilə yazın)"
            ],
            "ru": [
                where + "'017 555 03 03' — несуществующий телефонный номер (проверьте цифры: номер с кодом "
                "+994 выглядит так: +994 12 312 34 56; номер другой страны запишите с + и кодом страны)"
            ],
        },
    )


def test_a_text_in_decomposed_form_mixes_no_alphabets(data: Path) -> None:
    """'Ş' written as 'S' and a combining cedilla, 'й' as 'и' and a combining breve (as some
    keyboards and copies from PDF files write them): the marks belong to no alphabet."""
    edit(
        data,
        "ngos/ganja-youth-centre.yaml",
        "name: Ganja Youth Centre",
        "name:\n  az: Şəki Gənclər Mərkəzi\n  ru: Молодёжный центр Шеки\n  en: Shaki Youth Centre".replace(
            "Ş", "S\u0327"
        ).replace("ё", "е\u0308"),
    )
    assert check_data(data)[1] == []


def test_facts_are_reported_with_the_schemas_problems_in_one_run(data: Path) -> None:
    """A record with a schema problem still gets its facts checked, once a value: a year both
    out of range and after this year is one problem."""
    edit(data, "ngos/ganja-youth-centre.yaml", "name: Ganja Youth Centre", "name: Gəncə Мərkəzi")
    append(data, "ngos/ganja-youth-centre.yaml", "founded: 2101\ncolour: blue\n")
    assert [f"{p.line}:{p.column}: {p.field}: {p.message}" for p in check_data(data)[1]] == [
        "1:13: name: the word 'Мərkəzi' mixes alphabets: 'М' is a Cyrillic letter",
        "9:10: founded: 2101 is out of range: expected a year such as 2008",
        "10:1: colour: unknown field",
    ]


def test_a_field_without_its_colon_in_three_languages(data: Path, content: Path) -> None:
    """'name' on line 1 above its map of languages: libyaml stops at line 2, the problem is line 1."""
    write(data, "ngos/ganja-youth-centre.yaml", RECORD.replace("name:\n", "name\n", 1))
    where = f"{NGO_FILE}:1:1: "
    said(
        data,
        content,
        {
            "en": [
                where + "YAML syntax error: this line has no colon and space (': ') after the field's name "
                "(write the field's name, a colon, a space and the value, as in 'name: value'; if the line "
                "continues the text of the field above, indent it further than that field)"
            ],
            "az": [
                where + "YAML sintaksis xətası: bu sətirdə sahənin adından sonra iki nöqtə və boşluq (': ') "
                "yoxdur (sahənin adını, iki nöqtə, boşluq və dəyəri yazın, məsələn 'sahə: dəyər'; sətir "
                "yuxarıdakı sahənin mətnini davam etdirirsə, ona həmin sahədən daha çox girinti verin)"
            ],
            "ru": [
                where + "синтаксическая ошибка YAML: в этой строке после названия поля нет двоеточия и "
                "пробела (': ') (напишите название поля, двоеточие, пробел и значение, как в 'поле: "
                "значение'; если строка продолжает текст поля выше, сделайте у неё отступ больше, чем у "
                "этого поля)"
            ],
        },
    )
