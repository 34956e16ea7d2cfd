"""A new record file with every field of its kind: ``ngo-directory new ngo "Name"``.

Values only the contributor knows are written as placeholders starting with REPLACE, which
``validate`` refuses, naming each field and its line, until they are filled in. Optional fields
are listed commented out, with an example, so the file is valid YAML as written."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..i18n import N_, translations
from ..problems import INVISIBLE, Message, printable
from ..records.formats import is_http_url
from ..records.loader import load_bytes, load_file
from ..records.moment import today
from ..records.sources import display
from ..records.validate import PLACEHOLDER, RECORD_FOLDERS
from ..schema import load_schema
from ..settings import DEFAULTS, LOGIN, reserved_names
from ..text.translit import SLUG, slugify

LOGIN_PLACEHOLDER = f"{PLACEHOLDER}-your-github-login"
SCHEMA_PATH = "../../src/ngo_directory/schema/{kind}.schema.json"
# Where the comments start, so that they line up as in the README's examples.
COMMENT_COLUMN = 38
_UNPRINTABLE = re.compile(f"[{INVISIBLE}\t\n\r]")


class ScaffoldError(ValueError):
    """The record cannot be created; the message says why and what to do instead."""


@dataclass(frozen=True)
class Scaffold:
    """A record written by ``new_record``: where it is and its slug."""

    path: Path
    file: str
    slug: str
    kind: str


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when YAML reads it back as the same text, else
    double-quoted (JSON's quoting is valid YAML)."""
    try:
        plain = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain = False
    return value if plain and value == value.strip() else json.dumps(value, ensure_ascii=False)


def _line(text: str, comment: str = "") -> str:
    if not comment:
        return text
    return (
        f"{text.ljust(COMMENT_COLUMN - 1)} # {comment}"
        if len(text) < COMMENT_COLUMN - 1
        else f"{text}  # {comment}"
    )


class _Comments:
    """The comments of a new record in one language: each text is a catalog message, translated
    here; slugs, field names and examples stay as written."""

    def __init__(self, language: str):
        self.gettext = translations(language).gettext

    def __call__(self, text: str, **params: str) -> str:
        translated = str(self.gettext(text))
        return translated % params if params else translated

    def choices(self, values: list[Any]) -> str:
        """'a, b or c' with the language's 'or'."""
        names = [str(v) for v in values]
        if len(names) == 1:
            return names[0]
        return self(N_("%(first)s or %(second)s"), first=", ".join(names[:-1]), second=names[-1])


def _vocabulary(data_path: Path, name: str) -> list[str]:
    """The slugs of regions.yaml, themes.yaml or series.yaml, to name a few in a comment; none if
    unreadable."""
    doc, _ = load_file(data_path / f"{name}.yaml", f"{name}.yaml")
    return [str(slug) for slug in doc.data] if doc is not None and isinstance(doc.data, dict) else []


def _such_as(slugs: list[str], fallback: str) -> str:
    if not slugs:
        return fallback
    shown = ", ".join(slugs[:4])
    return shown + (", ..." if len(slugs) > 4 else "")


# What the description of each kind says, and its placeholder in each record language.
_DESCRIPTIONS = {
    "ngo": N_("what the NGO does"),
    "partner": N_("what the partner does here"),
    "programme": N_("what the programme does"),
}
_IN_LANGUAGE = {
    "az": N_("%(what)s, in Azerbaijani"),
    "ru": N_("%(what)s, in Russian"),
    "en": N_("%(what)s, in English"),
}
_HEADERS = {
    "ngo": N_("This file describes an NGO; README.md (Records) explains every field."),
    "partner": N_("This file describes a partner; README.md (Records) explains every field."),
    "meeting": N_("This file describes a meeting; README.md (Records) explains every field."),
    "programme": N_("This file describes a programme; README.md (Records) explains every field."),
}


def _texts(t: _Comments, kind: str) -> list[str]:
    """A Markdown description with a placeholder in each record language."""
    lines = [_line("description:", t(N_("Markdown; delete a language you cannot write")))]
    for code in ("az", "ru", "en"):
        lines += [f"  {code}: |", f"    {PLACEHOLDER}: " + t(_IN_LANGUAGE[code], what=t(_DESCRIPTIONS[kind]))]
    return lines


