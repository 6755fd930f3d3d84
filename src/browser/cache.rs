//! A saved copy of each registry, shown when the registry cannot be
//! reached later (offline, a timeout, a 5xx), with the date it was saved.
//!
//! Where: the page origin's Cache Storage, cache `open-data-catalogue-v1`,
//! keyed by the registry's resolved URL. How long: a copy older than
//! `MAX_AGE_DAYS` is not shown and is deleted. Invalidation: every
//! successful load replaces the copy; freshness itself is the browser HTTP
//! cache's job (it revalidates with the server's ETag / Last-Modified).
//! Cache Storage needs a secure context (https or localhost); elsewhere
//! nothing is saved and nothing breaks.

use js_sys::Date;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Response, ResponseInit};

const CACHE_NAME: &str = "open-data-catalogue-v1";
const SAVED_AT: &str = "x-odc-saved-at";
pub const MAX_AGE_DAYS: f64 = 30.0;

async fn open() -> Option<Cache> {
    // The global's, so the engine worker keeps copies too (same origin,
    // same cache as the page).
    let caches: web_sys::CacheStorage = js_sys::Reflect::get(&js_sys::global(), &"caches".into())
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(caches.open(CACHE_NAME))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Saves `body` (the registry's second stream, see `fetch_chunks`) as the
/// copy of `url`. Failures (no Cache Storage, quota) are ignored: the copy
/// is a convenience.
pub async fn save(url: &str, body: &web_sys::ReadableStream) {
    let Some(cache) = open().await else {
        let _ = body.cancel();
        return;
    };
    let headers = web_sys::Headers::new().ok();
    if let Some(h) = &headers {
        let _ = h.set(
            SAVED_AT,
            &Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default(),
        );
        let _ = h.set("content-type", "application/json");
    }
    let init = ResponseInit::new();
    if let Some(h) = &headers {
        init.set_headers(h);
    }
    if let Ok(response) = Response::new_with_opt_readable_stream_and_init(Some(body), &init) {
        let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
    }
}

/// The saved copy of `url` and when it was saved (ISO 8601), if there is
/// one young enough.
pub async fn load(url: &str) -> Option<(String, String)> {
    let cache = open().await?;
    let found = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: Response = found.dyn_into().ok()?;
    let saved_at = response.headers().get(SAVED_AT).ok()??;
    let age_days = (Date::now() - Date::parse(&saved_at)) / 86_400_000.0;
    if !(0.0..=MAX_AGE_DAYS).contains(&age_days) {
        let _ = JsFuture::from(cache.delete_with_str(url)).await;
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some((text, saved_at))
}
