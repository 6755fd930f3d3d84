//! Facets and disjunctive facet counts.
//!
//! Within a facet the selected values are OR-ed, across facets AND-ed. The
//! counts of a facet ignore that facet's own selection (so a person sees
//! how many results each further value would add), and are computed for
//! all facets in one pass over the text matches: a document that fails no
//! facet filter is a result and counts for every facet; a document that
//! fails exactly one facet's filter counts only for that facet.

use super::fxhash::{map_with_capacity, FxHashMap};
use crate::model::Dataset;
#[cfg(test)]
use crate::vocab::distribution_format;
use crate::vocab::format_label;
use std::borrow::Cow;

pub use super::facet::Facet;
use super::filters::Filters;

/// One facet's values with their disjunctive counts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FacetCounts {
    pub facet: Facet,
    /// Every value of the facet with its count, sorted by count (highest
    /// first), then key. Selected values are always included, also when
    /// they do not occur in the data (count 0).
    pub values: Vec<(String, u32)>,
}

/// The value keys of one dataset for a facet (deduplicated, in order of
/// appearance): the rule the index applies, written plainly, for its tests.
#[cfg(test)]
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
                if let Some(l) = distribution_format(dist) {
                    push(&l)
                }
            }
        }
        Facet::License => {
            for l in d.licences() {
                push(l)
            }
        }
        Facet::Quality => {
            if let Some(q) = d.quality {
                push(quality_code(q))
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

/// Distinct facet values in order of first appearance.
#[derive(Default)]
struct Interner<'a> {
    ids: FxHashMap<Cow<'a, str>, u32>,
    values: Vec<Cow<'a, str>>,
}

impl<'a> Interner<'a> {
    /// The id of a value from the data (trimmed; blank → `None`).
    fn borrowed(&mut self, v: &'a str) -> Option<u32> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        if let Some(&id) = self.ids.get(v) {
            return Some(id);
        }
        Some(self.insert(Cow::Borrowed(v)))
    }

    /// The id of a computed value (trimmed; blank → `None`).
    fn owned(&mut self, v: String) -> Option<u32> {
        let t = v.trim();
        if t.is_empty() {
            return None;
        }
        if let Some(&id) = self.ids.get(t) {
            return Some(id);
        }
        let v = if t.len() == v.len() { v } else { t.to_string() };
        Some(self.insert(Cow::Owned(v)))
    }

    fn insert(&mut self, v: Cow<'a, str>) -> u32 {
        let id = self.values.len() as u32;
        self.values.push(v.clone());
        self.ids.insert(v, id);
        id
    }
}

/// One facet's values and each document's value ids.
struct Column {
    /// Sorted, distinct value keys.
    values: Vec<String>,
    /// `ids[start[d]..start[d + 1]]` are document `d`'s value ids.
    start: Vec<u32>,
    ids: Vec<u32>,
}

/// Builds a [`Column`] one document at a time, with the same values as
/// [`dataset_values`] per document but without a string per document:
/// values are interned as they are met (borrowed from the datasets),
/// `format_label` runs once per distinct raw format, and the distinct
/// values are sorted once at the end.
struct ColumnBuilder<'a> {
    facet: Facet,
    interner: Interner<'a>,
    /// Raw format or media type → its label's value id (None: no label).
    formats: FxHashMap<&'a str, Option<u32>>,
    start: Vec<u32>,
    ids: Vec<u32>,
}

impl<'a> ColumnBuilder<'a> {
    fn new(facet: Facet, n_docs: usize) -> Self {
        let mut start = Vec::with_capacity(n_docs + 1);
        start.push(0);
        ColumnBuilder {
            facet,
            interner: Interner::default(),
            formats: map_with_capacity(64),
            start,
            ids: Vec::with_capacity(n_docs),
        }
    }

