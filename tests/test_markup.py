"""The text helpers that feeds and calendars rely on, case by case."""

from __future__ import annotations

import pytest

from ngo_directory.text.markup import (
    clean_text,
    html_to_text,
    inert_text,
    mark_external,
    one_line,
    sanitize,
    shorten,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\rc\u2028d\u2029e\x85f\x0bg\x0ch", "a\nb\nc\nd\ne\nf\ng\nh"),
        ("bell\x07 escape\x1b[31m nul\x00 del\x7f c1\x9b tab\tkept", "bell escape[31m nul del c1 tab\tkept"),
        ("lone \ud800 surrogate \ufffe\uffff", "lone  surrogate "),
        ("Gəncə, Мингечевир; “quotes” — fine", "Gəncə, Мингечевир; “quotes” — fine"),
    ],
)
def test_clean_text_keeps_only_what_xml_and_icalendar_carry(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "alert(1)"),
        ('<img src=x onerror="alert(2)">after', "after"),
        ("<scr<script>ipt>alert(3)</script>", "alert(3)"),
        ("unclosed <img src=x onerror=alert(4)", "unclosed < img src=x onerror=alert(4)"),
        ("<!-- comment --><?php ?></p>text", "<?php ?>text"),
        ("a < b and c > d, 3<4", "a < b and c > d, 3<4"),
        ("x ]]> y <![CDATA[ z", "x ]]> y <![CDATA[ z"),
        ("<![CDATA[<script>alert(5)</script>]]>", "<![CDATA[alert(5)]]>"),
        ("before <!-- never closed", "before < !-- never closed"),
        ("a</b", "a< /b"),
    ],
)
def test_inert_text_leaves_nothing_a_reader_could_render_as_a_tag(text: str, expected: str) -> None:
    assert inert_text(text) == expected


def test_one_line_and_html_to_text() -> None:
    assert one_line("  Ganja\n NGO\tforum  ") == "Ganja NGO forum"
    html = "<h2>Agenda</h2><p>One &amp; two &lt;b&gt;</p><ul><li>a</li><li>b<br>c</li></ul>"
    assert html_to_text(html) == "Agenda\n\nOne & two\n\na\n\nb\n\nc"


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("Mingachevir meeting of regional NGOs", 20) == "Mingachevir meeting…"
    assert shorten("x" * 30, 10) == "x" * 9 + "…"


def test_sanitize_makes_links_absolute_and_keeps_only_safe_schemes() -> None:
    html = (
        '<a href="../x/">rel</a> <a href="/y">root</a> <a href="javascript:alert(1)">js</a> '
        '<a href="https://e.org">abs</a> <a href="mailto:a@e.org">m</a>'
    )
    assert sanitize(html, base="https://ngo.example.org/en/press/a/") == (
        '<a href="https://ngo.example.org/en/press/x/">rel</a> '
        '<a href="https://ngo.example.org/y">root</a> '
        "<a>js</a> "
        '<a href="https://e.org" rel="nofollow noopener">abs</a> '
        '<a href="mailto:a@e.org">m</a>'
    )


def test_only_links_that_leave_the_site_are_marked_nofollow() -> None:
    html = (
        '<a href="../x/" title="a > b">own</a> <a href="https://NGO.example.org/y">own, absolute</a> '
        '<a title=\'"><a href=x>\' href="//evil.example.com/">other host</a> '
        '<a href="//[x">unparsable</a> <a href="tel:+994125550000">phone</a>'
    )
    assert sanitize(html, home="https://ngo.example.org") == (
        '<a href="../x/" title="a &gt; b">own</a> <a href="https://NGO.example.org/y">own, absolute</a> '
        '<a title="&quot;&gt;&lt;a href=x&gt;" href="//evil.example.com/" rel="nofollow noopener">'
        "other host</a> "
        '<a href="//[x" rel="nofollow noopener">unparsable</a> <a href="tel:+994125550000">phone</a>'
    )
    assert 'rel="nofollow noopener"' not in sanitize('<a href="/x">root</a>')


@pytest.mark.parametrize(
    "href",
    ["/\\spam.example/", "\\\\spam.example/", "http:spam.example", "/\t/spam.example/", " //spam.example/"],
)
def test_an_address_a_browser_reads_as_another_host_is_marked(href: str) -> None:
    html = sanitize(f'<a href="{href}">x</a>', home="https://ngo.example.org")
    assert html.endswith(' rel="nofollow noopener">x</a>'), html


def test_a_title_naming_an_href_does_not_hide_the_real_one() -> None:
    html = sanitize('<a title=" href=" href="https://spam.example/">this</a>', home="https://ngo.example.org")
    assert html == '<a title=" href=" href="https://spam.example/" rel="nofollow noopener">this</a>'


def test_marking_never_starts_inside_an_attribute_value() -> None:
    """What nh3 before 0.3.7 wrote for a hostile <abbr> (it left < and > raw inside values):
    read tag by tag, there is no anchor here, and nothing is inserted."""
    written = (
        '<abbr title="<a b=">" href="//evil.com" y="<abbr title="><img src=x onerror=alert(1)>">'
        "t</abbr></abbr>"
    )
    assert mark_external(written, "ngo.example.org") == written
