//! DCAT-US 1.1 `data.json` (Project Open Data), its POD JSON-LD variant,
//! and the look-alikes: DCAT-AR `data.json` (Argentina) and plain lists of
//! DCAT-style dataset dicts (ckanext-dcat's JSON).
//!
//! Fields are read by name (the POD context is fixed), mapped to the EU
//! vocabularies where the mapping is clear: `accessLevel` → access right,
//! `accrualPeriodicity` (`R/P1D`) → frequency, theme words that are EU
//! theme codes → themes (other theme words become keywords).
//!
//! `isPartOf` (a child dataset naming its parent collection's identifier)
//! has no place in the model: children are kept as ordinary datasets.

use super::common::{clean_links, field, lang_text, push_keyword, texts};
use super::dcat_graph::mailto;
use super::report::{push_dataset, skip};
use super::url::{is_absolute, is_web_address};
use super::{ids, ReadError};
use crate::model::{Agent, Catalog, Contact, Dataset, Distribution, LangText};
use crate::vocab::{access_rights_iri, frequency_iri, licence_iri, theme_iri};
use serde_json::Value;
use std::collections::HashSet;

/// Whether the JSON is a DCAT-US catalogue (or names its schema).
pub(crate) fn is_data_json(doc: &Value) -> bool {
    let pod = |v: Option<&Value>| {
        v.is_some_and(|v| match v {
            Value::String(s) => s.contains("project-open-data"),
            Value::Array(items) => items
                .iter()
                .any(|i| i.as_str().is_some_and(|s| s.contains("project-open-data"))),
            _ => false,
        })
    };
    pod(doc.get("conformsTo")) || pod(doc.get("@context")) || pod(doc.get("describedBy"))
}

/// Whether an object looks like a DCAT-style dataset dict.
pub(crate) fn looks_like_dataset(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.contains_key("title")
            && [
                "description",
                "distribution",
                "keyword",
                "identifier",
                "accessLevel",
            ]
            .iter()
            .any(|k| o.contains_key(*k))
    })
}

/// Reads a `data.json` catalogue object or a list of dataset dicts.
pub(crate) fn read(doc: &Value, base: Option<&str>) -> Result<Catalog, ReadError> {
    let mut catalog = Catalog::default();
    let records: Vec<&Value> = match doc {
        Value::Array(items) => items.iter().collect(),
        Value::Object(_) => {
            catalog.id = field(doc, "@id").filter(|i| is_absolute(i));
            catalog.title = doc.get("title").map(lang_text).unwrap_or_default();
            catalog.description = doc.get("description").map(lang_text).unwrap_or_default();
            catalog.publisher = doc.get("publisher").and_then(publisher);
            match doc.get("dataset") {
                Some(Value::Array(items)) => items.iter().collect(),
                Some(one @ Value::Object(_)) => vec![one],
                _ => {
                    return Err(ReadError::NotACatalogue {
                        hint: "a data.json without a `dataset` list".into(),
                    })
                }
            }
        }
        _ => {
            return Err(ReadError::NotACatalogue {
                hint: "JSON that is not a data.json catalogue".into(),
            })
        }
    };
    let mut seen = HashSet::new();
    for (position, record) in records.iter().enumerate() {
        match dataset(record, &seen) {
            Ok(d) => push_dataset(&mut catalog, &mut seen, d),
            Err(reason) => skip(&mut catalog, format!("dataset {position}: {reason}")),
        }
    }
    clean_links(&mut catalog, base);
    Ok(catalog)
}

fn dataset(r: &Value, taken: &HashSet<String>) -> Result<Dataset, String> {
    let Value::Object(o) = r else {
        return Err("not an object".into());
    };
    let title = r.get("title").map(lang_text).unwrap_or_default();
    let description = r.get("description").map(lang_text).unwrap_or_default();
    let identifier = field(r, "identifier");
    if title.is_empty() && identifier.is_none() && !o.contains_key("distribution") {
        return Err("neither title, identifier nor distribution".into());
    }
    // A blank node label is local to the file; the identifier is a better
    // key, and the title and description the last resort.
    let id = field(r, "@id")
        .filter(|i| !i.starts_with("_:"))
        .or_else(|| identifier.clone())
        .unwrap_or_else(|| ids::from_texts(&title, &description, taken));
    let mut keywords = keywords(r);
    let themes = themes(r, &mut keywords);
    Ok(Dataset {
        id,
        identifier,
        title,
        description,
        keywords,
        publisher: r.get("publisher").and_then(publisher),
        themes,
        license: field(r, "license").map(|l| licence_iri(&l).unwrap_or(l)),
        access_rights: field(r, "accessLevel")
            .map(|a| access_rights_iri(&a).unwrap_or(a))
            .or_else(|| field(r, "accessRights")),
        issued: field(r, "issued"),
        modified: field(r, "modified"),
        landing_page: field(r, "landingPage"),
        contact_point: r.get("contactPoint").and_then(contact),
        accrual_periodicity: field(r, "accrualPeriodicity").map(|f| frequency_iri(&f).unwrap_or(f)),
        distributions: distributions(r),
        quality: None,
    })
}

