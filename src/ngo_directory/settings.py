"""Plugin settings: one defaults table, merged under the user's values and checked up front."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH

DEFAULTS: dict[str, Any] = {
    "NGO_DIRECTORY_DATA_PATH": "ngo_data",
    "NGO_DIRECTORY_PRESS_PATH": "press",
    "NGO_DIRECTORY_MAX_FILE_BYTES": DEFAULT_MAX_BYTES,
    "NGO_DIRECTORY_MAX_DEPTH": DEFAULT_MAX_DEPTH,
    "NGO_DIRECTORY_PAGE_SIZE": 100,
    "NGO_DIRECTORY_HOME_ITEMS": 5,
    "NGO_DIRECTORY_FALLBACK_LANGUAGES": ["az", "ru", "en"],
    "NGO_URL": "ngos/{slug}/",
    "NGO_SAVE_AS": "ngos/{slug}/index.html",
    "NGO_INDEX_URL": "ngos/",
    "PARTNER_URL": "partners/{slug}/",
    "PARTNER_SAVE_AS": "partners/{slug}/index.html",
    "PARTNER_INDEX_URL": "partners/",
    "MEETING_URL": "meetings/{slug}/",
    "MEETING_SAVE_AS": "meetings/{slug}/index.html",
    "MEETING_INDEX_URL": "meetings/",
    "REGION_URL": "regions/{slug}/",
    "REGION_SAVE_AS": "regions/{slug}/index.html",
    "REGION_INDEX_URL": "regions/",
    "THEME_URL": "themes/{slug}/",
    "THEME_SAVE_AS": "themes/{slug}/index.html",
    "THEME_INDEX_URL": "themes/",
}
KINDS = ("NGO", "PARTNER", "MEETING", "REGION", "THEME")


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
    ):
        value = merged[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            errors.append(f"{key} = {value!r}: expected a whole number of at least 1")
    languages = merged["NGO_DIRECTORY_FALLBACK_LANGUAGES"]
    if not isinstance(languages, list | tuple) or not all(isinstance(x, str) for x in languages):
        errors.append(f"NGO_DIRECTORY_FALLBACK_LANGUAGES = {languages!r}: expected a list of language codes")
    for kind in KINDS:
        for suffix in ("_URL", "_SAVE_AS", "_INDEX_URL"):
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
