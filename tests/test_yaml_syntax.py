"""YAML syntax errors in the contributor's language: every problem and context the YAML parsers
can report is in one table; each one a document can trigger gives our own message, at the line of
the mistake, in az, ru and en; and no parser's English reaches a message in any language.

The parsers' own wording is never asserted (it may change with the PyYAML wheel): the tests name
only our messages, and the lists below only check that the table covers what the parsers say."""

from __future__ import annotations

import ast
import random
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from ngo_directory.i18n import translations
from ngo_directory.problems import Message, Problem
from ngo_directory.records import syntax
from ngo_directory.records.loader import load_bytes
from sitetools import ROOT

FILE = "x.yaml"
LANGUAGES = ("az", "ru", "en")

# Every problem libyaml can report, from its src/scanner.c, src/parser.c and src/reader.c (0.2.5
# and the current master), and the nesting limit of the 0.2.6 that PyYAML 6.0.4's wheels bundle.
LIBYAML_PROBLEMS = [
    # scanner.c
    "found character that cannot start any token",
    "could not find expected ':'",
    "block sequence entries are not allowed in this context",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
    "found unknown directive name",
    "did not find expected comment or line break",
    "could not find expected directive name",
    "found unexpected non-alphabetical character",
    "did not find expected digit or '.' character",
    "found extremely long version number",
    "did not find expected version number",
    "did not find expected whitespace",
    "did not find expected whitespace or line break",
    "did not find expected alphabetic or numeric character",
    "did not find the expected '>'",
    "did not find expected '!'",
    "did not find expected tag URI",
    "did not find URI escaped octet",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "found an indentation indicator equal to 0",
    "found a tab character where an indentation space is expected",
    "found unexpected document indicator",
    "found unexpected end of stream",
    "found unknown escape character",
    "did not find expected hexdecimal number",
    "found invalid Unicode character escape code",
    "found unexpected ':'",
    "found a tab character that violates indentation",
    "exceeded maximum nesting depth",
    # parser.c
    "Maximum nesting level reached, set with yaml_set_max_nest_level())",
    "did not find expected <stream-start>",
    "did not find expected <document start>",
    "found undefined tag handle",
    "did not find expected node content",
    "did not find expected '-' indicator",
    "did not find expected key",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "found duplicate %YAML directive",
    "found incompatible YAML document",
    "found duplicate %TAG directive",
    # reader.c
    "input error",
    "invalid leading UTF-8 octet",
    "incomplete UTF-8 octet sequence",
    "invalid trailing UTF-8 octet",
    "invalid length of a UTF-8 sequence",
    "invalid Unicode character",
    "incomplete UTF-16 character",
    "unexpected low surrogate area",
    "incomplete UTF-16 surrogate pair",
    "expected low surrogate area",
    "control characters are not allowed",
    "input is too long",
    # PyYAML's C composer (_yaml.pyx): problems
    "but found another document",
    "found undefined alias",
    "second occurrence",
]
LIBYAML_CONTEXTS = [
    "while scanning for the next token",
    "while scanning a simple key",
    "while scanning a directive",
    "while scanning a %YAML directive",
    "while scanning a %TAG directive",
    "while scanning an anchor",
    "while scanning an alias",
    "while scanning a tag",
    "while scanning a tag directive",
    "while parsing a tag directive",
    "while parsing a %TAG directive",
    "while parsing a tag",
    "while scanning a block scalar",
    "while scanning a quoted scalar",
    "while parsing a quoted scalar",
    "while scanning a plain scalar",
    "while increasing block level",
    "while increasing flow level",
    "while parsing",
    "while parsing a node",
    "while parsing a block node",
    "while parsing a flow node",
    "while parsing a block collection",
    "while parsing a block mapping",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
    # PyYAML's C composer (_yaml.pyx): contexts
    "expected a single document in the stream",
    "found duplicate anchor; first occurrence",
]

PREFIX = {lang: translations(lang).gettext(syntax.YAML_SYNTAX_ERROR) % {"error": ""} for lang in LANGUAGES}


