// WCAG 2.1 AA in a real browser: axe-core in every state, language and
// colour scheme; the keyboard alone does every task; announcements,
// headings, reflow, contrast and motion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, waitForResults, settledCount, countOf, axe, ARTEFACTS } from "./helpers.mjs";

const browser = withBrowser();

const W = "open-data-catalogue";
const VARIED = "/tests/browser/pages/varied.html";
const shadowActive = (page) =>
  page.evaluate(() => {
    const el = document.querySelector("open-data-catalogue").shadowRoot.activeElement;
    return el ? { tag: el.tagName, id: el.id, cls: el.className, text: el.textContent.trim().slice(0, 80), type: el.type } : null;
  });

async function noViolations(page, state) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${state}: ${JSON.stringify(violations, null, 2)}`);
}

async function open(page, { lang = "sv", scheme = "light", theme = "", url = VARIED } = {}) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(browser.base + url);
  await page.evaluate(({ lang, theme }) => {
    if (theme) document.documentElement.classList.add(theme);
    document.querySelector("open-data-catalogue").setAttribute("lang", lang);
  }, { lang, theme });
  await waitForResults(page);
  await settledCount(page);
}

for (const lang of ["sv", "en"]) {
  for (const scheme of ["light", "dark"]) {
    for (const theme of ["", "brand"]) {
      test(`axe: every state has no violations (${lang}, ${scheme}${theme ? ", host theme" : ""})`, async () => {
        const page = await browser.page();
        // Loading: hold the registry until the audit of this state is done.
        let release;
        const held = new Promise((r) => (release = r));
        await page.route("**/varied.jsonld", async (route) => {
          await held;
          await route.continue();
        });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(browser.base + VARIED);
        await page.evaluate(({ lang, theme }) => {
          if (theme) document.documentElement.classList.add(theme);
          document.querySelector("open-data-catalogue").setAttribute("lang", lang);
        }, { lang, theme });
        await page.locator(`${W} .odc-status[role=status]`).waitFor();
        await noViolations(page, "loading");
        release();
        await waitForResults(page);
        await settledCount(page);
        await noViolations(page, "results");

        const facet = page.locator(`${W} fieldset`).first();
        await facet.locator("input[type=checkbox]").first().check();
        await settledCount(page);
        await noViolations(page, "filters applied");

        await facet.locator("button.odc-link-button").click();
        await noViolations(page, "show more expanded");

        await page.locator(`${W} .odc-result-title button`).first().click();
        await page.locator(`${W} .odc-detail`).waitFor();
        await noViolations(page, "dataset opened");

        await page.locator(`${W} .odc-chips .odc-link-button`).click();
        await settledCount(page);
        await page.locator(`${W} .odc-pager button`).nth(1).click();
        await page.locator(`${W} .odc-pager`, { hasText: lang === "sv" ? "Sida 2" : "Page 2" }).waitFor();
        await noViolations(page, "second page");

        await page.locator(`${W} input[type=search]`).fill("zzzqqq");
        await settledCount(page);
        await noViolations(page, "no results");
        if (!theme) await page.screenshot({ path: `${ARTEFACTS}a11y-no-results-${lang}-${scheme}.png` });
        assert.deepEqual(page.errors, []);
        await page.close();
      });
    }
  }
  test(`axe: the error state has no violations (${lang})`, async () => {
    const page = await browser.page();
    await page.route("**/varied.jsonld", (route) => route.fulfill({ status: 404, body: "gone" }) /* not an outage: no saved copy stands in */);
    await page.goto(browser.base + VARIED);
    await page.evaluate((lang) => document.querySelector("open-data-catalogue").setAttribute("lang", lang), lang);
    await page.locator(`${W} .odc-error`).waitFor();
    await noViolations(page, "error");
    await page.close();
  });
}

test("keyboard only: search, filter, chips, sort, open, download link, close, page", async () => {
  const page = await browser.page();
  await open(page);
  const all = countOf(await settledCount(page));
  // From the top of the page, Tab reaches the search field first.
  await page.locator("h1").click();
  await page.keyboard.press("Tab");
  assert.equal((await shadowActive(page)).id, "odc-q");
  await page.keyboard.type("skolor");
  const found = countOf(await settledCount(page));
  assert.ok(found > 0 && found < all);

  // Tab into the filters: the first checkbox; Space ticks it.
  let active;
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    active = await shadowActive(page);
    if (active?.type === "checkbox") break;
  }
  assert.equal(active.type, "checkbox", "Tab reaches a filter checkbox");
  await assertFocusVisible(page);
  await page.keyboard.press("Space");
  await settledCount(page);
  assert.equal(await page.locator(`${W} .odc-chip`).count(), 1);
  // Focus stayed on the checkbox it ticked.
  assert.equal((await shadowActive(page)).type, "checkbox");
  await page.keyboard.press("Space");
  assert.equal(await page.locator(`${W} .odc-chip`).count(), 0);
  await page.keyboard.press("Space");

  // Shift+Tab goes back to the search field.
  for (let i = 0; i < 3 && (await shadowActive(page)).id !== "odc-q"; i++) await page.keyboard.press("Shift+Tab");
  assert.equal((await shadowActive(page)).id, "odc-q");

  // Tab forward to the chip and remove it with Enter: focus goes to the
  // search field (no chips left), never to the page body.
  await tabUntil(page, (a) => a?.cls === "odc-chip");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(100);
  assert.equal(await page.locator(`${W} .odc-chip`).count(), 0);
  assert.equal((await shadowActive(page)).id, "odc-q");

  // Sort with the keyboard: arrow keys on the select change the order but
  // not the context (focus stays, nothing opens).
  await page.locator(`${W} input[type=search]`).fill("");
  await settledCount(page);
  await tabUntil(page, (a) => a?.id === "odc-sort");
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(100);
  assert.equal((await shadowActive(page)).id, "odc-sort");
  assert.equal(await page.locator(`${W} select`).inputValue(), "title");

  // Open a dataset with Enter, reach its download link, close with Escape.
  await tabUntil(page, (a) => a?.tag === "BUTTON" && a?.cls === "" && a?.text.length > 0);
  await assertFocusVisible(page);
  await page.keyboard.press("Enter");
  await page.locator(`${W} .odc-detail`).waitFor();
  await tabUntil(page, (a) => a?.tag === "A" && /odc-primary/.test(a.cls));
  await assertFocusVisible(page);
  const href = await page.evaluate(() => document.querySelector("open-data-catalogue").shadowRoot.activeElement.href);
  assert.match(href, /^https:\/\/example\.se\/data\//);
  await page.keyboard.press("Escape");
  await page.locator(`${W} .odc-detail`).waitFor({ state: "detached" });
  const back = await shadowActive(page);
  assert.equal(back.tag, "BUTTON");
  assert.equal(await page.locator(`${W} .odc-result-title button[aria-expanded=true]`).count(), 0);

  // Next page with the keyboard: focus lands on the new list.
  await tabUntil(page, (a) => a?.text === "Nästa sida");
  await page.keyboard.press("Enter");
  await page.locator(`${W} .odc-pager`, { hasText: "Sida 2" }).waitFor();
  // Focus moves in the frame after the click; the new page's rows may
  // arrive later still (from the engine worker) and must not take it away.
  await page.waitForFunction(
    () => document.querySelector("open-data-catalogue").shadowRoot.activeElement?.id === "odc-results",
    null,
    { timeout: 2000 },
  ).catch(() => {});
  assert.equal((await shadowActive(page)).id, "odc-results");
  await page.waitForTimeout(300);
  assert.equal((await shadowActive(page)).id, "odc-results", "focus stays on the list once the new page's rows are in");
  assert.deepEqual(page.errors, []);
  await page.close();
});

async function tabUntil(page, predicate, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const a = await shadowActive(page);
    if (predicate(a)) return a;
  }
  throw new Error("Tab never reached the wanted control");
}

// The focused control has a ring of 2 px or more, and no element around
// it clips the ring (overflow, paint containment, content-visibility).
async function assertFocusVisible(page) {
  const outline = await page.evaluate(() => {
    const el = document.querySelector("open-data-catalogue").shadowRoot.activeElement;
    const cs = getComputedStyle(el);
    const reach = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth);
    const ring = el.getBoundingClientRect();
    const clipping = [];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      const clips = /paint|content|strict/.test(s.contain) || s.contentVisibility !== "visible"
        || s.overflowX !== "visible" || s.overflowY !== "visible";
      if (!clips) continue;
      const box = a.getBoundingClientRect();
      const left = box.left + a.clientLeft;
      const top = box.top + a.clientTop;
      if (ring.left - reach < left - 0.5 || ring.top - reach < top - 0.5
        || ring.right + reach > left + a.clientWidth + 0.5 || ring.bottom + reach > top + a.clientHeight + 0.5) {
        clipping.push(`${a.tagName.toLowerCase()}.${a.className}`);
      }
    }
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), clipping };
  });
  assert.notEqual(outline.style, "none", "focus is visible");
  assert.ok(outline.width >= 2, `focus ring ${outline.width}px`);
  assert.deepEqual(outline.clipping, [], "no element around the focused control clips its ring");
}

test("the count is announced once per pause, not on every keystroke", async () => {
  const page = await browser.page();
  await open(page);
  await page.evaluate(() => {
    const live = document.querySelector("open-data-catalogue").shadowRoot.querySelector(".odc-count");
    window.__announcements = [];
    new MutationObserver(() => window.__announcements.push(live.textContent)).observe(live, {
      childList: true, characterData: true, subtree: true,
    });
  });
  await page.locator(`${W} input[type=search]`).pressSequentially("badplatser", { delay: 60 });
  await settledCount(page);
  const announced = await page.evaluate(() => window.__announcements);
  assert.equal(announced.length, 1, `announcements: ${JSON.stringify(announced)}`);
  assert.match(announced[0], /datamäng/);
  await page.close();
});

test("headings fit under the host's heading level; facets are fieldsets with legends", async () => {
  const page = await browser.page();
  await open(page);
  assert.ok((await page.locator(`${W} h3.odc-result-title`).count()) > 0, "titles are h3 under the page's h2");
  await page.locator(`${W} .odc-result-title button`).first().click();
  assert.equal(await page.locator(`${W} .odc-detail h4`).count(), 1);
  const fieldsets = await page.locator(`${W} fieldset`).count();
  assert.equal(await page.locator(`${W} fieldset > legend`).count(), fieldsets);
  // Every control has an accessible name in the UI language.
  const unnamed = await page.evaluate(() => {
    const root = document.querySelector("open-data-catalogue").shadowRoot;
    return [...root.querySelectorAll("button, input, select, a")].filter((el) => {
      const label = el.labels?.[0]?.textContent || el.getAttribute("aria-label") || el.textContent;
      return !label || !label.trim();
    }).length;
  });
  assert.equal(unnamed, 0);
  await page.close();
});

for (const [name, viewport, textScale] of [["320 px wide", { width: 320, height: 640 }, 1], ["200% text", { width: 640, height: 800 }, 2]]) {
  test(`reflow at ${name}: no horizontal scrolling, filters behind a toggle`, async () => {
    const page = await browser.page({ viewport });
    await page.goto(browser.base + VARIED);
    if (textScale !== 1) await page.evaluate((s) => (document.documentElement.style.fontSize = `${s * 100}%`), textScale);
    await waitForResults(page);
    await settledCount(page);
    const overflow = await page.evaluate(() => {
      const host = document.querySelector("open-data-catalogue");
      const root = host.shadowRoot;
      const widest = Math.max(...[...root.querySelectorAll("*")].map((el) => el.getBoundingClientRect().right));
      return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, widest };
    });
    assert.ok(overflow.page <= overflow.viewport, `page scrolls sideways: ${JSON.stringify(overflow)}`);
    assert.ok(overflow.widest <= overflow.viewport + 0.5, `widget content clipped: ${JSON.stringify(overflow)}`);
    const toggle = page.locator(`${W} .odc-filters-toggle`);
    assert.ok(await toggle.isVisible(), "filters toggle shown when narrow");
    assert.equal(await page.locator(`${W} fieldset`).first().isVisible(), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.ok(await page.locator(`${W} fieldset`).first().isVisible());
    await page.screenshot({ path: `${ARTEFACTS}reflow-${viewport.width}.png`, fullPage: true });
    await page.close();
  });
}

test("a host accent too light to read is adjusted to 4.5:1", async () => {
  const page = await browser.page();
  await open(page, { theme: "too-light" });
  // The class is added after mount; a theme change is picked up on the
  // next attribute update (documented), which open() just made.
  const colour = await page.evaluate(() => {
    const button = document.querySelector("open-data-catalogue").shadowRoot.querySelector(".odc-result-title button");
    return getComputedStyle(button).color;
  });
  assert.notEqual(colour, "rgb(255, 204, 0)");
  await noViolations(page, "too-light accent");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(100);
  await noViolations(page, "too-dark accent in dark scheme");
  await page.close();
});

test("no animation when reduced motion is asked for", async () => {
  const page = await browser.page();
  await page.emulateMedia({ reducedMotion: "reduce" });
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/varied.jsonld", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(browser.base + VARIED);
  const spinner = page.locator(`${W} .odc-spinner`);
  await spinner.waitFor();
  assert.equal(await spinner.evaluate((el) => getComputedStyle(el).animationName), "none");
  release();
  await page.close();
});
