//! Fetching a registry, with a timeout, a size limit and errors a person
//! can act on.

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use std::time::Duration;
use web_sys::AbortController;

#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request never got an HTTP answer: offline, DNS, connection
    /// reset.
    Network,
    /// The server answered, but without the CORS header that lets this
    /// page read the answer (the registry host's setting).
    Cors {
        host: String,
    },
    /// No complete answer within the `timeout` option.
    Timeout,
    Http(u16),
    /// Larger than the `max-size` option (the size in bytes).
    TooLarge(u64),
}

impl FetchError {
    /// Whether a saved copy should stand in: the registry is unreachable
    /// now, not wrong.
    pub fn is_outage(&self) -> bool {
        matches!(
            self,
            FetchError::Network | FetchError::Timeout | FetchError::Http(500..=599)
        )
    }
}

pub async fn fetch_text(
    url: &str,
    timeout: Duration,
    max_bytes: u64,
) -> Result<String, FetchError> {
    fetch_text_with(url, timeout, max_bytes, AbortController::new().ok()).await
}

/// [`fetch_text`] that `controller` can also cancel (a newer search made
/// this one pointless); a cancelled fetch ends as [`FetchError::Timeout`],
/// which the caller, knowing it cancelled, ignores.
pub async fn fetch_text_with(
    url: &str,
    timeout: Duration,
    max_bytes: u64,
    controller: Option<AbortController>,
) -> Result<String, FetchError> {
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .and_then(|c| set_timeout_with_handle(move || c.abort(), timeout).ok());
    let result = async {
        // The browser's HTTP cache revalidates with ETag / Last-Modified on
        // its own (no preflight, unlike a hand-set If-None-Match).
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|_| FetchError::Network)?;
        if !response.ok() {
            return Err(FetchError::Http(response.status()));
        }
        let announced = response
            .headers()
            .get("content-length")
            .and_then(|l| l.trim().parse::<u64>().ok());
        if let Some(size) = announced.filter(|s| *s > max_bytes) {
            return Err(FetchError::TooLarge(size));
        }
        let text = response.text().await.map_err(|_| FetchError::Network)?;
        match text.len() as u64 {
            size if size > max_bytes => Err(FetchError::TooLarge(size)),
            _ => Ok(text),
        }
    }
    .await;
    if let Some(t) = timer {
        t.clear();
    }
    match result {
        Err(FetchError::Network) if signal.as_ref().is_some_and(|s| s.aborted()) => {
            Err(FetchError::Timeout)
        }
        Err(FetchError::Network) if reachable_without_cors(url).await => {
            Err(FetchError::Cors { host: host_of(url) })
        }
        other => other,
    }
}

/// The browser hides why a fetch failed. A `no-cors` request to the same
/// URL succeeds (with an unreadable, opaque answer) exactly when the server
/// is there: then the failure was the missing CORS permission.
async fn reachable_without_cors(url: &str) -> bool {
    Request::get(url)
        .mode(web_sys::RequestMode::NoCors)
        .send()
        .await
        .is_ok()
}

fn host_of(url: &str) -> String {
    web_sys::Url::new(url)
        .map(|u| u.host())
        .unwrap_or_else(|_| url.to_string())
}

/// Resolves a registry URL the way the page would (relative to the page's
/// base URL), so `registry="data/registry.jsonld"` works on any page.
pub fn resolve(url: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(url.trim(), &base)
        .ok()
        .map(|u| u.href())
}
