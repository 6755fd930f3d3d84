//! Update frequencies: the EU frequency vocabulary
//! (`…/authority/frequency/ANNUAL`), plus what other dialects write: Dublin
//! Core `http://purl.org/cld/freq/…`, ISO 8601 repeating durations (DCAT-US
//! `accrualPeriodicity`) and CKAN's frequency words.

use super::{entry, eu_code, eu_iri, pick, Entry};

const TABLE: &str = "frequency";

const FREQUENCIES: &[Entry] = &[
    ("1MIN", "Varje minut", "Every minute"),
    ("5MIN", "Var femte minut", "Every five minutes"),
    ("10MIN", "Var tionde minut", "Every ten minutes"),
    ("15MIN", "Var femtonde minut", "Every fifteen minutes"),
    ("30MIN", "Var trettionde minut", "Every thirty minutes"),
    ("HOURLY", "Varje timme", "Hourly"),
    ("BIHOURLY", "Varannan timme", "Every two hours"),
    ("TRIHOURLY", "Var tredje timme", "Every three hours"),
    ("12HRS", "Var tolfte timme", "Every twelve hours"),
    ("CONT", "Kontinuerligt", "Continuous"),
    (
        "UPDATE_CONT",
        "Uppdateras kontinuerligt",
        "Continuously updated",
    ),
    ("DAILY", "Dagligen", "Daily"),
    ("DAILY_2", "Två gånger om dagen", "Twice a day"),
    ("WEEKLY", "Varje vecka", "Weekly"),
    ("WEEKLY_2", "Två gånger i veckan", "Twice a week"),
    ("WEEKLY_3", "Tre gånger i veckan", "Three times a week"),
    ("BIWEEKLY", "Varannan vecka", "Every two weeks"),
    ("MONTHLY", "Varje månad", "Monthly"),
    ("MONTHLY_2", "Två gånger i månaden", "Twice a month"),
    ("MONTHLY_3", "Tre gånger i månaden", "Three times a month"),
    ("BIMONTHLY", "Varannan månad", "Every two months"),
    ("QUARTERLY", "Kvartalsvis", "Quarterly"),
    ("ANNUAL_2", "Två gånger om året", "Twice a year"),
    ("ANNUAL_3", "Tre gånger om året", "Three times a year"),
    ("ANNUAL", "Årligen", "Annual"),
    ("BIENNIAL", "Vartannat år", "Every two years"),
    ("TRIENNIAL", "Vart tredje år", "Every three years"),
    ("QUADRENNIAL", "Vart fjärde år", "Every four years"),
    ("QUINQUENNIAL", "Vart femte år", "Every five years"),
    ("DECENNIAL", "Vart tionde år", "Every ten years"),
    ("IRREG", "Oregelbundet", "Irregular"),
    ("AS_NEEDED", "Vid behov", "As needed"),
    ("NOT_PLANNED", "Inte planerat", "Not planned"),
    ("NEVER", "Aldrig", "Never"),
    ("OTHER", "Annan", "Other"),
    ("UNKNOWN", "Okänd", "Unknown"),
    ("OP_DATPRO", "Tillfälliga uppgifter", "Provisional data"),
];

/// Dublin Core Collection Description frequencies
/// (`http://purl.org/cld/freq/…`) → EU code.
const CLD_FREQ: &[(&str, &str)] = &[
    ("annual", "ANNUAL"),
    ("biennial", "BIENNIAL"),
    ("bimonthly", "BIMONTHLY"),
    ("biweekly", "BIWEEKLY"),
    ("continuous", "CONT"),
    ("daily", "DAILY"),
    ("irregular", "IRREG"),
    ("monthly", "MONTHLY"),
    ("quarterly", "QUARTERLY"),
    ("semiannual", "ANNUAL_2"),
    ("semimonthly", "MONTHLY_2"),
    ("semiweekly", "WEEKLY_2"),
    ("threetimesamonth", "MONTHLY_3"),
    ("threetimesaweek", "WEEKLY_3"),
    ("threetimesayear", "ANNUAL_3"),
    ("triennial", "TRIENNIAL"),
    ("weekly", "WEEKLY"),
];

