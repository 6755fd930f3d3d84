//! Registry readers: turn a catalogue file into a [`Catalog`].
//!
//! The widget reads the project's own JSON-LD on its fast path (`jsonld`,
//! documented in `docs/registry.md`) and, when a file is not that, the
//! formats authorities already publish: other DCAT-AP JSON-LD and schema.org
//! JSON-LD (`jsonld_nodes`), CKAN API responses (`ckan`) and DCAT-US
//! `data.json` (`datajson`). RDF/XML and Turtle (`rdf`) are read natively
//! (the `convert` command). JSON-LD and RDF share one DCAT mapping
//! (`dcat_graph`). Which reader runs is decided by the content, never by a
//! file name or a Content-Type header, because registries mislabel both
//! (`detect`).
//!
//! What every reader shares has one home: skipped records and problems
//! (`report`, one cap), ids for datasets without one (`ids`), the "is this
//! an IRI" checks and link resolution (`url`), loose JSON values and link
//! clean-up (`common`).

mod ckan;
mod common;
mod datajson;
mod dcat_graph;
mod detect;
pub(crate) mod ids;
mod json_repair;
pub mod jsonld;
mod jsonld_nodes;
pub mod merge;
#[cfg(any(not(target_arch = "wasm32"), feature = "rdf-module"))]
pub mod rdf;
pub mod rdf_json;
mod report;
pub mod stream;
pub mod url;

pub use detect::{classify_json, detect, detect_content, Format};

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
    /// RDF/XML or Turtle (the format is given), and this build has no RDF
    /// parser (the browser build); it has to be converted first.
    NeedsRdf(Format),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotACatalogue { hint } => write!(f, "not a dataset catalogue: {hint}"),
            ReadError::Syntax(message) => write!(f, "unreadable catalogue: {message}"),
            ReadError::NeedsRdf(format) => {
                let name = if *format == Format::Turtle {
                    "Turtle"
                } else {
                    "RDF/XML"
                };
                write!(
                    f,
                    "this catalogue is {name}, which cannot be read here yet; \
                     convert it with `open-data-catalogue convert` or publish it as JSON-LD"
                )
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads a catalogue in any supported format, chosen by looking at the text.
pub fn read(text: &str) -> Result<Catalog, ReadError> {
    read_with_base(text, None)
}

/// Like [`read`]; `base` is the address the text was fetched from, against
/// which relative links are resolved. Links that are not `http(s)`/`mailto`
/// after that are dropped (except on the registry fast path, which keeps
/// what the registry says; the UI checks every link again anyway).
pub fn read_with_base(text: &str, base: Option<&str>) -> Result<Catalog, ReadError> {
    let base = base.filter(|b| url::is_absolute(b));
    match detect(text) {
        Format::Html => Err(ReadError::NotACatalogue {
            hint: "this is an HTML web page; point to the catalogue file itself".into(),
        }),
        Format::Empty => Err(ReadError::NotACatalogue {
            hint: "the file is empty".into(),
        }),
        #[cfg(any(not(target_arch = "wasm32"), feature = "rdf-module"))]
        Format::RdfXml => rdf::read_rdf_xml(text.as_bytes(), base),
        #[cfg(any(not(target_arch = "wasm32"), feature = "rdf-module"))]
        Format::Turtle => rdf::read_turtle(text.as_bytes(), base),
        // The widget's wasm carries no RDF parsers, to stay small: the
        // caller hands RDF to the second module (`rdf-module`, pkg/odc_rdf).
        #[cfg(all(target_arch = "wasm32", not(feature = "rdf-module")))]
        format @ (Format::RdfXml | Format::Turtle) => Err(ReadError::NeedsRdf(format)),
        _ => read_json(text, base),
    }
}

/// Reads JSON as strictly as serde_json does; if that fails, what the
/// browser's `JSON.parse` would still accept is repaired (`json_repair`)
/// and read again, and the repair is reported with the other problems.
fn read_json(text: &str, base: Option<&str>) -> Result<Catalog, ReadError> {
    match read_strict_json(text, base) {
        Err(ReadError::Syntax(message)) => match json_repair::repair(text) {
            Some((fixed, repairs)) => {
                let mut catalog = read_strict_json(&fixed, base)?;
                report::note_first(&mut catalog.problems, repairs.to_string());
                Ok(catalog)
            }
            None => Err(ReadError::Syntax(message)),
        },
        other => other,
    }
}

fn read_strict_json(text: &str, base: Option<&str>) -> Result<Catalog, ReadError> {
    // The fast path: the project's registry costs nothing more than before.
    match jsonld::read_fast(text) {
        jsonld::Fast::Read(result) => {
            return result.map(|mut catalog| {
                if let Some(base) = base {
                    common::resolve_relative_links(&mut catalog, base);
                }
                catalog
            })
        }
        jsonld::Fast::Other(_) => {}
    }
    let doc: serde_json::Value = serde_json::from_str(strip_bom(text))
        .map_err(|e| ReadError::Syntax(format!("JSON: {e}")))?;
    let mut catalog = match classify_json(&doc) {
        Format::Ckan => return ckan::read(&doc, base),
        Format::DataJson => return datajson::read(&doc, base),
        Format::SchemaOrg => {
            jsonld_nodes::read_nodes(&doc, true).map_err(|_| ReadError::NotACatalogue {
                hint: "schema.org JSON-LD without a Dataset or DataCatalog".into(),
            })?
        }
        Format::DcatJsonLd => {
            jsonld_nodes::read_nodes(&doc, false).map_err(|_| ReadError::NotACatalogue {
                hint: "JSON-LD without any dcat:Catalog, dcat:Dataset or schema.org Dataset".into(),
            })?
        }
        _ => {
            let shape = match &doc {
                serde_json::Value::Array(_) => "a JSON array of unknown records",
                serde_json::Value::Object(_) => "a JSON object of unknown shape",
                _ => "a single JSON value",
            };
            return Err(ReadError::NotACatalogue {
                hint: format!(
                    "{shape}; expected the registry format (docs/registry.md), DCAT JSON-LD, \
                     a CKAN API response, a DCAT-US data.json or schema.org Dataset JSON-LD"
                ),
            });
        }
    };
    common::clean_links(&mut catalog, base);
    Ok(catalog)
}

/// Removes a leading UTF-8 byte order mark, which Windows tools (and SCB's
/// export) put before otherwise valid files.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