def pyyaml_messages() -> list[str]:
    """Every string PyYAML's Python reader, scanner, parser and composer pass to an error: the
    problems and contexts they can report (a format string stands for all its values)."""
    found = []
    for module in ("reader", "scanner", "parser", "composer"):
        tree = ast.parse((Path(yaml.__file__).parent / f"{module}.py").read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "").endswith("Error"):
                for arg in node.args:
                    if isinstance(arg, ast.BinOp):
                        arg = arg.left
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.append(arg.value)
    # ReaderError's fourth argument is the encoding's name, not a message.
    return sorted(set(found) - {"unicode"})


def test_every_libyaml_message_is_in_the_table() -> None:
    assert [text for text in LIBYAML_PROBLEMS + LIBYAML_CONTEXTS if syntax.lookup(text) is None] == []


def test_every_python_parser_message_is_in_the_table() -> None:
    messages = pyyaml_messages()
    assert len(messages) > 40
    assert [text for text in messages if syntax.lookup(text) is None] == []


def test_the_table_is_the_list_of_both_parsers() -> None:
    """No entry the parsers never say: each key is a libyaml or a PyYAML message."""
    known = set(LIBYAML_PROBLEMS) | set(LIBYAML_CONTEXTS) | set(pyyaml_messages())
    assert sorted((set(syntax.PROBLEMS) | set(syntax.CONTEXTS)) - known) == []


# --- each mistake, in the three languages --------------------------------------------------------


@dataclass(frozen=True)
class Case:
    text: str
    line: int
    column: int
    messages: dict[str, str]
    hint: str
    # The Python parser stops elsewhere for a few documents; our message is then another one.
    python: bool = True


MISSING_COLON = {
    "en": "this line has no colon and space (': ') after the field's name",
    "az": "bu sətirdə sahənin adından sonra iki nöqtə və boşluq (': ') yoxdur",
    "ru": "в этой строке после названия поля нет двоеточия и пробела (': ')",
}
MISSING_COLON_HINT = (
    "write the field's name, a colon, a space and the value, as in 'name: value'; "
    "if the line continues the text of the field above, indent it further than that field"
)
COLON_IN_VALUE = {
    "en": "a colon followed by a space inside a value",
    "az": "dəyərin içində iki nöqtə və ardınca boşluq var",
    "ru": "внутри значения стоит двоеточие с пробелом после него",
}
QUOTE_HINT = 'put the whole value in double quotes: "..."'
UNCLOSED_QUOTE = {
    "en": "the quote opened here is never closed",
    "az": "burada açılan dırnaq bağlanmayıb",
    "ru": "открытая здесь кавычка нигде не закрыта",
}
UNCLOSED_QUOTE_HINT = (
    "end the value with the quote it starts with; "
    "inside \"...\" write a quote as \\\", inside '...' write it as ''"
)
TAB = {
    "en": "a tab is used for indentation",
    "az": "girinti üçün tab simvolu işlədilib",
    "ru": "для отступа использована табуляция",
}
TAB_HINT = "indent with spaces, not tabs"
FLOW_HINT = (
    "close it on the same line, separate the items with commas, "
    "and put an item that holds a comma, a colon or a bracket in quotes"
)
ESCAPE = {
    "en": "a backslash inside double quotes starts an escape such as \\n, and this one is not valid",
    "az": "qoşa dırnaq içində tərs xətt \\n kimi escape ardıcıllığı başladır, bu ardıcıllıq isə yanlışdır",
    "ru": "обратная косая черта в двойных кавычках начинает escape-последовательность вроде \\n, "
    "а эта последовательность недопустима",
}
ESCAPE_HINT = (
    "write a backslash as \\\\, or put the value in single quotes, where a backslash is an ordinary character"
)
DIRECTIVE = {
    "en": "a line starting with '%' is read as a YAML directive",
    "az": "'%' ilə başlayan sətri YAML direktiv kimi oxuyur",
    "ru": "строку, начинающуюся с '%', YAML читает как директиву",
}
DIRECTIVE_HINT = (
    "remove the line; if it is part of a text, indent it under its field or put the whole value in quotes"
)
AFTER_END = {
    "en": "YAML reads the record as finished before this line",
    "az": "YAML qeydin bu sətirdən əvvəl bitdiyini hesab edir",
    "ru": "YAML считает, что запись закончилась до этой строки",
}
AFTER_END_HINT = (
    "remove any '...' line above it, and check that every line above is a field written 'name: value'"
)
TEXT_AFTER = {
    "en": "text after the end of the value",
    "az": "dəyər bitdikdən sonra mətn var",
    "ru": "после конца значения стоит текст",
}
TEXT_AFTER_HINT = (
    "put the whole value in quotes, and write a quote inside it as \\\" in \"...\" or as '' in '...'"
)
MISSING_VALUE = {
    "en": "a value is missing here",
    "az": "burada dəyər çatışmır",
    "ru": "здесь не хватает значения",
}
MISSING_VALUE_HINT = (
    "write the value, in quotes if it starts with a sign such as ',' or ']'; "
    "inside [ ] the items are separated by single commas and have no '- '"
)
INDENT = {
    "en": "this line is not indented like the fields above it",
    "az": "bu sətrin girintisi yuxarıdakı sahələrinki kimi deyil",
    "ru": "у этой строки не такой отступ, как у полей над ней",
}
INDENT_HINT = "the fields of one block start in the same column: indent this line like its neighbours"


