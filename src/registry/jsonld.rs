//! The registry format: DCAT-AP-SE as JSON-LD compacted against the
//! project's own context (`context.jsonld`, documented in `docs/registry.md`).
//!
//! This is the widget's fast path, so it is read with plain serde structs and
//! no JSON-LD processing: the context is fixed, so the term names *are* the
//! DCAT properties. The file stays real JSON-LD (the context travels inline)
//! so any RDF tool can read it too.
//!
//! Each dataset record is parsed on its own from a raw slice, so one broken
//! record is skipped and counted instead of failing the catalogue. serde_json
//! bounds nesting depth (128), so hostile nesting cannot overflow the stack.

use super::common::push_tagged_keyword;
use super::json_repair::{self, Repairs};
use super::report::{note, note_first, skip};
use super::url::is_writable_iri;
use super::{ids, strip_bom, ReadError};
use crate::model::{normalise_lang, Agent, Catalog, Contact, Dataset, Distribution, LangText};
use serde::de::{self, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;

/// The context every written registry embeds, so the file is valid RDF
/// without fetching anything.
pub const CONTEXT: &str = include_str!("context.jsonld");

// ---------------------------------------------------------------- reading

/// Reads a registry file. Fails only when the whole text is unusable; bad
/// dataset records are skipped and counted in `Catalog::skipped`.
///
/// This reads anything shaped like a registry; `registry::read` first
/// checks (at no extra cost, see [`read_fast`]) that the file really is one
/// and hands other JSON to the other readers.
pub fn read_registry(text: &str) -> Result<Catalog, ReadError> {
    match read_doc(text, false) {
        Fast::Read(result) => result,
        Fast::Other(e) => Err(e),
    }
}

/// The outcome of the fast path.
pub(crate) enum Fast {
    /// The text is a registry (or broken JSON): this is the answer.
    Read(Result<Catalog, ReadError>),
    /// Valid JSON, but not this project's registry format; the error says
    /// what it looks like in case no other reader takes it either.
    Other(ReadError),
}

/// The fast path of `registry::read`: reads the text as a registry, or
/// says it is some other JSON. Telling them apart costs nothing extra: the
/// top level is parsed once anyway, and only the `@context` (when inline)
/// and the first records' `title` are looked at.
pub(crate) fn read_fast(text: &str) -> Fast {
    read_doc(text, true)
}

fn read_doc(text: &str, strict: bool) -> Fast {
    let text = strip_bom(text);
    let top: &RawValue = match serde_json::from_str(text) {
        Ok(top) => top,
        Err(e) => return Fast::Read(Err(ReadError::Syntax(format!("JSON: {e}")))),
    };
    let doc: CatalogDoc = match serde_json::from_str(top.get()) {
        Ok(doc) => doc,
        Err(_) => return Fast::Other(not_a_registry(top.get())),
    };
    if strict && !context_is_ours(&doc) {
        return Fast::Other(not_a_registry(top.get()));
    }
    let Some(records) = doc.dataset else {
        if doc
            .kind
            .as_ref()
            .is_some_and(|k| k.0.iter().any(|t| t == "Catalog"))
        {
            // A catalogue that lists no datasets is still a catalogue.
            return Fast::Read(Ok(Catalog {
                id: doc.id.and_then(|t| t.0),
                ..Catalog::default()
            }));
        }
        return Fast::Other(not_a_registry(top.get()));
    };
    let records = split_records(records);
    if strict && doc.context.is_none() && plain_text_titles(&records) {
        // A data.json (DCAT-US, DCAT-AR) without `@context`: its titles
        // are strings where a registry has language maps.
        return Fast::Other(not_a_registry(top.get()));
    }

    let mut catalog = Catalog {
        id: doc.id.and_then(|t| t.0),
        ..Catalog::default()
    };
    read_catalog_field(&mut catalog, "title", doc.title, |c, v: LangEntries| {
        c.title = v.into_text()
    });
    read_catalog_field(
        &mut catalog,
        "description",
        doc.description,
        |c, v: LangEntries| c.description = v.into_text(),
    );
    read_catalog_field(
        &mut catalog,
        "publisher",
        doc.publisher,
        |c, v: AgentRecord| c.publisher = Some(v.into_agent()),
    );
    read_datasets(&mut catalog, &records);
    Fast::Read(Ok(catalog))
}

/// Each record on its own: a broken one is read as the browser would
/// ([`read_leniently`]) or skipped; a repeated id is skipped.
fn read_datasets(catalog: &mut Catalog, records: &[&RawValue]) {
    let mut reader = RecordReader::default();
    for raw in records {
        reader.read(catalog, raw.get());
    }
    reader.finish(catalog);
}

/// Reads dataset records one at a time into a catalogue: the rule for one
/// record, shared by the whole-text reader and the streaming one
/// (`registry::stream`).
#[derive(Default)]
pub(crate) struct RecordReader {
    position: usize,
    seen_ids: HashSet<String>,
    repaired: Repairs,
}

impl RecordReader {
    pub(crate) fn read(&mut self, catalog: &mut Catalog, raw: &str) {
        let position = self.position;
        self.position += 1;
        let record = serde_json::from_str::<DatasetRecord>(raw)
            .or_else(|e| read_leniently(raw, &mut self.repaired).ok_or(e));
        match record {
            Ok(record) => {
                let mut dataset = record.into_dataset(raw);
                if self.seen_ids.insert(dataset.id.clone()) {
                    dataset.shrink_to_fit();
                    catalog.datasets.push(dataset);
                } else {
                    skip(
                        catalog,
                        format!("dataset {position}: duplicate id {}", dataset.id),
                    );
                }
            }
            Err(e) => skip(catalog, format!("dataset {position}: {e}")),
        }
    }

    pub(crate) fn finish(self, catalog: &mut Catalog) {
        if self.repaired.any() {
            note_first(&mut catalog.problems, self.repaired.to_string());
        }
    }
}

/// Whether `head`, the start of a document up to its top-level `dataset`
/// key, is this project's registry by its inline `@context` (the streaming
/// reader decides here whether to read records as they arrive).
pub(crate) fn head_is_registry(head: &str) -> bool {
    let closed = format!("{}[]}}", head.trim_end());
    serde_json::from_str::<CatalogDoc>(strip_bom(&closed))
        .is_ok_and(|doc| doc.context.is_some() && context_is_ours(&doc))
}

/// A record the strict parse refused, read as the browser's `JSON.parse`
/// would: lone surrogates and huge numbers repaired (`json_repair`), and a
/// key written twice taking its last value (`serde_json::Value` keeps the
/// last, like `JSON.parse`; a derived struct refuses duplicates).
fn read_leniently(raw: &str, repaired: &mut Repairs) -> Option<DatasetRecord> {
    let fixed = json_repair::repair(raw);
    let text = fixed.as_ref().map_or(raw, |(t, _)| t.as_str());
    // Through `Value` and back to text rather than `deserialize(value)`:
    // that would compile every record type's deserializer a second time
    // (measured: +15 KB brotli); this reuses the text one.
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let record = serde_json::from_str::<DatasetRecord>(&value.to_string()).ok()?;
    if let Some((_, r)) = fixed {
        repaired.lone_surrogates += r.lone_surrogates;
        repaired.huge_numbers += r.huge_numbers;
    }
    Some(record)
}

/// A registry has no `@context` (plain JSON) or the project's inline one,
/// recognisable by `title` being a language container; a remote context
/// (DCAT-US, schema.org) or another inline one means other JSON-LD.
fn context_is_ours(doc: &CatalogDoc) -> bool {
    if doc
        .conforms_to
        .is_some_and(|c| c.get().contains("project-open-data"))
    {
        return false;
    }
    let Some(context) = doc.context else {
        return true;
    };
    #[derive(Deserialize)]
    struct Term {
        #[serde(rename = "@container", default)]
        container: Option<String>,
    }
    #[derive(Deserialize)]
    struct Ours {
        title: Option<Term>,
        dataset: Option<IgnoredAny>,
    }
    match serde_json::from_str::<Ours>(context.get()) {
        Ok(Ours {
            title: Some(Term { container }),
            dataset: Some(_),
        }) => container.as_deref() == Some("@language"),
        _ => false,
    }
}

/// Whether the first record that has a `title` gives it as a plain string
/// or number (data.json) rather than a language map (registry).
fn plain_text_titles(records: &[&RawValue]) -> bool {
    #[derive(Deserialize)]
    struct Peek<'a> {
        #[serde(borrow, default)]
        title: Option<&'a RawValue>,
    }
    records
        .iter()
        .take(20)
        .filter_map(|raw| serde_json::from_str::<Peek>(raw.get()).ok())
        .find_map(|p| p.title)
        .is_some_and(|t| !t.get().trim_start().starts_with(['{', '[', 'n']))
}

