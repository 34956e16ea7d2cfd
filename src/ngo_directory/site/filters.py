"""Jinja filters and globals, all aware of the language of the page being rendered.

One Jinja environment renders every language: each page's context says which language it is
in (``page_lang``), and gettext, URLs, dates and record texts follow it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import quote, urlencode

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..content.model import record_links, rooted
from ..i18n import N_, Languages, translations
from ..records.directory import Directory
from ..records.models import Text
from ..search.entries import KIND_LABELS, KIND_NAMES, SUMMARY_LENGTH, entry_of, searched_fields, summary_text
from ..text.links import RECORD_SCHEME
from ..text.markup import html_to_text, markdown_html, render_markdown, sanitize
from ..text.translit import AZERBAIJANI_LETTERS, fold
from .labels import LABELS
from .maps import region_map, unmapped_regions
from .pages import NATIONWIDE
from .structured_data import Describer
from .times import Clock
from .urls import Urls, root_of

UNTRANSLATED = N_("not yet translated")
UNTRANSLATED_BLOCK = N_("Not yet translated. Shown in the original language: %(language)s.")


def page_address(context: Context | Mapping[str, Any]) -> str:
    """The URL of the page a context renders, relative to the site's root."""
    return str(context.get("page_url") or "")


def language_of(context: Context | Mapping[str, Any]) -> str:
    """The language of the page a context renders."""
    return str(context.get("page_lang") or context.get("DEFAULT_LANG") or "en")


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


@dataclass(frozen=True)
class Repository:
    """Links into the GitHub repository contributors edit (``NGO_DIRECTORY_REPOSITORY``, an
    'owner/name' that settings.py has checked) at ``branch``; every path part is quoted."""

    name: str
    branch: str
    ISSUE_FORM = "add-or-update-ngo.yml"

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> Repository | None:
        """The repository the settings name, or None when they name none."""
        name = settings.get("NGO_DIRECTORY_REPOSITORY")
        if not name:
            return None
        return cls(str(name), str(settings.get("NGO_DIRECTORY_REPOSITORY_BRANCH") or "main"))

    @property
    def url(self) -> str:
        return "https://github.com/" + quote(self.name, safe="/")

    @property
    def folder(self) -> str:
        """The folder ``git clone`` makes: the name after the owner's."""
        return self.name.split("/", 1)[1]

    def edit(self, path: str) -> str:
        """GitHub's web editor for the file at ``path`` (relative to the repository's root)."""
        return f"{self.url}/edit/{quote(self.branch, safe='/')}/{quote(path, safe='/')}"

    def new(self, folder: str, filename: str, value: str) -> str:
        """GitHub's web editor for a new file in ``folder``, named ``filename`` and holding
        ``value``; GitHub forks the repository and opens a pull request for those who may not
        write to it. ``value`` may be markup (a template's block): its text is what is sent."""
        text = value.unescape() if isinstance(value, Markup) else value
        query = urlencode({"filename": filename, "value": text}, quote_via=quote)
        return f"{self.url}/new/{quote(self.branch, safe='/')}/{quote(folder, safe='/')}?{query}"

    def issue(self, template: str = ISSUE_FORM, **fields: str | None) -> str:
        """A new issue opened with the issue form ``template`` (a file in .github/ISSUE_TEMPLATE),
        its ``fields`` (by their ids in the form) filled in; empty ones are left out."""
        query = {"template": template, **{key: value for key, value in fields.items() if value}}
        return f"{self.url}/issues/new?{urlencode(query, quote_via=quote)}"


