// Shared by the JavaScript adapters and by run.mjs's brute-force check:
// flattening a registry dataset (docs/registry.md) into one record with the
// engine's facet keys, and disjunctive facet counting (OR within a facet, AND
// across facets; a facet's counts ignore its own selection).
export const FACETS = ['publisher', 'theme', 'format', 'license', 'access_rights'];

const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';

/** A language map (or plain string) → all its texts. */
const texts = (m) => (m == null ? [] : typeof m === 'string' ? [m] : Object.values(m).flat());
const iri = (v) => (v == null ? null : typeof v === 'string' ? v : v['@id'] ?? v['@value'] ?? null);
const list = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
const uniq = (xs) => [...new Set(xs.filter((x) => x != null && x !== ''))];

/** The format label the generator wrote: the EU file-type code ("CSV", "GEOJSON"). */
export function formatLabel(format) {
  const f = iri(format);
  if (!f) return null;
  return (f.startsWith(FILE_TYPE) ? f.slice(FILE_TYPE.length) : f.split('/').pop()).toUpperCase();
}

/** One registry dataset → {id, title, description, keywords, publisherName, <facet>: [keys]}. */
export function flatten(d) {
  const dists = list(d.distribution);
  return {
    id: d['@id'] ?? d.identifier,
    title: texts(d.title).join(' '),
    description: texts(d.description).join(' '),
    keywords: texts(d.keyword),
    publisherName: texts(d.publisher?.name).join(' '),
    // Facet keys as the engine derives them (src/search/facets.rs).
    publisher: uniq([d.publisher?.['@id'] ?? texts(d.publisher?.name)[0]]),
    theme: uniq(list(d.theme).map(iri)),
    format: uniq(dists.map((x) => formatLabel(x.format))),
    license: uniq([iri(d.license), ...dists.map((x) => iri(x.license))]),
    access_rights: uniq([iri(d.accessRights)]),
  };
}

/** Facets with at least one selected value, as [[facet, Set(values)], ...]. */
function activeFilters(filters) {
  return FACETS.filter((f) => filters[f]?.length).map((f) => [f, new Set(filters[f])]);
}

/**
 * candidates: indexes into docs (text matches, in relevance order) → {hits: those passing
 * every filter, in order; facets: {facet: {value: count}}}, in one pass: a doc failing no
 * facet counts for every facet, a doc failing exactly one facet counts only for that one.
 */
export function filterAndCount(candidates, docs, filters) {
  const active = activeFilters(filters);
  const facets = Object.fromEntries(FACETS.map((f) => [f, {}]));
  const hits = [];
  const bump = (doc, f) => {
    const counts = facets[f];
    for (const v of doc[f]) counts[v] = (counts[v] || 0) + 1;
  };
  for (const i of candidates) {
    const doc = docs[i];
    let failed = null;
    let failures = 0;
    for (const [f, wanted] of active) {
      if (!doc[f].some((v) => wanted.has(v))) {
        failed = f;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      hits.push(i);
      for (const f of FACETS) bump(doc, f);
    } else if (failures === 1) {
      bump(doc, failed);
    }
  }
  return { hits, facets };
}
