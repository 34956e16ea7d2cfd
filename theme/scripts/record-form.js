// The NGO form (contribute/form/): filled from the record's JSON for an update (?record=<slug>),
// checked as one types with the site's published JSON Schemas (@cfworker/json-schema, which
// needs no eval, so the page keeps its strict Content-Security-Policy), then turned into the
// address of GitHub's issue form filled in with what changed, or, when that address would be too
// long, into the record's YAML to paste in GitHub's editor. Until all that has loaded the form
// stays hidden and the page lists the other ways in.
import { Validator, format } from "./vendor/json-schema.js";
import * as data from "./record-data.js";

// The longest address offered, counted in full as sent: common web front ends refuse a request
// line over 8 KB (nginx's default buffer), and about 8 KB is what is known to reach GitHub's issue
// forms; 8,000 leaves room for the rest of the request line.
const LIMIT = 8000;
const CHECK_PAUSE_MS = 700; // a pause in typing before a new message is shown
const ANNOUNCE_MS = 400;
const GROUPS = { locations: ["address", "city", "region", "name"], phones: ["number", "type"], social: ["url"] };

const form = document.getElementById("record-form");
const texts = JSON.parse(document.getElementById("form-texts").textContent);
const language = document.documentElement.lang;
const order = JSON.parse(form.dataset.order);
const root = new URL(form.dataset.root, location.href);
const { fill } = data;
const $ = (id) => document.getElementById(id);

data.addFormats(format);

let original = null; // the record's JSON, for an update
let slug = "";
let context = null;
let check = () => new Map();
const touched = new WeakSet(); // the controls (a box's fieldset) the contributor has changed
const rows = { locations: [], phones: [], social: [] };
let counter = 0;
let timer = 0;

// --- Reading and filling the form -------------------------------------------------------------

const TEXT_FIELDS = ["name", "name_az", "name_ru", "name_en", "acronym", "legal_form", "founded", "email",
  "website", "maintainers"];
const AREAS = ["description_az", "description_ru", "description_en", "notes"];

function answers() {
  const out = {};
  for (const id of TEXT_FIELDS) out[id] = data.line($(`f-${id}`).value);
  for (const id of AREAS) out[id] = data.block($(`f-${id}`).value);
  for (const list of ["regions", "themes"]) {
    out[list] = [...form.querySelectorAll(`input[name="${list}"]:checked`)].map((box) => box.value);
  }
  for (const [group, parts] of Object.entries(GROUPS)) {
    out[group] = rows[group].map((row) => ({
      origin: row.origin,
      ...Object.fromEntries(parts.map((part) => [part, row.parts[part].control.value])),
    }));
  }
  return out;
}

function prefill(values) {
  for (const id of [...TEXT_FIELDS, ...AREAS]) if (values[id] !== undefined) $(`f-${id}`).value = values[id];
  for (const list of ["regions", "themes"]) {
    for (const box of form.querySelectorAll(`input[name="${list}"]`)) box.checked = values[list].includes(box.value);
  }
  for (const group of Object.keys(GROUPS)) for (const row of values[group]) addRow(group, row);
}

// --- Repeated groups ---------------------------------------------------------------------------

const announcer = $("form-announce");
function announce(text) {
  clearTimeout(announce.timer);
  announcer.textContent = "";
  announce.timer = setTimeout(() => (announcer.textContent = text), 50);
}

function renumber(group) {
  rows[group].forEach((row, index) => {
    const number = (index + 1).toLocaleString(language);
    row.legend.textContent = fill(texts.rows[group].legend, { number });
    row.remove.textContent = fill(texts.rows[group].remove, { number });
  });
}

