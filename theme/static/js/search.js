// The search page: Pagefind's low-level API behind our own accessible form. Loaded only on the
// search page, as a file (never inline), so the site can be served with a strict
// Content-Security-Policy. Pagefind itself is fetched on first use, not with the page.
const PAGE_SIZE = 10;
// How much a match in each searched field counts (Pagefind's metaWeights; why: search.py).
const WEIGHTS = { title: 5, names: 10, region_names: 40, theme_names: 1, terms: 0.2, summary: 0, date: 0 };

const form = document.getElementById("search");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const selects = [...form.querySelectorAll("select[data-filter]")];
const letters = JSON.parse(form.dataset.letters);
const KINDS = JSON.parse(form.dataset.kinds);
// This language's Pagefind bundle, and the site's root, which result URLs are relative to.
const bundle = new URL(form.dataset.bundle, document.baseURI);
const root = new URL(form.dataset.root, document.baseURI).pathname;

let pagefind = null;
let results = [];
let shown = 0;
let generation = 0;
let timer = 0;

// Azerbaijani letters made plain, as in the index's extra terms: "Gəncə" -> "gence".
function fold(text) {
  return [...text].map((c) => letters[c] ?? c).join("").toLowerCase().trim();
}

function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind.js", bundle).href).then(async (module) => {
      await module.options({ baseUrl: root, excerptLength: 24, ranking: { metaWeights: WEIGHTS } });
      await module.init();
      return module;
    });
    pagefind.catch(() => { pagefind = null; });
  }
  return pagefind;
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  return filters;
}

function say(message) {
  status.textContent = message;
}

// Pagefind's excerpt is escaped text with <mark> around the matches; rebuild it from text
// nodes so nothing else in it can ever become markup.
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function resultItem(data) {
  const item = element("li");
  const heading = element("h2");
  const link = element("a", "", data.meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  // A result is one of its kind: "Partner", where the filter says "Partners".
  const kind = (data.filters.kind || []).map((name) => KINDS[name] || name);
  const facts = [kind, data.filters.region, data.meta.date]
    .flat()
    .filter(Boolean)
    .join(" · ");
  item.append(heading, element("p", "result-meta", facts));
  const excerpt = element("p", "excerpt");
  if (data.excerpt.includes("<mark>") || !data.meta.summary) {
    excerpt.append(...excerptNodes(data.excerpt));
  } else {
    excerpt.textContent = data.meta.summary;
  }
  item.append(excerpt);
  return item;
}

async function showMore(focus) {
  const run = generation;
  const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
  if (run !== generation) return;
  const items = batch.map(resultItem);
  list.append(...items);
  shown += items.length;
  more.hidden = shown >= results.length;
  if (focus && items.length) items[0].querySelector("a").focus();
}

function remember(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [key, value] of Object.entries(filters)) params.set(key, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
  // The other languages' search pages get the words typed (filters are named per language).
  for (const link of document.querySelectorAll("nav.languages a[hreflang]")) {
    const address = new URL(link.href);
    address.search = query ? `?${new URLSearchParams({ q: query })}` : "";
    link.href = address.href;
  }
}

// Search for the query as typed and, when it has Azerbaijani letters, in plain Latin too: pages
// that match what was typed come first ("qadın" ranks a page titled Qadın first), then those
// that only match the plain form.
async function find(module, query, filters) {
  const plain = query ? fold(query) : null;
  const queries = query && plain !== query.toLowerCase() ? [query, plain] : [plain];
  const searches = await Promise.all(queries.map((q) => module.search(q, { filters })));
  const seen = new Set();
  return searches.flatMap((found) => found.results).filter((result) => {
    if (seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
}

async function search() {
  const run = ++generation;
  const query = input.value.trim();
  const filters = chosenFilters();
  remember(query, filters);
  list.replaceChildren();
  more.hidden = true;
  results = [];
  shown = 0;
  if (!query && !Object.keys(filters).length) {
    say("");
    return;
  }
  say(status.dataset.loading);
  try {
    const module = await load();
    results = await find(module, query, filters);
    if (run !== generation) return;
    await showMore(false);
    if (run !== generation) return;
    // Announced once the first results are on the page.
    say(results.length
      ? status.dataset.found.replace("{count}", results.length.toLocaleString(document.documentElement.lang))
      : status.dataset.none);
  } catch {
    if (run === generation) say(status.dataset.failed);
  }
}

function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const select of selects) {
    const wanted = params.get(select.name);
    if ([...select.options].some((option) => option.value === wanted)) select.value = wanted;
  }
  document.getElementById("search-off").hidden = true;
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 300);
  });
  form.addEventListener("focusin", () => load().catch(() => {}), { once: true });
  for (const select of selects) select.addEventListener("change", search);
  more.addEventListener("click", () => showMore(true));
  if (input.value || Object.keys(chosenFilters()).length) search();
}

start();
