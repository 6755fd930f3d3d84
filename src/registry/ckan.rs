//! CKAN Action API responses: `package_search`, `package_show`,
//! `current_package_list_with_resources`, a bare package dict or a list of
//! them, in the core schema, ckanext-scheming (`*_translated` fields,
//! repeating `contact`/`publisher` subfields) and the legacy `extras`
//! key/value list that ckanext-dcat harvesters fill.
//!
//! Some portals (EnviDat) put JSON *inside strings* (`"tags": "[{…}]"`,
//! `"maintainer": "{…}"`); such strings are parsed before use.

use super::common::{clean_links, field, lang_text, push_keyword, text, texts};
use super::dcat_graph::mailto;
use super::report::{note, push_dataset, skip};
use super::{ids, url, ReadError};
use crate::model::{Agent, Catalog, Contact, Dataset, Distribution, LangText};
use crate::vocab::{frequency_iri, licence_iri, theme_iri};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashSet;

/// Fields only CKAN package dicts have (at least one of them).
const PACKAGE_FIELDS: [&str; 7] = [
    "resources",
    "num_resources",
    "notes",
    "license_id",
    "metadata_modified",
    "owner_org",
    "notes_translated",
];

/// Whether a JSON object is a CKAN package dict.
pub(crate) fn looks_like_package(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| PACKAGE_FIELDS.iter().any(|f| o.contains_key(*f)))
}

/// Whether the JSON is a CKAN API envelope (`{"success": …, "result": …}`).
pub(crate) fn is_api_response(v: &Value) -> bool {
    v.get("result").is_some() && (v.get("success").is_some() || v.get("help").is_some())
}

/// Reads any CKAN response or package(s). `base` resolves relative links.
pub(crate) fn read(doc: &Value, base: Option<&str>) -> Result<Catalog, ReadError> {
    let packages = packages(doc)?;
    let mut catalog = Catalog::default();
    let mut seen = HashSet::new();
    for (position, package) in packages.iter().enumerate() {
        match dataset(package, &seen) {
            Ok(d) => push_dataset(&mut catalog, &mut seen, d),
            Err(reason) => skip(&mut catalog, format!("CKAN package {position}: {reason}")),
        }
    }
    if let Some(count) = doc
        .get("result")
        .and_then(|r| r.get("count"))
        .and_then(Value::as_u64)
    {
        if count > packages.len() as u64 {
            note(
                &mut catalog.problems,
                format!(
                    "this CKAN response holds {} of {count} packages (one page of package_search)",
                    packages.len()
                ),
            );
        }
    }
    clean_links(&mut catalog, base);
    Ok(catalog)
}

/// The package dicts: a list of them, one, or an API response holding them
/// (`result` as a list, a `package_search` page or one package).
fn packages(doc: &Value) -> Result<Vec<&Value>, ReadError> {
    let no_packages = || ReadError::NotACatalogue {
        hint: "a CKAN API response without packages".into(),
    };
    match doc {
        Value::Array(items) => Ok(items.iter().collect()),
        Value::Object(o) if o.contains_key("result") || o.contains_key("success") => {
            if doc.get("success") == Some(&Value::Bool(false)) {
                let message = doc
                    .get("error")
                    .and_then(|e| field(e, "message"))
                    .unwrap_or_else(|| "no message".into());
                return Err(ReadError::NotACatalogue {
                    hint: format!("a CKAN API error response ({message})"),
                });
            }
            match doc.get("result") {
                Some(Value::Array(items)) if !items.iter().any(looks_like_package) => {
                    Err(not_packages(items))
                }
                Some(Value::Array(items)) => Ok(items.iter().collect()),
                Some(result @ Value::Object(r)) => match r.get("results") {
                    Some(Value::Array(items)) => Ok(items.iter().collect()),
                    _ if looks_like_package(result) => Ok(vec![result]),
                    _ => Err(no_packages()),
                },
                _ => Err(no_packages()),
            }
        }
        Value::Object(_) => Ok(vec![doc]),
        _ => Err(ReadError::NotACatalogue {
            hint: "JSON that is not a CKAN package".into(),
        }),
    }
}

