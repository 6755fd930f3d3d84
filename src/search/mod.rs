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

pub mod facets;
pub mod index;
pub mod normalize;
pub mod query;
pub mod sort;
pub mod stem;

pub use facets::{Facet, FacetCounts};
pub use sort::{swedish_fallback_cmp, Sort};

use crate::model::Dataset;
use facets::{FacetIndex, FacetScratch};
use index::Index;
use query::Matcher;
use stem::Stemmers;

/// What the UI asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    /// The search box, as typed.
    pub text: String,
    /// Selected facet values; values that are not in the data match
    /// nothing. A facet with an empty list is not filtered.
    pub filters: Vec<(Facet, Vec<String>)>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

/// What the UI gets back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    /// Number of datasets matching the text and all filters.
    pub total: usize,
    /// Dataset indices (into the slice given to [`Engine::new`]) of the
    /// requested page, in order.
    pub hits: Vec<u32>,
    /// Disjunctive counts of every facet, in [`Facet::ALL`] order.
    pub facets: Vec<FacetCounts>,
}

pub struct Engine {
    stemmers: Stemmers,
    index: Index,
    facets: FacetIndex,
    title_rank: Vec<u32>,
    modified_rank: Vec<u32>,
    matcher: Matcher,
    facet_scratch: FacetScratch,
    docs: Vec<u32>,
}

impl Engine {
    /// Builds the index. `lang` is the UI language (`sv`/`en`) and decides
    /// which title is sorted on; `title_cmp` is the title collation (in the
    /// browser `Intl.Collator(lang)`, natively [`swedish_fallback_cmp`]).
    pub fn new(
        datasets: &[Dataset],
        lang: &str,
        title_cmp: &dyn Fn(&str, &str) -> std::cmp::Ordering,
    ) -> Engine {
        let stemmers = Stemmers::new();
        let index = Index::build(datasets, &stemmers);
        let title_rank = sort::title_ranks(datasets, lang, title_cmp);
        let modified_rank = sort::modified_ranks(datasets, &title_rank);
        Engine {
            stemmers,
            index,
            facets: FacetIndex::build(datasets),
            title_rank,
            modified_rank,
            matcher: Matcher::new(datasets.len()),
            facet_scratch: FacetScratch::default(),
            docs: Vec::with_capacity(datasets.len()),
        }
    }

    /// Number of datasets indexed.
    pub fn len(&self) -> usize {
        self.index.n_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn search(&mut self, request: &Request) -> Response {
        let words = query::parse(&request.text, &self.stemmers);
        if words.is_empty() {
            self.docs.clear();
            self.docs.extend(0..self.index.n_docs() as u32);
        } else {
            self.matcher.run(&self.index, &words, &mut self.docs);
        }
        let facets =
            self.facets
                .filter_and_count(&mut self.docs, &request.filters, &mut self.facet_scratch);

        let (title, modified) = (&self.title_rank, &self.modified_rank);
        match request.sort {
            Sort::Relevance if !words.is_empty() => {
                let m = &self.matcher;
                self.docs.sort_unstable_by(|&a, &b| {
                    m.score(b)
                        .total_cmp(&m.score(a))
                        .then(title[a as usize].cmp(&title[b as usize]))
                });
            }
            Sort::Relevance | Sort::Modified => {
                self.docs.sort_unstable_by_key(|&d| modified[d as usize])
            }
            Sort::Title => self.docs.sort_unstable_by_key(|&d| title[d as usize]),
        }

        let total = self.docs.len();
        let start = request.offset.min(total);
        let end = request.offset.saturating_add(request.limit).min(total);
        Response {
            total,
            hits: self.docs[start..end].to_vec(),
            facets,
        }
    }

    /// All value keys of a facet, sorted.
    pub fn facet_values(&self, facet: Facet) -> &[String] {
        self.facets.values(facet)
    }

    /// The value keys of one dataset for a facet (e.g. its normalised
    /// format labels).
    pub fn dataset_facet_values(&self, doc: u32, facet: Facet) -> impl Iterator<Item = &str> + '_ {
        self.facets.doc_values(facet, doc)
    }
}
