"""Turn an issue submitted with the "Add or update an NGO" form into an NGO record.

GitHub renders a submitted issue form as Markdown: each field is a ``### <label>`` heading, a
blank line and the answer (``_No response_`` when an optional field was left empty); a dropdown
gives the chosen options joined with ", ", a checkbox ``- [X] <label>``. The body holds labels,
not field ids, so ``FIELDS`` below is the one table of ids and labels: the form
(``.github/ISSUE_TEMPLATE/add-or-update-ngo.yml``) must use exactly these labels, and a test
checks that it does.

Every value is written as a double-quoted YAML string with escapes (or, for a multi-line text
that needs no escape, as a literal block checked by reading it back), so nothing an issue holds
can change the record's structure; control and invisible characters are written as escapes,
which the loader then reports at their field.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
import tempfile
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
import yaml

from ..i18n import N_, RECORD_LANGUAGES
from ..problems import INVISIBLE, Message, Problem
from ..records.formats import PHONE_REGION
from ..records.loader import load_file
from ..records.models import DEFAULT_TIMEZONE
from ..text.translit import slugify

MODELINE = "# yaml-language-server: $schema=../../src/ngo_directory/schema/ngo.schema.json"
NO_RESPONSE = "_No response_"
FALLBACK_SLUG = "unnamed-ngo"


@dataclass(frozen=True)
class Field:
    """One field of the issue form: its id in the form, its label (the heading in the body:
    the Azerbaijani, Russian and English labels joined with ' · ') and its type there."""

    id: str
    labels: tuple[str, str, str]
    type: str

    @property
    def label(self) -> str:
        return SEPARATOR.join(self.labels)


SEPARATOR = " · "
FIELDS: tuple[Field, ...] = (
    Field(
        "existing",
        (
            "Yeniləmə üçün: mövcud səhifə",
            "Для обновления: существующая страница",
            "For an update: the existing page",
        ),
        "input",
    ),
    Field("name", ("Təşkilatın adı", "Название организации", "Name of the organisation"), "input"),
    Field("name_az", ("Ad azərbaycanca", "Название на азербайджанском", "Name in Azerbaijani"), "input"),
    Field("name_ru", ("Ad rusca", "Название на русском", "Name in Russian"), "input"),
    Field("name_en", ("Ad ingiliscə", "Название на английском", "Name in English"), "input"),
    Field("acronym", ("Qısaltma", "Аббревиатура", "Acronym"), "input"),
    Field(
        "description_az",
        ("Təsvir azərbaycanca", "Описание на азербайджанском", "Description in Azerbaijani"),
        "textarea",
    ),
    Field("description_ru", ("Təsvir rusca", "Описание на русском", "Description in Russian"), "textarea"),
    Field(
        "description_en", ("Təsvir ingiliscə", "Описание на английском", "Description in English"), "textarea"
    ),
    Field("legal_form", ("Hüquqi forma", "Организационно-правовая форма", "Legal form"), "dropdown"),
    Field("founded", ("Təsis ili", "Год основания", "Year founded"), "input"),
    Field("regions", ("Fəaliyyət bölgələri", "Регионы работы", "Regions where you work"), "dropdown"),
    Field("themes", ("Mövzular", "Темы", "Themes"), "dropdown"),
    Field("address", ("Ünvan", "Адрес", "Address"), "textarea"),
    Field("city", ("Şəhər və ya kənd", "Город или село", "City or village"), "input"),
    Field("location_region", ("Ünvanın bölgəsi", "Регион адреса", "Region of the address"), "dropdown"),
    Field("phones", ("Telefonlar", "Телефоны", "Phone numbers"), "textarea"),
    Field("email", ("E-poçt", "Эл. почта", "E-mail"), "input"),
    Field("website", ("Veb-sayt", "Веб-сайт", "Website"), "input"),
    Field("social", ("Sosial şəbəkələr", "Социальные сети", "Social media"), "textarea"),
    Field(
        "maintainers",
        ("Redaktorların GitHub adları", "Логины редакторов на GitHub", "Maintainers' GitHub logins"),
        "input",
    ),
    Field("notes", ("Mənbələr və qeydlər", "Источники и примечания", "Sources and notes"), "textarea"),
    Field("confirm", ("Təsdiq", "Подтверждение", "Confirmation"), "checkboxes"),
)
LABELS: dict[str, str] = {f.id: f.label for f in FIELDS}
_BY_LABEL: dict[str, Field] = {f.label: f for f in FIELDS}

CONFIRMATION = (
    "Bu məlumatı təşkilatın adından dərc etməyə icazəm var · "
    "Я вправе опубликовать эти сведения от имени организации · "
    "I may publish this information on behalf of the organisation"
)
# The legal forms of Azerbaijani NGOs the form offers, each an option "az · ru · en" that
# becomes the record's legal_form map; "Other" writes nothing (say which in the notes).
LEGAL_FORMS: tuple[tuple[str, str, str], ...] = (
    ("İctimai birlik", "Общественное объединение", "Public union"),
    ("Fond", "Фонд", "Foundation"),
    ("Hüquqi şəxslərin ittifaqı", "Союз юридических лиц", "Union of legal entities"),
    ("Qeyri-kommersiya təşkilatı", "Некоммерческая организация", "Non-profit organisation"),
)
OTHER_LEGAL_FORM = "Digər · Другое · Other"
# Where the record's location is, when the issue gives an address or a city.
LOCATION_NAME = {"az": "Əsas ofis", "ru": "Главный офис", "en": "Main office"}
SOCIAL_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "instagram.com": "instagram",
    "x.com": "x",
    "twitter.com": "x",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "linkedin.com": "linkedin",
    "vk.com": "vk",
}
MAX_BODY_BYTES = 1024 * 1024


def legal_form_options() -> list[str]:
    """The legal-form dropdown's options, as the form must list them."""
    return [SEPARATOR.join(names) for names in LEGAL_FORMS] + [OTHER_LEGAL_FORM]


