"""What a web server, another host name and a publishing build see: file modes, asset URLs that
work from any host, and no publishing with the example SITEURL or id authority."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from ngo_directory.cli import main
from ngo_directory.settings import SettingsError, is_example_domain, plugin_settings
from sitetools import ROOT, build, html_files, parse, resolve

pytestmark = [pytest.mark.site, pytest.mark.usefixtures("fixed_date")]

PUBLISHED: dict[str, Any] = {
    "SITEURL": "https://directory.test",
    "RELATIVE_URLS": False,
    "NGO_DIRECTORY_ID_AUTHORITY": "directory.test,2026",
}
EXAMPLE_AUTHORITY = "ngo-directory.example.org,2026"  # what pelicanconf.py ships
COMMAND = str(Path(sys.executable).parent / "ngo-directory")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A build with absolute URLs, made under a umask that would hide every file from others."""
    old = os.umask(0o077)
    try:
        yield build(tmp_path_factory.mktemp("published") / "output", **PUBLISHED)
    finally:
        os.umask(old)


def test_published_files_are_world_readable(published: Path) -> None:
    """Every folder is 0755 and every file 0644, the output folder included, whatever the umask:
    a web server running as another user, or rsync -a to one, must be able to read them all."""
    modes = {published: stat.S_IMODE(published.stat().st_mode)}
    modes.update({path: stat.S_IMODE(path.lstat().st_mode) for path in published.rglob("*")})
    wrong = {
        str(path.relative_to(published.parent)): oct(mode)
        for path, mode in modes.items()
        if mode != (0o755 if path.is_dir() else 0o644)
    }
    assert len(modes) > 500
    assert wrong == {}


def _own_assets(page: Path) -> list[tuple[str, str]]:
    """(what, address) of every stylesheet, script and search bundle a page loads."""
    tree = parse(page)
    found = [("stylesheet", href) for href in tree.xpath('//link[@rel="stylesheet"]/@href')]
    found += [("script", src) for src in tree.xpath("//script/@src")]
    found += [("bundle", bundle) for bundle in tree.xpath("//@data-bundle")]
    return found


def test_assets_load_from_whatever_host_serves_the_pages(published: Path) -> None:
    """The site's own stylesheet, script and search bundle are page-relative in a publishing
    build, so www, a preview deploy or a mirror gets them from itself (CSP 'self'), and each
    resolves to the real file; links meant for other sites stay absolute."""
    checked = 0
    for page in html_files(published):
        for what, address in _own_assets(page):
            parts = urlsplit(address)
            assert not parts.scheme and not parts.netloc and not address.startswith("/"), (page, address)
            target, _ = resolve(published, page, address)
            if what == "bundle":
                target = target.parent / "pagefind.js"
            assert target.is_file(), (page, address)
            checked += 1
    assert checked > 200
    home = parse(published / "index.html")
    assert home.xpath('//link[@hreflang="ru"]/@href') == ["https://directory.test/ru/"]
    assert all(
        href.startswith("https://directory.test/")
        for href in home.xpath('//link[@type="application/atom+xml"]/@href')
    )


def test_development_and_published_pages_load_the_same_assets(published: Path, sample_site: Path) -> None:
    """A development build (relative SITEURL) writes the same asset addresses as a publishing one."""
    for relative in ("index.html", "ru/partners/isar/index.html", "en/search/index.html", "press/index.html"):
        assert _own_assets(published / relative) == _own_assets(sample_site / relative), relative