/// Catalogue-level fields are optional niceties: a broken one is reported
/// but does not cost the datasets.
fn read_catalog_field<T: for<'de> Deserialize<'de>>(
    catalog: &mut Catalog,
    name: &str,
    raw: Option<&RawValue>,
    apply: impl FnOnce(&mut Catalog, T),
) {
    let Some(raw) = raw else { return };
    match serde_json::from_str::<T>(raw.get()) {
        Ok(value) => apply(catalog, value),
        Err(e) => note(
            &mut catalog.problems,
            format!("catalogue {name} ignored: {e}"),
        ),
    }
}

/// `dataset` is normally an array, but a single record is accepted too.
fn split_records(raw: &RawValue) -> Vec<&RawValue> {
    if raw.get().trim_start().starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(raw.get()).unwrap_or_default()
    } else {
        vec![raw]
    }
}

/// Says what the JSON looks like instead, so the person can fix the URL.
fn not_a_registry(json: &str) -> ReadError {
    let trimmed = json.trim_start();
    let hint = if trimmed.starts_with('[') {
        "a JSON array (a CKAN package list?), not a registry object with a `dataset` list"
    } else if !trimmed.starts_with('{') {
        "a single JSON value, not a registry object with a `dataset` list"
    } else if json.contains("\"@graph\"") {
        "JSON-LD with @graph; the registry format has a top-level `dataset` list (see docs/registry.md)"
    } else if json.contains("\"result\"") && json.contains("\"success\"") {
        "a CKAN API response; convert the portal's DCAT export instead"
    } else if json.contains("\"conformsTo\"") && json.contains("project-open-data") {
        "a DCAT-US data.json; it has to be converted first"
    } else {
        "JSON without a `dataset` list (see docs/registry.md for the registry format)"
    };
    ReadError::NotACatalogue { hint: hint.into() }
}