def cannot_start(character: str) -> dict[str, str]:
    return {
        "en": f"a value not in quotes cannot start with '{character}'",
        "az": f"dırnaqsız dəyər '{character}' işarəsi ilə başlaya bilməz",
        "ru": f"значение без кавычек не может начинаться с '{character}'",
    }


CASES = {
    # "could not find expected ':'" is reported on the next line: we point at the line without it.
    "missing-colon": Case("name: x\nregions [baku]\nthemes: [y]\n", 2, 1, MISSING_COLON, MISSING_COLON_HINT),
    "continued-text-not-indented": Case(
        "description: Long text\nthat continues here\nnext: x\n", 2, 1, MISSING_COLON, MISSING_COLON_HINT
    ),
    # "mapping values are not allowed" after a line 'key:value' (no space): that line is the mistake.
    "no-space-after-colon": Case("name:x\nregions: [a]\n", 1, 1, MISSING_COLON, MISSING_COLON_HINT),
    "key-without-colon-in-a-block": Case(
        "contacts:\n  email\n  website: x\n", 2, 3, MISSING_COLON, MISSING_COLON_HINT
    ),
    "colon-in-value": Case("name: Meeting: spring\nregions: [baku]\n", 1, 14, COLON_IN_VALUE, QUOTE_HINT),
    "colon-in-value-after-non-ascii": Case("ad: Gəncə: mərkəz\n", 1, 10, COLON_IN_VALUE, QUOTE_HINT),
    "colon-in-list-item": Case("themes:\n  - a: b: c\n", 2, 9, COLON_IN_VALUE, QUOTE_HINT),
    "field-read-as-value": Case(
        "name: x\n  regions: [a]\n",
        2,
        3,
        {
            "en": "this line looks like a field, but YAML reads it as part of the value above",
            "az": "bu sətir sahəyə oxşayır, amma YAML onu yuxarıdakı dəyərin bir hissəsi kimi oxuyur",
            "ru": "эта строка похожа на поле, но YAML читает её как часть значения выше",
        },
        "start it in the same column as the other fields of its block; "
        "if the value above runs over several lines, put that value in quotes",
    ),
    "less-indented-field": Case("contacts:\n  email: a\n website: b\n", 3, 2, INDENT, INDENT_HINT),
    "text-after-closing-quote": Case('name: "Say "hi" now"\n', 1, 13, TEXT_AFTER, TEXT_AFTER_HINT),
    "text-after-single-quote": Case("name: 'it's'\n", 1, 11, TEXT_AFTER, TEXT_AFTER_HINT),
    "text-after-a-list": Case("name: [a] extra\nb: c\n", 1, 11, TEXT_AFTER, TEXT_AFTER_HINT),
    "list-item-among-fields": Case(
        "name: x\n- a\n",
        2,
        1,
        {
            "en": "a list item ('- ') stands among the fields",
            "az": "siyahı elementi ('- ') sahələrin arasında durur",
            "ru": "элемент списка ('- ') стоит среди полей",
        },
        "put the list under the field it belongs to: 'field:' on a line, then the items indented below it",
    ),
    "list-broken-by-a-field": Case(
        "regions:\n  - baku\n  ganja: x\n",
        3,
        3,
        {
            "en": "this line breaks the list above it",
            "az": "bu sətir yuxarıdakı siyahını pozur",
            "ru": "эта строка нарушает список над ней",
        },
        "every item of a list starts with '- ' in the same column; "
        "a field after the list starts in the column of the list's own field",
    ),
    "list-on-the-fields-line": Case(
        "regions: - baku\n",
        1,
        10,
        {
            "en": "a list item ('- ') cannot start here",
            "az": "siyahı elementi ('- ') burada başlaya bilməz",
            "ru": "элемент списка ('- ') не может начинаться здесь",
        },
        "write each item on a line of its own below the field, indented and starting with '- ', "
        "or write the list as [a, b]; if the '-' is part of the text, put the whole value in quotes",
    ),
    # The quote is reported at the end of the file: we point at the quote that opens.
    "unclosed-double-quote": Case('name: "Foo\nregions: [a]\n', 1, 7, UNCLOSED_QUOTE, UNCLOSED_QUOTE_HINT),
    "unclosed-single-quote-in-a-list": Case(
        "regions:\n  - 'baku\n  - ganja\n", 2, 5, UNCLOSED_QUOTE, UNCLOSED_QUOTE_HINT
    ),
    "quote-running-into-a-separator": Case('name: "a\n---\nb"\n', 1, 7, UNCLOSED_QUOTE, UNCLOSED_QUOTE_HINT),
    # An unclosed [ or { is reported on a later line: we point at the bracket.
    "unclosed-list": Case(
        "regions: [baku, ganja\nthemes: [a]\n",
        1,
        10,
        {
            "en": "the list opened with '[' here is not closed with ']'",
            "az": "burada '[' ilə açılan siyahı ']' ilə bağlanmayıb",
            "ru": "список, открытый здесь скобкой '[', не закрыт скобкой ']'",
        },
        FLOW_HINT,
    ),
    # At the end of the file libyaml misses a value; the mistake is the bracket left open.
    "bracket-open-at-the-end": Case(
        "name: x\nregions: [\n",
        2,
        10,
        {
            "en": "the list opened with '[' here is not closed with ']'",
            "az": "burada '[' ilə açılan siyahı ']' ilə bağlanmayıb",
            "ru": "список, открытый здесь скобкой '[', не закрыт скобкой ']'",
        },
        FLOW_HINT,
    ),
    "unclosed-map": Case(
        "name: {en: x\nthemes: [a]\n",
        1,
        7,
        {
            "en": "the map opened with '{' here is not closed with '}'",
            "az": "burada '{' ilə açılan xəritə '}' ilə bağlanmayıb",
            "ru": "набор, открытый здесь скобкой '{', не закрыт скобкой '}'",
        },
        FLOW_HINT,
    ),
    "comma-missing-in-a-map": Case(
        "a: {en: x y: z, ru: w}\n",
        1,
        12,
        {
            "en": "a comma or the closing bracket is missing here",
            "az": "burada vergül və ya bağlayan mötərizə çatışmır",
            "ru": "здесь не хватает запятой или закрывающей скобки",
        },
        FLOW_HINT,
    ),
    "empty-list-item": Case("regions: [a, , b]\n", 1, 14, MISSING_VALUE, MISSING_VALUE_HINT),
    "dash-inside-brackets": Case("a: [- b]\n", 1, 5, MISSING_VALUE, MISSING_VALUE_HINT),
    "value-starting-with-a-bracket": Case("a: ]\n", 1, 4, MISSING_VALUE, MISSING_VALUE_HINT),
    "at-sign": Case("name: @foo\n", 1, 7, cannot_start("@"), QUOTE_HINT),
    "backtick": Case("name: `x`\n", 1, 7, cannot_start("`"), QUOTE_HINT),
    "ampersand": Case("name: A & B\nx: &\n", 2, 4, cannot_start("&"), QUOTE_HINT),
    "star": Case("note: * important\n", 1, 7, cannot_start("*"), QUOTE_HINT),
    "unfinished-tag": Case("note: !<foo bar\n", 1, 7, cannot_start("!"), QUOTE_HINT),
    "unknown-tag-handle": Case("note: !foo!bar x\n", 1, 7, cannot_start("!"), QUOTE_HINT),
    "question-mark": Case("name: x\nkey: ? z\n", 2, 6, cannot_start("?"), QUOTE_HINT),
    "tab-indentation": Case("contacts:\n\temail: a\n", 2, 1, TAB, TAB_HINT),
    "tab-after-a-value": Case("contacts:\n  email: a\n\twebsite: b\n", 3, 1, TAB, TAB_HINT),
    "tab-in-a-text-block": Case("a: |\n  x\n\ty\n", 3, 1, TAB, TAB_HINT),
    "unknown-escape": Case('name: "C:\\path"\n', 1, 10, ESCAPE, ESCAPE_HINT),
    "short-hex-escape": Case('name: "\\x4"\n', 1, 8, ESCAPE, ESCAPE_HINT),
    "surrogate-escape": Case('a: "\\uD800"\n', 1, 5, ESCAPE, ESCAPE_HINT, python=False),
    "text-after-bar": Case(
        "description: | text\n",
        1,
        16,
        {
            "en": "after '|' or '>' the text must start on the next line",
            "az": "'|' və ya '>' işarəsindən sonra mətn növbəti sətirdən başlamalıdır",
            "ru": "после '|' или '>' текст должен начинаться со следующей строки",
        },
        "move the text to the next line, indented further than the field",
    ),
    "zero-indentation-indicator": Case(
        "description: |0\n  text\n",
        1,
        15,
        {
            "en": "a '0' cannot follow '|' or '>'",
            "az": "'|' və ya '>' işarəsindən sonra '0' yazıla bilməz",
            "ru": "после '|' или '>' не может стоять '0'",
        },
        "remove the number after '|' or '>'",
    ),
    "percent-line": Case("name: x\n%50 of them\n", 2, 1, DIRECTIVE, DIRECTIVE_HINT, python=False),
    "tag-directive": Case("%TAG !x!\n---\na: b\n", 1, 1, DIRECTIVE, DIRECTIVE_HINT),
    "incompatible-version": Case("%YAML 2.0\n---\na: b\n", 1, 1, DIRECTIVE, DIRECTIVE_HINT),
    "text-after-document-end": Case("name: x\n...\nfoo\n", 3, 1, AFTER_END, AFTER_END_HINT),
    "file-starting-with-a-list": Case("[a, b]\nname: x\n", 2, 1, AFTER_END, AFTER_END_HINT),
    "noncharacter": Case(
        "name: a\nb: \uffff\n",
        2,
        4,
        {
            "en": "U+FFFF is not allowed",
            "az": "U+FFFF simvoluna icazə verilmir",
            "ru": "символ U+FFFF не допускается",
        },
        "delete it: invisible characters can disguise names and links",
    ),
}


