// The JavaScript API (mount, update, destroy), the events the widget
// dispatches (odc-load, odc-error, odc-open) and the URL state (url-state),
// as the README documents them. Expected values are computed here from the
// registry files, never with the widget's code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf, datasetsOf, eventually, forgetSavedCopies } from "./helpers.mjs";

const browser = withBrowser();

const W = "open-data-catalogue";
const VARIED_URL = "/tests/browser/fixtures/varied.jsonld";
const DEMO_URL = "/www/data/registry.jsonld";
const VARIED = JSON.parse(readFileSync(new URL("./fixtures/varied.jsonld", import.meta.url), "utf8"));
const DEMO = JSON.parse(readFileSync(new URL("../../www/data/registry.jsonld", import.meta.url), "utf8"));

// ---- independent expectations, from the registry JSON ----

const VARIED_DATASETS = datasetsOf(VARIED);
const svTitle = (d) => d.title.sv ?? Object.values(d.title)[0];
// In an English UI a title without an English version keeps its Swedish text.
const enTitle = (d) => d.title.en ?? d.title.sv ?? Object.values(d.title)[0];
const formatsOf = (d) => (d.distribution ?? []).map((x) => String(x.format?.["@value"] ?? "").toUpperCase());
const byModifiedDesc = (a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0);
const NEWEST_FIRST = [...VARIED_DATASETS].sort(byModifiedDesc);

// ---- page helpers ----

/** Records every odc-* event that reaches the document (bubbling phase,
 *  so it also proves they bubble out of the shadow root). */
function recordEvents() {
  window.__events = [];
  for (const type of ["odc-load", "odc-error", "odc-open"]) {
    document.addEventListener(type, (e) => {
      const d = e.detail;
      window.__events.push({
        type,
        detail: d,
        plainObject: d !== null && typeof d === "object" && Object.getPrototypeOf(d) === Object.prototype,
        bubbles: e.bubbles,
        composed: e.composed,
        target: e.target?.id || e.target?.localName || null,
        at: Date.now(),
      });
    });
  }
}
const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => !t || e.type === t), type);

async function newPage() {
  const page = await browser.page();
  await page.addInitScript(recordEvents);
  return page;
}

const singleFor = (registry, extra = "") =>
  `${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(registry)}${extra}`;

/** The mount.html page with mount(#target, options) called. */
async function mounted(options, { waitResults = true } = {}) {
  const page = await newPage();
  await page.goto(browser.base + "/tests/browser/pages/mount.html");
  await page.evaluate(async (options) => {
    const { mount } = await import("/pkg/open-data-catalogue.js");
    window.__handle = await mount(document.getElementById("target"), options);
  }, options);
  if (waitResults) {
    await waitForResults(page, "#target");
    await settledCount(page, "#target");
  }
  return page;
}



/** The first match's text, or null at once when there is none (no waiting). */
const textOf = async (locator) => (await locator.allTextContents())[0]?.trim() ?? null;
const notHttpNoise = (errors) => errors.filter((e) => !/Failed to load resource|status of (404|500)/.test(e));
const params = (page) => new URL(page.url()).searchParams;

// ---- mount() ----

