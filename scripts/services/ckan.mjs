// A local CKAN search service for the browser tests: CKAN's Action API
// `package_search` (docs.ckan.org, "ckan.logic.action.get.package_search")
// computed over a real catalogue in the project's registry format, each
// dataset given as the CKAN package dict a CKAN portal would hold for it.
// Not Solr: it implements what the documented parameters mean for the
// queries a client sends and refuses other filter syntax (409, as CKAN
// answers a bad search), so a client that speaks anything else fails.
//
//   q            every word as a fragment of the title, notes or a tag
//   fq           `(field:"v" OR field:"v") AND (…)` over organization,
//                groups, res_format, license_id
//   facet.field  a JSON list of those fields; facet.limit
//   rows (≤ 1000), start, sort (`title_string asc|desc`,
//   `metadata_modified asc|desc`, default relevance then newest)
import { readFileSync } from "node:fs";

const list = (v) => (v === undefined || v === null ? [] : [].concat(v));
const text = (v) => (typeof v === "object" && v !== null ? v["@value"] ?? v["@id"] ?? "" : String(v ?? ""));
const first = (m) => (m && typeof m === "object" ? (m.sv ?? m.en ?? m["@none"] ?? Object.values(m)[0]) : m) ?? "";
const slug = (s) => String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const FIELDS = ["organization", "groups", "res_format", "license_id"];

/** The CKAN package dict for a dataset of the registry format. */
export function toPackage(d, i) {
  const org = d.publisher ? first(d.publisher.name) : null;
  const themes = list(d.theme).map((t) => text(t).split("/").pop().toLowerCase());
  const licence = text(list(d.license)[0] ?? list(d.distribution).flatMap((x) => list(x.license))[0] ?? "");
  return {
    id: `pkg-${i}`,
    name: slug(`${first(d.title)}-${i}`).slice(0, 90),
    title: String(first(d.title)),
    notes: String(first(d.description)),
    url: d.landingPage ? text(d.landingPage) : "",
    metadata_modified: String(d.modified ?? "2000-01-01"),
    license_id: licence,
    tags: Object.values(d.keyword ?? {}).flat().map((k) => ({ name: String(k), display_name: String(k) })),
    organization: org ? { name: slug(org), title: String(org), type: "organization" } : null,
    owner_org: org ? slug(org) : null,
    groups: themes.map((t) => ({ name: t, display_name: t.toUpperCase(), title: t.toUpperCase() })),
    resources: list(d.distribution).map((x, j) => ({
      id: `res-${i}-${j}`, name: String(first(x.title) || `resurs ${j + 1}`),
      url: text(x.downloadURL ?? x.accessURL ?? ""), format: text(x.format).split("/").pop().toUpperCase(),
    })),
    num_resources: list(d.distribution).length,
    state: "active", private: false, type: "dataset",
  };
}

function index(p) {
  return {
    p,
    text: [p.title, p.notes, ...p.tags.map((t) => t.name)].join(" ").toLowerCase(),
    values: {
      organization: p.organization ? [p.organization.name] : [],
      groups: p.groups.map((g) => g.name),
      res_format: [...new Set(p.resources.map((r) => r.format).filter(Boolean))],
      license_id: p.license_id ? [p.license_id] : [],
    },
  };
}

/** `(f:"a" OR f:"b") AND (g:"c")` → [[field, [values]]]; throws otherwise. */
function parseFq(fq) {
  if (!fq.trim()) return [];
  return fq.split(/\) AND \(/).map((group) => {
    const inner = group.replace(/^\(/, "").replace(/\)$/, "");
    const terms = inner.split(/ OR (?=[a-z_]+:")/).map((t) => {
      const m = /^([a-z_]+):"((?:\\.|[^"\\])*)"$/.exec(t.trim());
      if (!m || !FIELDS.includes(m[1])) throw new Error(`unsupported filter ${t}`);
      return [m[1], m[2].replace(/\\(.)/g, "$1")];
    });
    return terms;
  });
}

