// The NGO form's data, apart from the page: the answers a record gives the form, the record the
// answers mean, the issue form's fields that say what changed, where each schema error belongs
// and what it says, and a record as YAML. record-form.js puts them on the page; tests run this
// module in Node.

export const LANGUAGES = ["az", "ru", "en"];
// The issue form's text fields, in its order (the shared spec of the NGO issue form).
const TEXTS = ["name_az", "name_ru", "name_en", "acronym", "description_az", "description_ru",
  "description_en", "legal_form", "founded", "email", "website"];
const LISTS = ["regions", "themes", "locations", "phones", "social"];
// A record's fields in the order its file lists them (ngo.schema.json's properties).
const ORDER = ["name", "acronym", "other_names", "description", "founded", "legal_form", "registration",
  "regions", "themes", "locations", "contacts", "languages", "partners", "funders", "maintainers",
  "last_verified", "added", "updated"];
const CONTACTS = ["phones", "email", "website", "social"];
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isMap = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
// One line as an input holds it; a text area's text as the issue parser reads it.
export const line = (value) => String(value ?? "").replace(/[\p{Zs}\t\n\r]+/gu, " ").replace(/^ | $/g, "");
export const block = (value) =>
  String(value ?? "").replace(/\r\n?/g, "\n").split("\n").map((l) => l.trimEnd()).join("\n").trim();

// A record's text (a string, or a map of languages) in the first language of `order` it has.
export function pick(text, order) {
  if (typeof text === "string") return text;
  if (!isMap(text)) return "";
  for (const language of order) if (text[language]) return text[language];
  return Object.values(text).find((value) => typeof value === "string" && value) ?? "";
}

function emptyAnswers() {
  const answers = Object.fromEntries(TEXTS.map((id) => [id, ""]));
  return { ...answers, name: "", regions: [], themes: [], locations: [], phones: [], social: [],
    maintainers: "", notes: "" };
}

// What the form shows of a record, each list entry with its place in the record (`origin`).
export function answersOf(record, { order, defaultLanguage }) {
  const answers = emptyAnswers();
  if (!record) return answers;
  const languages = (text, key, format) => {
    if (typeof text === "string") return format === "own" ? (answers.name = line(text)) : (answers[`${key}_${defaultLanguage}`] = block(text));
    for (const language of LANGUAGES) {
      if (isMap(text) && typeof text[language] === "string") {
        answers[`${key}_${language}`] = format === "own" ? line(text[language]) : block(text[language]);
      }
    }
  };
  languages(record.name, "name", "own");
  languages(record.description, "description", "text");
  answers.acronym = line(pick(record.acronym, order));
  answers.legal_form = line(pick(record.legal_form, order));
  answers.founded = record.founded === undefined ? "" : String(record.founded);
  answers.regions = [...(record.regions ?? [])];
  answers.themes = [...(record.themes ?? [])];
  answers.locations = (record.locations ?? []).map((place, origin) => ({
    origin,
    address: line(pick(place.address, order)),
    city: line(pick(place.city, order)),
    region: place.region ?? "",
    name: line(pick(place.name, order)),
  }));
  const contacts = record.contacts ?? {};
  answers.phones = (contacts.phones ?? []).map((phone, origin) => ({ origin, number: line(phone.number), type: phone.type }));
  answers.email = line(contacts.email);
  answers.website = line(contacts.website);
  answers.social = (contacts.social ?? []).map((link, origin) => ({ origin, url: line(link.url) }));
  return answers;
}

// GitHub logins as the issue form takes them: separated by commas or spaces, '@' and github.com
// addresses allowed.
export function logins(text) {
  const found = new Map();
  for (const part of String(text ?? "").split(/[,;\s]+/u)) {
    const login = part.replace(/^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/?#]+)\/?$/iu, "$1").replace(/^@/, "");
    if (login) found.set(login.toLowerCase(), login);
  }
  return [...found.values()];
}

// The social network of an address, by its host (from_issue.SOCIAL_HOSTS).
function networkOf(url, networks) {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^(www|m|mobile)\./, "");
    return networks[host] ?? "other";
  } catch {
    return "other";
  }
}

