"""The issue form's list of every place: the names `from-issue` knows, for a contributor who
types them (GitHub fills in only text fields from an address, so the regions field stays one;
this list, folded away, is what the form can offer besides). `make readme` writes it into
.github/ISSUE_TEMPLATE/add-or-update-ngo.yml from ngo_data/regions.yaml, and a test checks that
the form holds it as the vocabulary says it."""

from __future__ import annotations

from pathlib import Path

from ..records.loader import load_file

SUMMARY = "Bütün yerlər · Все места · Every place"
HEADINGS = ("Azərbaycanca", "По-русски", "In English", "ISO 3166-2")


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def places_table(regions_file: Path) -> list[str]:
    """The Markdown lines of the list: one row a place, by its English name."""
    doc, _ = load_file(regions_file, regions_file.name)
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    rows = sorted(
        (entry for entry in data.values() if isinstance(entry, dict) and isinstance(entry.get("name"), dict)),
        key=lambda entry: (entry.get("iso") is not None, str(entry["name"].get("en", "")).casefold()),
    )
    lines = [f"<details><summary>{SUMMARY} ({len(rows)})</summary>", ""]
    lines += ["| " + " | ".join(HEADINGS) + " |", "|" + " --- |" * len(HEADINGS)]
    for entry in rows:
        names = entry["name"]
        cells = [str(names.get(lang, "")) for lang in ("az", "ru", "en")] + [str(entry.get("iso", "—"))]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return [*lines, "", "</details>"]


def form_element(regions_file: Path) -> str:
    """The list as an element of the form's body (YAML, indented as the form's elements are)."""
    body = "\n".join(f"        {line}" if line else "" for line in places_table(regions_file))
    return f"  - type: markdown\n    attributes:\n      value: |\n{body}\n"
