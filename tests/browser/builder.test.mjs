// The embed-code builder (www/builder.html): WCAG 2.1 AA with axe-core and
// the keyboard alone; a snippet it builds, pasted into a blank page, does
// what the form said; the contrast check; HTML escaping in the snippet.
// Expected values come from the registry files and the WCAG formula,
// computed here, never with the builder's or the widget's code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf, axe, ARTEFACTS } from "./helpers.mjs";

const browser = withBrowser();

const BUILDER = "/www/builder.html";
const DEMO = JSON.parse(readFileSync(new URL("../../www/data/registry.jsonld", import.meta.url), "utf8"));
const SCB = "http://id.kb.se/organisations/SE2021000837";

// ---- helpers ----

async function openBuilder(options = {}) {
  const page = await browser.page(options);
  await page.goto(browser.base + BUILDER);
  await waitForResults(page, "#preview");
  await valuesListed(page);
  return page;
}

/** The locked-filter lists are filled from the preview's facets(). */
async function valuesListed(page) {
  const hasFacets = await page.locator("#preview").evaluate((el) => typeof el.facets === "function");
  assert.ok(hasFacets, "the widget in pkg/ has a facets() method (the builder's locked filters need it)");
  await page.locator('#locks fieldset[data-facet="publisher"] li').first().waitFor({ timeout: 30_000 });
}

const snippet = (page) => page.locator("#snippet").textContent();
const lockBox = (page, facet, value) => page.locator(`#locks input[data-facet="${facet}"][data-value="${value}"]`);
/** The count the builder shows beside a locked-filter value. */
const lockCount = async (page, facet, value) =>
  Number(await page.locator(`#locks fieldset[data-facet="${facet}"] li[data-value="${value}"] .count`).getAttribute("data-count"));

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      id: el.id, tag: el.tagName, type: el.type ?? null, name: el.name ?? null,
      facet: el.dataset.facet ?? null, value: el.dataset.value ?? null,
      text: el.textContent.trim().replace(/\s+/g, " ").slice(0, 80),
    };
  });

/** Presses Tab until `predicate(focused)`; returns every stop on the way. */
async function tabUntil(page, predicate, stops, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    stops.push(now);
    if (predicate(now)) return now;
  }
  throw new Error(`Tab never reached the wanted control; last stops: ${JSON.stringify(stops.slice(-5))}`);
}

async function assertFocusVisible(page) {
  const ring = await page.evaluate(() => {
    const cs = getComputedStyle(document.activeElement);
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  });
  assert.notEqual(ring.style, "none", "focus is visible");
  assert.ok(ring.width >= 2, `focus ring ${ring.width}px`);
}

async function noViolations(page, state, include = "main") {
  const violations = await axe(page, include);
  assert.deepEqual(violations, [], `${state}: ${JSON.stringify(violations, null, 2)}`);
}