/// The top level, with each field kept raw so a broken one can be skipped.
#[derive(Deserialize)]
struct CatalogDoc<'a> {
    #[serde(rename = "@context", borrow, default)]
    context: Option<&'a RawValue>,
    #[serde(rename = "conformsTo", borrow, default)]
    conforms_to: Option<&'a RawValue>,
    #[serde(rename = "@id", default)]
    id: Option<Text>,
    #[serde(rename = "@type", default)]
    kind: Option<Many<String>>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    description: Option<&'a RawValue>,
    #[serde(borrow, default)]
    publisher: Option<&'a RawValue>,
    #[serde(borrow, default)]
    dataset: Option<&'a RawValue>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DatasetRecord {
    #[serde(rename = "@id")]
    id: Option<Text>,
    identifier: Option<Text>,
    title: LangEntries,
    description: LangEntries,
    keyword: LangEntries,
    publisher: Option<AgentRecord>,
    theme: Many<Text>,
    license: Option<Text>,
    #[serde(rename = "accessRights")]
    access_rights: Option<Text>,
    issued: Option<Text>,
    modified: Option<Text>,
    #[serde(rename = "landingPage")]
    landing_page: Option<Text>,
    #[serde(rename = "contactPoint")]
    contact_point: Option<ContactRecord>,
    #[serde(rename = "accrualPeriodicity")]
    accrual_periodicity: Option<Text>,
    distribution: Many<DistributionRecord>,
    #[serde(rename = "hasQualityMeasurement")]
    quality: Many<MeasurementRecord>,
}

/// A `dqv:QualityMeasurement` of the quality score (see [`QUALITY_POINTS`]).
#[derive(Deserialize, Default)]
#[serde(default)]
struct MeasurementRecord {
    #[serde(rename = "isMeasurementOf")]
    of: Option<Text>,
    value: Option<Text>,
}

/// The metrics of the quality score this project's `harvest` writes
/// (`dqv:Metric`s): the points earned and the most that could be.
pub const QUALITY_POINTS: &str = "https://w3id.org/open-data-catalogue/quality#points";
pub const QUALITY_MAX: &str = "https://w3id.org/open-data-catalogue/quality#maximum";