def _contacts(t: _Comments, prefix: str) -> list[str]:
    common = load_schema("common")["definitions"]
    phone_types = common["phone"]["properties"]["type"]["enum"]
    networks = common["contacts"]["properties"]["social"]["items"]["properties"]["network"]["enum"]
    return [
        _line(f"{prefix}contacts:"),
        _line(
            f'{prefix}  phones: [{{type: office, number: "+994 12 555 03 03", note: {{en: Reception}}}}]',
            f"type: {t.choices(phone_types)}",
        ),
        _line(f"{prefix}  email: info@example.org"),
        _line(f"{prefix}  website: https://example.org"),
        _line(
            f'{prefix}  social: [{{network: facebook, url: "https://www.facebook.com/example"}}]',
            f"network: {t.choices(networks)}",
        ),
    ]


def _locations(t: _Comments, regions: list[str]) -> list[str]:
    region = "ganja" if "ganja" in regions or not regions else regions[0]
    return [
        _line("# locations:", t(N_("as many offices or centres as it runs"))),
        _line("#   - name: {en: Main centre}"),
        _line("#     address: {en: 12 Example Street}"),
        _line("#     city: Gəncə"),
        _line(f"#     region: {region}", t(N_("a slug from regions.yaml"))),
        _line("#     services: [{en: Internet access}, {en: Computer courses}]"),
        _line('#     opening_hours: {en: "Monday to Friday, 09:00-18:00"}'),
        _line('#     phones: [{type: office, number: "+994 22 256 00 00"}]'),
    ]


