//! A small, generic JSON-LD *node* reader: DCAT-AP JSON-LD written with any
//! context (ckanext-dcat's `dcat:`/`dcterms:` prefixes, full IRIs as keys,
//! `@graph` wrappers, expanded form) and schema.org `Dataset` /
//! `DataCatalog` JSON-LD.
//!
//! It is not a full JSON-LD processor. Keys are resolved through the
//! document's *inline* `@context` (prefixes, terms, `@vocab`, `@language`,
//! `@type: @id`, language containers); remote contexts are never fetched,
//! but the well-known ones (schema.org, the DCAT-US/POD context) have
//! built-in mappings. Nested node objects and `@graph` members are
//! flattened into triples for the shared `dcat_graph` builder, so JSON-LD
//! maps to the model exactly as RDF/XML and Turtle do. Recursion is bounded.

use super::dcat_graph::{build, Graph, Key, Object};
use super::report::note;
use super::ReadError;
use crate::model::Catalog;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::rc::Rc;

/// Deeper nesting than this is ignored (and reported once).
const MAX_DEPTH: usize = 48;

/// Remote contexts are reported only while there are fewer problems than
/// this, so a document that lists many does not crowd out the others.
const MAX_CONTEXT_PROBLEMS: usize = 5;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const SCHEMA: &str = "http://schema.org/";

/// The POD (DCAT-US 1.1) context, as far as the model needs it.
const POD_TERMS: [(&str, &str); 22] = [
    ("Catalog", "http://www.w3.org/ns/dcat#Catalog"),
    ("Dataset", "http://www.w3.org/ns/dcat#Dataset"),
    ("Distribution", "http://www.w3.org/ns/dcat#Distribution"),
    ("dataset", "http://www.w3.org/ns/dcat#dataset"),
    ("title", "http://purl.org/dc/terms/title"),
    ("description", "http://purl.org/dc/terms/description"),
    ("keyword", "http://www.w3.org/ns/dcat#keyword"),
    ("modified", "http://purl.org/dc/terms/modified"),
    ("issued", "http://purl.org/dc/terms/issued"),
    ("publisher", "http://purl.org/dc/terms/publisher"),
    ("name", "http://xmlns.com/foaf/0.1/name"),
    ("contactPoint", "http://www.w3.org/ns/dcat#contactPoint"),
    ("fn", "http://www.w3.org/2006/vcard/ns#fn"),
    ("hasEmail", "http://www.w3.org/2006/vcard/ns#hasEmail"),
    ("identifier", "http://purl.org/dc/terms/identifier"),
    ("license", "http://purl.org/dc/terms/license"),
    ("landingPage", "http://www.w3.org/ns/dcat#landingPage"),
    (
        "accrualPeriodicity",
        "http://purl.org/dc/terms/accrualPeriodicity",
    ),
    ("distribution", "http://www.w3.org/ns/dcat#distribution"),
    ("downloadURL", "http://www.w3.org/ns/dcat#downloadURL"),
    ("accessURL", "http://www.w3.org/ns/dcat#accessURL"),
    ("mediaType", "http://www.w3.org/ns/dcat#mediaType"),
];

/// Whether a remote context URL is schema.org's.
pub(crate) fn is_schema_org_context(url: &str) -> bool {
    let u = url.trim().trim_end_matches('/');
    let u = u.strip_suffix("/docs/jsonldcontext.jsonld").unwrap_or(u);
    matches!(
        u.to_ascii_lowercase().as_str(),
        "http://schema.org"
            | "https://schema.org"
            | "schema.org"
            | "http://www.schema.org"
            | "https://www.schema.org"
    )
}

/// Whether a remote context URL is the DCAT-US (Project Open Data) one.
pub(crate) fn is_pod_context(url: &str) -> bool {
    url.contains("project-open-data.cio.gov")
}

