// The Feeds and calendars page: its box filters the channels listed on this page as one types.
// Without JavaScript the same form sends its words to the search page (?q=). Loaded as a file
// (never inline), so the site can be served with a strict Content-Security-Policy.
const ANNOUNCE_MS = 400; // a pause in typing before the count is announced

const form = document.getElementById("filter");
const input = document.getElementById("filter-query");
const status = document.getElementById("filter-status");
const note = document.getElementById("filter-note"); // only on a page of several
const searchLink = document.getElementById("filter-search");
const letters = JSON.parse(form.dataset.letters);
const lang = document.documentElement.lang || undefined;

// One comparable form of a text: Azerbaijani letters made plain as the search does ("Şəki" ->
// "seki"), lower case by the page's language, accents dropped, spaces collapsed.
function fold(text) {
  return [...text]
    .map((c) => letters[c] ?? c)
    .join("")
    .toLocaleLowerCase(lang)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

// Each group of channels with its link in the jump list, and each channel with its title folded.
const groups = [...document.querySelectorAll("main section")]
  .filter((section) => section.querySelector("ul.channels"))
  .map((section) => {
    const id = section.getAttribute("aria-labelledby");
    const jump = id && document.querySelector(`nav.jump a[href="#${CSS.escape(id)}"]`);
    return { section, jump: jump ? jump.closest("li") : null };
  });
const items = groups.flatMap(({ section }) =>
  [...section.querySelectorAll("ul.channels > li")].map((li) => ({
    li,
    text: fold(li.querySelector("h3")?.textContent ?? li.textContent),
  })),
);

let timer = 0;

// Show the channels whose title holds every word typed, and the groups that keep one.
function filter() {
  const words = fold(input.value).split(" ").filter(Boolean);
  let shown = 0;
  for (const item of items) {
    item.li.hidden = !words.every((word) => item.text.includes(word));
    if (!item.li.hidden) shown += 1;
  }
  for (const { section, jump } of groups) {
    const empty = !section.querySelector("ul.channels > li:not([hidden])");
    section.hidden = empty;
    if (jump) jump.hidden = empty;
  }
  if (searchLink) {
    const url = new URL(searchLink.href);
    url.search = input.value.trim() ? new URLSearchParams({ q: input.value.trim() }).toString() : "";
    searchLink.href = url.href;
  }
  return shown;
}

function announce(shown) {
  const number = (n) => n.toLocaleString(lang);
  status.textContent = shown
    ? status.dataset.shown.replace("{shown}", number(shown)).replace("{total}", number(items.length))
    : status.dataset.none;
}

function start() {
  document.getElementById("filter-submit").hidden = true;
  status.hidden = false;
  if (note) {
    note.hidden = false;
    input.setAttribute("aria-describedby", note.id);
  }
  input.addEventListener("input", () => {
    const shown = filter();
    clearTimeout(timer);
    timer = setTimeout(() => announce(shown), ANNOUNCE_MS);
  });
  // Enter filters in place (and announces at once) rather than leaving for the search page.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    announce(filter());
  });
  if (input.value) filter(); // a value the browser kept when coming back to the page
}

start();
