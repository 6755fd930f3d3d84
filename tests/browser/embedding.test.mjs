// How the widget lives on someone else's page: isolated from the host's
// CSS, several on one page, and honest when the registry cannot be read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, waitForResults, settledCount, countOf, ARTEFACTS } from "./helpers.mjs";

const browser = withBrowser();

// Computed styles of a sample of the widget's elements, by selector.
async function widgetStyles(page) {
  return page.evaluate(() => {
    const root = document.querySelector("open-data-catalogue").shadowRoot;
    const props = ["color", "font-family", "font-size", "line-height", "text-transform", "letter-spacing",
      "background-color", "border-top-style", "border-top-width", "padding-top", "padding-left", "margin-top",
      "list-style-type", "width", "box-sizing", "display"];
    const out = {};
    for (const selector of [".odc", ".odc-search input", ".odc-search label", ".odc-facet legend",
      ".odc-facet li", ".odc-facet input", ".odc-results", ".odc-result", ".odc-result-title button",
      ".odc-meta", ".odc-excerpt", ".odc-badge", ".odc-sort select", ".odc-pager .odc-button"]) {
      const el = root.querySelector(selector);
      if (!el) { out[selector] = "missing"; continue; }
      const cs = getComputedStyle(el);
      // Width depends on the page's layout around the element; the rest
      // must be identical.
      out[selector] = Object.fromEntries(props.filter((p) => p !== "width" || selector === ".odc-facet input").map((p) => [p, cs.getPropertyValue(p)]));
    }
    return out;
  });
}

