// Shared by bench/relevance.mjs (the relevance benchmark) and
// tests/relevance/relevance.test.mjs: the test set (tests/relevance/queries.json),
// its corpora, its relevance rules, and the two engines run in Node:
//
// * odc: this project's engine (src/search) as wasm, the `bench` build
//   (src/bench.rs → bench/dist/odc_bench.js + odc_bench_bg.wasm, made by
//   bench/build.sh), instantiated with wasm-bindgen's initSync;
// * MiniSearch 7, configured as its documentation recommends for a search box.
//
// A relevance rule is written by hand from what a query asks for, never from
// what an engine returns (see "about" in tests/relevance/queries.json).
import MiniSearch from "minisearch";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const QUERIES_FILE = join(ROOT, "tests", "relevance", "queries.json");
const DIST = join(ROOT, "bench", "dist");
export const TOP = 10;

// ---------------------------------------------------------------- text

/** Lower case without diacritics (å→a, ä→a, ö→o, é→e, ø→o, æ→ae): how rules and
 * texts are compared, so a rule does not depend on how a text spells a letter. */
export function fold(s) {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/đ/g, "d");
}

/** fold() for a regular expression's source, its escapes (\b, \B, \W …) kept as written. */
function foldPattern(src) {
  return src.split(/(\\.)/su).map((part, i) => (i % 2 ? part : fold(part))).join("");
}

// EU data themes (publications.europa.eu/resource/authority/data-theme), the
// labels the widget shows (src/vocab/themes.rs): a theme counts as text of its
// dataset for the rules, in both languages.
const THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/";
export const THEME_LABELS = {
  AGRI: ["Jordbruk, fiske, skogsbruk och livsmedel", "Agriculture, fisheries, forestry and food"],
  ECON: ["Ekonomi och finans", "Economy and finance"],
  EDUC: ["Utbildning, kultur och sport", "Education, culture and sport"],
  ENER: ["Energi", "Energy"],
  ENVI: ["Miljö", "Environment"],
  GOVE: ["Regeringen och den offentliga sektorn", "Government and public sector"],
  HEAL: ["Hälsa", "Health"],
  INTR: ["Internationella frågor", "International issues"],
  JUST: ["Rättvisa, rättssystem och allmän säkerhet", "Justice, legal system and public safety"],
  OP_DATPRO: ["Tillfälliga uppgifter", "Provisional data"],
  REGI: ["Regioner och städer", "Regions and cities"],
  SOCI: ["Befolkning och samhälle", "Population and society"],
  TECH: ["Vetenskap och teknik", "Science and technology"],
  TRAN: ["Transport", "Transport"],
};

/** A language map (or plain string, or list) → all its texts. */
const texts = (m) =>
  m == null ? [] : typeof m === "string" ? [m] : Array.isArray(m) ? m.flatMap(texts) : Object.values(m).flatMap(texts);
const list = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
const iri = (v) => (v == null ? null : typeof v === "string" ? v : v["@id"] ?? null);

export const RULE_FIELDS = ["title", "description", "keywords", "publisher", "theme"];
/** The fields a rule looks at unless it names others: not the theme, which is
 * one coarse label (every SCB dataset is "Befolkning och samhälle"). */
export const DEFAULT_RULE_FIELDS = ["title", "description", "keywords", "publisher"];

/** A registry dataset → its folded texts per rule field (every language). */
export function ruleText(d) {
  const themes = list(d.theme).map(iri).filter(Boolean)
    .flatMap((t) => (t.startsWith(THEME_BASE) ? THEME_LABELS[t.slice(THEME_BASE.length)] ?? [] : []));
  return {
    title: fold(texts(d.title).join(" \n ")),
    description: fold(texts(d.description).join(" \n ")),
    keywords: fold(texts(d.keyword).join(" \n ")),
    publisher: fold(texts(d.publisher?.name).join(" \n ")),
    theme: fold(themes.join(" \n ")),
  };
}

/**
 * A query's rule → a predicate over ruleText(dataset). A rule is
 * `{all: [entry, …], none?: [entry, …], in?: [field, …]}`: every entry of
 * `all` must match and no entry of `none` may; an entry is a regex (string),
 * `"$name"` (the list of regexes named so in the set's `patterns`) or a list
 * of these, of which any may match. Regexes are folded like the texts (write
 * "lön", it means "lon") and case-insensitive; they are tried on the fields
 * named by `in` (default: DEFAULT_RULE_FIELDS), each separately.
 */
