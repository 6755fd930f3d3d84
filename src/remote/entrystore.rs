//! EntryStore's Solr search (`{base}/search?type=solr`), the service behind
//! dataportal.se's registry. What it accepts and answers, from the server's
//! `SearchResource.java` / `SolrSearchIndex.java` and its JS client's
//! `SolrQuery.js` (MetaSolutionsAB/entrystore, entrystore.js):
//!
//! * `query` is Solr syntax over the entry index: `rdfType`, `public`,
//!   n-gram text fields `title`, `description`, `tag.literal` (word
//!   fragments of 3–25 letters: a shorter word must be written as a prefix,
//!   `ab*`, or the server answers "Query too short"), exact-string facet
//!   fields `metadata.predicate.uri.<h>` / `metadata.predicate.literal_s.<h>`
//!   where `<h>` is the first 8 hex digits of the MD5 of the predicate IRI;
//!   values are escaped as the JS client does (`:` `(` `)` backslashed);
//! * `limit` is capped at 100 by the server, `offset`, `sort` (`title.sv
//!   asc`, `modified desc`; default `score desc, modified desc`),
//!   `facetFields`, `facetLimit`;
//! * the answer: `results` (the total), `resource.children[]` each with
//!   `metadata`, the entry's RDF/JSON graph, and `facetFields[]` of `{ name,
//!   valueCount, values: [{ name, count }] }`.
//!
//! Facet counts must ignore their own facet's selection (disjunctive, as
//! the in-page engine): Solr's tagged exclusions are not reachable through
//! this API, so each selected facet costs one more request for its counts
//! ([`EntryStore::requests`]).

use super::md5::md5_prefix8;
use super::{encode_component, plan, push_sort, Planned, RemoteError, RemotePage};
use crate::search::{Facet, FacetCounts, Filters, Request, Sort};
use serde_json::Value;

/// The server's cap on `limit`.
pub const MAX_LIMIT: usize = 100;
/// Facet values asked for per facet.
pub const FACET_LIMIT: usize = 100;
/// The JS client cuts query words to this many letters (the n-gram
/// fields' longest fragment is 25).
const MAX_WORD: usize = 15;
/// The n-gram fields' shortest fragment.
const MIN_WORD: usize = 3;

const DATASET_CLASS: &str = "http://www.w3.org/ns/dcat#Dataset";

/// How a facet is indexed: the predicate and whether its values are IRIs
/// (`uri`) or literals (`literal_s`).
fn predicate(facet: Facet) -> Option<(&'static str, &'static str)> {
    Some(match facet {
        Facet::Publisher => ("http://purl.org/dc/terms/publisher", "uri"),
        Facet::Theme => ("http://www.w3.org/ns/dcat#theme", "uri"),
        Facet::License => ("http://purl.org/dc/terms/license", "uri"),
        Facet::AccessRights => ("http://purl.org/dc/terms/accessRights", "uri"),
        Facet::Format => ("http://purl.org/dc/terms/format", "literal_s"),
        Facet::Quality => return None,
    })
}

/// The Solr field a facet is counted and filtered on.
pub fn field(facet: Facet) -> Option<String> {
    let (iri, kind) = predicate(facet)?;
    Some(format!("metadata.predicate.{kind}.{}", md5_prefix8(iri)))
}

