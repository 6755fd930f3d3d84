//! piveau hub-search (data.europa.eu's `…/api/hub/search/search`): `q`,
//! `filters=dataset`, `facets` (a JSON object of facet id → selected ids),
//! `facetOperator=OR` (within a facet), `facetGroupOperator=AND` (across),
//! `limit` (≤ 1000), `page` (0-based), `sort`. The answer is `{ success,
//! result: { count, results: [hit], facets: [{ id, items: [{ id, count,
//! title }] }] } }` (piveau-hub-search `SearchResponseHelper.java`); a hit
//! is piveau's JSON view of a DCAT-AP dataset (language maps, `categories`,
//! `distributions` with `access_url`/`download_url` lists, …).
//!
//! piveau has no way to leave a facet's own selection out of its counts in
//! one request, so each selected facet costs one more (`limit=0`).

use super::{encode_component, plan, push_sort, Planned, RemoteError, RemotePage};
use crate::model::{Agent, Contact, Dataset, Distribution, LangText};
use crate::search::{Facet, FacetCounts, Filters, Request};
use serde_json::{Map, Value};

pub const MAX_LIMIT: usize = 1000;
const THEMES: &str = "http://publications.europa.eu/resource/authority/data-theme/";

/// The facet id piveau counts and filters a facet by.
pub fn field(facet: Facet) -> Option<&'static str> {
    Some(match facet {
        Facet::Publisher => "publisher",
        Facet::Theme => "categories",
        Facet::Format => "format",
        Facet::License => "license",
        Facet::AccessRights | Facet::Quality => return None,
    })
}

/// A theme's facet value is the EU data-theme IRI, as everywhere in the
/// widget; piveau names it by the code (`TRAN`).
fn to_service(facet: Facet, value: &str) -> String {
    match facet {
        Facet::Theme => value.strip_prefix(THEMES).unwrap_or(value).to_string(),
        _ => value.to_string(),
    }
}

fn from_service(facet: Facet, id: &str) -> String {
    match facet {
        Facet::Theme if !id.contains('/') => format!("{THEMES}{id}"),
        _ => id.to_string(),
    }
}

pub struct Piveau {
    /// The hub-search address, e.g. `https://data.europa.eu/api/hub/search`.
    pub base: String,
}

impl Piveau {
    pub fn new(base: &str) -> Piveau {
        let base = base.trim_end_matches('/');
        // `…/api/hub/search` is the service; its endpoint `…/search/search`
        // given instead names the same service.
        let base = if base.ends_with("/search/search") {
            &base[..base.len() - "/search".len()]
        } else {
            base
        };
        Piveau {
            base: base.to_string(),
        }
    }

    pub fn requests(&self, request: &Request, facets: &[Facet], lang: &str) -> Vec<Planned> {
        let limit = request.limit.clamp(1, MAX_LIMIT);
        plan(
            request,
            facets,
            |f| field(f).is_some(),
            |without, counted, page| {
                let r = &request;
                let mut url = format!(
                "{}/search?q={}&filters=dataset&facetOperator=OR&facetGroupOperator=AND&facets={}",
                self.base,
                encode_component(r.text.trim()),
                encode_component(&facets_json(&r.filters, without))
            );
                if page {
                    url.push_str(&format!("&limit={limit}&page={}", r.offset / limit));
                    push_sort(&mut url, r.sort, lang);
                } else {
                    url.push_str("&limit=0&page=0");
                }
                let _ = counted; // piveau answers every facet; the caller keeps the one asked for.
                url
            },
        )
    }

    pub fn parse(text: &str) -> Result<RemotePage, RemoteError> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| RemoteError::Unreadable(e.to_string()))?;
        if v.get("success").and_then(Value::as_bool) == Some(false) {
            let m = v
                .get("message")
                .or_else(|| v.pointer("/error/message"))
                .and_then(Value::as_str)
                .unwrap_or("success: false");
            return Err(RemoteError::Refused(m.to_string()));
        }
        let result = v
            .get("result")
            .ok_or_else(|| RemoteError::Unreadable("no \"result\"".into()))?;
        let total = match result.get("count") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(c) => c.get("total").and_then(Value::as_u64),
            None => None,
        }
        .ok_or_else(|| RemoteError::Unreadable("no \"result.count\"".into()))?
            as usize;
        let hits = result
            .get("results")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let datasets: Vec<Dataset> = hits.iter().filter_map(|h| hit(h.as_object()?)).collect();
        let skipped = hits.len() - datasets.len();
        let mut facets = Vec::new();
        let mut publisher_names = Vec::new();
        for group in result
            .get("facets")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let Some(id) = group.get("id").and_then(Value::as_str) else {
                continue;
            };
            let Some(facet) = Facet::ALL.into_iter().find(|f| field(*f) == Some(id)) else {
                continue;
            };
            let items = group
                .get("items")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut values = Vec::new();
            for i in items {
                let (Some(v), Some(n)) = (
                    i.get("id").and_then(Value::as_str),
                    i.get("count").and_then(Value::as_u64),
                ) else {
                    continue;
                };
                if facet == Facet::Publisher {
                    if let Some(t) = i.get("title").and_then(Value::as_str) {
                        publisher_names.push((v.to_string(), t.to_string()));
                    }
                }
                values.push((from_service(facet, v), n as u32));
            }
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            facets.push(FacetCounts { facet, values });
        }
        Ok(RemotePage {
            total,
            datasets,
            facets,
            skipped,
            publisher_names,
        })
    }
}