export function compileRule(rule, patterns = {}) {
  const fields = rule.in ?? DEFAULT_RULE_FIELDS;
  for (const f of fields) if (!RULE_FIELDS.includes(f)) throw new Error(`unknown rule field ${f}`);
  const expand = (src) => {
    if (!src.startsWith("$")) return [src];
    const p = patterns[src.slice(1)];
    if (!p) throw new Error(`unknown pattern ${src}`);
    return p.flatMap(expand);
  };
  const entry = (e) => list(e).flatMap(expand).map((src) => new RegExp(foldPattern(src), "iu"));
  const all = list(rule.all).map(entry);
  const none = list(rule.none).map(entry);
  if (!all.length) throw new Error("a rule needs at least one entry in `all`");
  const hit = (res, t) => res.some((re) => fields.some((f) => re.test(t[f])));
  return (t) => all.every((res) => hit(res, t)) && !none.some((res) => hit(res, t));
}

/** A rule as one line: `$population AND ($municipality | \bregion)`, `[in theme]`. */
export function describeRule(rule) {
  const entry = (e) => (Array.isArray(e) && e.length > 1 ? `(${e.join(" | ")})` : list(e).join(""));
  return list(rule.all).map(entry).join(" AND ") +
    (rule.none ? ` AND NOT ${list(rule.none).map(entry).join(" OR ")}` : "") +
    (rule.in ? ` [in ${rule.in.join(", ")}]` : "");
}

// ---------------------------------------------------------------- test set

export function loadTestSet(file = QUERIES_FILE) {
  const set = JSON.parse(readFileSync(file, "utf8"));
  const ids = new Set();
  for (const q of set.queries) {
    if (ids.has(q.id)) throw new Error(`duplicate query id ${q.id}`);
    ids.add(q.id);
    if (!set.corpora[q.corpus]) throw new Error(`${q.id}: unknown corpus ${q.corpus}`);
    if (!set.kinds[q.kind]) throw new Error(`${q.id}: unknown kind ${q.kind}`);
    q.isRelevant = compileRule(q.relevant, set.patterns);
  }
  return set;
}

/**
 * A corpus: its registry files (paths from the repository root) merged in
 * order, the first dataset with a given @id winning (as `convert` merges).
 * → {name, files, datasets (parsed registry datasets), text (one registry
 * JSON-LD text, what our engine reads)}.
 */
export function loadCorpus(name, spec) {
  let head = null;
  const seen = new Set();
  const datasets = [];
  for (const f of spec.files) {
    const reg = JSON.parse(readFileSync(join(ROOT, f), "utf8"));
    head ??= reg;
    for (const d of reg.dataset ?? []) {
      const id = d["@id"] ?? d.identifier;
      if (seen.has(id)) continue;
      seen.add(id);
      datasets.push(d);
    }
  }
  const { dataset: _, ...rest } = head;
  const text = JSON.stringify({ ...rest, dataset: datasets });
  return { name, files: spec.files, datasets, ids: datasets.map((d) => d["@id"] ?? d.identifier), text };
}

/** The ids of the corpus's datasets a query's rule calls relevant. */
export function relevantIds(query, corpus) {
  corpus.ruleTexts ??= corpus.datasets.map(ruleText);
  return new Set(corpus.ids.filter((_, i) => query.isRelevant(corpus.ruleTexts[i])));
}

// ---------------------------------------------------------------- engines

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/**
 * Makes sure bench/dist holds our engine's wasm: builds it with bench/build.sh
 * when missing or older than src/, Cargo.toml, Cargo.lock or bench/build.sh
 * (as bench/run.mjs does). ODC_BENCH_PREBUILT=1 uses bench/dist as it is (a
 * note on stderr if it is older than the sources). Returns a description.
 */
