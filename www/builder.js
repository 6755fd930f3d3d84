// The embed-code builder: every option of <open-data-catalogue> as a form
// control, a live preview (the widget itself, updated with setAttribute)
// and the code to copy. Plain JavaScript, no build step.
//
// The form is the only state: each change reads it again (read()) and
// redraws the preview, the code and the contrast check from it (render()).
// Locked filters are chosen from the values the preview widget reports
// through its facets() method after each odc-load.

// ---- what the widget takes ----

const FACETS = [
  { key: "publisher", js: "publisher", sv: "Utgivare", en: "Publisher" },
  { key: "theme", js: "theme", sv: "Tema", en: "Theme" },
  { key: "format", js: "format", sv: "Format", en: "Format" },
  { key: "license", js: "license", sv: "Licens", en: "Licence" },
  { key: "access-rights", js: "accessRights", sv: "Åtkomst", en: "Access rights" },
];
const FACET_KEYS = FACETS.map((f) => f.key);
const facetInfo = (key) => FACETS.find((f) => f.key === key);

const DEFAULTS = { pageSize: 20, sort: "relevance", headingLevel: 2, timeout: 30, maxSize: 48 };

const COLOURS = [
  { prop: "--odc-accent", id: "accent", sv: "Accentfärg: länkar, knappar och ikryssade rutor", en: "accent", def: "#0b5cad" },
  { prop: "--odc-accent-text", id: "accent-text", sv: "Text på accentfärgade knappar", en: "text on accent", def: "#ffffff" },
  { prop: "--odc-color", id: "color", sv: "Textfärg", en: "text", def: "#1b1b1f" },
  { prop: "--odc-background", id: "background", sv: "Bakgrund", en: "background", def: "#ffffff" },
];
/** WCAG 2.1 AA, 1.4.3: normal text needs 4.5:1. */
const AA_TEXT = 4.5;
const CONTRAST_PAIRS = [
  { fg: "color", bg: "background", sv: "Text mot bakgrund", en: "text on background" },
  { fg: "accent", bg: "background", sv: "Accentfärg (länkar) mot bakgrund", en: "accent on background" },
  { fg: "accent-text", bg: "accent", sv: "Knapptext mot accentfärg", en: "button text on accent" },
];

const DEFAULT_SRC = new URL("../pkg/open-data-catalogue.js", location.href).href;
const SNIPPET_ID = "datakatalog";

// ---- small helpers ----

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat("sv-SE");

/** An element with attributes and children (strings become text nodes). */
function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** Swedish text with its English translation in parentheses, marked as English. */
const both = (sv, en) => [sv, " ", h("span", { lang: "en" }, `(${en})`)];

/** HTML-escapes text for an attribute value or element content. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** A JavaScript literal that is also safe inside an inline <script>. */
const js = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

/** Says `message` in a live region; the same message twice is said twice. */
function say(region, ...content) {
  region.replaceChildren();
  // A tick between emptying and filling makes screen readers announce a repeat.
  setTimeout(() => region.replaceChildren(...content.flat()), 50);
}

function showError(id, ...content) {
  const el = $(`${id}-error`);
  const input = $(id);
  if (content.length) {
    el.replaceChildren("Fel: ", ...content.flat());
    el.hidden = false;
    input?.setAttribute("aria-invalid", "true");
  } else {
    el.replaceChildren();
    el.hidden = true;
    input?.removeAttribute("aria-invalid");
  }
}

// ---- colour contrast (WCAG 2.1) ----

/** "#abc" or "#aabbcc" (with or without #) → "#aabbcc", else null. */
export function parseHex(text) {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(text).trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return "#" + hex.toLowerCase();
}

/** Relative luminance, WCAG 2.1 definition. */
export function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio (L1 + 0.05) / (L2 + 0.05), lighter over darker. */
export function contrast(a, b) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Shown rounded down, so 4.47 never reads as a passing "4,5". */
const ratioText = (ratio) => (Math.floor(ratio * 10) / 10).toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// ---- the form's dynamic parts ----

const facetOrder = $("facet-order");
const locksBox = $("locks");
const coloursBox = $("colours");