    fn add_doc(&mut self, d: &'a Dataset) {
        let ColumnBuilder {
            interner,
            formats,
            ids,
            ..
        } = self;
        let first = ids.len();
        let mut push = |id: u32| {
            if !ids[first..].contains(&id) {
                ids.push(id);
            }
        };
        match self.facet {
            Facet::Publisher => {
                if let Some(id) = d.publisher_key().and_then(|k| interner.borrowed(k)) {
                    push(id)
                }
            }
            Facet::Theme => {
                for t in &d.themes {
                    if let Some(id) = interner.borrowed(t) {
                        push(id)
                    }
                }
            }
            Facet::Format => {
                for dist in &d.distributions {
                    let mut label = |raw: Option<&'a str>| -> Option<u32> {
                        let raw = raw?;
                        *formats
                            .entry(raw)
                            .or_insert_with(|| interner.owned(format_label(raw)?))
                    };
                    if let Some(id) =
                        label(dist.format.as_deref()).or_else(|| label(dist.media_type.as_deref()))
                    {
                        push(id)
                    }
                }
            }
            Facet::License => {
                for l in d.licences() {
                    if let Some(id) = interner.borrowed(l) {
                        push(id)
                    }
                }
            }
            Facet::AccessRights => {
                if let Some(id) = d
                    .access_rights
                    .as_deref()
                    .and_then(|a| interner.borrowed(a))
                {
                    push(id)
                }
            }
            Facet::Quality => {
                if let Some(id) = d.quality.and_then(|q| interner.borrowed(quality_code(q))) {
                    push(id)
                }
            }
        }
        self.start.push(self.ids.len() as u32);
    }

    fn finish(self) -> Column {
        // Distinct values sorted; ids renumbered to match.
        let ColumnBuilder {
            interner,
            start,
            mut ids,
            ..
        } = self;
        let found = interner.values;
        let mut order: Vec<u32> = (0..found.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| found[a as usize].cmp(&found[b as usize]));
        let mut new_id = vec![0u32; found.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        for id in &mut ids {
            *id = new_id[*id as usize];
        }
        let mut found: Vec<Option<Cow<'_, str>>> = found.into_iter().map(Some).collect();
        let values = order
            .iter()
            .map(|&old| found[old as usize].take().unwrap_or_default().into_owned())
            .collect();
        Column { values, start, ids }
    }
}

impl Column {
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

/// One document into every column. Not inlined, so that in wasm the
/// engine can optimise it after the first documents.
#[inline(never)]
fn add_doc<'a>(builders: &mut [ColumnBuilder<'a>], d: &'a Dataset) {
    for b in builders {
        b.add_doc(d);
    }
}

pub struct FacetIndex {
    columns: Vec<Column>,
    /// Per column, each value's count over all documents.
    all_counts: Vec<Vec<u32>>,
}

/// Reusable buffers for [`FacetIndex::filter_and_count`].
#[derive(Default)]
pub struct FacetScratch {
    active: [bool; Facet::COUNT],
    selected: [Vec<bool>; Facet::COUNT],
    counts: [Vec<u32>; Facet::COUNT],
    /// Selected values that are not in the data, per facet.
    unknown: [Vec<String>; Facet::COUNT],
    /// A bit per document: is it a result.
    member: Vec<u64>,
}

impl FacetIndex {
    pub fn build(datasets: &[Dataset]) -> FacetIndex {
        // One pass over the datasets for all facets.
        let mut builders = Facet::ALL.map(|f| ColumnBuilder::new(f, datasets.len()));
        for d in datasets {
            add_doc(&mut builders, d);
        }
        let columns: Vec<Column> = builders.into_iter().map(ColumnBuilder::finish).collect();
        let all_counts = columns
            .iter()
            .map(|c| {
                let mut counts = vec![0u32; c.values.len()];
                for &v in &c.ids {
                    counts[v as usize] += 1;
                }
                counts
            })
            .collect();
        FacetIndex {
            columns,
            all_counts,
        }
    }

