// A local EntryStore search service for the demo and the browser tests: the
// query language and answers of EntryStore's Solr search
// (`{base}/search?type=solr`; MetaSolutionsAB/entrystore SearchResource.java
// and SolrSearchIndex.java), computed over a real catalogue in the
// project's registry format. Not Solr: it implements what the documented
// query syntax means for the queries an EntryStore client sends, and
// refuses what it does not understand (400), so a client that speaks
// anything else fails its tests.
//
//   title, description, tag.literal   word fragments (n-gram fields,
//                                     3-25 letters; `ab*` a prefix)
//   rdfType, public                   exact
//   metadata.predicate.uri.<h>        exact IRI of the predicate whose
//   metadata.predicate.literal_s.<h>  MD5 starts with <h> (8 hex digits)
//   sort: `title.<lang> asc|desc`, `modified asc|desc`, `score desc`
//   limit (capped at 100), offset, facetFields, facetLimit
//   results: 0 when no entry is returned (as the real server)
//
// Each hit's `metadata` is its RDF/JSON graph. Modes for failure tests:
// `fail` (HTTP status for every request), `failFacets` (status for count-only
// requests), `latency` (ms), `cors` (send CORS headers; the real server
// sends them only when its operator enables them).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const FOAF = "http://xmlns.com/foaf/0.1/";
const VCARD = "http://www.w3.org/2006/vcard/ns#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const hash8 = (iri) => createHash("md5").update(iri).digest("hex").slice(0, 8);
const list = (v) => (v === undefined || v === null ? [] : [].concat(v));
const text = (v) => (typeof v === "object" && v !== null ? v["@value"] ?? v["@id"] ?? "" : String(v ?? ""));
const langMap = (m) => (m && typeof m === "object" ? Object.entries(m).flatMap(([l, t]) => list(t).map((x) => [l === "@none" ? "" : l, String(x)])) : m ? [["", String(m)]] : []);

/** What a dataset is indexed as: the fields the query language reaches. */
export function indexEntry(d) {
  const dists = list(d.distribution);
  const predicates = {
    [`uri.${hash8(DCT + "publisher")}`]: list(d.publisher?.["@id"]),
    [`uri.${hash8(DCAT + "theme")}`]: list(d.theme).map(text),
    [`uri.${hash8(DCT + "license")}`]: [...list(d.license).map(text), ...dists.flatMap((x) => list(x.license).map(text))],
    [`uri.${hash8(DCT + "accessRights")}`]: list(d.accessRights).map(text),
    [`literal_s.${hash8(DCT + "format")}`]: dists.flatMap((x) => list(x.format).map(text)),
  };
  return {
    d,
    title: langMap(d.title).map(([, t]) => t.toLowerCase()).join(" "),
    titleSv: (langMap(d.title).find(([l]) => l === "sv") ?? langMap(d.title)[0] ?? ["", ""])[1],
    titleEn: (langMap(d.title).find(([l]) => l === "en") ?? langMap(d.title)[0] ?? ["", ""])[1],
    description: langMap(d.description).map(([, t]) => t.toLowerCase()).join(" "),
    tag: langMap(d.keyword).map(([, t]) => t.toLowerCase()).join(" "),
    modified: String(d.modified ?? ""),
    predicates: Object.fromEntries(Object.entries(predicates).map(([k, v]) => [k, [...new Set(v.filter(Boolean))]])),
  };
}

