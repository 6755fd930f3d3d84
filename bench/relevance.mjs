// Relevance benchmark: this project's engine (src/search as wasm) against
// MiniSearch on what citizens type, over real Swedish catalogues.
//
//   node bench/relevance.mjs [--engines odc,minisearch] [--per-query] [--kind typo]
//   npm run bench:relevance
//
// The queries, their kinds and their relevance rules are in
// tests/relevance/queries.json (rules written by hand from what each query
// asks for; see its "about"); the corpora in tests/relevance/corpus/ and
// www/data/ (tests/relevance/SOURCES.md). Everything runs in Node: our engine
// is bench/dist/odc_bench_bg.wasm (src/bench.rs's BenchEngine: the widget's
// registry reader + Engine), built by bench/build.sh when missing or older than
// src/ (ODC_BENCH_PREBUILT=1: use bench/dist as it is); MiniSearch 7.2 with the
// settings its documentation recommends for a search box (bench/relevance-lib.mjs).
//
// Per engine and per kind of query, and over all queries, it prints:
//   zero-result  share of queries with no result at all;
//   hit@10       share of queries with a relevant dataset among the first 10;
//   P@10         mean over queries of relevant / min(10, returned) among the
//                first 10 (0 for an empty answer).
// --per-query adds each query's line (total results, relevant in the top 10).
// Writes bench/results/relevance-<date>.{md,json}. It is a benchmark: it
// reports figures and never fails on them (exit 1 only if it cannot run).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINES, ROOT, TOP, ensureOdcBuilt, evaluate, loadAll, summarise } from "./relevance-lib.mjs";

const opt = { engines: "odc,minisearch", kind: "", "per-query": false };
for (let i = 2; i < process.argv.length; i++) {
  const key = process.argv[i].replace(/^--/, "");
  if (key === "per-query") opt[key] = true;
  else if (key in opt && process.argv[i + 1] !== undefined) opt[key] = process.argv[++i];
  else {
    console.error("usage: node bench/relevance.mjs [--engines odc,minisearch] [--per-query] [--kind KIND]");
    process.exit(2);
  }
}
const engines = opt.engines.split(",");
for (const e of engines) if (!ENGINES[e]) throw new Error(`unknown engine ${e} (${Object.keys(ENGINES).join(", ")})`);

const started = new Date();
const build = engines.includes("odc") ? ensureOdcBuilt() : "";
const { set, corpora } = loadAll();
if (opt.kind) set.queries = set.queries.filter((q) => q.kind === opt.kind);

const results = {};
for (const e of engines) results[e] = await evaluate(e, set, corpora);

const kinds = Object.keys(set.kinds).filter((k) => set.queries.some((q) => q.kind === k));
const pct = (x) => `${(100 * x).toFixed(0)}%`;
const num = (x) => x.toFixed(2);
const version = (pkg) => JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;

const lines = [];
const corpusNote = Object.values(corpora).map((c) => `${c.name}: ${c.datasets.length} datasets (${c.files.join(" + ")})`).join("; ");
lines.push(
  `Relevance bench, ${started.toISOString().slice(0, 16)}Z, Node ${process.version}: ${set.queries.length} queries; ${corpusNote}. ` +
  `Engines: ${engines.map((e) => ENGINES[e].label.replace(/^MiniSearch/, `MiniSearch ${version("minisearch")}`)).join(", ")}` +
  `${build ? ` (odc: ${build})` : ""}.`,
  "",
  "| kind | queries | engine | zero-result | hit@10 | P@10 |",
  "|---|---:|---|---:|---:|---:|",
);
for (const kind of [...kinds, "all"]) {
  for (const e of engines) {
    const rows = results[e].filter((r) => kind === "all" || r.kind === kind);
    const s = summarise(rows);
    const k = kind === "all" ? "**all**" : kind;
    lines.push(`| ${k} | ${s.n} | ${e} | ${pct(s.zeroRate)} | ${pct(s.hitAt10)} | ${num(s.pAt10)} |`);
  }
}
lines.push(
  "",
  `zero-result: no dataset at all; hit@10: a relevant dataset among the first ${TOP}; ` +
  `P@10: relevant among the first ${TOP} / min(${TOP}, returned), 0 when nothing is returned. ` +
  "Relevant: the query's rule in tests/relevance/queries.json.",
);

const perQuery = [
  "",
  `| query | kind | relevant in corpus | ${engines.map((e) => `${e}: total, relevant in top ${TOP}`).join(" | ")} |`,
  `|---|---|---:|${engines.map(() => "---:").join("|")}|`,
  ...set.queries.map((q, i) => {
    const cells = engines.map((e) => {
      const r = results[e][i];
      return `${r.total}, ${r.relevantInTop}/${r.returned}${r.hit ? "" : " ✗"}`;
    });
    return `| ${q.q} | ${q.kind} | ${results[engines[0]][i].relevantInCorpus} | ${cells.join(" | ")} |`;
  }),
  "",
  `✗: no relevant dataset in the top ${TOP}.`,
];

console.log(lines.join("\n"));
if (opt["per-query"]) console.log(perQuery.join("\n"));

mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
const stamp = started.toISOString().slice(0, 19).replace(/:/g, "");
const base = join(ROOT, "bench", "results", `relevance-${stamp}`);
writeFileSync(`${base}.md`, [...lines, ...perQuery].join("\n") + "\n");
writeFileSync(`${base}.json`, JSON.stringify({
  date: started.toISOString(), node: process.version, build, corpora: Object.fromEntries(Object.values(corpora).map((c) => [c.name, { files: c.files, datasets: c.datasets.length }])),
  summary: Object.fromEntries(engines.map((e) => [e, Object.fromEntries([...kinds, "all"].map((k) => [k, summarise(results[e].filter((r) => k === "all" || r.kind === k))]))])),
  queries: Object.fromEntries(engines.map((e) => [e, results[e]])),
}, null, 1));
console.error(`\nwrote bench/results/relevance-${stamp}.{md,json}`);
