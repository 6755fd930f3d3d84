//! Search engine: full-text matching, disjunctive facets and sorting.
//!
//! Built once from the datasets ([`Engine::new`]), then queried on every
//! keystroke ([`Engine::search`]). Matching (which datasets, with what
//! score: [`query`]) is kept apart from collecting (facet counts, order,
//! page: [`facets`], [`sort`]), as in tantivy.
//!
//! * Text: every query word must match; the last word also matches as a
//!   prefix; diacritic-free spelling (`ostersund`) and Swedish/English
//!   stems (`bibliotekens`, `libraries`) match, but rank below the exact
//!   spelling; title matches rank far above keyword, description and
//!   publisher matches.
//! * Facets: OR within a facet, AND across facets; each facet's counts
//!   ignore its own selection.
//! * Order: see [`Sort`]. An empty query sorted by relevance is newest
//!   first.
//!
//! Pure Rust: no threads, clocks or files, so it runs the same natively and
//! in wasm32.

pub mod facet;
pub mod facets;
pub mod filters;
pub mod fxhash;
pub mod glossary;
pub mod highlight;
pub mod index;
pub mod normalize;
pub mod query;
pub mod sort;
pub mod stem;

pub use facet::Facet;
pub use facets::FacetCounts;
pub use filters::Filters;
pub use sort::{swedish_fallback_cmp, swedish_fallback_ranks, Sort};

use crate::model::Dataset;
use facets::{FacetIndex, FacetScratch};
use index::Index;
use query::Matcher;
use stem::Stemmers;

/// What the UI asks for. Serde: it crosses to the engine worker as JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Request {
    /// The search box, as typed.
    pub text: String,
    /// Selected facet values; values that are not in the data match
    /// nothing.
    pub filters: Filters,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

/// What the UI gets back.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Response {
    /// Number of datasets matching the text and all filters.
    pub total: usize,
    /// Dataset indices (into the slice given to [`Engine::new`]) of the
    /// requested page, in order.
    pub hits: Vec<u32>,
    /// Disjunctive counts of every facet, in [`Facet::ALL`] order.
    pub facets: Vec<FacetCounts>,
    /// No dataset matched every word: these match the most words (the UI
    /// says so rather than showing nothing).
    pub partial: bool,
    /// Nothing matched at all: the query with each unknown word replaced by
    /// the closest word of the catalogue ("Menade du …?").
    pub suggestion: Option<String>,
    /// The catalogue's words the query matched (lower-case, sorted), for
    /// showing why a result matched ([`highlight`]); at most
    /// [`query::MAX_SHOWN_TERMS`].
    pub terms: Vec<String>,
}

pub struct Engine {
    stemmers: Stemmers,
    /// The text index: `None` until [`Engine::index_text`] for an engine
    /// made [`Engine::for_browsing`].
    index: Option<Index>,
    n_docs: usize,
    facets: FacetIndex,
    title_rank: Vec<u32>,
    modified_rank: Vec<u32>,
    quality_rank: Vec<u32>,
    /// The documents in title order, and in `modified` order (the inverses
    /// of the ranks).
    title_order: Vec<u32>,
    modified_order: Vec<u32>,
    quality_order: Vec<u32>,
    matcher: Matcher,
    facet_scratch: FacetScratch,
    docs: Vec<u32>,
    keys: Vec<u64>,
}

impl Engine {
    /// Builds the index. `lang` is the UI language (`sv`/`en`) and decides
    /// which title is sorted on; `title_cmp` is the title collation
    /// (natively [`swedish_fallback_cmp`]). In the browser prefer
    /// [`Engine::with_title_order`], which collates all titles in one call.
    pub fn new(
        datasets: &[Dataset],
        lang: &str,
        title_cmp: &dyn Fn(&str, &str) -> std::cmp::Ordering,
    ) -> Engine {
        Engine::with_title_order(datasets, lang, &|titles: &[&str]| {
            sort::rank_by(titles, title_cmp)
        })
    }

    /// [`Engine::new`] with the title collation applied to all titles at
    /// once: `rank_titles` returns each title's rank in collation order,
    /// titles that compare equal sharing a rank ([`sort::rank_by`]; in the
    /// browser `Intl.Collator(lang)` through one `Array.prototype.sort`,
    /// natively [`swedish_fallback_ranks`]). The engine is the same as
    /// with the corresponding comparator.
    pub fn with_title_order(
        datasets: &[Dataset],
        lang: &str,
        rank_titles: &dyn Fn(&[&str]) -> Vec<u32>,
    ) -> Engine {
        let mut engine = Engine::for_browsing(datasets, lang, rank_titles);
        engine.index_text(datasets);
        engine
    }

