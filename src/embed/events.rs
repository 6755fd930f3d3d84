//! The widget's DOM events on the host element. They bubble and cross the
//! shadow boundary (`composed`), so a listener on `document` hears every
//! widget; each `detail` is a plain object (documented in the README):
//!
//! * `odc-load` `{ datasets, skipped }` once the registry has loaded;
//! * `odc-error` `{ kind, message, url, status? }` when it could not;
//! * `odc-search` `{ query, total }` once per pause in typing;
//! * `odc-filter` `{ facet, value, selected }` per value ticked or removed;
//! * `odc-open` `{ id, title }` when a dataset is opened;
//! * `odc-download` `{ url, format, dataset, title }` when a download or
//!   access link is followed;
//! * `odc-page` `{ page, pages }` when the person turns the page.
//!
//! They are for the host's own statistics (Matomo, Plausible, …): the
//! widget itself tracks nobody and sends nothing but its registry requests.

use crate::ui::{Activity, Catalogue, Failure, Listener, Load};
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A search is told once the person has paused this long, like the live
/// region's announcement: one event per typed word, not per keystroke.
const SETTLE: Duration = Duration::from_millis(500);

fn send(host: &HtmlElement, name: &str, detail: js_sys::Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn object(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(name), value);
    }
    o
}

fn number(n: usize) -> JsValue {
    (n as f64).into()
}

fn text_or_null(s: Option<String>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from)
}

/// Turns what a person does into the host element's events.
pub fn activity_listener(host: HtmlElement) -> Listener {
    Rc::new(move |activity: Activity| {
        let (name, detail) = match activity {
            Activity::Search { query, total } => (
                "odc-search",
                object(&[("query", query.into()), ("total", number(total))]),
            ),
            Activity::Filter {
                facet,
                value,
                selected,
            } => (
                "odc-filter",
                object(&[
                    ("facet", facet.attribute_name().into()),
                    ("value", value.into()),
                    ("selected", selected.into()),
                ]),
            ),
            Activity::Open { id, title } => (
                "odc-open",
                object(&[("id", id.into()), ("title", title.into())]),
            ),
            Activity::Download {
                url,
                format,
                dataset,
                title,
            } => (
                "odc-download",
                object(&[
                    ("url", url.into()),
                    ("format", text_or_null(format)),
                    ("dataset", dataset.into()),
                    ("title", title.into()),
                ]),
            ),
            Activity::Page { page, pages } => (
                "odc-page",
                object(&[("page", number(page)), ("pages", number(pages))]),
            ),
        };
        send(&host, name, detail);
    })
}

/// `odc-load` and `odc-error`, after every load (also "try again"); not
/// for an early page while the registry still downloads.
pub fn dispatch_load_events(state: Catalogue, host: HtmlElement) {
    Effect::new(move |told: Option<Option<(u64, bool)>>| {
        let registry = state.registry().filter(|_| !state.more_coming());
        let load = registry
            .as_ref()
            .map(|r| (state.load_identity(), r.is_ok()));
        if load.is_some() && told.flatten() != load {
            tell_load(registry, &host);
        }
        load
    });
}

fn tell_load(registry: Option<Load>, host: &HtmlElement) {
    match registry {
        Some(Ok(loaded)) => send(
            host,
            "odc-load",
            object(&[
                ("datasets", number(loaded.size)),
                ("skipped", number(loaded.catalog.skipped)),
            ]),
        ),
        Some(Err(Failure { url, error })) => {
            let detail = object(&[
                ("kind", error.kind().into()),
                ("message", error.describe().into()),
                ("url", text_or_null(url)),
            ]);
            if let Some(status) = error.status() {
                let _ = js_sys::Reflect::set(&detail, &"status".into(), &status.into());
            }
            send(host, "odc-error", detail)
        }
        None => {}
    }
}

/// Tells each query the person settles on, once: not every keystroke, not
/// a query restored from a shared link, not an emptied search field.
pub fn dispatch_settled_searches(state: Catalogue) {
    let told = StoredValue::new(state.text.get_untracked());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(Some(handle)) = pending.try_update_value(Option::take) {
            handle.clear();
        }
    };
    Effect::new(move |first: Option<()>| {
        state.text.track();
        cancel();
        if first.is_none() {
            return;
        }
        let settle = move || {
            let query = state.text.get_untracked().trim().to_string();
            if told.with_value(|t| *t == query) {
                return;
            }
            told.set_value(query.clone());
            if query.is_empty() {
                return;
            }
            let total = state
                .response
                .with_untracked(|r| r.as_ref().map_or(0, |r| r.total));
            state.tell(Activity::Search { query, total });
        };
        pending.set_value(set_timeout_with_handle(settle, SETTLE).ok());
    });
    on_cleanup(cancel);
}

/// The current results' filter values: `[{ facet, values: [{ value, label,
/// count }] }]`, facets in their usual order.
pub fn facet_values(state: Catalogue) -> JsValue {
    let groups = js_sys::Array::new();
    state.response.with_untracked(|response| {
        for counts in response.iter().flat_map(|r| &r.facets) {
            // A registry without quality scores has no quality facet.
            if counts.facet == crate::search::Facet::Quality && counts.values.is_empty() {
                continue;
            }
            let values = js_sys::Array::new();
            for (value, count) in &counts.values {
                values.push(&object(&[
                    ("value", value.as_str().into()),
                    ("label", state.facet_label(counts.facet, value).into()),
                    ("count", (*count as f64).into()),
                ]));
            }
            groups.push(&object(&[
                ("facet", counts.facet.attribute_name().into()),
                ("values", values.into()),
            ]));
        }
    });
    groups.into()
}