test("mount(element, options) renders the registry in the element's shadow root: 10 of 60 results listed", async () => {
  const page = await mounted({ registry: VARIED_URL, pageSize: 10 });
  assert.equal(countOf(await settledCount(page, "#target")), VARIED_DATASETS.length);
  assert.equal(await page.locator("#target .odc-results li.odc-result").count(), 10);
  assert.equal(await page.evaluate(() => !!document.getElementById("target").shadowRoot?.querySelector(".odc")), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("mount() honours lang, facets, pageSize, sort, filters and headingLevel as the README example passes them", async () => {
  const publishers = ["https://example.se/org/0", "https://example.se/org/1"];
  const matching = VARIED_DATASETS.filter((d) => publishers.includes(d.publisher["@id"]));
  const expectedTitles = [...matching].sort(byModifiedDesc).slice(0, 4).map(enTitle);
  const page = await mounted({
    registry: [VARIED_URL],
    lang: "en",
    facets: ["theme", "format"],
    pageSize: 4,
    sort: "modified",
    filters: { publisher: publishers },
    headingLevel: 3,
  });
  const T = "#target";
  assert.equal(await page.locator(`${T} label[for=odc-q]`).textContent(), "Search datasets");
  assert.deepEqual(await page.locator(`${T} fieldset.odc-facet legend`).allTextContents(), ["Theme", "Format"]);
  assert.equal(await page.locator(`${T} .odc-count`).textContent(), `${matching.length} datasets`);
  assert.equal(await page.locator(`${T} .odc-results li.odc-result`).count(), 4);
  assert.equal(await page.locator(`${T} select#odc-sort`).inputValue(), "modified");
  assert.deepEqual(await page.locator(`${T} .odc-result-title button`).allTextContents(), expectedTitles);
  assert.deepEqual(await page.evaluate(() => [...new Set([...document.getElementById("target").shadowRoot
    .querySelectorAll(".odc-result-title")].map((h) => h.tagName))]), ["H3"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("mount() filters: the keys accessRights and access-rights both lock the access-rights filter", async () => {
  const restricted = "http://publications.europa.eu/resource/authority/access-right/RESTRICTED";
  const expected = VARIED_DATASETS.filter((d) => d.accessRights === restricted).length;
  assert.ok(expected > 0 && expected < 60);
  for (const key of ["accessRights", "access-rights"]) {
    const page = await mounted({ registry: VARIED_URL, filters: { [key]: restricted } });
    assert.equal(countOf(await settledCount(page, "#target")), expected, `filters.${key}`);
    assert.deepEqual(await page.locator("#target fieldset.odc-facet legend").allTextContents(),
      ["Utgivare", "Tema", "Format", "Licens"], `filters.${key} hides the Åtkomst group`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("mount() option urlState: 'm' mirrors the search as m-q in the page URL", async () => {
  const page = await mounted({ registry: VARIED_URL, urlState: "m" });
  await page.locator("#target input[type=search]").fill("hamnar");
  await eventually(() => params(page).get("m-q"), "hamnar", "m-q after typing");
  assert.equal(params(page).get("odc-q"), null);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("mount() option timeout: 2 gives up on a registry that never answers 1.5–6 s after mounting", async () => {
  const page = await newPage();
  await page.route((url) => url.searchParams.has("hang"), () => {
    // Never answered.
  });
  await page.goto(browser.base + "/tests/browser/pages/mount.html");
  const started = Date.now();
  await page.evaluate(async (registry) => {
    const { mount } = await import("/pkg/open-data-catalogue.js");
    window.__handle = await mount(document.getElementById("target"), { registry, timeout: 2 });
  }, `${VARIED_URL}?hang=${started}`);
  const alert = page.locator("#target .odc-error");
  await alert.waitFor({ timeout: 45_000 });
  const waited = Date.now() - started;
  assert.match(await alert.textContent(), /svarade inte i tid/);
  assert.ok(waited >= 1500 && waited <= 6000, `gave up after ${waited} ms`);
  await page.close();
});

test("mount() option maxSize: 1 refuses the 2.9 MB demo registry as too large", async () => {
  const page = await mounted({ registry: DEMO_URL, maxSize: 1 }, { waitResults: false });
  const alert = page.locator("#target .odc-error");
  await alert.waitFor({ timeout: 30_000 });
  assert.match(await alert.textContent(), /för stor/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("handle.update({ lang: 'en', pageSize: 5 }) switches the UI to English and lists exactly 5 results", async () => {
  const page = await mounted({ registry: VARIED_URL, lang: "sv" });
  assert.equal(await page.locator("#target .odc-results li.odc-result").count(), 20);
  await page.evaluate(() => window.__handle.update({ lang: "en", pageSize: 5 }));
  // Only what update() names changes: the registry given to mount() stays.
  await eventually(async () => ({
    label: await textOf(page.locator("#target label[for=odc-q]")),
    count: await textOf(page.locator("#target .odc-count")),
    rows: await page.locator("#target .odc-results li.odc-result").count(),
    pager: await textOf(page.locator("#target .odc-pager span")),
    error: await textOf(page.locator("#target .odc-error p")),
  }), { label: "Search datasets", count: "60 datasets", rows: 5, pager: "Page 1 of 12", error: null }, "after update()");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("handle.destroy() empties the shadow root; update() afterwards does not throw and renders nothing", async () => {
  const page = await mounted({ registry: VARIED_URL });
  const eventsBefore = (await events(page)).length;
  await page.evaluate(() => window.__handle.destroy());
  const shadow = () => page.evaluate(() => {
    const root = document.getElementById("target").shadowRoot;
    return { children: root ? root.childNodes.length : null, widget: !!root?.querySelector(".odc") };
  });
  assert.deepEqual(await shadow(), { children: 0, widget: false }, "the widget's DOM is gone after destroy()");
  const thrown = await page.evaluate(() => {
    try {
      window.__handle.update({ lang: "en", registry: "/www/data/registry.jsonld" });
      return null;
    } catch (e) {
      return String(e);
    }
  });
  assert.equal(thrown, null, "update() after destroy() must be a harmless no-op");
  await page.waitForTimeout(1500);
  assert.deepEqual(await shadow(), { children: 0, widget: false }, "update() after destroy() renders nothing");
  assert.equal((await events(page)).length, eventsBefore, "no odc-* event after destroy()");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("after handle.destroy() no odc-* event is dispatched, even when the registry answers later", async () => {
  const page = await newPage();
  let requested = false;
  let answered = false;
  await page.route((url) => url.searchParams.has("slow"), async (route) => {
    requested = true;
    await new Promise((r) => setTimeout(r, 1500));
    answered = true;
    // The worker that asked may be gone by now.
    await route.continue().catch(() => {});
  });
  await page.goto(browser.base + "/tests/browser/pages/mount.html");
  await page.evaluate(async (registry) => {
    const { mount } = await import("/pkg/open-data-catalogue.js");
    window.__handle = await mount(document.getElementById("target"), { registry });
  }, `${VARIED_URL}?slow=${Date.now()}`);
  for (let i = 0; i < 100 && !requested; i++) await page.waitForTimeout(50);
  assert.ok(requested, "the registry was asked for before destroy()");
  await page.evaluate(() => window.__handle.destroy());
  await page.waitForTimeout(2500);
  assert.ok(answered, "the registry did answer after destroy()");
  assert.deepEqual(await events(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("while a slow registry loads, the widget's warm-up asks for nothing, shows nothing and tells the host page nothing", async () => {
  const page = await newPage();
  let asked = 0;
  await page.route((url) => url.searchParams.has("slow"), async (route) => {
    asked += 1;
    await new Promise((r) => setTimeout(r, 2000));
    await route.continue().catch(() => {});
  });
  await page.goto(browser.base + "/tests/browser/pages/mount.html");
  const before = await page.evaluate(() => location.href);
  await page.evaluate(async (registry) => {
    const { mount } = await import("/pkg/open-data-catalogue.js");
    await mount(document.getElementById("target"), { registry, urlState: true });
  }, `${VARIED_URL}?slow=${Date.now()}`);
  // The warm-up (a stand-in of the widget rendering sample answers off the
  // page) takes a few tasks after mount; the registry is still on its way.
  await page.waitForTimeout(1000);
  const shown = await page.evaluate(() => {
    const root = document.getElementById("target").shadowRoot;
    return { rows: root.querySelectorAll(".odc-result").length, layouts: root.querySelectorAll(".odc").length };
  });
  assert.deepEqual(shown, { rows: 0, layouts: 1 }, "no sample row on show, one widget");
  assert.equal(asked, 1, "the registry is asked for once");
  assert.deepEqual(await events(page), []);
  assert.equal(await page.evaluate(() => location.href), before, "the page URL is left alone");
  await waitForResults(page, "#target");
  assert.equal(countOf(await settledCount(page, "#target")), VARIED_DATASETS.length);
  assert.equal(asked, 1, "the registry is asked for once");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("destroy() in the same task as mount() resolves leaves no error behind, also from the work a widget schedules as it mounts", async () => {
  const page = await newPage();
  await page.goto(browser.base + "/tests/browser/pages/mount.html");
  await page.evaluate(async (registry) => {
    const { mount } = await import("/pkg/open-data-catalogue.js");
    const handle = await mount(document.getElementById("target"), { registry });
    handle.destroy();
  }, VARIED_URL);
  // The warm-up and date-format tasks a widget schedules at mount run
  // after this; the widget they were for is gone.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.getElementById("target").shadowRoot?.childNodes.length ?? 0), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- events ----

test("odc-load: detail is exactly { datasets: 60, skipped: 0 }, a plain object that bubbles, composed, from the element", async () => {
  const page = await newPage();
  await page.goto(singleFor(VARIED_URL));
  await waitForResults(page);
  const [load, ...more] = await events(page, "odc-load");
  assert.equal(more.length, 0, "one odc-load per load");
  assert.deepEqual(load.detail, { datasets: VARIED_DATASETS.length, skipped: 0 });
  assert.equal(load.plainObject, true);
  assert.equal(load.bubbles, true);
  assert.equal(load.composed, true);
  assert.equal(load.target, "open-data-catalogue");
  await page.close();
});

test("odc-load: detail.datasets is the demo registry's 1160 datasets", async () => {
  const page = await newPage();
  await page.goto(singleFor(DEMO_URL));
  await waitForResults(page);
  // Once, when the whole registry is read (results may show earlier,
  // from the datasets read so far).
  await eventually(async () => (await events(page, "odc-load")).map((e) => e.detail),
    [{ datasets: datasetsOf(DEMO).length, skipped: 0 }], "one odc-load, of the whole registry");
  await page.waitForTimeout(500);
  assert.equal((await events(page, "odc-load")).length, 1);
  await page.close();
});

test("odc-error for an HTTP 404: detail is a plain object { kind: 'http', status: 404, message: string, url }", async () => {
  const page = await newPage();
  const missing = `/tests/browser/fixtures/missing-${Date.now()}.jsonld`;
  await page.goto(singleFor(missing));
  await page.locator(`${W} .odc-error`).waitFor();
  const errors = await events(page, "odc-error");
  assert.equal(errors.length, 1, "one odc-error");
  const [error] = errors;
  assert.equal(error.plainObject, true, `detail is a plain object, got ${JSON.stringify(error.detail)}`);
  assert.equal(error.detail.kind, "http");
  assert.equal(error.detail.status, 404);
  assert.equal(typeof error.detail.message, "string");
  assert.ok(error.detail.message.length > 0);
  assert.equal(error.detail.url, browser.base + missing, "the registry's URL, resolved against the page");
  assert.equal(error.bubbles && error.composed, true);
  await page.close();
});

test("odc-error for a registry that never answers: detail.kind is 'timeout'", async () => {
  const page = await newPage();
  await page.route((url) => url.searchParams.has("hang"), () => {
    // Never answered.
  });
  const hanging = `${VARIED_URL}?hang=${Date.now()}`;
  await page.goto(singleFor(hanging, "&timeout=1"));
  await page.locator(`${W} .odc-error`).waitFor({ timeout: 45_000 });
  const [error] = await events(page, "odc-error");
  assert.equal(error?.plainObject, true, `detail is a plain object, got ${JSON.stringify(error?.detail)}`);
  assert.equal(error.detail.kind, "timeout");
  assert.equal(typeof error.detail.message, "string");
  assert.equal(error.detail.url, browser.base + hanging, "the registry's URL, resolved against the page");
  await page.close();
});

test("odc-open: opening a dataset dispatches detail { id: the dataset's IRI, title: its shown title }", async () => {
  const page = await newPage();
  await page.goto(singleFor(VARIED_URL));
  await waitForResults(page);
  const toggle = page.locator(`${W} .odc-result-title button`).nth(1);
  const title = await toggle.textContent();
  const dataset = VARIED_DATASETS.find((d) => svTitle(d) === title);
  assert.ok(dataset, `the shown title ${title} is in the registry`);
  await toggle.click();
  await eventually(async () => (await events(page, "odc-open")).length, 1, "one odc-open");
  const [open] = await events(page, "odc-open");
  assert.equal(open.plainObject, true, `detail is a plain object, got ${JSON.stringify(open.detail)}`);
  assert.equal(open.detail.id, dataset["@id"]);
  assert.equal(open.detail.title, title);
  assert.equal(open.bubbles && open.composed, true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- URL state ----

test("url-state='cat': a shared link restores the text, format filter, sort, page 2 and the opened dataset", async () => {
  // Every varied description says "Uppgifter om …", so the text matches all;
  // the CSV filter leaves the CSV datasets; title order makes page 2 exact.
  const csv = VARIED_DATASETS.filter((d) => formatsOf(d).includes("CSV"));
  const ordered = csv.map(svTitle).sort(new Intl.Collator("sv").compare);
  const pageTwo = ordered.slice(5, 10);
  const openTitle = pageTwo[1];
  const openIri = csv.find((d) => svTitle(d) === openTitle)["@id"];
  const link = new URL(browser.base + "/tests/browser/pages/url-state-cat.html");
  for (const [k, v] of [["cat-q", "uppgifter"], ["cat-format", "CSV"], ["cat-sort", "title"], ["cat-page", "2"], ["cat-open", openIri]]) {
    link.searchParams.append(k, v);
  }
  const page = await newPage();
  await page.goto(link.href);
  await waitForResults(page);
  assert.equal(await page.locator(`${W} input[type=search]`).inputValue(), "uppgifter");
  assert.equal(countOf(await settledCount(page)), csv.length);
  assert.deepEqual(await page.locator(`${W} .odc-chip`).evaluateAll((cs) => cs.map((c) => c.getAttribute("aria-label"))),
    ["Ta bort filter Format: CSV"]);
  assert.equal(await page.locator(`${W} select#odc-sort`).inputValue(), "title");
  assert.equal((await page.locator(`${W} .odc-pager span`).textContent()).trim(), `Sida 2 av ${Math.ceil(csv.length / 5)}`);
  assert.deepEqual(await page.locator(`${W} .odc-result-title button`).allTextContents(), pageTwo);
  assert.deepEqual(await page.locator(`${W} .odc-result-title button[aria-expanded=true]`).allTextContents(), [openTitle]);
  await page.locator(`${W} .odc-detail`).waitFor();
  // And the URL still says all of it once the widget has loaded.
  const p = params(page);
  assert.deepEqual([p.get("cat-q"), p.getAll("cat-format"), p.get("cat-sort"), p.get("cat-page"), p.get("cat-open")],
    ["uppgifter", ["CSV"], "title", "2", openIri]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("two widgets with url-state='a' and 'b' each restore only their own parameters", async () => {
  const page = await newPage();
  await page.goto(browser.base + "/tests/browser/pages/url-state-two.html?a-q=skolor&a-format=CSV&b-q=hamnar&b-sort=title&odc-q=nobody");
  await waitForResults(page, "#a");
  await waitForResults(page, "#b");
  const state = async (id) => ({
    text: await page.locator(`${id} input[type=search]`).inputValue(),
    chips: await page.locator(`${id} .odc-chip`).evaluateAll((cs) => cs.map((c) => c.getAttribute("aria-label"))),
    sort: await page.locator(`${id} select#odc-sort`).inputValue(),
  });
  assert.deepEqual(await state("#a"), { text: "skolor", chips: ["Ta bort filter Format: CSV"], sort: "relevance" });
  assert.deepEqual(await state("#b"), { text: "hamnar", chips: [], sort: "title" });
  assert.equal(params(page).get("odc-q"), "nobody", "a parameter with another prefix is left alone");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("two widgets with url-state='a' and 'b': typing in one writes only its own prefix", async () => {
  const page = await newPage();
  await page.goto(browser.base + "/tests/browser/pages/url-state-two.html");
  await waitForResults(page, "#a");
  await waitForResults(page, "#b");
  const prefixed = (prefix) => [...params(page).entries()].filter(([k]) => k.startsWith(prefix));
  await page.locator("#a input[type=search]").fill("bibliotek");
  await eventually(() => prefixed("a-"), [["a-q", "bibliotek"]], "a's parameters after typing in a");
  assert.deepEqual(prefixed("b-"), [], "typing in a writes nothing for b");
  await page.locator("#b input[type=search]").fill("hamnar");
  await eventually(() => prefixed("b-"), [["b-q", "hamnar"]], "b's parameters after typing in b");
  assert.deepEqual(prefixed("a-"), [["a-q", "bibliotek"]], "typing in b leaves a's parameters");
  assert.equal(await page.locator("#a input[type=search]").inputValue(), "bibliotek");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("odc-page with the default prefix: the next-page button writes odc-page=2, and a link with odc-page=3 opens page 3", async () => {
  // Empty query, relevance: newest modified first; 5 per page on url-state.html.
  const expected = (n) => NEWEST_FIRST.slice((n - 1) * 5, n * 5).map(svTitle);
  const page = await newPage();
  await page.goto(browser.base + "/tests/browser/pages/url-state.html");
  await waitForResults(page);
  assert.deepEqual(await page.locator(`${W} .odc-result-title button`).allTextContents(), expected(1));
  assert.equal(params(page).get("odc-page"), null, "page 1 is the default, not written");
  await page.locator(`${W} .odc-pager button`).nth(1).click();
  await eventually(() => params(page).get("odc-page"), "2", "odc-page after next page");
  assert.deepEqual(await page.locator(`${W} .odc-result-title button`).allTextContents(), expected(2));

  const other = await newPage();
  await other.goto(browser.base + "/tests/browser/pages/url-state.html?odc-page=3");
  await waitForResults(other);
  assert.equal((await other.locator(`${W} .odc-pager span`).textContent()).trim(), "Sida 3 av 12");
  assert.deepEqual(await other.locator(`${W} .odc-result-title button`).allTextContents(), expected(3));
  assert.equal(params(other).get("odc-page"), "3");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.errors, []);
  await other.close();
  await page.close();
});

test("odc-open survives a registry that fails to load (HTTP 500): the URL still has odc-open", async () => {
  const iri = NEWEST_FIRST[0]["@id"];
  const page = await newPage();
  await forgetSavedCopies(page, browser.base);
  await page.route("**/varied.jsonld", (route) => route.fulfill({ status: 500, body: "Internal Server Error" }));
  await page.goto(`${browser.base}/tests/browser/pages/url-state.html?odc-open=${encodeURIComponent(iri)}`);
  await page.locator(`${W} .odc-error`).waitFor();
  assert.match(await page.locator(`${W} .odc-error`).textContent(), /fel 500/);
  await page.waitForTimeout(500);
  assert.equal(params(page).get("odc-open"), iri, `location: ${page.url()}`);
  assert.deepEqual(notHttpNoise(page.errors), []);
  await page.close();
});

test("odc-open from a link is opened once 'try again' succeeds after a failed load (HTTP 500)", async () => {
  const wanted = NEWEST_FIRST[0];
  const page = await newPage();
  await forgetSavedCopies(page, browser.base);
  let broken = true;
  await page.route("**/varied.jsonld", (route) =>
    broken ? route.fulfill({ status: 500, body: "Internal Server Error" }) : route.continue());
  await page.goto(`${browser.base}/tests/browser/pages/url-state.html?odc-open=${encodeURIComponent(wanted["@id"])}`);
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor();
  broken = false;
  await alert.locator("button").click();
  await waitForResults(page);
  await eventually(() => page.locator(`${W} .odc-result-title button[aria-expanded=true]`).allTextContents(),
    [svTitle(wanted)], "the dataset the link asked for is open");
  assert.equal(params(page).get("odc-open"), wanted["@id"]);
  assert.deepEqual(notHttpNoise(page.errors), []);
  await page.close();
});

// ---- two independent widgets ----

test("two widgets: a filter, a sort, paging and opening a dataset in #a leave #b's results, count, sort and page unchanged", async () => {
  const page = await newPage();
  await page.goto(browser.base + "/tests/browser/pages/two-widgets.html");
  await waitForResults(page, "#a");
  await waitForResults(page, "#b");
  await settledCount(page, "#a");
  const snapshot = async (id) => ({
    titles: await page.locator(`${id} .odc-result-title button`).allTextContents(),
    count: await textOf(page.locator(`${id} .odc-count`)),
    sort: await page.locator(`${id} select#odc-sort`).inputValue(),
    pager: (await page.locator(`${id} .odc-pager span`).allTextContents()).map((s) => s.trim()),
    open: await page.locator(`${id} .odc-result-title button[aria-expanded=true]`).count(),
    chips: await page.locator(`${id} .odc-chip`).count(),
    text: await page.locator(`${id} input[type=search]`).inputValue(),
  });
  const b = await snapshot("#b");
  const a = await snapshot("#a");

  const format = page.locator("#a fieldset", { has: page.locator("legend", { hasText: "Format" }) });
  await format.locator("input[type=checkbox]").first().check();
  await settledCount(page, "#a");
  await page.locator("#a select#odc-sort").selectOption("title");
  await settledCount(page, "#a");
  await page.locator("#a .odc-pager button").nth(1).click();
  await page.locator("#a .odc-pager span", { hasText: "Sida 2 av" }).waitFor();
  await page.locator("#a .odc-result-title button").first().click();
  await page.locator("#a .odc-detail").waitFor();
  await settledCount(page, "#a");

  const aAfter = await snapshot("#a");
  // The actions did happen in #a ...
  assert.equal(aAfter.chips, 1);
  assert.equal(aAfter.sort, "title");
  assert.match(aAfter.pager[0], /^Sida 2 av/);
  assert.equal(aAfter.open, 1);
  assert.notDeepEqual(aAfter.titles, a.titles);
  // ... and nothing of them in #b.
  assert.deepEqual(await snapshot("#b"), b);
  assert.deepEqual(page.errors, []);
  await page.close();
});
