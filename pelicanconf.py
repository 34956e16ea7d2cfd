"""Pelican settings for the NGO directory (development build, relative URLs)."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "NGO Directory editors"
SITENAME = "Azərbaycan QHT Kataloqu"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
THEME = "theme"
TIMEZONE = "Asia/Baku"
DEFAULT_LANG = "az"

# Azerbaijani at the root, Russian under /ru/ and English under /en/; a text missing in the page's
# language is shown in the first of the fallback languages that has it, marked as such.
NGO_DIRECTORY_LANGUAGES = ["az", "ru", "en"]
NGO_DIRECTORY_FALLBACK_LANGUAGES = ["az", "ru", "en"]
NGO_DIRECTORY_SITENAMES = {"ru": "Каталог НПО Азербайджана", "en": "NGO Directory of Azerbaijan"}

PLUGINS = ["ngo_directory"]
NGO_DIRECTORY_DATA_PATH = os.path.join(HERE, "ngo_data")
NGO_DIRECTORY_PRESS_PATH = "press"

# Press releases are the articles; everything else under content/ is a page.
ARTICLE_PATHS = ["press"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
READERS = {"html": None, "htm": None, "rst": None}
ARTICLE_URL = "press/{slug}/"
ARTICLE_SAVE_AS = "press/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_URL = DRAFT_SAVE_AS = DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
# Translations (same Slug, another Lang) live under their language's prefix.
ARTICLE_LANG_URL = "{lang}/press/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/press/{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"

# The home page and the press-release lists (one per language) are the plugin's.
DIRECT_TEMPLATES: list[str] = []
TAG_SAVE_AS = TAGS_SAVE_AS = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""

# Feeds and calendars are written by the plugin (feedgen and icalendar), not by Pelican. Their
# permanent ids start with this tag authority: a domain you control and a year. Never change it
# once the site is published, or every subscriber sees every entry again.
NGO_DIRECTORY_ID_AUTHORITY = "ngo-directory.example.org,2026"

# The GitHub repository contributors edit ("owner/name") and its branch. Set, every record page
# links GitHub's editor for its file (an NGO's page the site's form too) and the site gets an "Add
# your organisation" page and the form; unset, as here, the site links nowhere on GitHub. The
# environment may name one for a build: `make screenshots` does, to show those pages.
NGO_DIRECTORY_REPOSITORY = os.environ.get("NGO_DIRECTORY_REPOSITORY") or None
# NGO_DIRECTORY_REPOSITORY_BRANCH = "main"

FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None

# Autoescape everywhere; HTML from Markdown is marked safe only after sanitising.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
}
MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.sane_lists": {}},
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = 40
TYPOGRIFY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DEFAULT_DATE = None