function addRow(group, values = {}, focus = false) {
  const node = $(`f-${group}-row`).content.firstElementChild.cloneNode(true);
  const id = ++counter;
  const row = { node, origin: values.origin ?? null, parts: {}, legend: node.querySelector("legend"),
    remove: node.querySelector("[data-remove]") };
  for (const part of node.querySelectorAll("[data-part]")) {
    const name = part.dataset.part;
    const control = part.querySelector("input, select");
    control.id = `f-${group}-${id}-${name}`;
    part.querySelector("label").htmlFor = control.id;
    const message = part.querySelector(".message");
    message.id = `${control.id}-error`;
    const hint = part.querySelector(".hint");
    if (hint) {
      hint.id = `${control.id}-hint`;
      control.setAttribute("aria-describedby", hint.id);
    }
    if (values[name] !== undefined && values[name] !== null) control.value = values[name];
    control.dataset.field = `${group}.${name}`;
    row.parts[name] = { control, message, field: part };
  }
  row.remove.addEventListener("click", () => removeRow(group, row));
  rows[group].push(row);
  $(`f-${group}-rows`).append(node);
  renumber(group);
  if (focus) {
    Object.values(row.parts)[0].control.focus();
    announce(fill(texts.rows[group].added, { number: rows[group].length.toLocaleString(language) }));
  }
  return row;
}

function removeRow(group, row) {
  const list = rows[group];
  const index = list.indexOf(row);
  list.splice(index, 1);
  row.node.remove();
  renumber(group);
  const next = list[index] ?? list[index - 1];
  (next ? Object.values(next.parts)[0].control : form.querySelector(`[data-add="${group}"]`)).focus();
  announce(fill(texts.rows[group].removed, { number: (index + 1).toLocaleString(language) }));
  changed();
}

// --- Regions and themes: narrowed down by any of their names -----------------------------------

const letters = texts.letters;
// Letters made plain before and after lower case: Azerbaijani capitals (İ, I) and Cyrillic ones
// ('Гянджа' and 'гянджа' alike), as the search and the slugs fold them.
const plain = (text) => [...text].map((c) => letters[c] ?? c).join("");
const fold = (text) =>
  plain(plain(text).toLocaleLowerCase(language)).normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();

function choices(key) {
  const input = $(`f-${key}-filter`);
  const status = $(`f-${key}-shown`);
  const items = [...$(`f-${key}-list`).children].map((li) => {
    const box = li.querySelector("input");
    return { li, box, text: fold(`${li.textContent} · ${box.dataset.names}`) };
  });
  let pause = 0;
  input.addEventListener("input", () => {
    const words = fold(input.value).split(" ").filter(Boolean);
    let shown = 0;
    for (const item of items) {
      item.li.hidden = !item.box.checked && !words.every((word) => item.text.includes(word));
      if (!item.li.hidden) shown += 1;
    }
    clearTimeout(pause);
    pause = setTimeout(() => {
      status.textContent = !words.length ? ""
        : shown ? fill(texts.shown, { shown: shown.toLocaleString(language), total: items.length.toLocaleString(language) })
          : texts.noneShown;
    }, ANNOUNCE_MS);
  });
  // Enter in the box would send the form.
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
}

// --- Messages at their fields -------------------------------------------------------------------

// The control and the message element of a field key ('website', 'phones.2.number').
function place(key) {
  const [group, position, part] = key.split(".");
  if (part) {
    const row = rows[group]?.[Number(position)];
    return row ? { control: row.parts[part].control, message: row.parts[part].message, row } : null;
  }
  const control = $(`f-${key}`);
  if (!control) return null;
  const message = $(`f-${key}-error`);
  if (control.tagName === "FIELDSET") return { control: control.querySelector("input[type=checkbox]"), message, group: control };
  return { control, message };
}

function labelOf(found) {
  const label = found.group ? found.group.querySelector("legend").textContent
    : form.querySelector(`label[for="${found.control.id}"]`).textContent;
  const within = found.row ? found.row.legend.textContent
    : found.control.closest("fieldset.languages")?.querySelector("legend").textContent;
  return within ? `${within}: ${label}` : label;
}

