"""Tests for the strict YAML loader: every hazard is refused with one exact, located message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ngo_directory.records.loader import Document, Mark, load_bytes

FILE = "x.yaml"
ANCHOR_HINT = "(remove the anchor; records do not use anchors and aliases)"
ALIAS_HINT = "(write the value out in full; records do not use anchors and aliases)"
TAG_HINT = "(remove the tag; quote the value if it must stay text)"
INVISIBLE_HINT = "(delete it: invisible characters can disguise names and links)"
NESTING_HINT = "(flatten the structure; no record needs this much nesting)"


def _raw(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


def problems_of(text: str | bytes, **limits: int) -> list[str]:
    """Load ``text`` and return its problems as strings; a refused file yields no document."""
    doc, problems = load_bytes(_raw(text), FILE, **limits)
    assert problems, "expected the loader to refuse this file"
    assert doc is None
    return [str(p) for p in problems]


def load_ok(text: str | bytes, **limits: int) -> Document:
    """Load ``text`` and insist that it has no problems."""
    doc, problems = load_bytes(_raw(text), FILE, **limits)
    assert [str(p) for p in problems] == []
    assert doc is not None
    return doc


# --- YAML 1.1 typing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "NO",
        "no",
        "yes",
        "Yes",
        "on",
        "off",
        "y",
        "0125550303",
        "0x1F",
        "1:20",
        "12:30:00",
        "1.5e3",
        ".inf",
        ".NaN",
        "2025-05-10",
        "2025-05-10 10:00:00",
        "~",
        "null",
        "true",
        "1_000",
    ],
)
def test_yaml_11_values_stay_strings(value):
    """Values YAML 1.1 would turn into booleans, numbers, dates or null stay the exact text."""
    doc = load_ok(f"country: {value}\n")
    assert doc.data == {"country": value}
    assert type(doc.data["country"]) is str
    assert doc.mark(("country",)) == Mark(1, 10, plain=True)


def test_nested_values_stay_strings():
    """Strings stay strings inside lists and maps too, and keys that look like numbers stay text."""
    doc = load_ok("phones:\n  - 0125550303\n  - {1: yes, on: 2025-05-10}\n")
    assert doc.data == {"phones": ["0125550303", {"1": "yes", "on": "2025-05-10"}]}


# --- duplicate keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: a\nother: b\nname: c\n",
            "x.yaml:3:1: name: duplicate key 'name' (first on line 1, again on line 3) "
            "(keep one of them and delete the other)",
        ),
        (
            "contacts:\n  email: a@example.org\n  website: https://example.org\n  email: b@example.org\n",
            "x.yaml:4:3: contacts.email: duplicate key 'email' (first on line 2, again on line 4) "
            "(keep one of them and delete the other)",
        ),
        (
            "{a: 1, a: 2}\n",
            "x.yaml:1:8: a: duplicate key 'a' (first on line 1, again on line 1) "
            "(keep one of them and delete the other)",
        ),
        (
            'name: a\n"name": b\n',
            "x.yaml:2:1: name: duplicate key 'name' (first on line 1, again on line 2) "
            "(keep one of them and delete the other)",
        ),
        (
            "list:\n  - k: 1\n    k:\n      deep: 2\n",
            "x.yaml:3:5: list[0].k: duplicate key 'k' (first on line 2, again on line 3) "
            "(keep one of them and delete the other)",
        ),
    ],
    ids=["top-level", "nested", "flow", "quoted-and-plain", "in-list-with-map-value"],
)
def test_duplicate_key_names_both_lines(text, expected):
    """A repeated key is refused, naming the line of the first and of the repeat."""
    assert problems_of(text) == [expected]


def test_keys_differing_only_in_yaml_11_meaning_are_not_duplicates():
    """'yes' and 'true' (both YAML 1.1 booleans) are different text keys, so both are kept."""
    assert load_ok("yes: 1\ntrue: 2\n").data == {"yes": "1", "true": "2"}


# --- anchors, aliases and merge keys -------------------------------------------------------


def test_anchor_and_alias_refused():
    """An anchor and the alias that uses it are each reported where they stand."""
    assert problems_of("a: &x 1\nb: *x\n") == [
        f"x.yaml:1:4: a: anchor '&x' is not allowed {ANCHOR_HINT}",
        f"x.yaml:2:4: b: alias '*x' is not allowed {ALIAS_HINT}",
    ]


def test_anchor_on_a_collection_refused():
    """An anchor on a list (with no alias using it) is still refused."""
    assert problems_of("a: &x [1]\n") == [f"x.yaml:1:4: a: anchor '&x' is not allowed {ANCHOR_HINT}"]


def test_alias_used_as_key_refused():
    """An alias in key position is refused at the alias."""
    assert problems_of("*x : 1\n") == [f"x.yaml:1:1: alias '*x' is not allowed {ALIAS_HINT}"]


def test_alias_bomb_rejected_fast():
    """A 'billion laughs' file is refused without expanding it: every anchor and alias is reported."""
    lines = ["a0: &a0 {" + ", ".join(f"k{i}: lol" for i in range(9)) + "}"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} {{" + ", ".join(f"k{i}: *a{level - 1}" for i in range(9)) + "}")
    problems = problems_of("\n".join(lines) + "\n")
    assert len(problems) == 10 + 9 * 9
    assert problems[:3] == [
        f"x.yaml:1:5: a0: anchor '&a0' is not allowed {ANCHOR_HINT}",
        f"x.yaml:2:5: a1: anchor '&a1' is not allowed {ANCHOR_HINT}",
        f"x.yaml:2:14: a1.k0: alias '*a0' is not allowed {ALIAS_HINT}",
    ]
    assert problems[-1] == f"x.yaml:10:86: a9.k8: alias '*a8' is not allowed {ALIAS_HINT}"


def test_aliases_in_a_sequence_named_by_position():
    """Each alias (and a later tag) in a list is reported with its own index."""
    assert problems_of("b: [*x, *y, !!str z]\n") == [
        f"x.yaml:1:5: b[0]: alias '*x' is not allowed {ALIAS_HINT}",
        f"x.yaml:1:9: b[1]: alias '*y' is not allowed {ALIAS_HINT}",
        f"x.yaml:1:13: b[2]: explicit tag 'tag:yaml.org,2002:str' is not allowed {TAG_HINT}",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "c:\n  <<: {x: 1}\n  y: 2\n",
            ["x.yaml:2:3: c.<<: merge keys ('<<') are not allowed (write the merged keys out in full)"],
        ),
        (
            "base: &b {x: 1}\nc:\n  <<: *b\n",
            [
                f"x.yaml:1:7: base: anchor '&b' is not allowed {ANCHOR_HINT}",
                "x.yaml:3:3: c.<<: merge keys ('<<') are not allowed (write the merged keys out in full)",
                f"x.yaml:3:7: c: alias '*b' is not allowed {ALIAS_HINT}",
            ],
        ),
    ],
    ids=["inline-map", "with-alias"],
)
def test_merge_key_refused(text, expected):
    """A '<<' merge key is refused (and so is an alias it merges)."""
    assert problems_of(text) == expected


def test_quoted_merge_key_is_an_ordinary_key():
    """A quoted '<<' is just text, not a merge key."""
    assert load_ok('"<<": 1\n').data == {"<<": "1"}


# --- tags, documents and directives --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!str 1\n", "x.yaml:1:4: a: explicit tag 'tag:yaml.org,2002:str' is not allowed"),
        (
            "a: !!python/object:os.system x\n",
            "x.yaml:1:4: a: explicit tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
        ),
        ("a: !custom x\n", "x.yaml:1:4: a: explicit tag '!custom' is not allowed"),
        ("a: [x, !custom y]\n", "x.yaml:1:8: a[1]: explicit tag '!custom' is not allowed"),
        ("!!str a: 1\n", "x.yaml:1:1: a: explicit tag 'tag:yaml.org,2002:str' is not allowed"),
        ("a: !!map {b: 1}\n", "x.yaml:1:4: a: explicit tag 'tag:yaml.org,2002:map' is not allowed"),
    ],
    ids=["str", "python-object", "custom", "in-list", "on-key", "on-map"],
)
def test_explicit_tags_refused(text, expected):
    """Every explicit tag, standard or not, is refused at the tagged node."""
    assert problems_of(text) == [f"{expected} {TAG_HINT}"]


@pytest.mark.parametrize(
    ("text", "line"),
    [("a: 1\n---\nb: 2\n", 2), ("---\na: 1\n---\nb: 2\n", 3), ("a: 1\n...\n---\nb: 2\n", 3)],
)
def test_second_document_refused(text, line):
    """A second YAML document is reported at its '---' line."""
    assert problems_of(text) == [
        f"x.yaml:{line}:1: a second YAML document starts here "
        "(keep one record per file and remove the '---' line)"
    ]


def test_single_explicit_document_accepted():
    """One document with a leading '---' and a closing '...' is fine."""
    assert load_ok("---\na: 1\n...\n").data == {"a": "1"}


@pytest.mark.parametrize(
    "text",
    ["%YAML 1.1\n---\na: 1\n", "%YAML 1.2\n---\na: 1\n", "%TAG !e! tag:example.com,2000:\n---\na: 1\n"],
)
def test_yaml_directives_refused(text):
    """%YAML and %TAG directives are refused."""
    assert problems_of(text) == [
        "x.yaml:1:1: YAML directives are not allowed (remove the line starting with '%')"
    ]


# --- encoding and characters ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "where", "byte"),
    [
        (b"a: caf\xe9\n", "1:7", "E9"),
        (b"a: 1\nb: x\xff\n", "2:5", "FF"),
        ("a: əə".encode() + b"\xff\n", "1:6", "FF"),
        (b"a: 1\r\nb: \x80\r\n", "2:4", "80"),
        (b"\xef\xbb\xbfa: \xc0\n", "1:4", "C0"),
        (b"a: 1\nb: \xe2\x82", "2:4", "E2"),
    ],
    ids=["latin-1", "second-line", "after-multibyte", "crlf", "after-bom", "truncated"],
)
def test_non_utf8_reports_the_bad_byte(raw, where, byte):
    """Bytes that are not UTF-8 are reported at the line and column (in characters) of the bad byte."""
    assert problems_of(raw) == [
        f"x.yaml:{where}: file is not valid UTF-8 (byte 0x{byte} here) (save the file with UTF-8 encoding)"
    ]


@pytest.mark.parametrize(
    ("char", "description"),
    [
        ("\x00", "U+0000 control character"),
        ("\x01", "U+0001 control character"),
        ("\x1b", "U+001B control character"),
        ("\x0c", "U+000C control character"),
        ("\x7f", "U+007F control character"),
        ("\x9b", "U+009B control character"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u200d", "U+200D ZERO WIDTH JOINER"),
        ("\u2060", "U+2060 WORD JOINER"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_control_and_invisible_characters_refused(char, description):
    """Control, bidirectional and zero-width characters are refused at their position."""
    assert problems_of(f"name: ok\nlink: ab{char}c\n") == [
        f"x.yaml:2:9: link: {description} is not allowed {INVISIBLE_HINT}"
    ]


def test_tab_inside_a_value_is_allowed():
    """A tab inside a value is ordinary whitespace, not a forbidden control character."""
    assert load_ok("a: b\tc\n").data == {"a": "b\tc"}


def test_bare_carriage_return_refused():
    """A CR not followed by LF hides a line in some editors; it is refused."""
    assert problems_of(b"a: 1\rb: 2\n") == [
        "x.yaml:1:5: a: bare carriage return (CR) starts a hidden line "
        "(save the file with Unix (LF) or Windows (CRLF) line endings)"
    ]


@pytest.mark.parametrize(
    ("char", "description"),
    [
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
        ("\x85", "U+0085 control character"),
    ],
)
def test_unicode_line_breaks_refused(char, description):
    """Line breaks that editors and git do not show are refused."""
    assert problems_of(f"a: 1{char}b: 2\n") == [
        f"x.yaml:1:5: a: {description} is a line break that editors and git do not show "
        "(replace it with an ordinary line break)"
    ]


def test_every_forbidden_character_is_reported():
    """All forbidden characters in a file are reported, each at its own line and column."""
    assert problems_of("a: \u202eb\nc: d\ne: f\u200b\u200bg\n") == [
        f"x.yaml:1:4: a: U+202E RIGHT-TO-LEFT OVERRIDE is not allowed {INVISIBLE_HINT}",
        f"x.yaml:3:5: e: U+200B ZERO WIDTH SPACE is not allowed {INVISIBLE_HINT}",
        f"x.yaml:3:6: e: U+200B ZERO WIDTH SPACE is not allowed {INVISIBLE_HINT}",
    ]


def test_a_forbidden_character_is_reported_with_its_field():
    """A raw invisible character is reported with the field path of the key or value it is
    in, as an escaped one is; one outside any value (in a comment) has no field to name."""
    text = (
        "name: ok\n"
        "contacts:\n"
        "  phones:\n"
        "    - number: '+994 12 555 03 03'\n"
        "      label: of\u202efice\n"
        "description: |\n"
        "  First line.\n"
        "  Second\u200b line.\n"
        "ti\u200btle: x  # a comment\u2066\n"
    )
    assert problems_of(text) == [
        f"x.yaml:5:16: contacts.phones[0].label: U+202E RIGHT-TO-LEFT OVERRIDE is not allowed "
        f"{INVISIBLE_HINT}",
        f"x.yaml:8:9: description: U+200B ZERO WIDTH SPACE is not allowed {INVISIBLE_HINT}",
        f"x.yaml:9:3: ti\\u200btle: U+200B ZERO WIDTH SPACE is not allowed {INVISIBLE_HINT}",
        f"x.yaml:9:23: U+2066 LEFT-TO-RIGHT ISOLATE is not allowed {INVISIBLE_HINT}",
    ]


# --- limits --------------------------------------------------------------------------------


def test_file_over_size_cap_refused():
    """A file one byte over the cap is refused before it is parsed; one at the cap is fine."""
    text = "a: " + "x" * 2000 + "\n"
    assert len(text) == 2004
    assert load_ok(text, max_bytes=2004).data == {"a": "x" * 2000}
    assert problems_of(text, max_bytes=2003) == [
        "x.yaml:1:1: file is 2,004 bytes, over the limit of 2,003 "
        "(shorten the text or link to a longer document)"
    ]


def test_default_size_cap_is_256_kib():
    """Without a limit given, the cap is 256 KiB."""
    text = "a: " + "x" * (256 * 1024) + "\n"
    assert problems_of(text) == [
        "x.yaml:1:1: file is 262,148 bytes, over the limit of 262,144 "
        "(shorten the text or link to a longer document)"
    ]


def test_nesting_deeper_than_cap_refused():
    """Two levels pass a cap of 2; a third is refused at the container that goes too deep."""
    assert load_ok("a:\n  b: 1\n", max_depth=2).data == {"a": {"b": "1"}}
    assert problems_of("a:\n b:\n  c: 1\n", max_depth=2) == [
        f"x.yaml:3:3: a.b: nesting is deeper than 2 levels {NESTING_HINT}"
    ]


def test_default_nesting_cap_is_16():
    """Sixteen nested lists load; seventeen are refused."""
    assert load_ok("[" * 16 + "x" + "]" * 16).data is not None
    assert problems_of("[" * 17 + "x" + "]" * 17) == [
        f"x.yaml:1:17: {'[0]' * 16}: nesting is deeper than 16 levels {NESTING_HINT}"
    ]


@pytest.mark.parametrize(
    ("text", "field", "line", "column"),
    [
        ("[" * 10_000 + "]" * 10_000, "[0]" * 16, 1, 17),
        ("{a: " * 10_000 + "x" + "}" * 10_000, "a" + ".a" * 15, 1, 4 * 16 + 1),
        ("".join(f"{' ' * i}a:\n" for i in range(0, 2400, 2)) + " " * 2400 + "x\n", "a" + ".a" * 15, 17, 33),
    ],
    ids=["sequence", "mapping", "block"],
)
def test_thousands_deep_nesting_is_our_problem(text, field, line, column):
    """Nesting thousands of levels deep is refused at the 17th level with our own message,
    whether or not libyaml's own nesting limit (1,000 levels in libyaml 0.2.6) stops it first."""
    assert problems_of(text, max_bytes=len(text)) == [
        f"x.yaml:{line}:{column}: {field}: nesting is deeper than 16 levels {NESTING_HINT}"
    ]