fn quality(measurements: Vec<MeasurementRecord>) -> Option<crate::model::Quality> {
    let value = |metric: &str| {
        measurements
            .iter()
            .find(|m| m.of.as_ref().and_then(|t| t.0.as_deref()) == Some(metric))
            .and_then(|m| m.value.as_ref()?.0.as_deref()?.parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 1e6)
            .map(|v| v as u32)
    };
    let (points, max) = (value(QUALITY_POINTS)?, value(QUALITY_MAX)?);
    (max > 0 && points <= max).then_some(crate::model::Quality { points, max })
}

impl DatasetRecord {
    fn into_dataset(self, raw: &str) -> Dataset {
        let identifier = flat(self.identifier);
        let id = match flat(self.id) {
            // A blank-node label is only local to this file; the
            // identifier is the better key when there is one.
            Some(label) if label.starts_with("_:") => identifier.clone().unwrap_or(label),
            Some(iri) => iri,
            // A hash of the record's own text (see `ids` for why), not
            // made unique: a record repeated byte for byte is skipped.
            None => identifier.clone().unwrap_or_else(|| {
                ids::generated_id(ids::fnv1a([raw.as_bytes()]), &HashSet::new())
            }),
        };
        Dataset {
            id,
            identifier,
            title: self.title.into_text(),
            description: self.description.into_text(),
            keywords: self.keyword.into_keywords(),
            publisher: self.publisher.map(AgentRecord::into_agent),
            themes: self.theme.0.into_iter().filter_map(|t| t.0).collect(),
            license: flat(self.license),
            access_rights: flat(self.access_rights),
            issued: flat(self.issued),
            modified: flat(self.modified),
            landing_page: flat(self.landing_page),
            contact_point: self.contact_point.map(|c| Contact {
                name: flat(c.name),
                email: flat(c.email),
                url: flat(c.url),
            }),
            accrual_periodicity: flat(self.accrual_periodicity),
            distributions: self
                .distribution
                .0
                .into_iter()
                .map(DistributionRecord::into_distribution)
                .collect(),
            quality: quality(self.quality.0),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ContactRecord {
    #[serde(rename = "fn")]
    name: Option<Text>,
    #[serde(rename = "hasEmail")]
    email: Option<Text>,
    #[serde(rename = "hasURL")]
    url: Option<Text>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DistributionRecord {
    #[serde(rename = "@id")]
    id: Option<Text>,
    title: LangEntries,
    description: LangEntries,
    #[serde(rename = "accessURL")]
    access_url: Option<Text>,
    #[serde(rename = "downloadURL")]
    download_url: Option<Text>,
    format: Option<Text>,
    #[serde(rename = "mediaType")]
    media_type: Option<Text>,
    license: Option<Text>,
}

impl DistributionRecord {
    fn into_distribution(self) -> Distribution {
        Distribution {
            id: flat(self.id),
            title: self.title.into_text(),
            description: self.description.into_text(),
            access_url: flat(self.access_url),
            download_url: flat(self.download_url),
            format: flat(self.format),
            media_type: flat(self.media_type),
            license: flat(self.license),
        }
    }
}

/// A publisher: normally a node `{"@id", "name"}`, but a bare string is read
/// as its name. (By hand rather than `#[serde(untagged)]`, which copies the
/// value into a tree of its own first.)
enum AgentRecord {
    Node(AgentNode),
    Name(String),
}

#[derive(Deserialize)]
struct AgentNode {
    #[serde(rename = "@id", default)]
    id: Option<Text>,
    #[serde(default)]
    name: LangEntries,
}

impl<'de> Deserialize<'de> for AgentRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AgentVisitor)
    }
}

struct AgentVisitor;

impl<'de> Visitor<'de> for AgentVisitor {
    type Value = AgentRecord;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a publisher node or name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<AgentRecord, E> {
        Ok(AgentRecord::Name(v.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AgentRecord, A::Error> {
        AgentNode::deserialize(de::value::MapAccessDeserializer::new(map)).map(AgentRecord::Node)
    }
}

impl AgentRecord {
    fn into_agent(self) -> Agent {
        match self {
            AgentRecord::Node(AgentNode { id, name }) => Agent {
                id: flat(id),
                name: name.into_text(),
            },
            AgentRecord::Name(name) => Agent {
                id: None,
                name: LangText::plain(name),
            },
        }
    }
}

fn flat(text: Option<Text>) -> Option<String> {
    text.and_then(|t| t.0)
}

/// One text value, however the registry spelled it: `"x"`, `{"@id": "x"}`,
/// `{"@value": "x"}`, a number, or an array (its first usable element).
/// Blank text and unusable shapes become `None` rather than an error.
#[derive(Default)]
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, an {\"@id\"} or {\"@value\"} object, or an array of them")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        let v = v.trim();
        Ok(Text((!v.is_empty()).then(|| v.to_owned())))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
        let mut first = None;
        while let Some(Text(item)) = seq.next_element::<Text>()? {
            if first.is_none() {
                first = item;
            }
        }
        Ok(Text(first))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut found = None;
        while let Some(Key(key)) = map.next_key::<Key>()? {
            if (key == "@id" || key == "@value") && found.is_none() {
                found = map.next_value::<Text>()?.0;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Text(found))
    }
}

/// An object's key, borrowed from the record's text where it can be (a
/// key without escapes): most keys are only compared, so a copy of each
/// would be wasted work.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_owned())))
    }
}

/// One value or an array of values (JSON-LD does not distinguish them).
struct Many<T>(Vec<T>);

impl<T> Default for Many<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

/// Read in one pass: a value is handed to `T` as it comes, never first
/// copied into a tree of its own to try "list" and then "one" on it (what
/// `#[serde(untagged)]` does, and what made it a third of a record's reading
/// time).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Many<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ManyVisitor(PhantomData))
    }
}

