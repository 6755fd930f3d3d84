// data.europa.eu's kind of registry searched where it lives: the widget
// against a local piveau hub-search service (scripts/services/piveau.mjs:
// the search API over real Swedish catalogues, each dataset as piveau's JSON
// view of it), on another origin than the page. Expected counts and orders
// are computed here from the service's hits, never with the widget's code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, countOf, eventually, serviceOrigin } from "./helpers.mjs";
import { createPiveau } from "../../scripts/services/piveau.mjs";
import { SERVICE_CATALOGUE } from "../../scripts/serve.mjs";

const browser = withBrowser();
const W = "open-data-catalogue";

let service, origin, HUB;
before(async () => {
  service = createPiveau(SERVICE_CATALOGUE);
  origin = await serviceOrigin(service, "/api/hub/search");
  HUB = origin.url;
});
after(() => origin.close());

const HITS = () => service.hits;
const has = (h, w) => [...Object.values(h.title), ...Object.values(h.description), ...h.keywords.map((k) => k.label)].some((t) => t.toLowerCase().includes(w));

async function open(attrs = {}) {
  Object.assign(service.state, { fail: 0, latency: 0, requests: [] });
  const page = await browser.page();
  await page.goto(`${browser.base}/tests/browser/pages/attrs.html?${new URLSearchParams({ registry: HUB, ...attrs })}`);
  return page;
}
const count = async (page) => countOf((await page.locator(`${W} .odc-count`).allTextContents())[0] ?? "");
const titles = (page) => page.locator(`${W} .odc-result-title button`).allTextContents();
const svTitle = (h) => h.title.sv ?? Object.values(h.title)[0];

test("piveau service: its hits have the keys of data.europa.eu's real hits", () => {
  const real = JSON.parse(readFileSync(new URL("../fixtures/piveau/hit-37757fcf.json", import.meta.url), "utf8"));
  const ours = HITS().find((h) => h.distributions.length > 0 && h.categories.length > 0);
  for (const key of Object.keys(ours)) assert.ok(key in real, `hit key ${key}`);
  for (const key of Object.keys(ours.distributions[0])) assert.ok(key in real.distributions[0] || key === "license", `distribution key ${key}`);
});

test("piveau service: count and first page from the search API; typing narrows them", async () => {
  const page = await open();
  await waitForResults(page);
  await eventually(() => count(page), HITS().length, "count");
  const newest = [...HITS()].sort((a, b) => b.modified.localeCompare(a.modified)).slice(0, 20).map(svTitle);
  assert.deepEqual(await titles(page), newest);
  await page.locator(`${W} input[type=search]`).pressSequentially("inkomst", { delay: 60 });
  await eventually(() => count(page), HITS().filter((h) => has(h, "inkomst")).length, "count after typing");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("piveau service: theme counts ignore their own selection, format counts follow it (brute force over the hits)", async () => {
  const page = await open({ facets: "theme format" });
  await waitForResults(page);
  const themes = new Map();
  for (const h of HITS()) for (const c of h.categories) themes.set(c.id, (themes.get(c.id) ?? 0) + 1);
  assert.ok(themes.size >= 2, `${themes.size} themes`);
  const [chosen, chosenCount] = [...themes].sort((a, b) => a[1] - b[1])[0];
  const group = (i) => page.locator(`${W} fieldset.odc-facet`).nth(i);
  await eventually(() => group(0).locator("li").count(), themes.size, "one row per theme");
  const rows = group(0).locator("li");
  let index = -1;
  for (let i = 0; i < (await rows.count()); i++) if (Number(await rows.nth(i).locator(".odc-facet-count").textContent()) === chosenCount) index = i;
  await rows.nth(index).locator("input").click();
  await eventually(() => count(page), chosenCount, `count after ticking ${chosen}`);
  assert.deepEqual((await group(0).locator(".odc-facet-count").allTextContents()).map(Number).sort((a, b) => b - a),
    [...themes.values()].sort((a, b) => b - a), "theme counts over all hits");
  const formats = new Map();
  for (const h of HITS().filter((h) => h.categories.some((c) => c.id === chosen))) {
    for (const f of new Set(h.distributions.map((x) => x.format?.id).filter(Boolean))) formats.set(f, (formats.get(f) ?? 0) + 1);
  }
  await eventually(async () => (await group(1).locator(".odc-facet-count").allTextContents()).map(Number).sort((a, b) => b - a),
    [...formats.values()].sort((a, b) => b - a), "format counts under the theme");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("piveau service: a locked publisher, title order and the next page", async () => {
  const scb = "http://id.kb.se/organisations/SE2021000837";
  const page = await open({ "filter-publisher": scb, "page-size": "10" });
  await waitForResults(page);
  const own = HITS().filter((h) => h.publisher?.resource === scb);
  await eventually(() => count(page), own.length, "count of the locked publisher");
  assert.ok(service.state.requests.every((r) => JSON.parse(r.facets).publisher?.[0] === scb), "every request filters by it");
  await page.locator(`${W} select#odc-sort`).selectOption("title");
  const sorted = own.map(svTitle).sort(new Intl.Collator("sv").compare);
  await eventually(() => titles(page), sorted.slice(0, 10), "first page in title order");
  await page.locator(`${W} .odc-pager button`, { hasText: /Nästa|2/ }).first().click();
  await eventually(() => titles(page), sorted.slice(10, 20), "second page");
  assert.equal(service.state.requests.at(-1).page, "1");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("piveau service: an HTTP 503 shows a message and 'try again' recovers", async () => {
  const page = await open();
  service.state.fail = 503;
  await page.reload();
  await eventually(async () => /503/.test((await page.locator(`${W} .odc`).textContent()) ?? ""), true, "the message names the status");
  service.state.fail = 0;
  await page.locator(`${W} button`, { hasText: /Försök igen/ }).click();
  await eventually(() => count(page), HITS().length, "count after trying again");
  await page.close();
});