def problem_of(text: str) -> Problem:
    doc, problems = load_bytes(text.encode("utf-8"), FILE)
    assert doc is None and len(problems) == 1, [str(p) for p in problems]
    return problems[0]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_mistake_gets_our_message_where_it_is(case: Case, language: str) -> None:
    problem = problem_of(case.text)
    hint = translations(language).gettext(case.hint)
    assert (problem.line, problem.column) == (case.line, case.column)
    assert problem.text(language) == f"{PREFIX[language]}{case.messages[language]} ({hint})"
    if language != "en":
        assert hint != case.hint


PYTHON_CASES = {name: case for name, case in CASES.items() if case.python}


@pytest.mark.parametrize("case", PYTHON_CASES.values(), ids=PYTHON_CASES.keys())
def test_the_python_parser_gives_the_same_message(case: Case) -> None:
    """PyYAML's own scanner and parser word their errors differently; the table maps them to the
    same message at the same place."""
    with pytest.raises(yaml.YAMLError) as raised:
        for _ in yaml.parse(case.text, Loader=yaml.SafeLoader):
            pass
    problem = syntax.syntax_problem(FILE, case.text, raised.value)
    assert (problem.line, problem.column, problem.text("en")) == (
        case.line,
        case.column,
        f"{PREFIX['en']}{case.messages['en']} ({case.hint})",
    )