function buildFacetOrder() {
  for (const facet of FACETS) {
    const id = `show-${facet.key}`;
    const li = h("li", { "data-facet": facet.key },
      h("span", { class: "order-name" },
        h("input", { type: "checkbox", id, checked: true }),
        h("label", { for: id }, facet.sv, " ", h("span", { lang: "en" }, `(${facet.en})`),
          h("span", { class: "locked-note", hidden: true }, " – låst, visas inte"))),
      h("span", { class: "order-buttons" },
        h("button", { type: "button", class: "secondary small", "data-move": "-1" },
          h("span", { "aria-hidden": "true" }, "↑ "), "Flytta upp", h("span", { class: "sr-only" }, ` ${facet.sv}`)),
        h("button", { type: "button", class: "secondary small", "data-move": "1" },
          h("span", { "aria-hidden": "true" }, "↓ "), "Flytta ner", h("span", { class: "sr-only" }, ` ${facet.sv}`))));
    facetOrder.append(li);
  }
  updateMoveButtons();
  facetOrder.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    const li = button.closest("li");
    const name = facetInfo(li.dataset.facet).sv;
    const up = button.dataset.move === "-1";
    const other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) {
      say($("facet-order-status"), up ? `${name} är redan först.` : `${name} är redan sist.`);
      return;
    }
    // Move the neighbour, not the item: the focused button stays in the
    // document, so focus stays on it.
    if (up) facetOrder.insertBefore(other, li.nextElementSibling);
    else facetOrder.insertBefore(other, li);
    updateMoveButtons();
    const place = [...facetOrder.children].indexOf(li) + 1;
    say($("facet-order-status"), `${name} är nu nummer ${place} av ${FACETS.length}.`);
    render();
  });
}

/** The first item's "up" and the last's "down" do nothing; they stay
 *  focusable (aria-disabled), so focus is never lost when an item arrives
 *  at an end. */
function updateMoveButtons() {
  const items = [...facetOrder.children];
  items.forEach((li, i) => {
    li.querySelector('[data-move="-1"]').setAttribute("aria-disabled", String(i === 0));
    li.querySelector('[data-move="1"]').setAttribute("aria-disabled", String(i === items.length - 1));
  });
}

function buildColours() {
  for (const c of COLOURS) {
    const id = `colour-${c.id}`;
    coloursBox.append(
      h("div", { class: "field colour" },
        h("label", { for: id }, c.sv, " ", h("code", {}, c.prop)),
        h("div", { class: "colour-inputs" },
          h("input", { type: "text", id, value: c.def, spellcheck: "false", autocomplete: "off", size: 9, "aria-describedby": `${id}-error` }),
          h("input", { type: "color", id: `${id}-picker`, value: c.def, "aria-label": `Färgväljare: ${c.sv}` })),
        h("p", { class: "error", id: `${id}-error`, hidden: true })));
    const text = $(id);
    const picker = $(`${id}-picker`);
    text.addEventListener("input", () => {
      const hex = parseHex(text.value);
      if (hex) picker.value = hex;
    });
    picker.addEventListener("input", () => {
      text.value = picker.value;
      render();
    });
  }
  $("reset-colours").addEventListener("click", () => {
    for (const c of COLOURS) {
      $(`colour-${c.id}`).value = c.def;
      $(`colour-${c.id}-picker`).value = c.def;
    }
    render();
  });
}

// ---- locked filters: values from the preview's facets() ----

/** facet → Map(value → { label, count }), in the order first shown. */
const known = new Map(FACET_KEYS.map((k) => [k, new Map()]));
/** facet → Set(value): what the person locked. */
const locks = new Map(FACET_KEYS.map((k) => [k, new Set()]));
let facetsState = "waiting"; // "waiting" | "loaded" | "failed" | "unsupported"
let lockIds = 0;

