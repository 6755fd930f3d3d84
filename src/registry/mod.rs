//! Registry readers: turn a registry file into a [`Catalog`].
//!
//! The widget reads one format on its fast path, the project's own JSON-LD
//! (`jsonld`, documented in `docs/registry.md`); the native `convert` command
//! also reads RDF/XML and Turtle (`rdf`) and writes that JSON-LD. Which
//! reader runs is decided by the content, never by a file name or a
//! Content-Type header, because registries mislabel both (`detect`).

mod detect;
pub mod jsonld;
#[cfg(not(target_arch = "wasm32"))]
pub mod rdf;

pub use detect::{detect, Format};

use crate::model::Catalog;
use std::fmt;

/// Why a whole file could not be read. Single bad records never end up
/// here: they are skipped and counted in [`Catalog::skipped`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The text is readable but is not a catalogue at all (an HTML error
    /// page, JSON of another shape, RDF without datasets). `hint` tells the
    /// person what was found instead.
    NotACatalogue { hint: String },
    /// The text is broken (truncated JSON, malformed XML or Turtle).
    Syntax(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotACatalogue { hint } => write!(f, "not a dataset catalogue: {hint}"),
            ReadError::Syntax(message) => write!(f, "unreadable catalogue: {message}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads a registry in any supported format, chosen by looking at the text.
pub fn read(text: &str) -> Result<Catalog, ReadError> {
    match detect(text) {
        Format::JsonLd => jsonld::read_registry(text),
        Format::Html => Err(ReadError::NotACatalogue {
            hint: "this is an HTML web page; point to the catalogue file itself".into(),
        }),
        Format::Empty => Err(ReadError::NotACatalogue {
            hint: "the file is empty".into(),
        }),
        #[cfg(not(target_arch = "wasm32"))]
        Format::RdfXml => rdf::read_rdf_xml(text.as_bytes(), None),
        #[cfg(not(target_arch = "wasm32"))]
        Format::Turtle => rdf::read_turtle(text.as_bytes(), None),
        // The browser build carries no RDF parsers to stay small.
        #[cfg(target_arch = "wasm32")]
        Format::RdfXml | Format::Turtle => Err(ReadError::NotACatalogue {
            hint: "RDF must first be converted with `open-data-catalogue convert`".into(),
        }),
    }
}

/// Removes a leading UTF-8 byte order mark, which Windows tools (and SCB's
/// export) put before otherwise valid files.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