/// A value escaped as EntryStore's JS client escapes it.
pub fn escape(value: &str) -> String {
    value
        .replace(':', "\\:")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

pub struct EntryStore {
    /// The store's base URL, e.g. `https://admin.dataportal.se/store`.
    pub base: String,
}

impl EntryStore {
    pub fn new(base: &str) -> EntryStore {
        EntryStore {
            base: base.trim_end_matches('/').to_string(),
        }
    }

    /// The requests that answer `request` with counts for `facets`: the
    /// page, plus one per selected facet for its disjunctive counts.
    pub fn requests(&self, request: &Request, facets: &[Facet], lang: &str) -> Vec<Planned> {
        let limit = request.limit.clamp(1, MAX_LIMIT);
        plan(
            request,
            facets,
            |f| field(f).is_some(),
            |without, counted, page| {
                let r = &request;
                if page {
                    self.url(
                        &r.text, &r.filters, without, counted, r.sort, lang, r.offset, limit,
                    )
                } else {
                    // At least one hit: the server reports 0 results when it
                    // returns no entry.
                    self.url(
                        &r.text,
                        &r.filters,
                        without,
                        counted,
                        Sort::Relevance,
                        lang,
                        0,
                        1,
                    )
                }
            },
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn url(
        &self,
        text: &str,
        filters: &Filters,
        without: Option<Facet>,
        facets: &[Facet],
        sort: Sort,
        lang: &str,
        offset: usize,
        limit: usize,
    ) -> String {
        let mut url = format!(
            "{}/search?type=solr&query={}&limit={limit}&offset={offset}",
            self.base,
            encode_component(&query(text, filters, without))
        );
        push_sort(&mut url, sort, lang);
        let fields: Vec<String> = facets.iter().filter_map(|f| field(*f)).collect();
        if !fields.is_empty() {
            url.push_str(&format!(
                "&facetFields={}&facetLimit={FACET_LIMIT}",
                encode_component(&fields.join(","))
            ));
        }
        url
    }

    /// Reads one answer. Facet field names are mapped back to facets.
    pub fn parse(text: &str) -> Result<RemotePage, RemoteError> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| RemoteError::Unreadable(e.to_string()))?;
        if let Some(error) = v.get("error").and_then(Value::as_str) {
            return Err(RemoteError::Refused(error.to_string()));
        }
        let total = v
            .get("results")
            .and_then(Value::as_u64)
            .ok_or_else(|| RemoteError::Unreadable("no \"results\" count".into()))?
            as usize;
        let children = v
            .pointer("/resource/children")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let graphs: Vec<&serde_json::Map<String, Value>> = children
            .iter()
            .filter_map(|c| c.get("metadata")?.as_object())
            .collect();
        let mut skipped = children.len() - graphs.len();
        let datasets = if graphs.is_empty() {
            Vec::new()
        } else {
            match crate::registry::rdf_json::read_graphs(graphs.iter().copied()) {
                Ok(c) => {
                    skipped += c.skipped;
                    c.datasets
                }
                Err(_) => {
                    skipped += graphs.len();
                    Vec::new()
                }
            }
        };
        let facets = v
            .get("facetFields")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|ff| {
                let name = ff.get("name")?.as_str()?;
                // A literal facet asked for as `literal` comes back as
                // `literal_s`.
                let facet = Facet::ALL
                    .into_iter()
                    .find(|f| field(*f).as_deref() == Some(name))?;
                let values = ff
                    .get("values")?
                    .as_array()?
                    .iter()
                    .filter_map(|x| {
                        Some((
                            x.get("name")?.as_str()?.to_string(),
                            x.get("count")?.as_u64()? as u32,
                        ))
                    })
                    .collect();
                Some(FacetCounts { facet, values })
            })
            .collect();
        Ok(RemotePage {
            total,
            datasets,
            facets,
            skipped,
            publisher_names: Vec::new(),
        })
    }
}

/// The Solr query: public datasets, every word in the title, description
/// or a keyword, and the filters (OR within a facet, AND across), leaving
/// out `without`'s.
pub fn query(text: &str, filters: &Filters, without: Option<Facet>) -> String {
    let mut q = format!("rdfType:{} AND public:true", escape(DATASET_CLASS));
    crate::search::normalize::for_each_word(text, |w| {
        let mut word: String = w.chars().take(MAX_WORD).collect::<String>().to_lowercase();
        word = escape(&word);
        if w.chars().count() < MIN_WORD {
            word.push('*');
        }
        q.push_str(&format!(
            " AND (title:{word} OR description:{word} OR tag.literal:{word})"
        ));
    });
    for (facet, values) in filters.iter() {
        if Some(facet) == without || values.is_empty() {
            continue;
        }
        let Some(field) = field(facet) else { continue };
        let any: Vec<String> = values
            .iter()
            .map(|v| format!("{field}:{}", escape(v)))
            .collect();
        q.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    q
}