def vocabulary_option(slug: str, entry: Any) -> str:
    """A region's or theme's dropdown option: its names in az, ru and en, then its slug in
    parentheses, which is what the parser keeps: 'Gəncə · Гянджа · Ganja (ganja)'."""
    names = entry.get("name") if isinstance(entry, dict) else None
    shown = [names[lang] for lang in RECORD_LANGUAGES if isinstance(names, dict) and names.get(lang)]
    return f"{SEPARATOR.join(shown) or slug} ({slug})"


def vocabulary_options(path: Path) -> list[str]:
    """Every entry of a vocabulary file (regions.yaml, themes.yaml) as a dropdown option."""
    doc, problems = load_file(path, path.name)
    if doc is None or not isinstance(doc.data, dict):
        raise ValueError("; ".join(str(p) for p in problems) or f"{path} is not a vocabulary")
    return [vocabulary_option(slug, entry) for slug, entry in doc.data.items()]


def record_date(value: str | None, time_zone: str = DEFAULT_TIMEZONE) -> dt.date:
    """The date written as 'added' and 'last_verified': ``value`` (YYYY-MM-DD), or today in
    ``time_zone`` (NGO_DIRECTORY_TIME_ZONE). Raises ValueError on anything else."""
    if value is None:
        return dt.datetime.now(zoneinfo.ZoneInfo(time_zone)).date()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
    return dt.date.fromisoformat(value)


# --- Reading the issue body -------------------------------------------------------------------


@dataclass
class Answers:
    """The answers found in an issue body, by field id, with the line each heading is on."""

    file: str
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, field_id: str) -> str:
        """The answer, or '' when the field is absent or was left empty."""
        return self.values.get(field_id, "")


