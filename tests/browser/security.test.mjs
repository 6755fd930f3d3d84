// Hostile registries and strict host pages: no payload runs or becomes
// markup, no dangerous link is ever clickable, the widget works under a
// strict Content-Security-Policy, and it leaves the host page as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf } from "./helpers.mjs";

const browser = withBrowser();

const W = "open-data-catalogue";
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), "utf8"));
const CONTEXT = JSON.parse(readFileSync(new URL("../../src/registry/context.jsonld", import.meta.url), "utf8"));

const DANGEROUS_URLS = [
  "javascript:alert(1)", " javascript:alert(2)", "JaVaScRiPt:alert(3)", "java\tscript:alert(4)", "java\nscript:alert(5)",
  "\u0001javascript:alert(6)", "data:text/html,<script>alert(7)</script>", "vbscript:msgbox(8)",
  "&#106;avascript:alert(9)", "javascript&colon;alert(10)", "//evil.example/x", "http:alert(11)",
];
const PAYLOADS = [...fixture("dompurify-expect-half.json").map((c) => c.payload), ...fixture("blns.json"), ...DANGEROUS_URLS];
// Every text field and every URL field of the registry format.
const TEXT_FIELDS = ["title", "description", "keyword", "publisher name", "contact name", "identifier", "issued", "modified",
  "distribution title", "distribution description", "format"];
const URL_FIELDS = ["publisher IRI", "theme", "license", "accessRights", "landingPage", "accrualPeriodicity", "contact e-mail",
  "contact URL", "downloadURL", "accessURL", "mediaType", "distribution license"];

function hostileRegistry() {
  const datasets = PAYLOADS.map((p, i) => ({
    "@id": `https://example.se/hostile/${i}`,
    "@type": "Dataset",
    identifier: p,
    title: { sv: p, en: p },
    description: { sv: p, en: `${p} ${p}` },
    keyword: { sv: [p, "nyckelord"] },
    publisher: { "@id": i % 2 ? p : `https://example.se/org/${i % 5}`, "@type": "Agent", name: { sv: p } },
    theme: [p],
    license: p,
    accessRights: p,
    landingPage: p,
    accrualPeriodicity: p,
    issued: p,
    modified: p,
    contactPoint: { "@type": "Kind", fn: p, hasEmail: i % 2 ? p : `mailto:${p}`, hasURL: p },
    distribution: [{
      "@type": "Distribution", title: { sv: p }, description: { sv: p }, downloadURL: p, accessURL: DANGEROUS_URLS[i % DANGEROUS_URLS.length],
      format: { "@value": p }, mediaType: p, license: p,
    }],
  }));
  return JSON.stringify({ "@context": CONTEXT["@context"] ?? CONTEXT, "@type": "Catalog", dataset: datasets });
}

const ALLOWED_TAGS = new Set(["DIV", "P", "SPAN", "MARK", "UL", "LI", "BUTTON", "INPUT", "LABEL", "FIELDSET", "LEGEND", "H1", "H2", "H3",
  "H4", "H5", "H6", "A", "DL", "DT", "DD", "SELECT", "OPTION", "NAV", "ARTICLE"]);
const ALLOWED_ATTRIBUTES = /^(class|id|type|role|lang|href|for|placeholder|autocomplete|spellcheck|tabindex|value|disabled|aria-[a-z]+)$/;

// Runs in the page: what in the widget's shadow root is not ours.
function audit() {
  const root = document.querySelector("open-data-catalogue").shadowRoot;
  const strangers = [];
  const links = [];
  for (const el of root.querySelectorAll("*")) {
    if (!window.__allowedTags.includes(el.tagName)) strangers.push(`<${el.tagName}>`);
    for (const a of el.attributes) {
      if (!new RegExp(window.__allowedAttributes).test(a.name)) strangers.push(`${el.tagName}[${a.name}]`);
    }
    if (el.tagName === "A") links.push(el.href);
  }
  const badLinks = links.filter((href) => !["http:", "https:", "mailto:"].includes(new URL(href).protocol));
  return { strangers, badLinks, links: links.length, xss: window.__xss };
}

