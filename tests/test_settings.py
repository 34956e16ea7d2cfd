"""Plugin settings are checked up front, with messages that name the key and the value, into
frozen, typed Options that reach the validator and `ngo-directory new`."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ngo_directory.cli import main
from ngo_directory.records.validate import check_data
from ngo_directory.settings import (
    DEFAULTS,
    DESCRIPTIONS,
    OPTIONS_KEY,
    Options,
    SettingsError,
    options_of,
    plugin_settings,
)
from sitetools import ROOT, copy_project

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


# --- the time zone and the phone region -------------------------------------------------------


@pytest.mark.parametrize("zone", ["Mars/Base", "asia/baku", "localtime", "", 4])
def test_the_time_zone_must_be_an_iana_zone(zone: object) -> None:
    with pytest.raises(SettingsError) as caught:
        plugin_settings({"DEFAULT_LANG": "en", "NGO_DIRECTORY_TIME_ZONE": zone, **ID})
    assert str(caught.value).splitlines()[1:] == [
        f"  NGO_DIRECTORY_TIME_ZONE = {zone!r}: expected an IANA time zone such as 'Asia/Baku'"
    ]


@pytest.mark.parametrize("region", ["az", "AZE", "ZZ", "", None, 994])
def test_the_phone_region_must_be_a_country_phonenumbers_knows(region: object) -> None:
    """Two capitals, and a country whose numbering plan the phonenumbers library has ('ZZ' is
    its 'unknown region')."""
    with pytest.raises(SettingsError) as caught:
        plugin_settings({"DEFAULT_LANG": "en", "NGO_DIRECTORY_PHONE_REGION": region, **ID})
    assert str(caught.value).splitlines()[1:] == [
        f"  NGO_DIRECTORY_PHONE_REGION = {region!r}: expected the two-letter code, in capitals, of a "
        "country the phonenumbers library knows, such as 'AZ'"
    ]


@pytest.mark.parametrize("workers", [-1, 1.5, "2", True, None])
def test_the_workers_are_a_whole_number_of_processes(workers: object) -> None:
    with pytest.raises(SettingsError) as caught:
        plugin_settings({"DEFAULT_LANG": "en", "NGO_DIRECTORY_WORKERS": workers, **ID})
    assert str(caught.value).splitlines()[1:] == [
        f"  NGO_DIRECTORY_WORKERS = {workers!r}: expected a whole number of processes, or 0 for one per core"
    ]


@pytest.mark.parametrize("key", ["NGO_DIRECTORY_SEARCH_FALLBACKS", "NGO_DIRECTORY_CACHE"])
@pytest.mark.parametrize("value", ["yes", 1, None])
def test_switches_are_true_or_false(key: str, value: object) -> None:
    with pytest.raises(SettingsError) as caught:
        plugin_settings({"DEFAULT_LANG": "en", key: value, **ID})
    assert str(caught.value).splitlines()[1:] == [f"  {key} = {value!r}: expected True or False"]


def test_workers_default_to_one_per_core() -> None:
    assert DEFAULTS["NGO_DIRECTORY_WORKERS"] == 0
    assert Options.from_settings({"DEFAULT_LANG": "en", "NGO_DIRECTORY_WORKERS": 2, **ID}).workers == 2


def test_the_new_settings_have_defaults_and_accept_other_places() -> None:
    assert DEFAULTS["NGO_DIRECTORY_TIME_ZONE"] == "Asia/Baku"
    assert DEFAULTS["NGO_DIRECTORY_PHONE_REGION"] == "AZ"
    options = Options.from_settings(
        {"NGO_DIRECTORY_TIME_ZONE": "Europe/London", "NGO_DIRECTORY_PHONE_REGION": "GE", **ID}
    )
    assert (options.time_zone, options.phone_region) == ("Europe/London", "GE")


def test_settings_that_could_not_be_typed_are_refused_by_name() -> None:
    """The options are typed, so a value of the wrong kind is named instead of failing later."""
    with pytest.raises(SettingsError) as caught:
        plugin_settings(
            {
                "DEFAULT_LANG": "en",
                "NGO_DIRECTORY_DATA_PATH": None,
                "NGO_DIRECTORY_PRESS_PATH": "../press",
                "NGO_DIRECTORY_SITENAMES": ["NGO Directory"],
                "NGO_DIRECTORY_PUBLISHING": "no",
                "NGO_URL": None,
                **ID,
            }
        )
    assert str(caught.value).splitlines()[1:] == [
        "  NGO_DIRECTORY_DATA_PATH = None: expected the path of the folder of records",
        "  NGO_DIRECTORY_PRESS_PATH = '../press': expected a folder inside PATH, such as 'press'",
        "  NGO_DIRECTORY_SITENAMES = ['NGO Directory']: expected a map of language codes to the site's "
        "name, such as {'en': 'NGO Directory'}",
        "  NGO_DIRECTORY_PUBLISHING = 'no': expected True or False",
        "  NGO_URL = None: expected a relative path inside the output folder",
    ]


# --- Options ----------------------------------------------------------------------------------

SETTINGS = {
    "DEFAULT_LANG": "az",
    "SITENAME": "Kataloq",
    "NGO_DIRECTORY_LANGUAGES": ["az", "en"],
    "NGO_DIRECTORY_FALLBACK_LANGUAGES": ["az", "en"],
    "NGO_DIRECTORY_SITENAMES": {"en": "NGO Directory"},
    "NGO_DIRECTORY_MAINTAINERS_TEAM": ["octocat"],
    "NGO_DIRECTORY_DATA_PATH": "/srv/ngo_data",
    **ID,
}


def test_options_are_the_checked_settings_typed() -> None:
    options = Options.from_settings(SETTINGS)
    assert options.default_language == "az"
    assert options.languages == ("az", "en")
    assert options.fallback_languages == ("az", "en")
    assert options.maintainers_team == ("octocat",)
    assert options.data_path == Path("/srv/ngo_data")
    assert dict(options.sitenames) == {"en": "NGO Directory"}
    assert dict(options.locales) == DEFAULTS["NGO_DIRECTORY_LOCALES"]
    assert options.urls["NGO_URL"] == "ngos/{slug}/"
    assert options.urls["CONTRIBUTE_INDEX_URL"] == "contribute/"
    assert set(options.urls) == {key for key in DEFAULTS if key.endswith("_URL")}
    assert options.id_authority == "ngo.example.org,2026"
    assert options.publishing is False
    assert options.repository is None


def test_without_default_lang_the_default_language_is_pelicans() -> None:
    assert Options.from_settings(ID).default_language == "en"


def test_options_are_frozen_and_their_maps_read_only() -> None:
    options = Options.from_settings(SETTINGS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.page_size = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        options.locales["az"] = "tr"  # type: ignore[index]
    with pytest.raises(TypeError):
        Options(page_size=5)  # type: ignore[call-arg]
    assert isinstance(options.languages, tuple) and isinstance(options.maintainers_team, tuple)


def test_options_outlive_changes_to_the_settings_they_came_from() -> None:
    locales, languages = {"az": "az", "en": "en_GB"}, ["az", "en"]
    options = Options.from_settings(
        {**SETTINGS, "NGO_DIRECTORY_LOCALES": locales, "NGO_DIRECTORY_LANGUAGES": languages}
    )
    locales["en"] = "en_US"
    languages.append("ru")
    assert options.locales["en"] == "en_GB"
    assert options.languages == ("az", "en")


def test_options_can_be_pickled_and_hashed() -> None:
    """Pelican's content cache pickles what holds the settings, the stored Options among them."""
    options = Options.from_settings(SETTINGS)
    again = pickle.loads(pickle.dumps(options))  # noqa: S301  (our own bytes, made just above)
    assert again == options and hash(again) == hash(options)
    assert copy.deepcopy(options) == options