#[derive(Clone, Default)]
struct TermDef {
    id: String,
    /// `"@type": "@id"` / `"@vocab"`: a string value is an IRI.
    iri_value: bool,
    /// `"@container": "@language"`: the value is a language map.
    language_map: bool,
    /// A term-specific `@language`.
    language: Option<String>,
}

#[derive(Clone, Default)]
struct Context {
    terms: HashMap<String, TermDef>,
    vocab: Option<String>,
    language: Option<String>,
}

impl Context {
    /// Applies a `@context` value (string, object, array or null).
    fn apply(&mut self, value: &Value, problems: &mut Vec<String>, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Null => *self = Context::default(),
            Value::String(url) => {
                if is_schema_org_context(url) {
                    self.vocab = Some(SCHEMA.to_owned());
                } else if is_pod_context(url) {
                    for (term, iri) in POD_TERMS {
                        self.terms.insert(
                            term.to_owned(),
                            TermDef {
                                id: iri.to_owned(),
                                iri_value: matches!(
                                    term,
                                    "license" | "landingPage" | "downloadURL" | "accessURL"
                                ),
                                ..TermDef::default()
                            },
                        );
                    }
                } else if problems.len() < MAX_CONTEXT_PROBLEMS {
                    note(
                        problems,
                        format!("remote JSON-LD context {url:?} not fetched"),
                    );
                }
            }
            Value::Array(items) => items
                .iter()
                .for_each(|i| self.apply(i, problems, depth + 1)),
            Value::Object(map) => self.apply_object(map),
            Value::Bool(_) | Value::Number(_) => {}
        }
    }

    fn apply_object(&mut self, map: &Map<String, Value>) {
        if let Some(v) = map.get("@vocab") {
            self.vocab = v.as_str().map(|s| self.expand_prefix(s));
        }
        if let Some(v) = map.get("@language") {
            self.language = v.as_str().map(str::to_owned);
        }
        // Terms may use prefixes defined later in the same context; two
        // passes settle the usual cases.
        for _ in 0..2 {
            for (term, def) in map {
                if term.starts_with('@') {
                    continue;
                }
                let mut d = TermDef::default();
                match def {
                    Value::String(id) => d.id = id.clone(),
                    Value::Object(o) => {
                        d.id = match o.get("@id").and_then(Value::as_str) {
                            Some(id) => id.to_owned(),
                            None => term.clone(),
                        };
                        d.iri_value = matches!(
                            o.get("@type").and_then(Value::as_str),
                            Some("@id" | "@vocab")
                        );
                        d.language_map = match o.get("@container") {
                            Some(Value::String(c)) => c == "@language",
                            Some(Value::Array(cs)) => cs.iter().any(|c| c == "@language"),
                            _ => false,
                        };
                        d.language = o
                            .get("@language")
                            .and_then(Value::as_str)
                            .map(str::to_owned);
                    }
                    // `"term": null` removes a term.
                    Value::Null => {
                        self.terms.remove(term);
                        continue;
                    }
                    _ => continue,
                }
                if d.id.starts_with('@') {
                    // Keyword aliases are not supported; ignored.
                    continue;
                }
                d.id = self.expand_prefix(&d.id);
                self.terms.insert(term.clone(), d);
            }
        }
    }

    /// `dcat:dataset` → full IRI when `dcat` is a known prefix.
    fn expand_prefix(&self, value: &str) -> String {
        if let Some((prefix, suffix)) = value.split_once(':') {
            if !suffix.starts_with("//") {
                if let Some(def) = self.terms.get(prefix) {
                    if def.id != value {
                        return format!("{}{suffix}", def.id);
                    }
                }
            }
        }
        value.to_owned()
    }

    /// A property key → (predicate IRI, term definition).
    fn expand_key(&self, key: &str) -> Option<(String, TermDef)> {
        if let Some(def) = self.terms.get(key) {
            return Some((def.id.clone(), def.clone()));
        }
        if key.contains(':') {
            let iri = self.expand_prefix(key);
            return Some((iri, TermDef::default()));
        }
        let vocab = self.vocab.as_ref()?;
        Some((format!("{vocab}{key}"), TermDef::default()))
    }

    /// A `@type` value → class IRI (terms and `@vocab` apply).
    fn expand_type(&self, value: &str) -> String {
        if let Some(def) = self.terms.get(value) {
            return def.id.clone();
        }
        if value.contains(':') {
            return self.expand_prefix(value);
        }
        match &self.vocab {
            Some(vocab) => format!("{vocab}{value}"),
            None => value.to_owned(),
        }
    }
}