/** The dataset as EntryStore hands it over: an RDF/JSON graph. */
export function rdfJson(d) {
  const g = {};
  const add = (s, p, o) => ((g[s] ??= {})[p] ??= []).push(o);
  const uri = (v) => ({ type: "uri", value: v });
  const lit = (v, lang) => (lang ? { type: "literal", value: v, lang } : { type: "literal", value: v });
  const s = d["@id"];
  add(s, RDF_TYPE, uri(DCAT + "Dataset"));
  for (const [l, t] of langMap(d.title)) add(s, DCT + "title", lit(t, l));
  for (const [l, t] of langMap(d.description)) add(s, DCT + "description", lit(t, l));
  for (const [l, t] of langMap(d.keyword)) add(s, DCAT + "keyword", lit(t, l));
  for (const t of list(d.theme)) add(s, DCAT + "theme", uri(text(t)));
  if (d.modified) add(s, DCT + "modified", lit(String(d.modified)));
  if (d.issued) add(s, DCT + "issued", lit(String(d.issued)));
  for (const k of ["license", "accessRights", "accrualPeriodicity"]) for (const v of list(d[k])) add(s, DCT + k, uri(text(v)));
  for (const v of list(d.landingPage)) add(s, DCAT + "landingPage", uri(text(v)));
  if (d.publisher?.["@id"]) {
    add(s, DCT + "publisher", uri(d.publisher["@id"]));
    add(d.publisher["@id"], RDF_TYPE, uri(FOAF + "Agent"));
    for (const [l, t] of langMap(d.publisher.name)) add(d.publisher["@id"], FOAF + "name", lit(t, l));
  }
  if (d.contactPoint) {
    add(s, DCAT + "contactPoint", { type: "bnode", value: "_:contact" });
    if (d.contactPoint.fn) add("_:contact", VCARD + "fn", lit(String(d.contactPoint.fn)));
    if (d.contactPoint.hasEmail) add("_:contact", VCARD + "hasEmail", uri(text(d.contactPoint.hasEmail)));
  }
  list(d.distribution).forEach((x, i) => {
    const b = `_:dist${i}`;
    add(s, DCAT + "distribution", { type: "bnode", value: b });
    add(b, RDF_TYPE, uri(DCAT + "Distribution"));
    for (const [l, t] of langMap(x.title)) add(b, DCT + "title", lit(t, l));
    if (x.accessURL) add(b, DCAT + "accessURL", uri(text(x.accessURL)));
    if (x.downloadURL) add(b, DCAT + "downloadURL", uri(text(x.downloadURL)));
    if (x.format) add(b, DCT + "format", lit(text(x.format)));
    for (const l of list(x.license)) add(b, DCT + "license", uri(text(l)));
  });
  return g;
}

const unescape = (v) => v.replace(/\\([:()])/g, "$1");

/** Splits on a top-level separator (outside parentheses and escapes). */
function splitTop(q, sep) {
  const out = [];
  let depth = 0, start = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (c === "\\") { i++; continue; }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && q.startsWith(sep, i)) { out.push(q.slice(start, i)); start = i + sep.length; i += sep.length - 1; }
  }
  out.push(q.slice(start));
  return out.map((s) => s.trim());
}

function clause(term) {
  // field:value, the first unescaped colon.
  const m = /^([A-Za-z0-9_.]+):((?:\\.|[^\\])*)$/.exec(term);
  if (!m) throw new Error(`unparseable term ${term}`);
  const [, field, raw] = m;
  const value = unescape(raw);
  if (field === "rdfType") return (e) => value === DCAT + "Dataset";
  if (field === "public") { if (value !== "true") throw new Error("public must be true"); return () => true; }
  if (["title", "description", "tag.literal"].includes(field)) {
    const key = field === "tag.literal" ? "tag" : field;
    const prefix = value.endsWith("*");
    const w = (prefix ? value.slice(0, -1) : value).toLowerCase();
    if (!prefix && w.length < 3) throw new Error("fragment under 3 letters");
    if (prefix && w.length < 3) return (e) => e[key].split(/[^\p{L}\p{N}]+/u).some((t) => t.startsWith(w));
    return (e) => e[key].includes(w.slice(0, 25));
  }
  const pm = /^metadata\.predicate\.((?:uri|literal_s)\.[0-9a-f]{8})$/.exec(field);
  if (pm) return (e) => (e.predicates[pm[1]] ?? []).includes(value);
  throw new Error(`unknown field ${field}`);
}

function parseQuery(q) {
  const parts = splitTop(q, " AND ");
  return parts.map((p) => {
    if (p.startsWith("(") && p.endsWith(")")) {
      const alts = splitTop(p.slice(1, -1), " OR ").map(clause);
      return (e) => alts.some((f) => f(e));
    }
    return clause(p);
  });
}

/** Words of the query for a relevance score (title matches count more). */
function score(e, q) {
  const words = [...q.matchAll(/title:((?:\\.|[^\\ )])+)/g)].map((m) => unescape(m[1]).replace(/\*$/, "").toLowerCase());
  return words.reduce((s, w) => s + (e.title.includes(w) ? 2 : 0) + (e.description.includes(w) ? 1 : 0), 0);
}

