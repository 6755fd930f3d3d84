//! Facets and disjunctive facet counts.
//!
//! Within a facet the selected values are OR-ed, across facets AND-ed. The
//! counts of a facet ignore that facet's own selection (so a person sees
//! how many results each further value would add), and are computed for
//! all facets in one pass over the text matches: a document that fails no
//! facet filter is a result and counts for every facet; a document that
//! fails exactly one facet's filter counts only for that facet.

use crate::model::Dataset;
use crate::vocab::format_label;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Publisher,
    Theme,
    Format,
    License,
    AccessRights,
}

/// The error of parsing an unknown facet name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFacet;

impl fmt::Display for UnknownFacet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown facet")
    }
}

impl std::error::Error for UnknownFacet {}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Publisher,
        Facet::Theme,
        Facet::Format,
        Facet::License,
        Facet::AccessRights,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Publisher => "publisher",
            Facet::Theme => "theme",
            Facet::Format => "format",
            Facet::License => "license",
            Facet::AccessRights => "access_rights",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for Facet {
    type Err = UnknownFacet;

    /// The names of [`Facet::as_str`], exactly (callers normalise `-`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Facet::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or(UnknownFacet)
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One facet's values with their disjunctive counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    /// Every value of the facet with its count, sorted by count (highest
    /// first), then key. Selected values are always included, also when
    /// they do not occur in the data (count 0).
    pub values: Vec<(String, u32)>,
}

/// The value keys of one dataset for a facet (deduplicated, in order of
/// appearance).
pub fn dataset_values(d: &Dataset, facet: Facet) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: &str| {
        let v = v.trim();
        if !v.is_empty() && !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    };
    match facet {
        Facet::Publisher => {
            if let Some(k) = d.publisher_key() {
                push(k)
            }
        }
        Facet::Theme => d.themes.iter().for_each(|t| push(t)),
        Facet::Format => {
            for dist in &d.distributions {
                let label = dist
                    .format
                    .as_deref()
                    .and_then(format_label)
                    .or_else(|| dist.media_type.as_deref().and_then(format_label));
                if let Some(l) = label {
                    push(&l)
                }
            }
        }
        Facet::License => {
            // DCAT-AP puts the licence on distributions; a dataset-level
            // licence (some registries) counts too.
            if let Some(l) = &d.license {
                push(l)
            }
            for dist in &d.distributions {
                if let Some(l) = &dist.license {
                    push(l)
                }
            }
        }
        Facet::AccessRights => {
            if let Some(a) = &d.access_rights {
                push(a)
            }
        }
    }
    out
}

/// One facet's values and each document's value ids.
struct Column {
    /// Sorted, distinct value keys.
    values: Vec<String>,
    /// `ids[start[d]..start[d + 1]]` are document `d`'s value ids.
    start: Vec<u32>,
    ids: Vec<u32>,
}

impl Column {
    fn build(datasets: &[Dataset], facet: Facet) -> Column {
        let per_doc: Vec<Vec<String>> = datasets.iter().map(|d| dataset_values(d, facet)).collect();
        let values: Vec<String> = per_doc
            .iter()
            .flatten()
            .cloned()
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect();
        let mut start = Vec::with_capacity(datasets.len() + 1);
        let mut ids = Vec::new();
        start.push(0);
        for vals in &per_doc {
            for v in vals {
                // Present by construction.
                if let Ok(i) = values.binary_search(v) {
                    ids.push(i as u32);
                }
            }
            start.push(ids.len() as u32);
        }
        Column { values, start, ids }
    }

    /// Document `doc`'s value ids (none for an index out of range).
    #[inline]
    fn doc_ids(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        match (self.start.get(d), self.start.get(d + 1)) {
            (Some(&a), Some(&b)) => &self.ids[a as usize..b as usize],
            _ => &[],
        }
    }
}

pub struct FacetIndex {
    columns: Vec<Column>,
}

/// Reusable buffers for [`FacetIndex::filter_and_count`].
#[derive(Default)]
pub struct FacetScratch {
    active: [bool; 5],
    selected: [Vec<bool>; 5],
    counts: [Vec<u32>; 5],
    /// Selected values that are not in the data, per facet.
    unknown: [Vec<String>; 5],
}

impl FacetIndex {
    pub fn build(datasets: &[Dataset]) -> FacetIndex {
        FacetIndex {
            columns: Facet::ALL
                .iter()
                .map(|&f| Column::build(datasets, f))
                .collect(),
        }
    }