test(`hostile content: ${PAYLOADS.length} payloads × ${TEXT_FIELDS.length + URL_FIELDS.length} fields never run, never become markup or clickable script`, async () => {
  console.log(`# ${PAYLOADS.length} payloads × ${TEXT_FIELDS.length} text fields + ${URL_FIELDS.length} URL fields = ${PAYLOADS.length * (TEXT_FIELDS.length + URL_FIELDS.length)} placements`);
  const page = await browser.page();
  const body = hostileRegistry();
  await page.route("**/hostile/registry.jsonld", (route) => route.fulfill({ status: 200, contentType: "application/ld+json", body }));
  await page.addInitScript(({ tags, attributes }) => {
    window.__allowedTags = tags;
    window.__allowedAttributes = attributes;
  }, { tags: [...ALLOWED_TAGS], attributes: ALLOWED_ATTRIBUTES.source });
  await page.goto(browser.base + "/tests/browser/pages/hostile.html");
  await waitForResults(page);
  const total = countOf(await settledCount(page));
  assert.equal(total, PAYLOADS.length, "every hostile record is still a dataset");

  // Open every dataset on every page; audit after each page.
  let opened = 0;
  let linksSeen = 0;
  for (let pageNo = 0; ; pageNo++) {
    // Each dataset's links are checked while it is open.
    const pass = await page.evaluate(async () => {
      const root = document.querySelector("open-data-catalogue").shadowRoot;
      const buttons = [...root.querySelectorAll(".odc-result-title button")];
      const bad = [];
      let links = 0;
      for (const b of buttons) {
        b.click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        for (const a of root.querySelectorAll("a")) {
          links++;
          if (!["http:", "https:", "mailto:"].includes(new URL(a.href).protocol)) bad.push(a.href);
        }
      }
      return { opened: buttons.length, bad, links };
    });
    opened += pass.opened;
    linksSeen += pass.links;
    assert.deepEqual(pass.bad, [], "no dangerous link is clickable in any opened dataset");
    const result = await page.evaluate(audit);
    assert.deepEqual(result.xss, [], "no payload ran");
    assert.deepEqual(result.badLinks, [], "no dangerous link is clickable");
    assert.deepEqual([...new Set(result.strangers)], [], "no element or attribute from a payload");
    const next = page.locator(`${W} .odc-pager button`).nth(1);
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    await next.click();
    await page.waitForTimeout(50);
  }
  assert.equal(opened, PAYLOADS.length, "every dataset was opened");
  console.log(`# opened ${opened} hostile datasets; ${linksSeen} links shown in them, all http(s)/mailto`);
  assert.ok(linksSeen > 0, "payloads that are plain web links still become links");

  // Search with payloads too, and the widget still works afterwards.
  for (const q of ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE", "\u202e"]) {
    await page.locator(`${W} input[type=search]`).fill(q);
    await settledCount(page);
  }
  await page.locator(`${W} input[type=search]`).fill("nyckelord");
  assert.equal(countOf(await settledCount(page)), PAYLOADS.length);
  await page.locator(`${W} input[type=search]`).fill("");
  assert.equal(countOf(await settledCount(page)), PAYLOADS.length);
  const final = await page.evaluate(audit);
  assert.deepEqual(final.xss, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

test("works on a page with a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval)", async () => {
  const page = await browser.page();
  await page.route("**/tests/browser/pages/csp.html", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(browser.base + "/tests/browser/pages/csp.html");
  await waitForResults(page);
  const all = countOf(await settledCount(page));
  assert.equal(all, 1160, "JSON and Turtle (the second wasm module) both load");
  await page.locator(`${W} input[type=search]`).fill("bibliotek");
  assert.ok(countOf(await settledCount(page)) < all);
  await page.locator(`${W} .odc-result-title button`).first().click();
  await page.locator(`${W} .odc-detail`).waitFor();
  // Styled: the constructable stylesheet applied despite style-src 'self'.
  const font = await page.locator(`${W} .odc`).evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /system-ui/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test("leaves the host page alone: no globals, no title change, no URL change, no leaks after 100 mounts", async () => {
  const page = await browser.page();
  await page.addInitScript(() => {
    window.__before = new Set(Object.getOwnPropertyNames(window));
    // Count live timers and window/document listeners.
    const live = (window.__live = { timers: new Set(), intervals: new Set(), listeners: 0 });
    const [st, ct, si, ci] = [setTimeout, clearTimeout, setInterval, clearInterval];
    window.setTimeout = (fn, ms, ...a) => {
      const id = st(() => { live.timers.delete(id); typeof fn === "function" && fn(...a); }, ms);
      live.timers.add(id);
      return id;
    };
    window.clearTimeout = (id) => { live.timers.delete(id); ct(id); };
    window.setInterval = (...a) => { const id = si(...a); live.intervals.add(id); return id; };
    window.clearInterval = (id) => { live.intervals.delete(id); ci(id); };
    for (const target of [EventTarget.prototype]) {
      const [add, remove] = [target.addEventListener, target.removeEventListener];
      target.addEventListener = function (...a) {
        if (this === window || this === document || this instanceof MediaQueryList) live.listeners++;
        return add.apply(this, a);
      };
      target.removeEventListener = function (...a) {
        if (this === window || this === document || this instanceof MediaQueryList) live.listeners--;
        return remove.apply(this, a);
      };
    }
  });
  await page.goto(browser.base + "/tests/browser/pages/two-widgets.html");
  await waitForResults(page, "#a");
  await page.locator("#a input[type=search]").fill("befolkning");
  await settledCount(page, "#a");
  const url = page.url();
  const title = await page.title();

  const snapshot = () => page.evaluate(async () => {
    const m = await import("/pkg/odc_core.js");
    const wasm = await m.default();
    return { timers: window.__live.timers.size, intervals: window.__live.intervals.size, listeners: window.__live.listeners,
      memory: wasm.memory.buffer.byteLength };
  });
  const cycle = (n) => page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement("open-data-catalogue");
      el.setAttribute("registry", "/tests/browser/fixtures/varied.jsonld");
      const loaded = new Promise((r) => el.addEventListener("odc-load", r, { once: true }));
      document.body.append(el);
      await loaded;
      await new Promise((r) => setTimeout(r, 20));
      el.remove();
    }
  }, n);
  await cycle(10);
  await page.waitForTimeout(700);
  const after10 = await snapshot();
  await cycle(100);
  await page.waitForTimeout(700);
  const after110 = await snapshot();
  console.log(`# after 10 mounts: ${JSON.stringify(after10)}; after 110: ${JSON.stringify(after110)}`);
  assert.ok(after110.timers <= after10.timers, `timers leak: ${after10.timers} → ${after110.timers}`);
  assert.equal(after110.intervals, after10.intervals);
  assert.ok(after110.listeners <= after10.listeners, `listeners leak: ${after10.listeners} → ${after110.listeners}`);
  const grownMb = (after110.memory - after10.memory) / 1048576;
  assert.ok(grownMb < 16, `wasm memory grew ${grownMb.toFixed(1)} MB over 100 mounts`);

  const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((n) => !window.__before.has(n) && !n.startsWith("__")));
  assert.deepEqual(added, [], "no globals");
  assert.equal(await page.title(), title);
  assert.equal(page.url(), url);
  assert.deepEqual(page.errors, []);
  await page.close();
});