/// `{"categories":["TRAN"],"format":["CSV"]}`: the filters but `without`'s.
pub fn facets_json(filters: &Filters, without: Option<Facet>) -> String {
    let mut o = Map::new();
    for (facet, values) in filters.iter() {
        let Some(id) = field(facet).filter(|_| Some(facet) != without && !values.is_empty()) else {
            continue;
        };
        o.insert(
            id.into(),
            Value::Array(
                values
                    .iter()
                    .map(|v| Value::String(to_service(facet, v)))
                    .collect(),
            ),
        );
    }
    Value::Object(o).to_string()
}

/// A language map (`{"sv": "…"}`) or a plain string.
fn lang_text(v: Option<&Value>) -> LangText {
    let mut t = LangText::new();
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() => t.insert("", s.trim()),
        Some(Value::Object(m)) => {
            for (lang, s) in m {
                if let Some(s) = s.as_str().filter(|s| !s.trim().is_empty()) {
                    t.insert(lang, s.trim());
                }
            }
        }
        _ => {}
    }
    t
}

fn string(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The first web address of a list (`["https://…"]`, `[{"resource": …}]`)
/// or of a single value.
fn first_url(v: Option<&Value>) -> Option<String> {
    let one = |x: &Value| string(Some(x)).or_else(|| string(x.get("resource")));
    match v? {
        Value::Array(a) => a.iter().find_map(one),
        x => one(x),
    }
    .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// One hit as a dataset; `None` when it has no id at all.
fn hit(h: &Map<String, Value>) -> Option<Dataset> {
    let id = string(h.get("resource")).or_else(|| string(h.get("id")))?;
    let keywords = h
        .get("keywords")
        .and_then(Value::as_array)
        .map(|ks| {
            ks.iter()
                .filter_map(|k| {
                    Some((
                        string(k.get("language")).unwrap_or_default(),
                        string(k.get("label"))?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let publisher = h.get("publisher").filter(|p| p.is_object()).map(|p| Agent {
        id: string(p.get("resource")).or_else(|| string(p.get("name"))),
        name: lang_text(p.get("name")),
    });
    let themes = h
        .get("categories")
        .and_then(Value::as_array)
        .map(|cs| {
            cs.iter()
                .filter_map(|c| {
                    string(c.get("resource"))
                        .or_else(|| string(c.get("id")).map(|i| from_service(Facet::Theme, &i)))
                })
                .collect()
        })
        .unwrap_or_default();
    let contact = h
        .get("contact_point")
        .and_then(Value::as_array)
        .and_then(|cs| {
            let name = cs.iter().find_map(|c| string(c.get("name")));
            let email = cs.iter().find_map(|c| string(c.get("email")));
            (name.is_some() || email.is_some()).then(|| Contact {
                name,
                email: email.map(|e| {
                    if e.starts_with("mailto:") {
                        e
                    } else {
                        format!("mailto:{e}")
                    }
                }),
                url: None,
            })
        });
    let distributions = h
        .get("distributions")
        .and_then(Value::as_array)
        .map(|ds| {
            ds.iter()
                .map(|d| Distribution {
                    id: string(d.get("id")),
                    title: lang_text(d.get("title")),
                    description: lang_text(d.get("description")),
                    access_url: first_url(d.get("access_url")),
                    download_url: first_url(d.get("download_url")),
                    format: d
                        .get("format")
                        .and_then(|f| string(f.get("resource")).or_else(|| string(f.get("id")))),
                    media_type: string(d.get("media_type")),
                    license: d
                        .get("license")
                        .and_then(|l| string(l.get("resource")).or_else(|| string(l.get("id")))),
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Dataset {
        id,
        identifier: string(h.get("id")),
        title: lang_text(h.get("title")),
        description: lang_text(h.get("description")),
        keywords,
        publisher,
        themes,
        issued: string(h.get("issued")),
        modified: string(h.get("modified")),
        landing_page: first_url(h.get("landing_page")),
        contact_point: contact,
        distributions,
        ..Default::default()
    })
}
