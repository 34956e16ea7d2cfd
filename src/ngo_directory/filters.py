"""Jinja filters and globals: pure functions, registered by the generator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .markup import render_markdown, sanitize
from .models import Text
from .settings import DEFAULTS

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def language_order(page_language: str, fallbacks: Sequence[str]) -> list[str]:
    """The page language first, then the fallbacks, without repeats."""
    return list(dict.fromkeys([page_language, *fallbacks]))


def localize(text: Text | str | None, page_language: str, fallbacks: Sequence[str]) -> Markup:
    """Escaped text in the page language, or a fallback marked with its own ``lang``."""
    if text is None:
        return Markup("")
    if isinstance(text, str):
        return escape(text)
    language, value = text.pick(language_order(page_language, fallbacks))
    if language == page_language:
        return escape(value)
    return Markup('<span lang="{}">{}</span>').format(language, value)


def localize_markdown(text: Text | None, page_language: str, fallbacks: Sequence[str]) -> Markup:
    """Sanitised HTML of a Markdown text, in a ``div`` with ``lang`` when it is a fallback."""
    if text is None:
        return Markup("")
    language, value = text.pick(language_order(page_language, fallbacks))
    html = Markup(render_markdown(value))  # noqa: S704  (render_markdown sanitises with nh3)
    if language == page_language:
        return html
    return Markup('<div lang="{}">{}</div>').format(language, html)


def plain(text: Text | str | None, page_language: str, fallbacks: Sequence[str]) -> str:
    """Unmarked text (for sorting and attributes)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.pick(language_order(page_language, fallbacks))[1]


def format_date(value: dt.date | dt.datetime) -> str:
    """A long date such as 6 December 2000."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_time(value: dt.datetime) -> str:
    return value.strftime("%H:%M")


def _page_language(context: Context) -> tuple[str, list[str]]:
    language = context.get("page_lang") or context.get("DEFAULT_LANG") or "en"
    return language, list(
        context.get("NGO_DIRECTORY_FALLBACK_LANGUAGES") or DEFAULTS["NGO_DIRECTORY_FALLBACK_LANGUAGES"]
    )


@pass_context
def t_filter(context: Context, text: Any) -> Markup:
    return localize(text, *_page_language(context))


@pass_context
def md_filter(context: Context, text: Any) -> Markup:
    return localize_markdown(text, *_page_language(context))


@pass_context
def plain_filter(context: Context, text: Any) -> str:
    return plain(text, *_page_language(context))


def sanitize_filter(html: str | None) -> Markup:
    """Sanitise HTML that Pelican rendered from a page or press release."""
    return Markup(sanitize(html or ""))  # noqa: S704  (nh3 output is safe to mark)


FILTERS = {
    "sanitize": sanitize_filter,
    "t": t_filter,
    "md": md_filter,
    "plain": plain_filter,
    "date": format_date,
    "time": format_time,
}
