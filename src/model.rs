//! The catalogue as the widget sees it: DCAT-AP-SE terms, nothing more.
//!
//! Every registry reader (`crate::registry`) produces these types and the
//! search engine (`crate::search`) and the UI consume them. Field names follow
//! the DCAT / DCTERMS property they hold, so a reader can be checked against
//! the DCAT-AP-SE specification line by line.
//!
//! Values are stored as the registry gave them (IRIs as IRIs, dates as ISO
//! strings); labels for controlled vocabularies come from `crate::vocab`.

use serde::{Deserialize, Serialize};

/// Text in one or more languages (RDF literals with language tags).
///
/// Kept as a small vector rather than a map: a dataset rarely has more than
/// two languages, and order is preserved (the first entry is the fallback).
/// Tags are normalised to lower-case primary subtags (`sv-SE` → `sv`); text
/// without a tag has the empty tag `""`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangText(pub Vec<(String, String)>);

impl LangText {
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// One untagged text.
    pub fn plain(text: impl Into<String>) -> Self {
        let mut t = Self::new();
        t.insert("", text);
        t
    }

    /// Adds a text in `lang`; the first text given for a language wins, so a
    /// reader never silently replaces a value. Blank texts are ignored.
    pub fn insert(&mut self, lang: &str, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            return;
        }
        let lang = normalise_lang(lang);
        if Self::takes(&self.0, &lang, &text) {
            self.0.push((lang, text));
        }
    }

    /// The texts of `entries` (tags normalised already) kept by the rule of
    /// [`insert`](Self::insert), in the same vector: a reader's list
    /// becomes the text without being copied.
    pub fn from_tagged(mut entries: Vec<(String, String)>) -> Self {
        let mut kept = 0;
        for i in 0..entries.len() {
            if Self::takes(&entries[..kept], &entries[i].0, &entries[i].1) {
                entries.swap(kept, i);
                kept += 1;
            }
        }
        entries.truncate(kept);
        Self(entries)
    }

    /// Whether a text joins `held`: not blank, and the first in its language.
    fn takes(held: &[(String, String)], lang: &str, text: &str) -> bool {
        !text.trim().is_empty() && !held.iter().any(|(l, _)| l == lang)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text in `lang` if there is one, else untagged text, else the other
    /// language (Swedish and English fall back to each other), else any.
    /// Returns the language the text is actually in, so the UI can mark it
    /// up with the right `lang` attribute.
    pub fn get(&self, lang: &str) -> Option<(&str, &str)> {
        let other = if lang == "sv" { "en" } else { "sv" };
        [lang, "", other]
            .iter()
            .find_map(|want| self.0.iter().find(|(l, _)| l == want))
            .or_else(|| self.0.first())
            .map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// Just the text, for callers that do not need its language.
    pub fn text(&self, lang: &str) -> &str {
        self.get(lang).map(|(_, t)| t).unwrap_or("")
    }

    /// All texts, in every language (for the search index).
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, t)| t.as_str())
    }
}

/// `sv-SE` → `sv`, `EN` → `en`; anything that is not a plausible BCP 47
/// primary subtag becomes untagged.
pub fn normalise_lang(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        primary.to_ascii_lowercase()
    } else {
        String::new()
    }
}

/// A `dcat:Catalog` after reading: its datasets and what could not be read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// The catalogue's IRI, if it has one.
    pub id: Option<String>,
    pub title: LangText,
    pub description: LangText,
    pub publisher: Option<Agent>,
    pub datasets: Vec<Dataset>,
    /// Records that looked like datasets but could not be read; they are
    /// skipped, counted here and reported to the person (never fatal).
    pub skipped: usize,
    /// Why records were skipped, for the browser console / CLI stderr.
    pub problems: Vec<String>,
}

