// The registry searched where it lives: the widget against a local
// EntryStore search service (scripts/services/entrystore.mjs: EntryStore's
// query language and answers over real Swedish catalogues), on another
// origin than the page, as dataportal.se's registry would be. Expected
// counts and orders are computed here from the catalogue files, never with
// the widget's or the service's code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, countOf, datasetsOf, eventually, serviceOrigin } from "./helpers.mjs";
import { createEntryStore } from "../../scripts/services/entrystore.mjs";
import { SERVICE_CATALOGUE } from "../../scripts/serve.mjs";

const browser = withBrowser();
const W = "open-data-catalogue";

// ---- the service, on its own origin ----
let service, origin, STORE;
before(async () => {
  service = createEntryStore(SERVICE_CATALOGUE);
  origin = await serviceOrigin(service, "/store");
  STORE = origin.url;
});
after(() => origin.close());
function reset() {
  Object.assign(service.state, { fail: 0, failFacets: 0, latency: 0, cors: true, requests: [] });
}

// ---- independent expectations, from the catalogue files ----
const DATASETS = SERVICE_CATALOGUE.flatMap((p) => datasetsOf(JSON.parse(readFileSync(p, "utf8"))));
const list = (v) => (v === undefined || v === null ? [] : [].concat(v));
const texts = (m) => (m && typeof m === "object" ? Object.values(m).flat().map(String) : m ? [String(m)] : []);
/** A word is found as a fragment of the title, description or a keyword. */
const hasWord = (d, w) => [d.title, d.description, d.keyword].some((m) => texts(m).some((t) => t.toLowerCase().includes(w)));
const publisherOf = (d) => d.publisher?.["@id"];
const themesOf = (d) => list(d.theme).map((t) => (typeof t === "object" ? t["@id"] : t));
const svTitle = (d) => d.title?.sv ?? Object.values(d.title ?? {})[0];

/** A page of the test server with one widget on the service; `attrs` its
 *  other attributes. (Served by the test server, not fulfilled by the
 *  browser: Chromium lets only a page from a local address reach another.) */
async function open(attrs = {}) {
  reset();
  const page = await browser.page();
  const query = new URLSearchParams({ registry: STORE, ...attrs });
  await page.goto(`${browser.base}/tests/browser/pages/attrs.html?${query}`);
  return page;
}
const count = async (page) => countOf((await page.locator(`${W} .odc-count`).allTextContents())[0] ?? "");
const titles = (page) => page.locator(`${W} .odc-result-title button`).allTextContents();
const pageRequests = () => service.state.requests.filter((r) => !(r.limit === "1" && r.offset === "0" && r.facetFields));

