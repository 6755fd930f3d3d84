// Broken networks: every kind of failure gives a human message and a way
// out, retry works once the network recovers, and a registry loaded before
// is shown from its saved copy (with its date) when it cannot be reached.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf, ARTEFACTS, forgetSavedCopies } from "./helpers.mjs";

const browser = withBrowser();

const W = "open-data-catalogue";
const REGISTRY = "/tests/browser/fixtures/varied.jsonld";
const BODY = readFileSync(new URL("./fixtures/varied.jsonld", import.meta.url), "utf8");
const pageFor = (registry, extra = "") =>
  `${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(registry)}${extra}`;

// Each fault: how to break the request, and what the person must read.
const FAULTS = [
  ["HTTP 500", (route) => route.fulfill({ status: 500, body: "Internal Server Error" }), /fel 500/],
  ["HTTP 404", (route) => route.fulfill({ status: 404, body: "Not Found" }), /fel 404/],
  ["connection reset", (route) => route.abort("connectionreset"), /gick inte att nå katalogen/],
  ["connection refused", (route) => route.abort("connectionrefused"), /gick inte att nå katalogen/],
  ["truncated body", (route) => route.fulfill({ status: 200, contentType: "application/ld+json", body: BODY.slice(0, BODY.length / 2) }), /trasig eller ofullständig/],
  ["HTML error page", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><html><head><title>Fel</title></head><body><h1>Tjänsten är nere</h1></body></html>" }), /ingen datakatalog/],
  ["empty body", (route) => route.fulfill({ status: 200, body: "" }), /ingen datakatalog/],
];

for (const [name, breakIt, message] of FAULTS) {
  test(`${name}: a clear message, then retry recovers`, async () => {
    const page = await browser.page();
    await forgetSavedCopies(page, browser.base);
    let broken = true;
    await page.route("**/varied.jsonld", (route) => (broken ? breakIt(route) : route.continue()));
    await page.goto(pageFor(REGISTRY));
    const alert = page.locator(`${W} .odc-error`);
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    broken = false;
    await alert.locator("button").click();
    await waitForResults(page);
    assert.equal(countOf(await settledCount(page)), 60);
    await page.close();
  });
}

test("timeout: with timeout=2 the widget gives up after about 2 s (not the default 30), says so, and retry works", async () => {
  const page = await browser.page();
  await forgetSavedCopies(page, browser.base);
  let hang = true;
  await page.route("**/varied.jsonld", (route) => (hang ? undefined /* never answered */ : route.continue()));
  await page.goto(pageFor(REGISTRY) + "&timeout=2");
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor({ timeout: 40_000 });
  assert.match(await alert.textContent(), /svarade inte i tid|tog för lång tid|inte svar/i);
  // Mount to odc-error, timed by the page itself (pages/single.js).
  const gaveUp = await page.evaluate(() => window.__loaded);
  assert.equal(gaveUp.type, "odc-error");
  assert.equal(gaveUp.detail.kind, "timeout");
  assert.ok(gaveUp.ms >= 1500 && gaveUp.ms < 6000, `gave up after ${Math.round(gaveUp.ms)} ms`);
  hang = false;
  await alert.locator("button").click();
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), 60);
  await page.close();
});

test("a CORS refusal is explained as the registry host's setting, naming the header", async () => {
  const page = await browser.page();
  // Same server, other origin (localhost vs 127.0.0.1): no
  // Access-Control-Allow-Origin header, so the browser refuses.
  const crossOrigin = browser.base.replace("127.0.0.1", "localhost") + REGISTRY;
  await page.goto(pageFor(crossOrigin));
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /servern? localhost:\d+ tillåter inte/);
  assert.match(text, /Access-Control-Allow-Origin: \* \(eller http:\/\/127\.0\.0\.1:\d+\)/);
  await page.screenshot({ path: ARTEFACTS + "error-cors.png" });
  await page.close();
});

test("a very slow registry keeps an honest loading state until it arrives", async () => {
  const page = await browser.page();
  await page.route("**/varied.jsonld", async (route) => {
    await new Promise((r) => setTimeout(r, 4000));
    await route.continue();
  });
  await page.goto(pageFor(REGISTRY));
  const loading = page.locator(`${W} .odc-status[role=status]`);
  await loading.waitFor();
  assert.match(await loading.textContent(), /Hämtar datamängder/);
  await page.waitForTimeout(3000);
  assert.ok(await loading.isVisible(), "still loading, no premature error");
  assert.equal(await page.locator(`${W} .odc-error`).count(), 0);
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), 60);
  await page.close();
});

test("a registry loaded before is shown from its saved copy, with its date, when the network fails", async () => {
  const page = await browser.page();
  await page.goto(pageFor(REGISTRY));
  await waitForResults(page);
  // The copy is saved in the background once the registry has been read.
  await page.waitForFunction(async () => (await caches.open("open-data-catalogue-v1")).keys().then((k) => k.length > 0));
  await page.route("**/varied.jsonld", (route) => route.abort("internetdisconnected"));
  await page.reload();
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), 60);
  const notice = await page.locator(`${W} .odc-notice`).textContent();
  assert.match(notice, /kunde inte nås just nu\. Visar en sparad kopia från \d+ \w+\.? \d{4}/);
  // A 404 is not an outage: the registry is gone, so no copy stands in.
  await page.unroute("**/varied.jsonld");
  await page.route("**/varied.jsonld", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.reload();
  await page.locator(`${W} .odc-error`).waitFor();
  await page.close();
});

test("a registry whose Content-Length is over the size limit is refused before download, with a message", async () => {
  const page = await browser.page();
  await page.route("**/varied.jsonld", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: Buffer.alloc(50 * 1024 * 1024, 0x20) }));
  await page.goto(pageFor(REGISTRY));
  const alert = page.locator(`${W} .odc-error`);
  await alert.waitFor({ timeout: 60_000 });
  assert.match(await alert.textContent(), /för stor/);
  await page.close();
});