struct Reader {
    graph: Graph,
    problems: Vec<String>,
    blank: usize,
    too_deep: bool,
}

/// Reads any JSON-LD document holding DCAT or schema.org datasets.
/// `schema_default`: read keys without a context as schema.org terms.
pub(crate) fn read_nodes(doc: &Value, schema_default: bool) -> Result<Catalog, ReadError> {
    let mut reader = Reader {
        graph: Graph::default(),
        problems: Vec::new(),
        blank: 0,
        too_deep: false,
    };
    let mut ctx = Context::default();
    if schema_default {
        ctx.vocab = Some(SCHEMA.to_owned());
    }
    let ctx = Rc::new(ctx);
    reader.top(doc, &ctx, 0);
    if reader.too_deep {
        note(
            &mut reader.problems,
            format!("JSON-LD nested deeper than {MAX_DEPTH} levels: the rest ignored"),
        );
    }
    build(reader.graph, reader.problems)
}

impl Reader {
    /// A top-level value: a node, an array of nodes or a `@graph` wrapper.
    fn top(&mut self, value: &Value, ctx: &Rc<Context>, depth: usize) {
        if depth > MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|i| self.top(i, ctx, depth + 1)),
            Value::Object(_) => {
                self.node(value, ctx, depth + 1);
            }
            _ => {}
        }
    }

    fn fresh_blank(&mut self) -> Key {
        self.blank += 1;
        Key::Blank(format!("jsonld{}", self.blank))
    }

    /// Reads a node object and returns its key; `@graph` members inside it
    /// are read as nodes of their own.
    fn node(&mut self, value: &Value, parent: &Rc<Context>, depth: usize) -> Option<Key> {
        if depth > MAX_DEPTH {
            self.too_deep = true;
            return None;
        }
        let obj = value.as_object()?;
        let ctx = match obj.get("@context") {
            Some(local) => {
                let mut c = (**parent).clone();
                c.apply(local, &mut self.problems, 0);
                Rc::new(c)
            }
            None => Rc::clone(parent),
        };
        if let Some(graph) = obj.get("@graph") {
            self.top(graph, &ctx, depth + 1);
            // A bare wrapper `{"@context", "@graph"}` is not a node itself.
            if obj
                .keys()
                .all(|k| matches!(k.as_str(), "@context" | "@graph" | "@id"))
            {
                return None;
            }
        }
        let key = match obj.get("@id").and_then(Value::as_str).map(str::trim) {
            Some(id) if id.starts_with("_:") => Key::Blank(id.to_owned()),
            Some(id) if !id.is_empty() => Key::Iri(ctx.expand_prefix(id)),
            _ => self.fresh_blank(),
        };
        self.graph.touch(key.clone());
        if let Some(types) = obj.get("@type") {
            let types: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            for t in types {
                let class = ctx.expand_type(t);
                self.graph
                    .add(key.clone(), RDF_TYPE, Object::Node(Key::Iri(class)));
            }
        }
        for (k, v) in obj {
            if k.starts_with('@') {
                continue;
            }
            let Some((predicate, def)) = ctx.expand_key(k) else {
                continue;
            };
            let mut objects = Vec::new();
            self.objects(v, &def, &ctx, depth + 1, &mut objects);
            for o in objects {
                self.graph.add(key.clone(), &predicate, o);
            }
        }
        Some(key)
    }

    /// The objects a property value stands for.
    fn objects(
        &mut self,
        value: &Value,
        def: &TermDef,
        ctx: &Rc<Context>,
        depth: usize,
        out: &mut Vec<Object>,
    ) {
        if depth > MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        let default_lang = || {
            def.language
                .clone()
                .or_else(|| ctx.language.clone())
                .unwrap_or_default()
        };
        match value {
            Value::Null => {}
            Value::String(s) => {
                if def.iri_value {
                    out.push(Object::Node(Key::Iri(ctx.expand_prefix(s.trim()))));
                } else {
                    out.push(Object::Literal {
                        text: s.clone(),
                        lang: default_lang(),
                    });
                }
            }
            Value::Number(n) => out.push(Object::Literal {
                text: n.to_string(),
                lang: String::new(),
            }),
            Value::Bool(b) => out.push(Object::Literal {
                text: b.to_string(),
                lang: String::new(),
            }),
            Value::Array(items) => {
                for i in items {
                    self.objects(i, def, ctx, depth + 1, out);
                }
            }
            Value::Object(o) => {
                if let Some(v) = o.get("@value") {
                    out.extend(value_object(v, o, default_lang));
                } else if let Some(list) = o.get("@list").or_else(|| o.get("@set")) {
                    self.objects(list, def, ctx, depth + 1, out);
                } else if def.language_map {
                    language_map(o, out);
                } else if let Some(key) = self.node(value, ctx, depth + 1) {
                    out.push(Object::Node(key));
                }
            }
        }
    }
}