/** A blank page at the test server's origin showing `body` (the pasted snippet). */
async function pasted(body, lang = "en") {
  const page = await browser.page();
  const url = `${browser.base}/pasted-${Math.random().toString(36).slice(2)}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Pasted</title></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

/** WCAG 2.1 relative luminance and contrast ratio, written out here. */
function ratio(a, b) {
  const lum = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const oneDecimal = (r) => (Math.floor(r * 10) / 10).toFixed(1).replace(".", ",");

// ---- tests ----

test("the demo page links to the builder", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/www/");
  const link = page.getByRole("link", { name: "Skapa din egen inbäddningskod / Build your embed code" });
  assert.ok(await link.isVisible());
  await link.click();
  await page.waitForURL(/\/www\/builder\.html$/);
  assert.match(await page.locator("h1").textContent(), /inbäddningskod/);
  await page.close();
});

test("axe: no WCAG 2.1 A/AA violations initially, and with a registry loaded, locked filters chosen and other options changed", async () => {
  const page = await browser.page();
  // Hold the registry so the first audit sees the initial, loading state.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/www/data/registry.jsonld", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(browser.base + BUILDER);
  await page.locator("#snippet").filter({ hasText: "open-data-catalogue" }).waitFor();
  await noViolations(page, "initial state");
  release();
  await waitForResults(page, "#preview");
  await valuesListed(page);
  await settledCount(page, "#preview");
  await noViolations(page, "registry loaded");

  await lockBox(page, "publisher", SCB).check();
  await lockBox(page, "format", "JSON").check();
  await page.locator("#lang-en").check();
  await page.locator("#url-prefix").check();
  await page.locator("#page-size").fill("500"); // out of range: an error message shows
  await page.locator("#page-size-error").waitFor();
  await page.locator("#colour-accent").fill("#aaaaaa"); // a failing contrast shows
  await settledCount(page, "#preview");
  await noViolations(page, "locked filters, errors and a failing contrast shown");
  await page.locator("#page-size").fill("10");
  await page.locator("#colour-accent").fill("#0b5cad");
  await page.locator("#form-js").check();
  await noViolations(page, "JavaScript form");
  await page.locator("#form-html").check();
  // The code and the preview stay in view beside the form (a sticky
  // column), so the picture is of one tall window, not the whole page.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.evaluate(() => scrollTo(0, 0));
  await settledCount(page, "#preview");
  await page.screenshot({ path: `${ARTEFACTS}builder.png` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("keyboard only: language en, untick a facet, page size 5, lock a publisher from the list, copy", async () => {
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: browser.base });
  const page = await openBuilder();
  const before = await snippet(page);
  assert.doesNotMatch(before, /lang=|page-size=|facets=|filter-publisher=/, "defaults are left out");
  const stops = [];
  await page.locator("h1").click();

  // Language: Tab reaches the radio group, arrow keys choose.
  const lang = await tabUntil(page, (a) => a.name === "lang", stops);
  assert.equal(lang.id, "lang-auto", "Tab lands on the checked radio");
  await assertFocusVisible(page);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).id, "lang-en");
  assert.ok(await page.locator("#lang-en").isChecked());
  const langAt = stops.length;

  // Filter groups: untick Licence with Space.
  await tabUntil(page, (a) => a.id === "show-license", stops);
  await assertFocusVisible(page);
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#show-license").isChecked(), false);
  const facetAt = stops.length;

  // Page size: select what is there and type 5.
  await tabUntil(page, (a) => a.id === "page-size", stops);
  await assertFocusVisible(page);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("5");
  const sizeAt = stops.length;

  // Locked filter: the publisher SCB, from the registry's own values.
  const lock = await tabUntil(page, (a) => a.facet === "publisher" && a.value === SCB, stops);
  assert.equal(lock.type, "checkbox");
  await assertFocusVisible(page);
  const label = await page.locator(`label[for="${lock.id}"]`).textContent();
  assert.match(label, /Statistics Sweden|SCB/, `a label, not an IRI: ${label}`);
  await page.keyboard.press("Space");
  assert.ok(await lockBox(page, "publisher", SCB).isChecked());
  // Focus stays on the ticked box although the counts were read again.
  await page.waitForTimeout(200);
  assert.equal((await focused(page)).value, SCB);
  const lockAt = stops.length;

  // The copy button, with Enter.
  await tabUntil(page, (a) => a.id === "copy", stops);
  await assertFocusVisible(page);
  const copyAt = stops.length;
  await page.keyboard.press("Enter");
  await page.locator("#copy-status", { hasText: "Kopierat" }).waitFor();
  assert.equal((await focused(page)).id, "copy", "focus stays on the button");

  assert.ok(langAt < facetAt && facetAt < sizeAt && sizeAt < lockAt && lockAt < copyAt, `focus order: ${stops.map((s) => s.id).join(" → ")}`);
  // Every stop had a visible, named control: no focus on the body or on nothing.
  assert.ok(stops.every((s) => s.tag !== "BODY"), "focus never falls to the page body");

  const after = await snippet(page);
  assert.notEqual(after, before);
  assert.match(after, /\blang="en"/);
  assert.match(after, /\bpage-size="5"/);
  assert.match(after, /\bfacets="publisher theme format access-rights"/);
  assert.match(after, new RegExp(`\\bfilter-publisher="${SCB}"`));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), after, "the clipboard holds the snippet");
  // The preview followed the form.
  assert.equal(await page.locator("#preview").getAttribute("lang"), "en");
  assert.equal(await page.locator("#preview").getAttribute("page-size"), "5");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("filter groups reorder with the keyboard; focus stays on the button and the move is announced", async () => {
  const page = await openBuilder();
  const order = () => page.locator("#facet-order > li").evaluateAll((lis) => lis.map((li) => li.dataset.facet));
  const up = page.locator('#facet-order li[data-facet="format"] button[data-move="-1"]');
  await up.focus();
  await page.keyboard.press("Enter");
  assert.deepEqual(await order(), ["publisher", "format", "theme", "license", "access-rights"]);
  await page.keyboard.press("Enter");
  assert.deepEqual(await order(), ["format", "publisher", "theme", "license", "access-rights"]);
  assert.equal(await page.evaluate(() => document.activeElement.closest("li")?.dataset.facet), "format");
  assert.equal(await up.getAttribute("aria-disabled"), "true", "first item's up button says it does nothing");
  await page.locator("#facet-order-status", { hasText: "Format är nu nummer 1 av 5" }).waitFor();
  await page.keyboard.press("Enter");
  await page.locator("#facet-order-status", { hasText: "redan först" }).waitFor();
  assert.match(await snippet(page), /\bfacets="format publisher theme license access-rights"/);
  assert.equal(await page.locator("#preview").getAttribute("facets"), "format publisher theme license access-rights");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a built snippet, pasted into a blank page, does what the form said (HTML element and mount())", async () => {
  const page = await openBuilder();
  await page.locator("#lang-en").check();
  await page.locator("#page-size").fill("5");
  for (const facet of ["publisher", "license", "access-rights"]) await page.locator(`#show-${facet}`).uncheck();
  await page.locator('#facet-order li[data-facet="format"] button[data-move="-1"]').click();
  await page.locator("#sort").selectOption("title");
  await lockBox(page, "format", "JSON").check();
  const expectedCount = await lockCount(page, "format", "JSON");

  // The count the builder showed is the registry's: datasets with a JSON distribution.
  const jsonDatasets = DEMO.dataset.filter((d) => (d.distribution ?? []).some((x) => /json/i.test(x.format?.["@value"] ?? "")));
  assert.equal(expectedCount, jsonDatasets.length);

  const html = await snippet(page);
  for (const part of ['lang="en"', 'page-size="5"', 'facets="format theme"', 'sort="title"', 'filter-format="JSON"']) {
    assert.ok(html.includes(part), `snippet has ${part}:\n${html}`);
  }
  assert.match(html, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/pkg\/open-data-catalogue\.js"><\/script>/);
  await page.locator("#form-js").check();
  const script = await snippet(page);
  assert.match(script, /import \{ mount \} from "http:\/\/127\.0\.0\.1:\d+\/pkg\/open-data-catalogue\.js";/);
  assert.match(script, /filters: \{\n\s+format: \["JSON"\],/);

  // The first five titles in English title order, computed from the
  // registry and sorted by the browser's own collator.
  const englishTitles = jsonDatasets.map((d) => d.title.en ?? d.title.sv ?? Object.values(d.title)[0]);
  const expectedTitles = await page.evaluate((titles) => {
    const collator = new Intl.Collator("en", { sensitivity: "accent", numeric: true });
    return titles.sort(collator.compare).slice(0, 5);
  }, englishTitles);
  await page.close();

  for (const [form, code, W] of [["HTML", html, "open-data-catalogue"], ["mount()", script, "#datakatalog"]]) {
    const blank = await pasted(code);
    await waitForResults(blank, W);
    const count = await settledCount(blank, W);
    assert.match(count, /datasets/, `${form}: English UI (${count})`);
    assert.equal(countOf(count), expectedCount, `${form}: the count the builder showed for JSON`);
    assert.equal(await blank.locator(`${W} li.odc-result`).count(), 5, `${form}: five per page`);
    assert.deepEqual(await blank.locator(`${W} fieldset.odc-facet legend`).allTextContents(), ["Theme"],
      `${form}: only Format and Theme, less the locked Format`);
    assert.deepEqual(await blank.locator(`${W} .odc-result-title button`).allTextContents(), expectedTitles, `${form}: title order`);
    assert.equal(await blank.locator(`${W} select#odc-sort`).inputValue(), "title");
    assert.deepEqual(blank.errors, [], form);
    await blank.close();
  }
});

test("contrast check: #aaaaaa on white fails AA, #0b5cad passes, said in words", async () => {
  const page = await browser.page();
  await page.goto(browser.base + BUILDER);
  const accent = page.locator('#contrast li[data-pair="accent/background"]');
  await page.locator("#colour-accent").fill("#aaaaaa");
  const light = oneDecimal(ratio("#aaaaaa", "#ffffff"));
  assert.equal(light, "2,3");
  await accent.filter({ hasText: `Kontrast ${light}:1` }).waitFor();
  const failing = await accent.textContent();
  assert.match(failing, /underkänt/);
  assert.match(failing, /\(fails\)/);
  assert.match(failing, /✗/);
  assert.doesNotMatch(failing, /godkänt|passes/);
  assert.match(await snippet(page), /style="--odc-accent: #aaaaaa;"/);
  assert.equal(await page.locator("#preview").evaluate((el) => el.style.getPropertyValue("--odc-accent")), "#aaaaaa");

  await page.locator("#colour-accent").fill("#0b5cad");
  const dark = oneDecimal(ratio("#0b5cad", "#ffffff"));
  await accent.filter({ hasText: `Kontrast ${dark}:1` }).waitFor();
  const passing = await accent.textContent();
  assert.match(passing, /godkänt \(AA\)/);
  assert.match(passing, /\(passes\)/);
  assert.match(passing, /✓/);
  // The default accent is written nowhere.
  assert.doesNotMatch(await snippet(page), /style=|--odc-accent/);

  // A dark background makes the default text colour fail.
  await page.locator("#colour-background").fill("#222");
  const text = page.locator('#contrast li[data-pair="color/background"]');
  await text.filter({ hasText: `Kontrast ${oneDecimal(ratio("#1b1b1f", "#222222"))}:1` }).waitFor();
  assert.match(await text.textContent(), /underkänt/);
  // A colour that is not one says so, and is not used.
  await page.locator("#colour-color").fill("blå");
  await page.locator("#colour-color-error").waitFor();
  assert.equal(await page.locator("#colour-color").getAttribute("aria-invalid"), "true");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("attribute values are HTML-escaped; the pasted snippet reads them back unchanged", async () => {
  // A registry of our own whose publisher name and format are markup-like.
  const odd = 'Kommun & "Söder" <AB>';
  const registry = JSON.stringify({
    conformsTo: "https://project-open-data.cio.gov/v1.1/schema",
    dataset: [
      { title: "Ett", identifier: "a", publisher: { name: odd }, distribution: [{ format: "X&Y", downloadURL: "https://example.se/a" }] },
      { title: "Två", identifier: "b", publisher: { name: "Annan" }, distribution: [{ format: "CSV", downloadURL: "https://example.se/b" }] },
    ],
  });
  const fake = `${browser.base}/fake/odd.data.json?a=1&b=2`;
  await browser.context.route("**/fake/odd.data.json*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: registry }));
  try {
    const page = await openBuilder();
    await page.locator("#demo-scb").uncheck();
    await page.locator("#own-registries").fill(fake);
    await page.locator("#own-registries").press("Tab");
    await page.locator('#locks li', { hasText: odd }).waitFor({ timeout: 30_000 });
    const value = await page.locator('#locks li', { hasText: odd }).locator("input").getAttribute("data-value");
    await page.locator('#locks li', { hasText: odd }).locator("input").check();
    await lockBox(page, "format", "X&Y").check();
    const code = await snippet(page);
    assert.ok(code.includes(`registry="${fake.replace("&", "&amp;")}"`), code);
    assert.ok(code.includes('filter-format="X&amp;Y"'), code);
    const escaped = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
    assert.ok(code.includes(`filter-publisher="${escaped}"`), code);
    assert.ok(!/filter-publisher="[^"]*"[^\n]*"/.test(code.split("\n").find((l) => l.includes("filter-publisher"))), "no quote ends the value early");
    await page.close();

    const blank = await pasted(code);
    const element = blank.locator("open-data-catalogue");
    await waitForResults(blank);
    assert.equal(await element.getAttribute("registry"), fake);
    assert.equal(await element.getAttribute("filter-format"), "X&Y");
    assert.equal(await element.getAttribute("filter-publisher"), value);
    assert.equal(countOf(await settledCount(blank)), 1, "the locked values match the one dataset");
    assert.deepEqual(await blank.locator("open-data-catalogue .odc-result-title button").allTextContents(), ["Ett"]);
    await blank.close();
  } finally {
    await browser.context.unroute("**/fake/odd.data.json*");
  }
});

test("without clipboard access, Kopiera selects the code and says what to do", async () => {
  const page = await browser.page();
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
    });
  });
  await page.goto(browser.base + BUILDER);
  await page.locator("#page-size").fill("7");
  await page.locator("#copy").click();
  const status = page.locator("#copy-status");
  await status.filter({ hasText: /Kopierat|markerad/ }).waitFor();
  assert.match(await status.textContent(), /^(Kopierat\. \(copied\)|Koden är markerad\. Tryck Ctrl\+C .*)$/);
  const selected = await page.evaluate(() => getSelection().toString());
  assert.equal(selected, await snippet(page), "the whole code is selected");
  assert.match(selected, /page-size="7"/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("axe: no violations with the preview in the dark colour scheme", async () => {
  const page = await browser.page();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(browser.base + BUILDER);
  await waitForResults(page, "#preview");
  await valuesListed(page);
  await settledCount(page, "#preview");
  await noViolations(page, "dark scheme");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("reflow at 320 px: no horizontal scrolling, the code wraps", async () => {
  const page = await openBuilder({ viewport: { width: 320, height: 640 } });
  await lockBox(page, "publisher", SCB).check();
  await page.locator("#colour-accent").fill("#123456");
  const overflow = await page.evaluate(() => {
    const pre = document.querySelector("pre.snippet").getBoundingClientRect();
    const widest = Math.max(...[...document.querySelectorAll("main *")].filter((el) => !el.closest("open-data-catalogue"))
      .map((el) => el.getBoundingClientRect().right));
    return { page: document.documentElement.scrollWidth, viewport: innerWidth, pre: pre.right, widest };
  });
  assert.ok(overflow.page <= overflow.viewport, `page scrolls sideways: ${JSON.stringify(overflow)}`);
  assert.ok(overflow.widest <= overflow.viewport + 0.5, `content clipped: ${JSON.stringify(overflow)}`);
  await page.screenshot({ path: `${ARTEFACTS}builder-320.png` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the script address follows the 'Var ligger pkg/?' field; a folder gets the file name", async () => {
  const page = await browser.page();
  await page.goto(browser.base + BUILDER);
  assert.equal(await page.locator("#script-src").inputValue(), `${browser.base}/pkg/open-data-catalogue.js`);
  await page.locator("#script-src").fill("https://www.myndighet.se/download/pkg/");
  assert.match(await snippet(page), /^<script type="module" src="https:\/\/www\.myndighet\.se\/download\/pkg\/open-data-catalogue\.js"><\/script>/);
  await page.locator("#script-src").fill("/webdav/files/pkg");
  assert.match(await snippet(page), /^<script type="module" src="\/webdav\/files\/pkg\/open-data-catalogue\.js"><\/script>/);
  await page.close();
});