def test_options_under_their_setting_names_give_the_same_options() -> None:
    options = Options.from_settings(SETTINGS)
    named = options.as_settings()
    assert named["NGO_DIRECTORY_MAINTAINERS_TEAM"] == ("octocat",)
    assert named["NGO_URL"] == "ngos/{slug}/"
    assert set(named) == set(DEFAULTS)
    assert Options.from_settings({"DEFAULT_LANG": "az", **named}) == options


def test_options_of_returns_the_stored_options_without_checking_again() -> None:
    """The build stores the options once; later readers get that very object, even where the
    settings around it would not pass (they were checked when it was made)."""
    stored = Options.from_settings(SETTINGS)
    settings = {"NGO_DIRECTORY_PAGE_SIZE": 0, OPTIONS_KEY: stored}
    assert OPTIONS_KEY == "NGO_DIRECTORY_OPTIONS"
    assert options_of(settings) is stored


def test_options_of_checks_settings_that_hold_none() -> None:
    assert options_of(SETTINGS) == Options.from_settings(SETTINGS)
    with pytest.raises(SettingsError) as caught:
        options_of({**SETTINGS, "NGO_DIRECTORY_PAGE_SIZE": 0})
    assert str(caught.value).splitlines() == [
        "invalid ngo-directory settings:",
        "  NGO_DIRECTORY_PAGE_SIZE = 0: expected a whole number of at least 1",
    ]


