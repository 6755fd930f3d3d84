//! Small pieces shared by the JSON readers (CKAN, DCAT-US, JSON-LD): loose
//! value access, skipping, link clean-up and the vocabulary mappings from
//! other catalogue dialects to the EU vocabularies DCAT-AP-SE uses.

use super::dcat_graph::MAX_PROBLEMS;
use super::url;
use crate::links::safe_href;
use crate::model::{Catalog, Dataset, LangText};
use serde_json::Value;
use std::collections::HashSet;

/// One text value however it is spelled: a string, a number, `{"@value"}`,
/// `{"@id"}`, or the first usable element of an array. Blank is `None`.
pub(crate) fn text(v: &Value) -> Option<String> {
    text_at(v, 0)
}

fn text_at(v: &Value, depth: usize) -> Option<String> {
    if depth > 4 {
        return None;
    }
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => return items.iter().find_map(|i| text_at(i, depth + 1)),
        Value::Object(o) => {
            return o
                .get("@value")
                .or_else(|| o.get("@id"))
                .and_then(|i| text_at(i, depth + 1))
        }
        Value::Bool(_) | Value::Null => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A field of an object as text.
pub(crate) fn field(o: &Value, key: &str) -> Option<String> {
    o.get(key).and_then(text)
}

/// Every text in a value that may be one string or an array of them.
pub(crate) fn texts(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(text).collect(),
        other => text(other).into_iter().collect(),
    }
}

/// Text that may be a plain string, a language map (`{"sv": "…"}`), a
/// `{"@value", "@language"}` object or an array of those.
pub(crate) fn lang_text(v: &Value) -> LangText {
    let mut t = LangText::new();
    add_lang_text(&mut t, v, "", 0);
    t
}

fn add_lang_text(t: &mut LangText, v: &Value, lang: &str, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) => t.insert(lang, s.trim()),
        Value::Number(n) => t.insert(lang, n.to_string()),
        Value::Array(items) => items
            .iter()
            .for_each(|i| add_lang_text(t, i, lang, depth + 1)),
        Value::Object(o) => {
            if let Some(value) = o.get("@value") {
                let lang = o.get("@language").and_then(Value::as_str).unwrap_or(lang);
                add_lang_text(t, value, lang, depth + 1);
            } else {
                for (key, value) in o {
                    let key = if key == "@none" { "" } else { key.as_str() };
                    add_lang_text(t, value, key, depth + 1);
                }
            }
        }
        Value::Bool(_) | Value::Null => {}
    }
}

/// Adds a dataset unless its id is taken (then it is skipped and counted).
pub(crate) fn push_dataset(catalog: &mut Catalog, seen: &mut HashSet<String>, dataset: Dataset) {
    if seen.insert(dataset.id.clone()) {
        catalog.datasets.push(dataset);
    } else {
        let reason = format!("dataset skipped: duplicate id {}", dataset.id);
        skip(catalog, reason);
    }
}

pub(crate) fn skip(catalog: &mut Catalog, reason: String) {
    catalog.skipped += 1;
    problem(catalog, reason);
}

pub(crate) fn problem(catalog: &mut Catalog, reason: String) {
    if catalog.problems.len() < MAX_PROBLEMS {
        catalog.problems.push(reason);
    }
}

/// Links are resolved against the document's address and kept only when
/// they are safe to follow (`http`, `https`, `mailto`); blank, relative
/// without a base, and `javascript:` style links are dropped.
pub(crate) fn clean_links(catalog: &mut Catalog, base: Option<&str>) {
    for d in &mut catalog.datasets {
        clean(&mut d.landing_page, base);
        if let Some(c) = &mut d.contact_point {
            clean(&mut c.email, None);
            clean(&mut c.url, base);
        }
        for dist in &mut d.distributions {
            clean(&mut dist.access_url, base);
            clean(&mut dist.download_url, base);
        }
    }
}

/// Resolves and checks one link.
pub(crate) fn clean(link: &mut Option<String>, base: Option<&str>) {
    *link = link.take().and_then(|l| {
        let l = l.trim();
        let resolved = match base {
            Some(b) if !l.is_empty() && !url::is_absolute(l) => url::resolve(b, l)?,
            _ => l.to_owned(),
        };
        safe_href(&resolved).map(str::to_owned)
    });
}

