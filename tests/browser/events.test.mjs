// The events a host page's own statistics record (Matomo, Plausible, …):
// each with the documented detail, once per action, never per keystroke.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf, datasetsOf } from "./helpers.mjs";

const browser = withBrowser();
const W = "open-data-catalogue";
const VARIED = JSON.parse(readFileSync(new URL("./fixtures/varied.jsonld", import.meta.url), "utf8"));
const DATASETS = datasetsOf(VARIED);
const REGISTRY = "/tests/browser/fixtures/varied.jsonld";

/** A page with the widget, recording every odc-* event at the document
 *  (they bubble and are composed), and with link navigation held back so a
 *  followed download link leaves the page where it is. */
async function recorded(extra = "") {
  const page = await browser.page();
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["odc-search", "odc-filter", "odc-download", "odc-page", "odc-open"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
    document.addEventListener("click", (e) => {
      if (e.composedPath()[0]?.tagName === "A") e.preventDefault();
    }, true);
  });
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(REGISTRY)}${extra}`);
  await waitForResults(page);
  await settledCount(page);
  return page;
}
const events = (page, type) => page.evaluate((type) => window.__events.filter((e) => e.type === type), type);

/** The datasets whose folded text contains every word (the test's own rule). */
function matching(query) {
  const fold = (s) => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const words = fold(query).split(/\s+/).filter(Boolean);
  return DATASETS.filter((d) => {
    const text = fold(JSON.stringify([d.title, d.description, d.keyword]));
    return words.every((w) => text.includes(w));
  });
}

test("odc-search: typing a word gives exactly one event, with the settled query and its total", async () => {
  const page = await recorded();
  const input = page.locator(`${W} input[type=search]`);
  await input.pressSequentially("badplatser", { delay: 60 });
  const shown = countOf(await settledCount(page));
  await page.waitForTimeout(300);
  const searches = await events(page, "odc-search");
  assert.deepEqual(searches.map((e) => e.detail), [{ query: "badplatser", total: shown }]);
  assert.equal(shown, matching("badplatser").length, "the total is the number of datasets that mention the word");
  // A second word after a pause is a second search; emptying the field is none.
  await input.pressSequentially(" kommun", { delay: 60 });
  await settledCount(page);
  await input.fill("");
  await settledCount(page);
  await page.waitForTimeout(300);
  assert.deepEqual((await events(page, "odc-search")).map((e) => e.detail.query), ["badplatser", "badplatser kommun"]);
  await page.close();
});

test("odc-filter: ticking, unticking, removing a chip and clearing all each say facet, value and selected", async () => {
  const page = await recorded();
  const format = page.locator(`${W} fieldset.odc-facet`, { hasText: "Format" });
  const first = format.locator("input[type=checkbox]").first();
  const label = (await format.locator("li label span").first().textContent()).trim();
  await first.check();
  await first.uncheck();
  await first.check();
  await page.locator(`${W} .odc-chip`).first().click();
  await first.check();
  await page.locator(`${W} .odc-chips .odc-link-button`).click();
  const filters = (await events(page, "odc-filter")).map((e) => e.detail);
  assert.equal(filters.length, 6);
  assert.ok(filters.every((f) => f.facet === "format" && f.value === label), JSON.stringify(filters));
  assert.deepEqual(filters.map((f) => f.selected), [true, false, true, false, true, false]);
  await page.close();
});

test("odc-page: the next and previous buttons say the new page (1-based) and how many there are", async () => {
  const page = await recorded("&page-size=10");
  const pager = page.locator(`${W} .odc-pager button`);
  await pager.last().click();
  await pager.last().click();
  await pager.first().click();
  const pages = Math.ceil(DATASETS.length / 10);
  assert.deepEqual((await events(page, "odc-page")).map((e) => e.detail), [
    { page: 2, pages },
    { page: 3, pages },
    { page: 2, pages },
  ]);
  await page.close();
});

test("odc-download: following a download link says its URL, format, the dataset's IRI and title", async () => {
  const page = await recorded();
  // The first dataset (newest first) that has a download link, found in the registry.
  await page.locator(`${W} .odc-result-title button`).first().click();
  const detail = page.locator(`${W} .odc-detail`);
  await detail.waitFor();
  const link = detail.locator("a.odc-primary").first();
  assert.ok(await link.count(), "the first dataset has a download link");
  const href = await link.getAttribute("href");
  const title = (await page.locator(`${W} .odc-result-title button`).first().textContent()).trim();
  await link.click();
  const [download, ...more] = await events(page, "odc-download");
  assert.equal(more.length, 0);
  assert.equal(download.detail.url, href);
  assert.equal(download.detail.title, title);
  const dataset = DATASETS.find((d) => d["@id"] === download.detail.dataset);
  assert.ok(dataset, `dataset ${download.detail.dataset} is in the registry`);
  const dist = [].concat(dataset.distribution ?? []).find((x) => [].concat(x.downloadURL ?? []).map((u) => (typeof u === "string" ? u : u?.["@id"])).includes(href));
  assert.ok(dist, "the link is one of that dataset's download URLs");
  const format = String(dist.format?.["@value"] ?? dist.format ?? "").toUpperCase() || null;
  assert.equal(download.detail.format, format);
  // The widget's own click also opened nothing else and sent nothing else.
  assert.equal((await events(page, "odc-open")).length, 1);
  await page.close();
});