// The name a place is given when its row names none, as the issue parser names it: the first
// place is the main office, the others are named after their city (or their address).
const placeName = (place, index, context) =>
  place.name || (index === 0 ? { ...context.placeName } : place.city || place.address);

const rowEmpty = {
  locations: (row) => !line(row.address) && !line(row.city) && !row.region && !line(row.name),
  phones: (row) => !line(row.number),
  social: (row) => !line(row.url),
};

// The lines a list field of the issue form holds for the answers: one a slug, place, number or
// address, in order; regions and themes those `before` has first, in its order.
export function linesOf(answers, list, before = null) {
  if (list === "regions" || list === "themes") {
    const kept = (before?.[list] ?? []).filter((slug) => answers[list].includes(slug));
    return [...kept, ...answers[list].filter((slug) => !kept.includes(slug))];
  }
  const rows = answers[list].filter((row) => !rowEmpty[list](row));
  if (list === "phones") return rows.map((row) => `${line(row.number)} (${row.type})`);
  if (list === "social") return rows.map((row) => line(row.url));
  return rows.map((row, index) => {
    // A place other than the first is named after its city (or address) unless named: say so,
    // so that the issue parser names it the same whatever its line's place in the answer.
    const name = line(row.name) || (index === 0 ? "" : line(row.city) || line(row.address));
    const columns = [line(row.address), line(row.city), row.region, name];
    while (columns.length && !columns.at(-1)) columns.pop();
    return columns.join(" | ");
  });
}

// How the issue parser compares an answer with a name (contribute/issue_answers.py, key): case,
// spacing and the four capitals and small letters of i and ı aside.
const key = (text) => line(text.normalize("NFC").replace(/[İı]/g, "i").toLowerCase());

const sameList = (a, b) => a.length === b.length && a.every((item, i) => item === b[i]);
const startsWith = (list, head) => head.length <= list.length && head.every((item, i) => item === list[i]);

// A text of the record in each language after the answers: the record's own text where an
// answer did not change, the answer where it did (an emptied answer drops its language).
function texts(original, answers, before, key, defaultLanguage) {
  const changed = LANGUAGES.filter((l) => answers[`${key}_${l}`] !== before[`${key}_${l}`]);
  if (!changed.length) return original;
  const map = typeof original === "string" ? { [defaultLanguage]: original } : { ...(original ?? {}) };
  for (const language of changed) {
    const value = answers[`${key}_${language}`];
    if (value) map[language] = value;
    else delete map[language];
  }
  return Object.keys(map).length ? map : undefined;
}

// A name from the organisation's own spelling and its translations, as the issue parser makes
// one: the spelling alone, or a map of the translations with the spelling in Azerbaijani when
// that is missing, or kept among the other names.
function ownName(plain, answers) {
  const translated = Object.fromEntries(LANGUAGES.filter((l) => answers[`name_${l}`]).map((l) => [l, answers[`name_${l}`]]));
  const values = Object.values(translated);
  if (!values.length || values.every((value) => value === plain)) return { name: plain || undefined, other: [] };
  if (plain && !values.includes(plain)) {
    if (!translated.az) return { name: { az: plain, ...translated }, other: [] };
    return { name: translated, other: [plain] };
  }
  return { name: translated, other: [] };
}

function setOrDrop(object, key, value) {
  if (value === undefined || value === "") delete object[key];
  else object[key] = value;
}

