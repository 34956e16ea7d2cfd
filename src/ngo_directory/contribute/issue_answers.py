"""What each answer of the issue form means: regions and themes by name, legal forms in any
language, phones with their types, places, logins, the fields to remove, the reply's language."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers

from ..i18n import N_, RECORD_LANGUAGES
from ..problems import Message, Problem, allowed
from ..records.loader import load_file
from ..records.places import spellings
from .from_issue import BY_ID, REMOVABLE, SEPARATOR, Answers

# The legal forms of Azerbaijani NGOs: a form named in any of its languages becomes this map.
LEGAL_FORMS: tuple[tuple[str, str, str], ...] = (
    ("İctimai birlik", "Общественное объединение", "Public union"),
    ("Fond", "Фонд", "Foundation"),
    ("Hüquqi şəxslərin ittifaqı", "Союз юридических лиц", "Union of legal entities"),
    ("Qeyri-kommersiya təşkilatı", "Некоммерческая организация", "Non-profit organisation"),
)
# What the first place is called when its line names none; the others take their city's name.
MAIN_OFFICE = {"az": "Əsas ofis", "ru": "Главный офис", "en": "Main office"}
# A phone's type, in parentheses after the number, in any of the three languages.
PHONE_TYPES = {
    "office": ("office", "ofis", "iş", "офис", "рабочий"),
    "mobile": ("mobile", "mobil", "мобильный", "сотовый"),
    "fax": ("fax", "faks", "факс"),
    "whatsapp": ("whatsapp", "ватсап", "вотсап"),
}
_PHONE_TYPE = {word: kind for kind, words in PHONE_TYPES.items() for word in words}
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
# The language the answers are written in, as the `language` answer may name it.
LANGUAGE_NAMES = {
    "az": ("az", "azərbaycan", "azərbaycanca", "azerbaijani", "азербайджанский"),
    "ru": ("ru", "rus", "rusca", "russian", "русский", "по-русски"),
    "en": ("en", "ingilis", "ingiliscə", "english", "английский"),
}
_AZERBAIJANI_LETTERS = re.compile("[əğışçöüƏĞİŞÇÖÜ]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u0259\u018f]")


def key(text: str) -> str:
    """How answers are compared with names: whatever the case, the spacing or the Unicode form
    ('GƏNCƏ', 'Gəncə ' and 'gəncə' are one; 'Gence' stays another spelling). Azerbaijani writes
    the capitals of i and ı as İ and I, which English reads as the capital of i: the four are one
    letter here, so that 'İSMAYILLI' and 'Ismayıllı' are both 'İsmayıllı'."""
    text = unicodedata.normalize("NFC", text).replace("İ", "i").replace("ı", "i").casefold()
    return " ".join(text.split())


@dataclass(frozen=True)
class Terms:
    """A vocabulary (regions.yaml, themes.yaml): each entry's slug, ISO code, names and aliases."""

    slugs: dict[str, str]

    @classmethod
    def read(cls, path: Path) -> Terms:
        doc, _ = load_file(path, path.name)
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        found: dict[str, set[str]] = {}
        for slug, entry in data.items():
            for name in spellings(slug, entry):
                found.setdefault(key(name), set()).add(slug)
        # A name two entries share ('Şəki': the city and the district) names neither: it stays
        # as written, and the validator asks which was meant.
        return cls({name: next(iter(slugs)) for name, slugs in found.items() if len(slugs) == 1})

    def slug(self, text: str) -> str:
        """The slug of the entry ``text`` names exactly (by slug, name or alias, whatever the
        case); anything else as written, for the validator to report with its suggestions."""
        return self.slugs.get(key(text), text)


def legal_form(text: str) -> str | dict[str, str]:
    """A known legal form, named in any language (or as 'az · ru · en'), as the map of its
    three names; anything else as written."""
    for names in LEGAL_FORMS:
        if key(text) in {key(name) for name in names} | {key(SEPARATOR.join(names))}:
            return dict(zip(RECORD_LANGUAGES, names, strict=True))
    return text


def phone(line: str) -> dict[str, str]:
    """A phones line: the number, and its type when one is named in parentheses after it."""
    match = re.fullmatch(r"(.*?)\s*\(\s*([^()]*?)\s*\.?\s*\)", line)
    kind = _PHONE_TYPE.get(key(match.group(2))) if match else None
    if match and kind:
        return {"type": kind, "number": match.group(1)}
    return {"number": line}


