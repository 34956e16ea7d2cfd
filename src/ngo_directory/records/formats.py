"""Format checks for the JSON Schemas: real checks, not the permissive defaults."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

if TYPE_CHECKING:
    from jsonschema import FormatChecker

# The country whose numbers may be written without '+' and a country code, when none is given
# (the NGO_DIRECTORY_PHONE_REGION setting, which check_data reads phones in).
PHONE_REGION = "AZ"
_phone_region: ContextVar[str] = ContextVar("phone_region", default=PHONE_REGION)
_LOCAL_DATETIME = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2}))?$")
# The only letters a phone number may hold: an extension marker before the extension's digits at
# its end. phonenumbers reads any other letter as the keypad digit it stands for (012 4xx xx xx
# becomes +994 12 499 99 99), so a number with letters is refused before it is parsed. These are
# markers phonenumbers itself reads as an extension (its list is longer: we keep ours explicit).
EXTENSION_MARKERS = ("ext.", "ext", "x", "доб.", "доб")
_EXTENSION = re.compile(
    r"[\s,;]*(?:" + "|".join(re.escape(m) for m in EXTENSION_MARKERS) + r")\s*[0-9]{1,7}\s*$", re.IGNORECASE
)
# Quotation marks a word processor types for straight ones: a value copied from a document may
# start and end with them, and a web address in them is no web address.
CURLY_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u300c\u300d"
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a real host name and no credentials."""
    if any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    del port
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except UnicodeError:  # an empty or over-long label
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(_HOST.match(host.lower()))
        and parts.username is None
        and parts.password is None
    )


def is_email(value: str) -> bool:
    """True for a syntactically valid e-mail address (no DNS lookup)."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@contextmanager
def phones_read_in(region: str) -> Iterator[None]:
    """Within it, the schemas' "phone" format reads a number written without '+' and a country
    code as a number of ``region`` (the validators are built once, so the region cannot be
    given to them)."""
    token = _phone_region.set(region)
    try:
        yield
    finally:
        _phone_region.reset(token)


def phone_letters(value: str) -> str:
    """The letters of a phone number other than an extension marker ('ext. 12', 'x12',
    'доб. 12' at its end), in the order written; '' when it has none."""
    return "".join(c for c in _EXTENSION.sub("", value) if c.isalpha())


def is_phone(value: str, region: str | None = None) -> bool:
    """True for a number that can be dialled today: international, or national in ``region``
    (by default the one of ``phones_read_in``, else Azerbaijan), with no letter but an
    extension marker."""
    if phone_letters(value):
        return False
    try:
        number = phonenumbers.parse(value, region or _phone_region.get())
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def phone_example(value: str, region: str | None = None) -> str | None:
    """For a number that has the length of one but is not a number in use (possible, not
    valid), an example of its country's numbers, such as "+994 12 312 34 56"; else None."""
    try:
        number = phonenumbers.parse(value, region or _phone_region.get())
    except phonenumbers.NumberParseException:
        return None
    # A number too short for its country (IS_POSSIBLE_LOCAL_ONLY: no area code) needs its
    # international form, not an example.
    possible = (
        phonenumbers.is_possible_number_with_reason(number) == phonenumbers.ValidationResult.IS_POSSIBLE
    )
    if phonenumbers.is_valid_number(number) or not possible:
        return None
    country = phonenumbers.region_code_for_country_code(number.country_code or 0)
    example = phonenumbers.example_number(country)
    if example is None:
        return None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def curly_quote_at(value: str) -> int | None:
    """Where the first typographic quotation mark in ``value`` is (0-based), or None."""
    for index, character in enumerate(value):
        if character in CURLY_QUOTES:
            return index
    return None


def is_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def parse_local_datetime(value: str) -> dt.datetime | dt.date | None:
    """Parse ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``; None when neither or impossible."""
    match = _LOCAL_DATETIME.match(value)
    if not match:
        return None
    try:
        day = dt.date.fromisoformat(match.group(1))
        if match.group(2) is None:
            return day
        return dt.datetime.combine(day, dt.time(int(match.group(2)), int(match.group(3))))
    except ValueError:
        return None


@cache
def time_zones() -> tuple[str, ...]:
    """The IANA zones of the tzdata package uv.lock pins, sorted: the same on every machine,
    unlike zoneinfo.available_timezones(), which adds whatever /usr/share/zoneinfo holds (such
    as 'localtime'). The schemas' list of zones for editors is this one too."""
    return tuple(sorted(resources.files("tzdata").joinpath("zones").read_text("utf-8").split()))


@cache
def _zone_set() -> frozenset[str]:
    return frozenset(time_zones())


def is_time_zone(value: str) -> bool:
    """True for an IANA time zone name such as Asia/Baku."""
    return value in _zone_set()


def _text_only(check: Callable[[str], bool]) -> Callable[[object], bool]:
    """A format check for the schema: other types pass (the "type" rule reports them), and a
    value that makes a parsing library raise is simply not valid, a located problem like any
    other, never a traceback (an empty host label, 'https://a..b/', makes the IDNA codec raise)."""

    def checked(value: object) -> bool:
        if not isinstance(value, str):
            return True
        try:
            return check(value)
        except Exception:  # any failure to parse means the value is not valid
            return False

    return checked


def format_checks() -> dict[str, Callable[[object], bool]]:
    """Exactly the formats our schemas use, each a check of one value. A value of the wrong type
    passes: it is reported once, by the schema's "type" rule."""
    checks: dict[str, Callable[[str], bool]] = {
        "http-url": is_http_url,
        "email": is_email,
        "phone": is_phone,
        "date": is_date,
        "local-datetime": lambda value: parse_local_datetime(value) is not None,
        "time-zone": is_time_zone,
    }
    return {name: _text_only(check) for name, check in checks.items()}


def format_checker() -> FormatChecker:
    """A FormatChecker with exactly the formats of ``format_checks``."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, check in format_checks().items():
        checker.checks(name)(check)
    return checker
