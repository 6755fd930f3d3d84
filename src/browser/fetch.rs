//! Fetching a registry, with a timeout, a size limit and errors a person
//! can act on.

use super::timer::Timer;
use gloo_net::http::{Request, Response};
use js_sys::{Reflect, Uint8Array};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;
use web_sys::{ReadableStream, ReadableStreamDefaultReader};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
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

/// A whole answer as text (a search service's page), within `timeout` and
/// `max_bytes`; `controller` can also cancel it (a newer search made this
/// one pointless): a cancelled fetch ends as [`FetchError::Timeout`],
/// which the caller, knowing it cancelled, ignores.
pub async fn fetch_text_with(
    url: &str,
    timeout: Duration,
    max_bytes: u64,
    controller: Option<AbortController>,
) -> Result<String, FetchError> {
    let mut bytes = Vec::new();
    fetch_with(url, timeout, max_bytes, controller, false, &mut |chunk| {
        bytes.extend_from_slice(chunk);
        None
    })
    .await?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// What `feed` asks of the reader: stop after `used` bytes of the chunk
/// it was given until `until` settles, then go on with the rest. The
/// worker pauses so when it has sent an early page: the page's main
/// thread then shows it without competing with the worker for the
/// processor (a phone may have two slow cores).
pub struct Pause {
    pub used: usize,
    pub until: js_sys::Promise,
}

/// A registry, handed to `feed` chunk by chunk while it downloads, so it
/// can be read as it arrives and the whole text is never held in wasm
/// memory. Returns a second copy of the body (the stream `tee`d) for the
/// saved copy: the caller saves it once the registry reads, or cancels it.
pub async fn fetch_chunks(
    url: &str,
    timeout: Duration,
    max_bytes: u64,
    feed: &mut dyn FnMut(&[u8]) -> Option<Pause>,
) -> Result<Option<ReadableStream>, FetchError> {
    fetch_with(
        url,
        timeout,
        max_bytes,
        AbortController::new().ok(),
        true,
        feed,
    )
    .await
}

async fn fetch_with(
    url: &str,
    timeout: Duration,
    max_bytes: u64,
    controller: Option<AbortController>,
    keep_copy: bool,
    feed: &mut dyn FnMut(&[u8]) -> Option<Pause>,
) -> Result<Option<ReadableStream>, FetchError> {
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .map(|c| Timer::after(timeout, move || c.abort()));
    let result = async {
        let response = match prefetched(url, signal.as_ref()) {
            Some(response) => response.await?,
            None => None,
        };
        let response = match response {
            Some(response) => response,
            // The browser's HTTP cache revalidates with ETag / Last-Modified
            // on its own (no preflight, unlike a hand-set If-None-Match).
            None => Request::get(url)
                .abort_signal(signal.as_ref())
                .send()
                .await
                .map_err(|_| FetchError::Network)?,
        };
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
        let Some(body) = response.body() else {
            return Ok(None);
        };
        if !keep_copy {
            return read_chunks(&body, max_bytes, feed).await.map(|()| None);
        }
        let branches = body.tee();
        let mine: ReadableStream = branches.get(0).unchecked_into();
        let copy: ReadableStream = branches.get(1).unchecked_into();
        match read_chunks(&mine, max_bytes, feed).await {
            Ok(()) => Ok(Some(copy)),
            Err(e) => {
                let _ = copy.cancel();
                Err(e)
            }
        }
    }
    .await;
    drop(timer);
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

/// The answer to the same request this worker began as it started, before
/// the engine asked (`odcTakePrefetched` in pkg/odc_worker.js, which stops
/// it when `signal` aborts): `None` where there is none (always in the
/// page), and resolving to `None` where it failed, so the caller asks
/// itself and learns why.
fn prefetched(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Option<impl std::future::Future<Output = Result<Option<Response>, FetchError>>> {
    let take: js_sys::Function = Reflect::get(&js_sys::global(), &"odcTakePrefetched".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise = take.call2(&JsValue::NULL, &url.into(), signal?).ok()?;
    let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
    Some(async move {
        let response = JsFuture::from(promise)
            .await
            .map_err(|_| FetchError::Network)?;
        Ok(response
            .dyn_into::<web_sys::Response>()
            .ok()
            .map(Response::from))
    })
}

/// Reads `stream` to its end, each chunk copied into wasm memory in turn
/// (one buffer, reused) and given to `feed`, which may pause it.
async fn read_chunks(
    stream: &ReadableStream,
    max_bytes: u64,
    feed: &mut dyn FnMut(&[u8]) -> Option<Pause>,
) -> Result<(), FetchError> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut buffer = Vec::new();
    let mut total = 0u64;
    loop {
        let next = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?;
        let done = Reflect::get(&next, &"done".into()).map_or(true, |d| d.is_truthy());
        if done {
            return Ok(());
        }
        let Ok(chunk) = Reflect::get(&next, &"value".into())
            .map_err(drop)
            .and_then(|v| v.dyn_into::<Uint8Array>().map_err(drop))
        else {
            return Err(FetchError::Network);
        };
        total += u64::from(chunk.length());
        if total > max_bytes {
            let _ = reader.cancel();
            return Err(FetchError::TooLarge(total));
        }
        buffer.resize(chunk.length() as usize, 0);
        chunk.copy_to(&mut buffer);
        let mut start = 0;
        while let Some(pause) = feed(&buffer[start..]) {
            let _ = JsFuture::from(pause.until).await;
            start = start.saturating_add(pause.used);
            if start >= buffer.len() {
                break;
            }
        }
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
