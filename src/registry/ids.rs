//! Ids for datasets that have neither an IRI nor an identifier.
//!
//! A dataset needs an id (search, links to it, merging sources), and it has
//! to be the same on every run and every platform, so it is a hash of the
//! dataset's own content, spelled as a blank node label (`_:dataset-…`):
//! local to this file, and never mistaken for an IRI when written back.
//!
//! What is hashed depends on the reader, on purpose:
//!
//! * the registry fast path (`jsonld`) hashes the record's raw JSON text:
//!   it has the bytes at hand for free, and a record repeated byte for byte
//!   is the same record, so its second copy is skipped as a duplicate;
//! * the readers that build datasets from parsed values (`dcat_graph` for
//!   RDF and JSON-LD, `ckan`, `datajson`) hash the title and description
//!   ([`from_texts`]): they have no stable text of the record (RDF/XML,
//!   Turtle and JSON-LD spell the same dataset in many ways, and blank
//!   node labels change from run to run), and two records with the same
//!   title and description are still two datasets, so later ones get a
//!   `-2`, `-3` … suffix.

use crate::model::LangText;
use std::collections::HashSet;

/// 64-bit FNV-1a over the parts in order: tiny, and the same on every
/// platform and run and with every compiler (std's `DefaultHasher` may
/// change between Rust versions, which would change every id).
pub(crate) fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    parts
        .into_iter()
        .flatten()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, b| {
            (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The one spelling of a generated id: `_:dataset-{hash}`, with `-2`,
/// `-3` … appended while the id is in `taken`.
pub(crate) fn generated_id(hash: u64, taken: &HashSet<String>) -> String {
    let base = format!("_:dataset-{hash:016x}");
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// The id of a dataset read from parsed values: a hash of its title and
/// description (each text as `language NUL text NUL`), unique in `taken`.
pub(crate) fn from_texts(
    title: &LangText,
    description: &LangText,
    taken: &HashSet<String>,
) -> String {
    let parts = title
        .0
        .iter()
        .chain(&description.0)
        .flat_map(|(lang, text)| [lang.as_bytes(), &[0], text.as_bytes(), &[0]]);
    generated_id(fnv1a(parts), taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_unique() {
        // Pinned: ids already written into converted registries must not
        // change with a new version.
        assert_eq!(fnv1a([&b""[..]]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a([&b"a"[..]]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a([&b"ab"[..]]), fnv1a([&b"a"[..], b"b"]));
        let mut title = LangText::new();
        title.insert("sv", "B");
        let none = HashSet::new();
        let id = from_texts(&title, &LangText::new(), &none);
        assert_eq!(id, "_:dataset-9058b09bf72b16a6");
        let taken: HashSet<String> = [id.clone(), format!("{id}-2")].into();
        assert_eq!(
            from_texts(&title, &LangText::new(), &taken),
            format!("{id}-3")
        );
    }
}