// The keys of `record` in the order of `order`, those of `original` keeping their own order.
function ordered(record, original, order) {
  const keys = Object.keys(original ?? {}).filter((key) => key in record);
  for (const key of Object.keys(record)) {
    if (keys.includes(key)) continue;
    const rank = order.indexOf(key);
    const at = rank < 0 ? -1 : keys.findIndex((other) => order.indexOf(other) > rank);
    if (at < 0) keys.push(key);
    else keys.splice(at, 0, key);
  }
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

// The list of rows after the answers: an entry the row came from keeps all that the form does not
// show, and takes what the row changed. `where` says which row each entry comes from.
function rowsToList(list, original, answers, before, make) {
  const entries = [];
  const where = [];
  answers[list].forEach((row, position) => {
    if (rowEmpty[list](row)) return;
    const from = row.origin === undefined || row.origin === null ? null : before[list].find((r) => r.origin === row.origin);
    entries.push(make(row, from, from ? structuredClone(original[row.origin]) : null, entries.length));
    where.push(position);
  });
  return { entries, where };
}

// The record the answers mean: the original (for an update) with each change made, everything
// the form does not show kept as it was. Returns the record and, for each list, the row of each
// entry (`where`).
export function intended(original, answers, context) {
  const { order, defaultLanguage } = context;
  const before = answersOf(original, context);
  const record = original ? structuredClone(original) : {};
  const where = {};
  // The name
  if (!original || typeof original.name === "string" || original.name === undefined) {
    const own = line(answers.name);
    const unchanged = original && own === before.name && LANGUAGES.every((l) => answers[`name_${l}`] === before[`name_${l}`]);
    if (!unchanged) {
      const { name, other } = ownName(own, answers);
      setOrDrop(record, "name", name);
      if (other.length) record.other_names = [...new Set([...(record.other_names ?? []), ...other])];
    }
  } else {
    setOrDrop(record, "name", texts(original.name, answers, before, "name", defaultLanguage));
  }
  setOrDrop(record, "description", texts(original?.description, answers, before, "description", defaultLanguage));
  const changed = (id) => answers[id] !== before[id];
  if (changed("acronym")) setOrDrop(record, "acronym", answers.acronym);
  if (changed("legal_form")) {
    const typed = key(answers.legal_form);
    const known = context.legalForms.find((form) => Object.values(form).some((name) => key(name) === typed));
    setOrDrop(record, "legal_form", known ? { ...known } : answers.legal_form);
  }
  if (changed("founded")) setOrDrop(record, "founded", /^[0-9]{1,4}$/.test(answers.founded) ? Number(answers.founded) : answers.founded);
  for (const list of ["regions", "themes"]) {
    const now = linesOf(answers, list, before);
    if (!original || !sameList(now, before[list])) record[list] = now;
  }
  // Places
  const places = rowsToList("locations", original?.locations ?? [], answers, before, (row, from, entry, index) => {
    const place = entry ?? {};
    for (const part of ["address", "city"]) {
      if (!from || line(row[part]) !== from[part]) setOrDrop(place, part, line(row[part]));
    }
    if (!from || row.region !== from.region) setOrDrop(place, "region", row.region);
    if (!from || line(row.name) !== from.name) {
      setOrDrop(place, "name", placeName({ name: line(row.name), city: line(row.city), address: line(row.address) }, index, context));
    }
    return ordered(place, entry, ["name", "address", "city", "region"]);
  });
  where.locations = places.where;
  if (!sameList(linesOf(answers, "locations"), linesOf(before, "locations"))) setOrDrop(record, "locations", places.entries.length ? places.entries : undefined);
  // Contacts
  const contacts = { ...(record.contacts ?? {}) };
  const phones = rowsToList("phones", original?.contacts?.phones ?? [], answers, before, (row, from, entry) => {
    const phone = entry ?? {};
    if (!from || row.type !== from.type) phone.type = row.type;
    if (!from || line(row.number) !== from.number) phone.number = line(row.number);
    return ordered(phone, entry, ["type", "number"]);
  });
  where.phones = phones.where;
  if (!sameList(linesOf(answers, "phones"), linesOf(before, "phones"))) setOrDrop(contacts, "phones", phones.entries.length ? phones.entries : undefined);
  for (const id of ["email", "website"]) if (changed(id)) setOrDrop(contacts, id, answers[id]);
  const social = rowsToList("social", original?.contacts?.social ?? [], answers, before, (row, from, entry) =>
    from && line(row.url) === from.url ? entry : { network: networkOf(line(row.url), context.networks), url: line(row.url) });
  where.social = social.where;
  if (!sameList(linesOf(answers, "social"), linesOf(before, "social"))) setOrDrop(contacts, "social", social.entries.length ? social.entries : undefined);
  setOrDrop(record, "contacts", Object.keys(contacts).length ? ordered(contacts, original?.contacts, CONTACTS) : undefined);
  // Maintainers: an update adds logins, never drops one.
  const current = original?.maintainers ?? [];
  const added = logins(answers.maintainers).filter((login) => !current.some((c) => c.toLowerCase() === login.toLowerCase()));
  if (added.length || !original) record.maintainers = [...current, ...added];
  return { record: ordered(record, original, ORDER), where };
}

// The issue form's fields that say what the answers change: for a new organisation every answer;
// for an update only what changed, an emptied text as `remove`, a list that only grew as its new
// entries, any other changed list as `remove` and the whole new list. [[id, value], ...] in the
// form's order, and whether anything changed.
export function changes(original, answers, context) {
  const before = answersOf(original, context);
  const { record } = intended(original, answers, context);
  const params = [];
  const remove = [];
  if (original) params.push(["existing", context.slug]);
  params.push(["language", context.language]);
  const name = original && typeof original.name !== "string" ? pick(record.name, context.order) : line(answers.name);
  params.push(["title", `NGO: ${name}`], ["name", name]);
  const fields = [];
  for (const id of TEXTS) {
    const now = answers[id];
    if (!original) {
      if (now) fields.push([id, now]);
    } else if (now !== before[id]) {
      if (now) fields.push([id, now]);
      else remove.push(id);
    }
  }
  for (const list of LISTS) {
    const now = linesOf(answers, list, before);
    const was = original ? linesOf(before, list) : [];
    const separator = list === "regions" || list === "themes" ? ", " : "\n";
    if (sameList(now, was)) continue;
    if (!now.length) remove.push(list);
    else if (startsWith(now, was)) fields.push([list, now.slice(was.length).join(separator)]);
    else {
      remove.push(list);
      fields.push([list, now.join(separator)]);
    }
  }
  const current = original?.maintainers ?? [];
  const added = logins(answers.maintainers).filter((login) => !current.some((c) => c.toLowerCase() === login.toLowerCase()));
  if (added.length) fields.push(["maintainers", added.join(", ")]);
  const order = ["name_az", "name_ru", "name_en", "acronym", "description_az", "description_ru", "description_en",
    "legal_form", "founded", "regions", "themes", "locations", "phones", "email", "website", "social", "maintainers"];
  fields.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  params.push(...fields);
  if (remove.length) params.push(["remove", remove.sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(", ")]);
  const notes = block(answers.notes);
  if (notes) params.push(["notes", notes]);
  return { params, changed: Boolean(fields.length || remove.length) };
}

// The issue form's address with its fields filled in: `base` names the form (?template=...).
export const issueAddress = (base, params) =>
  base + params.map(([id, value]) => `&${encodeURIComponent(id)}=${encodeURIComponent(value)}`).join("");

// --- Checking with the published schemas -----------------------------------------------------

// The formats of the schemas as the validator checks them (records/formats.py), given to
// @cfworker/json-schema's `format` table. cfworker skips a format it does not know, and the
// schemas check the shape of each custom one with an if/then pattern as well; http-url is
// checked here as the validator does: an http(s) address with a real host name, without a user
// name or password. cfworker's e-mail check takes a host of one label (info@example), which the
// validator refuses: the domain needs a dot, and a last label that is not a number. A phone
// number is left to its pattern (the validator's check, libphonenumber, is far too heavy for a
// page), and local-datetime is no field of the form.
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
export function addFormats(format) {
  format["http-url"] = (value) => {
    if (/\s/u.test(value)) return false;
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && HOST.test(url.hostname)
        && !url.username && !url.password;
    } catch {
      return false;
    }
  };
  const email = format.email;
  format.email = (value) => {
    const domain = value.slice(value.lastIndexOf("@") + 1);
    return email(value) && domain.includes(".") && !/\.[0-9]*$/.test(domain);
  };
}

