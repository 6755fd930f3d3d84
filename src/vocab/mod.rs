//! Controlled vocabularies: each one owns both directions, so they cannot
//! drift apart.
//!
//! * reader input → IRI: what catalogue dialects write (a CKAN licence id,
//!   a DCAT-US `accessLevel`, an ISO 8601 period, a bare theme code) becomes
//!   the IRI DCAT-AP-SE uses (`*_iri` functions, used by `crate::registry`);
//! * IRI → label in Swedish and English (`*_label` functions, used by the
//!   UI).
//!
//! One module per vocabulary: [`themes`] (EU data themes), [`access_rights`]
//! (EU access rights), [`frequencies`] (EU frequencies, Dublin Core
//! `cld/freq`), [`licences`] (Creative Commons, Open Data Commons, EU
//! licence vocabulary, …) and [`formats`] (file formats: the many ways a
//! registry states a format become one short label, which is also the key
//! of the format facet).
//!
//! Unknown IRIs give `None`; the UI then shows the IRI's last path segment.
//! `lang` is `"sv"` for Swedish; anything else gives English.
//!
//! This module is a leaf: it depends on the data model only.

pub mod access_rights;
pub mod formats;
pub mod frequencies;
pub mod licences;
pub mod themes;

pub use access_rights::{access_rights_iri, access_rights_label};
pub use formats::{distribution_format, format_label};
pub use frequencies::{frequency_iri, frequency_label};
pub use licences::{licence_iri, licence_label};
pub use themes::{theme_iri, theme_label};

/// The EU Publications Office's authority tables.
const EU: &str = "http://publications.europa.eu/resource/authority/";

/// A coded concept: (code, Swedish label, English label).
type Entry = (&'static str, &'static str, &'static str);

fn pick(e: &Entry, lang: &str) -> &'static str {
    if lang == "sv" {
        e.1
    } else {
        e.2
    }
}

/// The code after `table/` in an EU authority IRI (`http` or `https`,
/// trailing slash ignored).
fn eu_code<'a>(iri: &'a str, table: &str) -> Option<&'a str> {
    let iri = iri.trim();
    let rest = iri
        .strip_prefix("https://")
        .or_else(|| iri.strip_prefix("http://"))?;
    let rest = rest.strip_prefix(&EU["http://".len()..])?;
    let code = rest.strip_prefix(table)?.strip_prefix('/')?;
    Some(code.trim_end_matches('/'))
}

/// The entry whose code is `code` (case-insensitive).
fn entry<'t>(table: &'t [Entry], code: &str) -> Option<&'t Entry> {
    table.iter().find(|e| e.0.eq_ignore_ascii_case(code))
}

/// The canonical EU IRI of an entry of `table` (e.g. `data-theme`).
fn eu_iri(table: &str, e: &Entry) -> String {
    format!("{EU}{table}/{}", e.0)
}

/// Reader input of an EU-coded vocabulary: an EU IRI of a known code (any
/// scheme, trailing slash) or a bare code, both case-insensitive, give the
/// canonical IRI; anything else is `None`.
fn eu_input(table_name: &str, table: &[Entry], input: &str) -> Option<String> {
    let input = input.trim();
    let code = eu_code(input, table_name).unwrap_or(input);
    entry(table, code).map(|e| eu_iri(table_name, e))
}

fn eu_label(table_name: &str, table: &[Entry], iri: &str, lang: &str) -> Option<&'static str> {
    entry(table, eu_code(iri, table_name)?).map(|e| pick(e, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever a reader turns into an IRI, the UI can label in both
    /// languages: the two directions cannot drift.
    #[test]
    fn every_iri_a_reader_can_emit_has_a_label_in_both_languages() {
        type Case = (
            &'static str,
            fn() -> Vec<String>,
            fn(&str) -> Option<String>,
            fn(&str, &str) -> Option<&'static str>,
        );
        let cases: [Case; 4] = [
            ("theme", themes::inputs, theme_iri, theme_label),
            (
                "access right",
                access_rights::inputs,
                access_rights_iri,
                access_rights_label,
            ),
            (
                "frequency",
                frequencies::inputs,
                frequency_iri,
                frequency_label,
            ),
            ("licence", licences::inputs, licence_iri, licence_label),
        ];
        for (name, inputs, to_iri, label) in cases {
            let inputs = inputs();
            assert!(!inputs.is_empty(), "{name}");
            for input in inputs {
                let iri = to_iri(&input).unwrap_or_else(|| panic!("{name} {input:?} has no IRI"));
                for lang in ["sv", "en"] {
                    assert!(
                        label(&iri, lang).is_some(),
                        "{name} {input:?} → {iri} has no {lang} label"
                    );
                }
            }
        }
    }
}
