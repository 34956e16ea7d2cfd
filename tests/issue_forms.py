"""Issue bodies as GitHub renders a submitted issue form, made from field values: read from the
form's YAML itself, so that a test goes from the values a contributor (or the site's form) gives
to the exact text `from-issue` reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
NGO_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "add-or-update-ngo.yml"
NO_RESPONSE = "_No response_"


def form_elements(form: Path = NGO_FORM) -> list[dict[str, Any]]:
    """The form's fields in order (its Markdown paragraphs left out)."""
    loaded = yaml.safe_load(form.read_text("utf-8"))
    return [item for item in loaded["body"] if item["type"] != "markdown"]


def render_issue_body(values: dict[str, str], *, confirmed: bool = True, form: Path = NGO_FORM) -> str:
    """The body GitHub writes for a submitted form: for each field in order, '### <label>', a
    blank line, and the value or '_No response_'; a checkboxes field lists each option as
    '- [X] <label>' (ticked when ``confirmed``) or '- [ ] <label>'. Sections are separated by a
    blank line; the body ends without a line break. A value for a field the form does not have
    is an error, so a test cannot pass by misspelling a field's id."""
    elements = form_elements(form)
    unknown = set(values) - {item["id"] for item in elements}
    if unknown:
        raise KeyError(f"the form has no field {sorted(unknown)}")
    sections = []
    for item in elements:
        attributes = item["attributes"]
        if item["type"] == "checkboxes":
            box = "X" if confirmed else " "
            answer = "\n".join(f"- [{box}] {option['label']}" for option in attributes["options"])
        else:
            answer = values.get(item["id"], "") if values.get(item["id"], "").strip() else NO_RESPONSE
        sections.append(f"### {attributes['label']}\n\n{answer}")
    return "\n\n".join(sections)
