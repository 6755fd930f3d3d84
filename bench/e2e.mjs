// End to end, in headless Chromium with the built widget (pkg/): the time
// from navigation (the page with the script tag) to the first results on
// screen; from a keystroke typed right after them (while a large registry
// is still downloading) to the frame that paints the list that answers
// it; from a keystroke to the frame that paints the updated list once the
// whole registry has loaded (when the frame starts, at its animation frame
// callbacks; and when its style, layout and paint are done, nearer to what
// Interaction to Next Paint counts); on the demo (1,160 real datasets) and
// on the synthetic 10k and 100k catalogues; and the host page's long
// tasks (the Long Tasks API: main-thread tasks over 50 ms, which the page
// cannot scroll, click or type through) while the registry loads
// (navigation until the whole registry is on show, the typing meanwhile
// included) and while typing after.
// `--engine page` takes Worker away, so the widget runs its engine in the
// page (the fallback, and how every load ran before the engine worker):
// the before/after of the worker. `--latency MS` has the server wait that
// long before every answer, as a distant one would (only the round trips
// are slowed, not the bandwidth). Prints figures; never fails on slowness.
//
//   node bench/e2e.mjs [--sizes 10000,100000] [--runs 3] [--engine worker|page] [--latency 0]
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../scripts/serve.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const opt = { sizes: "10000,100000", runs: "3", engine: "worker", latency: "0" };
for (let i = 2; i < process.argv.length; i += 2) opt[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
const RUNS = Number(opt.runs);
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

if (!existsSync(join(BENCH, "..", "pkg", "odc_core_bg.wasm"))) {
  spawnSync("bash", [join(BENCH, "..", "scripts", "build.sh")], { stdio: "inherit" });
}
const cases = [["demo (SCB, 1,160 real datasets)", "/www/"]];
for (const n of opt.sizes.split(",").map(Number)) {
  const file = join(BENCH, "data", `catalog-${n}.jsonld`);
  if (!existsSync(file)) spawnSync("node", [join(BENCH, "gen.mjs"), String(n)], { stdio: "inherit" });
  // The synthetic catalogues are larger than the widget's default size
  // limit at 100k (1.9 KB per dataset): the max-size attribute raises it.
  cases.push([`synthetic ${n.toLocaleString("en")}`,
    `/tests/browser/pages/single.html?max-size=512&registry=${encodeURIComponent(`/bench/data/catalog-${n}.jsonld`)}`]);
}

const server = await serve({ port: 0, latency: Number(opt.latency) });
const base = `http://127.0.0.1:${server.address().port}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [name, path] of cases) {
  const first = [];
  const keys = [];
  const rendered = [];
  const whileLoading = [];
  const loadLongest = [];
  const loadBlocking = [];
  const typingLongest = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), "odc-e2e-"));
    const context = await chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", args: FLAGS, headless: true });
    const page = await context.newPage();
    if (opt.engine === "page") await page.addInitScript(() => delete window.Worker);
    await page.addInitScript(() => {
      window.addEventListener("odc-load", () => (window.__wholeRegistry = true), true);
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.addInitScript(() => {
      const poll = () => {
        const root = document.querySelector("open-data-catalogue")?.shadowRoot;
        if (root?.querySelector(".odc-result")) {
          requestAnimationFrame(() => (window.__firstResults = performance.now()));
        } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await page.goto(base + path);
    await page.waitForFunction(() => window.__firstResults, null, { timeout: 300_000, polling: 50 });
    first.push(await page.evaluate(() => window.__firstResults));
    // A keystroke right after first results: at 10k and 100k the registry
    // is still downloading and the answer comes from what has arrived.
    await page.waitForTimeout(200);
    const early = await typed(page, "skola");
    if (early !== null) whileLoading.push(early[0]);
    // Tasks until the whole registry is on show.
    await page.waitForFunction(() => window.__wholeRegistry, null, { timeout: 300_000, polling: 50 });
    await page.waitForTimeout(300);
    const loading = await page.evaluate(() => window.__long.splice(0));
    loadLongest.push(Math.max(0, ...loading.map(([, d]) => d)));
    loadBlocking.push(loading.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0));
    // Queries that each change the list.
    for (const q of ["b", "be", "bef", "befolkning", "trafik", "skola", "hamn", "luftkvalitet", "qqqzz"]) {
      const ms = await typed(page, q);
      if (ms !== null) {
        keys.push(ms[0]);
        rendered.push(ms[1]);
      }
    }
    typingLongest.push(Math.max(0, ...(await page.evaluate(() => window.__long.splice(0))).map(([, d]) => d)));
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({
    name, first: median(first), whileLoading: median(whileLoading), keystroke: median(keys), worst: Math.max(...keys), rendered: median(rendered),
    loadLongest: median(loadLongest), loadBlocking: median(loadBlocking), typingLongest: Math.max(...typingLongest),
  });
}
server.close();
console.log(`engine: ${opt.engine === "page" ? "in the page (no Worker)" : "worker"}; server latency ${Number(opt.latency)} ms; medians of ${RUNS} runs`);
console.log("| catalogue | navigation → first results ms | keystroke right after → its frame ms | keystroke once loaded → its frame ms (median) | (worst) | → that frame rendered ms (median) | longest main-thread task while loading ms | blocking time while loading ms | longest task while typing ms |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.name} | ${r.first.toFixed(0)} | ${r.whileLoading?.toFixed(0) ?? "–"} | ${r.keystroke.toFixed(1)} | ${r.worst.toFixed(1)} | ${r.rendered.toFixed(1)} | ${r.loadLongest.toFixed(0)} | ${r.loadBlocking.toFixed(0)} | ${r.typingLongest.toFixed(0)} |`);
}

// The times from typing `q` into the search box to the frame that paints
// the first change of the results (the count aside), [when the frame
// starts, when its style, layout and paint are done]; null if nothing
// changed in 3 s.
function typed(page, q) {
  return page.evaluate(async (q) => {
    const root = document.querySelector("open-data-catalogue").shadowRoot;
    const input = root.querySelector("input[type=search]");
    const changed = new Promise((resolve) => {
      // The count is announced after a pause on purpose; the list is
      // what must follow the keystroke.
      const observer = new MutationObserver((records) => {
        if (records.every((r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest(".odc-count"))) return;
        observer.disconnect();
        resolve(true);
      });
      observer.observe(root.querySelector(".odc-main") ?? root, { childList: true, subtree: true, characterData: true });
      setTimeout(() => resolve(false), 3000);
    });
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    if (!(await changed)) return null;
    // The frame that paints it starts (its animation frame callbacks);
    // then a task posted from there runs once the frame's style, layout
    // and paint are done.
    let frame = 0;
    await new Promise((r) => requestAnimationFrame(() => {
      frame = performance.now() - t0;
      const after = new MessageChannel();
      after.port1.onmessage = () => r();
      after.port2.postMessage(0);
    }));
    return [frame, performance.now() - t0];
  }, q);
}
