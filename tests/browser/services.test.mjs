// What every search service gets from the widget alike: the same tests
// against the local EntryStore, CKAN and piveau services
// (scripts/services/), each on another origin than the page: no stale
// answer, the opened dataset, a shared link (url-state), a timeout, 429 and
// a missing CORS header. Expectations come from the services' catalogue
// (the real registries in SERVICE_CATALOGUE), never from the widget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, countOf, datasetsOf, eventually, serviceOrigin } from "./helpers.mjs";
import { createEntryStore } from "../../scripts/services/entrystore.mjs";
import { createCkan } from "../../scripts/services/ckan.mjs";
import { createPiveau } from "../../scripts/services/piveau.mjs";
import { SERVICE_CATALOGUE } from "../../scripts/serve.mjs";

const browser = withBrowser();
const W = "open-data-catalogue";
const DATASETS = SERVICE_CATALOGUE.flatMap((p) => datasetsOf(JSON.parse(readFileSync(p, "utf8"))));
const texts = (m) => (m && typeof m === "object" ? Object.values(m).flat().map(String) : m ? [String(m)] : []);
const hasWord = (d, w) => [d.title, d.description, d.keyword].some((m) => texts(m).some((t) => t.toLowerCase().includes(w)));

const SERVICES = {
  EntryStore: [createEntryStore, "/store"],
  CKAN: [createCkan, "/ckan/api/3/action/package_search"],
  piveau: [createPiveau, "/api/hub/search"],
};
const running = {};
before(async () => {
  for (const [name, [create, path]] of Object.entries(SERVICES)) {
    const service = create(SERVICE_CATALOGUE);
    running[name] = { service, origin: await serviceOrigin(service, path) };
  }
});
after(() => Object.values(running).forEach((r) => r.origin.close()));

async function open(name, attrs = {}, extra = {}) {
  const { service, origin } = running[name];
  Object.assign(service.state, { fail: 0, latency: 0, cors: true, requests: [] });
  const page = await browser.page();
  await page.goto(`${browser.base}/tests/browser/pages/attrs.html?${new URLSearchParams({ registry: origin.url, ...attrs, ...extra })}`);
  return { page, service };
}
const count = async (page) => countOf((await page.locator(`${W} .odc-count`).allTextContents())[0] ?? "");
const widgetText = async (page) => (await page.locator(`${W} .odc`).textContent()) ?? "";

for (const name of Object.keys(SERVICES)) {
  test(`${name}: an older, slower answer never replaces a newer one`, async () => {
    const { page, service } = await open(name);
    await waitForResults(page);
    service.state.latency = 1500;
    await page.locator(`${W} input[type=search]`).fill("befolkning");
    await new Promise((r) => setTimeout(r, 400));
    service.state.latency = 0;
    await page.locator(`${W} input[type=search]`).fill("inkomst");
    // CKAN's and piveau's text search: every word as a fragment, as EntryStore's.
    const expected = DATASETS.filter((d) => hasWord(d, "inkomst")).length;
    await eventually(() => count(page), expected, "count for the newer query");
    await new Promise((r) => setTimeout(r, 1800));
    assert.equal(await count(page), expected, "still the newer query's answer");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${name}: a dataset opens in place with its download links`, async () => {
    const { page } = await open(name, {}, { "odc-q": "folkmängd" });
    await waitForResults(page);
    await page.locator(`${W} .odc-result-title button`).first().click();
    await eventually(async () => (await page.locator(`${W} .odc-detail a[href^="http"]`).count()) > 0, true, "links in the opened dataset");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${name}: url-state restores a shared search and writes the next one back`, async () => {
    const { page } = await open(name, { "url-state": "" }, { "odc-q": "befolkning" });
    await waitForResults(page);
    await eventually(() => count(page), DATASETS.filter((d) => hasWord(d, "befolkning")).length, "count of the shared search");
    await page.locator(`${W} input[type=search]`).fill("inkomst");
    await eventually(() => new URL(page.url()).searchParams.get("odc-q"), "inkomst", "the URL follows");
    await page.close();
  });

  test(`${name}: a service slower than timeout=2 gives up with the timeout message, 429 is named, a missing CORS header is named`, async () => {
    const { page, service } = await open(name, { timeout: "2" });
    await waitForResults(page);
    service.state.latency = 6000;
    await page.locator(`${W} input[type=search]`).fill("inkomst");
    await eventually(async () => /svarade inte|tid/i.test(await widgetText(page)), true, "the timeout message", 9000);
    service.state.latency = 0;
    service.state.fail = 429;
    await page.locator(`${W} button`, { hasText: /Försök igen/ }).click();
    await eventually(async () => /429/.test(await widgetText(page)), true, "429 named");
    service.state.fail = 0;
    service.state.cors = false;
    await page.locator(`${W} button`, { hasText: /Försök igen/ }).click();
    await eventually(async () => /tillåter inte|CORS|Access-Control/i.test(await widgetText(page)), true, "CORS named");
    service.state.cors = true;
    await page.locator(`${W} button`, { hasText: /Försök igen/ }).click();
    await eventually(() => count(page), DATASETS.filter((d) => hasWord(d, "inkomst")).length, "recovered");
    await page.close();
  });
}