class Site:
    """What the templates need to know about the site's languages and URLs."""

    def __init__(self, settings: Mapping[str, Any]):
        self.languages = Languages.from_settings(settings)
        self.urls = {lang: Urls(settings, self.languages.prefix(lang)) for lang in self.languages.languages}
        self._locales = {lang: Locale.parse(self.languages.locale(lang)) for lang in self.languages.languages}
        self._dates: dict[tuple[dt.date, str], str] = {}
        self.clocks = {
            lang: Clock(
                self._locales[lang],
                partial(self.long_date, language=lang),
                partial(self.languages.gettext, lang),
            )
            for lang in self.languages.languages
        }

    def babel_locale(self, language: str) -> Locale:
        """The Babel locale of a site language, parsed once."""
        return self._locales[language]

    def long_date(self, day: dt.date, language: str) -> str:
        """A long date in ``language``, formatted once per day and language."""
        key = (day, language)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = str(format_date(day, "long", locale=self._locales[language]))
        return found

    # Record texts -------------------------------------------------------------------------
    def localize(self, text: Text | str | None, language: str, note: bool = True) -> Markup:
        """Escaped text in the page language, or a fallback marked with its own ``lang`` and,
        unless ``note`` is false (in a heading), a note."""
        if text is None:
            return Markup("")
        if isinstance(text, str):
            return escape(text)
        shown, value = text.pick(self.languages.order(language))
        if shown == language:
            return escape(value)
        if not note:
            return Markup('<span lang="{}">{}</span>').format(shown, value)
        return Markup('<span lang="{}">{}</span> <small class="untranslated">({})</small>').format(
            shown, value, self.languages.gettext(language, UNTRANSLATED)
        )

    def localize_markdown(
        self, text: Text | None, language: str, directory: Directory | None = None, root: str = ""
    ) -> Markup:
        """Sanitised HTML of a Markdown text; a fallback comes in a ``div`` with its ``lang``,
        after a note saying so in the page's language. Given the ``directory``, its record: links
        lead to the records' pages in ``language``, from ``root`` (the page's SITEURL)."""
        if text is None:
            return Markup("")
        shown, value = text.pick(self.languages.order(language))
        if directory is not None and RECORD_SCHEME in value.lower():
            urls = self.urls[language]

            def address(slug: str) -> str | None:
                record = directory.record(slug)
                return urls.url(record) if record is not None else None

            linked = rooted(record_links(markdown_html(value), address), root)
            html = Markup(sanitize(linked, home=root))  # noqa: S704  (nh3 output is safe to mark)
        else:
            html = Markup(render_markdown(value))  # noqa: S704  (render_markdown sanitises with nh3)
        if shown == language:
            return html
        return Markup('{}<div lang="{}">{}</div>').format(self.fallback_note(shown, language), shown, html)

    def fallback_note(self, shown: str, language: str) -> Markup:
        note = self.languages.gettext(language, UNTRANSLATED_BLOCK) % {
            "language": self.languages.name(shown, language)
        }
        return Markup('<p class="untranslated">{}</p>').format(note)

    def plain(self, text: Text | str | None, language: str) -> str:
        """Unmarked text (for sorting, titles and attributes)."""
        if text is None:
            return ""
        if isinstance(text, str):
            return text
        return text.pick(self.languages.order(language))[1]

    # Feeds and calendars -----------------------------------------------------------------
    def channels(self, context: Context | Mapping[str, Any]) -> list[Any]:
        """The feeds and calendars a page links (``channels`` in its plan)."""
        return list(context.get("channels") or ())

    # Search ------------------------------------------------------------------------------
    def search_fields(self, item: Any, body: str, context: Context | Mapping[str, Any]) -> dict[str, Any]:
        """Filters, summary and searched fields of a page in the search index (see search/entries.py),
        in the page's language. ``body`` is the page's rendered main content."""
        language = language_of(context)
        entry = entry_of(item, context["directory"])
        summary = entry.summary
        if isinstance(summary, Text):
            text = summary_text(self.plain(summary, language), markdown=True)
        else:
            text = summary_text(summary or "", markdown=False)
        return {
            "kind": entry.kind,
            "regions": [self.plain(r.name, language) for r in entry.regions],
            "themes": [self.plain(t.name, language) for t in entry.themes],
            "year": entry.year,
            "date": entry.date,
            "summary": text,
            "searched": searched_fields(entry, html_to_text(body)),
        }

    # Language versions -------------------------------------------------------------------
    def alternates(self, context: Context | Mapping[str, Any]) -> list[LanguageLink]:
        """The page in every site language, for the language switcher and hreflang links."""
        language = language_of(context)
        pairs = context.get("alternates") or ()
        return [LanguageLink(code, self.languages.name(code), url, code == language) for code, url in pairs]