    /// All value keys of a facet, sorted.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.columns[facet.index()].values
    }

    /// The value keys of a document for a facet.
    #[cfg(test)]
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
        filters: &Filters,
        scratch: &mut FacetScratch,
    ) -> Vec<FacetCounts> {
        self.select(filters, scratch);
        if scratch.active.iter().any(|&a| a) {
            Self::filter(&self.columns, docs, scratch);
        } else if docs.len() > self.n_docs() / 2 {
            self.count_all_but_missing(docs, scratch);
        } else {
            self.count_each(docs, scratch);
        }
        self.collect_counts(scratch)
    }

    fn n_docs(&self) -> usize {
        self.columns
            .first()
            .map_or(0, |c| c.start.len().saturating_sub(1))
    }

    /// Marks the selected values of each facet in `scratch` (and keeps the
    /// selected values the data does not have, to list them with 0).
    fn select(&self, filters: &Filters, scratch: &mut FacetScratch) {
        for (fi, c) in self.columns.iter().enumerate() {
            scratch.active[fi] = false;
            scratch.selected[fi].clear();
            scratch.selected[fi].resize(c.values.len(), false);
            scratch.counts[fi].clear();
            scratch.counts[fi].resize(c.values.len(), 0);
            scratch.unknown[fi].clear();
        }
        for (facet, values) in filters.iter() {
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
    }

    /// No filter, most documents are results: every facet's counts are
    /// those of all documents less those of the few that are not.
    fn count_all_but_missing(&self, docs: &[u32], scratch: &mut FacetScratch) {
        let n_docs = self.n_docs();
        let member = &mut scratch.member;
        member.clear();
        member.resize(n_docs.div_ceil(64), 0);
        for &d in docs {
            if let Some(w) = member.get_mut(d as usize / 64) {
                *w |= 1 << (d % 64);
            }
        }
        for ((c, counts), all) in self
            .columns
            .iter()
            .zip(scratch.counts.iter_mut())
            .zip(&self.all_counts)
        {
            counts.copy_from_slice(all);
            for (i, &w) in member.iter().enumerate() {
                let mut missing = !w;
                while missing != 0 {
                    let d = i * 64 + missing.trailing_zeros() as usize;
                    missing &= missing - 1;
                    if d >= n_docs {
                        break;
                    }
                    for &v in c.doc_ids(d as u32) {
                        counts[v as usize] -= 1;
                    }
                }
            }
        }
    }

    /// No filter, few results: count each result's values.
    fn count_each(&self, docs: &[u32], scratch: &mut FacetScratch) {
        for (c, counts) in self.columns.iter().zip(scratch.counts.iter_mut()) {
            for &doc in docs {
                for &v in c.doc_ids(doc) {
                    counts[v as usize] += 1;
                }
            }
        }
    }

    /// Each facet's values with their counts, highest first, the selected
    /// values the data does not have listed with 0.
    fn collect_counts(&self, scratch: &FacetScratch) -> Vec<FacetCounts> {
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

    /// The filtered case of [`FacetIndex::filter_and_count`].
    fn filter(cols: &[Column], docs: &mut Vec<u32>, scratch: &mut FacetScratch) {
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
    }
}

/// A dataset's quality facet value: its rating's code.
fn quality_code(q: crate::model::Quality) -> &'static str {
    crate::quality::Rating::of(q.points, q.max).code()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Distribution;

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
    fn index_values_equal_dataset_values() {
        let raw = [
            Some("http://publications.europa.eu/resource/authority/file-type/CSV"),
            Some("text/csv"),
            Some(" csv "),
            Some(""),
            None,
            Some("application/json"),
            Some(".xlsx"),
            Some("   "),
        ];
        let datasets: Vec<Dataset> = (0..50usize)
            .map(|i| Dataset {
                themes: (0..i % 3).map(|k| format!(" t{} ", (i + k) % 4)).collect(),
                license: (i % 4 == 0).then(|| format!("L{}", i % 3)),
                access_rights: (i % 5 != 0).then(|| ["open", " open", ""][i % 3].to_string()),
                distributions: (0..i % 4)
                    .map(|k| Distribution {
                        format: raw[(i + k) % raw.len()].map(str::to_string),
                        media_type: raw[(i * 3 + k) % raw.len()].map(str::to_string),
                        license: (k % 2 == 1).then(|| format!("L{}", (i + k) % 3)),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
            .collect();
        let index = FacetIndex::build(&datasets);
        // Unfiltered counts, for few and for most documents (counted
        // directly, or as all less the rest).
        let mut scratch = FacetScratch::default();
        for keep in [0usize, 1, 2, 3, 5, 7, 50] {
            let mut docs: Vec<u32> = (0..datasets.len() as u32)
                .filter(|d| keep != 0 && (*d as usize % keep != 1))
                .rev()
                .collect();
            let counts = index.filter_and_count(&mut docs, &Filters::new(), &mut scratch);
            for fc in counts {
                for (value, n) in fc.values {
                    let expected = docs
                        .iter()
                        .filter(|&&d| {
                            dataset_values(&datasets[d as usize], fc.facet).contains(&value)
                        })
                        .count();
                    assert_eq!(n as usize, expected, "{} {value} keep {keep}", fc.facet);
                }
            }
        }
        for facet in Facet::ALL {
            let mut all: Vec<String> = Vec::new();
            for (doc, d) in datasets.iter().enumerate() {
                let expected = dataset_values(d, facet);
                let got: Vec<&str> = index.doc_values(facet, doc as u32).collect();
                assert_eq!(got, expected, "{facet} of {doc}");
                all.extend(expected);
            }
            all.sort();
            all.dedup();
            assert_eq!(index.values(facet), all.as_slice(), "{facet}");
        }
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