/// `keyword`: a list, one comma-separated string in some files, or a
/// language map as in a registry.
fn keywords(r: &Value) -> Vec<(String, String)> {
    let mut keywords = Vec::new();
    match r.get("keyword") {
        Some(Value::String(s)) => s
            .split(',')
            .for_each(|w| push_keyword(&mut keywords, "", w)),
        Some(Value::Object(map)) => {
            for (lang, words) in map {
                let lang = if lang == "@none" { "" } else { lang };
                texts(words)
                    .iter()
                    .for_each(|w| push_keyword(&mut keywords, lang, w));
            }
        }
        Some(other) => texts(other)
            .iter()
            .for_each(|w| push_keyword(&mut keywords, "", w)),
        None => {}
    }
    keywords
}

/// `theme` (and DCAT-AR's `superTheme`: lower-case EU theme codes): EU
/// theme codes and web addresses are themes. These are free words, so a
/// colon does not make one an IRI (`Health: Public`); the other words are
/// added to `keywords`.
fn themes(r: &Value, keywords: &mut Vec<(String, String)>) -> Vec<String> {
    let mut themes = Vec::new();
    let words = ["theme", "superTheme"]
        .iter()
        .flat_map(|k| r.get(*k).map(texts).unwrap_or_default());
    for t in words {
        match theme_iri(&t).or_else(|| is_web_address(&t).then(|| t.clone())) {
            Some(iri) if !themes.contains(&iri) => themes.push(iri),
            Some(_) => {}
            None => push_keyword(keywords, "", &t),
        }
    }
    themes
}

fn distributions(r: &Value) -> Vec<Distribution> {
    match r.get("distribution") {
        Some(Value::Array(items)) => items.iter().filter_map(distribution).collect(),
        Some(one @ Value::Object(_)) => distribution(one).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// `{"name": …, "subOrganizationOf": {…}}`; a parent's name stands in for
/// a missing one. A string is the name.
fn publisher(v: &Value) -> Option<Agent> {
    let mut current = v;
    for _ in 0..4 {
        let mut name = LangText::new();
        match current {
            Value::String(s) => name.insert("", s.trim()),
            Value::Object(_) => {
                if let Some(n) = current.get("name").map(lang_text) {
                    name = n;
                }
                if name.is_empty() {
                    if let Some(n) = current.get("fn").map(lang_text) {
                        name = n;
                    }
                }
            }
            _ => return None,
        }
        let id = field(current, "@id").filter(|i| is_web_address(i));
        if id.is_some() || !name.is_empty() {
            return Some(Agent { id, name });
        }
        current = current.get("subOrganizationOf")?;
    }
    None
}

fn contact(v: &Value) -> Option<Contact> {
    let name = field(v, "fn").or_else(|| field(v, "name"));
    let email = field(v, "hasEmail")
        .or_else(|| field(v, "email"))
        .and_then(|e| mailto(&e));
    let url = field(v, "hasURL").or_else(|| field(v, "url"));
    (name.is_some() || email.is_some() || url.is_some()).then_some(Contact { name, email, url })
}

fn distribution(d: &Value) -> Option<Distribution> {
    if !d.is_object() {
        return None;
    }
    Some(Distribution {
        id: field(d, "@id").filter(|i| is_web_address(i)),
        title: d.get("title").map(lang_text).unwrap_or_default(),
        description: d.get("description").map(lang_text).unwrap_or_default(),
        access_url: field(d, "accessURL"),
        download_url: field(d, "downloadURL"),
        format: field(d, "format"),
        media_type: field(d, "mediaType"),
        license: field(d, "license").map(|l| licence_iri(&l).unwrap_or(l)),
    })
}