/// ISO 8601 repeating durations and CKAN frequency words (upper-case) →
/// EU code.
const WORDS: &[(&str, &str)] = &[
    ("R/PT1S", "CONT"),
    ("CONTINUOUS", "CONT"),
    ("R/PT1H", "HOURLY"),
    ("R/P1D", "DAILY"),
    ("R/P3.5D", "WEEKLY_2"),
    ("SEMIWEEKLY", "WEEKLY_2"),
    ("R/P1W", "WEEKLY"),
    ("R/P7D", "WEEKLY"),
    ("R/P2W", "BIWEEKLY"),
    ("FORTNIGHTLY", "BIWEEKLY"),
    ("R/P0.5M", "MONTHLY_2"),
    ("SEMIMONTHLY", "MONTHLY_2"),
    ("R/P1M", "MONTHLY"),
    ("R/P2M", "BIMONTHLY"),
    ("R/P3M", "QUARTERLY"),
    ("R/P4M", "ANNUAL_3"),
    ("R/P6M", "ANNUAL_2"),
    ("SEMIANNUAL", "ANNUAL_2"),
    ("BIANNUAL", "ANNUAL_2"),
    ("R/P1Y", "ANNUAL"),
    ("ANNUALLY", "ANNUAL"),
    ("YEARLY", "ANNUAL"),
    ("R/P2Y", "BIENNIAL"),
    ("R/P3Y", "TRIENNIAL"),
    ("R/P4Y", "QUADRENNIAL"),
    ("R/P5Y", "QUINQUENNIAL"),
    ("R/P10Y", "DECENNIAL"),
    ("IRREGULAR", "IRREG"),
];

/// The Dublin Core frequency name of a `purl.org/cld/freq/` IRI.
fn cld_code(iri: &str) -> Option<&'static str> {
    let iri = iri.trim().trim_end_matches('/');
    let rest = iri
        .strip_prefix("http://")
        .or_else(|| iri.strip_prefix("https://"))?;
    let name = rest.strip_prefix("purl.org/cld/freq/")?;
    CLD_FREQ
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, c)| *c)
}

/// Reader input → EU frequency IRI: an EU or Dublin Core frequency IRI, an
/// EU code, an ISO 8601 repeating duration or a common frequency word.
/// Anything else is `None` (the caller keeps what it was given).
pub fn frequency_iri(input: &str) -> Option<String> {
    let v = input.trim();
    let upper = v.to_ascii_uppercase();
    let code = eu_code(v, TABLE)
        .or_else(|| cld_code(v))
        .or_else(|| WORDS.iter().find(|(w, _)| *w == upper).map(|(_, c)| *c))
        .unwrap_or(v);
    entry(FREQUENCIES, code).map(|e| eu_iri(TABLE, e))
}

/// Label of an update frequency IRI (EU or Dublin Core).
pub fn frequency_label(iri: &str, lang: &str) -> Option<&'static str> {
    let code = eu_code(iri, TABLE).or_else(|| cld_code(iri))?;
    entry(FREQUENCIES, code).map(|e| pick(e, lang))
}

#[cfg(test)]
pub(super) fn inputs() -> Vec<String> {
    let mut all: Vec<String> = WORDS.iter().map(|(w, _)| w.to_string()).collect();
    all.extend(FREQUENCIES.iter().map(|e| e.0.to_string()));
    all.extend(
        CLD_FREQ
            .iter()
            .map(|(n, _)| format!("http://purl.org/cld/freq/{n}")),
    );
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "http://publications.europa.eu/resource/authority/frequency/";

    #[test]
    fn dialects_become_eu_iris() {
        assert_eq!(
            frequency_iri("R/P1Y").as_deref(),
            Some(&*format!("{FR}ANNUAL"))
        );
        assert_eq!(
            frequency_iri("weekly").as_deref(),
            Some(&*format!("{FR}WEEKLY"))
        );
        assert_eq!(
            frequency_iri("http://purl.org/cld/freq/monthly").as_deref(),
            Some(&*format!("{FR}MONTHLY"))
        );
        assert_eq!(
            frequency_iri(&format!("{FR}DAILY/")).as_deref(),
            Some(&*format!("{FR}DAILY"))
        );
        assert_eq!(frequency_iri("R/P17D"), None);
    }

    #[test]
    fn labels() {
        assert_eq!(
            frequency_label(&format!("{FR}ANNUAL"), "sv"),
            Some("Årligen")
        );
        assert_eq!(
            frequency_label(&format!("{FR}IRREG"), "en"),
            Some("Irregular")
        );
        assert_eq!(
            frequency_label(&format!("{FR}UNKNOWN"), "sv"),
            Some("Okänd")
        );
        assert_eq!(
            frequency_label("http://purl.org/cld/freq/monthly", "sv"),
            Some("Varje månad")
        );
        assert_eq!(frequency_label(&format!("{FR}SOMETIMES"), "sv"), None);
    }
}