// --- Where a schema error belongs, and what it says ------------------------------------------

const LEAVES = new Set(["type", "minLength", "maxLength", "pattern", "format", "enum", "const", "required",
  "minItems", "maxItems", "uniqueItems", "minimum", "maximum", "not", "minProperties", "multipleOf"]);

const pointer = (location) => location.replace(/^#/, "").split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));

function valueAt(value, path) {
  for (const key of path) value = value?.[key];
  return value;
}

// The schema `reference` points at, from the schema with address `base` (schemas by address).
function resolve(reference, base, schemas) {
  const url = new URL(reference, base);
  const fragment = url.hash;
  url.hash = "";
  let node = schemas[url.href];
  for (const part of pointer(fragment || "#")) node = node?.[part];
  return { node, base: url.href };
}

function fits(schema, value) {
  const type = schema?.type;
  if (type === "string") return typeof value === "string";
  if (type === "object") return isMap(value);
  if (type === "array") return Array.isArray(value);
  return true;
}

// The schema nodes an error's keywordLocation goes through, with how deep in the instance each is,
// following each $ref into the schema it names; null when the error is inside an anyOf branch
// meant for another kind of value (a name written as a map is no failed string).
function trail(error, root, schemas, record) {
  const steps = pointer(error.keywordLocation);
  const instance = pointer(error.instanceLocation);
  let node = root.node;
  let base = root.base;
  const nodes = [];
  const branches = [];
  let depth = 0; // how many fields and items deep in the instance the walk is
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i];
    if (step === "$ref") {
      ({ node, base } = resolve(node.$ref, base, schemas));
      nodes.push(node);
      continue;
    }
    if (step === "properties" || step === "patternProperties") {
      node = node[step][steps[++i]];
      depth += 1;
    } else if (step === "items" || step === "additionalProperties") {
      node = node[step];
      depth += 1;
    } else if (step === "anyOf" || step === "oneOf" || step === "allOf") {
      node = node[step][steps[++i]];
      if (step !== "allOf") branches.push({ node, base, depth });
    } else {
      node = node[step];
    }
    nodes.push(node);
  }
  for (const branch of branches) {
    let schema = branch.node;
    if (schema?.$ref) schema = resolve(schema.$ref, branch.base, schemas).node;
    if (!fits(schema, valueAt(record, instance.slice(0, branch.depth)))) return null;
  }
  return { nodes, keyword: steps.at(-1) };
}

