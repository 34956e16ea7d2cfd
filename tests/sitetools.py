"""Helpers for tests that build the real site and read it back."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from lxml import html as lxml_html

from ngo_directory.integration.build import build_site

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
# The repository the tests of the contributors' pages build with, and the addresses it gives.
REPOSITORY = "azerweb/ngo-directory"
GITHUB = f"https://github.com/{REPOSITORY}"
ISSUE_FORM = f"{GITHUB}/issues/new?template=add-or-update-ngo.yml"
PREFIXES = {"az": "", "ru": "ru/", "en": "en/"}  # where each language's pages are


def build(output: Path, data: Path | None = None, content: Path | None = None, **overrides: Any) -> Path:
    """Build the site with real Pelican, optionally from other data and content folders."""
    if data is not None:
        overrides["NGO_DIRECTORY_DATA_PATH"] = str(data)
    if content is not None:
        overrides["PATH"] = str(content)
    return build_site(SETTINGS, output, overrides)


def copy_project(tmp: Path) -> tuple[Path, Path]:
    """A writable copy of the sample data and content."""
    data, content = tmp / "ngo_data", tmp / "content"
    shutil.copytree(ROOT / "ngo_data", data)
    shutil.copytree(ROOT / "content", content)
    return data, content


@dataclass(frozen=True)
class Inputs:
    """The slugs of what a project's records and texts define, read from the files themselves
    (not through the package under test), so that expected counts follow the sample as it grows."""

    ngos: frozenset[str]
    partners: frozenset[str]
    meetings: frozenset[str]
    programmes: frozenset[str]
    regions: frozenset[str]
    themes: frozenset[str]
    press: frozenset[str]  # one slug for a release and its translations
    issuers: frozenset[str]  # the organisations that issue them
    pages: frozenset[str]  # likewise
    places_in_use: frozenset[str] = frozenset()  # regions a record names, and those they lie within


def _header_slug(path: Path, name: str = "slug") -> str:
    """The Slug: (or other ``name``) line of a Markdown text's metadata (the lines before the
    first blank one)."""
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        if key.strip().lower() == name:
            return value.strip()
    raise AssertionError(f"{path} has no {name.title()}: line; the tests count texts by it")


def inputs_of(data: Path = ROOT / "ngo_data", content: Path = ROOT / "content") -> Inputs:
    """What ``data`` and ``content`` hold: by default the sample's."""

    def stems(kind: str) -> frozenset[str]:
        return frozenset(path.stem for path in (data / kind).glob("*.yaml"))

    def keys(vocabulary: str) -> frozenset[str]:
        return frozenset(yaml.safe_load((data / f"{vocabulary}.yaml").read_text("utf-8")))

    def slugs(folder: str) -> frozenset[str]:
        return frozenset(_header_slug(path) for path in (content / folder).rglob("*.md"))

    return Inputs(
        ngos=stems("ngos"),
        partners=stems("partners"),
        meetings=stems("meetings"),
        programmes=stems("programmes"),
        regions=keys("regions"),
        themes=keys("themes"),
        press=slugs("press"),
        issuers=frozenset(_header_slug(path, "organization") for path in (content / "press").rglob("*.md")),
        pages=slugs("pages"),
        places_in_use=_places_in_use(data),
    )


def _places_in_use(data: Path) -> frozenset[str]:
    """The places the records name (by slug or ISO code), with those each lies within."""
    vocabulary = yaml.safe_load((data / "regions.yaml").read_text("utf-8"))
    codes = {entry["iso"]: slug for slug, entry in vocabulary.items() if "iso" in entry}
    named: set[str] = set()
    for path in data.glob("*/*.yaml"):
        record = yaml.safe_load(path.read_text("utf-8"))
        named |= set(record.get("regions", []))
        named |= {place["region"] for place in record.get("locations", []) if "region" in place}
        if "venue" in record:
            named.add(record["venue"]["region"])
    used: set[str] = set()
    for place in (codes.get(name, name) for name in named):
        while place and place not in used:
            used.add(place)
            place = vocabulary.get(place, {}).get("part_of")
    return frozenset(used)


