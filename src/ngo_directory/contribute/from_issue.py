"""The "Add or update an NGO" issue form, and how a submitted issue is read.

GitHub renders a submitted issue form as Markdown: each field is a ``### <label>`` heading, a
blank line and the answer (``_No response_`` when an optional field was left empty); a checkbox
is ``- [X] <label>``. The body holds labels, not field ids, so ``FIELDS`` below is the one table
of ids and labels: the form (``.github/ISSUE_TEMPLATE/add-or-update-ngo.yml``) must use exactly
these labels, and a test checks that it does. Every field the directory's site pre-fills is a
text field (an input or a textarea), the only kinds GitHub fills from an address.

Reading is cheap and bounded: the body's size and the number of entries in every list are
checked before anything costly (phone parsing, the validator) runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from ..i18n import N_, RECORD_LANGUAGES
from ..problems import Message, Problem
from ..records.loader import DEFAULT_MAX_BYTES

NO_RESPONSE = "_No response_"
SEPARATOR = " · "


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
    Field("language", ("Cavabların dili", "Язык ответов", "Language for the replies"), "input"),
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
    Field("legal_form", ("Hüquqi forma", "Организационно-правовая форма", "Legal form"), "input"),
    Field("founded", ("Təsis ili", "Год основания", "Year founded"), "input"),
    Field("regions", ("Fəaliyyət regionları", "Регионы работы", "Regions where you work"), "input"),
    Field("themes", ("Mövzular", "Темы", "Themes"), "input"),
    Field("locations", ("Ünvanlar", "Адреса", "Addresses"), "textarea"),
    Field("phones", ("Telefonlar", "Телефоны", "Phone numbers"), "textarea"),
    Field("email", ("E-poçt", "Эл. почта", "E-mail"), "input"),
    Field("website", ("Veb-sayt", "Веб-сайт", "Website"), "input"),
    Field("social", ("Sosial şəbəkələr", "Социальные сети", "Social media"), "textarea"),
    Field(
        "maintainers",
        (
            "Qeydi aparanların GitHub loqinləri",
            "Логины на GitHub тех, кто ведёт запись",
            "Maintainers' GitHub logins",
        ),
        "input",
    ),
    Field("remove", ("Silinəcək sahələr", "Удалить поля", "Fields to remove"), "input"),
    Field("notes", ("Mənbələr və qeydlər", "Источники и примечания", "Sources and notes"), "textarea"),
    Field("confirm", ("Təsdiq", "Подтверждение", "Confirmation"), "checkboxes"),
)
LABELS: dict[str, str] = {f.id: f.label for f in FIELDS}
BY_ID: dict[str, Field] = {f.id: f for f in FIELDS}
_BY_LABEL: dict[str, Field] = {f.label: f for f in FIELDS}

FORM_NAME = "QHT əlavə et və ya yenilə · Добавить или обновить НПО · Add or update an NGO"
CONFIRMATION = (
    "Bu məlumatı təşkilatın adından dərc etməyə icazəm var · "
    "Я вправе опубликовать эти сведения от имени организации · "
    "I may publish this information on behalf of the organisation"
)
# The fields a `remove` answer may name: everything the form writes but the organisation's own
# name (required) and its maintainers (only they remove one of theirs, in a pull request).
REMOVABLE = (
    "name_az",
    "name_ru",
    "name_en",
    "acronym",
    "description_az",
    "description_ru",
    "description_en",
    "legal_form",
    "founded",
    "regions",
    "themes",
    "locations",
    "phones",
    "email",
    "website",
    "social",
)
# How many entries a list answer may hold: more than any organisation has, few enough that
# reading them (a phone number is parsed, a place matched) costs nothing. Over it, the issue is
# refused before any of that work.
MAX_ENTRIES = {
    "regions": 100,
    "themes": 50,
    "locations": 100,
    "phones": 30,
    "social": 30,
    "maintainers": 30,
    "remove": 2 * len(REMOVABLE),
}
# How the entries of each list answer are separated (a phone number or an address has no comma
# or semicolon; a place has commas of its own, so only a line ends it).
SEPARATORS = {
    "regions": r"[,;\n]",
    "themes": r"[,;\n]",
    "locations": r"\n",
    "phones": r"[,;\n]",
    "social": r"\s+",
    "maintainers": r"[,;\s]+",
    "remove": r"[,;\n]",
}

# What a body holds besides the answers: every heading, the blank lines around it and
# "_No response_" for every field, and the ticked box.
FORM_BYTES = sum(len(f"### {f.label}\n\n{NO_RESPONSE}\n\n".encode()) for f in FIELDS) + len(
    f"- [X] {CONFIRMATION}".encode()
)


def max_body_bytes(record_limit: int = DEFAULT_MAX_BYTES) -> int:
    """The largest issue body worth reading: the record limit plus the form's own text.

    Every answer the record takes is written into it at least as long as it was typed (quoted,
    escaped, indented, dated); the body adds only the headings, '_No response_' and the box. A
    longer body could therefore only make a record over the limit (or carry notes longer than a
    whole record, which is no note): it is refused before it is even decoded."""
    return record_limit + FORM_BYTES


class Trilingual(Message):
    """A text the form writes in az, ru and en ('Telefonlar · Телефоны · Phone numbers'),
    shown in the language of the message quoting it."""

    texts: tuple[str, ...]

    def __new__(cls, texts: str) -> Trilingual:
        parts = tuple(texts.split(SEPARATOR))
        text = cast(Trilingual, super().__new__(cls, parts[-1]))
        text.texts = parts if len(parts) == len(RECORD_LANGUAGES) else (parts[-1],) * len(RECORD_LANGUAGES)
        return text

    def localized(self, language: str | None) -> str:
        return self.texts[RECORD_LANGUAGES.index(language or "en")]


@dataclass
class Answers:
    """The answers found in an issue body, by field id, with the line each heading is on; the
    problems found in the body, and why it is refused, if it is."""

    file: str
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refusal: Message | None = None

    def get(self, field_id: str) -> str:
        """The answer, or '' when the field is absent or was left empty."""
        return self.values.get(field_id, "")

    def entries(self, field_id: str) -> list[str]:
        """A list answer's entries, each once, in order."""
        return split(self.get(field_id), SEPARATORS[field_id])

    def problem(self, field_id: str, message: Message, hint: Message | str = "") -> Problem:
        """A problem of the body, at the heading of ``field_id``."""
        return Problem(self.file, self.lines.get(field_id, 1), 1, field_id, message, hint)