def install(env: Environment, settings: Mapping[str, Any]) -> None:
    """Register the filters, globals and context-aware gettext on a Jinja environment."""
    site = Site(settings)

    @pass_context
    def gettext(context: Context, message: str) -> str:
        return str(translations(language_of(context)).gettext(message))

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, number: int) -> str:
        return str(translations(language_of(context)).ngettext(singular, plural, number))

    @pass_context
    def label_filter(context: Context, value: str, table: str) -> Markup:
        """The name of a field's value in the page's language (labels.py), marked safe as
        ``_()`` marks a translation."""
        return Markup(translations(language_of(context)).gettext(LABELS[table][value]))  # noqa: S704 (our own catalogs)

    @pass_context
    def t_filter(context: Context, text: Any, note: bool = True) -> Markup:
        """A record's text in the page's language; ``note=false`` leaves a fallback's note out
        (a heading is no place for it: the text keeps its ``lang``)."""
        return site.localize(text, language_of(context), note)

    @pass_context
    def md_filter(context: Context, text: Any) -> Markup:
        directory = context.get("directory")
        root = str(context.get("SITEURL") or "")
        return site.localize_markdown(text, language_of(context), directory, root)

    @pass_context
    def plain_filter(context: Context, text: Any) -> str:
        return site.plain(text, language_of(context))

    @pass_context
    def summary_filter(
        context: Context, value: Any, markdown: bool = True, length: int = SUMMARY_LENGTH
    ) -> str:
        """A page's description: the first paragraph of a record's text (Markdown) or of a
        page's HTML (``markdown`` false), in the page's language, as plain text, shortened to
        ``length`` characters."""
        text = site.plain(value, language_of(context)) if isinstance(value, Text) else str(value or "")
        return summary_text(text, markdown=markdown, limit=length)

    @pass_context
    def shown_as(context: Context, text: Any, other: Any) -> bool:
        """Whether two texts read the same on this page: an other name that the name, filled
        from it (records/models.py, ``Text.filled_from``), already shows."""
        language = language_of(context)
        return site.plain(text, language) == site.plain(other, language)

    @pass_context
    def shown_language(context: Context, text: Text) -> str:
        """The language ``text`` is shown in on this page: the page's, or the fallback's."""
        return text.pick(site.languages.order(language_of(context)))[0]

    @pass_context
    def date_filter(context: Context, value: dt.date | dt.datetime) -> str:
        """A long date in the page's language: 6 dekabr 2000, 6 декабря 2000 г., 6 December 2000."""
        day = value.date() if isinstance(value, dt.datetime) else value
        return site.long_date(day, language_of(context))

    @pass_context
    def month_filter(context: Context, value: dt.date, capital: bool = True) -> str:
        """A month and its year in the page's language: as a heading says it (Mart 2027), or
        with ``capital`` false as a sentence does (mart 2027, but March 2027)."""
        text = str(format_date(value, "LLLL y", locale=site.babel_locale(language_of(context))))
        return text[:1].upper() + text[1:] if capital else text

    @pass_context
    def when_filter(context: Context, meeting: Any) -> Markup:
        """When a meeting takes place, in ``time`` elements, with its zone in words (times.py)."""
        return site.clocks[language_of(context)].meeting(meeting)

    @pass_context
    def moment_filter(context: Context, value: dt.datetime) -> str:
        """A date and a time in the page's language: 1 March 2027, 18:00."""
        return site.clocks[language_of(context)].moment(value)

    @pass_context
    def zone_filter(context: Context, value: dt.datetime) -> str:
        """The time zone of an aware moment in words, with its offset then: Baku time, UTC+4."""
        return site.clocks[language_of(context)].zone(value)

    @pass_context
    def number_filter(context: Context, value: int) -> str:
        return str(format_decimal(value, locale=site.babel_locale(language_of(context))))

    @pass_context
    def url(context: Context, obj: Any, vocabulary: str | None = None) -> str:
        return site.urls[language_of(context)].url(obj, vocabulary)

    @pass_context
    def index_url(context: Context, kind: str, page: int = 1) -> str:
        return site.urls[language_of(context)].index(kind, page)

    @pass_context
    def page_language(context: Context) -> str:
        return language_of(context)

    @pass_context
    def site_root(context: Context) -> str:
        """The site's root relative to the page ('../..' from 'ru/ngos/isar/'), for the site's
        own assets: they then load from whatever host serves the pages (www or not, a preview
        or a mirror), which a Content-Security-Policy of 'self' requires."""
        return root_of(page_address(context))

    @pass_context
    def language_versions(context: Context) -> list[LanguageLink]:
        return site.alternates(context)

    @pass_context
    def fallback_note(context: Context, shown: str) -> Markup:
        return site.fallback_note(shown, language_of(context))

    @pass_context
    def language_name(context: Context, code: str) -> str:
        return site.languages.name(code, language_of(context))

    @pass_context
    def country_name(context: Context, code: str) -> str:
        """A country's name in the page's language, from its ISO code: AZ -> Azərbaycan."""
        locale = site.babel_locale(language_of(context))
        return str(locale.territories.get(code.upper(), code))

    @pass_context
    def site_name(context: Context) -> str:
        return site.languages.site_name(language_of(context))

    @pass_context
    def page_channels(context: Context) -> list[Any]:
        return site.channels(context)

    @pass_context
    def kind_label(context: Context, kind: str, one: bool = False) -> str:
        """The kind filter's value for 'ngo', 'partner', 'meeting' or 'press'; with ``one``, the
        kind of one result ('Partner', not 'Partners')."""
        catalog = translations(language_of(context))
        if one and kind == "ngo":
            return str(catalog.ngettext("NGO", "NGOs", 1))  # the catalogs' "NGO" is a plural entry
        return str(catalog.gettext(KIND_NAMES[kind] if one else KIND_LABELS[kind]))

    @pass_context
    def kind_names(context: Context) -> dict[str, str]:
        """Each kind filter's value in the page's language, and what one result of it is."""
        return {kind_label(context, kind): kind_label(context, kind, one=True) for kind in KIND_LABELS}

    @pass_context
    def search_fields(context: Context, item: Any, body: str) -> dict[str, Any]:
        return site.search_fields(item, str(body), context)

    def open_graph_locale(language: str) -> str:
        """A site language as Open Graph's locale: language_TERRITORY (az -> az_AZ, en -> en_GB),
        the territory Babel's likely subtags give when the locale names none."""
        locale = site.babel_locale(language)
        territory = locale.territory or Locale.parse(get_global("likely_subtags")[locale.language]).territory
        return f"{locale.language}_{territory}"

    og_locales = {language: open_graph_locale(language) for language in site.languages.languages}

    @pass_context
    def structured_data(context: Context, item: Any) -> dict[str, Any] | None:
        """The schema.org JSON-LD of a record's page (structured_data.py); None for other pages."""
        language = language_of(context)
        return Describer(
            context["directory"],
            language,
            lambda text: site.plain(text, language),
            site.urls[language].url,
            str(context.get("SITEURL") or ""),
            context.get("registrations") or {},
            page_address(context),
        ).describe(item)

    # tojson (the JSON-LD blocks) writes letters as themselves, not as \u escapes that would
    # make an Azerbaijani or Russian page's data several times heavier; it still escapes < > & '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        sanitize=sanitize_filter,
        t=t_filter,
        md=md_filter,
        plain=plain_filter,
        summary=summary_filter,
        webcal=webcal_filter,
        date=date_filter,
        when=when_filter,
        moment=moment_filter,
        zone=zone_filter,
        month=month_filter,
        number=number_filter,
        kind_label=kind_label,
        label=label_filter,
        other_names=other_names,
    )
    env.tests["shown_as"] = shown_as
    env.globals.update(
        url=url,
        index_url=index_url,
        page_language=page_language,
        site_root=site_root,
        language_versions=language_versions,
        fallback_note=fallback_note,
        language_name=language_name,
        country_name=country_name,
        site_name=site_name,
        site_languages=site.languages,
        page_channels=page_channels,
        search_fields=search_fields,
        kind_names=kind_names,
        shown_language=shown_language,
        structured_data=structured_data,
        og_locale=og_locales.__getitem__,
        search_kinds=list(KIND_LABELS),
        search_letters=AZERBAIJANI_LETTERS,
        repository=Repository.of(settings),
        region_map=region_map,
        unmapped_regions=unmapped_regions,
        nationwide_slug=NATIONWIDE,
    )


def other_names(entry: Any, shown: str) -> list[str]:
    """A vocabulary entry's names in every language, its other spellings and its ISO code, one
    of each spelling that folds alike and none that folds as ``shown`` (the name on the page):
    what a filter box on the page also matches, folding as the search folds."""
    seen = {fold(shown)}
    names = []
    for name in (*(text for _, text in entry.name.values), *entry.also_known_as, entry.iso or ""):
        folded = fold(name)
        if name and folded not in seen:
            seen.add(folded)
            names.append(name)
    return names


def webcal_filter(address: str) -> str:
    """A calendar's absolute address as a webcal:// link, which phones and calendar apps open to
    subscribe in one tap; '' for an address that is not absolute (a development build)."""
    scheme, separator, rest = address.partition("://")
    return f"webcal://{rest}" if separator and scheme in ("https", "http") else ""


@pass_context
def sanitize_filter(context: Context, html: str | None) -> Markup:
    """Sanitise the HTML of a page or press release, its links to the site's own pages and
    files starting from this page's way to the site's root (content/model.py, ``ROOT``)."""
    site_url = str(context.get("SITEURL") or "")
    return Markup(sanitize(rooted(html or "", site_url), home=site_url))  # noqa: S704  (nh3 output is safe to mark)