    /// Everything but the text index, which takes a third of the build or
    /// more: the engine answers a request without text (the first page a
    /// person sees: filters, counts, order) before the words of every
    /// dataset are indexed. [`Engine::index_text`] must follow before a
    /// request with text; until then such a request matches nothing.
    pub fn for_browsing(
        datasets: &[Dataset],
        lang: &str,
        rank_titles: &dyn Fn(&[&str]) -> Vec<u32>,
    ) -> Engine {
        let title_rank = sort::title_ranks_with(datasets, lang, rank_titles);
        let modified_rank = sort::modified_ranks(datasets, &title_rank);
        let quality_rank = sort::quality_ranks(datasets, &title_rank);
        Engine {
            stemmers: Stemmers::new(),
            index: None,
            n_docs: datasets.len(),
            facets: FacetIndex::build(datasets),
            title_order: inverse(&title_rank),
            modified_order: inverse(&modified_rank),
            quality_order: inverse(&quality_rank),
            quality_rank,
            title_rank,
            modified_rank,
            matcher: Matcher::new(datasets.len()),
            facet_scratch: FacetScratch::default(),
            docs: Vec::with_capacity(datasets.len()),
            keys: Vec::new(),
        }
    }

    /// Builds the text index of the datasets the engine was made from,
    /// unless it is built.
    pub fn index_text(&mut self, datasets: &[Dataset]) {
        if self.index.is_none() {
            self.index = Some(Index::build(datasets, &self.stemmers));
        }
    }

    /// Whether requests with text can be answered.
    pub fn has_text_index(&self) -> bool {
        self.index.is_some()
    }

