"""The NGO form (contribute/form/): one page per language, reached from an NGO's page ("Update
this record", ?record=<slug>) and from every footer ("Add your organisation"); filled from the
record's own JSON (data/ngos/<slug>.json); checked as one types with the published JSON Schemas
by the vendored @cfworker/json-schema, each message at its field in the page's language; and
sent on as the address of GitHub's issue form filled in with what changed, or, when that would
be too long, as the record's YAML for GitHub's editor. Without a script the page lists the other
ways in. Through `from-issue`, the issue it fills in makes the record meant."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

from browsertools import Watched, axe_violations, serve
from issue_forms import form_elements, render_issue_body
from ngo_directory.i18n import translations
from ngo_directory.problems import INVISIBLE
from ngo_directory.records.loader import load_file
from ngo_directory.schema import coerce, error_messages, inlined_schema
from ngo_directory.settings import DEFAULTS
from sitetools import (
    GITHUB,
    ISSUE_FORM,
    PREFIXES,
    REPOSITORY,
    ROOT,
    build,
    copy_project,
    hostile_ngo,
    html_files,
    language_of_path,
    node_with,
    nu_errors,
    parse,
    resolve,
)

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

FORM = "contribute/form/"
WAIT_MS = 15_000
RUN = Path(__file__).with_name("record_form_run.mjs")
VENDOR = ROOT / "theme/static/js/vendor"
FORM_SCRIPT = ROOT / "theme/static/js/record-form.js"
SCRIPTS = ["record-form.js", "vendor/json-schema.js"]
# The issue form's fields the site's form may fill: the form's text fields (GitHub pre-fills no
# other kind), the template and the title.
ISSUE_FIELDS = {"template", "title"} | {
    item["id"] for item in form_elements() if item["type"] in ("input", "textarea")
}
HOSTILE = "hostile-ngo"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, fixed_date: None) -> Path:
    """The sample, plus an NGO whose every text is markup, built with a repository; its records
    are beside it (site.parent / 'ngo_data')."""
    folder = tmp_path_factory.mktemp("record-form")
    data, content = copy_project(folder)
    (data / "ngos" / f"{HOSTILE}.yaml").write_text(hostile_ngo(), "utf-8")
    return build(folder / "output", data, content, NGO_DIRECTORY_REPOSITORY=REPOSITORY)


def form_page(site: Path, language: str) -> Path:
    return site / PREFIXES[language] / FORM / "index.html"


def texts_of(site: Path, language: str) -> dict[str, Any]:
    [block] = parse(form_page(site, language)).xpath("//script[@id='form-texts']")
    texts: dict[str, Any] = json.loads(block.text)
    return texts


def run(calls: list[dict[str, Any]]) -> list[Any]:
    """Functions of record-data.js (and the vendored validator) run by node (record_form_run.mjs)."""
    node = node_with("@cfworker/json-schema")
    result = subprocess.run(
        [node, str(RUN)], input=json.dumps(calls), capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[:5000]
    results: list[Any] = json.loads(result.stdout)
    return results


# --- The page as built -------------------------------------------------------------------------


@pytest.mark.parametrize("language", list(PREFIXES))
def test_the_form_page_in_every_language(site: Path, language: str) -> None:
    """The page says what it does; the form itself waits, hidden, for its script, while the page
    lists the other ways in; it links the contribute page of its language."""
    page = form_page(site, language)
    tree = parse(page)
    assert tree.get("lang") == language
    heading = {
        "az": "QHT əlavə edin və ya yeniləyin",
        "ru": "Добавить или обновить НПО",
        "en": "Add or update an NGO",
    }
    assert tree.findtext(".//h1") == heading[language]
    [form] = tree.xpath("//form[@id='record-form']")
    assert form.get("hidden") is not None and form.get("novalidate") is not None
    [off] = tree.xpath("//*[@id='form-off']")
    assert off.get("hidden") is None
    hrefs = [str(h) for h in off.xpath(".//a/@href")]
    contribute = (site / PREFIXES[language] / "contribute/index.html").resolve()
    assert ISSUE_FORM in hrefs
    assert contribute in [resolve(site, page, h)[0] for h in hrefs if not h.startswith("https://")]
    [other] = tree.xpath("//main/p[@class='other-ways']/a/@href")
    assert resolve(site, page, str(other))[0] == contribute
    assert form.get("data-issue") == ISSUE_FORM
    assert form.get("data-edit") == f"{GITHUB}/edit/main/ngo_data/ngos/"
    versions = {link.get("hreflang") for link in tree.xpath("//head/link[@hreflang]")}
    assert versions - {"x-default"} == set(PREFIXES)


@pytest.mark.parametrize("language", list(PREFIXES))
def test_the_only_scripts_are_the_module_and_its_texts(site: Path, language: str) -> None:
    page = form_page(site, language)
    tree = parse(page)
    depth = len(page.relative_to(site).parts) - 1
    scripts = [(s.get("type"), s.get("src"), s.get("id")) for s in tree.xpath("//script")]
    assert scripts == [
        ("module", "../" * depth + "theme/js/record-form.js", None),
        ("application/json", None, "form-texts"),
    ]
    assert tree.xpath("//@*[starts-with(name(), 'on')]") == []
    assert tree.xpath("//head/link[@rel='stylesheet']/@href")[-1] == "../" * depth + "theme/css/form.css"
    for script in [*SCRIPTS, "vendor/json-schema.LICENSE.txt"]:
        assert (site / "theme/js" / script).is_file(), script


@pytest.mark.parametrize("language", list(PREFIXES))
def test_every_control_has_a_label_and_each_language_its_lang(site: Path, language: str) -> None:
    tree = parse(form_page(site, language))
    form = tree.xpath("//form[@id='record-form']")[0]
    for control in form.xpath(".//input[@id] | .//textarea[@id] | .//select[@id]"):
        control_id = control.get("id")
        labels = tree.xpath(f"//label[@for='{control_id}']") or control.xpath("ancestor::label")
        assert len(labels) == 1 and labels[0].text_content().strip(), control_id
    for key in ("name", "description"):
        for code in ("az", "ru", "en"):
            [control] = form.xpath(f".//*[@name='{key}_{code}']")
            assert control.get("lang") == code
    # Each repeated row's template has a label for each of its parts, which the script ties to it.
    for group in ("locations", "phones", "social"):
        [template] = form.xpath(f".//template[@id='f-{group}-row']")
        parts = template.xpath(".//*[@data-part]")
        assert parts and all(part.xpath("./label") and part.xpath("./input | ./select") for part in parts)


@pytest.mark.parametrize("language", list(PREFIXES))
def test_regions_and_themes_are_the_vocabularies_in_the_page_language(site: Path, language: str) -> None:
    import yaml

    from ngo_directory.text.translit import fold

    tree = parse(form_page(site, language))
    for key in ("regions", "themes"):
        vocabulary = yaml.safe_load((site.parent / "ngo_data" / f"{key}.yaml").read_text("utf-8"))
        boxes = tree.xpath(f"//input[@type='checkbox'][@name='{key}']")
        assert sorted(box.get("value") for box in boxes) == sorted(vocabulary)
        for box in boxes:
            label = box.getparent().text_content().strip()
            assert label == vocabulary[box.get("value")]["name"][language]
            # Every other name and spelling is matched, each spelling that folds alike once.
            entry = vocabulary[box.get("value")]
            names = [*entry["name"].values(), *entry.get("also_known_as", []), entry.get("iso", "")]
            found = {fold(n) for n in [label, *box.get("data-names").split(" · ")]}
            assert {fold(n) for n in names if n} == found
            assert len(box.get("data-names").split(" · ")) == len(found) - 1
    # A place's region is chosen among these: the script copies them into each place's list.
    assert tree.xpath("//template[@id='f-locations-row']//select/option/@value") == [""]


@pytest.mark.parametrize("language", list(PREFIXES))
def test_the_schema_messages_are_those_validate_speaks(site: Path, language: str) -> None:
    """The page carries every "errorMessage" of the NGO schema in its language, from the catalog
    `validate --lang` reads."""
    schema = texts_of(site, language)["schema"]
    catalog = translations(language)
    messages = error_messages("ngo")
    assert "expected a web address starting with https:// or http://" in messages
    assert schema == {message: catalog.gettext(message) for message in messages}
    if language != "en":
        assert all(schema[m] != m for m in messages), language


def test_an_ngo_page_opens_the_form_for_its_record(site: Path) -> None:
    """'Update this record' on an NGO's page is the form with ?record=<slug>, in the page's
    language; GitHub's editor stays one link below. Partners, meetings and programmes keep the
    editor."""
    for language, prefix in PREFIXES.items():
        page = site / prefix / "ngos/iearn-azerbaijan/index.html"
        [block] = parse(page).xpath("//aside[@class='contribute']")
        first = block.xpath(".//a/@href")[0]
        parts = urlsplit(str(first))
        assert resolve(site, page, parts.path)[0] == form_page(site, language).resolve()
        assert parts.query == "record=iearn-azerbaijan"
        assert f"{GITHUB}/edit/main/ngo_data/ngos/iearn-azerbaijan.yaml" in block.xpath(".//a/@href")
    for other in ("partners/isar/", "meetings/isar-first-regional-ngo-meeting-mingachevir-2000/"):
        hrefs = [
            str(h) for h in parse(site / other / "index.html").xpath("//aside[@class='contribute']//a/@href")
        ]
        assert not [h for h in hrefs if FORM in h], other


def test_every_footer_offers_the_form(site: Path) -> None:
    """'Add your organisation' in every footer opens the form, empty, in the page's language."""
    for page in html_files(site):
        language = language_of_path(site, page)
        [footer] = parse(page).xpath("//footer[@class='site']")
        targets = [resolve(site, page, str(h))[0] for h in footer.xpath(".//a/@href") if "?" not in h]
        assert form_page(site, language).resolve() in targets, page


