// Every attribute in the README's table, changed after the widget has
// loaded, takes effect: "Changing an attribute after load updates the
// widget (a new registry reloads; everything else applies at once)".
// Each test loads the widget first, waits for its results, changes one
// attribute with setAttribute and asserts the exact visible effect.
// Expected values are computed here from the registry files themselves,
// never with the widget's code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { withBrowser, waitForResults, settledCount, countOf, datasetsOf, eventually } from "./helpers.mjs";

const browser = withBrowser();

const W = "open-data-catalogue";
const VARIED_URL = "/tests/browser/fixtures/varied.jsonld";
const DEMO_URL = "/www/data/registry.jsonld";
const DEMO_FILE = new URL("../../www/data/registry.jsonld", import.meta.url);
const VARIED = JSON.parse(readFileSync(new URL("./fixtures/varied.jsonld", import.meta.url), "utf8"));
const DEMO_TEXT = readFileSync(DEMO_FILE, "utf8");
const DEMO = JSON.parse(DEMO_TEXT);

// ---- independent expectations, from the registry JSON ----

const VARIED_DATASETS = datasetsOf(VARIED);
const list = (v) => (v === undefined || v === null ? [] : [].concat(v));
/** A dataset's values for each facet, read straight from the JSON. */
const FACET_VALUES = {
  publisher: (d) => list(d.publisher?.["@id"]),
  theme: (d) => list(d.theme),
  format: (d) => list(d.distribution).map((x) => String(x.format?.["@value"] ?? x.format ?? "").trim().toUpperCase()).filter(Boolean),
  license: (d) => [...list(d.license), ...list(d.distribution).flatMap((x) => list(x.license))],
  "access-rights": (d) => list(d.accessRights),
};
/** How many datasets have at least one of `values` for `facet`. */
function countWith(facet, values) {
  return VARIED_DATASETS.filter((d) => FACET_VALUES[facet](d).some((v) => values.includes(v))).length;
}
const svTitle = (d) => d.title.sv ?? Object.values(d.title)[0];

// Legends of the five groups in Swedish, in the default order.
const LEGENDS_SV = { publisher: "Utgivare", theme: "Tema", format: "Format", license: "Licens", "access-rights": "Åtkomst" };

// ---- page helpers ----

const pageFor = (registry, extra = "") =>
  `${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(registry)}${extra}`;

async function loaded(registry = VARIED_URL, extra = "") {
  const page = await browser.page();
  await page.goto(pageFor(registry, extra));
  await waitForResults(page);
  await settledCount(page);
  return page;
}

const setAttr = (page, name, value) => page.locator(W).evaluate((el, [n, v]) => el.setAttribute(n, v), [name, value]);


/** The first match's text, or null at once when there is none (no waiting). */
const textOf = async (locator) => (await locator.allTextContents())[0]?.trim() ?? null;
const countNow = async (page) => countOf(await textOf(page.locator(`${W} .odc-count`)));
const legends = (page) => page.locator(`${W} fieldset.odc-facet legend`).allTextContents();
const titles = (page) => page.locator(`${W} .odc-result-title button`).allTextContents();

// ---- registry ----