/// Resolves relative links only (the registry fast path keeps everything
/// else as written).
pub(crate) fn resolve_relative_links(catalog: &mut Catalog, base: &str) {
    let fix = |link: &mut Option<String>| {
        if let Some(l) = link.as_deref() {
            if !l.is_empty() && !url::is_absolute(l) {
                if let Some(resolved) = url::resolve(base, l) {
                    *link = Some(resolved);
                }
            }
        }
    };
    for d in &mut catalog.datasets {
        fix(&mut d.landing_page);
        if let Some(c) = &mut d.contact_point {
            fix(&mut c.url);
        }
        for dist in &mut d.distributions {
            fix(&mut dist.access_url);
            fix(&mut dist.download_url);
        }
    }
}

// ------------------------------------------------------- vocabularies

const EU_THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/";
const EU_FREQUENCY: &str = "http://publications.europa.eu/resource/authority/frequency/";
const EU_ACCESS: &str = "http://publications.europa.eu/resource/authority/access-right/";

/// The EU data-theme codes (`ECON`, `ENVI`, …).
const THEME_CODES: [&str; 13] = [
    "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH",
    "TRAN",
];

/// An EU data-theme IRI from a theme IRI or a bare code; free text is `None`.
pub(crate) fn eu_theme(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some(code) = value.strip_prefix(EU_THEME) {
        return THEME_CODES.contains(&code).then(|| value.to_owned());
    }
    let upper = value.to_ascii_uppercase();
    THEME_CODES
        .contains(&upper.as_str())
        .then(|| format!("{EU_THEME}{upper}"))
}

/// DCAT-US `accessLevel` → EU access-right IRI.
pub(crate) fn access_level(value: &str) -> Option<String> {
    let code = match value.trim().to_ascii_lowercase().as_str() {
        "public" => "PUBLIC",
        "restricted public" | "restricted" => "RESTRICTED",
        "non-public" | "non public" | "nonpublic" => "NON_PUBLIC",
        _ => return None,
    };
    Some(format!("{EU_ACCESS}{code}"))
}

/// ISO 8601 repeating durations (DCAT-US `accrualPeriodicity`) and common
/// CKAN frequency words → EU frequency IRIs. Unknown values are kept as
/// given by the caller.
pub(crate) fn frequency(value: &str) -> Option<String> {
    let v = value.trim();
    if v.starts_with(EU_FREQUENCY) {
        return Some(v.to_owned());
    }
    let code = match v.to_ascii_uppercase().as_str() {
        "R/PT1S" | "CONTINUOUS" | "CONT" => "CONT",
        "R/PT1H" | "HOURLY" => "HOURLY",
        "R/P1D" | "DAILY" => "DAILY",
        "R/P3.5D" | "SEMIWEEKLY" => "WEEKLY_2",
        "R/P1W" | "R/P7D" | "WEEKLY" => "WEEKLY",
        "R/P2W" | "BIWEEKLY" | "FORTNIGHTLY" => "BIWEEKLY",
        "R/P0.5M" | "SEMIMONTHLY" => "MONTHLY_2",
        "R/P1M" | "MONTHLY" => "MONTHLY",
        "R/P2M" | "BIMONTHLY" => "BIMONTHLY",
        "R/P3M" | "QUARTERLY" => "QUARTERLY",
        "R/P4M" => "ANNUAL_3",
        "R/P6M" | "SEMIANNUAL" | "BIANNUAL" => "ANNUAL_2",
        "R/P1Y" | "ANNUAL" | "ANNUALLY" | "YEARLY" => "ANNUAL",
        "R/P2Y" | "BIENNIAL" => "BIENNIAL",
        "R/P3Y" | "TRIENNIAL" => "TRIENNIAL",
        "R/P4Y" => "QUADRENNIAL",
        "R/P5Y" => "QUINQUENNIAL",
        "R/P10Y" | "DECENNIAL" => "DECENNIAL",
        "IRREGULAR" => "IRREG",
        "NEVER" => "NEVER",
        "UNKNOWN" => "UNKNOWN",
        _ => return None,
    };
    Some(format!("{EU_FREQUENCY}{code}"))
}