def test_the_page_and_its_scripts_keep_within_the_page_budget(site: Path) -> None:
    """What the form adds to a visit, gzipped as the build measures a page: the page (the
    heaviest language's, with every place of Azerbaijan to tick), its stylesheet and its
    scripts, within the budget of any page. The site's stylesheet is not counted: the form is
    reached from a page of the site (every footer links to it), which has already fetched it."""
    budget = DEFAULTS["NGO_DIRECTORY_PAGE_BUDGETS"]["page"]

    def gz(path: Path) -> int:
        return len(gzip.compress(path.read_bytes(), 6, mtime=0))

    assets = [
        site / "theme/css/form.css",
        *(site / "theme/js" / s for s in SCRIPTS),
    ]
    heaviest = max(gz(form_page(site, language)) for language in PREFIXES)
    total = heaviest + sum(gz(path) for path in assets)
    assert total <= budget, total
    assert gz(site / "theme/js/vendor/json-schema.js") < 8_000


def test_the_form_pages_pass_the_nu_html_checker(site: Path) -> None:
    assert nu_errors(*(form_page(site, language) for language in PREFIXES), site / "data") == ""


# --- The vendored validator ----------------------------------------------------------------------


def test_the_committed_scripts_are_what_the_pinned_tools_make() -> None:
    """theme/static/js/vendor/json-schema.js is, byte for byte, what `npm run --silent
    vendor:json-schema` makes of the @cfworker/json-schema that package.json pins (esbuild, pinned
    too), and theme/static/js/record-form.js what `bundle:record-form` makes of theme/scripts/ (`make
    scripts` writes both); the versions agree, and the validator's licence travels with it."""
    node_with("@cfworker/json-schema", "esbuild")
    package = json.loads((ROOT / "package.json").read_text("utf-8"))
    pinned = package["devDependencies"]["@cfworker/json-schema"]
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", pinned) and re.fullmatch(
        r"[0-9]+\.[0-9]+\.[0-9]+", package["devDependencies"]["esbuild"]
    )
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    assert lock["packages"]["node_modules/@cfworker/json-schema"]["version"] == pinned
    installed = json.loads((ROOT / "node_modules/@cfworker/json-schema/package.json").read_text("utf-8"))
    assert installed["version"] == pinned
    for script, path in (
        ("vendor:json-schema", VENDOR / "json-schema.js"),
        ("bundle:record-form", FORM_SCRIPT),
    ):
        built = subprocess.run(["npm", "run", "--silent", script], capture_output=True, check=False, cwd=ROOT)
        assert built.returncode == 0, built.stderr[:2000]
        assert built.stdout == path.read_bytes(), f"{path.name} is out of date: run make scripts"
    committed = (VENDOR / "json-schema.js").read_bytes()
    assert committed.startswith(f"/*! @cfworker/json-schema {pinned}, MIT licence".encode())
    assert b"new Function" not in committed and b"eval(" not in committed
    licence = (VENDOR / "json-schema.LICENSE.txt").read_text("utf-8")
    assert (
        "MIT License" in licence and "Jeremy Danyow" in licence and "ajv" in licence and "punycode" in licence
    )