// A text of the page with its {placeholders} filled in.
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

// The form's field of an instance path, such as 'website' or 'phones.2.number' (the row's place on
// the page), or null for a part of the record the form does not show.
function fieldOf(path, answers, where, context) {
  const [first, second, third, fourth] = path;
  const ownName = context.ownName; // the organisation's own spelling has a field of its own
  switch (first) {
    case "name":
      if (LANGUAGES.includes(second)) return answers[`name_${second}`] || !ownName ? `name_${second}` : "name";
      return ownName ? "name" : `name_${LANGUAGES.includes(context.order[0]) ? context.order[0] : "az"}`;
    case "description":
      return LANGUAGES.includes(second) ? `description_${second}` : `description_${LANGUAGES.includes(context.order[0]) ? context.order[0] : "az"}`;
    case "acronym": case "legal_form": case "founded": case "regions": case "themes": case "maintainers":
      return first;
    case "locations":
      if (second === undefined) return null;
      if (["address", "city", "region", "name"].includes(third) || third === undefined) {
        const row = where.locations?.[second];
        return row === undefined ? null : `locations.${row}.${third ?? "region"}`;
      }
      return null;
    case "contacts":
      if (second === "email" || second === "website") return second;
      if ((second === "phones" || second === "social") && third !== undefined) {
        const row = where[second]?.[third];
        const part = second === "phones" ? (fourth === "type" ? "type" : "number") : "url";
        return row === undefined ? null : `${second}.${row}.${part}`;
      }
      return null;
    default:
      return null;
  }
}

