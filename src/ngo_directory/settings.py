"""Plugin settings: one defaults table, merged under the user's values and checked up front."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from .i18n import RECORD_LANGUAGES, catalog_file, unknown_languages
from .records.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH

DEFAULTS: dict[str, Any] = {
    "NGO_DIRECTORY_DATA_PATH": "ngo_data",
    "NGO_DIRECTORY_PRESS_PATH": "press",
    "NGO_DIRECTORY_MAX_FILE_BYTES": DEFAULT_MAX_BYTES,
    "NGO_DIRECTORY_MAX_DEPTH": DEFAULT_MAX_DEPTH,
    "NGO_DIRECTORY_PAGE_SIZE": 100,
    "NGO_DIRECTORY_HOME_ITEMS": 5,
    "NGO_DIRECTORY_LANGUAGES": ["az", "ru", "en"],
    "NGO_DIRECTORY_FALLBACK_LANGUAGES": ["az", "ru", "en"],
    "NGO_DIRECTORY_LOCALES": {"az": "az", "ru": "ru", "en": "en_GB"},
    "NGO_DIRECTORY_SITENAMES": {},
    "NGO_URL": "ngos/{slug}/",
    "NGO_INDEX_URL": "ngos/",
    "PARTNER_URL": "partners/{slug}/",
    "PARTNER_INDEX_URL": "partners/",
    "MEETING_URL": "meetings/{slug}/",
    "MEETING_INDEX_URL": "meetings/",
    "REGION_URL": "regions/{slug}/",
    "REGION_INDEX_URL": "regions/",
    "THEME_URL": "themes/{slug}/",
    "THEME_INDEX_URL": "themes/",
    "PRESS_INDEX_URL": "press/",
    "SUBSCRIBE_INDEX_URL": "subscribe/",
    "SEARCH_INDEX_URL": "search/",
    "CONTRIBUTE_INDEX_URL": "contribute/",
    "NGO_DIRECTORY_FEEDS_PATH": "feeds/",
    "NGO_DIRECTORY_CALENDARS_PATH": "calendars/",
    "NGO_DIRECTORY_FEED_ITEMS": 50,
    "NGO_DIRECTORY_ID_AUTHORITY": None,
    # True in publishconf.py: SITEURL and the id authority must then be real, not examples.
    "NGO_DIRECTORY_PUBLISHING": False,
    # Where contributors edit the records: a GitHub repository "owner/name" and its branch.
    # None leaves out every link to it ("Update this record", the issue form...).
    "NGO_DIRECTORY_REPOSITORY": None,
    "NGO_DIRECTORY_REPOSITORY_BRANCH": "main",
    # GitHub logins who may change anything (code, vocabularies, any record) without review.
    "NGO_DIRECTORY_MAINTAINERS_TEAM": [],
    "NGO_DIRECTORY_SEARCH_PATH": "pagefind/",
    # Sent with every page as <meta http-equiv>; serve the same as a header where you can.
    # Scripts come only from files, and WebAssembly is allowed for the search page's Pagefind.
    "NGO_DIRECTORY_CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"
    ),
}
KINDS = ("NGO", "PARTNER", "MEETING", "REGION", "THEME")
# Pelican's own feeds: off, so that every feed comes from one code path (syndication/feeds.py).
PELICAN_FEEDS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)
AUTHORITY = re.compile(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+,\d{4}(-\d{2}(-\d{2})?)?$"
)


REPOSITORY = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
BRANCH = re.compile(r"^[A-Za-z0-9._/-]{1,100}$")
# GitHub logins: letters, digits and single hyphens, not at either end, at most 39 characters.
LOGIN = re.compile(r"^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$")


# Names taken whatever the settings say: the home page, the pagination folder ('ngos/page/2/'),
# Pelican's own folders, words kept for the site's future pages, and the device names Windows
# reserves (a checkout on Windows cannot hold 'con.yaml').
_ALWAYS_RESERVED = frozenset(
    [
        *("index", "page", "static", "theme", "drafts", "archives"),
        *("tag", "tags", "category", "categories", "author", "authors"),
        *("about", "admin", "api", "assets", "new", "pages", "schemas"),
        *("con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))),
    ]
)
# Settings that name folders of the published site. Other *_PATH settings (PATH, OUTPUT_PATH,
# CACHE_PATH, the data folder) are places on the build machine, not on the site.
_URL_SETTINGS = ("_URL", "_SAVE_AS")
_FOLDER_SETTINGS = (
    "THEME_STATIC_DIR",
    "NGO_DIRECTORY_FEEDS_PATH",
    "NGO_DIRECTORY_CALENDARS_PATH",
    "NGO_DIRECTORY_SEARCH_PATH",
)
_FOLDER = re.compile(r"[a-z0-9][a-z0-9._-]*")


def reserved_names(settings: Mapping[str, Any]) -> frozenset[str]:
    """Slugs no record, page or press release may take: the first folder of every URL, output
    and path setting (ngos, press, feeds, calendars, pagefind, search, ...), the language
    prefixes, and the names in ``_ALWAYS_RESERVED``. Pages live at the site's root, so a page
    called 'ngos' would overwrite the NGO list; one list for every kind keeps it simple."""
    names = set(_ALWAYS_RESERVED) | set(RECORD_LANGUAGES)
    for key, value in settings.items():
        if (key.endswith(_URL_SETTINGS) or key in _FOLDER_SETTINGS) and isinstance(value, str):
            first = value.split("/", 1)[0].lower()
            if _FOLDER.fullmatch(first):  # not absolute, not an address, not a {pattern}
                names.add(first.split(".", 1)[0])
    return frozenset(names)


class SettingsError(ValueError):
    """A plugin setting has a value the plugin cannot use."""


def plugin_settings(user: Mapping[str, Any]) -> dict[str, Any]:
    """The defaults with the user's values on top, checked; raises SettingsError."""
    merged = {key: user.get(key, default) for key, default in DEFAULTS.items()}
    errors = []
    for key in (
        "NGO_DIRECTORY_MAX_FILE_BYTES",
        "NGO_DIRECTORY_MAX_DEPTH",
        "NGO_DIRECTORY_PAGE_SIZE",
        "NGO_DIRECTORY_HOME_ITEMS",
        "NGO_DIRECTORY_FEED_ITEMS",
    ):
        value = merged[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            errors.append(f"{key} = {value!r}: expected a whole number of at least 1")
    errors += _language_errors(merged, user)
    errors += _feed_errors(merged, user)
    errors += _publishing_errors(merged, user)
    errors += _repository_errors(merged)
    for kind in (*KINDS, "PRESS", "SUBSCRIBE", "SEARCH", "CONTRIBUTE"):
        for suffix in ("_URL", "_INDEX_URL"):
            key = kind + suffix
            value = merged.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or value.startswith("/") or ".." in value.split("/"):
                errors.append(f"{key} = {value!r}: expected a relative path inside the output folder")
            elif suffix != "_INDEX_URL" and "{slug}" not in value:
                errors.append(f"{key} = {value!r}: must contain {{slug}}")
            elif suffix == "_INDEX_URL" and not value.endswith("/"):
                errors.append(f"{key} = {value!r}: must end with '/'")
    if errors:
        raise SettingsError("invalid ngo-directory settings:\n  " + "\n  ".join(errors))
    return merged


def is_example_domain(host: str) -> bool:
    """The domains RFC 2606 keeps for examples: example.com, .net, .org, their subdomains, and
    anything under the .example top-level domain."""
    host = host.lower().rstrip(".")
    return host.endswith(".example") or any(
        host == f"example.{tld}" or host.endswith(f".example.{tld}") for tld in ("com", "net", "org")
    )


def _publishing_errors(merged: Mapping[str, Any], user: Mapping[str, Any]) -> list[str]:
    """A site built for publishing must say where it is published and own its feed ids."""
    if not merged["NGO_DIRECTORY_PUBLISHING"]:
        return []
    errors = []
    siteurl = user.get("SITEURL") or ""
    parts = urlsplit(siteurl) if isinstance(siteurl, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        errors.append(
            f"SITEURL = {siteurl!r}: a published site needs the absolute address it is served from; "
            "set SITEURL in publishconf.py or in the environment, such as "
            "SITEURL=https://directory.your-ngo.az make publish"
        )
    elif is_example_domain(parts.hostname):
        errors.append(
            f"SITEURL = {siteurl!r} is an example address: set the address the site is really "
            "published at, in publishconf.py or in the environment (SITEURL=https://... make publish)"
        )
    authority = merged["NGO_DIRECTORY_ID_AUTHORITY"]
    if isinstance(authority, str) and is_example_domain(authority.split(",", 1)[0]):
        errors.append(
            f"NGO_DIRECTORY_ID_AUTHORITY = {authority!r} is the example value: set a domain you control "
            "and the year you start publishing, such as 'directory.your-ngo.az,2026', in publishconf.py "
            "or in the environment; feed ids and calendar UIDs are built from it, so never change it "
            "once the site is published"
        )
    return errors


def _repository_errors(merged: Mapping[str, Any]) -> list[str]:
    errors = []
    repository = merged["NGO_DIRECTORY_REPOSITORY"]
    if repository is not None and (not isinstance(repository, str) or not REPOSITORY.fullmatch(repository)):
        errors.append(
            f"NGO_DIRECTORY_REPOSITORY = {repository!r}: expected a GitHub repository written "
            "'owner/name', such as 'azerweb/ngo-directory', or None"
        )
    branch = merged["NGO_DIRECTORY_REPOSITORY_BRANCH"]
    if not isinstance(branch, str) or not BRANCH.fullmatch(branch):
        errors.append(f"NGO_DIRECTORY_REPOSITORY_BRANCH = {branch!r}: expected a branch name such as 'main'")
    team = merged["NGO_DIRECTORY_MAINTAINERS_TEAM"]
    if not isinstance(team, list | tuple) or not all(isinstance(x, str) and LOGIN.fullmatch(x) for x in team):
        errors.append(
            f"NGO_DIRECTORY_MAINTAINERS_TEAM = {team!r}: expected a list of GitHub logins such as ['octocat']"
        )
    return errors


def _feed_errors(merged: Mapping[str, Any], user: Mapping[str, Any]) -> list[str]:
    errors = []
    authority = merged["NGO_DIRECTORY_ID_AUTHORITY"]
    if not isinstance(authority, str) or not AUTHORITY.fullmatch(authority):
        errors.append(
            f"NGO_DIRECTORY_ID_AUTHORITY = {authority!r}: expected a domain you control and the year you "
            "started using it for this directory, such as 'ngo.example.org,2026'; feed ids and calendar "
            "UIDs are built from it, so never change it once the site is published"
        )
    for key in ("NGO_DIRECTORY_FEEDS_PATH", "NGO_DIRECTORY_CALENDARS_PATH", "NGO_DIRECTORY_SEARCH_PATH"):
        value = merged[key]
        if (
            not isinstance(value, str)
            or not value.endswith("/")
            or value.startswith("/")
            or ".." in value.split("/")
        ):
            errors.append(f"{key} = {value!r}: expected a folder inside the output folder, ending with '/'")
    policy = merged["NGO_DIRECTORY_CONTENT_SECURITY_POLICY"]
    if policy is not None and (not isinstance(policy, str) or any(c in policy for c in '"<>\n')):
        errors.append(
            f"NGO_DIRECTORY_CONTENT_SECURITY_POLICY = {policy!r}: expected one line of policy "
            "directives, or None to send none"
        )
    enabled = [key for key in PELICAN_FEEDS if user.get(key) is not None]
    if enabled:
        errors.append(
            f"{', '.join(enabled)}: Pelican's own feeds must be off, because the plugin writes every "
            f"feed itself; set {' = '.join(enabled)} = None"
        )
    return errors


def _language_errors(merged: Mapping[str, Any], user: Mapping[str, Any]) -> list[str]:
    errors = []
    allowed = ", ".join(RECORD_LANGUAGES)
    for key in ("NGO_DIRECTORY_LANGUAGES", "NGO_DIRECTORY_FALLBACK_LANGUAGES"):
        codes = merged[key]
        if not isinstance(codes, list | tuple) or not codes or not all(isinstance(x, str) for x in codes):
            errors.append(f"{key} = {codes!r}: expected a list of language codes such as ['az', 'ru', 'en']")
        elif unknown := unknown_languages(codes):
            errors.append(
                f"{key} = {codes!r}: unknown language {unknown[0]!r}; records are written in {allowed}"
            )
    languages = merged["NGO_DIRECTORY_LANGUAGES"]
    if errors:
        return errors
    default = user.get("DEFAULT_LANG", "en")
    if default not in languages:
        errors.append(f"DEFAULT_LANG = {default!r} is not one of NGO_DIRECTORY_LANGUAGES = {languages!r}")
    for language in languages:
        if not catalog_file(language).is_file():
            errors.append(
                f"NGO_DIRECTORY_LANGUAGES: no interface catalog for {language!r} ({catalog_file(language)})"
            )
    locales = merged["NGO_DIRECTORY_LOCALES"]
    if not isinstance(locales, dict):
        return [*errors, f"NGO_DIRECTORY_LOCALES = {locales!r}: expected a map such as {{'en': 'en_GB'}}"]
    for language in languages:
        try:
            Locale.parse(locales.get(language, language))
        except (UnknownLocaleError, ValueError, TypeError):
            errors.append(
                f"NGO_DIRECTORY_LOCALES: {locales.get(language, language)!r} is not a locale Babel knows"
            )
    for kind in ("ARTICLE", "PAGE"):
        for suffix in ("URL", "SAVE_AS"):
            plain, translated = user.get(f"{kind}_{suffix}"), user.get(f"{kind}_LANG_{suffix}")
            if plain is not None and translated != "{lang}/" + plain:
                errors.append(
                    f"{kind}_LANG_{suffix} = {translated!r}: must be '{{lang}}/' + {kind}_{suffix}, "
                    f"that is {'{lang}/' + plain!r}, so that each language lives under its own prefix"
                )
    return errors