@pytest.mark.parametrize(
    ("escape", "shown", "name", "hint"),
    [
        ("\\u202E", "\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", "invisible"),
        ("\\u200B", "\\u200b", "U+200B ZERO WIDTH SPACE", "invisible"),
        ("\\u2028", "\\u2028", "U+2028 LINE SEPARATOR", "break"),
        ("\\0", "\\u0000", "U+0000 control character", "invisible"),
        ("\\a", "\\u0007", "U+0007 control character", "invisible"),
        ("\\e", "\\u001b", "U+001B control character", "invisible"),
        ("\\r", "\\r", "U+000D CARRIAGE RETURN", "break"),
        ("\\x85", "\\u0085", "U+0085 control character", "break"),
        ("\\ufeff", "\\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE", "invisible"),
    ],
)
def test_escaped_invisible_characters_refused(escape, shown, name, hint):
    """Characters refused in the file are refused too when written as escapes in double quotes,
    in values and in keys, at the value with its field path; the message shows the character
    as an escape, never the character itself."""
    hints = {
        "invisible": "(delete the escape: invisible characters can disguise names and links)",
        "break": "(for a line break, write the text as a block with '|' and break the line there)",
    }
    expected = f"{name}, written as an escape, is not allowed {hints[hint]}"
    assert problems_of(f'contacts:\n  phones: ["ok", "a{escape}b"]\n') == [
        f"x.yaml:2:18: contacts.phones[1]: {expected}"
    ]
    assert problems_of(f'"k{escape}": 1\n') == [f"x.yaml:1:1: k{shown}: {expected}"]