def test_formats_the_validator_does_not_know_leave_the_rest_to_the_patterns(site: Path) -> None:
    """cfworker skips a format it does not know (phone, local-datetime); the schemas' if/then
    patterns still apply, and http-url and e-mail are checked as the validator checks them."""
    schemas = {
        f"https://site.example/schemas/{name}.schema.json": json.loads(
            (site / f"schemas/{name}.schema.json").read_bytes()
        )
        for name in ("ngo", "common")
    }
    address = "https://site.example/schemas/ngo.schema.json"
    base = json.loads((site / "data/ngos/iearn-azerbaijan.json").read_bytes())

    def with_contacts(**contacts: Any) -> dict[str, Any]:
        return {**base, "contacts": contacts}

    cases = {
        "valid": with_contacts(
            website="https://iearn.az/x?y#z",
            email="info@iearn.az",
            phones=[{"type": "office", "number": "+994 12 555 03 03"}],
        ),
        "no scheme": with_contacts(website="iearn.az"),
        "credentials": with_contacts(website="https://me:secret@iearn.az/"),
        "one-label host": with_contacts(website="https://localhost/"),
        "one-label mail": with_contacts(email="info@example"),
        "letters": with_contacts(phones=[{"type": "office", "number": "call us"}]),
        "timestamp": {**base, "updated": "2026-02-30"},
        "good timestamp": {**base, "updated": "2026-02-28 14:30"},
    }
    errors = run([{"call": "validate", "args": [schemas, address, record]} for record in cases.values()])
    found = {
        name: {(e["instanceLocation"], e["keyword"]) for e in result}
        for name, result in zip(cases, errors, strict=True)
    }
    assert found["valid"] == set() and found["good timestamp"] == set()
    assert ("#/contacts/website", "format") in found["no scheme"]
    assert ("#/contacts/website", "format") in found["credentials"]
    assert ("#/contacts/website", "format") in found["one-label host"]
    assert ("#/contacts/email", "format") in found["one-label mail"]
    assert ("#/contacts/phones/0/number", "pattern") in found["letters"]
    assert ("#/updated", "pattern") in found["timestamp"]


