// Every catalogue format agencies publish, read in the browser; several
// catalogues merged into one list; one failing source among others.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf } from "./helpers.mjs";

const browser = withBrowser();

const W = "open-data-catalogue";

// The largest real file of each format, with the dataset count the native
// tests assert for it: the browser must agree.
const LARGEST = [
  ["registry JSON-LD", "/www/data/registry.jsonld", 1160],
  ["RDF/XML", "/tests/fixtures/dcat-ap-se/scb-statistikdatabasen-dcat-ap-2.rdf.xml", 1159],
  ["Turtle", "/tests/fixtures/dcat-ap-eu/ckanext-dcat-dataset_gob_es.ttl", 1],
  ["CKAN package_search", "/tests/fixtures/ckan/ch-envidat-package_search.json", 2],
  ["DCAT-US data.json", "/tests/fixtures/datajson/us-dhs.data.json", 1093],
  ["DCAT-AP JSON-LD (POD context)", "/tests/fixtures/dcat-ap-eu/ckanext-dcat-catalog_pod.jsonld", 1],
  ["schema.org JSON-LD", "/tests/fixtures/schemaorg/esip-soso-dataset-full.jsonld", 1],
];

test("the largest real file of each format loads in Chromium with the native dataset count", async () => {
  const rows = [];
  for (const [format, path, expected] of LARGEST) {
    const page = await browser.page();
    await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(path)}`);
    await page.waitForFunction(() => window.__loaded, null, { timeout: 60_000 });
    const loaded = await page.evaluate(() => window.__loaded);
    assert.equal(loaded.type, "odc-load", `${format}: ${JSON.stringify(loaded.detail)}`);
    assert.equal(loaded.detail.datasets, expected, format);
    await waitForResults(page);
    rows.push(`${format.padEnd(32)} ${String(expected).padStart(5)} datasets  ${loaded.ms.toFixed(0).padStart(6)} ms  ${path.split("/").pop()}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  console.log("# read time in Chromium, mount to first results (incl. fetch over loopback):\n# " + rows.join("\n# "));
});

test("the demo's second widget merges a Turtle file and a data.json; the publisher facet spans both", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  // The demo loads it lazily (loading="lazy"): it starts near the viewport.
  await page.locator("#federated").scrollIntoViewIfNeeded();
  await waitForResults(page, "#federated");
  assert.equal(countOf(await settledCount(page, "#federated")), 12);
  const publishers = await page.locator("#federated fieldset", { has: page.locator("legend", { hasText: "Utgivare" }) })
    .locator("li label span:first-of-type").allTextContents();
  assert.ok(publishers.some((p) => /Exempel organisation/.test(p)), `publishers: ${publishers}`);
  assert.ok(publishers.some((p) => /Consumer Financial Protection Bureau/i.test(p)), `publishers: ${publishers}`);
  // Filtering by the Turtle file's publisher leaves its one dataset.
  await page.locator("#federated label", { hasText: "Exempel organisation" }).locator("input").check();
  assert.equal(countOf(await settledCount(page, "#federated")), 1);
  assert.match(await page.locator("#federated .odc-result-title").first().textContent(), /Bibliotek i Sverige/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("one unreachable source among three shows a notice naming it, and the other two", async () => {
  const page = await browser.page();
  const registry = [
    "/tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.ttl",
    "/tests/fixtures/datajson/us-consumerfinance.data.json",
    "/tests/missing/registry.jsonld",
  ].join(" ");
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(registry)}`);
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), 12);
  const notice = page.locator(`${W} .odc-notice`);
  assert.match(await notice.textContent(), /\/tests\/missing\/registry\.jsonld/);
  await page.close();
});

test("the same catalogue in RDF/XML and Turtle shows the same datasets", async () => {
  const titles = {};
  for (const path of ["/tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.rdf", "/tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.ttl"]) {
    const page = await browser.page();
    await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(path)}&lang=en`);
    await waitForResults(page);
    await page.locator(`${W} .odc-result-title button`).first().click();
    titles[path] = await page.locator(`${W} .odc-result`).first().innerText();
    await page.close();
  }
  const [a, b] = Object.values(titles);
  assert.equal(a, b);
  assert.match(a, /Libraries in Sweden/);
});

test("a page where a catalogue was expected says so", async () => {
  const page = await browser.page();
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent("/tests/browser/pages/plain.html")}`);
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor();
  assert.match(await alert.textContent(), /ingen datakatalog/);
  await page.close();
});

test("a record that cannot be read is skipped, counted and said, while the rest shows", async () => {
  const page = await browser.page();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const path = "/tests/fixtures/datajson/gsa-ckanext-datajson-samples/missing-dataset-fields.data.json";
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(path)}`);
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), 1);
  assert.match(await page.locator(`${W} .odc-notice`).textContent(), /1 datamängd kunde inte läsas/);
  assert.ok(warnings.some((w) => w.includes("missing-dataset-fields")), `details in the console: ${warnings}`);
  await page.close();
});

test("the RDF reader failing to download once says so, and try again recovers it", async () => {
  const page = await browser.page();
  let failures = 1;
  await page.route("**/pkg/odc_rdf.js", (route) => (failures-- > 0 ? route.abort("connectionreset") : route.continue()));
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent("/tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.ttl")}`);
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor();
  // Not blamed on the registry: the module is named, and retrying helps.
  assert.match(await alert.textContent(), /RDF-filer kunde inte hämtas/);
  assert.doesNotMatch(await alert.textContent(), /trasig/);
  assert.equal(await page.evaluate(() => window.__loaded?.detail?.kind), "module");
  await alert.locator("button").click();
  await waitForResults(page);
  assert.ok(countOf(await settledCount(page)) >= 1);
  assert.equal(failures, -1, "the module was fetched a second time");
  await page.close();
});

test("a real data.json with a broken text escape in one description shows every dataset", async () => {
  const page = await browser.page();
  const original = readFileSync(new URL("../fixtures/datajson/us-fda.data.json", import.meta.url), "utf8");
  // Half an emoji: JSON.parse accepts it, a strict parser refuses the file.
  const at = original.indexOf('"description": "') + '"description": "'.length;
  const broken = original.slice(0, at) + "\\ud83d cut " + original.slice(at);
  const expected = JSON.parse(broken).dataset.length;
  await page.route("**/broken-escape.data.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: broken }));
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent("/tests/broken-escape.data.json")}`);
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), expected);
  assert.equal(await page.locator(`${W} .odc-error`).count(), 0);
  await page.close();
});