    /// Number of datasets indexed.
    pub fn len(&self) -> usize {
        self.n_docs
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn search(&mut self, request: &Request) -> Response {
        let mut words = query::parse(&request.text, &self.stemmers);
        let mut partial = false;
        match &self.index {
            _ if words.is_empty() => {
                self.matcher.forget_terms();
                self.docs.clear();
                self.docs.extend(0..self.n_docs as u32);
            }
            Some(index) => {
                query::split_compounds(&mut words, index, &self.stemmers);
                query::respell(&mut words, index, &self.stemmers);
                partial = self.matcher.run(index, &words, &mut self.docs);
            }
            // Not indexed yet (see `for_browsing`): nothing is claimed to
            // match.
            None => {
                self.matcher.forget_terms();
                self.docs.clear();
            }
        }
        let text_found_nothing = !words.is_empty() && self.docs.is_empty();
        let facets =
            self.facets
                .filter_and_count(&mut self.docs, &request.filters, &mut self.facet_scratch);

        // Only the requested page is put in order: select the first `end`
        // documents (O(n)), then sort just those. Every order below is total
        // (ranks are distinct), so this is exactly the page a full sort
        // would give.
        let total = self.docs.len();
        let start = request.offset.min(total);
        let end = request.offset.saturating_add(request.limit).min(total);
        let (title, modified) = (&self.title_rank, &self.modified_rank);
        // Each document's position in the order as one integer key (ranks
        // are distinct), so selecting and sorting compare plain integers.
        let (docs, keys) = (&mut self.docs, &mut self.keys);
        match request.sort {
            Sort::Relevance if !words.is_empty() => {
                let m = &self.matcher;
                // Score descending (as `f32::total_cmp`), then title rank.
                keys.clear();
                keys.extend(docs.iter().map(|&d| {
                    let score = !total_order_key(m.score(d)) as u64;
                    score << 32 | title[d as usize] as u64
                }));
                top_k(keys, end);
                for (d, &k) in docs.iter_mut().zip(&keys[..end]) {
                    *d = self.title_order[(k & 0xFFFF_FFFF) as usize];
                }
            }
            Sort::Relevance | Sort::Modified => {
                by_rank(docs, keys, end, modified, &self.modified_order)
            }
            Sort::Title => by_rank(docs, keys, end, title, &self.title_order),
            Sort::Quality => by_rank(docs, keys, end, &self.quality_rank, &self.quality_order),
        }

        let suggestion = match &self.index {
            Some(index) if text_found_nothing => query::suggest(index, &words),
            _ => None,
        };
        Response {
            total,
            hits: self.docs[start..end].to_vec(),
            facets,
            partial,
            suggestion,
            terms: match &self.index {
                Some(index) => self.matcher.matched_terms(index),
                None => Vec::new(),
            },
        }
    }

    /// All value keys of a facet, sorted.
    pub fn facet_values(&self, facet: Facet) -> &[String] {
        self.facets.values(facet)
    }
}

/// Puts the `k` smallest keys first, sorted; the rest are left in no
/// particular order.
fn top_k<T: Ord>(v: &mut [T], k: usize) {
    if k == 0 {
        return;
    }
    if k < v.len() {
        v.select_nth_unstable(k - 1);
    }
    v[..k].sort_unstable();
}

/// Puts the first `end` documents by `rank` (distinct per document) first,
/// in order.
fn by_rank(docs: &mut [u32], keys: &mut Vec<u64>, end: usize, rank: &[u32], order: &[u32]) {
    keys.clear();
    keys.extend(docs.iter().map(|&d| rank[d as usize] as u64));
    top_k(keys, end);
    for (d, &k) in docs.iter_mut().zip(&keys[..end]) {
        *d = order[k as usize];
    }
}

/// `f32::total_cmp` as an unsigned integer order.
fn total_order_key(x: f32) -> u32 {
    let bits = x.to_bits();
    // Negative: all bits flipped; positive: the sign bit set.
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

/// The inverse of a permutation.
fn inverse(rank: &[u32]) -> Vec<u32> {
    let mut order = vec![0u32; rank.len()];
    for (d, &r) in rank.iter().enumerate() {
        order[r as usize] = d as u32;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LangText;

    #[test]
    fn total_order_key_orders_as_total_cmp() {
        let xs = [
            f32::NEG_INFINITY,
            -2.5,
            -1.0,
            -0.0,
            0.0,
            1e-30,
            0.5,
            1.0,
            10.0,
            f32::INFINITY,
            f32::NAN,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(
                    total_order_key(a).cmp(&total_order_key(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn an_engine_for_browsing_answers_as_the_full_one_and_text_once_indexed() {
        let words = ["skola", "trafik", "befolkning", "hamn"];
        let datasets: Vec<Dataset> = (0..40usize)
            .map(|i| Dataset {
                id: format!("d{i}"),
                title: LangText::plain(format!("{} {i}", words[i % 4])),
                modified: Some(format!("2024-0{}-01", 1 + i % 9)),
                publisher: Some(crate::model::Agent {
                    id: Some(format!("p{}", i % 3)),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .collect();
        let mut full = Engine::new(&datasets, "sv", &swedish_fallback_cmp);
        let mut browsing = Engine::for_browsing(&datasets, "sv", &|t: &[&str]| {
            sort::rank_by(t, &swedish_fallback_cmp)
        });
        assert!(!browsing.has_text_index());
        let mut filters = Filters::default();
        filters.add(Facet::Publisher, "p1");
        let filtered = Request {
            filters: filters.clone(),
            ..Default::default()
        };
        assert_eq!(full.search(&filtered).total, 13);
        for sort in Sort::ALL {
            for filters in [Filters::default(), filters.clone()] {
                let request = Request {
                    sort,
                    filters,
                    limit: 7,
                    offset: 2,
                    ..Default::default()
                };
                assert_eq!(browsing.search(&request), full.search(&request), "{sort}");
            }
        }
        let text = Request {
            text: "trafik".into(),
            limit: 50,
            ..Default::default()
        };
        assert_eq!(full.search(&text).total, 10);
        // Before the text index: nothing is claimed to match.
        assert_eq!(browsing.search(&text).total, 0);
        browsing.index_text(&datasets);
        assert!(browsing.has_text_index());
        assert_eq!(browsing.search(&text), full.search(&text));
    }

    #[test]
    fn a_page_is_the_slice_of_the_full_order() {
        let words = ["kol", "kolla", "koll", "data", "kommun", "karta"];
        let datasets: Vec<Dataset> = (0..120usize)
            .map(|i| Dataset {
                id: format!("d{}", i % 17),
                title: LangText::plain(format!("{} {}", words[i % 6], words[(i / 6) % 6])),
                description: LangText::plain(words[(i * 5) % 6]),
                modified: (i % 4 != 0).then(|| format!("2024-0{}-01", 1 + i % 9)),
                quality: (i % 3 != 0).then(|| crate::model::Quality {
                    points: (i as u32 * 7) % 300,
                    max: 300 + (i as u32 % 2) * 55,
                }),
                ..Default::default()
            })
            .collect();
        let mut engine = Engine::new(&datasets, "sv", &swedish_fallback_cmp);
        for text in ["", "k", "kol", "data k"] {
            for sort in Sort::ALL {
                let request = |offset, limit| Request {
                    text: text.to_string(),
                    sort,
                    offset,
                    limit,
                    ..Default::default()
                };
                let full = engine.search(&request(0, usize::MAX));
                assert_eq!(full.hits.len(), full.total);
                for (offset, limit) in [
                    (0, 0),
                    (0, 1),
                    (0, 20),
                    (3, 7),
                    (50, 20),
                    (110, 20),
                    (500, 5),
                ] {
                    let page = engine.search(&request(offset, limit));
                    let start = offset.min(full.total);
                    let end = (offset + limit).min(full.total);
                    assert_eq!(
                        page.hits,
                        full.hits[start..end],
                        "{text:?} {sort} {offset} {limit}"
                    );
                    assert_eq!(page.total, full.total);
                    assert_eq!(page.facets, full.facets);
                }
            }
        }
    }
}