def test_each_mistake_is_told_at_its_field(site: Path) -> None:
    """What the page shows for a new organisation's answers (the checks the page runs, in node):
    each message at its field, in the page's language; places, numbers and pages by their row."""
    texts = texts_of(site, "en")
    schemas = {
        f"https://site.example/schemas/{name}.schema.json": json.loads(
            (site / f"schemas/{name}.schema.json").read_bytes()
        )
        for name in ("ngo", "common")
    }
    context = {
        "order": ["en", "az", "ru"], "language": "en", "defaultLanguage": "az", "slug": "", "ownName": True,
        "legalForms": texts["legalForms"], "placeName": texts["placeName"], "networks": texts["networks"],
        "invisible": texts["invisiblePattern"],
    }  # fmt: skip
    empty = run([{"call": "answersOf", "args": [None, context]}])[0]
    answers = {
        **empty,
        "name": "Ganja\u200bYouth",
        "name_ru": "x" * 201,
        "description_en": "",
        "founded": "two thousand",
        "regions": ["ganja"],
        "locations": [
            {"origin": None, "address": "Nizami 5", "city": "", "region": "", "name": ""},
            {"origin": None, "address": "", "city": "", "region": "", "name": ""},  # empty: ignored
            {"origin": None, "address": "", "city": "", "region": "ganja", "name": ""},  # no name of any kind
        ],
        "phones": [{"origin": None, "number": "call us", "type": "office"}],
        "social": [{"origin": None, "url": "facebook.com/x"}],
        "email": "info@ganja",
        "maintainers": "@good-login, bad_login",
    }
    call = {
        "schemas": schemas,
        "record": next(iter(schemas)),
        "original": None,
        "texts": texts,
        "context": context,
    }
    [messages] = run([{"call": "check", "args": [{**call, "answers": answers}]}])
    schema = texts["schema"]
    assert messages == {
        "name": texts["invisible"].replace("{character}", "U+200B"),
        "name_ru": "is 201 characters, over the limit of 200",
        "description_en": texts["needDescription"],
        "founded": schema["expected a year such as 2008"],
        "themes": texts["needTheme"],
        "locations.0.region": texts["needPlaceRegion"],
        "locations.2.name": texts["needPlaceName"],
        "phones.0.number": schema[
            'expected a phone number that can be dialled today, such as "+994 12 555 03 03"'
        ],
        "social.0.url": schema["expected a web address starting with https:// or http://"],
        "email": schema["expected an e-mail address such as info@example.org"],
        "maintainers": schema["expected a GitHub login such as octocat, without '@'"],
    }


# --- The record as YAML --------------------------------------------------------------------------

AWKWARD = [
    "plain", "", " leading", "trailing ", "yes", "no", "NO", "on", "null", "~", "0125", "1:20", "2025-05-10",
    "3.0", "0x1F", "- dash", "# hash", "key: value", "a #b", "'single'", '"double"', "back\\slash", "{a: b}",
    "[1, 2]", "&anchor", "*alias", "!tag x", "%percent", "@at", "`tick`", "|", ">", "---", "...",
    "tab\there", "cr\rhere", "crlf\r\nhere", "nel\x85here", "ls\u2028here", "ps\u2029here", "bom\ufeff",
    "zw\u200bspace", "rtl\u202eoverride", "bell\x07", "nul\x00", "del\x7f", "nbsp\xa0here",
    "emoji 🙂 and 𝕏", "Gəncə Gənclər Mərkəzi", "Молодёжь «Гянджи»", "<script>alert(1)</script>",
    "line one\nline two", "ends with a break\n", "two breaks\n\n", "\nstarts with a break",
    "para one\n\npara two\n", "  indented first\nsecond\n", "trailing space \nline\n", "- list\n- item\n",
    "# heading\n\ntext\n", "---\nnot a document\n", "tab\tin\nlines\n", "last line  ",
]  # fmt: skip


def test_the_yaml_it_writes_reads_back_exactly_with_the_strict_loader(tmp_path: Path) -> None:
    """Every string is quoted or a literal block, so the project's loader reads back exactly the
    record the script wrote, whatever its texts hold; line separators and invisible characters
    travel as escapes."""
    records = []
    for index, text in enumerate(AWKWARD):
        records.append(
            {
                "name": {"az": text or "x", "en": f"name {index}"},
                "description": {"az": text or "x", "ru": f"{text}\n{text}"},
                "other_names": [text, "plain"],
                "founded": 2008,
                "locations": [{"name": text or "x", "region": "ganja", "services": [text, text + "!"]}],
                "contacts": {"social": [{"network": "other", "url": text}]},
                "maintainers": ["octocat"],
            }
        )
    modeline = "# yaml-language-server: $schema=../../src/ngo_directory/schema/ngo.schema.json"
    texts = run([{"call": "toYaml", "args": [record, modeline]} for record in records])
    schema = inlined_schema("ngo")
    for record, text, awkward in zip(records, texts, AWKWARD, strict=True):
        assert text.startswith(modeline + "\n")
        path = tmp_path / "record.yaml"
        path.write_bytes(text.encode("utf-8"))
        doc, problems = load_file(path, "record.yaml")
        if re.search(f"[{INVISIBLE}\r]", awkward):
            # The loader refuses these however they are written; the form says so at the field.
            assert problems and "written as an escape" in str(problems[0].message), text
            continue
        assert doc is not None and problems == [], (text, problems)
        assert coerce(doc.data, schema) == record, text
    readable = texts[AWKWARD.index("para one\n\npara two\n")]
    assert "  az: |\n    para one\n\n    para two\n" in readable  # a text reads as the files do


# --- In the browser -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path) -> Any:
    with serve(site) as url:
        yield url


