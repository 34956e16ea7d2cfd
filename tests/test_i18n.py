"""Three languages from one build: catalogs, switcher, fallbacks, formats and translations."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from click.testing import CliRunner

from ngo_directory.cli import main
from ngo_directory.content.reading import read_markdown
from ngo_directory.i18n import RECORD_LANGUAGES, catalog_file, translations
from ngo_directory.records.validate import load_directory
from ngo_directory.text.collation import initial, sort_key
from sitetools import ROOT, build, copy_project, html_files, inputs_of, language_of_path, parse, resolve

pytestmark = pytest.mark.usefixtures("fixed_date")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


# --- catalogs --------------------------------------------------------------------------------


def source_messages() -> set[Any]:
    """Every interface string in the templates and code, extracted the way `make catalogs` does."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT, method_map, options_map, keywords=keywords
    ):
        found.add(message)
    return found


def test_every_interface_string_is_translated_in_every_language():
    """Each string in the sources has a non-fuzzy translation, all plural forms filled, the same
    placeholders, in az, ru and en; and no catalog keeps strings the sources no longer use."""
    wanted = source_messages()
    assert len(wanted) > 90
    problems = []
    for language in RECORD_LANGUAGES:
        with catalog_file(language).open("rb") as po:
            catalog = read_po(po, locale=language)
        have = {message.id: message for message in catalog if message.id}
        for msgid in sorted(wanted, key=str):
            message = have.get(msgid)
            if message is None:
                problems.append(f"{language}: untranslated {msgid!r}")
                continue
            forms = [message.string] if isinstance(message.string, str) else list(message.string or ())
            if not all(forms) or message.fuzzy:
                problems.append(f"{language}: untranslated {msgid!r}")
                continue
            ids = [msgid] if isinstance(msgid, str) else list(msgid)
            expected = {name for text in ids for name in PLACEHOLDER.findall(text)}
            for form in forms:
                used = set(PLACEHOLDER.findall(form))
                # A plural form may leave out the number itself (Russian 'НПО' for any count).
                if not used <= expected or not expected - {"num"} <= used:
                    problems.append(f"{language}: placeholders differ in {msgid!r}: {form!r}")
            if len(forms) != catalog.num_plurals and not isinstance(msgid, str):
                problems.append(
                    f"{language}: {msgid!r} has {len(forms)} plural forms, not {catalog.num_plurals}"
                )
        problems += [f"{language}: unused {msgid!r}" for msgid in set(have) - wanted]
    assert problems == []


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "партнёр"), (3, "партнёра"), (5, "партнёров"), (11, "партнёров"), (21, "партнёр"), (24, "партнёра")],
)
def test_russian_plural_forms(number, expected):
    assert translations("ru").ngettext("partner", "partners", number) == expected


def test_azerbaijani_and_english_plural_forms():
    assert translations("az").ngettext("meeting", "meetings", 5) == "görüş"
    assert translations("en").ngettext("meeting", "meetings", 1) == "meeting"
    assert translations("en").ngettext("meeting", "meetings", 2) == "meetings"


# --- alphabetical order --------------------------------------------------------------------


def test_azerbaijani_alphabetical_order_and_initials():
    """Ə after E, X after H, dotless I before İ, Q after K: not the order of a generic fold."""
    names = ["Qala", "Kamal", "Xəzər", "Həyat", "İnam", "Işıq", "Əli", "Elm", "Fikir"]
    ordered = sorted(names, key=lambda n: sort_key(n, "az"))
    assert ordered == ["Elm", "Əli", "Fikir", "Həyat", "Xəzər", "Işıq", "İnam", "Kamal", "Qala"]
    assert [initial(n, "az") for n in ("Əli", "ışıq", "inam", "«Xalq»")] == ["Ə", "I", "İ", "X"]


def test_russian_lists_cyrillic_first_and_english_folds_letters():
    assert sorted(["Oxfam", "Всемирный банк", "Азеркелл"], key=lambda n: sort_key(n, "ru")) == [
        "Азеркелл",
        "Всемирный банк",
        "Oxfam",
    ]
    assert sorted(["Sumgait", "Şəki", "Salyan"], key=lambda n: sort_key(n, "en")) == [
        "Salyan",
        "Şəki",
        "Sumgait",
    ]
    assert initial("Şəki", "en") == "S"
    assert initial("2000 Club", "en") == "#"