function buildLocks() {
  for (const facet of FACETS) {
    const filterId = `lock-search-${facet.key}`;
    locksBox.append(
      h("fieldset", { class: "lock", "data-facet": facet.key },
        h("legend", {}, both(facet.sv, facet.en)),
        h("div", { class: "field lock-search", hidden: true },
          h("label", { for: filterId }, `Sök bland värdena för ${facet.sv.toLowerCase()}`),
          h("input", { type: "search", id: filterId, autocomplete: "off" })),
        h("p", { class: "hint lock-empty" }),
        h("ul", { class: "choices lock-values" })));
    $(filterId).addEventListener("input", (event) => filterLockList(facet.key, event.target.value));
  }
  locksBox.addEventListener("change", (event) => {
    const box = event.target.closest("input[type=checkbox][data-value]");
    if (!box) return;
    const set = locks.get(box.dataset.facet);
    if (box.checked) set.add(box.dataset.value);
    else set.delete(box.dataset.value);
    render();
    // The counts of the other groups change with what is locked.
    setTimeout(readFacets, 0);
  });
}

function filterLockList(facet, text) {
  const needle = text.trim().toLocaleLowerCase("sv");
  const list = locksBox.querySelector(`fieldset[data-facet="${facet}"] .lock-values`);
  for (const li of list.children) {
    li.hidden = needle !== "" && !li.textContent.toLocaleLowerCase("sv").includes(needle) && !li.querySelector("input").checked;
  }
}

/** Reads the preview's current facet values. `fresh` after a registry
 *  load: the list is replaced (in the widget's order, most datasets
 *  first); otherwise only the counts are updated, so the list never
 *  jumps under the person's focus. */
function readFacets(fresh = false) {
  // Counts are only re-read while a registry is showing.
  if (!fresh && facetsState !== "loaded") return;
  if (typeof preview.facets !== "function") {
    facetsState = "unsupported";
    renderLocks();
    return;
  }
  let groups;
  try {
    groups = preview.facets() ?? [];
  } catch (error) {
    console.warn("open-data-catalogue builder: facets() failed", error);
    return;
  }
  if (fresh) for (const map of known.values()) map.clear();
  const seen = new Map(FACET_KEYS.map((k) => [k, new Set()]));
  for (const group of groups) {
    const map = known.get(group.facet);
    if (!map) continue;
    for (const { value, label, count } of group.values ?? []) {
      const key = String(value);
      seen.get(group.facet).add(key);
      map.set(key, { label: String(label ?? value), count: Number(count) || 0 });
    }
  }
  // A value the current results no longer have counts 0 (it stays listed).
  for (const [facet, map] of known) {
    for (const [value, entry] of map) if (!seen.get(facet).has(value)) entry.count = 0;
  }
  facetsState = "loaded";
  renderLocks(fresh);
}

const TRANSLATED = new Set(["theme", "license", "access-rights"]);
/** The language the preview shows: the chosen one, else the page's. */
const catalogueLang = () =>
  document.querySelector('input[name="lang"]:checked').value || (document.documentElement.lang.startsWith("en") ? "en" : "sv");

/** Draws the value lists; `fresh` redraws them in the new registry's order. */
function renderLocks(fresh = false) {
  const status = $("locks-status");
  const message = {
    waiting: both("Värdena visas när katalogen har laddats.", "values appear once the registry has loaded"),
    failed: both("Katalogen kunde inte laddas, så det finns inga värden att välja.", "the registry did not load"),
    unsupported: both(
      "Den här versionen av komponenten saknar metoden facets(), så värdena kan inte hämtas.",
      "this build of the widget has no facets() method"),
    loaded: [],
  }[facetsState];
  if (status.textContent !== message.map((m) => (typeof m === "string" ? m : m.textContent)).join("")) {
    status.replaceChildren(...message);
  }
  for (const facet of FACETS) {
    const box = locksBox.querySelector(`fieldset[data-facet="${facet.key}"]`);
    const list = box.querySelector(".lock-values");
    const map = known.get(facet.key);
    if (fresh) list.replaceChildren();
    // Locked values stay listed even when this registry lacks them.
    for (const value of locks.get(facet.key)) {
      if (!map.has(value)) map.set(value, { label: value, count: 0 });
    }
    const rows = new Map([...list.children].map((li) => [li.dataset.value, li]));
    let index = 0;
    for (const [value, { label, count }] of map) {
      let li = rows.get(value);
      if (!li) {
        const id = `lock-${facet.key}-${++lockIds}`;
        li = h("li", { "data-value": value },
          h("input", { type: "checkbox", id, "data-facet": facet.key, "data-value": value }),
          h("label", { for: id }, h("span", { class: "lock-label" }), " ", h("span", { class: "count" })));
        list.append(li);
      }
      rows.delete(value);
      const text = li.querySelector(".lock-label");
      text.textContent = label;
      // Themes, licences and access rights are the widget's own words, in
      // the catalogue's language; publisher names and formats are as written.
      if (TRANSLATED.has(facet.key)) text.setAttribute("lang", catalogueLang());
      li.querySelector(".count").textContent = `(${number.format(count)})`;
      li.querySelector(".count").dataset.count = String(count);
      li.querySelector("input").checked = locks.get(facet.key).has(value);
      index++;
    }
    for (const stale of rows.values()) stale.remove();
    const empty = box.querySelector(".lock-empty");
    empty.replaceChildren(index === 0 && facetsState === "loaded" ? "Katalogen har inga sådana värden." : "");
    empty.hidden = !(index === 0 && facetsState === "loaded");
    box.querySelector(".lock-search").hidden = index <= 12;
    box.classList.toggle("long", index > 12);
  }
}