// Messages by field for the errors of @cfworker/json-schema (all of them: shortCircuit off), in
// the page's language: the schema's own "errorMessage" nearest the failed rule, translated
// (texts.schema), or the validator's words for what has none; the form's own words for what is
// missing. `root` is {node, base} of the record's schema, `schemas` every schema by address.
export function explain(errors, { root, schemas, record, answers, where, texts, context }) {
  const messages = new Map();
  const say = (field, message) => {
    if (field && message && !messages.has(field)) messages.set(field, message);
  };
  for (const error of errors) {
    if (!LEAVES.has(error.keyword)) continue;
    const found = trail(error, root, schemas, record);
    if (!found) continue;
    const path = pointer(error.instanceLocation);
    const value = valueAt(record, path);
    const holder = found.nodes.at(-1) ?? root.node;
    if (error.keyword === "required") {
      for (const key of holder.required ?? []) {
        if (isMap(value) && key in value) continue;
        const field = fieldOf([...path, key], answers, where, context);
        const own = { name: texts.needName, description: texts.needDescription, regions: texts.needRegion, themes: texts.needTheme };
        const message = path.length === 0 ? own[key] : path[0] === "locations" ? (key === "region" ? texts.needPlaceRegion : texts.needPlaceName) : texts.required;
        say(field, message ?? texts.required);
      }
      continue;
    }
    const field = fieldOf(path, answers, where, context);
    if (!field) continue;
    if (error.keyword === "minItems" || error.keyword === "minProperties") {
      say(field, { regions: texts.needRegion, themes: texts.needTheme }[field] ?? texts.empty);
      continue;
    }
    if (error.keyword === "maxLength") {
      say(field, fill(texts.tooLong, { length: [...value].length.toLocaleString(context.language), limit: holder.maxLength.toLocaleString(context.language) }));
      continue;
    }
    if ((error.keyword === "minLength" || error.keyword === "pattern") && typeof value === "string" && !value.trim()) {
      say(field, texts.empty);
      continue;
    }
    if (error.keyword === "uniqueItems") {
      say(field, texts.repeated);
      continue;
    }
    const own = [...found.nodes].reverse().find((node) => typeof node?.errorMessage === "string");
    say(field, own ? texts.schema[own.errorMessage] ?? own.errorMessage : texts.notAllowed);
  }
  return messages;
}

// --- The record as YAML ------------------------------------------------------------------------

// Characters a double-quoted YAML string writes as escapes: controls, invisible and format
// characters, the line and paragraph separators, surrogates, private and unassigned code points.
const ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u;
const PLAIN_KEY = /^[a-z][a-z0-9_]*$/;

// A double-quoted YAML scalar: every string is quoted, so YAML can read none as another type.
export function quote(text) {
  let out = '"';
  for (const char of text) {
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (ESCAPED.test(char)) {
      const code = char.codePointAt(0);
      out += code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}`
        : code < 0x10000 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\U${code.toString(16).padStart(8, "0")}`;
    } else out += char;
  }
  return `${out}"`;
}

// A text of several lines as a literal block ('|'), which reads as the file's texts do, when it
// needs no escape and no line ends in a space; null otherwise (it is then quoted).
function literal(text, pad) {
  if (!text.includes("\n") || /[\t\r]/.test(text) || ESCAPED.test(text.replace(/\n/g, "")) || / $/m.test(text)) return null;
  if (text.endsWith("\n\n")) return null;
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const lines = body.split("\n");
  const first = lines.find((l) => l !== "");
  if (first === undefined) return null;
  const header = `|${first.startsWith(" ") ? "2" : ""}${text.endsWith("\n") ? "" : "-"}`;
  return [header, ...lines.map((l) => (l ? pad + l : ""))];
}