test("the host page's aggressive CSS changes nothing inside the widget", async () => {
  const plain = await browser.page();
  await plain.goto(browser.base + "/tests/browser/pages/plain.html");
  await waitForResults(plain);
  const expected = await widgetStyles(plain);
  await plain.screenshot({ path: ARTEFACTS + "embed-plain.png" });

  for (const url of ["/", "/tests/browser/pages/hostile-css.html"]) {
    const page = await browser.page();
    await page.goto(browser.base + url);
    // The first widget's results (the one measured), not any widget's.
    await page.locator("open-data-catalogue").first().locator(".odc-results li.odc-result").first().waitFor();
    const actual = await widgetStyles(page);
    assert.deepEqual(actual, expected, `styles inside the widget on ${url}`);
    await page.screenshot({ path: ARTEFACTS + `embed-hostile${url === "/" ? "-demo" : ""}.png` });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  // And the widget's CSS does not leak out onto the host page.
  const leaked = await plain.evaluate(() => getComputedStyle(document.querySelector("h1")).fontFamily);
  assert.doesNotMatch(leaked, /system-ui/);
  await plain.close();
});

test("two widgets on one page are independent", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/tests/browser/pages/two-widgets.html");
  await waitForResults(page, "#a");
  await waitForResults(page, "#b");
  const a = countOf(await settledCount(page, "#a"));
  const b = countOf(await settledCount(page, "#b"));
  assert.ok(a >= 1159);
  assert.ok(b >= 1 && b < 10, `locked to one publisher: ${b}`);
  // The locked facet is applied but not offered as a filter or a chip.
  assert.equal(await page.locator("#b legend", { hasText: "Publisher" }).count(), 0);
  assert.equal(await page.locator("#b .odc-chip").count(), 0);
  assert.equal(await page.locator("#b label[for=odc-q]").textContent(), "Search datasets");
  assert.equal(await page.locator("#a label[for=odc-q]").textContent(), "Sök bland datamängder");

  await page.locator("#a input[type=search]").fill("befolkning");
  const narrowed = countOf(await settledCount(page, "#a"));
  assert.ok(narrowed < a);
  assert.equal(countOf(await settledCount(page, "#b")), b, "typing in one leaves the other alone");
  assert.equal(await page.locator("#b input[type=search]").inputValue(), "");

  // Attributes set after load update the widget.
  await page.locator("#b").evaluate((el) => el.setAttribute("lang", "sv"));
  await page.locator("#b label[for=odc-q]", { hasText: "Sök bland datamängder" }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a registry that 404s shows the error and retry recovers", async () => {
  const page = await browser.page();
  let fail = true;
  await page.route("**/www/data/registry.jsonld", (route) =>
    fail ? route.fulfill({ status: 404, body: "not found" }) : route.continue());
  await page.goto(browser.base + "/");
  const alert = page.locator("#catalogue .odc-error");
  await alert.waitFor();
  assert.equal(await alert.getAttribute("role"), "alert");
  assert.match(await alert.textContent(), /404/);
  await page.screenshot({ path: ARTEFACTS + "demo-error.png" });
  fail = false;
  await alert.locator("button", { hasText: "Försök igen" }).click();
  await waitForResults(page, "#catalogue");
  assert.ok(countOf(await settledCount(page, "#catalogue")) >= 1159);
  // The 404 is logged by the browser itself; nothing else may be.
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});

test("something that is not a catalogue gives a clear message, not a blank box", async () => {
  const page = await browser.page();
  await page.route("**/www/data/registry.jsonld", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><html><body>Sidan finns inte</body></html>" }));
  await page.goto(browser.base + "/");
  const alert = page.locator("#catalogue .odc-error");
  await alert.waitFor();
  assert.match(await alert.textContent(), /ingen datakatalog/);
  await page.close();
});

test("with url-state, what a person found is a link they can share", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/tests/browser/pages/url-state.html?hostparam=1#top");
  await waitForResults(page);
  await page.locator("open-data-catalogue input[type=search]").fill("skolor");
  await settledCount(page);
  const format = page.locator("open-data-catalogue fieldset", { has: page.locator("legend", { hasText: "Format" }) });
  await format.locator("input").first().check();
  const count = countOf(await settledCount(page));
  await page.locator("open-data-catalogue select").selectOption("title");
  await page.locator("open-data-catalogue .odc-result-title button").first().click();
  const openedTitle = await page.locator("open-data-catalogue .odc-result-title button[aria-expanded=true]").textContent();
  const shared = new URL(page.url());
  assert.equal(shared.searchParams.get("hostparam"), "1", "the host's own parameters are kept");
  assert.equal(shared.hash, "#top");
  assert.equal(shared.searchParams.get("odc-q"), "skolor");
  assert.equal(shared.searchParams.getAll("odc-format").length, 1);
  assert.equal(shared.searchParams.get("odc-sort"), "title");
  assert.ok(shared.searchParams.get("odc-open")?.startsWith("https://example.se/dataset/"));

  // Someone else opens the link: the same view.
  const other = await browser.page();
  await other.goto(shared.href);
  await waitForResults(other);
  assert.equal(await other.locator("open-data-catalogue input[type=search]").inputValue(), "skolor");
  assert.equal(countOf(await settledCount(other)), count);
  assert.equal(await other.locator("open-data-catalogue .odc-chip").count(), 1);
  assert.equal(await other.locator("open-data-catalogue select").inputValue(), "title");
  assert.equal(await other.locator("open-data-catalogue .odc-result-title button[aria-expanded=true]").textContent(), openedTitle);
  await other.close();
  await page.close();
});

test("a panic becomes a message with a reload button in every widget, never a blank box", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/tests/browser/pages/two-widgets.html");
  await waitForResults(page, "#a");
  await waitForResults(page, "#b");
  // The test-only export panics inside the widget's wasm, once enabled. The
  // shipped build traps at once; the trap leaves the wasm through a timer
  // here, as it would through an event handler or a promise job.
  await page.evaluate(async () => {
    const core = await import("/pkg/odc_core.js");
    // Without the gate it does nothing: the widgets keep working.
    core.__panicForTests();
    globalThis.__odcTestHooks = true;
    setTimeout(() => core.__panicForTests());
  });
  for (const [id, text, button] of [["#a", /internt fel/, "Ladda om sidan"], ["#b", /internal error/, "Reload the page"]]) {
    const crash = page.locator(`${id} .odc-crash`);
    await crash.waitFor();
    assert.equal(await crash.getAttribute("role"), "alert");
    assert.match(await crash.textContent(), text);
    assert.equal(await crash.locator("button").textContent(), button);
    assert.equal(await page.locator(`${id} .odc-results`).count(), 0, "the broken widget is replaced, not left half-working");
  }
  // The host page's own code goes on: changing an attribute does not call
  // into the stopped wasm (which would throw into the page's script).
  await page.evaluate(() => document.querySelector("#a").setAttribute("page-size", "7"));
  assert.equal(await page.locator("#a .odc-crash").count(), 1);
  // One error on the page: the console line that says why. The trap is
  // handled, not left to the page as an uncaught error.
  assert.equal(page.errors.length, 1, page.errors.join("\n"));
  assert.match(page.errors[0], /^open-data-catalogue: an internal error stopped the catalogue/);
  // The button reloads the page: the widgets come back.
  await page.locator("#a .odc-crash button").click();
  await waitForResults(page, "#a");
  await page.close();
});

test("a trap in another script's WebAssembly on the host page leaves the widgets alone", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/tests/browser/pages/two-widgets.html");
  await waitForResults(page, "#a");
  // A module of the page's own whose one function is `unreachable`.
  await page.evaluate(async () => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const { instance } = await WebAssembly.instantiate(bytes);
    setTimeout(() => instance.exports.f());
  });
  await page.waitForTimeout(500);
  assert.equal(page.errors.length, 1, "the page's own error is the page's to see");
  assert.match(page.errors[0], /unreachable/);
  assert.equal(await page.locator("#a .odc-crash").count(), 0);
  await page.locator("#a input[type=search]").fill("bibliotek");
  assert.ok(countOf(await settledCount(page, "#a")) > 0, "the widget still searches");
  await page.close();
});
