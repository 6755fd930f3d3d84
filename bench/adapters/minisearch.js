// MiniSearch 7: prefix search, 1 typo for words of 4+ letters, every word must
// match (AND), title and keywords boosted. MiniSearch has no facets: they are
// counted over its whole result list (common.js).
import MiniSearch from 'minisearch';
import { filterAndCount, flatten } from './common.js';

export function build(datasets) {
  const docs = datasets.map(flatten);
  const ms = new MiniSearch({
    idField: 'i',
    fields: ['title', 'keywords', 'description'],
    extractField: (doc, field) => (field === 'keywords' ? doc.keywords.join(' ') : doc[field]),
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 1 : false),
      combineWith: 'AND',
      boost: { title: 3, keywords: 2 },
    },
  });
  ms.addAll(docs.map((d, i) => ({ i, title: d.title, keywords: d.keywords, description: d.description })));
  const all = docs.map((_, i) => i);

  function run({ q, filters }) {
    const candidates = q.trim() ? ms.search(q).map((r) => r.id) : all;
    const { hits, facets } = filterAndCount(candidates, docs, filters);
    return { total: hits.length, top20ids: hits.slice(0, 20).map((i) => docs[i].id), facets };
  }
  return { run };
}