def record_text(
    kind: str,
    name: str,
    *,
    maintainer: str | None = None,
    day: dt.date | None = None,
    schema_url: str | None = None,
    regions: list[str] | None = None,
    themes: list[str] | None = None,
    series: list[str] | None = None,
    language: str = "en",
) -> str:
    """The text of a new record of ``kind`` called ``name``, its comments in ``language``. Every
    language gives the same lines with the same values, so ``validate`` reports the same problems
    at the same places whatever the language."""
    t = _Comments(language)
    day = day or today()
    date = f'"{day.isoformat()}"'
    next_day = (day + dt.timedelta(days=1)).isoformat()
    modeline = f"{schema_url.rstrip('/')}/{kind}.schema.json" if schema_url else SCHEMA_PATH.format(kind=kind)
    regions, themes = regions or [], themes or []
    region_examples = _such_as(regions, "baku, ganja, ...")
    region_hint = t(N_("slugs from regions.yaml: %(examples)s"), examples=region_examples)
    theme_hint = t(
        N_("slugs from themes.yaml: %(examples)s"), examples=_such_as(themes, "education, youth, ...")
    )
    who = maintainer or LOGIN_PLACEHOLDER
    # Three lines of comment whatever the language, so that every field keeps its line number.
    lines = [
        f"# yaml-language-server: $schema={modeline}",
        "# " + t(_HEADERS[kind]),
        "# "
        + t(
            N_(
                "Replace each %(placeholder)s value. Under Optional, delete the '# ' before each field "
                "you can fill in, and delete the rest."
            ),
            placeholder=PLACEHOLDER,
        ),
        "# " + t(N_("Run `make validate` (or `ngo-directory validate`) until it reports no problem.")),
        "",
    ]
    optional = "# " + t(N_("Optional"))
    checked = t(N_("when someone last checked the facts"))
    markdown = t(N_("Markdown"))
    maintainers = _line(f"maintainers: [{who}]", t(N_("GitHub logins allowed to edit this record")))
    verified = _line(f"last_verified: {date}", checked)
    updated = _line(
        f'# updated: "{next_day} 09:30"', t(N_("when it last changed for subscribers (Baku time)"))
    )
    # Who keeps an NGO, partner or programme, and since when it is published.
    published = [
        maintainers,
        verified,
        _line(f"added: {date}", t(N_("when the record was first published here"))),
    ]
    translated_title = t(N_("or translated: {az: ..., ru: ..., en: ...}"))
    translated_name = t(N_("as it spells itself, or {az: ..., ru: ..., en: ...}"))
    if kind == "meeting":
        meeting = load_schema("meeting")["properties"]
        local_time = t(N_("local time where it is held"))
        lines += [
            _line(f"title: {scalar(name)}", translated_title),
            _line(f'start: "{PLACEHOLDER}: YYYY-MM-DD or YYYY-MM-DD HH:MM"', local_time),
            _line("status: scheduled", t.choices(meeting["status"]["enum"])),
            "venue:",
            _line(
                f"  region: {PLACEHOLDER}",
                t(N_("a slug from regions.yaml: %(examples)s"), examples=region_examples),
            ),
            _line("  # name: {en: Youth Centre hall}"),
            _line("  # address: {en: 12 Example Street}"),
            _line("  # city: Gəncə"),
            _line(f"organisers: [{PLACEHOLDER}]", t(N_("slugs of the NGOs or partners who call and run it"))),
            maintainers,
            _line(f"added: {date}", t(N_("when the meeting was announced here"))),
            "",
            optional,
            _line('# end: "2026-12-06 17:00"', t(N_("written like start"))),
            _line("# timezone: Asia/Baku", t(N_("IANA time zone of start and end (default Asia/Baku)"))),
            _line("# co_organisers: []", t(N_("each role lists slugs, or {name: ...} for others"))),
            _line("# hosts: []", t(N_("who receive it on their premises"))),
            _line("# funders: []", t(N_("who pay for it"))),
            _line("# presenters: []", t(N_("who present their work or programmes"))),
            _line("# participants: [{name: {en: Teachers from Sheki}}]", t(N_("who take part"))),
            _line("# observers: [{name: {en: Local media}}]", t(N_("who attend without taking part"))),
            _line("# registration:", t(N_("how to take part; open registration needs url, email or phone"))),
            _line("#   status: open", t(N_("or closed, or invitation"))),
            _line('#   deadline: "2026-12-01 18:00"', t(N_("local time where it is held; or a day"))),
            _line("#   url: https://example.org/register"),
            _line("#   email: register@example.org"),
            _line('#   phone: "+994 12 555 03 03"'),
            _line("#   capacity: 40", t(N_("places"))),
            _line("#   cost: {en: Free}"),
            _line("#   languages: [az, en]", t(N_("working languages"))),
            _line("#   accessibility: {en: Step-free entrance.}"),
            _line(f"# themes: [{themes[0] if themes else 'education'}]", theme_hint),
            _line("# agenda: {en: Introductions; workshops; questions.}", markdown),
            _line("# outcome: {en: A network of youth centres.}", t(N_("Markdown, once it is held"))),
            _line("# report: {en: What was decided and who does what next.}", t(N_("Markdown: the report"))),
            _line(
                "# report_url: https://example.org/report.pdf",
                t(N_("the report as a document; next: the slug of the meeting that follows it up")),
            ),
            _line(
                f"# series: {series[0] if series else 'regional-ngo-meetings'}",
                t(
                    N_("slugs from series.yaml: %(examples)s"),
                    examples=_such_as(series or [], t(N_("add the series there first"))),
                ),
            ),
            _line(f"# last_verified: {date}", checked),
            updated,
            _line("# changes:", t(N_("announced to subscribers, oldest first"))),
            _line(f'#   - date: "{next_day} 09:00"'),
            _line("#     status: scheduled", t(N_("optional: the status it sets (postponed, cancelled...)"))),
            _line("#     note: {en: The meeting moves to the afternoon.}"),
            _line(
                f'#     previous_start: "{next_day} 10:00"',
                t(N_("when it moves the meeting: the start it had, as start is written")),
            ),
        ]
        return "\n".join(lines) + "\n"
    a_year = t(N_("a year"))
    if kind == "ngo":
        lines += [
            _line(f"name: {scalar(name)}", translated_name),
            *_texts(t, kind),
            _line(f"regions: [{PLACEHOLDER}]", region_hint),
            _line(f"themes: [{PLACEHOLDER}]", theme_hint),
            *published,
            "",
            optional,
            _line("# acronym: GGM"),
            _line("# other_names: [Ganja Youth Center]", t(N_("other spellings people search for"))),
            _line("# founded: 2004", a_year),
            _line("# legal_form: {en: Public union}"),
            _line("# registration:", t(N_("as on the registration certificate"))),
            _line('#   number: "1400123"'),
            _line("#   year: 2004"),
            _line('#   date: "2004-05-12"'),
            _line("#   authority: {en: Ministry of Justice}"),
            *_locations(t, regions),
            *_contacts(t, "# "),
            _line("# languages: [az, ru, en]", t(N_("languages spoken, ISO 639-1 codes"))),
            _line("# partners: []", t(N_("slugs of the partners it works with"))),
            _line("# funders: []", t(N_("slugs of the partners who fund it"))),
            updated,
        ]
        return "\n".join(lines) + "\n"
    where_it_works = t(N_("where it works: slugs from regions.yaml: %(examples)s"), examples=region_examples)
    if kind == "programme":
        programme = load_schema("programme")["properties"]
        result = programme["results"]["items"]["properties"]
        lines += [
            _line(f"title: {scalar(name)}", translated_title),
            *_texts(t, kind),
            _line(f"regions: [{PLACEHOLDER}]", where_it_works),
            _line(f"themes: [{PLACEHOLDER}]", theme_hint),
            *published,
            "",
            optional,
            _line("# acronym: TAG"),
            _line("# other_names: [{en: Tech Age Girls}]", t(N_("other names people search for"))),
            _line("# status: active", t.choices(programme["status"]["enum"])),
            _line("# start_year: 2008"),
            _line("# end_year: 2012"),
            _line("# funding: []", t(N_("IATI roles: slugs, or {name: ...} for others; who pays"))),
            _line("# accountable: []", t(N_("who answers for it"))),
            _line("# extending: []", t(N_("who manages the money for the funder"))),
            _line("# implementing: []", t(N_("who does the work"))),
            _line("# results:", t(N_("figures the sources give, each with its unit"))),
            _line("#   - value: 19"),
            _line("#     qualifier: more-than", t.choices(result["qualifier"]["enum"])),
            _line("#     unit: {en: centres}"),
            _line("#     period: {en: in three months}"),
            _line('#     as_of: "2011-02"', t(N_("a year, a month or a day"))),
            _line("#     source: https://example.org/report.pdf"),
            _line("# links:"),
            _line("#   - url: https://example.org/programme"),
            _line("#     title: {en: The programme's site}"),
            updated,
        ]
        return "\n".join(lines) + "\n"
    partner = load_schema("partner")["properties"]
    lines += [
        _line(f"name: {scalar(name)}", translated_name),
        _line(f"type: {PLACEHOLDER}", t.choices(partner["type"]["enum"])),
        *_texts(t, kind),
        *published,
        "",
        optional,
        _line("# acronym: ISAR"),
        _line("# other_names: [Initiative for Social Action and Renewal in Eurasia]"),
        _line("# headquarters_country: US", t(N_("ISO 3166 code, in capitals"))),
        _line("# founded: 1991", a_year),
        _line("# website: https://example.org"),
        *_contacts(t, "# "),
        *_locations(t, regions),
        _line(f"# regions: [{regions[0] if regions else 'baku'}]", where_it_works),
        _line(f"# themes: [{themes[0] if themes else 'education'}]", theme_hint),
        _line("# offers: [grants, training]", t.choices(partner["offers"]["items"]["enum"])),
        _line(
            "# offers_details: {en: Small grants for youth centres.}",
            t(N_("Markdown: what, and how to apply")),
        ),
        _line("# funders: []", t(N_("slugs of the partners who fund its work here"))),
        updated,
    ]
    return "\n".join(lines) + "\n"