@pytest.mark.parametrize(
    ("siteurl", "authority", "expected"),
    [
        (
            "",
            EXAMPLE_AUTHORITY,
            [
                "SITEURL = '': a published site needs the absolute address it is served from; set SITEURL "
                "in publishconf.py or in the environment, such as "
                "SITEURL=https://directory.your-ngo.az make publish",
                f"NGO_DIRECTORY_ID_AUTHORITY = '{EXAMPLE_AUTHORITY}' is the example value: set a domain you "
                "control and the year you start publishing, such as 'directory.your-ngo.az,2026', in "
                "publishconf.py or in the environment; feed ids and calendar UIDs are built from it, so "
                "never change it once the site is published",
            ],
        ),
        (
            "https://ngo-directory.example.org",
            "directory.test,2026",
            [
                "SITEURL = 'https://ngo-directory.example.org' is an example address: set the address the "
                "site is really published at, in publishconf.py or in the environment "
                "(SITEURL=https://... make publish)"
            ],
        ),
        (
            "/relative/",
            "directory.test,2026",
            [
                "SITEURL = '/relative/': a published site needs the absolute address it is served from; set "
                "SITEURL in publishconf.py or in the environment, such as "
                "SITEURL=https://directory.your-ngo.az make publish"
            ],
        ),
    ],
    ids=["unset", "example-domain", "relative"],
)
def test_publishing_refuses_example_values(siteurl: str, authority: str, expected: list[str]) -> None:
    """A publishing build names each example or missing value and what to set."""
    with pytest.raises(SettingsError) as caught:
        plugin_settings(
            {"NGO_DIRECTORY_PUBLISHING": True, "SITEURL": siteurl, "NGO_DIRECTORY_ID_AUTHORITY": authority}
        )
    assert str(caught.value).splitlines() == [
        "invalid ngo-directory settings:",
        *(f"  {e}" for e in expected),
    ]


def test_development_builds_keep_the_example_values() -> None:
    """Without NGO_DIRECTORY_PUBLISHING the example authority and an empty SITEURL are fine."""
    assert plugin_settings({"SITEURL": "", "NGO_DIRECTORY_ID_AUTHORITY": EXAMPLE_AUTHORITY})


@pytest.mark.parametrize(
    ("host", "example"),
    [
        ("example.org", True),
        ("ngo.example.com", True),
        ("EXAMPLE.NET.", True),
        ("site.example", True),
        ("example.az", False),
        ("myexample.org", False),
        ("directory.test", False),
    ],
)
def test_example_domains_are_those_of_rfc_2606(host: str, example: bool) -> None:
    assert is_example_domain(host) is example


def _publish(tmp_path: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "NGO_DIRECTORY_ID_AUTHORITY")}
    return subprocess.run(
        [COMMAND, "build", "-s", str(ROOT / "publishconf.py"), "-o", str(tmp_path / "output")],
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_publishconf_needs_the_environment_or_edits(tmp_path: Path) -> None:
    """publishconf.py as shipped refuses to publish until SITEURL and the authority are set, and
    then builds with them; the refused build writes nothing."""
    refused = _publish(tmp_path, {})
    assert refused.returncode == 1
    assert "SITEURL = '': a published site needs the absolute address it is served from" in refused.stderr
    assert f"NGO_DIRECTORY_ID_AUTHORITY = '{EXAMPLE_AUTHORITY}' is the example value" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "output").exists()
    done = _publish(
        tmp_path, {"SITEURL": "https://directory.test", "NGO_DIRECTORY_ID_AUTHORITY": "directory.test,2026"}
    )
    assert done.returncode == 0, done.stderr
    feed = (tmp_path / "output/feeds/press.atom.xml").read_text("utf-8")
    assert "<id>tag:directory.test,2026:feeds/press</id>" in feed
    assert 'href="https://directory.test/feeds/press.atom.xml"' in feed


def test_build_command_reports_settings_without_a_traceback(tmp_path: Path) -> None:
    """A bad setting stops `ngo-directory build` with the settings message, not a traceback."""
    result = CliRunner().invoke(
        main,
        ["build", "-s", str(ROOT / "publishconf.py"), "-o", str(tmp_path / "o")],
        env={"SITEURL": "", "NGO_DIRECTORY_ID_AUTHORITY": ""},
    )
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "invalid ngo-directory settings:" in result.output
    assert "build stopped; the previous site is unchanged" in result.output
