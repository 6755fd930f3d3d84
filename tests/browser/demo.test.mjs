// The demo page in headless Chromium: what a citizen does with the widget
// on a real agency-like page with the real 1,159-dataset SCB registry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, waitForResults, settledCount, countOf, axe, ARTEFACTS } from "./helpers.mjs";

const browser = withBrowser();

// The demo page has two widgets; these tests are about the first.
const W = "#catalogue";

test("the demo shows the real catalogue, and typing narrows it with an announced count", async () => {
  const page = await browser.page();
  const started = Date.now();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  console.log(`# page load to first results: ${Date.now() - started} ms`);
  const all = countOf(await settledCount(page, W));
  assert.ok(all >= 1159, `all datasets shown, got ${all}`);

  // The live region is polite, so screen readers hear the new count.
  const live = page.locator(`${W} .odc-count`);
  assert.equal(await live.getAttribute("aria-live"), "polite");

  await page.locator(`${W} input[type=search]`).fill("befolkning");
  const narrowed = countOf(await settledCount(page, W));
  assert.ok(narrowed > 0 && narrowed < all, `befolkning narrows ${all} to ${narrowed}`);
  const firstTitle = await page.locator(`${W} .odc-result-title`).first().textContent();
  assert.match(firstTitle.toLowerCase(), /befolkning/);

  // å/ä/ö-less typing finds the same as the proper spelling.
  await page.locator(`${W} input[type=search]`).fill("arbetsloshet");
  const folded = countOf(await settledCount(page, W));
  await page.locator(`${W} input[type=search]`).fill("arbetslöshet");
  const exact = countOf(await settledCount(page, W));
  assert.ok(exact > 0, "arbetslöshet finds datasets");
  assert.equal(folded, exact);

  // A query that matches nothing offers a way out.
  await page.locator(`${W} input[type=search]`).fill("xyzzyqwerty");
  assert.equal(countOf(await settledCount(page, W)), 0);
  await page.locator(`${W} .odc-status button`).click();
  assert.equal(countOf(await settledCount(page, W)), all);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("ticking two formats and a theme gives OR within and AND across facets", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  const all = countOf(await settledCount(page, W));

  const format = page.locator(`${W} fieldset`, { has: page.locator("legend", { hasText: "Format" }) });
  const labels = format.locator("li label");
  assert.ok((await labels.count()) >= 2, "at least two formats");
  const countIn = async (label) => Number(await label.locator(".odc-facet-count").textContent());

  const first = labels.nth(0);
  const second = labels.nth(1);
  const n1 = await countIn(first);
  const n2 = await countIn(second);
  await first.locator("input").check();
  assert.equal(countOf(await settledCount(page, W)), n1, "one format: its count");
  // Disjunctive counts: the second format's count is unchanged by the first.
  assert.equal(await countIn(second), n2);
  await second.locator("input").check();
  const both = countOf(await settledCount(page, W));
  assert.ok(both >= Math.max(n1, n2) && both <= n1 + n2 && both <= all, `two formats OR: ${both}`);

  const theme = page.locator(`${W} fieldset`, { has: page.locator("legend", { hasText: "Tema" }) });
  const themeLabel = theme.locator("li label").first();
  const nt = await countIn(themeLabel);
  await themeLabel.locator("input").check();
  const withTheme = countOf(await settledCount(page, W));
  assert.equal(withTheme, nt, "theme count predicted the AND result");
  assert.ok(withTheme <= both);

  // Chips name what they remove; removing one keeps focus in the chips.
  const chips = page.locator(`${W} .odc-chips .odc-chip`);
  assert.equal(await chips.count(), 3);
  const name = await chips.first().getAttribute("aria-label");
  assert.match(name, /^Ta bort filter Format: /);
  await chips.first().focus();
  await page.keyboard.press("Enter");
  assert.equal(await chips.count(), 2);
  const focused = await page.evaluate(() => document.querySelector("open-data-catalogue").shadowRoot.activeElement?.className);
  assert.equal(focused, "odc-chip");
  await page.locator(`${W} .odc-chips .odc-link-button`).click();
  assert.equal(countOf(await settledCount(page, W)), all);
  await page.screenshot({ path: ARTEFACTS + "demo-results.png", fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("opening a dataset shows its distributions with safe download links", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  await page.locator(`${W} input[type=search]`).fill("bibliotek");
  await settledCount(page, W);
  const toggle = page.locator(`${W} .odc-result-title button`).first();
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const detail = page.locator(`${W} .odc-detail`);
  await detail.waitFor();
  const link = detail.locator(".odc-distribution a").first();
  const href = await link.getAttribute("href");
  assert.match(href, /^https?:\/\//, `download link ${href}`);
  await page.screenshot({ path: ARTEFACTS + "demo-dataset-open.png" });
  // Escape closes and returns focus to the title.
  await link.focus();
  await page.keyboard.press("Escape");
  await detail.waitFor({ state: "detached" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  const focusedText = await page.evaluate(() => document.querySelector("open-data-catalogue").shadowRoot.activeElement?.textContent);
  assert.equal(focusedText, await toggle.textContent());
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("English UI with language-tagged registry text", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  await page.locator(".lang-switch button[data-lang=en]").click();
  await page.locator(`${W} label[for=odc-q]`, { hasText: "Search datasets" }).waitFor();
  assert.equal(await page.locator(`${W} .odc`).getAttribute("lang"), "en");
  // Titles without an English version keep their Swedish text, marked sv.
  const svTitles = await page.locator(`${W} .odc-result-title button[lang=sv]`).count();
  const titles = await page.locator(`${W} .odc-result-title button`).count();
  assert.ok(titles > 0);
  console.log(`# English UI: ${svTitles} of ${titles} titles on the page fall back to Swedish`);
  // Registry text in facet labels carries its language too: Digg's example
  // publisher name has no language tag, so it does not claim to be English.
  assert.equal(await page.locator(`${W} fieldset li span[lang=""]`, { hasText: "Exempel organisation" }).count(), 1);
  assert.equal(await page.locator(`${W} fieldset li span:not([lang])`, { hasText: "Statistics Sweden" }).count(), 1);

  await page.locator(".lang-switch button[data-lang=sv]").click();
  await page.close();
});

test("title sort follows the Swedish alphabet (Å, Ä, Ö after Z) across every page", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  const host = page.locator(W).first();
  await host.evaluate((el) => el.setAttribute("page-size", "200"));
  await page.locator(`${W} select`).first().selectOption("title");
  await settledCount(page, W);
  // Every page, in order, through the pager.
  const shown = [];
  for (;;) {
    await page.waitForTimeout(100);
    shown.push(...(await host.locator(".odc-result-title button").allTextContents()));
    const next = host.locator(".odc-pager button").last();
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    const first = await host.locator(".odc-result-title button").first().textContent();
    await next.click();
    await page.waitForFunction(
      ([sel, before]) => document.querySelector(sel)?.shadowRoot?.querySelector(".odc-result-title button")?.textContent !== before,
      [W, first],
    );
  }
  // The oracle is the test's own: the registry's Swedish titles, counted
  // from the file, and the Swedish alphabet written out by hand.
  const registry = JSON.parse(readFileSync(new URL("../../www/data/registry.jsonld", import.meta.url), "utf8"));
  const titleOf = (d) => (typeof d.title === "string" ? d.title : d.title?.sv ?? d.title?.[""] ?? Object.values(d.title ?? {})[0] ?? "");
  const expected = (registry.dataset ?? []).map(titleOf).map((t) => t.trim());
  assert.equal(shown.length, expected.length, "every dataset is on one of the pages");
  assert.deepEqual([...shown].map((t) => t.trim()).sort(), [...expected].sort());
  const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzåäö";
  const FOLD = { é: "e", è: "e", ü: "y", à: "a", á: "a" };
  const letterRank = (t) => {
    const c = [...t.toLowerCase()].find((ch) => /[\p{L}\p{N}]/u.test(ch));
    return c === undefined ? -1 : ALPHABET.indexOf(FOLD[c] ?? c);
  };
  const ranks = shown.map(letterRank).filter((r) => r >= 0);
  assert.ok(ranks.length > shown.length * 0.95, "nearly all titles start with a letter of the alphabet");
  for (let i = 1; i < ranks.length; i++) {
    assert.ok(ranks[i - 1] <= ranks[i], `first letters out of Swedish order at ${i}: ${ALPHABET[ranks[i - 1]]} before ${ALPHABET[ranks[i]]}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("paging moves focus to the new page of results", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  const firstBefore = await page.locator(`${W} .odc-result-title`).first().textContent();
  await page.locator(`${W} .odc-pager button`).nth(1).click();
  await page.waitForFunction(
    (before) => document.querySelector("open-data-catalogue").shadowRoot.querySelector(".odc-result-title")?.textContent !== before,
    firstBefore,
  );
  assert.match(await page.locator(`${W} .odc-pager`).textContent(), /Sida 2 av/);
  const active = await page.evaluate(() => document.querySelector("open-data-catalogue").shadowRoot.activeElement?.id);
  assert.equal(active, "odc-results");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("axe-core finds no WCAG 2.1 A/AA violations in the results state", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  await settledCount(page, W);
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  // Also with a dataset open.
  await page.locator(`${W} .odc-result-title button`).first().click();
  await page.locator(`${W} .odc-detail`).waitFor();
  const opened = await axe(page);
  assert.deepEqual(opened, [], JSON.stringify(opened, null, 2));
  await page.close();
});

test("no dead ends on the demo: compound parts, stop words and partial matches find datasets", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  const input = page.locator(`${W} input[type=search]`);
  const titles = () => page.locator(`${W} .odc-result-title button`).allTextContents();
  // [query, a rule a person would use to call a result relevant, partial?]
  const cases = [
    ["befolkning kommun", (t) => /befolkning|kommun/i.test(t), null],
    ["befolkningen i kommunerna", (t) => /befolkning|kommun/i.test(t), null],
    ["skola", (t) => /högskol/i.test(t), false],
    ["lön statistik", (t) => /lön/i.test(t), null],
    ["statistik om lön", (t) => /lön/i.test(t), null],
  ];
  for (const [query, relevant, partial] of cases) {
    await input.fill(query);
    const count = await settledCount(page, W);
    assert.ok(countOf(count) > 0, `${query}: ${count}`);
    const shown = await titles();
    assert.ok(shown.some(relevant), `${query}: ${shown.slice(0, 5)}`);
    if (partial !== null) {
      assert.equal(/Inga träffar på alla ord/.test(count), partial, `${query}: ${count}`);
    }
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("typos and compounds written as one word find datasets on the demo; nothing found offers the closest words", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  const input = page.locator(`${W} input[type=search]`);
  for (const [query, relevant] of [["befolkninng", /befolkning/i], ["lönestatistik", /lön/i]]) {
    await input.fill(query);
    assert.ok(countOf(await settledCount(page, W)) > 0, query);
    const shown = await page.locator(`${W} .odc-result-title button`).allTextContents();
    assert.ok(shown.some((t) => relevant.test(t)), `${query}: ${shown.slice(0, 5)}`);
  }
  // Four letters are matched only as written: nothing, and a suggestion.
  await input.fill("lönx ");
  await settledCount(page, W);
  const suggestion = page.locator(`${W} .odc-suggestion button`);
  await suggestion.waitFor();
  assert.match(await page.locator(`${W} .odc-suggestion`).textContent(), /^Menade du \S+\?$/);
  const words = await suggestion.textContent();
  await suggestion.click();
  assert.equal(await input.inputValue(), words);
  assert.ok(countOf(await settledCount(page, W)) > 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the words a query matched are marked in titles and excerpts, as elements, never as markup", async () => {
  const page = await browser.page();
  await page.goto(browser.base + "/");
  await waitForResults(page, W);
  await page.locator(`${W} input[type=search]`).fill("skola");
  await settledCount(page, W);
  const marks = await page.locator(`${W} .odc-result-title mark`).allTextContents();
  assert.ok(marks.length > 0, "titles have marked words");
  // Whole word, inflection or compound part: each marked word contains the
  // stem the person typed.
  assert.ok(marks.every((m) => /skol/i.test(m)), marks.join(", "));
  // The excerpt shows the match too, when the description has it.
  const excerptMarks = await page.locator(`${W} .odc-excerpt mark`).allTextContents();
  assert.ok(excerptMarks.every((m) => /skol/i.test(m)), excerptMarks.join(", "));
  // Clearing the search clears the marks.
  await page.locator(`${W} input[type=search]`).fill("");
  await settledCount(page, W);
  assert.equal(await page.locator(`${W} mark`).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});
