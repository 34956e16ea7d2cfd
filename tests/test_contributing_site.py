"""The site's ways in for contributors: every record page links GitHub's editor for its own file
and, for NGOs and partners, how to claim it; the "Add your organisation" page in every language;
and no link to GitHub at all when the settings name no repository."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from ngo_directory.records.validate import RECORD_FOLDERS, load_directory
from ngo_directory.settings import plugin_settings, reserved_names
from ngo_directory.site.filters import Repository
from ngo_directory.site.urls import Urls, save_as_of
from sitetools import (
    GITHUB,
    ISSUE_FORM,
    PREFIXES,
    REPOSITORY,
    ROOT,
    build,
    html_files,
    language_of_path,
    nu_errors,
    parse,
    resolve,
)

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

BUILD_DATE = dt.date(2027, 2, 28)  # conftest.EPOCH in Baku


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("contributing") / "output", NGO_DIRECTORY_REPOSITORY=REPOSITORY)


def record_pages() -> Iterator[tuple[str, Any, str, Path]]:
    """(language, record, kind, page file relative to the site) of every NGO, partner and meeting."""
    directory = load_directory(ROOT / "ngo_data", default_language="az")
    settings = plugin_settings({"DEFAULT_LANG": "az", "NGO_DIRECTORY_ID_AUTHORITY": "ngo.example.org,2026"})
    kinds = (("ngo", directory.ngos), ("partner", directory.partners), ("meeting", directory.meetings))
    for language, prefix in PREFIXES.items():
        urls = Urls(settings, prefix)
        for kind, records in kinds:
            for record in records.values():
                yield language, record, kind, Path(save_as_of(urls.url(record)))


def links(tree: Any) -> list[str]:
    return [str(href) for href in tree.xpath("//a/@href")]


def test_every_record_page_links_the_editor_for_its_own_file(site: Path) -> None:
    """The edit link names the record's file on the branch, a file that exists in the
    repository; it sits in a labelled block at the end of the record, in the page's language."""
    seen = 0
    for language, record, kind, page in record_pages():
        tree = parse(site / page)
        path = f"ngo_data/{RECORD_FOLDERS[kind]}/{record.slug}.yaml"
        assert (ROOT / path).is_file()
        block = tree.xpath("//article//aside[@class='contribute']")
        assert len(block) == 1, page
        edits = [href for href in links(block[0]) if "/edit/" in href]
        assert edits == [f"{GITHUB}/edit/main/{path}"], page
        heading = block[0].xpath("@aria-labelledby")[0]
        assert tree.xpath(f"//*[@id='{heading}']/text()"), page
        assert tree.get("lang") == language
        seen += 1
    assert seen >= 90


def test_ngo_and_partner_pages_say_how_to_claim_them(site: Path) -> None:
    """NGOs and partners link the claim section of the contribute page in their own language and
    the issue form; meetings, which nobody claims, link neither."""
    for language, _record, kind, page in record_pages():
        block = parse(site / page).xpath("//aside[@class='contribute']")[0]
        hrefs = links(block)
        claims = [href for href in hrefs if href.endswith("#claim")]
        if kind == "meeting":
            assert claims == [] and ISSUE_FORM not in hrefs, page
            continue
        assert ISSUE_FORM in hrefs, page
        assert len(claims) == 1, page
        target, fragment = resolve(site, site / page, claims[0])
        assert target == (site / PREFIXES[language] / "contribute/index.html").resolve()
        assert parse(target).xpath(f"//*[@id='{fragment}']"), page


def test_the_block_speaks_the_page_language(site: Path) -> None:
    texts = {
        language: " ".join(parse(site / page).xpath("//aside[@class='contribute']//text()"))
        for language, record, _kind, page in record_pages()
        if record.slug == "isar"
    }
    assert "Bu qeydi yeniləyin" in texts["az"]
    assert "Обновить эту запись" in texts["ru"]
    assert "Update this record" in texts["en"]
    assert "Это ваша организация?" in texts["ru"]


@pytest.mark.parametrize("language", list(PREFIXES))
def test_contribute_page_in_every_language(site: Path, language: str) -> None:
    page = site / PREFIXES[language] / "contribute/index.html"
    tree = parse(page)
    assert tree.get("lang") == language
    hrefs = links(tree)
    assert ISSUE_FORM in hrefs
    for section in ("browser", "form", "git", "claim", "checks"):
        assert tree.xpath(f"//section[@aria-labelledby='{section}']/h2[@id='{section}']"), section
    assert all(h.startswith(GITHUB + "/") for h in hrefs if "github.com" in h)
    assert f"git clone {GITHUB}.git" in tree.xpath("string(//section[@aria-labelledby='git']//pre)")
    title = {
        "az": "Təşkilatınızı əlavə edin",
        "ru": "Добавьте свою организацию",
        "en": "Add your organisation",
    }
    assert tree.findtext(".//h1") == title[language]
    versions = {link.get("hreflang"): link.get("href") for link in tree.xpath("//head/link[@hreflang]")}
    assert {code for code in versions if code != "x-default"} == set(PREFIXES)