def test_ordinary_escapes_accepted():
    """Tabs and line breaks written as escapes are ordinary text; single quotes have no escapes."""
    assert load_ok("a: \"x\\ty\\nz\"\nb: '\\u202E'\n").data == {"a": "x\ty\nz", "b": "\\u202E"}


# --- shapes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("? [a]\n: 1\n", "x.yaml:1:3: a key must be plain text"),
        ("? {a: 1}\n: 1\n", "x.yaml:1:3: a key must be plain text"),
        ("{[a]: 1}\n", "x.yaml:1:2: a key must be plain text"),
        ("a:\n  ? [x]\n  : 1\n", "x.yaml:2:5: a: a key must be plain text"),
    ],
    ids=["block-list", "block-map", "flow", "nested"],
)
def test_complex_keys_refused(text, expected):
    """A list or map used as a key is refused."""
    assert problems_of(text) == [f"{expected} (write the key as a simple word)"]


def test_explicit_plain_key_accepted():
    """A '? key' written out explicitly but plain is an ordinary key."""
    assert load_ok("a:\n  - ? x\n    : 1\n").data == {"a": [{"x": "1"}]}


@pytest.mark.parametrize("text", ["", "\n", "   \n\n", "# only a comment\n", "---\n", '""\n'])
def test_empty_file_refused(text):
    """A file with no data is refused as empty."""
    assert problems_of(text) == ["x.yaml:1:1: file is empty (fill in the record's fields)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1\n", "x.yaml:1:4: YAML syntax error: the list opened with '[' here is not closed with ']'"),
        ('a: "x\n', "x.yaml:1:4: YAML syntax error: the quote opened here is never closed"),
        ("key: value: other\n", "x.yaml:1:11: YAML syntax error: a colon followed by a space inside a value"),
        (
            "a: b\n  c: d\n",
            "x.yaml:2:3: YAML syntax error: "
            "this line looks like a field, but YAML reads it as part of the value above",
        ),
        ("- a\nb: c\n", "x.yaml:2:1: YAML syntax error: this line breaks the list above it"),
    ],
    ids=["unclosed-list", "unclosed-quote", "colon-in-value", "bad-indent", "list-then-map"],
)
def test_yaml_syntax_error(text, expected):
    """Syntax errors are our own messages, at the mistake (test_yaml_syntax.py has them all, in
    the three languages): libyaml's wording never reaches the contributor."""
    assert_syntax_problems(problems_of(text), expected, r"\(.+\)")