export function createEntryStore(registryPaths) {
  const datasets = registryPaths.flatMap((p) => list(JSON.parse(readFileSync(p, "utf8")).dataset));
  const entries = datasets.map(indexEntry);
  const state = { fail: 0, failFacets: 0, latency: 0, cors: true, requests: [] };

  function search(params) {
    const query = params.get("query");
    if (!query) return [400, { error: "Query must not be empty" }];
    if (query.length < 3) return [400, { error: "Query too short" }];
    let filters;
    try { filters = parseQuery(query); } catch (e) { return [400, { error: `Search failed due to wrong parameters: ${e.message}` }]; }
    const limit = Math.min(Number(params.get("limit") ?? 50), 100);
    const offset = Math.max(Number(params.get("offset") ?? 0), 0);
    if (!Number.isInteger(limit) || !Number.isInteger(offset) || limit < 0) return [400, { error: "Search failed due to wrong parameters" }];
    const matched = entries.filter((e) => filters.every((f) => f(e)));
    const sort = params.get("sort");
    const collator = new Intl.Collator("sv");
    let order;
    if (!sort || sort === "score desc") order = (a, b) => score(b, query) - score(a, query) || b.modified.localeCompare(a.modified);
    else {
      const [field, dir] = sort.split(" ");
      const sign = dir === "desc" ? -1 : dir === "asc" ? 1 : 0;
      if (!sign) return [400, { error: "Search failed due to wrong parameters" }];
      if (field === "modified") order = (a, b) => sign * a.modified.localeCompare(b.modified);
      else if (field === "title.sv") order = (a, b) => sign * collator.compare(a.titleSv, b.titleSv);
      else if (field === "title.en") order = (a, b) => sign * collator.compare(a.titleEn, b.titleEn);
      else return [400, { error: "Search failed due to wrong parameters" }];
    }
    const sorted = [...matched].sort(order);
    const page = sorted.slice(offset, offset + limit);
    const facetLimit = Math.min(Number(params.get("facetLimit") ?? 100), 1000);
    const facetFields = (params.get("facetFields") ?? "").split(",").filter(Boolean).map((name) => {
      const key = name.replace(/^metadata\.predicate\./, "").replace(/^literal\./, "literal_s.");
      const counts = new Map();
      for (const e of matched) for (const v of e.predicates[key] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
      const values = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, facetLimit).map(([n, c]) => ({ name: n, count: c }));
      return { name: name.replace(".literal.", ".literal_s."), valueCount: values.length, values };
    });
    return [200, {
      resource: { children: page.map((e, i) => ({ entryId: String(offset + i + 1), contextId: "1", metadata: rdfJson(e.d), info: {}, relations: {} })) },
      // As the real server: no entry returned, no count.
      results: page.length === 0 ? 0 : matched.length,
      limit, offset,
      facetFields,
    }];
  }

  /** Handles `{prefix}/search`; returns false for other paths. */
  async function handle(req, res, prefix = "/store") {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname !== `${prefix}/search`) return false;
    const origin = req.headers.origin;
    const cors = state.cors && origin ? { "access-control-allow-origin": origin, vary: "Origin" } : {};
    if (req.method === "OPTIONS") { res.writeHead(state.cors ? 204 : 405, cors); res.end(); return true; }
    state.requests.push({ at: Date.now(), ...Object.fromEntries(url.searchParams) });
    if (state.latency) await new Promise((r) => setTimeout(r, state.latency));
    const countsOnly = url.searchParams.get("limit") === "1" && url.searchParams.get("offset") === "0" && url.searchParams.has("facetFields");
    const failWith = state.fail || (countsOnly && state.failFacets);
    if (failWith) {
      res.writeHead(failWith, { "content-type": "application/json", ...(failWith === 429 ? { "retry-after": "2" } : {}), ...cors });
      res.end(JSON.stringify({ error: "failure on purpose" }));
      return true;
    }
    if (url.searchParams.get("type") !== "solr") { res.writeHead(400, cors); res.end("{}"); return true; }
    const [status, body] = search(url.searchParams);
    res.writeHead(status, { "content-type": "application/json", ...cors });
    res.end(JSON.stringify(body));
    return true;
  }

  return { handle, state, entries, datasets };
}
