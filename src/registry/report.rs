//! What a read reports besides its datasets, in one place for every reader:
//! records that were left out ([`Catalog::skipped`], always exact) and why,
//! with other problems worth telling ([`Catalog::problems`], at most
//! [`MAX_PROBLEMS`]).
//!
//! Every reason is added through [`note`] (or [`skip`], [`note_first`]), so
//! the cap is applied the same way everywhere: the first reasons are kept
//! and later ones are dropped, which is exactly the first `MAX_PROBLEMS` of
//! all of them. The RDF parsers collect reasons before there is a
//! catalogue, so these work on the plain list too.

use crate::model::{Catalog, Dataset};
use std::collections::HashSet;

/// How many problems are described in `Catalog::problems`; the skipped
/// count stays exact.
pub(crate) const MAX_PROBLEMS: usize = 50;

/// Describes a problem while there is room for it.
pub(crate) fn note(problems: &mut Vec<String>, reason: String) {
    if problems.len() < MAX_PROBLEMS {
        problems.push(reason);
    }
}

/// Describes a problem about the whole read (a repair, a second reading)
/// before the per-record ones; when the list is full, its last reason
/// gives way.
pub(crate) fn note_first(problems: &mut Vec<String>, reason: String) {
    problems.insert(0, reason);
    problems.truncate(MAX_PROBLEMS);
}

/// A record left out: counted, and described while there is room.
pub(crate) fn skip(catalog: &mut Catalog, reason: String) {
    catalog.skipped += 1;
    note(&mut catalog.problems, reason);
}

/// Adds a dataset unless its id is taken (then it is skipped and counted:
/// the first dataset with an id wins).
pub(crate) fn push_dataset(catalog: &mut Catalog, seen: &mut HashSet<String>, dataset: Dataset) {
    if seen.insert(dataset.id.clone()) {
        catalog.datasets.push(dataset);
    } else {
        let reason = format!("dataset skipped: duplicate id {}", dataset.id);
        skip(catalog, reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_is_exact_and_the_reasons_capped() {
        let mut c = Catalog::default();
        for i in 0..MAX_PROBLEMS + 5 {
            skip(&mut c, format!("r{i}"));
        }
        assert_eq!(c.skipped, MAX_PROBLEMS + 5);
        assert_eq!(c.problems.len(), MAX_PROBLEMS);
        assert_eq!(c.problems.last().map(String::as_str), Some("r49"));
        note_first(&mut c.problems, "summary".into());
        assert_eq!(c.problems.len(), MAX_PROBLEMS);
        assert_eq!(c.problems[0], "summary");
        assert_eq!(c.problems[MAX_PROBLEMS - 1], "r48");
    }

    #[test]
    fn a_duplicate_id_is_skipped() {
        let mut c = Catalog::default();
        let mut seen = HashSet::new();
        let d = Dataset {
            id: "x".into(),
            ..Dataset::default()
        };
        push_dataset(&mut c, &mut seen, d.clone());
        push_dataset(&mut c, &mut seen, d);
        assert_eq!((c.datasets.len(), c.skipped), (1, 1));
        assert_eq!(c.problems, ["dataset skipped: duplicate id x"]);
    }
}