# --- the built site --------------------------------------------------------------------------


def test_every_page_links_its_versions_in_every_language(sample_site):
    """Each page has hreflang links and a switcher for az, ru and en (plus x-default = az), and
    each link leads to an existing page whose <html lang> is that language."""
    pages = html_files(sample_site)
    assert len(pages) > 150
    for page in pages:
        tree = parse(page)
        own = language_of_path(sample_site, page)
        alternates = dict(
            zip(
                tree.xpath('//head/link[@rel="alternate"][@hreflang]/@hreflang'),
                tree.xpath('//head/link[@rel="alternate"][@hreflang]/@href'),
                strict=True,
            )
        )
        assert sorted(alternates) == ["az", "en", "ru", "x-default"], page
        assert alternates["x-default"] == alternates["az"], page
        for language in RECORD_LANGUAGES:
            target, _ = resolve(sample_site, page, alternates[language])
            assert target.is_file(), (page, language)
            assert parse(target).get("lang") == language, (page, language)
            if language == own:
                assert target == page.resolve(), page
        switcher = tree.xpath('//nav[contains(@class, "languages")]//a')
        assert [a.get("lang") for a in switcher] == ["az", "ru", "en"], page
        assert [a.get("href") for a in switcher] == [alternates[x] for x in ("az", "ru", "en")], page
        current = [a.get("lang") for a in switcher if a.get("aria-current") == "page"]
        assert current == [own], page


def test_interface_is_in_the_page_language(sample_site):
    """The same page reads differently per language: navigation and headings come from the catalogs."""
    for language, prefix in (("az", ""), ("ru", "ru/"), ("en", "en/")):
        tree = parse(sample_site / prefix / "partners/oxfam/index.html")
        nav = tree.xpath('//nav[@aria-label="{}"]//a/text()'.format(translations(language).gettext("Main")))
        assert nav[:2] == [translations(language).gettext("Search"), translations(language).gettext("NGOs")]
        assert tree.xpath("//h2[@id='about']/text()") == [translations(language).gettext("About")]


def test_dates_are_formatted_per_language(sample_site):
    meeting = "meetings/isar-first-regional-ngo-meeting-mingachevir-2000/index.html"
    expected = {"": "6 dekabr 2000", "ru/": "6 декабря 2000\u202fг.", "en/": "6 December 2000"}
    for prefix, text in expected.items():
        tree = parse(sample_site / prefix / meeting)
        assert tree.xpath('//dd/time[@datetime="2000-12-06"]/text()') == [text]


def test_home_counts_use_each_languages_plural_rules(sample_site):
    """The Russian home page says '30 партнёров' and '1 встреча': CLDR's plural category of each
    count picks the catalog form."""
    directory = load_directory(ROOT / "ngo_data")
    tree = parse(sample_site / "ru/index.html")
    counts = [" ".join(li.text_content().split()) for li in tree.xpath('//ul[@class="counts"]/li')]
    forms = {
        "partner": ("партнёр", "партнёра", "партнёров"),
        "meeting": ("встреча", "встречи", "встреч"),
        "region": ("регион", "региона", "регионов"),
    }
    category = Locale("ru").plural_form
    for kind, number in (("partner", len(directory.partners)), ("meeting", len(directory.meetings))):
        form = forms[kind][["one", "few", "many"].index(category(number))]
        assert f"{number} {form}" in counts
    number = len(directory.regions)
    assert f"{number} {forms['region'][['one', 'few', 'many'].index(category(number))]}" in counts


def test_fully_translated_record_has_no_fallback(sample_site):
    """Oxfam's record is complete in all three languages: nothing is marked untranslated, and the
    editors' page, which lists the records that need care, leaves it out."""
    for prefix, language in (("", "az"), ("ru/", "ru"), ("en/", "en")):
        tree = parse(sample_site / prefix / "partners/oxfam/index.html")
        assert tree.xpath('//main//*[@lang] | //*[contains(@class, "untranslated")]') == []
        editors = parse(sample_site / prefix / "editors/index.html")
        assert "../partners/oxfam/" not in editors.xpath("//main//a/@href"), language
        assert editors.xpath("//main//a[contains(@href, 'partners/eurasia-foundation/')]"), language