/// Licence ids used by CKAN (and names used in data.json files) → IRIs.
/// An IRI is kept as given; an unknown id is `None` (the caller keeps it).
pub(crate) fn license_iri(value: &str) -> Option<String> {
    let v = value.trim();
    if v.starts_with("http://") || v.starts_with("https://") {
        return Some(v.to_owned());
    }
    let key: String = v
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    let iri = match key.as_str() {
        "cc-by" | "cc-by-4.0" | "cc-by-4" | "creative-commons-attribution" => {
            "http://creativecommons.org/licenses/by/4.0/"
        }
        "cc-by-3.0" => "http://creativecommons.org/licenses/by/3.0/",
        "cc-by-sa" | "cc-by-sa-4.0" => "http://creativecommons.org/licenses/by-sa/4.0/",
        "cc-by-sa-3.0" => "http://creativecommons.org/licenses/by-sa/3.0/",
        "cc-by-nc" | "cc-nc" | "cc-by-nc-4.0" => "http://creativecommons.org/licenses/by-nc/4.0/",
        "cc-zero" | "cc0" | "cc0-1.0" | "cc-0" | "cc0-1" | "cc-zero-1.0" => {
            "http://creativecommons.org/publicdomain/zero/1.0/"
        }
        "odc-odbl" | "odbl" | "odbl-1.0" | "open-data-commons-open-database-license-1.0" => {
            "http://opendatacommons.org/licenses/odbl/1-0/"
        }
        "odc-by" | "odc-by-1.0" => "http://opendatacommons.org/licenses/by/1-0/",
        "odc-pddl" | "pddl" | "pddl-1.0" => "http://opendatacommons.org/licenses/pddl/1-0/",
        "gfdl" | "gfdl-1.3" => "http://www.gnu.org/licenses/fdl-1.3.html",
        "uk-ogl" | "ogl-uk-3.0" | "ogl-3.0" => {
            "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
        }
        "eupl-1.2" => "https://joinup.ec.europa.eu/licence/eupl-v12",
        "us-pd" | "other-pd" | "public-domain" => {
            "https://creativecommons.org/publicdomain/mark/1.0/"
        }
        _ => return None,
    };
    Some(iri.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn loose_text() {
        assert_eq!(text(&json!(" a ")).as_deref(), Some("a"));
        assert_eq!(text(&json!(12)).as_deref(), Some("12"));
        assert_eq!(text(&json!([null, "", "b"])).as_deref(), Some("b"));
        assert_eq!(text(&json!({"@id": "x"})).as_deref(), Some("x"));
        assert_eq!(text(&json!(true)), None);
        // serde_json sorts object keys, so language maps come in key order.
        let t = lang_text(&json!({"sv-SE": "Hej", "@none": "x"}));
        assert_eq!(
            t.0,
            vec![("".into(), "x".into()), ("sv".into(), "Hej".into())]
        );
        let t = lang_text(&json!([{"@value": "Hi", "@language": "EN"}]));
        assert_eq!(t.0, vec![("en".into(), "Hi".into())]);
    }

    #[test]
    fn vocabularies() {
        assert_eq!(
            eu_theme("envi").as_deref(),
            Some("http://publications.europa.eu/resource/authority/data-theme/ENVI")
        );
        assert_eq!(eu_theme("Health"), None);
        assert!(frequency("R/P1D").is_some_and(|f| f.ends_with("/DAILY")));
        assert!(frequency("irregular").is_some_and(|f| f.ends_with("/IRREG")));
        assert_eq!(frequency("R/P9D"), None);
        assert!(access_level("non-public").is_some_and(|a| a.ends_with("/NON_PUBLIC")));
        assert_eq!(
            license_iri("CC-BY-4.0").as_deref(),
            Some("http://creativecommons.org/licenses/by/4.0/")
        );
        assert!(license_iri("cc-zero").is_some_and(|l| l.contains("zero")));
        assert!(license_iri("odc-odbl").is_some_and(|l| l.contains("odbl")));
        assert_eq!(license_iri("notspecified"), None);
    }

    #[test]
    fn links_are_resolved_and_checked() {
        let mut l = Some("data/x.csv".to_owned());
        clean(&mut l, Some("https://e.se/cat/index.json"));
        assert_eq!(l.as_deref(), Some("https://e.se/cat/data/x.csv"));
        let mut l = Some("javascript:alert(1)".to_owned());
        clean(&mut l, Some("https://e.se/"));
        assert_eq!(l, None);
        let mut l = Some("ftp://e.se/x".to_owned());
        clean(&mut l, None);
        assert_eq!(l, None);
        let mut l = Some("  ".to_owned());
        clean(&mut l, Some("https://e.se/"));
        assert_eq!(l, None);
    }
}