def test_the_cases_reach_the_messages_mistakes_meet() -> None:
    """The cases above reach 21 of the table's messages; the others are for constructs records
    never use (directives' details, tags' URIs, UTF-16, the composers) or for what no parser says
    today."""
    seen = set()
    for case in CASES.values():
        message = problem_of(case.text).message_id
        assert message is not None and isinstance(message.params["error"], Message)
        seen.add(message.params["error"].template)
    assert len(seen) == 21


# --- what the table does not know -----------------------------------------------------------------


def _mark(text: str, offset: int) -> yaml.Mark:
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return yaml.Mark(FILE, offset, line, column, text, offset)


def test_an_unknown_problem_gets_the_generic_message() -> None:
    text = "name: x\nregions: y\n"
    error = yaml.scanner.ScannerError(
        "while doing something new",
        _mark(text, 8),
        "found a problem no parser reports today",
        _mark(text, 10),
    )
    problem = syntax.syntax_problem(FILE, text, error)
    assert (problem.line, problem.column) == (2, 3)
    assert problem.text("az") == (
        "YAML sintaksis xətası: YAML bu sətri oxuya bilmir "
        "(bu və əvvəlki sətirdə girintiləri və dırnaqları yoxlayın)"
    )
    assert problem.text("ru") == (
        "синтаксическая ошибка YAML: YAML не может прочитать эту строку "
        "(проверьте отступы и кавычки в этой и предыдущей строке)"
    )