def check_name(name: str) -> str:
    """The name, stripped, or ScaffoldError when it cannot be a record's name."""
    stripped = name.strip()
    if not stripped:
        raise ScaffoldError(Message(N_("the name is empty: write the organisation's or meeting's name")))
    if _UNPRINTABLE.search(stripped):
        raise ScaffoldError(
            Message(
                N_(
                    "the name '%(name)s' holds a line break or an invisible character: "
                    "write it on one line, as plain text"
                ),
                name=printable(stripped),
            )
        )
    if len(stripped) > 200:
        raise ScaffoldError(
            Message(
                N_("the name is %(length)s characters, over the limit of %(limit)s: shorten it"),
                length=len(stripped),
                limit=200,
            )
        )
    return stripped


def check_slug(data_path: Path, slug: str, reserved: frozenset[str] | None = None) -> None:
    """ScaffoldError when ``slug`` is not a slug, is reserved (by default, by the default
    settings), or names a record of any kind already, whatever its case."""
    if not SLUG.fullmatch(slug) or len(slug) > 80:
        raise ScaffoldError(
            Message(
                N_(
                    "'%(slug)s' is not a slug: use lowercase letters a-z, digits and single hyphens "
                    "(at most %(limit)s characters)"
                ),
                slug=printable(slug),
                limit=80,
            )
        )
    if slug in (reserved_names(DEFAULTS) if reserved is None else reserved):
        raise ScaffoldError(
            Message(
                N_(
                    "'%(slug)s' is a reserved name: the site uses it for its own pages "
                    "(choose a more specific name, or give one with --slug)"
                ),
                slug=slug,
            )
        )
    for folder in RECORD_FOLDERS.values():
        directory = data_path / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            if path.name.casefold() == f"{slug}.yaml".casefold():
                raise ScaffoldError(
                    Message(
                        N_(
                            "'%(slug)s' is already used by %(file)s: every record needs "
                            "its own file name, whatever the case "
                            "(edit that record, or give another name with --slug)"
                        ),
                        slug=slug,
                        file=display(path, data_path.parent),
                    )
                )


