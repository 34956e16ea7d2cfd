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
                "PARTNER_SAVE_AS": "../{slug}.html",
                "MEETING_URL": "meetings/",
                "REGION_INDEX_URL": "regions",
            }
        )
    assert str(caught.value).splitlines() == [
        "invalid ngo-directory settings:",
        "  NGO_DIRECTORY_PAGE_SIZE = 0: expected a whole number of at least 1",
        "  NGO_DIRECTORY_FALLBACK_LANGUAGES = 'az': expected a list of language codes",
        "  NGO_URL = '/ngos/{slug}/': expected a relative path inside the output folder",
        "  PARTNER_SAVE_AS = '../{slug}.html': expected a relative path inside the output folder",
        "  MEETING_URL = 'meetings/': must contain {slug}",
        "  REGION_INDEX_URL = 'regions': must end with '/'",
    ]
