// Shared set-up for the browser tests: Debian's headless Chromium driven by
// playwright-core (never a downloaded browser), and the project's static
// server on a free loopback port.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";

export const ARTEFACTS = new URL("../../test-results/", import.meta.url).pathname;
mkdirSync(ARTEFACTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Which engine the widget runs: "worker" (the default) or "page", the
 *  fallback where no worker can start (`ODC_ENGINE=page`: the tests then
 *  take `Worker` away from every page, and a worker that starts anyway is a
 *  page error). */
export const ENGINE = process.env.ODC_ENGINE === "page" ? "page" : "worker";

/** For a test file: starts the server and browser before its tests and
 *  closes them after; the returned object is filled in by then. */
export function withBrowser() {
  const browser = {};
  before(async () => Object.assign(browser, await start()));
  after(async () => browser.close?.());
  return browser;
}

/** Starts the server and a browser; returns helpers and a close(). */
export async function start() {
  const server = await serve({ port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = mkdtempSync(join(tmpdir(), "odc-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    base,
    context,
    /** A new page that fails the test on uncaught page errors. */
    async page(options = {}) {
      const page = await context.newPage();
      if (options.viewport) await page.setViewportSize(options.viewport);
      page.errors = [];
      if (ENGINE === "page") {
        await page.addInitScript(() => delete window.Worker);
        page.on("worker", (w) => page.errors.push(`a worker started (${w.url()}) although ODC_ENGINE=page`));
      }
      page.on("pageerror", (e) => page.errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") page.errors.push(m.text());
      });
      return page;
    },
    async close() {
      await context.close();
      server.close();
    },
  };
}

/** The widget's shadow root content is reached by Playwright's CSS engine,
 *  which pierces open shadow roots. Waits until results are showing. */
export async function waitForResults(page, host = "open-data-catalogue") {
  await page.locator(`${host} .odc-results li.odc-result`).first().waitFor({ timeout: 30_000 });
  await wholeRegistry(page, host);
}

/** On a slow machine the first rows can be an early page of a registry still
 * downloading (counts and facets of what has arrived, the results marked
 * busy): waits for the whole registry, which the tests' assertions are about. */
async function wholeRegistry(page, host) {
  await page.locator(`${host} .odc-main[aria-busy=true]`).first().waitFor({ state: "detached", timeout: 30_000 });
}

/** The count text once the live region has settled. */
export async function settledCount(page, host = "open-data-catalogue") {
  await wholeRegistry(page, host);
  const locator = page.locator(`${host} .odc-count`);
  let last = await locator.textContent();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const now = await locator.textContent();
    if (now === last) {
      await page.waitForTimeout(600);
      const again = await locator.textContent();
      if (again === now) return now;
    }
    last = now;
  }
  return last;
}

export function countOf(text) {
  const digits = (text ?? "").replace(/[^0-9]/g, "");
  return digits === "" ? 0 : Number(digits);
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; returns violations. */
export async function axe(page, include = "open-data-catalogue") {
  const source = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  await page.addScriptTag({ content: source });
  return page.evaluate(async (include) => {
    const result = await window.axe.run(
      { include: [include] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, include);
}

/** The registry's dataset nodes (everything whose @type is Dataset), read
 *  from the JSON with the test's own code, never the widget's. */
export function datasetsOf(registry) {
  const nodes = [...(registry.dataset ?? []), ...(registry["@graph"] ?? [])];
  return nodes.filter((n) => [].concat(n["@type"] ?? []).includes("Dataset"));
}

/** Polls `read` until its value deep-equals `expected`; fails with the
 *  last value. */
export async function eventually(read, expected, message, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (isDeepStrictEqual(last, expected)) return last;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(last, expected, message);
  return last;
}

/** The browser context is shared: a saved copy of a registry would stand in
 *  for a failing one, so tests about failures forget them first. */
export async function forgetSavedCopies(page, base) {
  await page.goto(base + "/www/favicon.svg");
  await page.evaluate(() => caches.delete("open-data-catalogue-v1"));
}

/** A local search service (scripts/services/) on its own origin, as a
 *  national registry is to an agency's page; `path` is appended to its
 *  address. Returns { url, close }. */
export async function serviceOrigin(service, path) {
  const { createServer } = await import("node:http");
  const server = createServer(async (req, res) => {
    if (!(await service.handle(req, res))) { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}${path}`, close: () => server.close() };
}
