// A CKAN portal searched where it lives: the widget against a local CKAN
// package_search service (scripts/services/ckan.mjs: CKAN's documented
// parameters over real Swedish catalogues, as CKAN package dicts), on
// another origin than the page. Expected counts and orders are computed
// here from the service's package dicts, never with the widget's code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, countOf, eventually, serviceOrigin } from "./helpers.mjs";
import { createCkan } from "../../scripts/services/ckan.mjs";
import { SERVICE_CATALOGUE } from "../../scripts/serve.mjs";

const browser = withBrowser();
const W = "open-data-catalogue";

let service, origin, API;
before(async () => {
  service = createCkan(SERVICE_CATALOGUE);
  origin = await serviceOrigin(service, "/ckan/api/3/action/package_search");
  API = origin.url;
});
after(() => origin.close());

const PACKAGES = () => service.packages;
const has = (p, w) => [p.title, p.notes, ...p.tags.map((t) => t.name)].some((t) => t.toLowerCase().includes(w));

async function open(attrs = {}) {
  Object.assign(service.state, { fail: 0, latency: 0, requests: [] });
  const page = await browser.page();
  await page.goto(`${browser.base}/tests/browser/pages/attrs.html?${new URLSearchParams({ registry: API, ...attrs })}`);
  return page;
}
const count = async (page) => countOf((await page.locator(`${W} .odc-count`).allTextContents())[0] ?? "");
const titles = (page) => page.locator(`${W} .odc-result-title button`).allTextContents();

test("CKAN service: its answers have the shape of a real CKAN package_search answer (EnviDat)", () => {
  const real = JSON.parse(readFileSync(new URL("../fixtures/ckan/ch-envidat-package_search.json", import.meta.url), "utf8"));
  const pkg = PACKAGES()[0];
  const realPkg = real.result.results[0];
  for (const key of Object.keys(pkg)) assert.ok(key in realPkg, `package key ${key} is one a real CKAN package has`);
  for (const key of Object.keys(pkg.resources[0] ?? {})) assert.ok(key in realPkg.resources[0], `resource key ${key}`);
  for (const key of Object.keys(pkg.organization ?? {})) assert.ok(key in realPkg.organization, `organization key ${key}`);
});

test("CKAN service: count and first page come from package_search; typing narrows them", async () => {
  const page = await open();
  await waitForResults(page);
  await eventually(() => count(page), PACKAGES().length, "count");
  const newest = [...PACKAGES()].sort((a, b) => b.metadata_modified.localeCompare(a.metadata_modified)).slice(0, 20).map((p) => p.title);
  assert.deepEqual(await titles(page), newest);
  await page.locator(`${W} input[type=search]`).pressSequentially("inkomst", { delay: 60 });
  await eventually(() => count(page), PACKAGES().filter((p) => has(p, "inkomst")).length, "count after typing");
  assert.ok(service.state.requests.length <= 3, `${service.state.requests.length} requests`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("CKAN service: organisation counts ignore their own selection, format counts follow it (brute force over the packages)", async () => {
  const page = await open({ facets: "publisher format" });
  await waitForResults(page);
  const orgs = new Map();
  for (const p of PACKAGES()) if (p.organization) orgs.set(p.organization.title, (orgs.get(p.organization.title) ?? 0) + 1);
  assert.ok(orgs.size >= 3, `${orgs.size} organisations`);
  const [chosen, chosenCount] = [...orgs].sort((a, b) => a[1] - b[1])[0];
  const group = (i) => page.locator(`${W} fieldset.odc-facet`).nth(i);
  const row = group(0).locator("label", { hasText: chosen });
  await eventually(async () => Number(await row.locator(".odc-facet-count").textContent()), chosenCount, `count of ${chosen}`);
  await row.locator("input").check();
  await eventually(() => count(page), chosenCount, "count after ticking");
  assert.deepEqual((await group(0).locator(".odc-facet-count").allTextContents()).map(Number).sort((a, b) => b - a),
    [...orgs.values()].sort((a, b) => b - a), "organisation counts over all packages");
  const formats = new Map();
  for (const p of PACKAGES().filter((p) => p.organization?.title === chosen)) {
    for (const f of new Set(p.resources.map((r) => r.format).filter(Boolean))) formats.set(f, (formats.get(f) ?? 0) + 1);
  }
  await eventually(async () => (await group(1).locator(".odc-facet-count").allTextContents()).map(Number).sort((a, b) => b - a),
    [...formats.values()].sort((a, b) => b - a), "format counts under the organisation");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("CKAN service: a locked organisation, title order and the next page", async () => {
  const scb = PACKAGES().find((p) => p.organization?.title === "SCB").organization.name;
  const page = await open({ "filter-publisher": scb, "page-size": "10" });
  await waitForResults(page);
  const own = PACKAGES().filter((p) => p.organization?.name === scb);
  await eventually(() => count(page), own.length, "count of the locked organisation");
  assert.ok(service.state.requests.every((r) => r.fq === `(organization:"${scb}")`), "every request filters by it");
  await page.locator(`${W} select#odc-sort`).selectOption("title");
  const sorted = own.map((p) => p.title).sort(new Intl.Collator("sv").compare);
  await eventually(() => titles(page), sorted.slice(0, 10), "first page in title order");
  await page.locator(`${W} .odc-pager button`, { hasText: /Nästa|2/ }).first().click();
  await eventually(() => titles(page), sorted.slice(10, 20), "second page");
  assert.equal(service.state.requests.at(-1).start, "10");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("CKAN service: an HTTP 500 shows a message and 'try again' recovers", async () => {
  const page = await open();
  service.state.fail = 500;
  await page.reload();
  await eventually(async () => /500/.test((await page.locator(`${W} .odc`).textContent()) ?? ""), true, "the message names the status");
  service.state.fail = 0;
  await page.locator(`${W} button`, { hasText: /Försök igen/ }).click();
  await eventually(() => count(page), PACKAGES().length, "count after trying again");
  await page.close();
});
