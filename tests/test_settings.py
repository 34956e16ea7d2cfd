"""Plugin settings are checked up front, with messages that name the key and the value."""

from __future__ import annotations

import pytest

from ngo_directory.settings import DEFAULTS, SettingsError, plugin_settings

ID = {"NGO_DIRECTORY_ID_AUTHORITY": "ngo.example.org,2026"}


def test_defaults_pass_and_user_values_win() -> None:
    """The defaults table is valid, and a user's value replaces the default."""
    merged = plugin_settings({"NGO_DIRECTORY_PAGE_SIZE": 25, **ID})
    assert merged["NGO_DIRECTORY_PAGE_SIZE"] == 25
    assert merged["NGO_URL"] == DEFAULTS["NGO_URL"]


def test_every_bad_setting_is_reported_at_once() -> None:
    """Each bad value is named, with what was expected."""
    with pytest.raises(SettingsError) as caught:
        plugin_settings(
            {
                "NGO_DIRECTORY_PAGE_SIZE": 0,
                "NGO_DIRECTORY_FALLBACK_LANGUAGES": "az",
                "NGO_URL": "/ngos/{slug}/",
                "PARTNER_URL": "../{slug}.html",
                "MEETING_URL": "meetings/",
                "REGION_INDEX_URL": "regions",
                **ID,
            }
        )
    assert str(caught.value).splitlines() == [
        "invalid ngo-directory settings:",
        "  NGO_DIRECTORY_PAGE_SIZE = 0: expected a whole number of at least 1",
        "  NGO_DIRECTORY_FALLBACK_LANGUAGES = 'az': "
        "expected a list of language codes such as ['az', 'ru', 'en']",
        "  NGO_URL = '/ngos/{slug}/': expected a relative path inside the output folder",
        "  PARTNER_URL = '../{slug}.html': expected a relative path inside the output folder",
        "  MEETING_URL = 'meetings/': must contain {slug}",
        "  REGION_INDEX_URL = 'regions': must end with '/'",
    ]


def test_language_settings_are_checked_together() -> None:
    """Unknown languages, a default outside the list, unknown locales and translation URLs that
    do not live under the language prefix are each named with the fix."""
    with pytest.raises(SettingsError) as caught:
        plugin_settings(
            {
                "DEFAULT_LANG": "en",
                "NGO_DIRECTORY_LANGUAGES": ["az", "ru"],
                "NGO_DIRECTORY_LOCALES": {"az": "xx_YY"},
                "ARTICLE_URL": "press/{slug}/",
                "ARTICLE_LANG_URL": "press/{slug}-{lang}/",
                **ID,
            }
        )
    assert str(caught.value).splitlines() == [
        "invalid ngo-directory settings:",
        "  DEFAULT_LANG = 'en' is not one of NGO_DIRECTORY_LANGUAGES = ['az', 'ru']",
        "  NGO_DIRECTORY_LOCALES: 'xx_YY' is not a locale Babel knows",
        "  ARTICLE_LANG_URL = 'press/{slug}-{lang}/': must be '{lang}/' + ARTICLE_URL, "
        "that is '{lang}/press/{slug}/', so that each language lives under its own prefix",
    ]


def test_a_language_without_records_or_catalog_is_refused() -> None:
    with pytest.raises(SettingsError) as caught:
        plugin_settings({"DEFAULT_LANG": "az", "NGO_DIRECTORY_LANGUAGES": ["az", "tr"], **ID})
    assert str(caught.value).splitlines()[1:] == [
        "  NGO_DIRECTORY_LANGUAGES = ['az', 'tr']: unknown language 'tr'; records are written in az, ru, en"
    ]


@pytest.mark.parametrize(
    "authority", [None, "", "ngo.example.org", "https://ngo.example.org,2026", "localhost,2026"]
)
def test_feed_ids_need_a_tag_authority(authority: str | None) -> None:
    """Permanent feed and calendar ids need a domain and a year; there is no silent default."""
    with pytest.raises(SettingsError) as caught:
        plugin_settings({"DEFAULT_LANG": "en", "NGO_DIRECTORY_ID_AUTHORITY": authority})
    assert str(caught.value).splitlines()[1:] == [
        f"  NGO_DIRECTORY_ID_AUTHORITY = {authority!r}: expected a domain you control and the year you "
        "started using it for this directory, such as 'ngo.example.org,2026'; feed ids and calendar "
        "UIDs are built from it, so never change it once the site is published"
    ]


def test_pelicans_own_feeds_and_bad_feed_folders_are_refused() -> None:
    """Every feed comes from the plugin: Pelican's feed settings left on are named, with the fix."""
    with pytest.raises(SettingsError) as caught:
        plugin_settings(
            {
                "DEFAULT_LANG": "en",
                "FEED_ALL_ATOM": "feeds/all.atom.xml",
                "TRANSLATION_FEED_ATOM": "feeds/all-{lang}.atom.xml",
                "CATEGORY_FEED_ATOM": None,
                "NGO_DIRECTORY_FEEDS_PATH": "../feeds/",
                "NGO_DIRECTORY_CALENDARS_PATH": "calendars",
                "NGO_DIRECTORY_FEED_ITEMS": 0,
                **ID,
            }
        )
    assert str(caught.value).splitlines()[1:] == [
        "  NGO_DIRECTORY_FEED_ITEMS = 0: expected a whole number of at least 1",
        "  NGO_DIRECTORY_FEEDS_PATH = '../feeds/': expected a folder inside the output folder, "
        "ending with '/'",
        "  NGO_DIRECTORY_CALENDARS_PATH = 'calendars': expected a folder inside the output folder, "
        "ending with '/'",
        "  FEED_ALL_ATOM, TRANSLATION_FEED_ATOM: Pelican's own feeds must be off, because the plugin "
        "writes every feed itself; set FEED_ALL_ATOM = TRANSLATION_FEED_ATOM = None",
    ]