def test_press_release_translations_are_linked_and_listed(sample_site):
    """The release exists in az, ru and en (Pelican translations sharing one slug); each version
    has its own lang and title, links the other two, and is listed in its language's press list."""
    titles = {}
    for source in (ROOT / "content/press").glob("isar-first-regional-ngo-meeting*.md"):
        metadata, _ = read_markdown(source.read_text("utf-8"))
        titles[metadata["lang"]] = metadata["title"]
    assert sorted(titles) == ["az", "en", "ru"]
    for language, prefix in (("az", ""), ("ru", "ru/"), ("en", "en/")):
        page = sample_site / prefix / "press/isar-first-regional-ngo-meeting/index.html"
        tree = parse(page)
        assert tree.get("lang") == language
        assert tree.findtext(".//h1") == titles[language]
        assert tree.xpath("//main//*[@lang]") == []
        listed = parse(sample_site / prefix / "press/index.html").xpath("//main//h2/a/text()")
        assert titles[language] in listed and len(listed) == len(inputs_of().press)


def test_footer_pages_follow_the_language(sample_site):
    for prefix in ("", "ru/", "en/"):
        tree = parse(sample_site / prefix / "index.html")
        links = tree.xpath("//footer[@class='site']//a/@href")
        assert len(links) == len(inputs_of().pages) + 2  # the Data and editors pages, then each page
        for link in links:
            target, _ = resolve(sample_site, sample_site / prefix / "index.html", link)
            assert parse(target).get("lang") == (prefix.rstrip("/") or "az")


# --- fallbacks -------------------------------------------------------------------------------

PARTIAL_NGO = """\
name: Mingəçevir Gənclər Birliyi
other_names: [{en: Mingachevir Youth Union}]
description:
  en: An English-only description.
legal_form: {az: İctimai birlik, en: Public union}
regions: [mingachevir]
themes: [youth]
maintainers: [someone]
last_verified: "2026-11-01"
added: "2026-01-01"
"""
ENGLISH_ONLY_RELEASE = """\
Title: English only
Date: 2026-01-05
Slug: english-only
Lang: en
Organization: partial-ngo
Summary: Only in English.

Nobody has translated this yet.
"""