test("EntryStore: the whole registry's count and first page come from the service, newest first", async () => {
  const page = await open();
  await waitForResults(page);
  await eventually(() => count(page), DATASETS.length, "count");
  const expected = [...DATASETS].sort((a, b) => String(b.modified ?? "").localeCompare(String(a.modified ?? ""))).slice(0, 20).map(svTitle);
  assert.deepEqual((await titles(page)).slice(0, 20), expected);
  // One request for the page with the counts; nothing downloaded whole.
  assert.equal(service.state.requests.length, 1);
  assert.equal(service.state.requests[0].limit, "20");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("EntryStore: typing a word asks at most twice and shows the count a fragment search gives", async () => {
  const page = await open();
  await waitForResults(page);
  const before = service.state.requests.length;
  await page.locator(`${W} input[type=search]`).pressSequentially("befolkning", { delay: 60 });
  const expected = DATASETS.filter((d) => hasWord(d, "befolkning")).length;
  assert.ok(expected > 10 && expected < DATASETS.length, `${expected}`);
  await eventually(() => count(page), expected, "count after typing");
  const asked = service.state.requests.length - before;
  assert.ok(asked >= 1 && asked <= 2, `${asked} requests for one typed word`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("EntryStore: a newer search is never overwritten by an older, slower answer", async () => {
  const page = await open();
  await waitForResults(page);
  service.state.latency = 1500;
  await page.locator(`${W} input[type=search]`).fill("befolkning");
  await new Promise((r) => setTimeout(r, 400)); // asked, answer pending
  // Meanwhile the previous results stay on show, marked busy.
  assert.equal(await page.locator(`${W} .odc-results[aria-busy="true"]`).count(), 1, "aria-busy while asking");
  assert.equal(await count(page), DATASETS.length, "the previous count still shown");
  service.state.latency = 0;
  await page.locator(`${W} input[type=search]`).fill("inkomst");
  const expected = DATASETS.filter((d) => hasWord(d, "inkomst")).length;
  await eventually(() => count(page), expected, "count for the newer query");
  await new Promise((r) => setTimeout(r, 1800)); // the older answer would have arrived by now
  assert.equal(await count(page), expected, "still the newer query's answer");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("EntryStore: publisher counts ignore their own selection, theme counts follow it (brute force over the catalogue)", async () => {
  const page = await open({ facets: "publisher theme" });
  await waitForResults(page);
  const publishers = [...new Set(DATASETS.map(publisherOf).filter(Boolean))];
  // (EntryStore indexes publishers by IRI: Umeå's and Nobel's, named only,
  // are not in the facet.)
  assert.ok(publishers.length >= 2);
  const group = (i) => page.locator(`${W} fieldset.odc-facet`).nth(i);
  await eventually(() => group(0).locator("label").count(), publishers.length, "one row per publisher");
  // Tick the publisher with the fewest datasets.
  const byCount = publishers.map((p) => [p, DATASETS.filter((d) => publisherOf(d) === p).length]).sort((a, b) => a[1] - b[1]);
  const [chosen, chosenCount] = byCount[0];
  const rows = group(0).locator("li");
  let index = -1;
  for (let i = 0; i < (await rows.count()); i++) {
    if (Number(await rows.nth(i).locator(".odc-facet-count").textContent()) === chosenCount) index = i;
  }
  assert.ok(index >= 0, "a row with the chosen publisher's count");
  await rows.nth(index).locator("input").check();
  await eventually(() => count(page), chosenCount, "count after ticking the publisher");
  // Publisher counts: still over all datasets (own selection ignored).
  const publisherCounts = (await group(0).locator(".odc-facet-count").allTextContents()).map(Number).sort((a, b) => b - a);
  assert.deepEqual(publisherCounts, byCount.map(([, n]) => n).sort((a, b) => b - a));
  // Theme counts: over the chosen publisher's datasets only.
  const themeCounts = new Map();
  for (const d of DATASETS.filter((d) => publisherOf(d) === chosen)) for (const t of themesOf(d)) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
  await eventually(async () => (await group(1).locator(".odc-facet-count").allTextContents()).map(Number).sort((a, b) => b - a),
    [...themeCounts.values()].sort((a, b) => b - a), "theme counts under the publisher filter");
  // The publisher's own counts cost one more request, as documented.
  const last = service.state.requests.slice(-2);
  assert.equal(last.length, 2);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("EntryStore: a locked publisher is a server-side filter on every request", async () => {
  // Digg's example organisation: the rarer of the catalogue's publisher IRIs.
  const publisher = "https://example.com/publisher1";
  const page = await open({ "filter-publisher": publisher });
  await waitForResults(page);
  const expected = DATASETS.filter((d) => publisherOf(d) === publisher).length;
  await eventually(() => count(page), expected, "count of the locked publisher");
  assert.ok(service.state.requests.every((r) => r.query.includes("metadata.predicate.uri.9259d4c1:")), "every request filters by publisher");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("EntryStore: sort by title asks the service for title order; paging shows the next page; a dataset opens with its links", async () => {
  const page = await open({ "page-size": "10" });
  await waitForResults(page);
  await page.locator(`${W} select#odc-sort`).selectOption("title");
  const collator = new Intl.Collator("sv");
  const sorted = [...DATASETS].map(svTitle).sort(collator.compare);
  await eventually(async () => (await titles(page)).slice(0, 10), sorted.slice(0, 10), "first page in title order");
  assert.equal(pageRequests().at(-1).sort, "title.sv asc");
  await page.locator(`${W} .odc-pager button`, { hasText: /Nästa|2/ }).first().click();
  await eventually(async () => (await titles(page)).slice(0, 10), sorted.slice(10, 20), "second page");
  assert.equal(pageRequests().at(-1).offset, "10");
  await page.locator(`${W} .odc-result-title button`).first().click();
  await eventually(async () => (await page.locator(`${W} .odc-detail a[href^="http"]`).count()) > 0, true, "links in the opened dataset");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("EntryStore: the service failing (HTTP 500) shows a message and 'try again' recovers", async () => {
  reset();
  service.state.fail = 500;
  const page = await open();
  service.state.fail = 500;
  await eventually(async () => (await page.locator(`${W} [role=alert], ${W} .odc-error`).count()) > 0, true, "an error message");
  const message = (await page.locator(`${W} .odc`).textContent()) ?? "";
  assert.match(message, /500/);
  service.state.fail = 0;
  await page.locator(`${W} button`, { hasText: /Försök igen/ }).click();
  await eventually(() => count(page), DATASETS.length, "count after trying again");
  await page.close();
});

test("EntryStore: a service without CORS headers is named as the cause", async () => {
  const page = await open();
  service.state.cors = false;
  await page.reload();
  service.state.cors = false;
  await eventually(async () => /CORS|Access-Control|tillåter inte/i.test((await page.locator(`${W} .odc`).textContent()) ?? ""), true, "a CORS message");
  service.state.cors = true;
  await page.close();
});

test("EntryStore: when only a count request fails, the results show and the page says filters could not be counted", async () => {
  const page = await open({ facets: "publisher theme" });
  await waitForResults(page);
  await eventually(() => page.locator(`${W} .odc-results[aria-busy]`).count(), 0, "no request under way");
  service.state.failFacets = 500;
  const box = page.locator(`${W} fieldset.odc-facet`).first().locator("input").first();
  await box.click();
  await eventually(async () => (await page.locator(`${W} .odc-notice`).allTextContents()).join(" "),
    "Några filter kunde inte räknas just nu; träffarna stämmer.", "the notice");
  assert.ok((await titles(page)).length > 0, "results still shown");
  // The ticked value stays listed and ticked, so it can be unticked.
  assert.equal(await page.locator(`${W} fieldset.odc-facet`).first().locator("input:checked").count(), 1);
  await page.close();
});

test("registry-type: set to 'file' after load, the same URL is fetched as a file and fails as one; back to 'entrystore' it searches again", async () => {
  const page = await open();
  await waitForResults(page);
  await page.locator(W).evaluate((el) => el.setAttribute("registry-type", "file"));
  await eventually(async () => (await page.locator(`${W} .odc-count`).count()) === 0, true, "no results as a file");
  await page.locator(W).evaluate((el) => el.setAttribute("registry-type", "entrystore"));
  await eventually(() => count(page), DATASETS.length, "count as a service again");
  await page.close();
});

test("EntryStore service: its answers have the shape of dataportal.se's real answer", async () => {
  const real = JSON.parse(readFileSync(new URL("../fixtures/entrystore/search_datasets.json", import.meta.url), "utf8"));
  reset();
  const res = await fetch(`${STORE}/search?type=solr&query=${encodeURIComponent("rdfType:http\\://www.w3.org/ns/dcat#Dataset AND public:true")}&limit=2`);
  const ours = await res.json();
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(real).sort(), "top-level keys");
  assert.equal(ours.resource.children.length, 2);
  for (const key of Object.keys(ours.resource.children[0])) assert.ok(key in real.resource.children[0], `entry key ${key}`);
  // RDF/JSON value objects: the keys the real ones use.
  const realKeys = new Set(Object.values(real.resource.children[0].metadata).flatMap((p) => Object.values(p).flat().flatMap(Object.keys)));
  for (const o of Object.values(ours.resource.children[0].metadata).flatMap((p) => Object.values(p).flat())) {
    for (const k of Object.keys(o)) assert.ok(realKeys.has(k), `value key ${k}`);
  }
});

test("EntryStore: url-state restores a shared search against the service, and typing writes it back", async () => {
  const page = await browser.page();
  reset();
  const query = new URLSearchParams({ registry: STORE, "url-state": "", "odc-q": "befolkning" });
  await page.goto(`${browser.base}/tests/browser/pages/attrs.html?${query}`);
  await waitForResults(page);
  await eventually(() => count(page), DATASETS.filter((d) => hasWord(d, "befolkning")).length, "count of the shared search");
  await page.locator(`${W} input[type=search]`).fill("inkomst");
  await eventually(() => new URL(page.url()).searchParams.get("odc-q"), "inkomst", "the URL follows");
  await page.close();
});

test("EntryStore: 429 Too Many Requests says so and offers to try again", async () => {
  const page = await open();
  service.state.fail = 429;
  await page.reload();
  await eventually(async () => /429/.test((await page.locator(`${W} .odc`).textContent()) ?? ""), true, "the status is named");
  service.state.fail = 0;
  await page.locator(`${W} button`, { hasText: /Försök igen/ }).click();
  await eventually(() => count(page), DATASETS.length, "count after trying again");
  await page.close();
});