test("registry: switching varied.jsonld → demo registry after load reloads and the count becomes the demo's dataset count (1160)", async () => {
  const variedCount = VARIED_DATASETS.length;
  const demoCount = datasetsOf(DEMO).length;
  assert.equal(variedCount, 60);
  assert.equal(demoCount, 1160);
  const page = await loaded();
  assert.equal(await countNow(page), variedCount);
  await setAttr(page, "registry", DEMO_URL);
  await eventually(() => countNow(page), demoCount, "count after switching to the demo registry", 30_000);
  assert.match(await page.locator(`${W} .odc-count`).textContent(), /^1\s160 datamängder$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("registry: a new registry after load starts on page 1 with no dataset open", async () => {
  const page = await loaded(VARIED_URL, "&page-size=5");
  await page.locator(`${W} .odc-pager button`).nth(1).click();
  await page.locator(`${W} .odc-pager span`, { hasText: "Sida 2 av 12" }).waitFor();
  await page.locator(`${W} .odc-result-title button`).first().click();
  await page.locator(`${W} .odc-detail`).waitFor();
  await setAttr(page, "registry", DEMO_URL);
  await eventually(async () => ({
    count: await countNow(page),
    pager: await textOf(page.locator(`${W} .odc-pager span`)),
    open: await page.locator(`${W} .odc-result-title button[aria-expanded=true]`).count(),
  }), { count: datasetsOf(DEMO).length, pager: `Sida 1 av ${Math.ceil(datasetsOf(DEMO).length / 5)}`, open: 0 },
  "after switching to the demo registry", 30_000);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- lang ----

test("lang: sv → en after load switches the search label, the count text and the sort options to English", async () => {
  const page = await loaded(VARIED_URL, "&lang=sv");
  const read = async () => ({
    label: await textOf(page.locator(`${W} label[for=odc-q]`)),
    count: await textOf(page.locator(`${W} .odc-count`)),
    sortLabel: await textOf(page.locator(`${W} label[for=odc-sort]`)),
    rootLang: await page.locator(`${W} .odc`).getAttribute("lang"),
  });
  assert.deepEqual(await read(), { label: "Sök bland datamängder", count: "60 datamängder", sortLabel: "Sortera", rootLang: "sv" });
  await setAttr(page, "lang", "en");
  await eventually(read, { label: "Search datasets", count: "60 datasets", sortLabel: "Sort by", rootLang: "en" }, "UI texts after lang=en");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("lang: sv → en after load also switches the labels inside a dataset opened before the switch", async () => {
  const page = await loaded(VARIED_URL, "&lang=sv");
  await page.locator(`${W} .odc-result-title button`).first().click();
  const detail = page.locator(`${W} .odc-detail`);
  await detail.waitFor();
  const SV = ["Utgivare", "Tema", "Åtkomst", "Ändrad", "Licens", "Webbsida", "Kontakt", "Nyckelord", "Publicerad", "Uppdateringsfrekvens"];
  const EN = ["Publisher", "Theme", "Access", "Modified", "Licence", "Web page", "Contact", "Keywords", "Published", "Update frequency"];
  const read = async () => {
    const dts = await detail.locator(".odc-facts dt").allTextContents();
    return {
      // Every varied dataset has a publisher, theme, access right and date.
      english: dts.filter((t) => ["Publisher", "Theme", "Access", "Modified"].includes(t)).sort(),
      swedishLeft: dts.filter((t) => SV.includes(t) && !EN.includes(t)),
      heading: await textOf(detail.locator(".odc-detail-heading")),
      close: (await detail.locator("button.odc-link-button").allTextContents()).map((t) => t.trim()).pop() ?? null,
    };
  };
  const before = await read();
  assert.deepEqual(before.swedishLeft.filter((t) => ["Utgivare", "Tema", "Åtkomst", "Ändrad"].includes(t)).sort(),
    ["Tema", "Utgivare", "Ändrad", "Åtkomst"], "the detail starts in Swedish");
  assert.equal(before.heading, "Distributioner");
  await setAttr(page, "lang", "en");
  await page.locator(`${W} label[for=odc-q]`, { hasText: "Search datasets" }).waitFor();
  await eventually(read, {
    english: ["Access", "Modified", "Publisher", "Theme"],
    swedishLeft: [],
    heading: "Distributions",
    close: "Close",
  }, "labels of the dataset opened before lang=en");
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- facets ----

test("facets: 'format theme' after load shows exactly Format then Tema; then 'theme' shows only Tema", async () => {
  const page = await loaded();
  assert.deepEqual(await legends(page), ["Utgivare", "Tema", "Format", "Licens", "Åtkomst"], "all five by default");
  await setAttr(page, "facets", "format theme");
  await eventually(() => legends(page), ["Format", "Tema"], "legends after facets='format theme'");
  await setAttr(page, "facets", "theme");
  await eventually(() => legends(page), ["Tema"], "legends after facets='theme'");
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** MQA's rating bands (of 405 points) on the share of the maximum, from the
 * registry's dqv measurements, written out here. */
function ratingOf(d) {
  const m = (metric) => list(d.hasQualityMeasurement).find((x) => x.isMeasurementOf.endsWith(metric))?.value;
  const [points, max] = [m("#points"), m("#maximum")];
  if (!(max > 0)) return null;
  const at = (band) => points * 405 >= band * max;
  return at(351) ? "Utmärkt" : at(221) ? "Bra" : at(121) ? "Godtagbar" : "Bristfällig";
}

test("facets: adding 'quality' after load shows the quality filter with counts, a rating on every result and, opened, what a dataset lacks", async () => {
  const page = await loaded(DEMO_URL);
  const ratings = datasetsOf(DEMO).map(ratingOf);
  assert.ok(ratings.every(Boolean), "the demo registry is made by harvest: every dataset has a score");
  assert.equal(await page.locator(`${W} .odc-quality`).count(), 0, "no rating shown by default");
  await setAttr(page, "facets", "publisher quality");
  await eventually(() => legends(page), ["Utgivare", "Metadatakvalitet"], "legends after facets='publisher quality'");
  const group = page.locator(`${W} fieldset.odc-facet`).nth(1);
  for (const label of new Set(ratings)) {
    const expected = ratings.filter((r) => r === label).length;
    const row = group.locator("label", { hasText: label });
    await eventually(async () => Number(await row.locator(".odc-facet-count").textContent()), expected, `count of ${label}`);
  }
  const shown = await page.locator(`${W} .odc-quality`).allTextContents();
  assert.equal(shown.length, await page.locator(`${W} .odc-result`).count(), "one rating per listed result");
  for (const text of shown) assert.match(text.trim(), /^Metadatakvalitet: (Utmärkt|Bra|Godtagbar|Bristfällig) \(\d+ %\)$/);
  // Only the excellent ones: Digg's example; opened, it says what it lacks
  // (it gives no update frequency: checked by hand in the file).
  await group.locator("label", { hasText: "Utmärkt" }).locator("input").check();
  const excellent = ratings.filter((r) => r === "Utmärkt").length;
  await eventually(() => countNow(page), excellent, "count after ticking Utmärkt");
  await page.locator(`${W} .odc-result-title button`).first().click();
  await eventually(async () => (await page.locator(`${W} .odc-quality-missing li`).allTextContents()).join("|"),
    "Uppdateringsfrekvens anges inte.", "what the opened dataset lacks");
  // Taken away again: no ratings, no quality filter.
  await setAttr(page, "facets", "publisher");
  await eventually(() => page.locator(`${W} .odc-quality`).count(), 0, "ratings after quality is taken away");
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- page-size ----

test("page-size: 20 → 5 after load lists exactly 5 results and the pager says page 1 of 12", async () => {
  const page = await loaded(VARIED_URL, "&page-size=20");
  const rows = page.locator(`${W} .odc-results li.odc-result`);
  assert.equal(await rows.count(), 20);
  await setAttr(page, "page-size", "5");
  await eventually(() => rows.count(), 5, "results listed after page-size=5");
  await eventually(() => textOf(page.locator(`${W} .odc-pager span`)), "Sida 1 av 12");
  assert.equal(await countNow(page), 60, "the total is unchanged");
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- sort ----

test("sort: relevance → title after load lists the first page as Intl.Collator('sv') orders all 60 titles", async () => {
  const collator = new Intl.Collator("sv");
  const expected = VARIED_DATASETS.map(svTitle).sort(collator.compare).slice(0, 20);
  // Å, Ä, Ö sort after Z here; the fixture has "Öppettider" titles.
  assert.ok(collator.compare("Öppettider", "Väglag") > 0);
  const page = await loaded();
  assert.equal(await page.locator(`${W} select#odc-sort`).inputValue(), "relevance");
  assert.notDeepEqual(await titles(page), expected, "the default order is not already the title order");
  await setAttr(page, "sort", "title");
  await eventually(() => titles(page), expected, "first page after sort=title");
  assert.equal(await page.locator(`${W} select#odc-sort`).inputValue(), "title");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("sort: relevance → quality after load lists the best share of quality points first, ties in Intl.Collator('sv') title order", async () => {
  const collator = new Intl.Collator("sv");
  const share = (d) => {
    const m = (metric) => list(d.hasQualityMeasurement).find((x) => x.isMeasurementOf.endsWith(metric))?.value;
    return m("#points") / m("#maximum");
  };
  const expected = [...datasetsOf(DEMO)]
    .sort((a, b) => share(b) - share(a) || collator.compare(svTitle(a), svTitle(b)))
    .slice(0, 20)
    .map(svTitle);
  const page = await loaded(DEMO_URL, "&facets=publisher%20quality");
  assert.notDeepEqual(await titles(page), expected, "the default order is not already the quality order");
  await setAttr(page, "sort", "quality");
  await eventually(() => titles(page), expected, "first page after sort=quality");
  assert.equal(await page.locator(`${W} select#odc-sort`).inputValue(), "quality");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("sort: title → modified after load lists the 20 most recently modified datasets, newest first", async () => {
  const expected = [...VARIED_DATASETS]
    .sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0))
    .slice(0, 20)
    .map(svTitle);
  const page = await loaded();
  await setAttr(page, "sort", "title");
  await eventually(async () => page.locator(`${W} select#odc-sort`).inputValue(), "title");
  await setAttr(page, "sort", "modified");
  await eventually(() => titles(page), expected, "first page after sort=modified");
  assert.equal(await page.locator(`${W} select#odc-sort`).inputValue(), "modified");
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- heading-level ----

test("heading-level: 2 → 4 after load makes the listed titles h4 and the opened dataset's heading h5", async () => {
  const page = await loaded();
  await page.locator(`${W} .odc-result-title button`).first().click();
  await page.locator(`${W} .odc-detail`).waitFor();
  const read = () => page.evaluate(() => {
    const root = document.querySelector("open-data-catalogue").shadowRoot;
    return {
      titles: [...new Set([...root.querySelectorAll(".odc-result-title")].map((h) => h.tagName))],
      detail: root.querySelector(".odc-detail-heading")?.tagName ?? null,
    };
  });
  assert.deepEqual(await read(), { titles: ["H2"], detail: "H3" }, "default heading level");
  await setAttr(page, "heading-level", "4");
  await eventually(read, { titles: ["H4"], detail: "H5" }, "heading tags after heading-level=4");
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- timeout ----

test("timeout: set to 2 after load, a new registry that never answers gives up with the timeout message 1.5–15 s after the load starts", async () => {
  const page = await loaded();
  await page.route((url) => url.searchParams.has("hang"), () => {
    // Never answered.
  });
  await setAttr(page, "timeout", "2");
  const started = Date.now();
  await setAttr(page, "registry", `${VARIED_URL}?hang=${started}`);
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor({ timeout: 45_000 });
  const waited = Date.now() - started;
  console.log(`# gave up after ${waited} ms`);
  assert.match(await alert.textContent(), /svarade inte i tid/);
  assert.ok(waited >= 1500 && waited <= 15000, `gave up after ${waited} ms, expected 1500–15000 (timeout=2 s; the default is 30 s; a busy machine may add seconds)`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("timeout: set to 2 after a failed load, 'try again' on a registry that now never answers gives up 1.5–15 s after the retry", async () => {
  // The same option without a registry switch: the next load is the retry.
  const page = await browser.page();
  let mode = "fail";
  await page.route((url) => url.searchParams.has("flaky"), (route) => {
    if (mode === "fail") return route.fulfill({ status: 404, body: "not found" });
    // "hang": never answered.
  });
  await page.goto(pageFor(`${VARIED_URL}?flaky=${Date.now()}`));
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor();
  assert.match(await alert.textContent(), /fel 404/);
  await setAttr(page, "timeout", "2");
  mode = "hang";
  const started = Date.now();
  await alert.locator("button").click();
  await page.locator(`${W} .odc-error`, { hasText: "svarade inte i tid" }).waitFor({ timeout: 45_000 });
  const waited = Date.now() - started;
  console.log(`# retry gave up after ${waited} ms`);
  assert.ok(waited >= 1500 && waited <= 15000, `gave up after ${waited} ms, expected 1500–15000 (timeout=2 s; the default is 30 s; a busy machine may add seconds)`);
  await page.close();
});

// ---- max-size ----

test("max-size: set to 1 after load, the 2.9 MB demo registry streamed chunked WITHOUT Content-Length is refused as too large", async () => {
  // A tiny server of our own: Playwright's route.fulfill adds a
  // Content-Length, so the body is streamed with Transfer-Encoding: chunked.
  const server = createServer((req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      "access-control-allow-origin": "*",
      "cache-control": "no-store",
      "transfer-encoding": "chunked",
    });
    const bytes = Buffer.from(DEMO_TEXT, "utf8");
    for (let i = 0; i < bytes.length; i += 64 * 1024) res.write(bytes.subarray(i, i + 64 * 1024));
    res.end();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  try {
    const url = `http://127.0.0.1:${server.address().port}/registry.jsonld`;
    const page = await loaded();
    // The premise: the browser sees no Content-Length, and the body is over 1 MB.
    const seen = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { length: r.headers.get("content-length"), bytes: (await r.arrayBuffer()).byteLength };
    }, url);
    assert.equal(seen.length, null, "no Content-Length reaches the page");
    assert.ok(seen.bytes > 2 * 1024 * 1024, `${seen.bytes} bytes`);

    await setAttr(page, "max-size", "1");
    await setAttr(page, "registry", url);
    const alert = page.locator(`${W} .odc-error`);
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /för stor/);
    assert.equal(await page.locator(`${W} .odc-results`).count(), 0, "nothing of the refused registry is listed");
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    server.close();
  }
});

test("max-size: set to 1 after load, the 2.9 MB demo registry served WITH a Content-Length over the limit is refused as too large", async () => {
  // The project's static server streams files chunked, so the response is
  // made here, with the Content-Length stated explicitly.
  const size = Buffer.byteLength(DEMO_TEXT, "utf8");
  assert.equal(size, statSync(DEMO_FILE).size);
  const page = await loaded();
  await page.route((url) => url.searchParams.has("announced"), (route) => route.fulfill({
    status: 200,
    headers: { "content-type": "application/json", "content-length": String(size), "cache-control": "no-store" },
    body: DEMO_TEXT,
  }));
  const url = `${DEMO_URL}?announced=1`;
  const length = await page.evaluate(async (u) => (await fetch(u)).headers.get("content-length"), url);
  assert.equal(Number(length), size, "the page sees the Content-Length");
  assert.ok(size > 1024 * 1024);
  await setAttr(page, "max-size", "1");
  await setAttr(page, "registry", url);
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor({ timeout: 30_000 });
  assert.match(await alert.textContent(), /för stor/);
  assert.equal(await page.locator(`${W} .odc-results`).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("max-size: set to 1 after a failed load, 'try again' that receives the 2.9 MB demo registry refuses it as too large", async () => {
  // The same option without a registry switch: the next load is the retry.
  const page = await browser.page();
  let mode = "fail";
  await page.route((url) => url.searchParams.has("flaky"), (route) => mode === "fail"
    ? route.fulfill({ status: 404, body: "not found" })
    : route.fulfill({ status: 200, headers: { "content-type": "application/json", "cache-control": "no-store" }, body: DEMO_TEXT }));
  await page.goto(pageFor(`${DEMO_URL}?flaky=${Date.now()}`));
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor();
  assert.match(await alert.textContent(), /fel 404/);
  await setAttr(page, "max-size", "1");
  mode = "serve";
  await alert.locator("button").click();
  await page.locator(`${W} .odc-error`, { hasText: "för stor" }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(`${W} .odc-results`).count(), 0);
  await page.close();
});

// ---- url-state ----

test("loading: a lazy widget two screens below the fold asks for no wasm and no registry until scrolled near; another, no longer lazy after load, starts at once", async () => {
  const url = `${browser.base}/tests/browser/pages/single.html?loading=lazy&spacer=3000&registry=${encodeURIComponent(VARIED_URL)}`;
  const asked = (requests) => requests.filter((path) => path.endsWith(".wasm") || path === VARIED_URL);
  for (const start of ["scroll", "remove the attribute"]) {
    const page = await browser.page();
    const requests = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(url);
    const status = page.locator(`${W} [role=status]`);
    await status.waitFor();
    await page.waitForTimeout(800);
    assert.deepEqual(asked(requests), [], `${start}: nothing asked for while far from the viewport`);
    assert.equal((await status.textContent()).trim(), "Hämtar datamängder …");
    assert.equal(await page.locator(`${W} .odc-result`).count(), 0);
    if (start === "scroll") await page.locator(W).scrollIntoViewIfNeeded();
    else await page.locator(W).evaluate((el) => el.removeAttribute("loading"));
    await waitForResults(page);
    assert.ok(asked(requests).includes(VARIED_URL), `${start}: the registry is asked for`);
    if (start !== "scroll") {
      const top = await page.locator(W).evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top > 2000, `started without scrolling (the widget is still ${top} px down)`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("loading: a lazy widget that is near the viewport from the start waits until the catalogue that started at once shows its first results", async () => {
  const page = await browser.page();
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  let letGo;
  const mayGo = new Promise((resolve) => (letGo = resolve));
  await page.route(`**${DEMO_URL}`, async (route) => {
    await mayGo;
    await route.continue();
  });
  await page.goto(pageFor(DEMO_URL));
  // Right below the first one: within reach of the viewport at once.
  await page.evaluate((registry) => {
    const lazy = document.createElement("open-data-catalogue");
    lazy.id = "lazy";
    lazy.setAttribute("loading", "lazy");
    lazy.setAttribute("registry", registry);
    document.querySelector("open-data-catalogue").after(lazy);
  }, VARIED_URL);
  await page.waitForTimeout(1500);
  assert.ok(!requests.includes(VARIED_URL), "the lazy widget waits while the first one loads");
  letGo();
  await waitForResults(page);
  await page.locator("#lazy .odc-result").first().waitFor();
  assert.ok(requests.includes(VARIED_URL), "then it loads");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("url-state: absent, typing leaves the URL alone; set to '' after load, typing writes odc-q; set to 'cat', typing writes cat-q", async () => {
  const page = await loaded();
  const search = page.locator(`${W} input[type=search]`);
  const before = page.url();
  await search.fill("skolor");
  await settledCount(page);
  assert.equal(page.url(), before, "without url-state the widget never touches the URL");

  await setAttr(page, "url-state", "");
  await search.fill("bibliotek");
  await eventually(() => new URL(page.url()).searchParams.get("odc-q"), "bibliotek", "odc-q after url-state=''");
  assert.equal(new URL(page.url()).searchParams.get("registry"), VARIED_URL, "the host's own parameters are kept");

  await setAttr(page, "url-state", "cat");
  await search.fill("hamnar");
  await eventually(() => new URL(page.url()).searchParams.get("cat-q"), "hamnar", "cat-q after url-state='cat'");
  console.log(`# URL after switching the prefix: ${new URL(page.url()).search}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- locked filters ----

const LOCKED = [
  ["filter-publisher", "publisher", ["https://example.se/org/0", "https://example.se/org/1"]],
  ["filter-theme", "theme", ["http://publications.europa.eu/resource/authority/data-theme/TRAN",
    "http://publications.europa.eu/resource/authority/data-theme/EDUC"]],
  ["filter-format", "format", ["CSV", "JSON"]],
  ["filter-license", "license", ["http://creativecommons.org/publicdomain/zero/1.0/"]],
  ["filter-access-rights", "access-rights", ["http://publications.europa.eu/resource/authority/access-right/RESTRICTED"]],
];

for (const [attribute, facet, values] of LOCKED) {
  const expected = countWith(facet, values);
  test(`${attribute}: set after load to ${values.length} value(s), the count becomes ${expected} and the ${LEGENDS_SV[facet]} group is hidden`, async () => {
    assert.ok(expected > 0 && expected < 60, `the fixture has a useful value (${expected})`);
    const page = await loaded();
    assert.equal(await countNow(page), 60);
    assert.deepEqual(await legends(page), Object.values(LEGENDS_SV));
    await setAttr(page, attribute, values.join("|"));
    await eventually(() => countNow(page), expected, `count after ${attribute}`);
    assert.deepEqual(await legends(page), Object.values(LEGENDS_SV).filter((l) => l !== LEGENDS_SV[facet]),
      `only the ${LEGENDS_SV[facet]} group is hidden`);
    assert.equal(await page.locator(`${W} .odc-chip`).count(), 0, "a locked filter is not offered as removable");
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