export function createCkan(registryPaths) {
  const datasets = registryPaths.flatMap((p) => list(JSON.parse(readFileSync(p, "utf8")).dataset));
  const packages = datasets.map(toPackage).map(index);
  const state = { fail: 0, latency: 0, requests: [] };
  const invalid = (m) => [409, { help: "package_search", success: false, error: { message: "Search Query is invalid", __type: "Search Error", detail: m } }];

  function search(params) {
    let groups, facetFields;
    try {
      groups = parseFq(params.get("fq") ?? "");
      facetFields = JSON.parse(params.get("facet.field") ?? "[]");
      if (!Array.isArray(facetFields) || facetFields.some((f) => !FIELDS.includes(f))) throw new Error("facet.field");
    } catch (e) {
      return invalid(e.message);
    }
    const rows = Math.min(Number(params.get("rows") ?? 10), 1000);
    const start = Number(params.get("start") ?? 0);
    if (!Number.isInteger(rows) || !Number.isInteger(start) || rows < 0 || start < 0) return invalid("rows/start");
    const words = (params.get("q") ?? "").toLowerCase().split(/\s+/).filter((w) => w && w !== "*:*");
    const matched = packages.filter((x) => words.every((w) => x.text.includes(w))
      && groups.every((terms) => terms.some(([f, v]) => x.values[f].includes(v))));
    const collator = new Intl.Collator("sv");
    const score = (x) => words.reduce((s, w) => s + (x.p.title.toLowerCase().includes(w) ? 2 : 1), 0);
    const sort = params.get("sort");
    const order = {
      "title_string asc": (a, b) => collator.compare(a.p.title, b.p.title),
      "title_string desc": (a, b) => collator.compare(b.p.title, a.p.title),
      "metadata_modified desc": (a, b) => b.p.metadata_modified.localeCompare(a.p.metadata_modified),
      "metadata_modified asc": (a, b) => a.p.metadata_modified.localeCompare(b.p.metadata_modified),
    }[sort ?? ""] ?? (sort ? null : (a, b) => score(b) - score(a) || b.p.metadata_modified.localeCompare(a.p.metadata_modified));
    if (!order) return invalid(`sort ${sort}`);
    const sorted = [...matched].sort(order);
    const limit = Number(params.get("facet.limit") ?? 50);
    const search_facets = {};
    for (const f of facetFields) {
      const counts = new Map();
      for (const x of matched) for (const v of x.values[f]) counts.set(v, (counts.get(v) ?? 0) + 1);
      const display = (v) => (f === "organization" ? packages.find((x) => x.p.organization?.name === v)?.p.organization.title : v) ?? v;
      search_facets[f] = {
        title: f,
        items: [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, count]) => ({ name, display_name: display(name), count })),
      };
    }
    return [200, {
      help: "package_search", success: true,
      result: { count: matched.length, sort: sort ?? "score desc, metadata_modified desc", facets: {}, results: sorted.slice(start, start + rows).map((x) => x.p), search_facets },
    }];
  }

  async function handle(req, res, prefix = "/ckan") {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname !== `${prefix}/api/3/action/package_search`) return false;
    // (`cors: false`: a portal that does not let other sites read it.)
    const cors = req.headers.origin && state.cors !== false ? { "access-control-allow-origin": "*" } : {};
    state.requests.push({ at: Date.now(), ...Object.fromEntries(url.searchParams) });
    if (state.latency) await new Promise((r) => setTimeout(r, state.latency));
    if (state.fail) {
      res.writeHead(state.fail, { "content-type": "application/json", ...cors });
      res.end(JSON.stringify({ success: false, error: { message: "failure on purpose" } }));
      return true;
    }
    const [status, body] = search(url.searchParams);
    res.writeHead(status, { "content-type": "application/json", ...cors });
    res.end(JSON.stringify(body));
    return true;
  }

  return { handle, state, packages: packages.map((x) => x.p) };
}
