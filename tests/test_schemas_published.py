"""The JSON Schemas as other tools read them: the patterns that stand in for our custom formats
(checked with the real check-jsonschema), the time-zone list, and the copies the site publishes."""

from __future__ import annotations

import functools
import http.server
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
import pytest

from ngo_directory.records.formats import (
    is_date,
    is_http_url,
    is_phone,
    is_time_zone,
    parse_local_datetime,
    time_zones,
)
from ngo_directory.records.validate import check_data
from ngo_directory.schema import inlined_schema, load_schema
from sitetools import ROOT, copy_project

SCHEMA_DIR = ROOT / "src" / "ngo_directory" / "schema"
UPDATE = "NGO_DIRECTORY_UPDATE_SCHEMAS"


def _check_jsonschema() -> str:
    found = Path(sys.executable).with_name("check-jsonschema")
    if found.exists():
        return str(found)
    other = shutil.which("check-jsonschema")
    if other is None:
        pytest.fail("check-jsonschema is not installed: run 'make venv' (it is a dev dependency)")
    return other


def check_jsonschema(schema: str | Path, *files: Path) -> subprocess.CompletedProcess[str]:
    """Run the real check-jsonschema CLI (it reads YAML) against one schema."""
    return subprocess.run(
        [_check_jsonschema(), "--no-cache", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- the patterns: the same verdicts as our format checks ----------------------------------


def _then(schema: dict[str, Any], name: str) -> Any:
    """The pattern (or enum) that stands in for ``format: name`` in a schema node."""
    assert schema["if"]["format"] == name, schema
    then = schema["then"]
    return then.get("pattern") or then.get("enum")


def _pattern(definition: str, name: str) -> re.Pattern[str]:
    node = load_schema("common")["definitions"]
    for part in definition.split("."):
        node = node[part]
    return re.compile(_then(node, name))


def _matches(pattern: re.Pattern[str], value: str) -> bool:
    """As jsonschema applies a pattern: re.search, not anchored unless the pattern says so."""
    return pattern.search(value) is not None


def _dates() -> Iterator[str]:
    """Every month and day shape in leap and common years, centuries and year 1."""
    for year in (1, 4, 100, 400, 1900, 1999, 2000, 2024, 2026, 2100, 2400, 9999):
        for month, day in itertools.product(range(14), (0, 1, 9, 28, 29, 30, 31, 32)):
            yield f"{year:04d}-{month:02d}-{day:02d}"
    yield from ("0000-01-01", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01x", " 2026-01-01")


def test_date_pattern_agrees_with_the_format_check() -> None:
    pattern = _pattern("date", "date")
    for value in _dates():
        assert _matches(pattern, value) is is_date(value), value


@pytest.mark.parametrize(
    ("schema", "definition"), [("common", "timestamp"), ("meeting", "when")], ids=["timestamp", "when"]
)
def test_local_datetime_patterns_agree_with_the_format_check(schema: str, definition: str) -> None:
    pattern = re.compile(_then(load_schema(schema)["definitions"][definition], "local-datetime"))
    values = [*_dates()]
    for day in ("2024-02-29", "2026-02-29", "2026-12-31"):
        for hour, minute, separator in itertools.product(range(0, 26), (0, 30, 59, 60, 99), " T"):
            values.append(f"{day}{separator}{hour:02d}:{minute:02d}")
        values += [f"{day} 9:00", f"{day} 10:00:00", f"{day}  10:00", f"{day} 1000"]
    for value in values:
        assert _matches(pattern, value) is (parse_local_datetime(value) is not None), value


def _phones() -> Iterator[str]:
    """Every example number phonenumbers has, in every way people write them."""
    formats = [
        phonenumbers.PhoneNumberFormat.E164,
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        phonenumbers.PhoneNumberFormat.NATIONAL,
        phonenumbers.PhoneNumberFormat.RFC3966,
    ]
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is None:
                continue
            for style in formats:
                text = phonenumbers.format_number(number, style)
                yield from (text, f"{text} ext. 12", f"{text};ext=7", f"Tel: {text}", f"({text})")
    yield from (
        "+1 800 FLOWERS",
        "+994 12 555 03 03 доб: 12",
        "+994 12 555 03 03 /x 1:2",
        "+994 12 555 03 03 ext: 12",
        "٠١٢٥٥٥٠٣٠٣",
        "012 555 03 03",
        "(012) 555-03-03",
        "+683 4002",
        "12:30",
        "10:00-18:00",
        "123",
        "n/a",
        "+994",
    )


def test_phone_pattern_accepts_every_number_the_format_check_accepts() -> None:
    """A regular expression cannot know numbering plans; it must never refuse a number our
    check accepts (the build would then report it twice or refuse a good record), and it
    refuses what it can: times, too few digits."""
    pattern = _pattern("phone.properties.number", "phone")
    accepted = 0
    for value in _phones():
        if is_phone(value):
            accepted += 1
            assert _matches(pattern, value), value
    assert accepted > 1000
    for value in ("12:30", "10:00-18:00", "12:30 +994 12 555 03 03", "123", "n/a", "+994", "office"):
        assert not is_phone(value)
        assert not _matches(pattern, value), value


URLS_ACCEPTED = [
    "https://example.org",
    "http://example.org/",
    "HTTPS://Example.ORG/a?b=c#d",
    "https://www.facebook.com/example",
    "https://bakı.az/ə",
    "https://example\uff0eorg",
    "https://example.org:8080/x",
    "https://example.org:",
    "https://xn--80ak6aa92e.com/",
]
URLS_REFUSED = [
    "ftp://x.org",
    "ftp://example.org/",
    "example.org",
    "www.example.org",
    "https://",
    "https:example.org",
    "https://localhost/",
    "https://user@example.org/",
    "https://user:pass@example.org/",
    "https://example.org/a b",
    " https://example.org",
    "javascript:alert(1)",
    "mailto:info@example.org",
]


def test_url_pattern_agrees_with_the_format_check() -> None:
    pattern = _pattern("url", "http-url")
    for value in URLS_ACCEPTED:
        assert is_http_url(value), value
        assert _matches(pattern, value), value
    for value in URLS_REFUSED:
        assert not is_http_url(value), value
        assert not _matches(pattern, value), value


# --- the time zones -------------------------------------------------------------------------


def tzdata_zones() -> list[str]:
    """The zones the validator accepts (formats.time_zones): those of the tzdata package."""
    return list(time_zones())


def _enum_text(zones: list[str], width: int = 110) -> str:
    """The enum as written in meeting.schema.json: each area (Africa/, America/...) on lines of
    its own, so that an update of tzdata shows as a readable diff."""
    indent = "\n" + " " * 8
    lines: list[str] = []
    groups = itertools.groupby(zones, key=lambda zone: zone.split("/")[0] if "/" in zone else "")
    for _, group in groups:
        line = ""
        for zone in group:
            item = json.dumps(zone) + ","
            if line and len(line) + 1 + len(item) > width:
                lines.append(line)
                line = ""
            line = f"{line} {item}" if line else item
        lines.append(line)
    return "[" + indent + indent.join(lines).removesuffix(",") + "\n      ]"


_ENUM = re.compile(r'("time-zone-names": \{.*?"enum": )\[[^\]]*\]', re.DOTALL)


def test_time_zone_enum_is_the_tzdata_list() -> None:
    """Editors complete and check time zones from this enum; check-jsonschema refuses any
    other name. When tzdata is upgraded, run this test with NGO_DIRECTORY_UPDATE_SCHEMAS=1
    to rewrite the list."""
    path = SCHEMA_DIR / "meeting.schema.json"
    text = path.read_text("utf-8")
    wanted = _ENUM.sub(lambda m: m.group(1) + _enum_text(tzdata_zones()), text, count=1)
    assert _ENUM.search(text), "meeting.schema.json has no time-zone-names enum"
    if os.environ.get(UPDATE) and wanted != text:
        path.write_text(wanted, "utf-8")
        load_schema.cache_clear()
        text = wanted
    enum = json.loads(text)["definitions"]["time-zone-names"]["enum"]
    assert enum == tzdata_zones(), f"the time zones changed: run this test with {UPDATE}=1"
    assert text == wanted, f"reformat the list: run this test with {UPDATE}=1"


def test_every_listed_time_zone_passes_our_check() -> None:
    """Every zone of the enum is one our validator and the build accept (the enum sits in a
    'then' that only runs after our format check passed, so it never adds a second message)."""
    zones = load_schema("meeting")["definitions"]["time-zone-names"]["enum"]
    assert "Asia/Baku" in zones and "Mars/Olympus" not in zones
    for zone in zones:
        assert is_time_zone(zone), zone
        zoneinfo.ZoneInfo(zone)
    # What the machine adds beyond tzdata is not an IANA name ('localtime' is a link to the
    # machine's own zone on Debian).
    assert zoneinfo.available_timezones() - set(zones) <= {"localtime"}


# --- our own validator: one message per bad value, as before ---------------------------------


def test_inlined_schemas_keep_the_stand_in_checks() -> None:
    """Our validator sees the patterns too: they must sit behind 'if format' so that a value
    our format check refuses is reported once, by the format check."""
    number = inlined_schema("ngo")["properties"]["contacts"]["properties"]["phones"]["items"]
    assert number["properties"]["number"]["if"] == {"format": "phone"}
    assert inlined_schema("meeting")["properties"]["timezone"]["then"]["enum"][0] == "Africa/Abidjan"


BAD_MEETING = """\
# yaml-language-server: $schema=../../src/ngo_directory/schema/meeting.schema.json
title: Spring meeting
start: "2026-03-01 25:99"
end: "2026-02-30"
timezone: Mars/Olympus
status: scheduled
venue:
  region: baku
organisers: [isar]
report_url: ftp://x.org/report.pdf
maintainers: [octocat]
added: "2026-01-15"
"""
BAD_NGO = """\
# yaml-language-server: $schema=../../src/ngo_directory/schema/ngo.schema.json
name: Bad Numbers
description: Numbers that are not numbers.
regions: [baku]
themes: [ict]
contacts:
  phones:
    - {type: office, number: "12:30"}
  website: ftp://x.org
maintainers: [octocat]
last_verified: "2026-02-30"
added: "2026-01-15"
"""


def _write_bad_records(data: Path) -> tuple[Path, Path]:
    meeting = data / "meetings" / "bad-meeting.yaml"
    ngo = data / "ngos" / "bad-numbers.yaml"
    meeting.write_text(BAD_MEETING, "utf-8")
    ngo.write_text(BAD_NGO, "utf-8")
    return meeting, ngo


def test_our_validator_reports_each_bad_value_once(tmp_path: Path) -> None:
    data, _ = copy_project(tmp_path)
    _write_bad_records(data)
    _, problems = check_data(data)
    assert [str(p) for p in problems] == [
        "ngo_data/meetings/bad-meeting.yaml:3:8: start: '2026-03-01 25:99' is not valid: expected a date "
        "(2026-12-06) or a local date and time (2026-12-06 10:00) (write YYYY-MM-DD or YYYY-MM-DD HH:MM in "
        "the meeting's time zone)",
        "ngo_data/meetings/bad-meeting.yaml:4:6: end: '2026-02-30' is not valid: expected a date "
        "(2026-12-06) or a local date and time (2026-12-06 10:00) (write YYYY-MM-DD or YYYY-MM-DD HH:MM in "
        "the meeting's time zone)",
        "ngo_data/meetings/bad-meeting.yaml:5:11: timezone: 'Mars/Olympus' is not valid: expected an IANA "
        "time zone such as Asia/Baku (use a name from the IANA time zone database, such as Asia/Baku)",
        "ngo_data/meetings/bad-meeting.yaml:10:13: report_url: 'ftp://x.org/report.pdf' is not valid: "
        "expected a web address starting with https:// or http:// (copy the full address from the "
        "browser's address bar)",
        "ngo_data/ngos/bad-numbers.yaml:8:30: contacts.phones[0].number: '12:30' is not valid: expected a "
        'phone number that can be dialled today, such as "+994 12 555 03 03" (write it in international '
        'form, such as "+994 12 555 03 03")',
        "ngo_data/ngos/bad-numbers.yaml:9:12: contacts.website: 'ftp://x.org' is not valid: expected a web "
        "address starting with https:// or http:// (copy the full address from the browser's address bar)",
        "ngo_data/ngos/bad-numbers.yaml:11:16: last_verified: '2026-02-30' is not valid: expected a date "
        "written YYYY-MM-DD, such as 2026-11-22 (write the date as YYYY-MM-DD)",
    ]


# --- the real check-jsonschema ----------------------------------------------------------------

SAMPLE_KINDS = {"ngos": "ngo", "partners": "partner", "meetings": "meeting"}
SAMPLE_MEETING_FILE = ROOT / "ngo_data" / "meetings" / "isar-first-regional-ngo-meeting-mingachevir-2000.yaml"
SAMPLE_MEETING = SAMPLE_MEETING_FILE.read_text("utf-8")


@pytest.mark.parametrize("folder", sorted(SAMPLE_KINDS))
def test_check_jsonschema_accepts_every_sample_record(folder: str) -> None:
    files = sorted((ROOT / "ngo_data" / folder).glob("*.yaml"))
    assert files
    result = check_jsonschema(SCHEMA_DIR / f"{SAMPLE_KINDS[folder]}.schema.json", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_accepts_the_vocabularies() -> None:
    files = [ROOT / "ngo_data" / "regions.yaml", ROOT / "ngo_data" / "themes.yaml"]
    result = check_jsonschema(SCHEMA_DIR / "vocabulary.schema.json", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def _failures(output: str) -> set[str]:
    """The '$.field' paths check-jsonschema reports."""
    return set(re.findall(r"::(\$[^:]*): ", output))


def _failures_by_file(output: str) -> dict[str, set[str]]:
    """File name -> the '$.field' paths check-jsonschema reports in it."""
    found: dict[str, set[str]] = {}
    for file, field in re.findall(r"^\s*(\S+)::(\$[^:]*): ", output, re.MULTILINE):
        found.setdefault(Path(file).name, set()).add(field)
    return found


def test_check_jsonschema_refuses_what_our_validator_refuses(tmp_path: Path) -> None:
    meeting, ngo = _write_bad_records(_folders(tmp_path))
    result = check_jsonschema(SCHEMA_DIR / "meeting.schema.json", meeting)
    assert result.returncode == 1, result.stdout
    assert _failures(result.stdout) == {"$.start", "$.end", "$.timezone", "$.report_url"}, result.stdout
    result = check_jsonschema(SCHEMA_DIR / "ngo.schema.json", ngo)
    assert result.returncode == 1, result.stdout
    assert _failures(result.stdout) == {
        "$.contacts.phones[0].number",
        "$.contacts.website",
        "$.last_verified",
    }, result.stdout


def _folders(root: Path) -> Path:
    for folder in ("meetings", "ngos"):
        (root / folder).mkdir(parents=True)
    return root


BAD_MEETING_VALUES = [
    ("start", '"2026-03-01 25:99"'),
    ("start", '"2026-03-01 24:00"'),
    ("start", '"2026-02-29"'),
    ("start", '"2100-02-29 10:00"'),
    ("start", '"2026-04-31"'),
    ("start", '"2026-13-01"'),
    ("start", '"01.03.2026"'),
    ("start", '"2026-03-01 10:00:00"'),
    ("timezone", "Mars/Olympus"),
    ("timezone", "Asia/Bakuu"),
    ("timezone", "asia/baku"),
    ("report_url", "ftp://x.org"),
    ("report_url", "https://localhost/report"),
    ("report_url", "https://user@example.org/"),
]


def test_check_jsonschema_refuses_each_bad_meeting_value(tmp_path: Path) -> None:
    """Each value in a sample meeting of its own: the one field, and only it, is refused."""
    records = []
    for index, (field, value) in enumerate(BAD_MEETING_VALUES):
        record = tmp_path / f"meeting-{index}.yaml"
        if field == "start":
            record.write_text(SAMPLE_MEETING.replace('start: "2000-12-06"', f"start: {value}"), "utf-8")
        else:
            record.write_text(SAMPLE_MEETING + f"{field}: {value}\n", "utf-8")
        records.append(record)
    result = check_jsonschema(SCHEMA_DIR / "meeting.schema.json", *records)
    assert result.returncode == 1, result.stdout
    found = _failures_by_file(result.stdout)
    for record, (field, value) in zip(records, BAD_MEETING_VALUES, strict=True):
        assert found.get(record.name) == {f"$.{field}"}, (value, result.stdout)


def test_check_jsonschema_accepts_good_values(tmp_path: Path) -> None:
    record = tmp_path / "meeting.yaml"
    record.write_text(
        SAMPLE_MEETING.replace('start: "2000-12-06"', 'start: "2024-02-29 23:59"\nend: "2024-03-01T09:00"')
        + "timezone: America/Argentina/Buenos_Aires\nreport_url: https://bakı.az/hesabat?il=2000\n",
        "utf-8",
    )
    result = check_jsonschema(SCHEMA_DIR / "meeting.schema.json", record)
    assert result.returncode == 0, result.stdout + result.stderr


# --- the copies the site publishes ------------------------------------------------------------


@pytest.fixture(scope="module")
def served(sample_site: Path) -> Iterator[str]:
    """The built site over HTTP on a free local port, as an editor would fetch the schemas."""
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        del format, args


def test_the_site_publishes_every_schema_byte_for_byte(sample_site: Path) -> None:
    shipped = sorted(path.name for path in SCHEMA_DIR.glob("*.json"))
    assert shipped == [
        "common.schema.json",
        "meeting.schema.json",
        "ngo.schema.json",
        "partner.schema.json",
        "programme.schema.json",
        "vocabulary.schema.json",
    ]
    published = sorted(path.name for path in (sample_site / "schemas").iterdir())
    assert published == shipped
    for name in shipped:
        assert (sample_site / "schemas" / name).read_bytes() == (SCHEMA_DIR / name).read_bytes(), name


def test_published_references_are_relative(sample_site: Path) -> None:
    """Every $ref names a file beside it (or a part of itself), so the published copies
    resolve against each other wherever the site is served."""
    refs: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.append(node["$ref"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for path in (sample_site / "schemas").iterdir():
        schema = json.loads(path.read_text("utf-8"))
        assert "$id" not in schema, path.name
        collect(schema)
    assert refs
    for ref in refs:
        file, _, pointer = ref.partition("#")
        assert file == "" or (sample_site / "schemas" / file).is_file(), ref
        assert pointer.startswith("/definitions/"), ref


def test_check_jsonschema_reads_the_published_schemas_by_url(served: str, tmp_path: Path) -> None:
    """check-jsonschema fetches meeting.schema.json from the site and, through its relative
    $refs, common.schema.json beside it: the sample passes, and a value checked by a
    definition in common.schema.json fails."""
    url = served + "schemas/meeting.schema.json"
    result = check_jsonschema(url, SAMPLE_MEETING_FILE)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE_MEETING.replace('added: "2026-11-22"', 'added: "2026-02-30"'), "utf-8")
    result = check_jsonschema(url, bad)
    assert result.returncode == 1, result.stdout + result.stderr
    assert _failures(result.stdout) == {"$.added"}, result.stdout