    /// All value keys of a facet, sorted.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.columns[facet.index()].values
    }

    /// The value keys of a document for a facet.
    pub fn doc_values(&self, facet: Facet, doc: u32) -> impl Iterator<Item = &str> + '_ {
        let c = &self.columns[facet.index()];
        c.doc_ids(doc)
            .iter()
            .map(move |&i| c.values[i as usize].as_str())
    }

    /// Keeps in `docs` the documents passing every facet filter (order
    /// preserved) and returns the disjunctive counts of every facet, in
    /// [`Facet::ALL`] order.
    pub fn filter_and_count(
        &self,
        docs: &mut Vec<u32>,
        filters: &[(Facet, Vec<String>)],
        scratch: &mut FacetScratch,
    ) -> Vec<FacetCounts> {
        for (fi, c) in self.columns.iter().enumerate() {
            scratch.active[fi] = false;
            scratch.selected[fi].clear();
            scratch.selected[fi].resize(c.values.len(), false);
            scratch.counts[fi].clear();
            scratch.counts[fi].resize(c.values.len(), 0);
            scratch.unknown[fi].clear();
        }
        for (facet, values) in filters {
            let fi = facet.index();
            let c = &self.columns[fi];
            for v in values {
                scratch.active[fi] = true;
                match c.values.binary_search(v) {
                    Ok(i) => scratch.selected[fi][i] = true,
                    Err(_) => {
                        if !scratch.unknown[fi].contains(v) {
                            scratch.unknown[fi].push(v.clone());
                        }
                    }
                }
            }
        }

        let cols = &self.columns;
        let FacetScratch {
            active,
            selected,
            counts,
            ..
        } = scratch;
        docs.retain(|&doc| {
            let mut failed = 0;
            let mut failed_facet = 0;
            for fi in 0..cols.len() {
                if active[fi]
                    && !cols[fi]
                        .doc_ids(doc)
                        .iter()
                        .any(|&v| selected[fi][v as usize])
                {
                    failed += 1;
                    failed_facet = fi;
                    if failed > 1 {
                        return false;
                    }
                }
            }
            if failed == 0 {
                for fi in 0..cols.len() {
                    for &v in cols[fi].doc_ids(doc) {
                        counts[fi][v as usize] += 1;
                    }
                }
                true
            } else {
                for &v in cols[failed_facet].doc_ids(doc) {
                    counts[failed_facet][v as usize] += 1;
                }
                false
            }
        });

        Facet::ALL
            .iter()
            .map(|&facet| {
                let fi = facet.index();
                let c = &self.columns[fi];
                let mut values: Vec<(String, u32)> =
                    Vec::with_capacity(c.values.len() + scratch.unknown[fi].len());
                values.extend(
                    c.values
                        .iter()
                        .zip(&scratch.counts[fi])
                        .map(|(v, &n)| (v.clone(), n)),
                );
                values.extend(scratch.unknown[fi].iter().map(|v| (v.clone(), 0)));
                values.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                FacetCounts { facet, values }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Distribution;

    #[test]
    fn names_round_trip() {
        for f in Facet::ALL {
            assert_eq!(f.as_str().parse::<Facet>(), Ok(f));
        }
        assert!("Theme".parse::<Facet>().is_err());
        assert!("".parse::<Facet>().is_err());
    }

    #[test]
    fn formats_are_normalised_and_deduplicated() {
        let dist = |format: Option<&str>, media: Option<&str>| Distribution {
            format: format.map(str::to_string),
            media_type: media.map(str::to_string),
            ..Default::default()
        };
        let d = Dataset {
            distributions: vec![
                dist(
                    Some("http://publications.europa.eu/resource/authority/file-type/CSV"),
                    None,
                ),
                dist(Some("text/csv"), None),
                dist(
                    None,
                    Some("https://www.iana.org/assignments/media-types/application/json"),
                ),
                dist(Some(" csv "), None),
                dist(Some(""), None),
            ],
            ..Default::default()
        };
        assert_eq!(dataset_values(&d, Facet::Format), ["CSV", "JSON"]);
    }

    #[test]
    fn licence_comes_from_dataset_and_distributions() {
        let d = Dataset {
            license: Some("A".into()),
            distributions: vec![
                Distribution {
                    license: Some("B".into()),
                    ..Default::default()
                },
                Distribution {
                    license: Some("A".into()),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        assert_eq!(dataset_values(&d, Facet::License), ["A", "B"]);
    }
}
