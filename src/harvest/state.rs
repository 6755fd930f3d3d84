//! What one harvest remembers for the next (`DIR/state.json`): per feed
//! URL its validators (ETag, Last-Modified) and the last good copy, kept in
//! `DIR/feeds/`, so an unchanged feed costs a 304 and a failed feed is
//! still shown from yesterday's copy.

use super::sources::Feed;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Default, Serialize, Deserialize)]
pub struct State {
    feeds: BTreeMap<String, FeedState>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct FeedState {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// File name of the kept copy inside `DIR/feeds/`.
    pub copy: String,
    /// When the copy was downloaded (seconds since 1970, as text).
    pub saved_at: String,
}

impl FeedState {
    pub fn new(url: &str, etag: Option<String>, last_modified: Option<String>) -> FeedState {
        FeedState {
            etag,
            last_modified,
            copy: copy_name(url),
            saved_at: super::now_iso(),
        }
    }

    pub fn has_copy(&self, dir: &Path) -> bool {
        dir.join("feeds").join(&self.copy).is_file()
    }

    pub fn read_copy(&self, dir: &Path) -> Option<Vec<u8>> {
        std::fs::read(dir.join("feeds").join(&self.copy)).ok()
    }
}

/// A file name for a URL's copy: its host and a hash of the whole URL.
fn copy_name(url: &str) -> String {
    // Stable across runs and Rust versions (unlike `DefaultHasher`).
    let h = crate::registry::ids::fnv1a([url.as_bytes()]);
    let host: String = super::sources::url_host(url)
        .unwrap_or("feed")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{host}-{h:016x}")
}

impl State {
    pub fn load(dir: &Path) -> State {
        std::fs::read_to_string(dir.join("state.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, dir: &Path) -> Result<(), String> {
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("state.json"), text)
            .map_err(|e| format!("cannot write state.json: {e}"))
    }

    pub fn get(&self, feed: &Feed) -> Option<&FeedState> {
        match feed {
            Feed::Url(u) => self.feeds.get(u),
            Feed::File(_) => None,
        }
    }

    pub fn set(&mut self, feed: &Feed, st: FeedState) {
        if let Feed::Url(u) = feed {
            self.feeds.insert(u.clone(), st);
        }
    }

    /// Writes a fresh copy of a feed beside the state.
    pub fn keep_copy(&self, feed: &Feed, dir: &Path, bytes: &[u8]) -> Result<(), String> {
        let Some(st) = self.get(feed) else {
            return Ok(());
        };
        let feeds = dir.join("feeds");
        std::fs::create_dir_all(&feeds)
            .map_err(|e| format!("cannot create {}: {e}", feeds.display()))?;
        std::fs::write(feeds.join(&st.copy), bytes).map_err(|e| format!("cannot keep a copy: {e}"))
    }
}