def assert_syntax_problems(problems: list[str], expected: str, hint: str) -> None:
    pattern = re.escape(f"{expected} ") + hint
    assert len(problems) == 1
    assert re.fullmatch(pattern, problems[0]), problems[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n\tb: 1\n", "x.yaml:2:1: YAML syntax error: a tab is used for indentation"),
        ("a: x\n\tb: 2\n", "x.yaml:2:1: YAML syntax error: a tab is used for indentation"),
        ("a: əəəə\n\tb: 2\n", "x.yaml:2:1: YAML syntax error: a tab is used for indentation"),
        ("a: x\r\n\tb: 2\r\n", "x.yaml:2:1: YAML syntax error: a tab is used for indentation"),
    ],
    ids=["nested", "top-level", "after-non-ascii", "crlf"],
)
def test_tab_indentation_hint(text, expected):
    """When a tab caused the syntax error, the hint says to indent with spaces."""
    assert_syntax_problems(problems_of(text), expected, re.escape("(indent with spaces, not tabs)"))


# --- line endings, BOM and positions -------------------------------------------------------


def test_crlf_file_accepted_with_correct_positions():
    """Windows line endings load, values carry no CR, and lines and columns are right."""
    doc = load_ok(b"a: 1\r\nb:\r\n  c: two words\r\n")
    assert doc.data == {"a": "1", "b": {"c": "two words"}}
    assert doc.mark(("b", "c")) == Mark(3, 6, plain=True)
    assert doc.key_mark(("b",)) == Mark(2, 1, plain=True)