def inputs_of_site(site: Path) -> Inputs:
    """What the records and texts a test site was built from hold (its ngo_data/ and content/
    copies beside its output folder)."""
    return inputs_of(site.parent / "ngo_data", site.parent / "content")


def language_of_path(site: Path, page: Path) -> str:
    """The language a page's folder says it is in: ru/... and en/..., az at the root."""
    first = page.relative_to(site).parts[0]
    return first if first in ("ru", "en") else "az"


def html_files(site: Path) -> list[Path]:
    """Every page served at its own address. 404.html, which servers show at any missing
    address, keeps its own rules (tests/test_discovery.py)."""
    return sorted(page for page in site.rglob("*.html") if page != site / "404.html")


def parse(path: Path) -> Any:
    return lxml_html.fromstring(path.read_bytes())


def internal_links(site: Path) -> Iterator[tuple[Path, str]]:
    """(page, href) of every link and resource that stays inside the site."""
    for page in html_files(site):
        tree = parse(page)
        for element, attribute, link, _ in tree.iterlinks():
            del element, attribute
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            yield page, link


def resolve(site: Path, page: Path, link: str) -> tuple[Path, str]:
    """The file a relative link from ``page`` points at, and its fragment."""
    parts = urlsplit(link)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


# Pagefind writes its filter index, and the files naming it, in a different order each time
# (Pagefind issue 638); its word index and result fragments are stable.
PAGEFIND_UNSTABLE = re.compile(r"pagefind/[a-z]+/(filter/.*|pagefind\..*\.pf_meta|pagefind-entry\.json)")


def stable_digest(site: Path) -> dict[str, str]:
    """``tree_digest`` without the files Pagefind writes differently each time."""
    return {path: sha for path, sha in tree_digest(site).items() if not PAGEFIND_UNSTABLE.fullmatch(path)}


HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'


def hostile_ngo() -> str:
    text = HOSTILE.replace('"', '\\"')
    return f"""\
name: "{text}"
acronym: "<svg onload=alert(4)>"
other_names: ["{text}"]
description: |
  {HOSTILE}
  [click](javascript:alert(5)) <iframe src="javascript:alert(6)"></iframe>
  <a href="JAVASCRIPT:alert(7)" onclick="x()">y</a> [ok](https://example.org)
legal_form: "{text}"
regions: [ganja]
themes: [youth]
locations:
  - name: "{text}"
    region: ganja
    address: "{text}"
    services: ["{text}"]
    opening_hours: "{text}"
contacts:
  website: "https://example.org/?q=<script>"
maintainers: [someone]
last_verified: "2026-11-01"
added: "2026-01-01"
"""


def node_with(*packages: str, at: Path = ROOT) -> str:
    """The path of node, with these npm packages installed in the node_modules of the npm
    package at ``at`` (the project's own by default). Skips the test when either is missing, and
    fails instead when CI is set."""
    found = shutil.which("node")
    installed = all((at / "node_modules" / name / "package.json").is_file() for name in packages)
    if found is None or not installed:
        how = "npm ci" if at == ROOT else "make map-tools"
        folder = at.relative_to(ROOT) / "node_modules" if at != ROOT else Path("node_modules")
        if os.environ.get("CI"):
            pytest.fail(f"node or {folder}/{', '.join(packages)} is missing; run `{how}`")
        pytest.skip(f"needs node and {folder}/{', '.join(packages)} (run `{how}`)")
    return found


def nu_errors(*paths: Path) -> str:
    """The Nu HTML checker's errors for these files or folders ('' when none). Skips the test
    when Java or vnu.jar is missing, and fails instead when CI is set."""
    jar = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    if not jar.is_file() or shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("vnu.jar or java is missing; run `make test`, which installs it")
        pytest.skip("needs java and node_modules/vnu-jar (run `make test` to install)")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--skip-non-html", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stderr[:5000] if result.returncode else ""