def test_plugin_settings_still_gives_the_merged_settings() -> None:
    merged = plugin_settings(SETTINGS)
    assert merged["NGO_DIRECTORY_LANGUAGES"] == ["az", "en"]
    assert merged["NGO_DIRECTORY_TIME_ZONE"] == "Asia/Baku"
    assert set(merged) == set(DEFAULTS)


def test_every_setting_has_a_description_for_the_readme() -> None:
    """README's table is written from DESCRIPTIONS: every plugin setting, and DEFAULT_LANG."""
    assert set(DESCRIPTIONS) == {*DEFAULTS, "DEFAULT_LANG"}
    assert all(about.meaning for about in DESCRIPTIONS.values())


# --- the settings reach the validator and `ngo-directory new` ---------------------------------

GEORGIAN = "032 212 34 56"  # a Tbilisi number, written as a Georgian would


def with_phone(data: Path, number: str) -> Path:
    record = data / "ngos" / "iearn-azerbaijan.yaml"
    text = record.read_text("utf-8")
    record.write_text(text + f'contacts:\n  phones: [{{type: office, number: "{number}"}}]\n', "utf-8")
    return record


def test_the_phone_region_decides_how_a_national_number_reads(tmp_path: Path) -> None:
    data = copy_project(tmp_path)[0]
    record = with_phone(data, GEORGIAN)
    line = len(record.read_text("utf-8").splitlines())
    _, problems = check_data(data)
    assert [str(problem) for problem in problems] == [
        f"ngo_data/ngos/iearn-azerbaijan.yaml:{line}:35: contacts.phones[0].number: '{GEORGIAN}' is not "
        "a phone number in use (check the digits: a number with +994 looks like +994 12 312 34 56; "
        "write another country's number with + and its country code)"
    ]
    directory, problems = check_data(data, phone_region="GE")
    assert problems == [] and directory is not None
    [phone] = directory.ngos["iearn-azerbaijan"].contacts.phones
    assert (phone.display, phone.uri) == ("+995 32 212 34 56", "tel:+995-32-212-34-56")


def test_the_phone_region_of_one_check_does_not_leak_into_the_next(tmp_path: Path) -> None:
    data = copy_project(tmp_path)[0]
    with_phone(data, GEORGIAN)
    assert check_data(data, phone_region="GE")[1] == []
    assert len(check_data(data)[1]) == 1


EPOCH = "1795305600"  # 2026-11-22 00:00 UTC: 04:00 in Baku, still 2026-11-21 in New York


def settings_file(folder: Path, extra: str) -> Path:
    """A settings file that is the sample's with ``extra`` after it."""
    path = folder / "settings.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa: F403\n{extra}\n",
        "utf-8",
    )
    return path


def new_ngo(data: Path, *options: str) -> Result:
    return CliRunner().invoke(
        main,
        ["new", "ngo", "Gəncə Gənclər Mərkəzi", "--data", str(data), *options],
        env={"SOURCE_DATE_EPOCH": EPOCH},
    )


def test_new_dates_the_record_in_the_settings_time_zone(tmp_path: Path) -> None:
    data = copy_project(tmp_path)[0]
    result = new_ngo(data)
    assert result.exit_code == 0, result.output
    assert 'added: "2026-11-22"' in (data / "ngos" / "gence-gencler-merkezi.yaml").read_text("utf-8")
    settings = settings_file(tmp_path, 'NGO_DIRECTORY_TIME_ZONE = "America/New_York"')
    result = new_ngo(data, "--slug", "in-new-york", "--settings", str(settings))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert 'added: "2026-11-21"' in (data / "ngos" / "in-new-york.yaml").read_text("utf-8")


def test_new_refuses_bad_settings_with_the_settings_message(tmp_path: Path) -> None:
    data = copy_project(tmp_path)[0]
    settings = settings_file(tmp_path, 'NGO_DIRECTORY_TIME_ZONE = "Mars/Base"')
    result = new_ngo(data, "--settings", str(settings))
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: invalid ngo-directory settings:\n"
        "  NGO_DIRECTORY_TIME_ZONE = 'Mars/Base': expected an IANA time zone such as 'Asia/Baku'\n"
    )
    assert not (data / "ngos" / "gence-gencler-merkezi.yaml").exists()
