//! EU access rights (`…/authority/access-right/PUBLIC`).

use super::{eu_input, eu_label, Entry};

const TABLE: &str = "access-right";

const ACCESS_RIGHTS: &[Entry] = &[
    ("PUBLIC", "Offentlig", "Public"),
    ("RESTRICTED", "Begränsad", "Restricted"),
    ("NON_PUBLIC", "Icke-offentlig", "Non-public"),
];

/// DCAT-US `accessLevel` words (lower-case) → EU code.
const WORDS: &[(&str, &str)] = &[
    ("public", "PUBLIC"),
    ("restricted public", "RESTRICTED"),
    ("restricted", "RESTRICTED"),
    ("non-public", "NON_PUBLIC"),
    ("non public", "NON_PUBLIC"),
    ("nonpublic", "NON_PUBLIC"),
];

/// Reader input → EU access-right IRI: an EU IRI, a code or a DCAT-US
/// `accessLevel` word; anything else is `None`.
pub fn access_rights_iri(input: &str) -> Option<String> {
    let lower = input.trim().to_ascii_lowercase();
    let code = WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map_or(input, |(_, c)| *c);
    eu_input(TABLE, ACCESS_RIGHTS, code)
}

/// `…/access-right/PUBLIC` → "Offentlig" / "Public".
pub fn access_rights_label(iri: &str, lang: &str) -> Option<&'static str> {
    eu_label(TABLE, ACCESS_RIGHTS, iri, lang)
}

#[cfg(test)]
pub(super) fn inputs() -> Vec<String> {
    WORDS.iter().map(|(w, _)| w.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_codes_and_labels() {
        let ar = "http://publications.europa.eu/resource/authority/access-right/";
        assert_eq!(
            access_rights_iri("Restricted Public").as_deref(),
            Some(&*format!("{ar}RESTRICTED"))
        );
        assert_eq!(
            access_rights_iri("non-public").as_deref(),
            Some(&*format!("{ar}NON_PUBLIC"))
        );
        assert_eq!(access_rights_iri("secret"), None);
        assert_eq!(
            access_rights_label(&format!("{ar}PUBLIC"), "sv"),
            Some("Offentlig")
        );
        assert_eq!(
            access_rights_label(&format!("{ar}NON_PUBLIC"), "en"),
            Some("Non-public")
        );
        assert_eq!(
            access_rights_label(&format!("{ar}RESTRICTED"), "sv"),
            Some("Begränsad")
        );
    }
}