// ---- reading the form ----

function wholeNumber(id, min, max, fallback) {
  const input = $(id);
  const text = input.value.trim();
  const n = Number(text);
  if (text === "" || !Number.isInteger(n) || n < min || n > max) {
    showError(id, `ange ett heltal från ${min} till ${max}. Standardvärdet ${fallback} används så länge.`);
    return fallback;
  }
  showError(id);
  return n;
}

/** The registries: ticked demo files and the person's own URLs, absolute. */
let registries = [];
function readRegistries() {
  const urls = [...document.querySelectorAll('input[name="demo"]:checked')].map(
    (box) => new URL(box.value, location.href).href,
  );
  const bad = [];
  // One per line, or separated by spaces: a URL never contains a space.
  for (const text of $("own-registries").value.split(/\s+/)) {
    if (!text) continue;
    try {
      const url = new URL(text, location.href);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("scheme");
      urls.push(url.href);
    } catch {
      bad.push(text);
    }
  }
  if (bad.length) showError("own-registries", `det här är inga webbadresser (http eller https): ${bad.join(", ")}.`);
  else showError("own-registries");
  registries = [...new Set(urls)];
}

/** The url-state prefix as the widget reads it: a–z, 0–9, _, at most 32. */
function readUrlState() {
  const mode = document.querySelector('input[name="url-state"]:checked').value;
  $("url-prefix-field").hidden = mode !== "prefix";
  if (mode !== "prefix") return mode === "on" ? true : null;
  const typed = $("url-prefix-name").value.trim();
  const clean = typed.replace(/[^A-Za-z0-9_]/g, "").slice(0, 32);
  if (clean !== typed) showError("url-prefix-name", clean ? `bara a–z, 0–9 och _ används, så prefixet blir ${clean}.` : "skriv minst en bokstav eller siffra.");
  else showError("url-prefix-name");
  return clean || true;
}

function readColours() {
  const values = {};
  for (const c of COLOURS) {
    const id = `colour-${c.id}`;
    const hex = parseHex($(id).value);
    if (hex) showError(id);
    else showError(id, `skriv färgen som #rrggbb, till exempel ${c.def}. Standardfärgen används så länge.`);
    values[c.id] = hex ?? c.def;
  }
  return values;
}

