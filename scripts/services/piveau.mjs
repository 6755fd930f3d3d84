// A local piveau hub-search service for the browser tests: data.europa.eu's
// search API (`{base}/search`: q, filters=dataset, facets as a JSON object,
// facetOperator=OR within a facet, facetGroupOperator=AND across, limit
// 0-1000, page, sort) computed over a real catalogue in the project's
// registry format, each dataset given as piveau's JSON view of it (the hit
// shape of data.europa.eu's answers: tests/fixtures/piveau). Refuses what it
// does not understand (400), so a client speaking anything else fails.
import { readFileSync } from "node:fs";

const list = (v) => (v === undefined || v === null ? [] : [].concat(v));
const text = (v) => (typeof v === "object" && v !== null ? v["@value"] ?? v["@id"] ?? "" : String(v ?? ""));
const langMap = (m) => (m && typeof m === "object" ? Object.fromEntries(Object.entries(m).map(([l, t]) => [l === "@none" ? "en" : l, String(list(t)[0])])) : m ? { en: String(m) } : {});
const code = (iri) => text(iri).split("/").pop();
const FACETS = ["publisher", "categories", "format", "license"];

/** piveau's JSON view of a dataset of the registry format. */
export function toHit(d, i) {
  const pubName = d.publisher ? Object.values(langMap(d.publisher.name))[0] : null;
  return {
    id: `ds-${i}`,
    resource: d["@id"],
    index: "dataset",
    title: langMap(d.title),
    description: langMap(d.description),
    keywords: Object.entries(d.keyword ?? {}).flatMap(([l, ks]) => list(ks).map((k) => ({ id: String(k).toLowerCase(), label: String(k), language: l === "@none" ? "en" : l }))),
    publisher: d.publisher ? { type: "Agent", name: pubName, ...(d.publisher["@id"] ? { resource: d.publisher["@id"] } : {}) } : undefined,
    categories: list(d.theme).map((t) => ({ id: code(t), label: { en: code(t) }, resource: text(t) })),
    distributions: list(d.distribution).map((x, j) => ({
      id: `d-${i}-${j}`,
      title: langMap(x.title),
      access_url: list(x.accessURL).map(text),
      download_url: list(x.downloadURL).map(text),
      ...(x.format ? { format: { id: code(x.format).toUpperCase(), label: code(x.format).toUpperCase() } } : {}),
      ...(list(x.license)[0] ? { license: { id: text(list(x.license)[0]), label: text(list(x.license)[0]), resource: text(list(x.license)[0]) } } : {}),
    })),
    modified: String(d.modified ?? ""),
    issued: String(d.issued ?? ""),
    landing_page: list(d.landingPage).map((u) => ({ resource: text(u) })),
  };
}

function indexHit(h) {
  const pub = h.publisher ? (h.publisher.resource ?? h.publisher.name) : null;
  return {
    h,
    text: [...Object.values(h.title), ...Object.values(h.description), ...h.keywords.map((k) => k.label)].join(" ").toLowerCase(),
    values: {
      publisher: pub ? [pub] : [],
      categories: h.categories.map((c) => c.id),
      format: [...new Set(h.distributions.map((x) => x.format?.id).filter(Boolean))],
      license: [...new Set(h.distributions.map((x) => x.license?.id).filter(Boolean))],
    },
  };
}

export function createPiveau(registryPaths) {
  const datasets = registryPaths.flatMap((p) => list(JSON.parse(readFileSync(p, "utf8")).dataset));
  const hits = datasets.map(toHit).map(indexHit);
  const state = { fail: 0, latency: 0, requests: [] };
  const bad = (m) => [400, { success: false, message: m }];

  function search(params) {
    if ((params.get("filters") ?? params.get("filter")) !== "dataset") return bad("filters must be dataset");
    if (params.get("facetOperator") !== "OR" || params.get("facetGroupOperator") !== "AND") return bad("operators");
    let facets;
    try {
      facets = JSON.parse(params.get("facets") ?? "{}");
      if (typeof facets !== "object" || Array.isArray(facets)) throw new Error("facets");
      for (const [k, v] of Object.entries(facets)) if (!FACETS.includes(k) || !Array.isArray(v)) throw new Error(`facet ${k}`);
    } catch (e) {
      return bad(e.message);
    }
    const limit = Number(params.get("limit") ?? 10);
    const page = Number(params.get("page") ?? 0);
    if (!Number.isInteger(limit) || limit < 0 || limit > 1000 || !Number.isInteger(page) || page < 0) return bad("limit/page");
    const words = (params.get("q") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const matched = hits.filter((x) => words.every((w) => x.text.includes(w))
      && Object.entries(facets).every(([k, vs]) => vs.length === 0 || vs.some((v) => x.values[k].includes(v))));
    const collator = new Intl.Collator("sv");
    const sort = params.get("sort");
    const title = (x, l) => x.h.title[l] ?? Object.values(x.h.title)[0] ?? "";
    const order = {
      "title.sv asc": (a, b) => collator.compare(title(a, "sv"), title(b, "sv")),
      "title.en asc": (a, b) => collator.compare(title(a, "en"), title(b, "en")),
      "modified desc": (a, b) => b.h.modified.localeCompare(a.h.modified),
    }[sort ?? ""] ?? (sort ? null : (a, b) => b.h.modified.localeCompare(a.h.modified));
    if (!order) return bad(`sort ${sort}`);
    const facetsOut = FACETS.map((id) => {
      const counts = new Map();
      for (const x of matched) for (const v of x.values[id]) counts.set(v, (counts.get(v) ?? 0) + 1);
      return { id, title: id, items: [...counts].sort((a, b) => b[1] - a[1]).map(([v, n]) => ({ id: v, count: n, title: id === "publisher" ? hits.find((x) => x.values.publisher[0] === v)?.h.publisher.name ?? v : v })) };
    });
    return [200, { success: true, result: { count: matched.length, index: "dataset", results: [...matched].sort(order).slice(page * limit, page * limit + limit).map((x) => x.h), facets: facetsOut } }];
  }

  async function handle(req, res, prefix = "/api/hub/search") {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname !== `${prefix}/search`) return false;
    // (`cors: false`: a portal that does not let other sites read it.)
    const cors = req.headers.origin && state.cors !== false ? { "access-control-allow-origin": "*" } : {};
    state.requests.push({ at: Date.now(), ...Object.fromEntries(url.searchParams) });
    if (state.latency) await new Promise((r) => setTimeout(r, state.latency));
    if (state.fail) {
      res.writeHead(state.fail, { "content-type": "application/json", ...cors });
      res.end(JSON.stringify({ success: false, message: "failure on purpose" }));
      return true;
    }
    const [status, body] = search(url.searchParams);
    res.writeHead(status, { "content-type": "application/json", ...cors });
    res.end(JSON.stringify(body));
    return true;
  }

  return { handle, state, hits: hits.map((x) => x.h) };
}