@pytest.fixture(scope="module")
def partial(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("partial")
    data, content = copy_project(tmp)
    (data / "ngos/partial-ngo.yaml").write_text(PARTIAL_NGO, "utf-8")
    (content / "press/english-only.md").write_text(ENGLISH_ONLY_RELEASE, "utf-8")
    return build(tmp / "output", data, content), data


def test_missing_text_falls_back_marked(partial):
    """On the Russian page the English description shows in a lang="en" block after a Russian
    note; the name, written once, is shown as is; the legal form falls back to az (the first
    fallback), marked inline."""
    site, _ = partial
    tree = parse(site / "ru/ngos/partial-ngo/index.html")
    assert tree.findtext(".//h1") == "Mingəçevir Gənclər Birliyi"
    about = tree.xpath("//section[@aria-labelledby='about']")[0]
    note = about.xpath(".//p[@class='untranslated']/text()")
    assert note == [
        translations("ru").gettext("Not yet translated. Shown in the original language: %(language)s.")
        % {"language": translations("ru").gettext("English")}
    ]
    assert about.xpath(".//div[@lang='en']/p/text()") == ["An English-only description."]
    legal = tree.xpath(
        "//dt[.='{}']/following-sibling::dd[1]".format(translations("ru").gettext("Legal form"))
    )[0]
    assert legal.xpath("span/@lang") == ["az"]
    assert legal.xpath("span/text()") == ["İctimai birlik"]
    assert legal.xpath("small[@class='untranslated']/text()") == ["(ещё не переведено)"]


def test_the_editors_page_shows_what_is_not_translated(partial):
    """Three translatable texts (other name, description, legal form): az has one, ru none, en
    all. The record's page no longer counts them (that is editors' bookkeeping); the editors'
    page lists the languages with gaps."""
    site, _ = partial
    for prefix, language in (("", "az"), ("ru/", "ru"), ("en/", "en")):
        assert parse(site / prefix / "ngos/partial-ngo/index.html").xpath('//*[@class="translation"]') == []
        row = parse(site / prefix / "editors/index.html").xpath(
            "//main//li[a[contains(@href, 'ngos/partial-ngo/')]]"
        )[0]
        catalog = translations(language)
        counts = [
            f"{catalog.gettext(name)}: "
            + catalog.ngettext("%(done)s of %(num)s text", "%(done)s of %(num)s texts", 3)
            % {"done": done, "num": 3}
            for name, done in (("Azerbaijani", 1), ("Russian", 0))
        ]
        meta = [" ".join(m.text_content().split()) for m in row.xpath("span[@class='meta']")]
        assert meta == [f"{catalog.gettext('Translated')}: " + " · ".join(counts)], language


def test_release_without_translation_gets_marked_fallback_versions(partial):
    """An English-only release still has an az and a ru page and appears in their lists, marked."""
    site, _ = partial
    assert (site / "en/press/english-only/index.html").is_file()
    for prefix in ("", "ru/"):
        tree = parse(site / prefix / "press/english-only/index.html")
        assert tree.get("lang") == (prefix.rstrip("/") or "az")
        assert tree.xpath("//main/article/@lang") == ["en"]
        assert tree.xpath("//main/p[@class='untranslated']")
        listed = parse(site / prefix / "press/index.html").xpath("//main//h2/a[@lang='en']/text()")
        assert listed == ["English only"]


# --- the translations command ----------------------------------------------------------------


def test_translations_command_names_file_line_and_field(partial):
    _, data = partial
    result = CliRunner().invoke(main, ["translations", "--data", str(data), "-l", "ru"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "partial-ngo" in line]
    file = "ngo_data/ngos/partial-ngo.yaml"
    assert lines == [
        f"{file}:2:15: other_names[0]: not yet translated into ru (written in en)",
        f"{file}:4:3: description: not yet translated into ru (written in en)",
        f"{file}:5:13: legal_form: not yet translated into ru (written in az, en)",
    ]
    assert re.search(r"^ru: \d+ of \d+ texts translated; \d+ missing in \d+ records?$", result.stderr, re.M)


def test_translations_command_strict_and_json(partial):
    _, data = partial
    strict = CliRunner().invoke(main, ["translations", "--data", str(data), "--strict"])
    assert strict.exit_code == 1
    result = CliRunner().invoke(main, ["translations", "--data", str(data), "--format", "json"])
    assert result.exit_code == 0
    report = {entry["slug"]: entry for entry in json.loads(result.stdout)}
    assert report["partial-ngo"]["texts"] == 3
    assert report["partial-ngo"]["translated"] == {"az": 1, "ru": 0, "en": 3}
    assert report["oxfam"]["gaps"] == []
    assert "iearn-azerbaijan" in report


def test_translations_command_refuses_invalid_data(tmp_path: Path):
    data, _ = copy_project(tmp_path)
    (data / "ngos/broken.yaml").write_text("name: [\n")
    result = CliRunner().invoke(main, ["translations", "--data", str(data)])
    assert result.exit_code == 1
    assert "ngo_data/ngos/broken.yaml:1:7: YAML syntax error: the list opened with" in result.output


def test_an_acronym_follows_the_page_language(sample_site):
    """OSCE's acronym is written per language: ATƏT, ОБСЕ, OSCE, in the heading, the lists and
    the search names."""
    for prefix, acronym in (("", "ATƏT"), ("ru/", "ОБСЕ"), ("en/", "OSCE")):
        page = parse(sample_site / prefix / "partners/osce/index.html")
        assert page.xpath("//h1/abbr/text()") == [f"({acronym})"], prefix
        listed = parse(sample_site / prefix / "partners/index.html")
        assert f"({acronym})" in listed.xpath("//main//abbr/text()"), prefix
        names = page.xpath("//head/meta[@name='search-names']/@content")[0].split()
        assert {"atət", "обсе", "osce"} <= set(names), prefix