const scalar = (value) => (typeof value === "string" ? quote(value) : String(value));
const mapKey = (name) => (PLAIN_KEY.test(name) ? name : quote(name));

function entries(object, pad) {
  const out = [];
  for (const [name, value] of Object.entries(object)) {
    if (Array.isArray(value)) {
      if (value.every((item) => !isMap(item) && !Array.isArray(item))) {
        out.push(`${pad}${mapKey(name)}: [${value.map(scalar).join(", ")}]`);
      } else {
        out.push(`${pad}${mapKey(name)}:`);
        for (const item of value) {
          const lines = entries(item, `${pad}    `);
          out.push(`${pad}  - ${lines[0].slice(pad.length + 4)}`, ...lines.slice(1));
        }
      }
    } else if (isMap(value)) {
      out.push(Object.keys(value).length ? `${pad}${mapKey(name)}:` : `${pad}${mapKey(name)}: {}`, ...entries(value, `${pad}  `));
    } else {
      const block = typeof value === "string" ? literal(value, `${pad}  `) : null;
      if (block) out.push(`${pad}${mapKey(name)}: ${block[0]}`, ...block.slice(1));
      else out.push(`${pad}${mapKey(name)}: ${scalar(value)}`);
    }
  }
  return out;
}

// A record as the text of its file: the first line names its schema, every string is quoted or a
// literal block.
export const toYaml = (record, modeline) => `${[modeline, ...entries(record, "")].join("\n")}\n`;

// A new record's file name from its name: Azerbaijani and Cyrillic letters in Latin, as the
// project's slugs are made (text/translit.py).
export function slugOf(name, letters) {
  const latin = [...name].map((c) => letters[c] ?? c).join("").toLowerCase();
  const plain = [...latin].map((c) => letters[c] ?? c).join("").normalize("NFKD").replace(/\p{M}/gu, "");
  return (plain.match(/[a-z0-9]+/g) ?? []).join("-").slice(0, 80).replace(/^-+|-+$/g, "");
}

// A function from the answers to their messages by field (explain), checking the record they
// mean with `Validator` (@cfworker/json-schema's) against `schemas` (by address; `record` is the
// address of the record's own). A new record's maintainers are its issue's author at least, so
// an empty list is no mistake there.
export function checker({ Validator, schemas, record: address, original, texts, context }) {
  const known = Object.fromEntries(Object.entries(schemas).map(([url, schema]) => [url, { ...schema, $id: url }]));
  const validator = new Validator(known[address], "7", false);
  for (const [url, schema] of Object.entries(known)) if (url !== address) validator.addSchema(schema, url);
  return (answers) => {
    const { record, where } = intended(original, answers, context);
    const { errors } = validator.validate(record);
    const messages = explain(errors, { root: { node: known[address], base: address }, schemas: known, record,
      answers, where, texts, context });
    if (!original && !logins(answers.maintainers).length) messages.delete("maintainers");
    for (const [field, character] of invisibleIn(answers, context.invisible)) {
      if (!messages.has(field)) messages.set(field, fill(texts.invisible, { character }));
    }
    return messages;
  };
}

// The fields holding a character the record's loader refuses however it is written (`pattern`:
// problems.INVISIBLE and a carriage return), each with the first one's code ('U+200B').
export function invisibleIn(answers, pattern) {
  const found = new Map();
  const test = new RegExp(`[${pattern}]`, "u");
  const see = (field, text) => {
    const match = typeof text === "string" ? text.match(test) : null;
    if (match && !found.has(field)) found.set(field, `U+${match[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
  };
  for (const [key, value] of Object.entries(answers)) see(key, value);
  for (const group of ["locations", "phones", "social"]) {
    answers[group].forEach((row, position) => {
      for (const [part, value] of Object.entries(row)) see(`${group}.${position}.${part}`, value);
    });
  }
  return found;
}