struct ManyVisitor<T>(PhantomData<T>);

impl<T> ManyVisitor<T> {
    fn one<'de, E>(value: impl IntoDeserializer<'de, E>) -> Result<Many<T>, E>
    where
        T: Deserialize<'de>,
        E: de::Error,
    {
        T::deserialize(value.into_deserializer()).map(|item| Many(vec![item]))
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ManyVisitor<T> {
    type Value = Many<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value or an array of values")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Many<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Many(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Many<T>, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|item| Many(vec![item]))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Many<T>, E> {
        Self::one(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Many<T>, E> {
        Self::one(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Many<T>, E> {
        Self::one(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Many<T>, E> {
        Self::one(v)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Many<T>, E> {
        Self::one(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Many<T>, E> {
        Ok(Many(Vec::new()))
    }
}

/// A language map (`{"sv": "…", "en": ["…", "…"], "@none": "…"}`) as
/// (tag, text) pairs in document order, the tags normalised
/// ([`normalise_lang`]). A bare string or an array of strings is untagged
/// text. Values of other shapes are ignored.
#[derive(Default)]
struct LangEntries(Vec<(String, String)>);

impl LangEntries {
    /// First text per language wins, as everywhere in the model.
    fn into_text(self) -> LangText {
        LangText::from_tagged(self.0)
    }

    /// All keywords, tags normalised, blanks and exact repeats dropped.
    fn into_keywords(self) -> Vec<(String, String)> {
        let mut keywords = Vec::with_capacity(self.0.len());
        for (lang, value) in self.0 {
            push_tagged_keyword(&mut keywords, lang, value);
        }
        keywords
    }
}

impl<'de> Deserialize<'de> for LangEntries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LangVisitor)
    }
}

struct LangVisitor;

impl<'de> Visitor<'de> for LangVisitor {
    type Value = LangEntries;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a language map, a string or an array of strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<LangEntries, E> {
        Ok(LangEntries(vec![(String::new(), v.trim().to_owned())]))
    }

    fn visit_unit<E: de::Error>(self) -> Result<LangEntries, E> {
        Ok(LangEntries::default())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LangEntries, A::Error> {
        let mut entries = Vec::new();
        while let Some(Text(item)) = seq.next_element::<Text>()? {
            entries.extend(item.map(|t| (String::new(), t)));
        }
        Ok(LangEntries(entries))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LangEntries, A::Error> {
        let mut entries = Vec::new();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            let mut lang = normalise_lang(&key);
            let Many(values) = map.next_value::<Many<Text>>()?;
            let mut values = values.into_iter().filter_map(|v| v.0).peekable();
            while let Some(value) = values.next() {
                // The tag is copied only for a language with several texts.
                let tag = if values.peek().is_some() {
                    lang.clone()
                } else {
                    std::mem::take(&mut lang)
                };
                entries.push((tag, value));
            }
        }
        Ok(LangEntries(entries))
    }
}

// ---------------------------------------------------------------- writing

/// Writes a catalogue as a self-contained registry file (pretty JSON, keys
/// in a fixed order, so the same catalogue always gives the same bytes).
///
/// `skipped` and `problems` describe one read and are not written.
pub fn write_registry(catalog: &Catalog) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_registry_to(catalog, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`write_registry`] into `out`, one dataset at a time, so a registry of
/// 100,000 datasets is never held a second time as text or as a JSON tree
/// (the `harvest` command's memory). The bytes are the same.
pub fn write_registry_to(catalog: &Catalog, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let context: serde_json::Value = serde_json::from_str(CONTEXT).unwrap_or_default();
    let mut top = Obj::new();
    top.push("@context", Json::Value(context));
    if let Some(id) = &catalog.id {
        top.push("@id", Json::Str(id));
    }
    top.push("@type", Json::from("Catalog"));
    top.lang("title", &catalog.title);
    top.lang("description", &catalog.description);
    if let Some(publisher) = &catalog.publisher {
        top.push("publisher", agent(publisher));
    }
    let head = serde_json::to_string_pretty(&Json::Obj(top)).unwrap_or_default();
    // The head without its closing brace, then the datasets, indented as
    // one pretty-printed document would have them.
    let head = head.strip_suffix('}').unwrap_or(&head).trim_end();
    out.write_all(head.as_bytes())?;
    if catalog.datasets.is_empty() {
        out.write_all(b",\n  \"dataset\": []\n}\n")?;
        return Ok(());
    }
    out.write_all(b",\n  \"dataset\": [")?;
    for (i, d) in catalog.datasets.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let text = serde_json::to_string_pretty(&dataset(d)).unwrap_or_default();
        for (j, line) in text.lines().enumerate() {
            if j > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"    ")?;
            out.write_all(line.as_bytes())?;
        }
    }
    out.write_all(b"\n  ]\n}\n")
}

/// Datasets as a compact registry without `@context` or catalogue fields,
/// `{"dataset": [...]}`, which [`read_registry`] reads back: how the engine
/// worker sends a page of results to the page.
pub fn write_dataset_list<'a>(datasets: impl IntoIterator<Item = &'a Dataset>) -> String {
    let list = Json::Arr(datasets.into_iter().map(dataset).collect());
    serde_json::to_string(&Json::Obj(Obj(vec![("dataset", list)]))).unwrap_or_default()
}

fn dataset(d: &Dataset) -> Json<'_> {
    let mut o = Obj::new();
    // An id that is neither an IRI nor a blank node label came from
    // `dcterms:identifier`, which is written below and read back as the id.
    if is_writable_iri(&d.id) || d.id.starts_with("_:") {
        o.push("@id", Json::Str(&d.id));
    }
    o.push("@type", Json::from("Dataset"));
    o.plain("identifier", d.identifier.as_deref());
    o.lang("title", &d.title);
    o.lang("description", &d.description);
    if !d.keywords.is_empty() {
        o.push("keyword", keyword_map(&d.keywords));
    }
    if let Some(publisher) = &d.publisher {
        o.push("publisher", agent(publisher));
    }
    if !d.themes.is_empty() {
        o.push(
            "theme",
            Json::Arr(d.themes.iter().map(|t| iri(t)).collect()),
        );
    }
    o.iri("license", d.license.as_deref());
    o.iri("accessRights", d.access_rights.as_deref());
    o.plain("issued", d.issued.as_deref());
    o.plain("modified", d.modified.as_deref());
    o.iri("landingPage", d.landing_page.as_deref());
    if let Some(contact) = &d.contact_point {
        let mut c = Obj::new();
        c.push("@type", Json::from("Kind"));
        c.plain("fn", contact.name.as_deref());
        c.iri("hasEmail", contact.email.as_deref());
        c.iri("hasURL", contact.url.as_deref());
        o.push("contactPoint", Json::Obj(c));
    }
    o.iri("accrualPeriodicity", d.accrual_periodicity.as_deref());
    if !d.distributions.is_empty() {
        o.push(
            "distribution",
            Json::Arr(d.distributions.iter().map(distribution).collect()),
        );
    }
    if let Some(q) = d.quality {
        let measurement = |metric: &'static str, value: u32| {
            Json::Obj(Obj(vec![
                ("isMeasurementOf", Json::Str(metric)),
                ("value", Json::Value(value.into())),
            ]))
        };
        o.push(
            "hasQualityMeasurement",
            Json::Arr(vec![
                measurement(QUALITY_POINTS, q.points),
                measurement(QUALITY_MAX, q.max),
            ]),
        );
    }
    Json::Obj(o)
}

fn distribution(d: &Distribution) -> Json<'_> {
    let mut o = Obj::new();
    if let Some(id) =
        d.id.as_deref()
            .filter(|id| is_writable_iri(id) || id.starts_with("_:"))
    {
        o.push("@id", Json::Str(id));
    }
    o.push("@type", Json::from("Distribution"));
    o.lang("title", &d.title);
    o.lang("description", &d.description);
    o.iri("accessURL", d.access_url.as_deref());
    o.iri("downloadURL", d.download_url.as_deref());
    o.iri("format", d.format.as_deref());
    o.iri("mediaType", d.media_type.as_deref());
    o.iri("license", d.license.as_deref());
    Json::Obj(o)
}

fn agent(a: &Agent) -> Json<'_> {
    let mut o = Obj::new();
    if let Some(id) =
        a.id.as_deref()
            .filter(|id| is_writable_iri(id) || id.starts_with("_:"))
    {
        o.push("@id", Json::Str(id));
    }
    o.push("@type", Json::from("Agent"));
    o.lang("name", &a.name);
    Json::Obj(o)
}