def test_crlf_file_problems_have_correct_positions():
    """A problem in a CRLF file is located as in the LF version."""
    assert problems_of(b"a: 1\r\nb: 2\r\na: 3\r\n") == [
        "x.yaml:3:1: a: duplicate key 'a' (first on line 1, again on line 3) "
        "(keep one of them and delete the other)"
    ]


def test_utf8_bom_accepted():
    """A leading UTF-8 byte order mark is dropped and does not shift columns."""
    doc = load_ok("\ufeffname: Gəncə\n".encode())
    assert doc.data == {"name": "Gəncə"}
    assert doc.mark(("name",)) == Mark(1, 7, plain=True)
    assert doc.key_mark(("name",)) == Mark(1, 1, plain=True)


def test_every_value_keeps_its_line_and_column():
    """Each value and key records where it starts, and whether it was written unquoted."""
    doc = load_ok(
        "name: Foo\nlist:\n  - one\n  - \"two\"\nmap:\n  k: 'v'\n  flow: [a, {b: c}]\ntext: |\n  block\n"
    )
    assert doc.data == {
        "name": "Foo",
        "list": ["one", "two"],
        "map": {"k": "v", "flow": ["a", {"b": "c"}]},
        "text": "block\n",
    }
    assert doc.marks == {
        (): Mark(1, 1),
        ("name",): Mark(1, 7, plain=True),
        ("list",): Mark(3, 3),
        ("list", 0): Mark(3, 5, plain=True),
        ("list", 1): Mark(4, 5),
        ("map",): Mark(6, 3),
        ("map", "k"): Mark(6, 6),
        ("map", "flow"): Mark(7, 9),
        ("map", "flow", 0): Mark(7, 10, plain=True),
        ("map", "flow", 1): Mark(7, 13),
        ("map", "flow", 1, "b"): Mark(7, 17, plain=True),
        ("text",): Mark(8, 7),
    }
    assert doc.key_marks == {
        ("name",): Mark(1, 1, plain=True),
        ("list",): Mark(2, 1, plain=True),
        ("map",): Mark(5, 1, plain=True),
        ("map", "k"): Mark(6, 3, plain=True),
        ("map", "flow"): Mark(7, 3, plain=True),
        ("map", "flow", 1, "b"): Mark(7, 14, plain=True),
        ("text",): Mark(8, 1, plain=True),
    }