/// `{"@value": v, "@language": …}`: a literal, unless `v` is no scalar.
fn value_object(
    v: &Value,
    o: &Map<String, Value>,
    default_lang: impl FnOnce() -> String,
) -> Option<Object> {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    let lang = o
        .get("@language")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(default_lang);
    Some(Object::Literal { text, lang })
}

/// A language container (`{"sv": "…", "@none": ["…"]}`): one literal per
/// text.
fn language_map(o: &Map<String, Value>, out: &mut Vec<Object>) {
    for (lang, v) in o {
        let lang = if lang == "@none" { "" } else { lang.as_str() };
        for text in strings(v) {
            out.push(Object::Literal {
                text,
                lang: lang.to_owned(),
            });
        }
    }
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn expanded_form() {
        let doc = json!([{
            "@id": "https://e.se/d1",
            "@type": ["http://www.w3.org/ns/dcat#Dataset"],
            "http://purl.org/dc/terms/title": [{"@value": "Titel", "@language": "sv-SE"}],
            "http://www.w3.org/ns/dcat#distribution": [{"@id": "_:b0"}]
        }, {
            "@id": "_:b0",
            "http://www.w3.org/ns/dcat#downloadURL": [{"@id": "https://e.se/f.csv"}]
        }]);
        let c = read_nodes(&doc, false).unwrap();
        assert_eq!(c.datasets.len(), 1);
        assert_eq!(c.datasets[0].title.text("sv"), "Titel");
        assert_eq!(c.datasets[0].title.0[0].0, "sv");
        assert_eq!(
            c.datasets[0].distributions[0].download_url.as_deref(),
            Some("https://e.se/f.csv")
        );
    }

    #[test]
    fn schema_org_keywords_and_identifier() {
        let doc = json!({
            "@context": "https://schema.org/",
            "@type": "Dataset",
            "name": "N",
            "keywords": "a, b,c",
            "identifier": {"@type": "PropertyValue", "value": "doi:1"},
            "creator": {"@type": "Person", "name": "P", "url": "https://p.se"}
        });
        let c = read_nodes(&doc, false).unwrap();
        let d = &c.datasets[0];
        assert_eq!(d.id, "doi:1");
        assert_eq!(d.keywords.len(), 3);
        let p = d.publisher.as_ref().unwrap();
        assert_eq!(p.id.as_deref(), Some("https://p.se"));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut v = json!({"@type": "http://www.w3.org/ns/dcat#Dataset"});
        for _ in 0..100 {
            v = json!({"http://www.w3.org/ns/dcat#distribution": v});
        }
        let _ = read_nodes(&v, false);
    }
}