def open_form(watched: Watched, url: str, path: str) -> Any:
    page = watched.page
    page.goto(f"{url}/{path}")
    page.wait_for_selector("#record-form[data-ready]", timeout=WAIT_MS)
    return page


def link_fields(page: Any) -> dict[str, str]:
    from playwright.sync_api import expect

    expect(page.locator("#form-link")).to_be_visible(timeout=WAIT_MS)
    href = page.get_attribute("#form-link-address", "href")
    assert href.startswith(ISSUE_FORM + "&")
    pairs = parse_qsl(urlsplit(href).query, keep_blank_values=True, strict_parsing=True)
    fields = dict(pairs)
    assert len(fields) == len(pairs)  # each field once
    assert set(fields) <= ISSUE_FIELDS and "labels" not in fields
    return fields


# The messages a website without https:// and an e-mail address without @ get, in az and ru.
MISTAKES = {
    "az": ("https:// və ya http:// ilə başlayan veb ünvan gözlənilir", "E-poçt ünvanı gözlənilir"),
    "ru": ("Ожидается веб-адрес, начинающийся с https:// или http://", "Ожидается адрес электронной почты"),
}


def update_through_the_form(watched: Watched, served: str, site: Path, language: str) -> dict[str, str]:
    """Open an NGO's page, follow 'Update this record', find the form filled in, make mistakes,
    read each message at its field in the page's language, correct them, and return the fields of
    the issue form's address."""
    from playwright.sync_api import expect

    wrong, right = MISTAKES[language]
    page = watched.page
    page.goto(f"{served}/{PREFIXES[language]}ngos/iearn-azerbaijan/")
    page.locator("aside.contribute a").first.click()
    page.wait_for_selector("#record-form[data-ready]", timeout=WAIT_MS)
    assert urlsplit(page.url).query == "record=iearn-azerbaijan"
    record = json.loads((site / "data/ngos/iearn-azerbaijan.json").read_bytes())
    expect(page.locator("#f-name")).to_have_value(record["name"])
    expect(page.locator(f"#f-description_{language}")).to_have_value(record["description"][language].strip())
    expect(page.locator("input[name=themes][value=ict]")).to_be_checked()
    assert "iEARN-Azerbaijan" in page.text_content("#form-record")
    assert page.is_hidden("#form-off")
    # Mistakes, each told at its field once one leaves it.
    page.fill("#f-website", "iearn.az")
    page.fill("#f-email", "info.iearn.az")
    page.press("#f-email", "Tab")
    expect(page.locator("#f-website-error")).to_have_text(wrong)
    assert right in page.text_content("#f-email-error")
    for field in ("website", "email"):
        control = page.locator(f"#f-{field}")
        expect(control).to_have_attribute("aria-invalid", "true")
        assert f"f-{field}-error" in control.get_attribute("aria-describedby").split()
    # Continuing lists them at the top, in the form's order, each a link to its field.
    page.click("button.continue")
    summary = page.locator("#form-summary")
    expect(summary).to_be_focused()
    links = summary.locator("a")
    expect(links).to_have_count(2)
    assert right in links.nth(0).text_content() and wrong in links.nth(1).text_content()
    links.nth(1).click()
    expect(page.locator("#f-website")).to_be_focused()
    # Corrected, the messages go as one types.
    page.fill("#f-website", "https://iearn.az")
    expect(page.locator("#f-website-error")).to_be_hidden()
    page.fill("#f-email", "info@iearn.az")
    expect(page.locator("#f-email-error")).to_be_hidden()
    assert page.get_attribute("#f-email", "aria-invalid") is None
    page.click("button.continue")
    fields = link_fields(page)
    expect(page.locator("#form-link")).to_be_focused()
    return fields


@pytest.mark.browser
@pytest.mark.parametrize("language", list(MISTAKES))
def test_from_a_record_page_to_a_filled_in_issue_form(
    watched: Watched, served: str, site: Path, language: str
) -> None:
    """The address holds the change alone, with the record, the page's language and a title."""
    assert update_through_the_form(watched, served, site, language) == {
        "template": "add-or-update-ngo.yml",
        "existing": "iearn-azerbaijan",
        "language": language,
        "title": "NGO: iEARN-Azerbaijan",
        "name": "iEARN-Azerbaijan",
        "email": "info@iearn.az",
        "website": "https://iearn.az",
    }


