//! A small bilingual glossary of open-data words, so that a common English
//! word finds Swedish-only metadata and the other way round (`population`
//! → `befolkning`). The pairs follow EuroVoc's Swedish and English labels
//! for the concepts agencies publish most; each side is one word as a
//! person types it.

use super::normalize::fold;
use super::stem::Stemmers;
use std::sync::OnceLock;

/// (Swedish, English)
pub const PAIRS: &[(&str, &str)] = &[
    ("befolkning", "population"),
    ("folkmängd", "population"),
    ("arbetslöshet", "unemployment"),
    ("sysselsättning", "employment"),
    ("inkomst", "income"),
    ("lön", "wage"),
    ("lön", "salary"),
    ("skatt", "tax"),
    ("miljö", "environment"),
    ("luftkvalitet", "air"),
    ("vatten", "water"),
    ("klimat", "climate"),
    ("utsläpp", "emissions"),
    ("energi", "energy"),
    ("skola", "school"),
    ("utbildning", "education"),
    ("högskola", "university"),
    ("hälsa", "health"),
    ("sjukvård", "healthcare"),
    ("trafik", "traffic"),
    ("kollektivtrafik", "transit"),
    ("väg", "road"),
    ("järnväg", "railway"),
    ("cykel", "bicycle"),
    ("cykel", "bike"),
    ("bostad", "housing"),
    ("bostäder", "dwellings"),
    ("byggande", "construction"),
    ("kommun", "municipality"),
    ("län", "county"),
    ("val", "election"),
    ("brott", "crime"),
    ("jordbruk", "agriculture"),
    ("skog", "forest"),
    ("fiske", "fishing"),
    ("handel", "trade"),
    ("företag", "enterprise"),
    ("företag", "business"),
    ("priser", "prices"),
    ("konsumtion", "consumption"),
    ("kultur", "culture"),
    ("bibliotek", "library"),
    ("karta", "map"),
    ("väder", "weather"),
    ("olyckor", "accidents"),
    ("invandring", "immigration"),
    ("födda", "births"),
    ("döda", "deaths"),
    ("pension", "pension"),
    ("barn", "children"),
    ("kvinnor", "women"),
    ("män", "men"),
];

/// The other language's words for a query word, given as its folded form
/// and its folded Swedish and English stems, so that inflections
/// (`populations`, `befolkningen`) and spellings without å, ä, ö
/// (`arbetsloshet`) are found too. A Swedish word also brings the Swedish
/// words that share its English one (`befolkning` → `population` →
/// `folkmängd`): the glossary is a ring of synonyms through English.
pub fn translations(
    stemmers: &Stemmers,
    folded: &str,
    stem_sv: &str,
    stem_en: &str,
) -> Vec<&'static str> {
    let forms = forms(stemmers);
    let mut out: Vec<&'static str> = Vec::new();
    let mut push = |w: &'static str| {
        if !out.contains(&w) && fold(w) != folded {
            out.push(w);
        }
    };
    for f in forms {
        if f.sv_folded == folded || f.sv_stem == stem_sv {
            push(f.sv_en.1);
            for g in forms
                .iter()
                .filter(|g| g.sv_en.1 == f.sv_en.1 && g.sv_en.0 != f.sv_en.0)
            {
                push(g.sv_en.0);
            }
        } else if f.sv_en.1 == folded || f.en_stem == stem_en {
            push(f.sv_en.0);
        }
    }
    out
}

/// A pair with the forms it is compared in.
struct Forms {
    sv_en: (&'static str, &'static str),
    sv_folded: String,
    sv_stem: String,
    en_stem: String,
}

/// The pairs' folded forms and stems, worked out once rather than for every
/// query word of every keystroke (the stemmers are deterministic, so the
/// first caller's do for all).
fn forms(stemmers: &Stemmers) -> &'static [Forms] {
    static FORMS: OnceLock<Vec<Forms>> = OnceLock::new();
    FORMS.get_or_init(|| {
        PAIRS
            .iter()
            .map(|&(sv, en)| Forms {
                sv_en: (sv, en),
                sv_folded: fold(sv).into_owned(),
                sv_stem: stemmers.sv(sv),
                en_stem: stemmers.en(en),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_directions_with_inflections_and_folded_spellings() {
        let s = Stemmers::new();
        let t = |w: &str| {
            let folded = fold(w);
            translations(&s, &folded, &s.sv(w), &s.en(w))
        };
        assert_eq!(t("population"), ["befolkning", "folkmängd"]);
        assert_eq!(t("populations"), ["befolkning", "folkmängd"]);
        assert_eq!(t("befolkningen"), ["population", "folkmängd"]);
        assert_eq!(t("folkmangd"), ["population", "befolkning"]);
        assert_eq!(t("cykel"), ["bicycle", "bike"]);
        assert_eq!(t("arbetsloshet"), ["unemployment"]);
        assert!(t("xyzzy").is_empty());
    }
}