def test_mark_falls_back_to_the_nearest_enclosing_value():
    """mark() of a missing path is the enclosing value's; key_mark() of a list item is its value's."""
    doc = load_ok("map:\n  k: v\nlist: [a, b]\n")
    assert doc.mark(("map", "missing", 0)) == Mark(2, 3)
    assert doc.mark(("missing",)) == Mark(1, 1)
    assert doc.key_mark(("list", 1)) == Mark(3, 11, plain=True)
    assert doc.key_mark(("map", "missing")) == Mark(2, 3)


def test_document_problem_is_located_at_value_or_key():
    """Document.problem() renders file:line:col: field: message (hint) at the value or at its key."""
    doc = load_ok("contacts:\n  phones:\n    - number: '12'\n")
    path = ("contacts", "phones", 0, "number")
    assert str(doc.problem(path, "bad number", "fix it")) == (
        "x.yaml:3:15: contacts.phones[0].number: bad number (fix it)"
    )
    assert str(doc.problem(path, "bad key", key=True)) == "x.yaml:3:7: contacts.phones[0].number: bad key"


def test_a_path_relative_to_a_folder_read_from_its_text_is_relative_to() -> None:
    from ngo_directory.records.sources import relative

    paths = ["a", "a/b", "a/b/c.md", "ab/c", "/a/b", "/a", "//a/b", ".", "/", "a/b c/ d", "é/ş"]
    for path in paths:
        for root in paths:
            try:
                expected: str | None = Path(path).relative_to(Path(root)).as_posix()
            except ValueError:
                expected = None
            assert relative(Path(path), Path(root)) == expected, (path, root)