/// `organization_list`, `group_list`, `package_list` and the like.
fn not_packages(items: &[Value]) -> ReadError {
    let hint = if items.iter().all(Value::is_string) {
        "a CKAN list of names (package_list or organization_list?); use package_search".into()
    } else if items
        .iter()
        .any(|i| i.get("is_organization").is_some() || i.get("package_count").is_some())
    {
        "a CKAN organization or group list, not datasets; use package_search".into()
    } else {
        "a CKAN API response without packages".into()
    };
    ReadError::NotACatalogue { hint }
}

/// A string holding JSON (`"[{…}]"`, `"{…}"`) is read as that JSON.
fn unjson(v: &Value) -> Cow<'_, Value> {
    if let Value::String(s) = v {
        let t = s.trim_start();
        if t.starts_with('{') || t.starts_with('[') {
            if let Ok(parsed) = serde_json::from_str::<Value>(s) {
                return Cow::Owned(parsed);
            }
        }
    }
    Cow::Borrowed(v)
}

fn get<'a>(o: &'a Value, key: &str) -> Option<Cow<'a, Value>> {
    o.get(key).map(unjson).filter(|v| !v.is_null())
}

/// The legacy `extras` list (`[{"key": …, "value": …}]`) or an object.
fn extras(p: &Value) -> Vec<(String, Value)> {
    match p.get("extras").map(unjson).as_deref() {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|e| {
                let key = e.get("key")?.as_str()?.to_owned();
                Some((key, e.get("value").cloned().unwrap_or(Value::Null)))
            })
            .collect(),
        Some(Value::Object(o)) => o.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    }
}

/// A package dict with its legacy `extras`, read by name.
struct Package<'a> {
    dict: &'a Value,
    extras: Vec<(String, Value)>,
}

impl<'a> Package<'a> {
    fn new(dict: &'a Value) -> Self {
        Package {
            dict,
            extras: extras(dict),
        }
    }

    /// A field of the dict as text.
    fn field(&self, key: &str) -> Option<String> {
        field(self.dict, key)
    }

    /// A field of the dict, JSON in a string parsed.
    fn get(&self, key: &str) -> Option<Cow<'a, Value>> {
        get(self.dict, key)
    }

    /// The value of a legacy extra, JSON in a string parsed.
    fn extra_value(&self, key: &str) -> Option<Cow<'_, Value>> {
        self.extras
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| unjson(v))
    }

    /// A legacy extra as text.
    fn extra(&self, key: &str) -> Option<String> {
        self.extra_value(key).and_then(|v| text(&v))
    }

    /// A scheming field, else the legacy extra of the same name.
    fn value(&self, key: &str) -> Option<String> {
        self.field(key).or_else(|| self.extra(key))
    }
}

fn dataset(p: &Value, taken: &HashSet<String>) -> Result<Dataset, String> {
    if !p.is_object() {
        return Err("not an object".into());
    }
    let package = Package::new(p);
    let title = translated(p, "title_translated", "title");
    let description = description(p);
    let (id, identifier) = identity(&package, &title, &description, taken)?;
    Ok(Dataset {
        id,
        identifier,
        title,
        description,
        keywords: keywords(p),
        publisher: publisher(&package),
        themes: themes(&package),
        license: licence(&package),
        access_rights: package.value("access_rights"),
        issued: package
            .value("issued")
            .or_else(|| package.extra("dcat_issued"))
            .or_else(|| package.field("metadata_created")),
        modified: package
            .value("modified")
            .or_else(|| package.extra("dcat_modified"))
            .or_else(|| package.field("metadata_modified")),
        landing_page: package
            .field("url")
            .or_else(|| package.value("landing_page")),
        contact_point: contact(&package),
        accrual_periodicity: frequency(&package),
        distributions: distributions(p),
        quality: None,
    })
}

/// `notes` (CKAN's name for it), else `description`.
fn description(p: &Value) -> LangText {
    let notes = translated(p, "notes_translated", "notes");
    if notes.is_empty() {
        translated(p, "description_translated", "description")
    } else {
        notes
    }
}