@pytest.mark.browser
def test_an_update_sends_only_what_changed(watched: Watched, served: str, site: Path, tmp_path: Path) -> None:
    """A cleared text is a `remove`; a list that only grew sends its new entries; any other
    changed list is a `remove` and the whole new list; nothing changed says so. Through
    `from-issue` the record is the old one with just those changes."""
    page = open_form(watched, served, f"en/{FORM}?record=iearn-azerbaijan")
    page.click("button.continue")
    assert page.text_content("#form-status") == "You have not changed anything yet."
    assert page.is_hidden("#form-link")
    page.fill("#f-legal_form", "")
    page.fill("#f-description_ru", "")
    page.check("input[name=regions][value=ganja]")
    page.uncheck("input[name=themes][value=ict]")
    page.check("input[name=themes][value=youth]")
    page.click("[data-add=phones]")
    page.keyboard.type("+994 12 555 03 03")
    page.fill("#f-maintainers", "@octocat, directory-editors")
    page.click("button.continue")
    fields = link_fields(page)
    assert fields == {
        "template": "add-or-update-ngo.yml",
        "existing": "iearn-azerbaijan",
        "language": "en",
        "title": "NGO: iEARN-Azerbaijan",
        "name": "iEARN-Azerbaijan",
        "regions": "ganja",
        "themes": "education, youth",
        "phones": "+994 12 555 03 03 (office)",
        "maintainers": "octocat",
        "remove": "description_ru, legal_form, themes",
    }
    original = json.loads((site / "data/ngos/iearn-azerbaijan.json").read_bytes())
    expected = {
        **original,
        "description": {"az": original["description"]["az"], "en": original["description"]["en"]},
        "regions": ["azerbaijan", "ganja"],
        "themes": ["education", "youth"],
        "contacts": {"phones": [{"type": "office", "number": "+994 12 555 03 03"}]},
        "maintainers": ["directory-editors", "octocat"],
        "last_verified": DATE,
        "updated": DATE,
    }
    del expected["legal_form"]
    assert record_from_issue(site, fields, tmp_path) == expected


# What a new organisation's answers are sent as (add_through_the_form).
NEW_FIELDS = {
    "template": "add-or-update-ngo.yml",
    "language": "ru",
    "title": "NGO: Гянджинский молодёжный центр",
    "name": "Гянджинский молодёжный центр",
    "description_ru": "Помогаем молодёжи Гянджи.\n\nВторой абзац.",
    "legal_form": "Общественное объединение",
    "founded": "2009",
    "regions": "ganja",
    "themes": "youth",
    "locations": "ул. Низами, 5 | Гянджа | ganja",
    "phones": "+994 22 256 00 00 (office)\n+994 50 200 00 00 (mobile)",
    "email": "info@gyanja-youth.az",
    "website": "https://gyanja-youth.az",
    "social": "https://www.facebook.com/ganjayouth",
    "maintainers": "ganja-colleague",
    "notes": "Свидетельство о регистрации № 1234",
}


def add_through_the_form(watched: Watched, served: str) -> dict[str, str]:
    """An empty form: what is required is said at once on continuing; filled in, the fields of the
    issue form's address."""
    from playwright.sync_api import expect

    page = open_form(watched, served, f"ru/{FORM}")
    assert page.is_hidden("#form-record") and page.is_visible("#f-name")
    page.click("button.continue")
    expect(page.locator("#form-summary")).to_be_focused()
    assert page.text_content("#f-name-error") == "Напишите название организации."
    assert page.text_content("#f-regions-error") == "Отметьте хотя бы один регион."
    assert page.text_content("#f-description_ru-error") == "Напишите описание хотя бы на одном языке."
    page.fill("#f-name", "Гянджинский молодёжный центр")
    page.fill("#f-description_ru", "Помогаем молодёжи Гянджи.\n\nВторой абзац.")
    page.fill("#f-legal_form", "Общественное объединение")
    page.fill("#f-founded", "2009")
    page.check("input[name=regions][value=ganja]")
    page.check("input[name=themes][value=youth]")
    page.click("[data-add=locations]")
    page.keyboard.type("ул. Низами, 5")
    page.locator("[id$='-city']").fill("Гянджа")
    page.locator("[id$='-region']").select_option("ganja")
    page.click("[data-add=phones]")
    page.keyboard.type("+994 22 256 00 00")
    page.click("[data-add=phones]")
    page.keyboard.type("+994 50 200 00 00")
    page.locator("[id$='-type']").nth(1).select_option("mobile")
    page.click("[data-add=social]")
    page.keyboard.type("https://www.facebook.com/ganjayouth")
    page.fill("#f-email", "info@gyanja-youth.az")
    page.fill("#f-website", "https://gyanja-youth.az")
    page.fill("#f-maintainers", "ganja-colleague")
    page.fill("#f-notes", "Свидетельство о регистрации № 1234")
    page.click("button.continue")
    return link_fields(page)


@pytest.mark.browser
def test_a_new_organisation_through_the_form(watched: Watched, served: str) -> None:
    """Every answer is sent; places, numbers and pages one a line."""
    assert add_through_the_form(watched, served) == NEW_FIELDS


# --- Through from-issue: the issue makes the record meant ---------------------------------------

DATE = "2026-12-01"  # the day from-issue is told it is


