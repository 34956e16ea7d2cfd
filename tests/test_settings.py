"""Plugin settings are checked up front, with messages that name the key and the value."""

from __future__ import annotations

import pytest

from ngo_directory.settings import DEFAULTS, SettingsError, plugin_settings


def test_defaults_pass_and_user_values_win() -> None:
    """The defaults table is valid, and a user's value replaces the default."""
    merged = plugin_settings({"NGO_DIRECTORY_PAGE_SIZE": 25})
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
        plugin_settings({"DEFAULT_LANG": "az", "NGO_DIRECTORY_LANGUAGES": ["az", "tr"]})
    assert str(caught.value).splitlines()[1:] == [
        "  NGO_DIRECTORY_LANGUAGES = ['az', 'tr']: unknown language 'tr'; records are written in az, ru, en"
    ]
