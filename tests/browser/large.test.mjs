// Large and odd input in the browser: 100,000 datasets load and stay
// usable; a 1 MB field, 10,000 keywords on one dataset and JSON nested
// 100,000 levels deep neither crash nor blank the widget. Timings are
// printed, never asserted (a shared CI machine may be slow).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf } from "./helpers.mjs";

const browser = withBrowser();

const W = "open-data-catalogue";
const CONTEXT = JSON.parse(readFileSync(new URL("../../src/registry/context.jsonld", import.meta.url), "utf8"));
const ctx = CONTEXT["@context"] ?? CONTEXT;
const WORDS = ["befolkning", "trafik", "skolor", "luftkvalitet", "bibliotek", "väglag", "badplatser", "hamnar", "öppettider", "cykelvägar"];
const FORMATS = ["CSV", "JSON", "XLSX", "GEOJSON"];

function bigRegistry(n) {
  const datasets = [];
  for (let i = 0; i < n; i++) {
    datasets.push({
      "@id": `https://example.se/d/${i}`,
      title: { sv: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} nummer ${i}` },
      publisher: { "@id": `https://example.se/org/${i % 40}`, name: { sv: `Myndighet ${i % 40}` } },
      modified: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      distribution: [{ downloadURL: `https://example.se/d/${i}.csv`, format: { "@value": FORMATS[i % FORMATS.length] } }],
    });
  }
  return JSON.stringify({ "@context": ctx, "@type": "Catalog", dataset: datasets });
}

async function serveAndOpen(page, body) {
  await page.route("**/large/registry.jsonld", (route) => route.fulfill({ status: 200, contentType: "application/ld+json", body }));
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent("/large/registry.jsonld")}`);
}

test("100,000 datasets load, search and filter", async () => {
  const page = await browser.page();
  const body = bigRegistry(100_000);
  await serveAndOpen(page, body);
  await page.waitForFunction(() => window.__loaded, null, { timeout: 120_000 });
  const loaded = await page.evaluate(() => window.__loaded);
  assert.equal(loaded.type, "odc-load");
  assert.equal(loaded.detail.datasets, 100_000);
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), 100_000);
  // A keystroke to the updated list, measured in the page.
  const keystroke = await page.evaluate(async () => {
    const root = document.querySelector("open-data-catalogue").shadowRoot;
    const input = root.querySelector("input[type=search]");
    const first = () => root.querySelector(".odc-result-title")?.textContent;
    const before = first();
    const t0 = performance.now();
    input.value = "hamnar";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    while (first() === before) await new Promise((r) => setTimeout(r, 0));
    const updated = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { updated, painted: performance.now() - t0 };
  });
  const hits = countOf(await settledCount(page));
  // "hamnar" is the first word when i % 10 == 7 and the second when i % 10 == 1.
  assert.equal(hits, 20_000);
  const first = page.locator(`${W} fieldset`, { has: page.locator("legend", { hasText: "Format" }) }).locator("li label").first();
  const predicted = Number(await first.locator(".odc-facet-count").textContent());
  await first.locator("input").check();
  assert.equal(countOf(await settledCount(page)), predicted);
  assert.equal(predicted, 10_000, "those i are odd: half JSON, half GEOJSON");
  console.log(`# 100k datasets (${(body.length / 1048576).toFixed(1)} MB): mount to loaded ${loaded.ms.toFixed(0)} ms; ` +
    `keystroke to updated list ${keystroke.updated.toFixed(1)} ms, to paint ${keystroke.painted.toFixed(1)} ms`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a 1 MB field, 10,000 keywords on one dataset and 100,000-deep nesting are handled", async () => {
  const page = await browser.page();
  const huge = "långtext ".repeat(120_000); // ~1.1 MB
  let deep = "{}";
  for (let i = 0; i < 100_000; i++) deep = `{"a":${deep}}`;
  const keywords = Array.from({ length: 10_000 }, (_, i) => `nyckelord${i}`);
  const body = `{"@context":${JSON.stringify(ctx)},"@type":"Catalog","dataset":[` +
    JSON.stringify({ "@id": "https://example.se/huge", title: { sv: "Stor beskrivning" }, description: { sv: huge } }) + "," +
    JSON.stringify({ "@id": "https://example.se/keywords", title: { sv: "Många nyckelord" }, keyword: { sv: keywords } }) + "," +
    `{"@id":"https://example.se/deep","title":{"sv":"Djupt nästlad"},"description":${deep}},` +
    JSON.stringify({ "@id": "https://example.se/plain", title: { sv: "Vanlig datamängd" } }) + "]}";
  await serveAndOpen(page, body);
  await page.waitForFunction(() => window.__loaded, null, { timeout: 60_000 });
  const loaded = await page.evaluate(() => window.__loaded);
  assert.equal(loaded.type, "odc-load", JSON.stringify(loaded.detail));
  await waitForResults(page);
  const shown = countOf(await settledCount(page));
  assert.ok(shown >= 3, `the readable datasets show (${shown}, skipped ${loaded.detail.skipped})`);
  await page.locator(`${W} input[type=search]`).fill("nyckelord9999");
  assert.equal(countOf(await settledCount(page)), 1);
  await page.locator(`${W} input[type=search]`).fill("stor beskrivning");
  await settledCount(page);
  await page.locator(`${W} .odc-result-title button`).first().click();
  await page.locator(`${W} .odc-detail`).waitFor();
  assert.ok((await page.locator(`${W} .odc-excerpt`).first().textContent()).length < 400, "the excerpt is cut");
  assert.deepEqual(page.errors, []);
  await page.close();
});