/// A `dcat:Dataset`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// The dataset's IRI (`@id`), or its `dcterms:identifier` when the
    /// source has no IRI. Unique within a catalogue; the dedup key.
    pub id: String,
    /// `dcterms:identifier`
    pub identifier: Option<String>,
    /// `dcterms:title`
    pub title: LangText,
    /// `dcterms:description` (plain text; registries sometimes put HTML
    /// here, which is always shown as text)
    pub description: LangText,
    /// `dcat:keyword`: (language, keyword) pairs
    pub keywords: Vec<(String, String)>,
    /// `dcterms:publisher`
    pub publisher: Option<Agent>,
    /// `dcat:theme`: IRIs, usually of the EU data-theme vocabulary
    pub themes: Vec<String>,
    /// `dcterms:license` (IRI)
    pub license: Option<String>,
    /// `dcterms:accessRights` (IRI, usually the EU access-right vocabulary)
    pub access_rights: Option<String>,
    /// `dcterms:issued` (ISO 8601 date or date-time, as given)
    pub issued: Option<String>,
    /// `dcterms:modified` (ISO 8601 date or date-time, as given)
    pub modified: Option<String>,
    /// `dcat:landingPage`
    pub landing_page: Option<String>,
    /// `dcat:contactPoint`
    pub contact_point: Option<Contact>,
    /// `dcterms:accrualPeriodicity` (IRI, EU frequency vocabulary)
    pub accrual_periodicity: Option<String>,
    /// `dcat:distribution`
    pub distributions: Vec<Distribution>,
    /// Metadata quality measured when the registry was made (`harvest`):
    /// `dqv:hasQualityMeasurement`.
    pub quality: Option<Quality>,
}

/// A metadata quality score ([`crate::quality::score`]): points earned of
/// the most the assessed indicators give.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quality {
    pub points: u32,
    pub max: u32,
}

/// A `foaf:Agent` (publisher).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    /// The agent's IRI; publishers are grouped by it (falls back to the name).
    pub id: Option<String>,
    /// `foaf:name`
    pub name: LangText,
}

/// A `vcard:Kind` contact point.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// `vcard:fn`
    pub name: Option<String>,
    /// `vcard:hasEmail`, as a `mailto:` IRI
    pub email: Option<String>,
    /// `vcard:hasURL`
    pub url: Option<String>,
}

/// A `dcat:Distribution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    pub id: Option<String>,
    /// `dcterms:title`
    pub title: LangText,
    /// `dcterms:description`
    pub description: LangText,
    /// `dcat:accessURL`
    pub access_url: Option<String>,
    /// `dcat:downloadURL`
    pub download_url: Option<String>,
    /// `dcterms:format`: an IRI of the EU file-type vocabulary where the
    /// source gave one, else the literal as given (e.g. `text/csv`)
    pub format: Option<String>,
    /// `dcat:mediaType`: IANA media type IRI or plain media type
    pub media_type: Option<String>,
    /// `dcterms:license`
    pub license: Option<String>,
}

impl Dataset {
    /// Gives back the spare capacity of every list in the dataset. Readers
    /// build lists by pushing, which leaves up to three empty slots in a
    /// one-element list (a spare `Distribution` is 192 bytes); at 100,000
    /// datasets that was a fifth of the memory they take, and wasm memory
    /// never shrinks.
    pub fn shrink_to_fit(&mut self) {
        self.title.0.shrink_to_fit();
        self.description.0.shrink_to_fit();
        self.keywords.shrink_to_fit();
        self.themes.shrink_to_fit();
        if let Some(publisher) = &mut self.publisher {
            publisher.name.0.shrink_to_fit();
        }
        self.distributions.shrink_to_fit();
        for d in &mut self.distributions {
            d.title.0.shrink_to_fit();
            d.description.0.shrink_to_fit();
        }
    }

    /// Its licences: its own `dcterms:license`, then its distributions'
    /// (DCAT-AP puts the licence on distributions; some registries put it
    /// on the dataset).
    pub fn licences(&self) -> impl Iterator<Item = &String> {
        self.license
            .iter()
            .chain(self.distributions.iter().filter_map(|x| x.license.as_ref()))
    }

    /// The publisher's grouping key for the publisher facet.
    pub fn publisher_key(&self) -> Option<&str> {
        let p = self.publisher.as_ref()?;
        p.id.as_deref()
            .or_else(|| p.name.0.first().map(|(_, n)| n.as_str()))
    }
}
