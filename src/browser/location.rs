//! Reading and writing the shareable query state in the page URL (only
//! when the `url-state` option is on; see `crate::url_state`).
//!
//! Writing uses `history.replaceState`: typing a query should not fill the
//! back button with every letter, and the host page's own parameters and
//! hash are kept as they are.

use crate::url_state::{from_params, to_params, QueryState};
use wasm_bindgen::JsValue;
use web_sys::{Url, UrlSearchParams};

fn current_url() -> Option<Url> {
    Url::new(&web_sys::window()?.location().href().ok()?).ok()
}

fn pairs(params: &UrlSearchParams) -> Vec<(String, String)> {
    let Ok(Some(entries)) = js_sys::try_iter(&params.entries()) else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.ok()?.into();
            Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
        })
        .collect()
}

pub fn read_state(prefix: &str) -> QueryState {
    let Some(url) = current_url() else {
        return QueryState::default();
    };
    let pairs = pairs(&url.search_params());
    from_params(prefix, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

pub fn write_state(prefix: &str, state: &QueryState) {
    let Some(url) = current_url() else { return };
    let params = url.search_params();
    let before = url.href();
    for (name, _) in pairs(&params) {
        if name.starts_with(prefix) {
            params.delete(&name);
        }
    }
    for (name, value) in to_params(prefix, state) {
        params.append(&name, &value);
    }
    let after = url.href();
    if after != before {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&after));
        }
    }
}