/// The id and `dcterms:identifier`. The id is the DCAT `uri` when there is
/// one, else CKAN's own id or name (stable within the portal); the
/// identifier is the DCAT one, else the harvested `guid`, else those. A
/// package with none of them, no title and no resources is no dataset.
fn identity(
    package: &Package,
    title: &LangText,
    description: &LangText,
    taken: &HashSet<String>,
) -> Result<(String, Option<String>), String> {
    let ckan_id = package.field("id");
    let name = package.field("name");
    let identifier = package
        .value("identifier")
        .or_else(|| package.extra("guid"))
        .or_else(|| ckan_id.clone())
        .or_else(|| name.clone());
    if title.is_empty() && identifier.is_none() && package.dict.get("resources").is_none() {
        return Err("neither title, id, name nor resources".into());
    }
    let id = package
        .value("uri")
        .or(ckan_id)
        .or(name)
        .or_else(|| identifier.clone())
        .unwrap_or_else(|| ids::from_texts(title, description, taken));
    Ok((id, identifier))
}

/// Scheming `tags_translated` / `keywords` language maps, else the plain
/// `tags` (strings, or dicts with a `display_name` or `name`).
fn keywords(p: &Value) -> Vec<(String, String)> {
    let mut keywords = Vec::new();
    for key in ["tags_translated", "keywords"] {
        if let Some(Value::Object(map)) = get(p, key).as_deref() {
            for (lang, words) in map {
                for w in texts(words) {
                    push_keyword(&mut keywords, lang, &w);
                }
            }
        }
    }
    if keywords.is_empty() {
        if let Some(Value::Array(tags)) = get(p, "tags").as_deref() {
            for tag in tags {
                let word = match tag {
                    Value::String(s) => Some(s.clone()),
                    other => field(other, "display_name").or_else(|| field(other, "name")),
                };
                if let Some(w) = word {
                    push_keyword(&mut keywords, "", &w);
                }
            }
        }
    }
    keywords
}

/// `theme` (a field, then the extra): EU theme codes and theme IRIs (a
/// list of URIs in ckanext-dcat); then groups named after an EU theme.
fn themes(package: &Package) -> Vec<String> {
    let mut themes = Vec::new();
    let mut add = |theme: String| {
        if !themes.contains(&theme) {
            themes.push(theme);
        }
    };
    let listed = [package.get("theme"), package.extra_value("theme")]
        .into_iter()
        .flatten()
        .flat_map(|t| texts(&t));
    for t in listed {
        if let Some(iri) = theme_iri(&t).or_else(|| url::is_absolute(&t).then_some(t)) {
            add(iri);
        }
    }
    if let Some(Value::Array(groups)) = package.get("groups").as_deref() {
        for g in groups {
            let theme = ["name", "id", "title"]
                .iter()
                .filter_map(|k| field(g, k))
                .find_map(|v| theme_iri(&v));
            if let Some(t) = theme {
                add(t);
            }
        }
    }
    themes
}

/// `license_id` when it names a known licence, else `license_url`, the
/// `license_title` of a known one, the extras, and last the id as it is
/// (unless it says there is none).
fn licence(package: &Package) -> Option<String> {
    package
        .field("license_id")
        .and_then(|l| licence_iri(&l))
        .or_else(|| package.field("license_url"))
        .or_else(|| package.field("license_title").and_then(|l| licence_iri(&l)))
        .or_else(|| {
            package
                .extra("license")
                .or_else(|| package.extra("licence"))
        })
        .or_else(|| {
            package
                .field("license_id")
                .filter(|l| !matches!(l.as_str(), "notspecified" | "other" | "other-undefined"))
        })
}

/// The update frequency, as an EU frequency IRI when it names one.
fn frequency(package: &Package) -> Option<String> {
    package
        .value("frequency")
        .or_else(|| package.extra("accrual_periodicity"))
        .or_else(|| package.extra("frequency-of-update"))
        .map(|f| frequency_iri(&f).unwrap_or(f))
}

fn distributions(p: &Value) -> Vec<Distribution> {
    match get(p, "resources").as_deref() {
        Some(Value::Array(resources)) => resources.iter().filter_map(distribution).collect(),
        _ => Vec::new(),
    }
}

