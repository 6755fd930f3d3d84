//! Fetching the feeds: in parallel, at most a few at a time per host, each
//! with a timeout, conditional on what the previous run saw (ETag,
//! Last-Modified), and falling back to the last good copy kept in the
//! output folder when a feed fails tonight.

use super::sources::Feed;
use super::state::{FeedState, State};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Largest feed accepted (SCB's full export is about 4 MiB).
const MAX_FEED_BYTES: u64 = 256 * 1024 * 1024;

/// How a feed's text was obtained this run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Got {
    /// Downloaded (or read from a file) now.
    Fresh,
    /// The server said it has not changed (HTTP 304): the kept copy.
    NotModified,
    /// The feed failed now; the copy kept from an earlier run (its date).
    Kept { error: String, saved_at: String },
}

pub struct Fetched {
    pub got: Got,
    pub bytes: Vec<u8>,
}

/// The feed's text, or why there is none (failed and nothing kept).
pub type FetchResult = Result<Fetched, String>;

/// A feed's result and, when it came fresh, the state to remember.
type Outcome = (FetchResult, Option<FeedState>);

pub struct Limits {
    pub timeout: Duration,
    pub per_host: usize,
}

/// Fetches every feed; results in the order of `feeds`. Updates `state`
/// (validators and kept copies) for the feeds that came fresh.
pub fn fetch_all(
    feeds: &[Feed],
    state: &mut State,
    dir: &Path,
    limits: &Limits,
) -> Vec<FetchResult> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .http_status_as_error(false)
        .user_agent("open-data-catalogue-harvest (+https://github.com/open-data-catalogue)")
        .build()
        .into();
    let previous: Vec<Option<FeedState>> = feeds.iter().map(|f| state.get(f).cloned()).collect();
    let outcomes: Vec<Outcome> = by_host(feeds, Feed::host, limits.per_host, |i, feed| {
        fetch_one(&agent, feed, previous[i].as_ref(), dir)
    });
    outcomes
        .into_iter()
        .zip(feeds)
        .map(|((result, new_state), feed)| {
            if let Some(st) = new_state {
                state.set(feed, st);
            }
            result
        })
        .collect()
}

/// One feed; the new state to remember when it came fresh.
fn fetch_one(
    agent: &ureq::Agent,
    feed: &Feed,
    previous: Option<&FeedState>,
    dir: &Path,
) -> (FetchResult, Option<FeedState>) {
    let kept = || previous.and_then(|p| p.read_copy(dir).map(|b| (b, p.saved_at.clone())));
    let fallback = |error: String| match kept() {
        Some((bytes, saved_at)) => Ok(Fetched {
            got: Got::Kept { error, saved_at },
            bytes,
        }),
        None => Err(error),
    };
    match feed {
        Feed::File(path) => match std::fs::read(path) {
            Ok(bytes) => (
                Ok(Fetched {
                    got: Got::Fresh,
                    bytes,
                }),
                None,
            ),
            Err(e) => (
                fallback(format!("cannot read {}: {e}", path.display())),
                None,
            ),
        },
        Feed::Url(url) => {
            let mut request = agent.get(url).header(
                "Accept",
                "application/ld+json, application/rdf+xml, text/turtle;q=0.9, application/json;q=0.8, */*;q=0.1",
            );
            if let Some(p) = previous.filter(|p| p.has_copy(dir)) {
                if let Some(etag) = &p.etag {
                    request = request.header("If-None-Match", etag);
                }
                if let Some(lm) = &p.last_modified {
                    request = request.header("If-Modified-Since", lm);
                }
            }
            let mut response = match request.call() {
                Ok(r) => r,
                Err(e) => return (fallback(describe(&e)), None),
            };
            let status = response.status().as_u16();
            if status == 304 {
                return match kept() {
                    Some((bytes, _)) => (
                        Ok(Fetched {
                            got: Got::NotModified,
                            bytes,
                        }),
                        None,
                    ),
                    None => (Err("HTTP 304 but no copy kept".into()), None),
                };
            }
            if !(200..300).contains(&status) {
                return (fallback(format!("HTTP {status}")), None);
            }
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let (etag, last_modified) = (header("etag"), header("last-modified"));
            let bytes = match response
                .body_mut()
                .with_config()
                .limit(MAX_FEED_BYTES)
                .read_to_vec()
            {
                Ok(b) => b,
                Err(e) => return (fallback(describe(&e)), None),
            };
            let st = FeedState::new(url, etag, last_modified);
            (
                Ok(Fetched {
                    got: Got::Fresh,
                    bytes,
                }),
                Some(st),
            )
        }
    }
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "timed out".into(),
        other => other.to_string(),
    }
}

/// `work` on every item (with its position) on up to 16 threads, at most
/// `per_host` items of one host at once; the results in item order. The
/// feeds and the link check share it.
pub fn by_host<T: Sync, R: Send>(
    items: &[T],
    host: impl Fn(&T) -> Option<&str> + Sync,
    per_host: usize,
    work: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let gate = HostGate::new(per_host);
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let next = Mutex::new(0usize);
    std::thread::scope(|s| {
        for _ in 0..items.len().clamp(1, 16) {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
                    *n += 1;
                    *n - 1
                };
                let Some(item) = items.get(i) else { break };
                let _permit = gate.enter(host(item));
                let out = work(i, item);
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(out);
            });
        }
    });
    results
        .into_iter()
        .filter_map(|slot| slot.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

/// At most `per_host` items of one host at once.
struct HostGate {
    per_host: usize,
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

struct Permit<'a> {
    gate: &'a HostGate,
    host: Option<String>,
}

impl HostGate {
    fn new(per_host: usize) -> HostGate {
        HostGate {
            per_host: per_host.max(1),
            busy: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
        }
    }

    fn enter(&self, host: Option<&str>) -> Permit<'_> {
        if let Some(h) = host {
            let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
            while busy.get(h).copied().unwrap_or(0) >= self.per_host {
                busy = self.freed.wait(busy).unwrap_or_else(|e| e.into_inner());
            }
            *busy.entry(h.to_string()).or_insert(0) += 1;
        }
        Permit {
            gate: self,
            host: host.map(str::to_string),
        }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if let Some(h) = &self.host {
            let mut busy = self.gate.busy.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(n) = busy.get_mut(h) {
                *n -= 1;
            }
            self.gate.freed.notify_all();
        }
    }
}