def read_body(raw: bytes, file: str) -> Answers:
    """Split an issue body into the form's answers. Only a line that is exactly ``### `` and
    one of the form's labels starts a field, so a description may use headings of its own."""
    answers = Answers(file)
    if len(raw) > MAX_BODY_BYTES:
        answers.problems.append(
            Problem(
                file,
                1,
                1,
                "",
                Message(
                    N_("the issue is %(size)s bytes, over the limit of %(limit)s"),
                    size=f"{len(raw):,}",
                    limit=f"{MAX_BODY_BYTES:,}",
                ),
            )
        )
        return answers
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        answers.problems.append(
            Problem(
                file,
                1,
                1,
                "",
                Message(N_("the issue is not valid UTF-8 (at byte %(byte)s)"), byte=f"{error.start:,}"),
                Message(N_("save it as UTF-8")),
            )
        )
        return answers
    text = text.replace("\r\n", "\n")
    current: Field | None = None
    chunks: dict[str, list[str]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        found = _BY_LABEL.get(line[4:].strip()) if line.startswith("### ") else None
        if found is None:
            if current is not None:
                chunks[current.id].append(line)
            continue
        if found.id in chunks:
            answers.problems.append(
                Problem(
                    file,
                    number,
                    1,
                    found.id,
                    Message(
                        N_("the heading '%(heading)s' appears again (first on line %(line)s)"),
                        heading=f"### {found.label}",
                        line=answers.lines[found.id],
                    ),
                    Message(N_("keep one answer under each heading; this one is ignored")),
                )
            )
            current = None
            continue
        current = found
        chunks[found.id] = []
        answers.lines[found.id] = number
    for field_id, lines in chunks.items():
        kind = _field(field_id).type
        if kind == "textarea":  # trailing spaces would turn a readable block into one quoted line
            lines = [line.rstrip() for line in lines]
        value = "\n".join(lines).strip()
        if value == NO_RESPONSE or (kind == "dropdown" and value == "None"):
            value = ""
        answers.values[field_id] = value
    if not chunks and not answers.problems:
        answers.problems.append(
            Problem(
                file,
                1,
                1,
                "",
                Message(N_("no field of the NGO form was found in the issue")),
                Message(N_("open the issue with the 'Add or update an NGO' form")),
            )
        )
    confirmed = re.search(r"^- \[[xX]\] " + re.escape(CONFIRMATION) + r"\s*$", answers.get("confirm"), re.M)
    if chunks and not confirmed:
        answers.problems.append(
            Problem(
                file,
                answers.lines.get("confirm", 1),
                1,
                "confirm",
                Message(N_("the box '%(box)s' is not ticked"), box=CONFIRMATION.split(SEPARATOR)[-1]),
                Message(N_("the directory publishes an organisation's details only with its agreement")),
            )
        )
    return answers


def _field(field_id: str) -> Field:
    return next(f for f in FIELDS if f.id == field_id)


# --- Building the record ----------------------------------------------------------------------

_ESCAPE_NEEDED = re.compile(f"[{INVISIBLE}\r]")
_YAML_PRINTABLE = re.compile("[\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def quote(value: str) -> str:
    """``value`` as a double-quoted YAML scalar: backslash, quote, line breaks, tabs, and every
    control, invisible or non-printable character written as an escape."""
    out = ['"']
    for char in value:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif _ESCAPE_NEEDED.match(char) or not _YAML_PRINTABLE.match(char):
            code = ord(char)
            if code < 0x100:
                out.append(f"\\x{code:02X}")
            else:
                out.append(f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def word(value: str) -> str:
    """A slug or login written plainly when YAML can only read it as that text, else quoted."""
    return value if _PLAIN.match(value) and value.lower() not in _YAML11_WORDS else quote(value)


def _block(value: str, indent: int) -> str | None:
    """A literal block ('|') for multi-line text, when it needs no escape and reads back the
    same; None otherwise."""
    if "\n" not in value or _ESCAPE_NEEDED.search(value) or not all(map(_YAML_PRINTABLE.match, value)):
        return None
    pad = " " * indent
    lines = [pad + line if line.strip() else "" for line in value.split("\n")]
    block = "|\n" + "\n".join(lines)
    try:
        back = yaml.safe_load("k: " + block + "\n")
    except yaml.YAMLError:
        return None
    if back != {"k": value + "\n"}:
        return None
    return block


def _text(value: str, indent: int) -> str:
    return _block(value, indent) or quote(value)


def _flow(values: Iterable[str]) -> str:
    return "[" + ", ".join(word(v) for v in values) + "]"


def _split(value: str, pattern: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in re.split(pattern, value) if part.strip()))


def _vocabulary_slugs(value: str) -> list[str]:
    """A dropdown's answer: options joined with ', '; an option's slug is in parentheses at its
    end. Anything else is kept as written, for the validator to report with suggestions."""
    slugs = []
    for item in _split(value, r",|\n"):
        match = re.search(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)$", item)
        slugs.append(match.group(1) if match else item)
    return list(dict.fromkeys(slugs))


def _login(value: str) -> str:
    match = re.fullmatch(r"(?:https?://)?(?:www\.)?github\.com/([^/?#]+)/?", value, re.I)
    return match.group(1) if match else value.removeprefix("@")


def maintainers(value: str, author: str | None, current: Sequence[str] = ()) -> list[str]:
    """The record's current maintainers (an update never drops one: only they decide that, in
    a pull request of their own), then the logins from the form (separated by commas or spaces,
    '@' and github.com addresses allowed), then the issue's author; each login once, whatever
    its case."""
    found: dict[str, str] = {}
    logins = [*current, *(_login(v) for v in _split(value, r"[,;\s]+")), *([author] if author else [])]
    for login in logins:
        found.setdefault(login.casefold(), login)
    return list(found.values())


def _phone_type(number: str, region: str) -> str:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return "office"
    return "mobile" if phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE else "office"


def _network(url: str) -> str:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return "other"
    host = re.sub(r"^(www|m|mobile)\.", "", host)
    return SOCIAL_HOSTS.get(host, "other")


def _names(answers: Answers) -> tuple[str | dict[str, str] | None, list[str]]:
    """The record's name and other names. One name and no translation: the name as the
    organisation spells it. With translations: a map of them, the organisation's own spelling
    filling the Azerbaijani entry when that is empty, or kept as another name."""
    plain = answers.get("name")
    translated = {lang: answers.get(f"name_{lang}") for lang in RECORD_LANGUAGES}
    translated = {lang: name for lang, name in translated.items() if name}
    if not translated or set(translated.values()) == {plain}:
        return plain or None, []
    if plain and plain not in translated.values():
        if "az" not in translated:
            return {"az": plain, **translated}, []
        return translated, [plain]
    return translated, []


def slug_for(answers: Answers) -> str:
    """The record's file name: the existing page's slug for an update, otherwise made from
    the organisation's name (its own spelling first, then az, en, ru), or the acronym."""
    existing = answers.get("existing")
    if existing:
        segments = [s for s in re.split(r"[/?#]", existing) if s.strip()]
        return slugify(segments[-1] if segments else existing, FALLBACK_SLUG)
    for key in ("name", "name_az", "name_en", "name_ru", "acronym"):
        if answers.get(key):
            return slugify(answers.get(key), FALLBACK_SLUG)
    return FALLBACK_SLUG


def _map_lines(key: str, values: dict[str, str], *, text: bool) -> list[str]:
    """A map of languages; a text may be a literal block, a name is always one quoted line."""
    return [f"{key}:", *(f"  {lang}: {_text(v, 4) if text else quote(v)}" for lang, v in values.items())]


def _name_lines(key: str, value: str | dict[str, str]) -> list[str]:
    if isinstance(value, dict):
        return _map_lines(key, value, text=False)
    return [f"{key}: {quote(value)}"]


def build_record(
    answers: Answers,
    *,
    today: dt.date,
    author: str | None = None,
    added: str | None = None,
    updated: bool = False,
    current_maintainers: Sequence[str] = (),
    phone_region: str = PHONE_REGION,
) -> str:
    """The record's YAML text, ordered like the sample records. Fields left empty are left
    out, so the validator names each missing required one."""
    lines = [MODELINE]
    name, other_names = _names(answers)
    if name:
        lines += _name_lines("name", name)
    if answers.get("acronym"):
        lines.append(f"acronym: {quote(answers.get('acronym'))}")
    if other_names:
        lines += ["other_names:", *(f"  - {quote(n)}" for n in other_names)]
    descriptions = {lang: answers.get(f"description_{lang}") for lang in RECORD_LANGUAGES}
    descriptions = {lang: text for lang, text in descriptions.items() if text}
    if descriptions:
        lines += _map_lines("description", descriptions, text=True)
    founded = answers.get("founded")
    if founded:
        lines.append(f"founded: {founded if re.fullmatch(r'[0-9]{1,4}', founded) else quote(founded)}")
    legal_form = answers.get("legal_form")
    if legal_form and legal_form != OTHER_LEGAL_FORM:
        parts = legal_form.split(SEPARATOR)
        if len(parts) == len(RECORD_LANGUAGES) and all(p.strip() for p in parts):
            lines += _name_lines("legal_form", dict(zip(RECORD_LANGUAGES, parts, strict=True)))
        else:
            lines.append(f"legal_form: {quote(legal_form)}")
    regions = _vocabulary_slugs(answers.get("regions"))
    if regions:
        lines.append(f"regions: {_flow(regions)}")
    themes = _vocabulary_slugs(answers.get("themes"))
    if themes:
        lines.append(f"themes: {_flow(themes)}")
    lines += _location_lines(answers, regions)
    lines += _contact_lines(answers, phone_region)
    logins = maintainers(answers.get("maintainers"), author, current_maintainers)
    if logins:
        lines.append(f"maintainers: {_flow(logins)}")
    lines.append(f"last_verified: {quote(today.isoformat())}")
    lines.append(f"added: {quote(added or today.isoformat())}")
    if updated:
        lines.append(f"updated: {quote(today.isoformat())}")
    return "\n".join(lines) + "\n"


def _location_lines(answers: Answers, regions: list[str]) -> list[str]:
    address, city = answers.get("address"), answers.get("city")
    if not address and not city:
        return []
    name = ", ".join(f"{lang}: {quote(text)}" for lang, text in LOCATION_NAME.items())
    lines = ["locations:", f"  - name: {{{name}}}"]
    if address:
        lines.append(f"    address: {_text(address, 6)}")
    if city:
        lines.append(f"    city: {quote(city)}")
    region = _vocabulary_slugs(answers.get("location_region"))
    if not region and len(regions) == 1:
        region = regions
    if region:
        lines.append(f"    region: {word(region[0]) if len(region) == 1 else quote(', '.join(region))}")
    return lines


def _contact_lines(answers: Answers, phone_region: str) -> list[str]:
    lines = []
    phones = _split(answers.get("phones"), r"[,;\n]")
    if phones:
        lines.append("  phones:")
        lines += [f"    - {{type: {_phone_type(p, phone_region)}, number: {quote(p)}}}" for p in phones]
    email = answers.get("email").removeprefix("mailto:")
    if email:
        lines.append(f"  email: {quote(email)}")
    if answers.get("website"):
        lines.append(f"  website: {quote(answers.get('website'))}")
    social = _split(answers.get("social"), r"\s+")
    if social:
        lines.append("  social:")
        lines += [f"    - {{network: {_network(url)}, url: {quote(url)}}}" for url in social]
    return ["contacts:", *lines] if lines else []


# --- Checking it with the validator -----------------------------------------------------------


def _ordinary(folder: str, names: list[str]) -> list[str]:
    """copytree's ignore: leave out links, pipes and devices (reading a pipe would block)."""
    ignored = []
    for name in names:
        mode = os.lstat(os.path.join(folder, name)).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            ignored.append(name)
    return ignored


def record_file(data_path: Path, slug: str) -> str:
    """The record's name in messages, as 'validate' names it: '<data folder>/ngos/<slug>.yaml'."""
    return f"{Path(data_path).resolve().name}/ngos/{slug}.yaml"


def check_record(
    text: str,
    data_path: Path,
    slug: str,
    *,
    reserved: frozenset[str] | None = None,
    phone_region: str = PHONE_REGION,
) -> list[Problem]:
    """Every problem 'validate' would report about this record once it is saved as
    ``<data_path>/ngos/<slug>.yaml``: the real validator runs on a copy of the data folder
    with the record added (replacing the record of that name, if any). Problems of other
    records are left out, except those of the vocabularies the record is checked against."""
    from ..records.validate import check_data

    data_path = Path(data_path)
    name = data_path.resolve().name
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / name
        if data_path.is_dir():
            shutil.copytree(data_path, copy, ignore=_ordinary)
        (copy / "ngos").mkdir(parents=True, exist_ok=True)
        (copy / "ngos" / f"{slug}.yaml").write_text(text, "utf-8")
        _, problems = check_data(copy, reserved=reserved, phone_region=phone_region)
    ours = record_file(data_path, slug)
    kept = {ours, f"{name}/regions.yaml", f"{name}/themes.yaml"}
    return [p for p in problems if p.file in kept or ours in p.message]