/// A scheming `*_translated` language map, else the plain field (which
/// then repeats one of the translations).
fn translated(o: &Value, translated_key: &str, key: &str) -> LangText {
    let t = get(o, translated_key)
        .map(|v| lang_text(&v))
        .unwrap_or_default();
    if !t.is_empty() {
        return t;
    }
    o.get(key).map(lang_text).unwrap_or_default()
}

/// Extras `publisher_uri`/`publisher_name`, else the scheming `publisher`
/// subfield, else the owning organisation.
fn publisher(package: &Package) -> Option<Agent> {
    let agent = |id: Option<String>, name: LangText| {
        (id.is_some() || !name.is_empty()).then_some(Agent { id, name })
    };
    if let Some(a) = agent(
        package.extra("publisher_uri"),
        package
            .extra("publisher_name")
            .map(LangText::plain)
            .unwrap_or_default(),
    ) {
        return Some(a);
    }
    if let Some(scheming) = package.get("publisher") {
        let first = match scheming.as_ref() {
            Value::Array(items) => items.first().cloned(),
            other => Some(other.clone()),
        };
        if let Some(s) = first {
            let name = translated(&s, "name_translated", "name");
            if let Some(a) = agent(
                field(&s, "uri")
                    .or_else(|| field(&s, "identifier"))
                    .or_else(|| field(&s, "url")),
                name,
            ) {
                return Some(a);
            }
        }
    }
    let org = package.get("organization")?;
    let mut name = translated(&org, "title_translated", "title");
    if name.is_empty() {
        if let Some(n) = field(&org, "name") {
            name.insert("", n);
        }
    }
    agent(field(&org, "name").or_else(|| field(&org, "id")), name)
}

/// Scheming `contact`, extras `contact_*`, else maintainer, else author.
fn contact(package: &Package) -> Option<Contact> {
    let make = |name: Option<String>, email: Option<String>, url: Option<String>| {
        let email = email.and_then(|e| mailto(&e));
        (name.is_some() || email.is_some() || url.is_some()).then_some(Contact { name, email, url })
    };
    if let Some(c) = package.get("contact") {
        let first = match c.as_ref() {
            Value::Array(items) => items.first().cloned(),
            other => Some(other.clone()),
        };
        if let Some(c) =
            first.and_then(|c| make(field(&c, "name"), field(&c, "email"), field(&c, "url")))
        {
            return Some(c);
        }
    }
    if let Some(c) = make(
        package.extra("contact_name"),
        package
            .extra("contact_email")
            .or_else(|| package.extra("contact-email")),
        package.extra("contact_uri"),
    ) {
        return Some(c);
    }
    for (person, email) in [
        ("maintainer", "maintainer_email"),
        ("author", "author_email"),
    ] {
        let (name, inner_email) = person_name(package.dict, person);
        if let Some(c) = make(name, package.field(email).or(inner_email), None) {
            return Some(c);
        }
    }
    None
}

/// A person field: a plain name, or JSON such as EnviDat's
/// `{"given_name": "A", "name": "B", "email": "…"}` (or a list of them).
fn person_name(p: &Value, key: &str) -> (Option<String>, Option<String>) {
    let Some(v) = get(p, key) else {
        return (None, None);
    };
    let person = match v.as_ref() {
        Value::Array(items) => items.first().cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    match &person {
        Value::Object(_) => {
            let full = [field(&person, "given_name"), field(&person, "name")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            ((!full.is_empty()).then_some(full), field(&person, "email"))
        }
        other => (text(other), None),
    }
}

fn distribution(r: &Value) -> Option<Distribution> {
    if !r.is_object() {
        return None;
    }
    let title = translated(r, "name_translated", "name");
    let description = translated(r, "description_translated", "description");
    let url = field(r, "url");
    Some(Distribution {
        id: field(r, "uri"),
        title,
        description,
        access_url: field(r, "access_url").or_else(|| url.clone()),
        download_url: field(r, "download_url"),
        format: field(r, "format"),
        media_type: field(r, "mimetype").or_else(|| field(r, "media_type")),
        license: field(r, "license").map(|l| licence_iri(&l).unwrap_or(l)),
    })
}
