//! Fetching a registry, with a timeout and errors a person can act on.

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use std::time::Duration;
use web_sys::AbortController;

/// How long a registry may take before the widget gives up and offers a
/// retry. Generous: a 4 MB registry on a slow mobile link takes a while,
/// but a person should not stare at "loading" forever.
pub const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request never got an HTTP answer: offline, DNS, connection
    /// reset, or a CORS refusal (the browser does not say which).
    Network,
    Timeout,
    Http(u16),
}

pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .and_then(|c| set_timeout_with_handle(move || c.abort(), TIMEOUT).ok());
    let result = async {
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|_| FetchError::Network)?;
        if !response.ok() {
            return Err(FetchError::Http(response.status()));
        }
        response.text().await.map_err(|_| FetchError::Network)
    }
    .await;
    if let Some(t) = timer {
        t.clear();
    }
    match result {
        Err(FetchError::Network) if signal.as_ref().is_some_and(|s| s.aborted()) => {
            Err(FetchError::Timeout)
        }
        other => other,
    }
}

/// Resolves a registry URL the way the page would (relative to the page's
/// base URL), so `registry="data/registry.jsonld"` works on any page.
pub fn resolve(url: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(url.trim(), &base)
        .ok()
        .map(|u| u.href())
}
