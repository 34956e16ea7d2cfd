// The dev server's live reload. The server adds it to every page it sends (the built site never
// holds it): the page reloads once a rebuild has changed the site, and a failed build shows its
// problems over the page, in the page's language. Every text is set with textContent (problems
// quote contributors' values), and the style is a constructed sheet in a shadow root: the site's
// Content-Security-Policy allows no inline style, and the site's own rules cannot reach it.
"use strict";
(() => {
  const site = document.currentScript.dataset.site;
  const address = "/_devserver/events?lang=" + encodeURIComponent(document.documentElement.lang);
  const css =
    "dialog{box-sizing:border-box;width:min(48rem,calc(100% - 1rem));max-height:calc(100% - 1rem);" +
    "overflow:auto;margin:auto;padding:1rem 1.25rem;border:.25rem solid #b00020;border-radius:.5rem;" +
    "background:#fff;color:#1a1a1a;font:1rem/1.5 system-ui,sans-serif}" +
    "dialog:not(:modal){position:absolute;top:.5rem}dialog::backdrop{background:#000a}" +
    "h2{margin:0;font-size:1.25rem;color:#b00020}ul{padding-left:1.25rem}" +
    "li{margin:.5rem 0;font:.9375rem/1.5 ui-monospace,monospace;overflow-wrap:anywhere}" +
    "button{font:inherit;min-height:2.75rem;padding:0 1rem}" +
    "@media (prefers-color-scheme:dark){dialog{background:#1e1e1e;color:#eee;border-color:#ff6b6b}" +
    "h2{color:#ff8a80}}";
  let source = null;
  let overlay = null;
  let shown = -1; // the failed build shown (or dismissed) last

  const add = (parent, tag, text) => {
    const element = parent.appendChild(document.createElement(tag));
    element.textContent = text || "";
    return element;
  };
  const hide = () => {
    if (overlay) overlay.remove();
    overlay = null;
  };

  function show(build) {
    hide();
    shown = build.build;
    const host = (overlay = add(document.body, "div"));
    const root = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    const dialog = add(root, "dialog");
    dialog.setAttribute("aria-labelledby", "heading");
    dialog.setAttribute("aria-describedby", "note");
    add(dialog, "h2", build.heading).id = "heading";
    add(dialog, "p", build.note).id = "note";
    const list = add(dialog, "ul");
    for (const problem of build.problems) add(list, "li", problem);
    if (!site) return dialog.show(); // nothing underneath: this is the page
    const close = add(dialog, "button", build.close);
    close.type = "button";
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => host.remove()); // the button or Escape
    dialog.showModal();
    close.focus();
  }

  function update(build) {
    if (build.site !== site) location.reload();
    else if (build.ok) hide();
    else if (build.build !== shown) show(build);
  }

  // A hidden tab lets its stream go (a browser opens only six at once to a server), and on
  // coming back learns what it missed.
  function follow() {
    if (document.hidden) {
      if (source) source.close();
      source = null;
    } else if (!source) {
      source = new EventSource(address);
      source.onmessage = (message) => update(JSON.parse(message.data));
    }
  }
  document.addEventListener("visibilitychange", follow);
  follow();
})();
