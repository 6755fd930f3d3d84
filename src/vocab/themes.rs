//! EU data themes (`…/authority/data-theme/SOCI`), the themes DCAT-AP-SE
//! asks for.

use super::{eu_input, eu_label, Entry};

const TABLE: &str = "data-theme";

pub(super) const THEMES: &[Entry] = &[
    (
        "AGRI",
        "Jordbruk, fiske, skogsbruk och livsmedel",
        "Agriculture, fisheries, forestry and food",
    ),
    ("ECON", "Ekonomi och finans", "Economy and finance"),
    (
        "EDUC",
        "Utbildning, kultur och sport",
        "Education, culture and sport",
    ),
    ("ENER", "Energi", "Energy"),
    ("ENVI", "Miljö", "Environment"),
    (
        "GOVE",
        "Regeringen och den offentliga sektorn",
        "Government and public sector",
    ),
    ("HEAL", "Hälsa", "Health"),
    ("INTR", "Internationella frågor", "International issues"),
    (
        "JUST",
        "Rättvisa, rättssystem och allmän säkerhet",
        "Justice, legal system and public safety",
    ),
    ("OP_DATPRO", "Tillfälliga uppgifter", "Provisional data"),
    ("REGI", "Regioner och städer", "Regions and cities"),
    ("SOCI", "Befolkning och samhälle", "Population and society"),
    ("TECH", "Vetenskap och teknik", "Science and technology"),
    ("TRAN", "Transport", "Transport"),
];

/// Reader input → EU data-theme IRI: a theme IRI or a bare code (`envi`,
/// as DCAT-AR's `superTheme` and CKAN groups write it); free text such as
/// "Health" is `None` (the caller keeps it as a keyword).
pub fn theme_iri(input: &str) -> Option<String> {
    eu_input(TABLE, THEMES, input)
}

/// `…/data-theme/SOCI` → "Befolkning och samhälle" / "Population and society".
pub fn theme_label(iri: &str, lang: &str) -> Option<&'static str> {
    eu_label(TABLE, THEMES, iri, lang)
}

/// Every reader input this vocabulary maps, for the label tests.
#[cfg(test)]
pub(super) fn inputs() -> Vec<String> {
    THEMES.iter().map(|e| e.0.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DT: &str = "http://publications.europa.eu/resource/authority/data-theme/";

    #[test]
    fn codes_and_iris_in_both_directions() {
        assert_eq!(theme_iri("envi").as_deref(), Some(&*format!("{DT}ENVI")));
        assert_eq!(
            theme_iri("https://publications.europa.eu/resource/authority/data-theme/soci/")
                .as_deref(),
            Some(&*format!("{DT}SOCI"))
        );
        assert_eq!(theme_iri("Health"), None);
        assert_eq!(theme_iri(&format!("{DT}NOPE")), None);
        assert_eq!(
            theme_label(&format!("{DT}SOCI"), "sv"),
            Some("Befolkning och samhälle")
        );
        assert_eq!(
            theme_label(&format!("{DT}SOCI"), "en"),
            Some("Population and society")
        );
        assert_eq!(
            theme_label(
                "https://publications.europa.eu/resource/authority/data-theme/ENVI/",
                "sv"
            ),
            Some("Miljö")
        );
        assert_eq!(theme_label("SOCI", "sv"), None);
        assert_eq!(theme_label("", "sv"), None);
    }
}