/// `{"sv": ["a", "b"], "en": ["c"]}`, languages in first-seen order.
fn keyword_map(keywords: &[(String, String)]) -> Json<'_> {
    let mut groups: Vec<(&str, Vec<Json>)> = Vec::new();
    for (lang, word) in keywords {
        let key = lang_key(lang);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, words)) => words.push(Json::Str(word)),
            None => groups.push((key, vec![Json::Str(word)])),
        }
    }
    Json::Obj(Obj(groups
        .into_iter()
        .map(|(k, words)| (k, Json::Arr(words)))
        .collect()))
}

fn lang_key(lang: &str) -> &str {
    if lang.is_empty() {
        "@none"
    } else {
        lang
    }
}

/// Terms coerced to `@id` take an IRI; anything else (a format such as
/// `text/csv`, a malformed link) is written as a value object so that a
/// JSON-LD processor keeps it as a literal instead of resolving it as a
/// relative IRI.
fn iri(value: &str) -> Json<'_> {
    if is_writable_iri(value) {
        Json::Str(value)
    } else {
        Json::Obj(Obj(vec![("@value", Json::Str(value))]))
    }
}

/// JSON whose object keys keep insertion order (serde_json's own map
/// sorts them, which would reorder language maps). It borrows the
/// catalogue's strings: the engine worker writes a page of results per
/// keystroke, and copying every string first took most of that time.
enum Json<'a> {
    Str(&'a str),
    Arr(Vec<Json<'a>>),
    Obj(Obj<'a>),
    Value(serde_json::Value),
}

impl<'a> From<&'a str> for Json<'a> {
    fn from(s: &'a str) -> Self {
        Json::Str(s)
    }
}

struct Obj<'a>(Vec<(&'a str, Json<'a>)>);

impl<'a> Obj<'a> {
    fn new() -> Self {
        Obj(Vec::new())
    }

    fn push(&mut self, key: &'a str, value: Json<'a>) {
        self.0.push((key, value));
    }

    fn plain(&mut self, key: &'a str, value: Option<&'a str>) {
        if let Some(v) = value {
            self.push(key, Json::Str(v));
        }
    }

    fn iri(&mut self, key: &'a str, value: Option<&'a str>) {
        if let Some(v) = value {
            self.push(key, iri(v));
        }
    }

    fn lang(&mut self, key: &'a str, text: &'a LangText) {
        if !text.is_empty() {
            let map = text
                .0
                .iter()
                .map(|(lang, t)| (lang_key(lang), Json::Str(t)))
                .collect();
            self.push(key, Json::Obj(Obj(map)));
        }
    }
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Str(s) => serializer.serialize_str(s),
            Json::Value(v) => v.serialize(serializer),
            Json::Arr(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Obj(Obj(entries)) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_valid_json() {
        assert!(serde_json::from_str::<serde_json::Value>(CONTEXT).is_ok());
    }

    fn one_record(record: &str) -> Result<Catalog, ReadError> {
        read_registry(&format!(r#"{{"@type": "Catalog", "dataset": [{record}]}}"#))
    }

    #[test]
    fn a_value_or_a_list_of_values_read_alike_and_null_is_none() {
        let one = one_record(
            r#"{"@id": "https://e.se/1", "title": {"sv": "Ett"}, "theme": "https://t/A",
                "distribution": {"accessURL": "https://e.se/a"}}"#,
        )
        .unwrap();
        let many = one_record(
            r#"{"@id": "https://e.se/1", "title": {"sv": "Ett"}, "theme": ["https://t/A", "https://t/B"],
                "distribution": [{"accessURL": "https://e.se/a"}, {"accessURL": "https://e.se/b"}]}"#,
        )
        .unwrap();
        let none = one_record(
            r#"{"@id": "https://e.se/1", "title": {"sv": "Ett"}, "theme": null, "distribution": null}"#,
        )
        .unwrap();
        let urls = |c: &Catalog| -> Vec<String> {
            c.datasets[0]
                .distributions
                .iter()
                .filter_map(|d| d.access_url.clone())
                .collect()
        };
        assert_eq!(one.datasets[0].themes, ["https://t/A"]);
        assert_eq!(urls(&one), ["https://e.se/a"]);
        assert_eq!(many.datasets[0].themes, ["https://t/A", "https://t/B"]);
        assert_eq!(urls(&many), ["https://e.se/a", "https://e.se/b"]);
        assert!(none.datasets[0].themes.is_empty() && urls(&none).is_empty());
        assert_eq!(none.skipped, 0);
    }

    #[test]
    fn a_publisher_is_a_node_or_a_bare_name_and_anything_else_skips_the_record() {
        let node = one_record(
            r#"{"@id": "https://e.se/1", "title": {"sv": "Ett"},
                "publisher": {"@id": "https://e.se/", "name": {"sv": "Region E"}}}"#,
        )
        .unwrap();
        let name = one_record(
            r#"{"@id": "https://e.se/1", "title": {"sv": "Ett"}, "publisher": "Region E"}"#,
        )
        .unwrap();
        let number =
            one_record(r#"{"@id": "https://e.se/1", "title": {"sv": "Ett"}, "publisher": 7}"#)
                .unwrap();
        let p = node.datasets[0].publisher.as_ref().unwrap();
        assert_eq!(p.id.as_deref(), Some("https://e.se/"));
        assert_eq!(p.name.text("sv"), "Region E");
        let p = name.datasets[0].publisher.as_ref().unwrap();
        assert_eq!((p.id.as_deref(), p.name.text("sv")), (None, "Region E"));
        assert_eq!((number.datasets.len(), number.skipped), (0, 1));
    }

    #[test]
    fn a_language_map_keeps_the_first_non_blank_text_per_language_in_order() {
        // Tags normalised (`sv-SE`, an escaped `sv`), a blank text skipped,
        // a language's later texts and a second untagged text dropped, an
        // object's `@value` and `@id` keys read like plain ones.
        let catalog = one_record(
            r#"{"@id": "https://e.se/1",
                "title": {"sv-SE": "Befolkning", "en": ["  ", "Population", "Second"],
                          "s\u0076": "Andra", "@none": {"@value": "Ingen"}, "x": "Också ingen"},
                "publisher": {"@id": "https://e.se/org", "name": {"\u0065n": "Agency"}}}"#,
        )
        .unwrap();
        let d = &catalog.datasets[0];
        let pairs = |t: &LangText| -> Vec<(String, String)> { t.0.clone() };
        assert_eq!(
            pairs(&d.title),
            [("sv", "Befolkning"), ("en", "Population"), ("", "Ingen")]
                .map(|(l, t)| (l.to_string(), t.to_string()))
        );
        let publisher = d.publisher.as_ref().unwrap();
        assert_eq!(publisher.id.as_deref(), Some("https://e.se/org"));
        assert_eq!(
            pairs(&publisher.name),
            [("en".to_string(), "Agency".to_string())]
        );
    }
}
