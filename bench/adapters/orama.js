// Orama 3: prefix search, 1 typo when every word has 4+ letters, threshold 0
// (every word must match), Swedish tokenizer, title and keywords boosted.
// Filters are `where` clauses on enum fields. Orama counts facets
// conjunctively, so each facet with a selection costs one more search without
// its own filter (the usual way to get disjunctive counts from it).
import { create, insertMultiple, search } from '@orama/orama';
import { FACETS, flatten } from './common.js';

// Facets with one value per dataset are `enum`, the others `enum[]`.
const SINGLE = { publisher: true, theme: false, format: false, license: true, access_rights: true };
const SCHEMA = {
  title: 'string', keywords: 'string[]', description: 'string',
  ...Object.fromEntries(FACETS.map((f) => [f, SINGLE[f] ? 'enum' : 'enum[]'])),
};

function where(filters, skip) {
  const w = {};
  for (const f of FACETS) {
    if (f === skip || !filters[f]?.length) continue;
    w[f] = SINGLE[f] ? { in: filters[f] } : { containsAny: filters[f] };
  }
  return w;
}

export async function build(datasets) {
  const db = create({ schema: SCHEMA, language: 'swedish' });
  const docs = datasets.map((d) => {
    const x = flatten(d);
    const doc = { id: x.id, title: x.title, keywords: x.keywords, description: x.description };
    // The generator writes exactly one publisher, licence and access right per dataset.
    for (const f of FACETS) doc[f] = SINGLE[f] ? x[f][0] : x[f];
    return doc;
  });
  await insertMultiple(db, docs, 1000);

  async function query(q, w, facets, limit) {
    const words = q.trim().split(/\s+/).filter(Boolean);
    const text = words.length === 0 ? {} : { // no words: filter only ('' would score every word)
      term: words.join(' '),
      properties: ['title', 'keywords', 'description'],
      boost: { title: 3, keywords: 2 },
      tolerance: words.every((x) => x.length >= 4) ? 1 : 0,
      threshold: 0,
    };
    return search(db, { ...text, where: w, facets, limit });
  }

  async function run({ q, filters }) {
    const r = await query(q, where(filters), Object.fromEntries(FACETS.map((f) => [f, {}])), 20);
    const facets = {};
    for (const f of FACETS) {
      const own = filters[f]?.length ? (await query(q, where(filters, f), { [f]: {} }, 0)).facets : r.facets;
      facets[f] = own[f].values;
    }
    return { total: r.count, top20ids: r.hits.map((h) => h.document.id), facets };
  }
  return { run };
}