@pytest.mark.parametrize("language", list(PREFIXES))
def test_new_record_link_opens_a_prefilled_file_in_the_records_folder(site: Path, language: str) -> None:
    """GitHub's 'new file' link points into ngo_data/ngos on the branch; its file holds every
    required field, dated the day of the build, with comments in the page's language."""
    tree = parse(site / PREFIXES[language] / "contribute/index.html")
    (new,) = [href for href in links(tree) if "/new/" in href]
    parts = urlsplit(new)
    assert f"https://{parts.netloc}{parts.path}" == f"{GITHUB}/new/main/ngo_data/ngos"
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["filename"] == ["your-organisation.yaml"]
    (value,) = query["value"]
    schema = json.loads((ROOT / "src/ngo_directory/schema/ngo.schema.json").read_text("utf-8"))
    record = yaml.safe_load(value)
    assert set(schema["required"]) <= set(record)
    assert record["added"] == record["last_verified"] == BUILD_DATE.isoformat()
    assert value.startswith(
        "# yaml-language-server: $schema=../../src/ngo_directory/schema/ngo.schema.json\n"
    )
    comment = {"az": "Bütün sahələri doldurun", "ru": "Заполните все поля", "en": "Fill in every field"}
    assert comment[language] in value
    assert "&#" not in value and "&amp;" not in value
    # The page shows the same file.
    assert tree.xpath("string(//section[@aria-labelledby='browser']//pre)") == value


def test_every_page_leads_to_the_contribute_page_of_its_language(site: Path) -> None:
    """Every footer's "Add your organisation" opens the form (tests/test_record_form.py), which
    links the contribute page."""
    pages = html_files(site)
    assert len(pages) > 100
    for page in pages:
        footer = parse(page).xpath("//footer[@class='site']")
        assert len(footer) == 1, page
        targets = [resolve(site, page, href)[0] for href in links(footer[0])]
        prefix = PREFIXES[language_of_path(site, page)]
        form = (site / prefix / "contribute/form/index.html").resolve()
        assert form in targets, page
        contribute = (site / prefix / "contribute/index.html").resolve()
        assert contribute in [resolve(site, form, href)[0] for href in links(parse(form))]


def test_contribute_pages_and_record_pages_pass_the_nu_html_checker(site: Path) -> None:
    pages = [site / prefix / "contribute/index.html" for prefix in PREFIXES.values()]
    pages += [site / page for language, record, _kind, page in record_pages() if language == "ru"][:3]
    pages += [site / "ngos/iearn-azerbaijan/index.html", site / "meetings"]
    assert nu_errors(*pages) == ""


def test_with_an_absolute_siteurl_the_issue_form_names_the_page(tmp_path: Path) -> None:
    """A site built with its absolute address fills in the issue form's 'existing' field with
    the record's page, so the editors know which record is meant."""
    site = build(
        tmp_path / "output",
        NGO_DIRECTORY_REPOSITORY=REPOSITORY,
        NGO_DIRECTORY_REPOSITORY_BRANCH="stable",
        SITEURL="https://ngo.example.org",
        RELATIVE_URLS=False,
    )
    block = parse(site / "ru/partners/isar/index.html").xpath("//aside[@class='contribute']")[0]
    assert f"{GITHUB}/edit/stable/ngo_data/partners/isar.yaml" in links(block)
    forms = [parse_qs(urlsplit(h).query) for h in links(block) if "/issues/new" in h]
    assert forms == [
        {"template": ["add-or-update-ngo.yml"], "existing": ["https://ngo.example.org/ru/partners/isar/"]}
    ]


def test_without_a_repository_nothing_links_github(sample_site: Path) -> None:
    """No repository set: no edit, claim or contribute link, no contribute page, and no address
    on github.com anywhere in the site."""
    for page in html_files(sample_site):
        text = page.read_text("utf-8")
        assert "github.com" not in text, page
        assert "contribute/" not in text, page
        assert not parse(page).xpath("//aside[@class='contribute']"), page
    for prefix in PREFIXES.values():
        assert not (sample_site / prefix / "contribute").exists()


def test_contribute_is_a_reserved_name() -> None:
    settings = plugin_settings({"DEFAULT_LANG": "az", "NGO_DIRECTORY_ID_AUTHORITY": "ngo.example.org,2026"})
    assert "contribute" in reserved_names(settings)
    assert Urls(settings, "ru/").index("CONTRIBUTE") == "ru/contribute/"
    assert Urls({**settings, "CONTRIBUTE_INDEX_URL": "join/"}).index("CONTRIBUTE") == "join/"


# --- the repository links ----------------------------------------------------------------------


def test_repository_links_quote_every_part() -> None:
    repository = Repository("azerweb/ngo-directory", "release/2026")
    assert repository.edit("ngo_data/ngos/isar.yaml") == (
        "https://github.com/azerweb/ngo-directory/edit/release/2026/ngo_data/ngos/isar.yaml"
    )
    assert repository.edit("ngo data/ngos/a#b?.yaml").endswith("/ngo%20data/ngos/a%23b%3F.yaml")
    new = repository.new("ngo_data/ngos", "x y.yaml", "a: 1 & 2\n# é")
    assert new == (
        "https://github.com/azerweb/ngo-directory/new/release/2026/ngo_data/ngos"
        "?filename=x%20y.yaml&value=a%3A%201%20%26%202%0A%23%20%C3%A9"
    )
    assert (
        repository.issue()
        == "https://github.com/azerweb/ngo-directory/issues/new?template=add-or-update-ngo.yml"
    )
    assert repository.issue(existing="https://ngo.az/ngos/isar/", name=None) == (
        "https://github.com/azerweb/ngo-directory/issues/new?template=add-or-update-ngo.yml"
        "&existing=https%3A%2F%2Fngo.az%2Fngos%2Fisar%2F"
    )


def test_repository_follows_the_settings() -> None:
    assert Repository.of({"NGO_DIRECTORY_REPOSITORY": None}) is None
    repository = Repository.of(
        {"NGO_DIRECTORY_REPOSITORY": REPOSITORY, "NGO_DIRECTORY_REPOSITORY_BRANCH": "stable"}
    )
    assert repository == Repository(REPOSITORY, "stable")