def guess_phone_type(number: str, region: str) -> str:
    """'mobile' for a mobile number, 'office' for anything else."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return "office"
    return "mobile" if phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE else "office"


def phone_key(number: str, region: str) -> str:
    """What makes two numbers one: the number as dialled from abroad when it can be read,
    otherwise its digits ('012 555 03 03' and '+994 12 555 03 03' are one)."""
    if not re.search("[A-Za-z]", number):  # phonenumbers reads letters as keypad digits
        try:
            parsed = phonenumbers.parse(number, region)
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            pass
    return re.sub(r"\D", "", number)


def network(url: str) -> str:
    """The social network an address belongs to, or 'other'."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return "other"
    return SOCIAL_HOSTS.get(re.sub(r"^(www|m|mobile)\.", "", host), "other")


def url_key(url: str) -> str:
    """What makes two addresses one: case, 'www.', the scheme and a final '/' aside."""
    text = key(url)
    text = re.sub(r"^https?://", "", text)
    return re.sub(r"^(www|m)\.", "", text).rstrip("/")


@dataclass(frozen=True)
class Place:
    """A line of the locations answer: `address | city or village | region | name`."""

    address: str
    city: str
    region: str
    name: str

    @classmethod
    def read(cls, line: str, regions: Terms) -> Place:
        columns = [column.strip() for column in line.split("|", 3)]
        address, city, region, name = [*columns, "", "", ""][:4]
        return cls(address, city, regions.slug(region) if region else "", name)

    @property
    def match_key(self) -> tuple[str, str]:
        return key(self.address), key(self.city)


def login(text: str) -> str:
    """A login as people write it: '@octocat' or its github.com address become 'octocat'."""
    match = re.fullmatch(r"(?:https?://)?(?:www\.)?github\.com/([^/?#]+)/?", text, re.I)
    return match.group(1) if match else text.removeprefix("@")


def logins(answers: Answers) -> list[str]:
    return [login(text) for text in answers.entries("maintainers")]


def removals(answers: Answers, *, update: bool) -> tuple[list[str], list[Problem]]:
    """The fields a `remove` answer names (by id or by any of their labels), and a problem for
    each name that is no removable field, or for the whole answer on a new record."""
    names = answers.entries("remove")
    if names and not update:
        hint = Message(N_("for an update, give the organisation's page in the first field"))
        return [], [answers.problem("remove", Message(N_("a new record has no fields to remove")), hint)]
    by_name: dict[str, str] = {}
    for field_id in REMOVABLE:
        for name in (field_id, *BY_ID[field_id].labels):
            by_name.setdefault(key(name), field_id)
    found: list[str] = []
    problems: list[Problem] = []
    for name in names:
        removable = by_name.get(key(name))
        if removable is None:
            problems.append(
                answers.problem(
                    "remove",
                    Message(N_("'%(name)s' is not a field that can be removed"), name=name),
                    allowed(REMOVABLE),
                )
            )
        elif removable not in found:
            found.append(removable)
    return found, problems


def reply_language(answers: Answers, default: str) -> str:
    """The language to answer in: the `language` answer when it names az, ru or en; else the
    only language a description was given in; else the script of the contributor's own words
    (descriptions, places, notes; all answers if those are empty): more Cyrillic than Latin
    letters is Russian, any of ə ğ ı ş ç ö ü is Azerbaijani; else ``default``."""
    answer = key(answers.get("language"))
    for language, names in LANGUAGE_NAMES.items():
        if answer in names:
            return language
    described = [lang for lang in RECORD_LANGUAGES if answers.get(f"description_{lang}")]
    if len(described) == 1:
        return described[0]
    prose = ("description_az", "description_ru", "description_en", "locations", "notes")
    text = "\n".join(answers.get(f) for f in prose) or "\n".join(answers.values.values())
    if len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)):
        return "ru"
    if _AZERBAIJANI_LETTERS.search(text):
        return "az"
    return default


def names(answers: Answers) -> tuple[str | dict[str, str] | None, list[str]]:
    """The name and other names the answers give a new record. One name and no translation:
    the name as the organisation spells it. With translations: a map of them, the
    organisation's own spelling filling the Azerbaijani entry when that is empty, or kept as
    another name."""
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


def texts(value: Any) -> list[str]:
    """The strings of a name or text: the string itself, or a map's values."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return []