def new_record(
    data_path: Path,
    kind: str,
    name: str,
    *,
    maintainer: str | None = None,
    slug: str | None = None,
    day: dt.date | None = None,
    schema_url: str | None = None,
    reserved: frozenset[str] | None = None,
    language: str = "en",
) -> Scaffold:
    """Write ``<data_path>/<kind folder>/<slug>.yaml`` for a new record, its comments in
    ``language``; ScaffoldError if it cannot be written (the name, login, slug or address is
    unusable, or the slug is taken)."""
    if kind not in RECORD_FOLDERS:
        raise ScaffoldError(
            Message(N_("unknown kind '%(kind)s': use ngo, partner or meeting"), kind=printable(kind))
        )
    name = check_name(name)
    if maintainer is not None and not LOGIN.fullmatch(maintainer):
        raise ScaffoldError(
            Message(
                N_(
                    "'%(login)s' is not a GitHub login: letters, digits and single hyphens, "
                    "at most 39 characters, without '@'"
                ),
                login=printable(maintainer),
            )
        )
    if schema_url is not None and not is_http_url(schema_url):
        raise ScaffoldError(
            Message(
                N_(
                    "'%(url)s' is not a web address: give the folder of the published schemas, "
                    "such as %(example)s"
                ),
                url=printable(schema_url),
                example="https://ngo.example.org/schemas/",
            )
        )
    if slug is None:
        slug = slugify(name, fallback="")
        if not slug:
            raise ScaffoldError(
                Message(N_("no slug can be made from '%(name)s': give one with --slug"), name=printable(name))
            )
    check_slug(data_path, slug, reserved)
    text = record_text(
        kind,
        name,
        maintainer=maintainer,
        day=day,
        schema_url=schema_url,
        regions=_vocabulary(data_path, "regions"),
        themes=_vocabulary(data_path, "themes"),
        series=_vocabulary(data_path, "series") if (data_path / "series.yaml").is_file() else [],
        language=language,
    )
    path = data_path / RECORD_FOLDERS[kind] / f"{slug}.yaml"
    file = display(path, data_path.parent)
    doc, problems = load_bytes(text.encode("utf-8"), file)
    if doc is None:  # the name passed every check above, so this is a bug, not a user error
        raise AssertionError("; ".join(str(p) for p in problems))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as out:  # never overwrite
        out.write(text)
    return Scaffold(path, file, slug, kind)


def next_steps(scaffold: Scaffold, language: str = "en") -> str:
    """What to do after ``new``, in ``language``."""
    url = str(DEFAULTS[f"{scaffold.kind.upper()}_URL"]).format(slug=scaffold.slug)
    gettext = translations(language).gettext
    return "\n".join(
        [
            gettext("Wrote %(file)s; once published, its page is %(page)s")
            % {"file": scaffold.file, "page": f"/{url}"},
            gettext("Next:"),
            "  1. "
            + gettext(
                "Fill in every %(placeholder)s value in it; uncomment the optional fields you can fill in."
            )
            % {"placeholder": PLACEHOLDER},
            "  2. "
            + gettext("Run `make validate` (or `ngo-directory validate`) until it reports no problem."),
            "  3. " + gettext("Open a pull request that adds %(file)s.") % {"file": scaffold.file},
        ]
    )
