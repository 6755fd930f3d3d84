// The engine worker: a registry file is fetched, read, indexed and searched
// in a Web Worker, never on the host page's main thread; where no worker
// can start, the same engine runs in the page and the widget still works.
// (The rest of the browser suite runs on the worker path, and a part of it
// again with ODC_ENGINE=page on the fallback path: scripts/test.sh.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { withBrowser, waitForResults, settledCount, countOf, eventually } from "./helpers.mjs";
import { serve } from "../../scripts/serve.mjs";

const browser = withBrowser();
const W = "open-data-catalogue";
const ALL = 1160;

const resources = (context) => context.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
const isRegistry = (url) => url.endsWith("/www/data/registry.jsonld");

async function searchWorks(page, host = W) {
  await waitForResults(page, host);
  assert.equal(countOf(await settledCount(page, host)), ALL);
  await page.locator(`${host} input[type=search]`).fill("bibliotek");
  const found = countOf(await settledCount(page, host));
  assert.ok(found > 0 && found < ALL, `typing narrows the list (${found})`);
  await page.locator(`${host} .odc-result-title button`).first().click();
  await page.locator(`${host} .odc-detail`).waitFor();
}

test("the registry is fetched, read and searched in a worker: the page never downloads it, and the worker once", async () => {
  const page = await browser.page();
  const workers = [];
  page.on("worker", (w) => workers.push(w));
  await page.goto(browser.base + "/tests/browser/pages/plain.html");
  await searchWorks(page);
  assert.equal(workers.length, 1, "one worker for the one widget");
  assert.equal((await resources(workers[0])).filter(isRegistry).length, 1, "the worker fetched the registry, once");
  assert.ok(!(await resources(page)).some(isRegistry), "the page did not");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a registry file starts downloading before the widget's wasm has arrived, and only once", async () => {
  const page = await browser.page();
  const events = [];
  // The wasm arrives a second late, as on a slow connection.
  await page.context().route("**/pkg/odc_core_bg.wasm", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    events.push("wasm answered");
    await route.continue();
  });
  const onRequest = (r) => isRegistry(r.url()) && events.push("registry asked");
  page.context().on("request", onRequest);
  await page.goto(browser.base + "/tests/browser/pages/plain.html");
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), ALL);
  assert.deepEqual(events, ["registry asked", "wasm answered"]);
  page.context().off("request", onRequest);
  await page.context().unroute("**/pkg/odc_core_bg.wasm");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a registry the widget no longer names when it first asks is not downloaded to the end", async () => {
  const page = await browser.page();
  const events = [];
  // The first registry answers slowly; the page names another at once,
  // whose answer is held until the first is stopped (4 s at most), so the
  // stop cannot wait for the widget's first answer.
  const SLOW = "**/tests/relevance/corpus/openumea-opennorth.jsonld";
  const NAMED = "**/www/data/registry.jsonld";
  await page.context().route(SLOW, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue().catch(() => {});
  });
  await page.context().route(NAMED, async (route) => {
    for (let waited = 0; !events.includes("other stopped") && waited < 4000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    events.push("named answered");
    await route.continue();
  });
  const onFailed = (r) => r.url().endsWith("/openumea-opennorth.jsonld") && events.push("other stopped");
  const onFinished = (r) => r.url().endsWith("/openumea-opennorth.jsonld") && events.push("other finished");
  page.context().on("requestfailed", onFailed);
  page.context().on("requestfinished", onFinished);
  await page.goto(browser.base + "/tests/browser/pages/mount.html");
  await page.evaluate(async () => {
    await import("/pkg/open-data-catalogue.js");
    const el = document.createElement("open-data-catalogue");
    el.setAttribute("registry", "/tests/relevance/corpus/openumea-opennorth.jsonld");
    document.body.append(el);
    el.setAttribute("registry", "/www/data/registry.jsonld");
  });
  await waitForResults(page);
  assert.equal(countOf(await settledCount(page)), ALL, "the registry it names shows");
  await page.waitForTimeout(3500);
  page.context().off("requestfailed", onFailed);
  page.context().off("requestfinished", onFinished);
  await page.context().unroute(SLOW);
  await page.context().unroute(NAMED);
  assert.deepEqual(events, ["other stopped", "named answered"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an RDF registry's reader starts downloading while the registry still downloads; a JSON registry's page never asks for it", async () => {
  const TTL = "/tests/fixtures/dcat-ap-se/digg-exempel-rekommenderat.ttl";
  const page = await browser.page();
  const events = [];
  await page.context().route(`**${TTL}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    events.push("registry answered");
    await route.continue();
  });
  const onRequest = (r) => r.url().endsWith("/pkg/odc_rdf_bg.wasm") && events.push("RDF reader asked");
  page.context().on("request", onRequest);
  await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(TTL)}`);
  await waitForResults(page);
  // Digg's example catalogue describes one dataset (`a dcat:Dataset`).
  assert.equal(countOf(await settledCount(page)), 1);
  assert.deepEqual(events, ["RDF reader asked", "registry answered"]);
  await page.context().unroute(`**${TTL}`);
  events.length = 0;
  await page.goto(browser.base + "/tests/browser/pages/plain.html");
  await waitForResults(page);
  page.context().off("request", onRequest);
  assert.deepEqual(events, [], "the demo's JSON-LD registry needs no RDF reader");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a search service's address is never downloaded as a registry file", async () => {
  const page = await browser.page();
  const asked = [];
  const onRequest = (r) => new URL(r.url()).pathname.startsWith("/store") && asked.push(new URL(r.url()).pathname);
  page.context().on("request", onRequest);
  await page.goto(browser.base + "/tests/browser/pages/single.html?registry=%2Fstore");
  await waitForResults(page);
  page.context().off("request", onRequest);
  assert.ok(asked.length > 0, "the service was asked");
  assert.deepEqual(asked.filter((p) => !p.startsWith("/store/search")), [], "only its search API");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("removing the widget ends its worker, so the worker's memory goes with it", async () => {
  const page = await browser.page();
  const workers = [];
  page.on("worker", (w) => workers.push(w));
  await page.goto(browser.base + "/tests/browser/pages/plain.html");
  await waitForResults(page);
  assert.equal(workers.length, 1);
  const closed = new Promise((resolve) => workers[0].once("close", resolve));
  await page.evaluate(() => document.querySelector("open-data-catalogue").remove());
  await Promise.race([closed, page.waitForTimeout(5000).then(() => assert.fail("the worker is still running"))]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

const NO_WORKERS = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'none'";

test("where the CSP allows no worker, the engine runs in the page, says so once in the console, and works", async () => {
  const page = await browser.page();
  const workers = [];
  const told = [];
  page.on("worker", (w) => workers.push(w));
  page.on("console", (m) => m.text().includes("searching in the page") && told.push(m.text()));
  await page.route("**/tests/browser/pages/two-widgets.html", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": NO_WORKERS } });
  });
  await page.goto(browser.base + "/tests/browser/pages/two-widgets.html");
  await waitForResults(page, "#a");
  await page.locator("#b .odc-count").waitFor();
  assert.equal(workers.length, 0);
  assert.equal(told.length, 1, "said once, for both widgets");
  assert.ok((await resources(page)).some((u) => u.includes("/www/data/")), "the page fetched the registry itself");
  await searchWorks(page, "#a");
  // The blocked worker is a CSP violation report, not a page error.
  assert.deepEqual(page.errors.filter((e) => !/Content Security Policy|worker-src/i.test(e)), []);
  await page.close();
});

test("from a CDN (the package on another origin than the page), the worker still starts and reads the page's registry", async () => {
  const cdn = await serve({ port: 0, headers: { "access-control-allow-origin": "*" } });
  try {
    const page = await browser.page();
    const workers = [];
    page.on("worker", (w) => workers.push(w));
    const origin = `http://127.0.0.1:${cdn.address().port}`;
    await page.goto(`${browser.base}/tests/browser/pages/cdn.html?pkg=${encodeURIComponent(origin)}`);
    await searchWorks(page);
    assert.equal(workers.length, 1);
    const fetched = await resources(workers[0]);
    assert.deepEqual(fetched.filter(isRegistry), [`${browser.base}/www/data/registry.jsonld`], "the registry, once, from the page's origin");
    assert.match(workers[0].url(), /^blob:/, "started through a same-origin blob: module");
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    cdn.close();
  }
});

test("a registry still downloading shows its first page early, says more are coming, answers a search typed meanwhile from what has arrived, and tells odc-load once it has all", async () => {
  // The demo's registry from another origin, in three parts: about 140
  // datasets; then, once the test lets more come, a trickle (the rest of
  // the first ~3 MB in small pieces); then, once it lets the rest go, the
  // rest, which alone has the datasets about libraries ("bibliotek").
  const body = readFileSync(new URL("../../www/data/registry.jsonld", import.meta.url));
  const FIRST_PART = 400_000;
  const TRICKLE_END = 3_000_000;
  assert.ok(body.indexOf("bibliotek") > TRICKLE_END, "the registry's libraries come after the trickle");
  let letMoreCome;
  const moreMayCome = new Promise((resolve) => (letMoreCome = resolve));
  let letRestGo;
  const restMayGo = new Promise((resolve) => (letRestGo = resolve));
  let restGone = false;
  restMayGo.then(() => (restGone = true));
  // Bytes sent so far.
  let sent = 0;
  const server = createServer(async (_, res) => {
    res.writeHead(200, { "content-type": "application/ld+json", "access-control-allow-origin": "*" });
    res.write(body.subarray(0, FIRST_PART));
    sent = FIRST_PART;
    await moreMayCome;
    let at = FIRST_PART;
    for (; at < TRICKLE_END && !restGone; at += 8_000) {
      res.write(body.subarray(at, at + 8_000));
      sent = at + 8_000;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await restMayGo;
    res.end(body.subarray(Math.min(at, TRICKLE_END)));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const registry = `http://127.0.0.1:${server.address().port}/registry.jsonld`;
  const page = await browser.page();
  await page.addInitScript(() => {
    window.__loads = [];
    window.addEventListener("odc-load", (e) => window.__loads.push(e.detail), true);
  });
  // Whatever fails, the response ends and the server closes (an open one
  // would keep the test run from ending).
  const done = () => {
    letMoreCome();
    letRestGo();
    server.closeAllConnections();
    server.close();
  };
  const count = (text) => page.locator(`${W} .odc-count`, { hasText: text });
  // What a search typed meanwhile found in what had arrived.
  let partial = 0;
  try {
    await page.goto(`${browser.base}/tests/browser/pages/single.html?registry=${encodeURIComponent(registry)}`);
    // Shown while the response is still open: a full first page.
    await page.locator(`${W} .odc-result`).nth(19).waitFor({ timeout: 15000 });
    const early = await page.locator(`${W} .odc-count`).textContent();
    assert.match(early, /hittills – hämtar fler …/, "the count says more are coming");
    const so_far = countOf(early);
    assert.ok(so_far >= 20 && so_far < ALL, `the count is of what has arrived (${so_far})`);
    assert.equal(await page.locator(`${W} .odc-main[aria-busy=true]`).count(), 1, "the results are marked busy");
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.__loads), [], "no odc-load before the registry is complete");
    assert.equal(await page.locator(`${W} .odc-result`).count(), 20);
    // A search typed while nothing more arrives waits for more, and says so.
    await page.locator(`${W} input[type=search]`).fill("arbetsmarknad");
    await count("hittills – din sökning görs när fler har hämtats …").waitFor();
    // As more arrives, it is answered from the datasets read so far.
    letMoreCome();
    await count(/^\d+ datamängder? hittills – hämtar fler …$/).waitFor();
    partial = countOf(await page.locator(`${W} .odc-count`).textContent());
    const arrived = body.subarray(0, sent).toString().split('"@type": "Dataset"').length - 1;
    assert.ok(partial > 0 && partial < arrived, `the search narrows what has arrived (${partial} of ${arrived})`);
    assert.equal(await page.locator(`${W} .odc-result`).count(), Math.min(partial, 20));
    // A word found only in what has not arrived: none so far, said so.
    await page.locator(`${W} input[type=search]`).fill("bibliotek");
    await page.locator(`${W} .odc-status`, { hasText: "Inga av de datamängder som hämtats hittills matchar din sökning – fler hämtas …" }).waitFor();
    await count(/^Inga datamängder hittills – hämtar fler …$/).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__loads), [], "still no odc-load");
  } catch (error) {
    done();
    await page.close();
    throw error;
  }
  letRestGo();
  await eventually(() => page.evaluate(() => window.__loads.length), 1, "odc-load once the rest has arrived");
  // The search typed meanwhile, answered from the whole registry.
  const found = await settledCount(page);
  assert.doesNotMatch(found, /hittills/);
  assert.ok(countOf(found) > 0 && countOf(found) < ALL, `the search typed meanwhile narrows the whole list (${found})`);
  assert.equal(await page.locator(`${W} .odc-main[aria-busy]`).count(), 0, "no longer busy");
  assert.deepEqual(await page.evaluate(() => window.__loads), [{ datasets: ALL, skipped: 0 }], "one odc-load, of the whole registry");
  await page.locator(`${W} input[type=search]`).fill("arbetsmarknad");
  assert.ok(countOf(await settledCount(page)) > partial, "more match in the whole registry than in what had arrived");
  await page.locator(`${W} input[type=search]`).fill("");
  assert.equal(countOf(await settledCount(page)), ALL);
  assert.deepEqual(page.errors, []);
  await page.close();
  done();
});

test("a keystroke asks the engine worker once, and so does a click on a filter", async () => {
  const page = await browser.page();
  await page.addInitScript(() => {
    window.__asks = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && "ask" in message) window.__asks++;
      return post.call(this, message, ...rest);
    };
  });
  await page.goto(browser.base + "/tests/browser/pages/plain.html");
  await waitForResults(page);
  await settledCount(page);
  const asks = async (act) => {
    await page.evaluate(() => (window.__asks = 0));
    await act();
    await settledCount(page);
    return page.evaluate(() => window.__asks);
  };
  await page.locator(`${W} input[type=search]`).focus();
  assert.equal(await asks(() => page.keyboard.type("skola")), 5, "five keystrokes, five asks");
  assert.equal(await asks(() => page.locator(`${W} .odc-facet input[type=checkbox]`).first().click()), 1, "one filter, one ask");
  assert.deepEqual(page.errors, []);
  await page.close();
});
