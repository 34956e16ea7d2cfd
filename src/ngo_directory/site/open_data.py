"""Open data: every record kind as JSON (each record as its file says it, so it follows the
published JSON Schema of its kind) and as CSV (one row per record, each translatable text in
three columns, ``name_az``, ``name_ru``, ``name_en``), the whole directory as one JSON file, and
a Frictionless Data Package (https://datapackage.org/) describing the CSV files."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..records.directory import Directory
from ..records.validate import RECORD_FOLDERS
from ..schema import load_schema
from .who_does_what import spreadsheet_safe

DATA_FOLDER = "data/"
# Where the site publishes the records' JSON Schemas, so that a record's first line can name
# https://<site>/schemas/ngo.schema.json; their $refs are relative, so the copies find each other.
SCHEMAS_PATH = "schemas/"
LANGUAGES = ("az", "ru", "en")
# The definitions of common.schema.json whose values are a text in one or more languages.
_TEXTS = ("/text", "/name")
# The column after a record's regions that gives their ISO 3166-2 codes, for joining with
# other data on places ('AZ-LA; AZ-SA'; nationwide work has no code).
REGION_CODES = "regions_iso"
# The kinds whose every record is also published alone (data/ngos/<slug>.json), as its file says
# it: what the site's form for NGOs (contribute/form/?record=<slug>) starts from.
ONE_FILE_EACH = ("ngo",)


# Characters a JSON string may hold as themselves but that a consumer could take for markup
# (``innerHTML``, a JSON file sniffed as HTML) or, before ES2019, for a line break inside a
# JavaScript string: written as \u escapes, as the JSON-LD blocks write them. They occur only
# inside strings, so replacing them in the serialised text leaves the same data once parsed.
_WEB_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_WEB_UNSAFE = re.compile("[<>&\u2028\u2029]")


def web_json(value: Any, **options: Any) -> bytes:
    """``value`` as UTF-8 JSON for the web: letters as themselves, markup characters and the
    Unicode line separators as escapes."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _WEB_UNSAFE.sub(lambda m: _WEB_ESCAPES[m.group()], text).encode()


def _is_text(schema: Mapping[str, Any]) -> bool:
    return str(schema.get("$ref", "")).endswith(_TEXTS)


def columns_of(kind: str) -> list[tuple[str, str | None]]:
    """(column, language) of a kind's CSV, in the order of its schema's fields: ``slug``, then
    each field; a text field as one column per language (``description_az``...)."""
    columns: list[tuple[str, str | None]] = [("slug", None)]
    for name, schema in load_schema(kind)["properties"].items():
        if _is_text(schema):
            columns += [(f"{name}_{language}", language) for language in LANGUAGES]
        else:
            columns.append((name, None))
        if name == "regions":
            columns.append((REGION_CODES, None))
    return columns


def _cell(value: Any, language: str | None) -> str:
    if value is None:
        return ""
    if language is not None:  # a text: one language of it (a plain string is the default's)
        if isinstance(value, dict):
            return str(value.get(language, ""))
        return str(value) if language == LANGUAGES[0] else ""
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)  # nested: as JSON in the cell


def csv_of(kind: str, records: Mapping[str, Mapping[str, Any]], codes: Mapping[str, str]) -> str:
    """One row per record, safe to open in a spreadsheet (site/who_does_what.py); ``codes`` is
    the ISO 3166-2 code of each region by slug."""
    columns = columns_of(kind)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for slug, data in records.items():
        row = []
        for name, language in columns:
            field = name.rsplit("_", 1)[0] if language else name
            value: Any = slug if name == "slug" else data.get(field)
            if name == REGION_CODES:
                value = [codes[region] for region in data.get("regions", ()) if region in codes]
            row.append(spreadsheet_safe(_cell(value, language)))
        writer.writerow(row)
    return out.getvalue()


def json_of(kind: str, records: Mapping[str, Any], licence: Mapping[str, str], schemas: str) -> bytes:
    """A kind's records, by slug, with the schema each follows and the licence."""
    document = {
        "kind": kind,
        "schema": f"{schemas}{kind}.schema.json",
        "licence": dict(licence),
        "records": dict(records),
    }
    return web_json(document, indent=1, sort_keys=False)


def data_package(title: str, licence: Mapping[str, str], kinds: Sequence[str]) -> bytes:
    """The Data Package of the CSV files: every column a string, as written."""
    resources = [
        {
            "name": RECORD_FOLDERS[kind],
            "path": f"{RECORD_FOLDERS[kind]}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [{"name": name, "type": "string"} for name, _ in columns_of(kind)],
                "primaryKey": ["slug"],
            },
        }
        for kind in kinds
    ]
    package = {
        "name": "ngo-directory",
        "title": title,
        "licenses": [dict(licence)],
        "resources": resources,
    }
    return web_json(package, indent=1)


def _pruned_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A vocabulary entry as its file could say it: without the fields it does not have."""
    return {key: value for key, value in entry.items() if value is not None}


def record_json_folder(kind: str) -> str:
    """Where each record of ``kind`` is published as a JSON file of its own (``data/ngos/``)."""
    return f"{DATA_FOLDER}{RECORD_FOLDERS[kind]}/"


def export_files(
    directory: Directory, *, title: str, licence: Mapping[str, str], schemas: str
) -> list[tuple[str, bytes]]:
    """(path under the site's root, bytes) of every open data file."""
    files: list[tuple[str, bytes]] = []
    kinds = [kind for kind in RECORD_FOLDERS if kind in directory.data]
    codes = {slug: entry.iso for slug, entry in directory.regions.items() if entry.iso}
    everything: dict[str, Any] = {"licence": dict(licence), "schemas": schemas}
    for kind in kinds:
        records = directory.data[kind]
        folder = RECORD_FOLDERS[kind]
        files.append((f"{DATA_FOLDER}{folder}.json", json_of(kind, records, licence, schemas)))
        files.append((f"{DATA_FOLDER}{folder}.csv", csv_of(kind, records, codes).encode()))
        everything[folder] = records
        if kind in ONE_FILE_EACH:
            alone = record_json_folder(kind)
            files += [(f"{alone}{slug}.json", web_json(data, indent=1)) for slug, data in records.items()]
    vocabularies = {
        name: {
            slug: _pruned_entry(
                {
                    "iso": entry.iso,
                    "name": dict(entry.name.values),
                    "part_of": entry.part_of,
                    "also_known_as": list(entry.also_known_as),
                }
            )
            for slug, entry in getattr(directory, name).items()
        }
        for name in ("regions", "themes", "series")
    }
    everything.update(vocabularies)
    files.append((f"{DATA_FOLDER}directory.json", web_json(everything, indent=1)))
    files.append((f"{DATA_FOLDER}datapackage.json", data_package(title, licence, kinds)))
    return files