def record_from_issue(site: Path, fields: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    """The record `from-issue` writes for an issue submitted with these fields: the body GitHub
    renders for the form (tests/issue_forms.py, from the form's own YAML) turned into a record
    against the site's own records, read back with the strict loader."""
    from click.testing import CliRunner

    from ngo_directory.cli import main

    values = {key: value for key, value in fields.items() if key not in ("template", "title")}
    body = tmp_path / "issue.md"
    body.write_text(render_issue_body(values), "utf-8")
    written = tmp_path / "record.yaml"
    arguments = ["from-issue", str(body), "--data", str(site.parent / "ngo_data"), "--author", "octocat"]
    result = CliRunner().invoke(main, [*arguments, "--date", DATE, "--output", str(written)])
    assert result.exit_code == 0, result.output
    doc, problems = load_file(written, written.name)
    assert doc is not None and problems == [], problems
    record: dict[str, Any] = coerce(doc.data, inlined_schema("ngo"))
    return record


def without_final_breaks(record: dict[str, Any]) -> dict[str, Any]:
    """A record's descriptions without the line break a literal block ('|') ends with."""
    description = record.get("description")
    if isinstance(description, dict):
        record = {**record, "description": {k: v.rstrip("\n") for k, v in description.items()}}
    return record


@pytest.mark.browser
@pytest.mark.parametrize("language", list(MISTAKES))
def test_the_update_becomes_the_record_meant(
    watched: Watched, served: str, site: Path, language: str, tmp_path: Path
) -> None:
    """The issue the form fills in, rendered as GitHub renders it and run through `from-issue`
    against the sample, gives the record as it was plus the change: nothing lost (its other name,
    registration, translations and maintainers stay), the author not added, the days set."""
    fields = update_through_the_form(watched, served, site, language)
    record = record_from_issue(site, fields, tmp_path)
    original = json.loads((site / "data/ngos/iearn-azerbaijan.json").read_bytes())
    expected = {
        **original,
        "contacts": {"email": "info@iearn.az", "website": "https://iearn.az"},
        "last_verified": DATE,
        "updated": DATE,
    }
    assert record == expected


@pytest.mark.browser
def test_a_new_organisation_becomes_the_record_meant(
    watched: Watched, served: str, site: Path, tmp_path: Path
) -> None:
    fields = add_through_the_form(watched, served)
    record = record_from_issue(site, fields, tmp_path)
    assert without_final_breaks(record) == {
        "name": "Гянджинский молодёжный центр",
        "description": {"ru": "Помогаем молодёжи Гянджи.\n\nВторой абзац."},
        "founded": 2009,
        "legal_form": {"az": "İctimai birlik", "ru": "Общественное объединение", "en": "Public union"},
        "regions": ["ganja"],
        "themes": ["youth"],
        "locations": [
            {
                "name": {"az": "Əsas ofis", "ru": "Главный офис", "en": "Main office"},
                "address": "ул. Низами, 5",
                "city": "Гянджа",
                "region": "ganja",
            }
        ],
        "contacts": {
            "phones": [
                {"type": "office", "number": "+994 22 256 00 00"},
                {"type": "mobile", "number": "+994 50 200 00 00"},
            ],
            "email": "info@gyanja-youth.az",
            "website": "https://gyanja-youth.az",
            "social": [{"network": "facebook", "url": "https://www.facebook.com/ganjayouth"}],
        },
        "maintainers": ["ganja-colleague", "octocat"],
        "last_verified": DATE,
        "added": DATE,
    }


@pytest.mark.browser
def test_rows_are_added_and_removed_with_the_keyboard(watched: Watched, served: str) -> None:
    """Adding a row moves the focus into it and says so; removing one moves the focus to the
    next row, or the previous, or the button that adds one, and says which went; the rows keep
    their numbers in order."""
    from playwright.sync_api import expect

    page = open_form(watched, served, f"en/{FORM}")
    add = page.locator("[data-add=phones]")
    add.focus()
    page.keyboard.press("Enter")
    first = page.locator("#f-phones-rows input[type=tel]").nth(0)
    expect(first).to_be_focused()
    expect(page.locator("#form-announce")).to_have_text("Phone number 1 added.")
    page.keyboard.type("+994 12 555 03 03")
    add.focus()
    page.keyboard.press("Enter")
    page.keyboard.type("+994 12 555 03 04")
    legends = page.locator("#f-phones-rows legend")
    expect(legends).to_have_text(["Phone number 1", "Phone number 2"])
    page.get_by_role("button", name="Remove phone number 1").press("Enter")
    expect(page.locator("#form-announce")).to_have_text("Phone number 1 removed.")
    expect(legends).to_have_text(["Phone number 1"])
    remaining = page.locator("#f-phones-rows input[type=tel]")
    expect(remaining).to_have_value("+994 12 555 03 04")
    expect(remaining).to_be_focused()
    page.get_by_role("button", name="Remove phone number 1").press("Enter")
    expect(add).to_be_focused()
    expect(page.locator("#form-announce")).to_have_text("Phone number 1 removed.")


@pytest.mark.browser
def test_regions_narrow_down_by_any_of_their_names(watched: Watched, served: str) -> None:
    """The box over the regions shows those whose names (in any language, or another spelling)
    hold what is typed, letters folded as the search folds them; ticked ones stay; the count is
    said."""
    from playwright.sync_api import expect

    page = open_form(watched, served, f"en/{FORM}")
    page.fill("#f-regions-filter", "atlantis")
    expect(page.locator("#f-regions-shown")).to_have_text("Nothing matches.")
    page.fill("#f-regions-filter", "")
    page.check("input[name=regions][value=baku]")
    page.fill("#f-regions-filter", "гянджа")
    shown = page.locator("#f-regions-list li:visible")
    expect(shown).to_have_count(2)
    expect(page.locator("#f-regions-shown")).to_have_text("Shown: 2 of 79")
    page.fill("#f-regions-filter", "seki")
    expect(shown).to_have_text(["Baku", "Sheki", "Sheki District"])
    page.fill("#f-regions-filter", "Xanlar")  # an old name of Goygol
    expect(shown).to_have_text(["Baku", "Goygol"])
    page.press("#f-regions-filter", "Enter")  # filters; never sends the form
    assert page.is_hidden("#form-summary")


@pytest.mark.browser
def test_a_change_too_long_for_a_link_becomes_the_record_to_paste(
    watched: Watched, served: str, site: Path, tmp_path: Path
) -> None:
    """Over 8,000 characters of address, the form shows the whole record as YAML instead, with
    GitHub's editor for its file and a button that copies it; the YAML reads back, with the
    strict loader, as the record plus the change."""
    from playwright.sync_api import expect

    page = open_form(watched, served, f"ru/{FORM}?record=iearn-azerbaijan")
    long = "Длинный абзац о работе организации. " * 60
    page.fill("#f-description_ru", long)
    page.click("button.continue")
    section = page.locator("#form-yaml")
    expect(section).to_be_visible()
    expect(section).to_be_focused()
    assert page.is_hidden("#form-link")
    assert "8 000" in page.text_content("#form-yaml-intro") or "8000" in page.text_content(
        "#form-yaml-intro"
    ).replace("\xa0", "")
    assert (
        page.get_attribute("#form-yaml-edit", "href")
        == f"{GITHUB}/edit/main/ngo_data/ngos/iearn-azerbaijan.yaml"
    )
    text = page.input_value("#form-yaml-text")
    path = tmp_path / "iearn-azerbaijan.yaml"
    path.write_text(text, "utf-8")
    doc, problems = load_file(path, path.name)
    assert doc is not None and problems == []
    original = json.loads((site / "data/ngos/iearn-azerbaijan.json").read_bytes())
    read = coerce(doc.data, inlined_schema("ngo"))
    # Confirmed and changed on the day the contributor sends it (the browser's clock, in Baku).
    assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", read.pop("updated")) and read.pop("last_verified")
    expected = {**original, "description": {**original["description"], "ru": long.strip()}}
    expected.pop("last_verified")
    assert read == expected
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#form-yaml-copy")
    expect(page.locator("#form-yaml-status")).to_have_text("Скопировано.")
    assert page.evaluate("navigator.clipboard.readText()") == text


@pytest.mark.browser
def test_a_record_of_markup_stays_text(watched: Watched, served: str, site: Path) -> None:
    """An NGO whose texts are all markup fills the form as text, runs nothing, and is sent as
    written."""
    page = open_form(watched, served, f"en/{FORM}?record={HOSTILE}")
    record = json.loads((site / f"data/ngos/{HOSTILE}.json").read_bytes())
    assert page.input_value("#f-name") == record["name"]
    assert (
        page.text_content("#form-record") == f"You are proposing changes to the record of {record['name']}."
    )
    assert page.title().startswith(f"Update {record['name']}")
    page.fill("#f-acronym", record["name"])
    page.click("button.continue")
    fields = link_fields(page)
    assert fields["acronym"] == fields["name"] == record["name"]
    assert watched.problems == []


@pytest.mark.browser
def test_an_unknown_record_leaves_the_form_empty(browser: Any, served: str) -> None:
    """A slug that names no NGO (its JSON file is missing: the one request that fails) or is no
    slug at all (never requested) leaves the form empty, and says so in words."""
    context = browser.new_context()
    watched = Watched(context.new_page())
    for wanted in ("no-such-ngo", "<img src=x onerror=alert(1)>", "../../schemas/ngo.schema"):
        page = open_form(watched, served, f"en/{FORM}?record={quote(wanted)}")
        assert page.text_content("#form-record") == (
            f"There is no NGO “{wanted}” in the directory, so the form is empty, for a new organisation."
        )
        assert page.input_value("#f-name") == "" and page.is_visible("#f-name")
    context.close()
    assert [p for p in watched.problems if "404" not in p] == []
    assert len(watched.problems) == 1


@pytest.mark.browser
def test_without_a_script_the_page_lists_the_other_ways(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served}/ru/{FORM}")
    assert page.is_hidden("#record-form")
    off = page.locator("#form-off")
    assert off.is_visible()
    assert "JavaScript" in off.text_content()
    assert off.locator("a").count() == 3
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", ["empty", "filled", "errors"])
def test_the_form_has_no_wcag_violation(browser: Any, served: str, scheme: str, state: str) -> None:
    """axe finds nothing in the empty form, the form filled from a record, and the form showing
    its messages and their summary, in either colour scheme."""
    context = browser.new_context(color_scheme=scheme)
    watched = Watched(context.new_page())
    path = {
        "empty": FORM,
        "filled": f"ru/{FORM}?record=iearn-azerbaijan",
        "errors": f"en/{FORM}?record=iearn-azerbaijan",
    }[state]
    page = open_form(watched, served, path)
    if state == "errors":
        page.fill("#f-website", "iearn.az")
        page.click("[data-add=phones]")
        page.keyboard.type("call us")
        page.click("[data-add=locations]")
        page.keyboard.type("Street 1")  # and no region
        page.click("button.continue")
        assert page.locator("#form-summary a").count() == 3
    assert axe_violations(page) == ""
    context.close()
    assert watched.problems == []