function scriptSrc() {
  let src = $("script-src").value.trim();
  if (!src) return DEFAULT_SRC;
  if (src.endsWith("/")) src += "open-data-catalogue.js";
  else if (!/\.m?js$/i.test(src.split(/[?#]/)[0])) src += "/open-data-catalogue.js";
  return src;
}

/** Everything the form says. */
function read() {
  const colours = readColours();
  return {
    registries,
    lang: document.querySelector('input[name="lang"]:checked').value,
    facets: [...facetOrder.children].filter((li) => li.querySelector("input").checked).map((li) => li.dataset.facet),
    pageSize: wholeNumber("page-size", 1, 200, DEFAULTS.pageSize),
    sort: $("sort").value,
    headingLevel: Number($("heading-level").value),
    urlState: readUrlState(),
    timeout: wholeNumber("timeout", 1, 300, DEFAULTS.timeout),
    maxSize: wholeNumber("max-size", 1, 4096, DEFAULTS.maxSize),
    locks: FACET_KEYS.map((k) => [k, [...locks.get(k)]]).filter(([, v]) => v.length),
    colours,
    // Only colours that differ from the widget's defaults are written.
    customColours: COLOURS.filter((c) => colours[c.id] !== c.def).map((c) => [c.prop, colours[c.id]]),
    colourPlace: document.querySelector('input[name="colour-place"]:checked').value,
    form: document.querySelector('input[name="code-form"]:checked').value,
    src: scriptSrc(),
  };
}

// ---- from the form to attributes and code ----

/** The element's attributes, defaults left out; `true` is a bare attribute. */
function attributesFor(s) {
  const a = [["registry", s.registries.join(" ")]];
  if (s.lang) a.push(["lang", s.lang]);
  if (s.facets.join(" ") !== FACET_KEYS.join(" ")) a.push(["facets", s.facets.join(" ")]);
  if (s.pageSize !== DEFAULTS.pageSize) a.push(["page-size", String(s.pageSize)]);
  if (s.sort !== DEFAULTS.sort) a.push(["sort", s.sort]);
  if (s.headingLevel !== DEFAULTS.headingLevel) a.push(["heading-level", String(s.headingLevel)]);
  if (s.urlState !== null) a.push(["url-state", s.urlState === true ? true : s.urlState]);
  if (s.timeout !== DEFAULTS.timeout) a.push(["timeout", String(s.timeout)]);
  if (s.maxSize !== DEFAULTS.maxSize) a.push(["max-size", String(s.maxSize)]);
  for (const [facet, values] of s.locks) a.push([`filter-${facet}`, values.join(" | ")]);
  return a;
}

const declarations = (s) => s.customColours.map(([p, v]) => `${p}: ${v};`).join(" ");

export function htmlSnippet(s) {
  const lines = [`<script type="module" src="${escapeHtml(s.src)}"></script>`];
  const attributes = attributesFor(s);
  if (s.customColours.length) {
    if (s.colourPlace === "style") {
      lines.push("<style>", `  open-data-catalogue { ${declarations(s)} }`, "</style>");
    } else {
      attributes.push(["style", declarations(s)]);
    }
  }
  const written = attributes.map(([n, v]) => (v === true ? n : `${n}="${escapeHtml(v)}"`));
  const oneLine = `<open-data-catalogue ${written.join(" ")}></open-data-catalogue>`;
  if (oneLine.length <= 100) lines.push(oneLine);
  else lines.push(`<open-data-catalogue\n  ${written.join("\n  ")}></open-data-catalogue>`);
  return lines.join("\n");
}

export function jsSnippet(s) {
  const options = [[ "registry", s.registries.length === 1 ? s.registries[0] : s.registries ]];
  if (s.lang) options.push(["lang", s.lang]);
  if (s.facets.join(" ") !== FACET_KEYS.join(" ")) options.push(["facets", s.facets]);
  if (s.pageSize !== DEFAULTS.pageSize) options.push(["pageSize", s.pageSize]);
  if (s.sort !== DEFAULTS.sort) options.push(["sort", s.sort]);
  if (s.headingLevel !== DEFAULTS.headingLevel) options.push(["headingLevel", s.headingLevel]);
  if (s.urlState !== null) options.push(["urlState", s.urlState]);
  if (s.timeout !== DEFAULTS.timeout) options.push(["timeout", s.timeout]);
  if (s.maxSize !== DEFAULTS.maxSize) options.push(["maxSize", s.maxSize]);
  const lines = [
    `<div id="${SNIPPET_ID}"></div>`,
    `<script type="module">`,
    `  import { mount } from ${js(s.src)};`,
    ``,
    `  const element = document.getElementById(${js(SNIPPET_ID)});`,
  ];
  for (const [prop, value] of s.customColours) lines.push(`  element.style.setProperty(${js(prop)}, ${js(value)});`);
  lines.push(`  await mount(element, {`);
  for (const [name, value] of options) lines.push(`    ${name}: ${js(value)},`);
  if (s.locks.length) {
    lines.push(`    filters: {`);
    for (const [facet, values] of s.locks) {
      const key = facetInfo(facet).js;
      lines.push(`      ${key}: ${js(values)},`);
    }
    lines.push(`    },`);
  }
  lines.push(`  });`, `</script>`);
  return lines.join("\n");
}

// ---- the preview ----

const preview = document.createElement("open-data-catalogue");
preview.id = "preview";
let loadedRegistry = null;

const OBSERVED = ["registry", "registry-type", "lang", "facets", "page-size", "sort", "heading-level", "timeout", "max-size", "url-state"]
  .concat(FACET_KEYS.map((k) => `filter-${k}`));

function updatePreview(s) {
  const wanted = new Map(attributesFor(s).map(([n, v]) => [n, v === true ? "" : v]));
  // The preview sits under the h2 "Förhandsvisning", so its titles are
  // at least h3 here; the code keeps the level chosen.
  wanted.set("heading-level", String(Math.max(3, s.headingLevel)));
  if (!s.registries.length) wanted.delete("registry");
  let touched = false;
  for (const name of OBSERVED) {
    const value = wanted.get(name);
    if (value === undefined) {
      if (preview.hasAttribute(name)) {
        preview.removeAttribute(name);
        touched = true;
      }
    } else if (preview.getAttribute(name) !== value) {
      preview.setAttribute(name, value);
      touched = true;
    }
  }
  let recoloured = false;
  for (const c of COLOURS) {
    const value = s.colours[c.id] === c.def ? "" : s.colours[c.id];
    if (preview.style.getPropertyValue(c.prop) !== value) {
      if (value) preview.style.setProperty(c.prop, value);
      else preview.style.removeProperty(c.prop);
      recoloured = true;
    }
  }
  // The widget checks its accent's contrast on every attribute change
  // (docs/accessibility.md): setting one again makes it look at new colours.
  if (recoloured && !touched) preview.setAttribute("heading-level", preview.getAttribute("heading-level"));

  const registryValue = wanted.get("registry") ?? "";
  if (registryValue !== loadedRegistry) {
    loadedRegistry = registryValue;
    facetsState = "waiting";
    renderLocks();
    $("registry-status").replaceChildren(
      ...(registryValue
        ? both("Hämtar katalogen …", "loading")
        : both("Välj minst en katalog.", "pick at least one registry")),
    );
  }
  $("preview-note").replaceChildren(
    s.headingLevel < 3
      ? `Här är titlarna h3 eftersom de står under rubriken Förhandsvisning. Med koden blir de h${s.headingLevel}.`
      : "",
  );
}

const ERROR_TEXTS = {
  "no-registry": "ingen katalog angiven",
  network: "servern svarade inte",
  cors: "servern tillåter inte att andra webbplatser läser katalogen (CORS-rubriken Access-Control-Allow-Origin saknas)",
  timeout: "det tog för lång tid",
  http: "servern svarade med ett fel",
  "too-large": "katalogen är större än den största tillåtna storleken",
  "not-a-catalogue": "filen är ingen katalog i ett format som komponenten läser",
  broken: "filen är trasig",
  module: "RDF-läsaren kunde inte hämtas",
};

preview.addEventListener("odc-load", (event) => {
  const { datasets = 0, skipped = 0 } = event.detail ?? {};
  $("registry-status").replaceChildren(
    `Katalogen är laddad: ${number.format(datasets)} ${datasets === 1 ? "datamängd" : "datamängder"}`,
    skipped ? `, ${number.format(skipped)} kunde inte läsas` : "",
    ". ",
    h("span", { lang: "en" }, `(Loaded: ${datasets} ${datasets === 1 ? "dataset" : "datasets"}.)`),
  );
  // After the widget's own handling of the load has finished.
  setTimeout(() => readFacets(true), 0);
});

preview.addEventListener("odc-error", (event) => {
  const { kind, url, status } = event.detail ?? {};
  if (kind === "no-registry") return;
  $("registry-status").replaceChildren(
    "Fel: katalogen kunde inte laddas",
    url ? ` från ${url}` : "",
    `: ${ERROR_TEXTS[kind] ?? kind}`,
    status ? ` (HTTP ${status})` : "",
    ". ",
    h("span", { lang: "en" }, `(The registry did not load: ${kind}.)`),
  );
  facetsState = "failed";
  for (const map of known.values()) map.clear();
  renderLocks();
});

// ---- code, contrast, copy ----

function renderContrast(s) {
  const list = $("contrast");
  const items = CONTRAST_PAIRS.map((pair) => {
    const ratio = contrast(s.colours[pair.fg], s.colours[pair.bg]);
    const ok = ratio >= AA_TEXT;
    return h("li", { class: ok ? "pass" : "fail", "data-pair": `${pair.fg}/${pair.bg}` },
      h("span", { class: "mark", "aria-hidden": "true" }, ok ? "✓" : "✗"), " ",
      h("span", {}, `${pair.sv} `, h("span", { lang: "en" }, `(${pair.en})`), ": "),
      h("strong", {}, `Kontrast ${ratioText(ratio)}:1 – `,
        ok ? "godkänt (AA)" : "underkänt, minst 4,5:1 krävs",
        " ", h("span", { lang: "en" }, ok ? "(passes)" : "(fails)")));
  });
  // Only a real change is written, so the live region speaks only then.
  const next = items.map((li) => li.textContent).join("\n");
  if (list.dataset.text !== next) {
    list.dataset.text = next;
    list.replaceChildren(...items);
  }
}

let currentSnippet = "";
function renderSnippet(s) {
  currentSnippet = s.form === "js" ? jsSnippet(s) : htmlSnippet(s);
  $("snippet").textContent = currentSnippet;
  const notes = [];
  if (!s.registries.length) notes.push("Välj minst en katalog: utan den visar komponenten ett fel.");
  if (s.form === "js") notes.push("Med en strikt CSP (utan 'unsafe-inline' för skript) läggs skriptet i en egen .js-fil.");
  else if (s.customColours.length) notes.push("Med en strikt CSP (utan 'unsafe-inline' för stilar) läggs färgerna i webbplatsens stilmall.");
  $("snippet-note").replaceChildren(notes.join(" "));
  $("snippet-note").hidden = notes.length === 0;
}

function render() {
  const s = read();
  for (const li of facetOrder.children) {
    li.querySelector(".locked-note").hidden = !locks.get(li.dataset.facet).size;
  }
  updatePreview(s);
  renderSnippet(s);
  renderContrast(s);
  $("copy-status").replaceChildren();
}

async function copy() {
  const status = $("copy-status");
  try {
    await navigator.clipboard.writeText(currentSnippet);
    say(status, both("Kopierat.", "copied"));
  } catch {
    // No clipboard access (an http page, a refused permission): select the
    // code so that Ctrl+C copies it, and try the older copy command.
    const selection = getSelection();
    const range = document.createRange();
    range.selectNodeContents($("snippet"));
    selection.removeAllRanges();
    selection.addRange(range);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    say(status, copied
      ? both("Kopierat.", "copied")
      : both("Koden är markerad. Tryck Ctrl+C (⌘C på Mac) för att kopiera.", "selected: press Ctrl+C"));
  }
}

// ---- wiring ----

buildFacetOrder();
buildLocks();
buildColours();
$("script-src").value = DEFAULT_SRC;

const settings = $("settings");
settings.addEventListener("submit", (event) => {
  event.preventDefault();
  readRegistries();
  // "Hämta" again after a failure tries the same registries again.
  // The widget must see the registry go before it comes back.
  if (facetsState === "failed" && preview.hasAttribute("registry")) {
    preview.removeAttribute("registry");
    loadedRegistry = null;
    setTimeout(render, 0);
  } else {
    render();
  }
});
document.addEventListener("input", (event) => {
  // Registry URLs apply when the field is left or the form is sent, not
  // on every keystroke (each would start a download).
  if (event.target.id === "own-registries" || event.target.type === "search" || !event.target.closest("main")) return;
  if (event.target.closest("#preview")) return;
  render();
});
document.addEventListener("change", (event) => {
  if (event.target.closest("#locks") || event.target.type === "search") return;
  if (event.target.id === "own-registries" || event.target.name === "demo") readRegistries();
  // A changed language changes the labels of the values.
  const relabel = event.target.name === "lang";
  render();
  if (relabel) setTimeout(readFacets, 0);
});
$("copy").addEventListener("click", copy);

readRegistries();
$("preview-slot").append(preview);
render();
