//! CKAN's `package_search` (`{base}/api/3/action/package_search`), as its
//! API documentation describes it: `q` (Solr query over the text index),
//! `fq` (filter queries), `facet.field` (a JSON list), `facet.limit`,
//! `rows` (at most 1000), `start`, `sort`. The answer is `{ success,
//! result: { count, results: [package], search_facets: { field: { items:
//! [{ name, display_name, count }] } } } }`; packages are read by the same
//! CKAN reader as a downloaded CKAN file.
//!
//! CKAN's API takes plain field names in `facet.field`, so Solr's tagged
//! exclusions cannot make a facet's counts ignore its own selection: each
//! selected facet costs one more request (`rows=0`) for its counts.

use super::{encode_component, plan, Planned, RemoteError, RemotePage};
use crate::search::{Facet, FacetCounts, Filters, Request, Sort};
use serde_json::Value;

pub const MAX_ROWS: usize = 1000;
pub const FACET_LIMIT: usize = 100;

/// The Solr field a facet is counted and filtered on.
pub fn field(facet: Facet) -> Option<&'static str> {
    Some(match facet {
        Facet::Publisher => "organization",
        Facet::Theme => "groups",
        Facet::Format => "res_format",
        Facet::License => "license_id",
        Facet::AccessRights | Facet::Quality => return None,
    })
}

pub struct Ckan {
    /// The portal's address, e.g. `https://www.envidat.ch`.
    pub base: String,
}

impl Ckan {
    pub fn new(base: &str) -> Ckan {
        let base = base.trim_end_matches('/');
        // Accept the API path as given too.
        let base = base
            .strip_suffix("/api/3/action/package_search")
            .or_else(|| base.strip_suffix("/api/3"))
            .unwrap_or(base);
        Ckan {
            base: base.to_string(),
        }
    }

    /// The page (with the counts of facets without a selection), plus one
    /// request per selected facet for its disjunctive counts.
    pub fn requests(&self, request: &Request, facets: &[Facet]) -> Vec<Planned> {
        let rows = request.limit.min(MAX_ROWS);
        plan(
            request,
            facets,
            |f| field(f).is_some(),
            |without, counted, page| {
                let r = &request;
                if page {
                    self.url(
                        &r.text, &r.filters, without, counted, r.sort, r.offset, rows,
                    )
                } else {
                    self.url(&r.text, &r.filters, without, counted, Sort::Relevance, 0, 0)
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
        start: usize,
        rows: usize,
    ) -> String {
        let mut url = format!(
            "{}/api/3/action/package_search?q={}",
            self.base,
            encode_component(text.trim())
        );
        let fq = filter_query(filters, without);
        if !fq.is_empty() {
            url.push_str("&fq=");
            url.push_str(&encode_component(&fq));
        }
        let fields: Vec<String> = facets
            .iter()
            .filter_map(|f| field(*f))
            .map(|f| format!("\"{f}\""))
            .collect();
        if !fields.is_empty() {
            url.push_str(&format!(
                "&facet.field={}&facet.limit={FACET_LIMIT}",
                encode_component(&format!("[{}]", fields.join(",")))
            ));
        }
        let sort = match sort {
            Sort::Title => Some("title_string asc"),
            Sort::Modified => Some("metadata_modified desc"),
            Sort::Relevance | Sort::Quality => None,
        };
        if let Some(s) = sort {
            url.push_str("&sort=");
            url.push_str(&encode_component(s));
        }
        url.push_str(&format!("&rows={rows}&start={start}"));
        url
    }

    /// Reads one answer.
    pub fn parse(text: &str) -> Result<RemotePage, RemoteError> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| RemoteError::Unreadable(e.to_string()))?;
        if v.get("success").and_then(Value::as_bool) == Some(false) {
            let message = v
                .pointer("/error/message")
                .and_then(Value::as_str)
                .unwrap_or("success: false")
                .to_string();
            return Err(RemoteError::Refused(message));
        }
        let result = v
            .get("result")
            .ok_or_else(|| RemoteError::Unreadable("no \"result\"".into()))?;
        let total = result
            .get("count")
            .and_then(Value::as_u64)
            .ok_or_else(|| RemoteError::Unreadable("no \"result.count\"".into()))?
            as usize;
        let n_results = result
            .get("results")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let (datasets, mut skipped) = if n_results == 0 {
            (Vec::new(), 0)
        } else {
            match crate::registry::read(text) {
                Ok(c) => (c.datasets, c.skipped),
                Err(_) => (Vec::new(), n_results),
            }
        };
        skipped = skipped.max(n_results.saturating_sub(datasets.len()));
        let mut facets = Vec::new();
        let mut publisher_names = Vec::new();
        if let Some(items) = result
            .pointer("/search_facets/organization/items")
            .and_then(Value::as_array)
        {
            for i in items {
                if let (Some(n), Some(d)) = (
                    i.get("name").and_then(Value::as_str),
                    i.get("display_name").and_then(Value::as_str),
                ) {
                    publisher_names.push((n.to_string(), d.to_string()));
                }
            }
        }
        if let Some(sf) = result.get("search_facets").and_then(Value::as_object) {
            for facet in Facet::ALL {
                let Some(items) = field(facet).and_then(|f| sf.get(f)?.get("items")?.as_array())
                else {
                    continue;
                };
                let mut values: Vec<(String, u32)> = items
                    .iter()
                    .filter_map(|i| {
                        Some((
                            i.get("name")?.as_str()?.to_string(),
                            i.get("count")?.as_u64()? as u32,
                        ))
                    })
                    .collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                facets.push(FacetCounts { facet, values });
            }
        }
        Ok(RemotePage {
            total,
            datasets,
            facets,
            skipped,
            publisher_names,
        })
    }
}

/// `fq`: OR within a facet, AND across, values quoted.
pub fn filter_query(filters: &Filters, without: Option<Facet>) -> String {
    let mut parts = Vec::new();
    for (facet, values) in filters.iter() {
        let Some(field) = field(facet).filter(|_| Some(facet) != without && !values.is_empty())
        else {
            continue;
        };
        let any: Vec<String> = values
            .iter()
            .map(|v| {
                format!(
                    "{field}:\"{}\"",
                    v.replace('\\', "\\\\").replace('"', "\\\"")
                )
            })
            .collect();
        parts.push(format!("({})", any.join(" OR ")));
    }
    parts.join(" AND ")
}