export function ensureOdcBuilt({ log = (s) => process.stderr.write(s) } = {}) {
  const wasm = join(DIST, "odc_bench_bg.wasm");
  const inputs = [...walk(join(ROOT, "src")), ...["Cargo.toml", "Cargo.lock", "bench/build.sh"].map((f) => join(ROOT, f))];
  const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  const fresh = existsSync(wasm) && statSync(wasm).mtimeMs >= newest;
  if (fresh) return "bench/dist is up to date";
  if (existsSync(wasm) && process.env.ODC_BENCH_PREBUILT === "1") {
    log("note: bench/dist/odc_bench_bg.wasm is older than the sources (ODC_BENCH_PREBUILT=1: used as it is)\n");
    return "bench/dist older than src (ODC_BENCH_PREBUILT=1)";
  }
  log("building the engine's wasm (bench/build.sh) ...\n");
  const r = spawnSync("bash", [join(ROOT, "bench", "build.sh")], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (r.status !== 0) throw new Error("bash bench/build.sh failed");
  return "built with bench/build.sh";
}

let odcModule = null;
async function odcGlue() {
  if (!odcModule) {
    odcModule = await import(join(DIST, "odc_bench.js"));
    odcModule.initSync({ module: readFileSync(join(DIST, "odc_bench_bg.wasm")) });
  }
  return odcModule;
}

/**
 * Our engine over a corpus: the widget's registry reader and Engine
 * (src/bench.rs's BenchEngine, Intl.Collator("sv") title order as in the
 * widget). search(q) → {total, ids: the first TOP dataset ids in relevance
 * order}. The query is passed as typed (no trailing space: the last word is
 * also a prefix, as in the search box).
 */
export async function odcEngine(corpus) {
  const { BenchEngine } = await odcGlue();
  const engine = new BenchEngine(corpus.text);
  if (engine.datasets !== corpus.datasets.length) {
    throw new Error(`odc read ${engine.datasets} datasets of ${corpus.datasets.length} in ${corpus.name}`);
  }
  return {
    name: "odc",
    search(q) {
      const a = JSON.parse(engine.run(JSON.stringify({ q, filters: {} })));
      return { total: a.total, ids: a.top20ids.slice(0, TOP) };
    },
  };
}

/**
 * MiniSearch 7 as its documentation recommends for a search box: the text
 * fields, the id stored, prefix search, fuzzy 0.2, OR of the words, title
 * boosted twice. Its default tokenizer and term processing (lower case, no
 * folding, no stemming, no stop words).
 */
export function miniSearchEngine(corpus) {
  const ms = new MiniSearch({
    fields: ["title", "description", "keywords", "publisher"],
    storeFields: ["id"],
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "OR", boost: { title: 2 } },
  });
  ms.addAll(corpus.datasets.map((d, i) => ({
    id: corpus.ids[i],
    title: texts(d.title).join(" "),
    description: texts(d.description).join(" "),
    keywords: texts(d.keyword).join(" "),
    publisher: texts(d.publisher?.name).join(" "),
  })));
  return {
    name: "minisearch",
    search(q) {
      const r = ms.search(q);
      return { total: r.length, ids: r.slice(0, TOP).map((x) => x.id) };
    },
  };
}

export const ENGINES = {
  odc: { label: "open-data-catalogue (wasm)", make: odcEngine },
  minisearch: { label: "MiniSearch (settings from its documentation)", make: miniSearchEngine },
};

// ---------------------------------------------------------------- measuring

/**
 * Runs every query of the set on one engine. → per query {id, q, kind,
 * total, returned, relevantInTop, hit, precision, relevantInCorpus, ids}.
 * precision = relevant among the returned top TOP / min(TOP, returned), 0 for
 * an empty answer.
 */
export async function evaluate(engineName, set, corpora) {
  const engines = {};
  const rows = [];
  for (const q of set.queries) {
    const corpus = corpora[q.corpus];
    engines[q.corpus] ??= await ENGINES[engineName].make(corpus);
    const rel = relevantIds(q, corpus);
    const { total, ids } = engines[q.corpus].search(q.q);
    const relevantInTop = ids.filter((id) => rel.has(id)).length;
    rows.push({
      id: q.id, q: q.q, kind: q.kind, total, returned: ids.length, relevantInTop,
      hit: relevantInTop > 0, precision: ids.length ? relevantInTop / Math.min(TOP, ids.length) : 0,
      relevantInCorpus: rel.size, ids,
    });
  }
  return rows;
}

/** Rows → {n, zeroRate, hitAt10, pAt10}. */
export function summarise(rows) {
  const n = rows.length;
  const mean = (f) => (n ? rows.reduce((s, r) => s + f(r), 0) / n : 0);
  return { n, zeroRate: mean((r) => (r.total === 0 ? 1 : 0)), hitAt10: mean((r) => (r.hit ? 1 : 0)), pAt10: mean((r) => r.precision) };
}

/** Loads the test set and every corpus it names. */
export function loadAll() {
  const set = loadTestSet();
  const corpora = Object.fromEntries(Object.entries(set.corpora).map(([name, spec]) => [name, loadCorpus(name, spec)]));
  return { set, corpora };
}
