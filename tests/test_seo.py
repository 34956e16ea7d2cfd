"""What Lighthouse's SEO category checks, reproduced offline on every page of the published
build (is-crawlable, robots-txt, document-title, meta-description, link-text, crawlable-anchors,
hreflang, canonical, image-alt, structured data), and the Open Graph and Twitter card tags link
previews read."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from busydata import PUBLISHED_SITEURL
from ngo_directory.settings import SettingsError, plugin_settings
from sitetools import build, copy_project, html_files, language_of_path, parse

pytestmark = pytest.mark.site

LANGUAGES = ("az", "ru", "en")
LOCALES = {"az": "az_AZ", "ru": "ru_RU", "en": "en_GB"}
# Link texts that say nothing out of context: Lighthouse's English list, and the same in
# Russian and Azerbaijani.
VAGUE = {
    "click here", "click this", "go", "here", "information", "learn more", "more", "more info",
    "more information", "right here", "read more", "see more", "start", "this",
    "здесь", "тут", "далее", "подробнее", "ещё", "еще", "больше", "читать далее", "узнать больше",
    "burada", "bura", "ətraflı", "daha çox", "davamı", "oxu",
}  # fmt: skip


def file_of(site: Path, address: str) -> Path:
    """The file a same-site absolute address is served from."""
    assert address.startswith(PUBLISHED_SITEURL + "/"), address
    relative = urlsplit(address).path.lstrip("/")
    return site / (relative + "index.html" if relative.endswith("/") or not relative else relative)


@pytest.fixture(scope="module")
def pages(published_busy_site: Path) -> list[tuple[Path, Any]]:
    return [(page, parse(page)) for page in html_files(published_busy_site)]


def test_every_page_may_be_indexed_and_robots_txt_is_valid(
    published_busy_site: Path, pages: list[tuple[Path, Any]]
) -> None:
    for page, tree in pages:
        robots = tree.xpath("//head/meta[@name='robots' or @name='googlebot']/@content")
        assert not any("noindex" in value or "none" in value for value in robots), page
    lines = (published_busy_site / "robots.txt").read_text("utf-8").splitlines()
    fields = [line.split(":", 1)[0].strip().lower() for line in lines if line and not line.startswith("#")]
    assert set(fields) <= {"user-agent", "allow", "disallow", "sitemap"} and "disallow" not in fields
    assert all(":" in line for line in lines if line)
    assert file_of(published_busy_site, lines[-1].removeprefix("Sitemap: ")).is_file()


def test_every_page_has_a_title_and_a_description(pages: list[tuple[Path, Any]]) -> None:
    for page, tree in pages:
        assert tree.findtext(".//head/title").strip(), page
        (description,) = tree.xpath("//head/meta[@name='description']/@content")
        assert description.strip(), page


def test_links_are_crawlable_and_say_where_they_go(
    published_busy_site: Path, pages: list[tuple[Path, Any]]
) -> None:
    for page, tree in pages:
        for anchor in tree.xpath("//a"):
            href = anchor.get("href")
            if href is None:
                continue  # a placeholder (a record's unsafe link, its address removed), not a link
            assert href.strip() not in ("", "#"), (page, anchor.text_content())
            assert urlsplit(href.strip()).scheme in ("", "http", "https", "mailto", "tel", "webcal"), (
                page,
                href,
            )
            text = " ".join(anchor.text_content().split()).lower()
            label = anchor.get("aria-label") or anchor.get("title")
            assert text or label, (page, href)
            assert text not in VAGUE, (page, href, text)
        assert all(image.get("alt") is not None for image in tree.xpath("//img")), page


def test_language_versions_are_valid_and_point_back(
    published_busy_site: Path, pages: list[tuple[Path, Any]]
) -> None:
    for page, tree in pages:
        language = language_of_path(published_busy_site, page)
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")
        }
        assert set(alternates) == {*LANGUAGES, "x-default"}, page
        (canonical,) = tree.xpath("//head/link[@rel='canonical']/@href")
        assert alternates[language] == canonical, page  # each version names itself
        assert alternates["x-default"] == alternates["az"], page
        for code, address in alternates.items():
            version = file_of(published_busy_site, address)
            assert version.is_file(), (page, code, address)
            if code != "x-default":
                back = parse(version).xpath(f"//head/link[@rel='alternate'][@hreflang='{language}']/@href")
                assert back == [canonical], (page, code)  # and the versions name it back


def test_the_canonical_address_is_the_page_itself(
    published_busy_site: Path, pages: list[tuple[Path, Any]]
) -> None:
    for page, tree in pages:
        (canonical,) = tree.xpath("//head/link[@rel='canonical']/@href")
        assert urljoin(canonical, "x") != canonical and canonical.startswith(PUBLISHED_SITEURL + "/"), page
        assert file_of(published_busy_site, canonical) == page
        root = page.relative_to(published_busy_site).parts[:-1] in ((), ("ru",), ("en",))
        assert root or urlsplit(canonical).path not in ("/", "/ru/", "/en/"), page  # not the home page


def test_link_previews_have_a_title_description_type_locale_and_address(
    published_busy_site: Path, pages: list[tuple[Path, Any]]
) -> None:
    for page, tree in pages:

        def meta(name: str, tree: Any = tree) -> list[str]:
            return list(tree.xpath(f"//head/meta[@property='{name}' or @name='{name}']/@content"))

        language = language_of_path(published_busy_site, page)
        title = " ".join(tree.findtext(".//head/title").split())
        (og_title,) = meta("og:title")
        (site_name,) = meta("og:site_name")
        assert og_title and title in (f"{og_title} · {site_name}", og_title), page
        assert meta("og:description") == meta("description"), page
        assert meta("og:url") == tree.xpath("//head/link[@rel='canonical']/@href"), page
        assert meta("og:locale") == [LOCALES[language]], page
        assert sorted(meta("og:locale:alternate")) == sorted(v for k, v in LOCALES.items() if k != language)
        is_press = (
            page.relative_to(published_busy_site).parts[-3:-2] == ("press",) and page.parent.name != "press"
        )
        assert meta("og:type") == (["article"] if is_press else ["website"]), page
        assert meta("twitter:card") == ["summary"] and meta("og:image") == [], page


def test_a_share_image_makes_large_previews(tmp_path: Path) -> None:
    image = "https://static.ngo.example.org/share.png"
    data, content = copy_project(tmp_path / "project")
    site = build(tmp_path / "site", data, content, NGO_DIRECTORY_SHARE_IMAGE=image)
    tree = parse(site / "ru/ngos/madad-azerbaijan/index.html")
    assert tree.xpath("//head/meta[@property='og:image']/@content") == [image]
    assert tree.xpath("//head/meta[@name='twitter:card']/@content") == ["summary_large_image"]
    for wrong in ("http://ngo.example.org/share.png", "images/share.png", 'https://x.org/a".png'):
        with pytest.raises(SettingsError) as error:
            plugin_settings({"NGO_DIRECTORY_SHARE_IMAGE": wrong})
        assert str(error.value).endswith(
            f"NGO_DIRECTORY_SHARE_IMAGE = {wrong!r}: expected the https:// address of a PNG or JPEG "
            "(link previews fetch it from anywhere), or None"
        )
