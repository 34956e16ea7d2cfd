"""The answers of an issue applied to a record, field by field.

For an update, an empty answer keeps what the record holds; a text answer sets that one value
(one language of a translated text, never the others); a list answer adds what it names to the
list, an entry already there (a region by slug, a phone by its number, a social link by its
address, a place by its address and city) keeping everything the answer did not carry. `remove`
deletes fields first: with an answer for the same list, the list becomes exactly the answer's
entries, each one already there still keeping what the answer did not carry. Maintainers named
are added (a claim, which their review decides); the issue's author never is, on an update.
Whatever the form does not cover is left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..i18n import RECORD_LANGUAGES
from .from_issue import Answers
from .issue_answers import (
    MAIN_OFFICE,
    Place,
    Terms,
    guess_phone_type,
    key,
    legal_form,
    logins,
    names,
    network,
    phone,
    phone_key,
    texts,
    url_key,
)
from .record_yaml import block_list, block_map, flow_list, flow_map, quoted, text, word

# Where a field goes when the record does not have it yet: the order of the sample records.
ORDER = (
    "name",
    "acronym",
    "other_names",
    "description",
    "founded",
    "legal_form",
    "registration",
    "regions",
    "themes",
    "locations",
    "contacts",
    "languages",
    "partners",
    "funders",
    "maintainers",
    "last_verified",
    "added",
    "updated",
)
CONTACT_ORDER = ("phones", "email", "website", "social")
LOCATION_ORDER = ("name", "address", "city", "region", "services", "opening_hours", "phones")
_CONTACT_FIELDS = {"phones": "phones", "email": "email", "website": "website", "social": "social"}


def put(mapping: Any, name: str, value: Any, order: tuple[str, ...]) -> None:
    """Set ``name``: in its place if the mapping has it, else after the fields ``order`` puts
    before it (a field ``order`` does not know goes last)."""
    if name in mapping:
        mapping[name] = value
        return
    before = order[: order.index(name)] if name in order else order
    position = 0
    for index, existing in enumerate(mapping):
        if existing in before:
            position = index + 1
    mapping.insert(position, name, value)


@dataclass
class Merge:
    """Applies one issue's answers to a record tree (new or current)."""

    tree: Any
    answers: Answers
    update: bool
    regions: Terms
    themes: Terms
    phone_region: str
    default_language: str
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Lists that `remove` deleted, kept so that an answer naming an entry again keeps its details.
    _stash: dict[str, list[Any]] = field(default_factory=dict)

    def _mark(self, field_id: str) -> None:
        if field_id not in self.changed:
            self.changed.append(field_id)

    # --- remove -----------------------------------------------------------------------------

    def remove(self, field_ids: list[str]) -> None:
        for field_id in field_ids:
            if self._remove(field_id):
                self.removed.append(field_id)

    def _remove(self, field_id: str) -> bool:
        tree = self.tree
        if field_id.startswith(("name_", "description_")):
            top, language = field_id.rsplit("_", 1)
            top = "description" if top == "description" else "name"
            value = tree.get(top)
            if isinstance(value, dict) and language in value:
                del value[language]
                if not value:
                    del tree[top]
                return True
            if isinstance(value, str) and top == "description" and language == self.default_language:
                del tree[top]
                return True
            return False
        if field_id in _CONTACT_FIELDS:
            contacts = tree.get("contacts")
            if not isinstance(contacts, dict) or field_id not in contacts:
                return False
            if isinstance(contacts[field_id], list):
                self._stash[field_id] = list(contacts[field_id])
            del contacts[field_id]
            if not contacts:
                del tree["contacts"]
            return True
        if field_id not in tree:
            return False
        if isinstance(tree[field_id], list):
            self._stash[field_id] = list(tree[field_id])
        del tree[field_id]
        return True

    # --- texts ------------------------------------------------------------------------------

    def names(self) -> None:
        plain = self.answers.get("name")
        translations = {lang: self.answers.get(f"name_{lang}") for lang in RECORD_LANGUAGES}
        current = self.tree.get("name")
        if isinstance(current, dict):
            self._translated_names(current, plain, translations)
            return
        # A new record, or one whose name is a single spelling for every language.
        if not plain and not any(translations.values()):
            return
        if isinstance(current, str) and not any(translations.values()) and plain == current:
            return
        spelling = plain or (current if isinstance(current, str) else "")
        name, others = names(Answers(self.answers.file, {**self.answers.values, "name": spelling}))
        if name is not None and name != current:
            put(self.tree, "name", _name_value(name), ORDER)
            self._mark("name")
            for lang, value in translations.items():
                if value:
                    self._mark(f"name_{lang}")
        self._other_names(others)

    def _translated_names(self, current: Any, plain: str, translations: dict[str, str]) -> None:
        # The organisation's own spelling is new only if no name, old or now given, is written so.
        known = {key(t) for t in [*texts(current), *translations.values()]}
        for other in self.tree.get("other_names") or []:
            known.update(key(t) for t in texts(other))
        for lang, value in translations.items():
            if value and current.get(lang) != value:
                put(current, lang, quoted(value), RECORD_LANGUAGES)
                self._mark(f"name_{lang}")
        if plain and key(plain) not in known:
            if "az" not in current:
                put(current, "az", quoted(plain), RECORD_LANGUAGES)
                self._mark("name")
            else:
                self._other_names([plain])

    def _other_names(self, others: list[str]) -> None:
        if not others:
            return
        current = self.tree.get("other_names")
        known = {key(t) for other in current or [] for t in texts(other)}
        fresh = [quoted(other) for other in others if key(other) not in known]
        if not fresh:
            return
        if isinstance(current, list):
            current.extend(fresh)
        else:
            put(self.tree, "other_names", block_list(fresh), ORDER)
        self._mark("name")

    def acronym(self) -> None:
        answer = self.answers.get("acronym")
        if answer and answer not in texts(self.tree.get("acronym")):
            put(self.tree, "acronym", quoted(answer), ORDER)
            self._mark("acronym")

    def descriptions(self) -> None:
        for lang in RECORD_LANGUAGES:
            answer = self.answers.get(f"description_{lang}")
            if not answer:
                continue
            current = self.tree.get("description")
            if isinstance(current, dict):
                if (current.get(lang) or "").strip() != answer.strip():
                    put(current, lang, text(answer), RECORD_LANGUAGES)
                    self._mark(f"description_{lang}")
                continue
            if (
                isinstance(current, str)
                and current.strip() == answer.strip()
                and lang == self.default_language
            ):
                continue
            if isinstance(current, str) and lang != self.default_language:
                value = block_map({self.default_language: current, lang: text(answer)})
            else:
                value = block_map({lang: text(answer)})
            put(self.tree, "description", value, ORDER)
            self._mark(f"description_{lang}")

    def single_values(self) -> None:
        form = self.answers.get("legal_form")
        if form:
            value = legal_form(form)
            current = self.tree.get("legal_form")
            if value != current and not (isinstance(value, str) and value in texts(current)):
                put(self.tree, "legal_form", _name_value(value), ORDER)
                self._mark("legal_form")
        founded = self.answers.get("founded")
        if founded and founded != self.tree.get("founded"):
            digits = founded.isascii() and founded.isdigit() and len(founded) <= 4
            put(self.tree, "founded", founded if digits else quoted(founded), ORDER)
            self._mark("founded")
        for field_id in ("email", "website"):
            answer = self.answers.get(field_id)
            if field_id == "email":
                answer = answer.removeprefix("mailto:")
            contacts = self.tree.get("contacts")
            if answer and (not isinstance(contacts, dict) or contacts.get(field_id) != answer):
                put(self._contacts(), field_id, quoted(answer), CONTACT_ORDER)
                self._mark(field_id)

    def _contacts(self) -> Any:
        contacts = self.tree.get("contacts")
        if not isinstance(contacts, dict):
            contacts = block_map({})
            put(self.tree, "contacts", contacts, ORDER)
        return contacts

    # --- lists ------------------------------------------------------------------------------

    def _list(self, mapping: Any, name: str, order: tuple[str, ...], *, flow: bool) -> Any:
        current = mapping.get(name)
        if not isinstance(current, list):
            current = flow_list([]) if flow else block_list([])
            put(mapping, name, current, order)
        return current

    def vocabularies(self) -> None:
        for field_id, terms in (("regions", self.regions), ("themes", self.themes)):
            entries = self.answers.entries(field_id)
            if not entries:
                continue
            current = self._list(self.tree, field_id, ORDER, flow=True)
            for slug in dict.fromkeys(terms.slug(entry) for entry in entries):
                if slug not in current:
                    current.append(word(slug))
                    self._mark(field_id)

    def phones(self) -> None:
        answers = [phone(line) for line in self.answers.entries("phones")]
        if not answers:
            return
        current = self._list(self._contacts(), "phones", CONTACT_ORDER, flow=False)
        known = {phone_key(str(p.get("number", "")), self.phone_region): p for p in _maps(current)}
        stashed = {
            phone_key(str(p.get("number", "")), self.phone_region): p
            for p in _maps(self._stash.get("phones"))
        }
        for answer in answers:
            number_key = phone_key(answer["number"], self.phone_region)
            entry = known.get(number_key)
            if entry is None and number_key in stashed:
                entry = known[number_key] = stashed[number_key]
                current.append(entry)
                self._mark("phones")
            if entry is not None:
                if "type" in answer and entry.get("type") != answer["type"]:
                    entry["type"] = answer["type"]
                    self._mark("phones")
                continue
            kind = answer.get("type") or guess_phone_type(answer["number"], self.phone_region)
            known[number_key] = flow_map(type=kind, number=quoted(answer["number"]))
            current.append(known[number_key])
            self._mark("phones")

    def social(self) -> None:
        urls = self.answers.entries("social")
        if not urls:
            return
        current = self._list(self._contacts(), "social", CONTACT_ORDER, flow=False)
        known = {url_key(str(s.get("url", ""))) for s in _maps(current)}
        stashed = {url_key(str(s.get("url", ""))): s for s in _maps(self._stash.get("social"))}
        for url in urls:
            if url_key(url) in known:
                continue
            known.add(url_key(url))
            current.append(stashed.get(url_key(url)) or flow_map(network=network(url), url=quoted(url)))
            self._mark("social")

    def locations(self) -> None:
        places = [Place.read(line, self.regions) for line in self.answers.entries("locations")]
        if not places:
            return
        current = self._list(self.tree, "locations", ORDER, flow=False)
        regions = self.tree.get("regions")
        only_region = regions[0] if isinstance(regions, list) and len(regions) == 1 else ""
        for place in places:
            entry = _find_place(current, place)
            if entry is None:
                entry = _find_place(self._stash.get("locations") or [], place)
                if entry is not None:
                    current.append(entry)
                    self._mark("locations")
            if entry is not None:
                if place.region and entry.get("region") != place.region:
                    put(entry, "region", word(place.region), LOCATION_ORDER)
                    self._mark("locations")
                if place.name and key(place.name) not in {key(t) for t in texts(entry.get("name"))}:
                    put(entry, "name", quoted(place.name), LOCATION_ORDER)
                    self._mark("locations")
                continue
            current.append(self._new_place(place, first=not current, region=place.region or only_region))
            self._mark("locations")

    @staticmethod
    def _new_place(place: Place, *, first: bool, region: str) -> Any:
        entry = block_map({})
        if place.name:
            entry["name"] = quoted(place.name)
        elif first or not (place.city or place.address):
            entry["name"] = flow_map(**{lang: quoted(name) for lang, name in MAIN_OFFICE.items()})
        else:
            entry["name"] = quoted(place.city or place.address.splitlines()[0])
        if place.address:
            entry["address"] = text(place.address)
        if place.city:
            entry["city"] = quoted(place.city)
        if region:
            entry["region"] = word(region)
        return entry

    def maintainers(self, author: str | None) -> None:
        named = logins(self.answers) + ([author] if author and not self.update else [])
        if not named:
            return
        current = self._list(self.tree, "maintainers", ORDER, flow=True)
        known = {str(login).casefold() for login in current}
        for login in named:
            if login.casefold() not in known:
                known.add(login.casefold())
                current.append(word(login))
                self._mark("maintainers")

    def dates(self, today: dt.date) -> None:
        day = quoted(today.isoformat())
        put(self.tree, "last_verified", day, ORDER)
        if not self.update:
            put(self.tree, "added", quoted(today.isoformat()), ORDER)
        elif self.changed or self.removed:
            put(self.tree, "updated", quoted(today.isoformat()), ORDER)

    def apply(self, remove: list[str], author: str | None, today: dt.date) -> None:
        """Every answer, in the order the record lists its fields."""
        self.remove(remove)
        self.names()
        self.acronym()
        self.descriptions()
        self.single_values()
        self.vocabularies()
        self.locations()
        self.phones()
        self.social()
        self.maintainers(author)
        self.dates(today)
        contacts = self.tree.get("contacts")
        if isinstance(contacts, dict) and not contacts:
            del self.tree["contacts"]


def _name_value(value: str | dict[str, str]) -> Any:
    if isinstance(value, dict):
        return block_map({lang: quoted(text) for lang, text in value.items()})
    return quoted(value)


def _maps(items: Any) -> list[Any]:
    return [item for item in items or [] if isinstance(item, dict)]


def _find_place(places: Any, place: Place) -> Any:
    for entry in _maps(places):
        addresses = {key(t) for t in texts(entry.get("address"))} or {""}
        cities = {key(t) for t in texts(entry.get("city"))} or {""}
        if key(place.address) in addresses and key(place.city) in cities:
            return entry
    return None