def test_an_unknown_problem_in_a_known_construct_names_the_construct() -> None:
    text = 'name: "x\n'
    error = yaml.scanner.ScannerError(
        "while scanning a quoted scalar", _mark(text, 6), "found something new", _mark(text, 9)
    )
    problem = syntax.syntax_problem(FILE, text, error)
    assert (problem.line, problem.column) == (1, 7)
    assert problem.text("ru").startswith(
        "синтаксическая ошибка YAML: YAML не может прочитать значение в кавычках, которое начинается здесь ("
    )


# --- no parser English in any message -------------------------------------------------------------


def _english_fragments() -> list[str]:
    """The fixed parts of every parser message, long enough not to be ordinary words."""
    fragments = set()
    for text in LIBYAML_PROBLEMS + LIBYAML_CONTEXTS + pyyaml_messages():
        for part in text.replace("%r", "\0").replace("%s", "\0").replace("%d", "\0").split("\0"):
            if len(part.strip()) >= 12:
                fragments.add(part.strip())
    return sorted(fragments)


SPECIALS = [":", ": ", "-", "- ", "[", "]", "{", "}", ",", "'", '"', "\t", "  ", "\n", "|", ">", "&", "*"]
SPECIALS += ["!", "?", "%", "@", "`", "#", "\\", '"\\q', "...", "---", "\n---\n", "\n  ", "\n- ", "\uffff"]


def broken_documents(count: int) -> list[str]:
    """The sample records, each broken a few times at random places (the same each run)."""
    rng = random.Random(2026)  # noqa: S311 (a repeatable sample, not a secret)
    records = sorted((ROOT / "ngo_data").rglob("*.yaml"))
    texts = [path.read_text("utf-8")[:2000] for path in records]
    documents = [case.text for case in CASES.values()]
    while len(documents) < count:
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.2:
                text = text[:at] + text[at + rng.randint(1, 3) :]
            else:
                text = text[:at] + rng.choice(SPECIALS) + text[at:]
        documents.append(text)
    return documents


def test_no_parser_english_in_any_language() -> None:
    fragments = _english_fragments()
    assert "cannot start any token" in " ".join(fragments)
    leaks, syntax_errors = [], 0
    for text in broken_documents(600):
        _, problems = load_bytes(text.encode("utf-8"), FILE)
        for problem in problems:
            syntax_errors += problem.message.startswith(PREFIX["en"])
            for language in LANGUAGES:
                shown = problem.localized(language)
                leaks += [(language, fragment, shown) for fragment in fragments if fragment in shown]
    assert leaks == []
    assert syntax_errors > 200
