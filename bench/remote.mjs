// The widget on a search service, as a person types: requests per typed
// word and time from the last keystroke to the painted list, against the
// local EntryStore, CKAN and piveau services (scripts/services/) with 100 ms added
// to every answer. A benchmark: prints figures, never fails on a slow
// machine.
//
//   node bench/remote.mjs [--latency 100] [--delay 120]
import { start, serviceOrigin, waitForResults } from "../tests/browser/helpers.mjs";
import { createEntryStore } from "../scripts/services/entrystore.mjs";
import { createCkan } from "../scripts/services/ckan.mjs";
import { createPiveau } from "../scripts/services/piveau.mjs";
import { SERVICE_CATALOGUE } from "../scripts/serve.mjs";

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const LATENCY = arg("latency", 100);
const DELAY = arg("delay", 120);
const WORDS = ["befolkning", "inkomst", "arbetslöshet", "utbildning", "bostad"];

const browser = await start();
const rows = [];
for (const [name, service, path] of [
  ["EntryStore", createEntryStore(SERVICE_CATALOGUE), "/store"],
  ["CKAN", createCkan(SERVICE_CATALOGUE), "/ckan/api/3/action/package_search"],
  ["piveau", createPiveau(SERVICE_CATALOGUE), "/api/hub/search"],
]) {
  const origin = await serviceOrigin(service, path);
  const page = await browser.page();
  await page.goto(`${browser.base}/tests/browser/pages/attrs.html?${new URLSearchParams({ registry: origin.url })}`);
  await waitForResults(page);
  service.state.latency = LATENCY;
  const perWord = [], paint = [];
  for (const word of WORDS) {
    const input = page.locator("open-data-catalogue input[type=search]");
    await input.fill("");
    await page.waitForTimeout(800);
    const before = service.state.requests.length;
    // Watch the list in the page: the time its rows change after the last key.
    await page.evaluate(() => {
      const list = document.querySelector("open-data-catalogue").shadowRoot.querySelector(".odc-results");
      window.__painted = null;
      document.querySelector("open-data-catalogue").shadowRoot.querySelector("input[type=search]")
        .addEventListener("keydown", () => { window.__lastKey = performance.now(); });
      new MutationObserver(() => { window.__painted = performance.now(); }).observe(list, { childList: true, subtree: true, characterData: true });
    });
    await input.pressSequentially(word, { delay: DELAY });
    await page.waitForTimeout(1500);
    const [lastKey, painted] = await page.evaluate(() => [window.__lastKey, window.__painted]);
    perWord.push(service.state.requests.length - before);
    if (painted && painted > lastKey) paint.push(painted - lastKey);
  }
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  rows.push([name, perWord.join(", "), Math.max(...perWord), paint.length ? median(paint).toFixed(0) : "n/a"]);
  await page.close();
  origin.close();
}
await browser.close();
console.log(`Remote search bench, ${new Date().toISOString()}: ${WORDS.length} words typed at ${DELAY} ms a key, ${LATENCY} ms added to every answer.\n`);
console.log("| service | requests per word | most | last key → painted list, median ms |");
console.log("|---|---|---:|---:|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
