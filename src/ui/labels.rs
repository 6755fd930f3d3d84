//! Human labels for facet values (IRIs and keys from the registry).

use crate::model::LangText;
use crate::search::Facet;
use crate::vocab;
use std::collections::HashMap;

/// Publisher names by publisher key, built once per loaded catalogue.
pub fn publisher_names(datasets: &[crate::model::Dataset]) -> HashMap<String, LangText> {
    let mut names = HashMap::new();
    for d in datasets {
        if let (Some(key), Some(p)) = (d.publisher_key(), d.publisher.as_ref()) {
            names
                .entry(key.to_string())
                .or_insert_with(|| p.name.clone());
        }
    }
    names
}

/// The `lang` attribute for a facet value's label: only publisher names
/// come from the registry in a language of their own; the other labels are
/// the widget's words (in the UI language) or language-neutral codes.
pub fn facet_value_lang(
    facet: Facet,
    value: &str,
    ui: &str,
    publishers: &HashMap<String, LangText>,
) -> Option<String> {
    if facet != Facet::Publisher {
        return None;
    }
    let (lang, _) = publishers.get(value)?.get(ui)?;
    super::text::lang_attr(lang, ui)
}

/// The label of a facet value in `lang`, falling back to the last segment
/// of an IRI rather than showing a long URL.
pub fn facet_value_label(
    facet: Facet,
    value: &str,
    lang: &str,
    publishers: &HashMap<String, LangText>,
) -> String {
    let known = match facet {
        Facet::Publisher => publishers
            .get(value)
            .map(|n| n.text(lang).to_string())
            .filter(|s| !s.is_empty()),
        Facet::Theme => vocab::theme_label(value, lang).map(str::to_string),
        Facet::Format => Some(value.to_string()),
        Facet::License => vocab::licence_label(value, lang).map(str::to_string),
        Facet::AccessRights => vocab::access_rights_label(value, lang).map(str::to_string),
        Facet::Quality => {
            crate::quality::Rating::from_code(value).map(|r| r.label(lang).to_string())
        }
    };
    known.unwrap_or_else(|| last_segment(value).to_string())
}

pub fn last_segment(iri: &str) -> &str {
    let trimmed = iri.trim_end_matches(['/', '#']);
    let tail = trimmed.rsplit(['/', '#']).next().unwrap_or(trimmed);
    if tail.is_empty() {
        iri
    } else {
        tail
    }
}