function show(messages, all) {
  const keys = new Set([...messages.keys()]);
  for (const element of form.querySelectorAll(".message:not([hidden])")) {
    element.hidden = true;
    element.textContent = "";
  }
  for (const control of form.querySelectorAll("[aria-invalid]")) {
    control.removeAttribute("aria-invalid");
    const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && !id.endsWith("-error"));
    if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  }
  const shown = [];
  const places = [...keys].map((key) => [key, place(key)]).filter(([, at]) => at);
  // In the form's order, whatever order the checks found them in.
  places.sort(([, a], [, b]) => (a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const [key, found] of places) {
    if (!all && !touched.has(found.group ?? found.control)) continue;
    // The validator's messages start in lower case, as parts of its lines; here each is a sentence
    // (but 'https://...' stays as it is written).
    const text = messages.get(key).replace(/^\p{Ll}(?![\p{L}]*:\/\/)/u, (first) => first.toLocaleUpperCase(language));
    found.message.textContent = text;
    found.message.hidden = false;
    if (!found.group) {
      found.control.setAttribute("aria-invalid", "true");
      const ids = (found.control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
      found.control.setAttribute("aria-describedby", [...ids, found.message.id].join(" "));
    }
    shown.push({ key, found, text });
  }
  return shown;
}

// Messages for the answers; `strict` adds what only the copied record needs (a maintainer).
function messagesFor(values, strict = false) {
  const messages = check(values);
  for (const [position, row] of rows.locations.entries()) {
    for (const part of ["address", "city", "name"]) {
      if (row.parts[part].control.value.includes("|")) messages.set(`locations.${position}.${part}`, texts.noBar);
    }
  }
  if (!original && strict && !data.logins(values.maintainers).length) messages.set("maintainers", texts.needLogin);
  return messages;
}

function summarise(shown) {
  const summary = $("form-summary");
  const list = summary.querySelector("ul");
  list.replaceChildren(...shown.map(({ found, text }) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${found.control.id}`;
    link.textContent = `${labelOf(found)}: ${text}`;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      found.control.focus();
    });
    item.append(link);
    return item;
  }));
  summary.hidden = !shown.length;
  return summary;
}

// --- As one types -------------------------------------------------------------------------------

function hideResults() {
  $("form-link").hidden = true;
  $("form-yaml").hidden = true;
  $("form-status").textContent = "";
}

function changed(event) {
  hideResults();
  if (event?.target?.closest?.(".choice-filter")) return;
  if (event?.target) touched.add(event.target.type === "checkbox" ? event.target.closest("fieldset") : event.target);
  const showing = event?.target && event.target.getAttribute("aria-invalid") === "true";
  clearTimeout(timer);
  const refresh = () => {
    const shown = show(messagesFor(answers()), false);
    if (!$("form-summary").hidden) summarise(shown);
  };
  // A message already shown goes as soon as the answer is right; a new one waits for a pause.
  if (showing || event?.type === "change" || !event) refresh();
  else timer = setTimeout(refresh, CHECK_PAUSE_MS);
}

// --- Sending -----------------------------------------------------------------------------------

function today() {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: form.dataset.timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

function fileRecord(values) {
  const { record } = data.intended(original, values, context);
  const day = today();
  if (original) return { ...record, last_verified: day, updated: day };
  return { ...record, last_verified: day, added: day };
}

function submit(event) {
  event.preventDefault();
  hideResults();
  const values = answers();
  let messages = messagesFor(values);
  const status = $("form-status");
  const stop = (found) => {
    const summary = summarise(show(found, true));
    status.textContent = texts.problems;
    summary.focus();
  };
  if (messages.size) return stop(messages);
  $("form-summary").hidden = true;
  const change = data.changes(original, values, context);
  if (original && !change.changed) {
    status.textContent = texts.unchanged;
    return;
  }
  const address = data.issueAddress(form.dataset.issue, change.params);
  if (address.length <= LIMIT) {
    $("form-link-address").href = address;
    $("form-link").hidden = false;
    $("form-link").focus();
    return;
  }
  messages = messagesFor(values, true);
  if (messages.size) return stop(messages);
  const yaml = data.toYaml(fileRecord(values), form.dataset.modeline);
  $("form-yaml-text").value = yaml;
  const edit = $("form-yaml-edit");
  if (original) edit.href = `${form.dataset.edit}${slug}.yaml`;
  else {
    const url = new URL(form.dataset.new);
    url.search = `?filename=${encodeURIComponent(`${data.slugOf(values.name || values.name_az || values.name_en || values.name_ru, letters) || "your-organisation"}.yaml`)}`;
    edit.href = url.href;
    edit.textContent = edit.dataset.newText;
  }
  const section = $("form-yaml");
  section.hidden = false;
  section.focus();
}

async function copy() {
  const status = $("form-yaml-status");
  const text = $("form-yaml-text");
  try {
    await navigator.clipboard.writeText(text.value);
    status.textContent = texts.copied;
  } catch {
    text.focus();
    text.select();
    status.textContent = texts.copyFailed;
  }
}

// --- Start ---------------------------------------------------------------------------------------

async function json(url, optional = false) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (optional && response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function showRecord(name) {
  const note = $("form-record");
  const link = document.createElement("a");
  link.href = new URL(form.dataset.recordPage.replace("{slug}", slug), root).href;
  link.textContent = name;
  const [before, after] = texts.updating.split("{name}");
  note.replaceChildren(before, link, after ?? "");
  note.hidden = false;
  const heading = document.querySelector("main h1");
  const title = fill(texts.title, { name });
  document.title = document.title.replace(heading.textContent, title);
  heading.textContent = title;
}

// A place's region is one of the regions listed above the places.
function regionOptions() {
  const select = $("f-locations-row").content.querySelector("[data-part=region] select");
  for (const box of form.querySelectorAll("input[name=regions]")) select.append(new Option(box.parentElement.textContent.trim(), box.value));
}

async function start() {
  const wanted = new URLSearchParams(location.search).get("record") ?? "";
  const schemas = new URL(form.dataset.schemas, root);
  const ngoUrl = new URL("ngo.schema.json", schemas).href;
  const commonUrl = new URL("common.schema.json", schemas).href;
  const recordUrl = new URL(`${wanted}.json`, new URL(form.dataset.recordData, root));
  const [ngo, common, record] = await Promise.all([
    json(ngoUrl),
    json(commonUrl),
    wanted && data.SLUG.test(wanted) ? json(recordUrl, true) : null,
  ]);
  if (record) {
    original = record;
    slug = wanted;
  }
  context = {
    order,
    language,
    defaultLanguage: form.dataset.defaultLanguage,
    legalForms: texts.legalForms,
    placeName: texts.placeName,
    networks: texts.networks,
    slug,
    ownName: !original || typeof original.name === "string",
    invisible: texts.invisiblePattern,
  };
  check = data.checker({ Validator, schemas: { [ngoUrl]: ngo, [commonUrl]: common }, record: ngoUrl, original, texts, context });
  // The form as the record has it.
  regionOptions();
  prefill(data.answersOf(original, context));
  $("f-name-field").hidden = !context.ownName;
  for (const element of form.querySelectorAll(".update-only")) element.hidden = !original;
  for (const element of form.querySelectorAll(".new-only")) element.hidden = Boolean(original);
  if (original) {
    const current = $("f-maintainers-current");
    current.textContent = fill(current.dataset.text, { logins: (original.maintainers ?? []).join(", ") });
    $("f-maintainers").setAttribute("aria-describedby", current.id);
    showRecord(data.pick(original.name, order));
  } else if (wanted) {
    const note = $("form-record");
    note.textContent = fill(texts.noRecord, { slug: wanted.slice(0, 80) });
    note.hidden = false;
  }
  for (const key of ["regions", "themes"]) choices(key);
  for (const button of form.querySelectorAll("[data-add]")) {
    button.addEventListener("click", () => addRow(button.dataset.add, {}, true));
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", submit);
  $("form-yaml-copy").addEventListener("click", copy);
  const intro = $("form-yaml-intro");
  intro.textContent = fill(intro.textContent, { limit: LIMIT.toLocaleString(language) });
  $("form-off").hidden = true;
  form.hidden = false;
  form.dataset.ready = "true";
}

start().catch(() => {
  const text = $("form-off-text");
  text.textContent = text.dataset.failed;
  $("form-off").hidden = false;
  form.hidden = true;
});