def split(value: str, pattern: str) -> list[str]:
    """The parts of ``value`` between matches of ``pattern``, trimmed, each once."""
    return list(dict.fromkeys(part.strip() for part in re.split(pattern, value) if part.strip()))


def read_body(raw: bytes, file: str, *, record_limit: int = DEFAULT_MAX_BYTES) -> Answers:
    """Split an issue body into the form's answers. Only a line that is exactly ``### `` and
    one of the form's labels starts a field, so a description may use headings of its own."""
    answers = Answers(file)
    limit = max_body_bytes(record_limit)
    if len(raw) > limit:
        answers.refusal = Message(N_("the issue is longer than %(limit)s bytes"), limit=f"{limit:,}")
        return answers
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        answers.refusal = Message(
            N_("the issue is not valid UTF-8 (at byte %(byte)s)"), byte=f"{error.start:,}"
        )
        return answers
    chunks = _chunks(text.replace("\r\n", "\n"), answers)
    for field_id, lines in chunks.items():
        if BY_ID[field_id].type == "textarea":  # trailing spaces would make a readable block one quoted line
            lines = [line.rstrip() for line in lines]
        value = "\n".join(lines).strip()
        answers.values[field_id] = "" if value == NO_RESPONSE else value
    if not chunks:
        answers.refusal = Message(
            N_("no field of the NGO form was found in the issue: open the issue with the '%(form)s' form"),
            form=Trilingual(FORM_NAME),
        )
    elif not re.search(r"^- \[[xX]\] " + re.escape(CONFIRMATION) + r"\s*$", answers.get("confirm"), re.M):
        answers.refusal = Message(
            N_(
                "the box '%(box)s' is not ticked: the directory publishes an organisation's details "
                "only with its agreement"
            ),
            box=Trilingual(CONFIRMATION),
        )
    else:
        answers.refusal = _too_many(answers)
    return answers


def _chunks(text: str, answers: Answers) -> dict[str, list[str]]:
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
                    answers.file,
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
    return chunks


def _too_many(answers: Answers) -> Message | None:
    """Why a list answer is refused: more entries than MAX_ENTRIES allows (counted by their
    separators alone, before anything is read)."""
    for field_id, limit in MAX_ENTRIES.items():
        value = answers.get(field_id)
        count = len(re.findall(SEPARATORS[field_id], value)) + 1 if value else 0
        if count > limit and len(answers.entries(field_id)) > limit:
            return Message(
                N_("the answer '%(field)s' holds %(count)s entries, more than the %(limit)s it may take"),
                field=Trilingual(LABELS[field_id]),
                count=f"{len(answers.entries(field_id)):,}",
                limit=limit,
            )
    return None
