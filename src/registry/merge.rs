//! Several registries shown as one: the widget's space-separated `registry`
//! URLs and the `convert` command's inputs.
//!
//! Datasets are merged in source order and the first dataset with a given
//! IRI wins, so a registry listed first can correct one listed later. A
//! source that failed is reported beside the others rather than hiding
//! them; a source shown from a saved copy is reported with the copy's date.

use crate::model::Catalog;
use std::collections::HashSet;

/// Catalogues added one after another into one.
#[derive(Default)]
pub struct Merger {
    catalog: Catalog,
    seen: HashSet<String>,
    added: usize,
}

impl Merger {
    /// Adds a catalogue's datasets; returns how many were already there
    /// (same IRI) and were dropped. The first catalogue gives the title;
    /// skipped-record counts and problems add up.
    pub fn add(&mut self, catalog: Catalog) -> usize {
        if self.added == 0 {
            self.catalog.title = catalog.title;
        }
        self.added += 1;
        self.catalog.skipped += catalog.skipped;
        self.catalog.problems.extend(catalog.problems);
        let mut duplicates = 0;
        for d in catalog.datasets {
            if self.seen.insert(d.id.clone()) {
                self.catalog.datasets.push(d);
            } else {
                duplicates += 1;
            }
        }
        duplicates
    }

    pub fn finish(self) -> Catalog {
        self.catalog
    }
}

/// One source as read: its catalogue, and when the copy shown was saved if
/// the source itself could not be reached (ISO 8601).
pub struct SourceCatalog {
    pub catalog: Catalog,
    pub saved_at: Option<String>,
}

/// The merged catalogue and what the person is told about its sources.
pub struct Merged<E> {
    pub catalog: Catalog,
    /// Sources that failed while others loaded: (url, why).
    pub failed: Vec<(String, E)>,
    /// Sources shown from a saved copy: (url, when it was saved).
    pub stale: Vec<(String, String)>,
}

/// Merges the sources that loaded. When none did, the first source and its
/// error are the answer (`None`: there were no sources at all).
pub fn merge_sources<E>(
    sources: impl IntoIterator<Item = (String, Result<SourceCatalog, E>)>,
) -> Result<Merged<E>, Option<(String, E)>> {
    let mut merger = Merger::default();
    let (mut failed, mut stale) = (Vec::new(), Vec::new());
    for (url, result) in sources {
        match result {
            Ok(source) => {
                if let Some(saved_at) = source.saved_at {
                    stale.push((url, saved_at));
                }
                merger.add(source.catalog);
            }
            Err(e) => failed.push((url, e)),
        }
    }
    if merger.added == 0 {
        return Err(failed.into_iter().next());
    }
    Ok(Merged {
        catalog: merger.finish(),
        failed,
        stale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, LangText};

    fn catalog(title: &str, ids: &[&str], skipped: usize) -> Catalog {
        Catalog {
            title: LangText::plain(title),
            datasets: ids
                .iter()
                .map(|id| Dataset {
                    id: id.to_string(),
                    title: LangText::plain(format!("{title} {id}")),
                    ..Default::default()
                })
                .collect(),
            skipped,
            ..Default::default()
        }
    }

    fn ok(c: Catalog) -> Result<SourceCatalog, &'static str> {
        Ok(SourceCatalog {
            catalog: c,
            saved_at: None,
        })
    }

    #[test]
    fn first_source_wins_a_shared_iri_and_counts_add_up() {
        let merged = merge_sources([
            ("a".to_string(), ok(catalog("A", &["1", "2"], 1))),
            ("b".to_string(), ok(catalog("B", &["2", "3"], 2))),
        ])
        .unwrap_or_else(|_| panic!("merges"));
        let ids: Vec<&str> = merged
            .catalog
            .datasets
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(merged.catalog.datasets[1].title.text(""), "A 2");
        assert_eq!(merged.catalog.title.text(""), "A");
        assert_eq!(merged.catalog.skipped, 3);
        assert!(merged.failed.is_empty() && merged.stale.is_empty());
    }

    #[test]
    fn a_failed_source_is_reported_while_the_others_show() {
        let merged = merge_sources([
            ("a".to_string(), Err("down")),
            (
                "b".to_string(),
                Ok(SourceCatalog {
                    catalog: catalog("B", &["1"], 0),
                    saved_at: Some("2026-01-02".into()),
                }),
            ),
        ])
        .unwrap_or_else(|_| panic!("merges"));
        assert_eq!(merged.catalog.datasets.len(), 1);
        assert_eq!(merged.failed, [("a".to_string(), "down")]);
        assert_eq!(merged.stale, [("b".to_string(), "2026-01-02".to_string())]);
    }

    #[test]
    fn nothing_loaded_gives_the_first_error_and_no_sources_gives_none() {
        let none = merge_sources([("a".to_string(), Err("x")), ("b".to_string(), Err("y"))]);
        assert_eq!(none.err(), Some(Some(("a".to_string(), "x"))));
        let empty = merge_sources(Vec::<(String, Result<SourceCatalog, &str>)>::new());
        assert_eq!(empty.err(), Some(None));
    }
}
