//! The SOURCES file: which members the network has and where their
//! catalogues are. TOML, in this shape (more keys are ignored):
//!
//! ```toml
//! title_sv = "Nätverkets datamängder"      # optional
//! title_en = "The network's datasets"      # optional
//!
//! [[member]]
//! name = "Trafikverket"
//! feeds = ["https://example.se/dcat.rdf", "local/other.ttl"]
//! ```
//!
//! A feed is an http(s) URL or a file path relative to the SOURCES file.

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct Sources {
    #[serde(default)]
    pub title_sv: Option<String>,
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default, rename = "member")]
    pub members: Vec<Member>,
}

#[derive(Debug, Deserialize)]
pub struct Member {
    pub name: String,
    #[serde(default)]
    pub feeds: Vec<String>,
}

/// Where a feed is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Feed {
    Url(String),
    File(PathBuf),
}

impl Feed {
    /// `feed` as written in SOURCES; files are relative to `dir`.
    pub fn new(feed: &str, dir: &Path) -> Feed {
        if feed.starts_with("http://") || feed.starts_with("https://") {
            Feed::Url(feed.to_string())
        } else {
            Feed::File(dir.join(feed))
        }
    }

    /// The host polite limits are counted per (files: none).
    pub fn host(&self) -> Option<&str> {
        match self {
            Feed::Url(u) => url_host(u),
            Feed::File(_) => None,
        }
    }
}

/// The host part of an absolute URL, which polite limits count by.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

impl Sources {
    pub fn read(path: &Path) -> Result<Sources, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let sources: Sources =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if sources.members.is_empty() {
            return Err(format!("{}: no [[member]] listed", path.display()));
        }
        for m in &sources.members {
            if m.feeds.is_empty() {
                return Err(format!(
                    "{}: member {:?} has no feeds",
                    path.display(),
                    m.name
                ));
            }
        }
        Ok(sources)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_shape() {
        let s: Sources = toml::from_str(
            r#"
            [[member]]
            name = "Trafikverket"
            feeds = ["https://example.se/dcat.rdf", "local/other.ttl"]
            other = 1
            "#,
        )
        .unwrap();
        assert_eq!(s.members[0].name, "Trafikverket");
        let dir = Path::new("/srv/sources");
        assert_eq!(
            Feed::new(&s.members[0].feeds[1], dir),
            Feed::File(PathBuf::from("/srv/sources/local/other.ttl"))
        );
        assert_eq!(
            Feed::new(&s.members[0].feeds[0], dir).host(),
            Some("example.se")
        );
    }
}
