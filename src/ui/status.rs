//! What the person is told: loading, errors with a way out, the result
//! count (announced politely once typing settles), and notices about
//! records or sources that could not be read.

use super::state::{Catalogue, LoadError};
use crate::browser::fetch::FetchError;
use crate::i18n::texts;
use leptos::prelude::*;
use std::time::Duration;

/// Screen readers hear the count once the person pauses, not on every
/// keystroke of a burst.
const SETTLE: Duration = Duration::from_millis(500);

#[component]
pub fn Loading() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    view! {
        <div class="odc-status" role="status">
            <span class="odc-spinner" aria-hidden="true"></span>
            {move || texts(state.lang.get()).loading}
        </div>
    }
}

#[component]
pub fn ErrorState(error: LoadError) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    let message = move || {
        let t = t();
        match error.clone() {
            LoadError::NoRegistry => t.error_no_registry.to_string(),
            LoadError::Fetch(FetchError::Network) => t.error_network.to_string(),
            LoadError::Fetch(FetchError::Timeout) => t.error_timeout.to_string(),
            LoadError::Fetch(FetchError::Cors { host }) => {
                let origin = web_sys::window()
                    .and_then(|w| w.location().origin().ok())
                    .unwrap_or_default();
                (t.cors)(&host, &origin)
            }
            LoadError::Fetch(FetchError::Http(status)) => (t.http_error)(status),
            LoadError::Fetch(FetchError::TooLarge(bytes)) => (t.too_large)(bytes),
            LoadError::NotCatalogue(_) => t.error_not_catalogue.to_string(),
            LoadError::Broken(_) => t.error_broken.to_string(),
            LoadError::Module(_) => t.error_module.to_string(),
        }
    };
    view! {
        <div class="odc-status odc-error" role="alert">
            <h2>{move || t().error_heading}</h2>
            <p>{message}</p>
            <button type="button" class="odc-button odc-primary" on:click=move |_| state.retry()>
                {move || t().retry}
            </button>
        </div>
    }
}

/// The number of matching datasets, in a polite live region.
#[component]
pub fn ResultCount() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let current = move || {
        let (total, partial) = state
            .response
            .with(|r| r.as_ref().map_or((0, false), |r| (r.total, r.partial)));
        let t = texts(state.lang.get());
        let mut count = (t.count)(total);
        if state.search_waits_for_registry() {
            count = format!("{count} {}", t.search_waits);
        } else if state.more_coming() {
            count = format!("{count} {}", t.loading_more);
        }
        // Said with the count, so a screen reader hears why the results
        // do not have every word.
        if partial {
            format!("{count}. {}", t.partial_match)
        } else {
            count
        }
    };
    // Shown text lags the real count by the settle time so the live region
    // changes once per pause; the list itself updates at once.
    let announced = RwSignal::new(current());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let text = current();
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || announced.set(text), SETTLE).ok();
        pending.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
    view! { <p class="odc-count" role="status" aria-live="polite" aria-atomic="true">{move || announced.get()}</p> }
}

/// Records that were skipped, sources that failed while others loaded,
/// sources shown from a saved copy.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let notices = move || {
        let t = texts(state.lang.get());
        state
            .loaded()
            .map(|l| {
                let mut out = Vec::new();
                if l.catalog.skipped > 0 {
                    out.push((t.skipped)(l.catalog.skipped));
                }
                for (url, _) in &l.failed_sources {
                    out.push((t.source_failed)(url));
                }
                for (url, saved_at) in &l.stale_sources {
                    out.push((t.stale_copy)(url, &state.dates.get().format(saved_at)));
                }
                if state.facets_missing() {
                    out.push(t.facets_unavailable.to_string());
                }
                out
            })
            .unwrap_or_default()
    };
    view! {
        {move || notices().into_iter().map(|n| view! { <p class="odc-notice">{n}</p> }).collect_view()}
    }
}

/// No dataset matches: say so, and offer the way out.
#[component]
pub fn NoResults() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    // The catalogue's closest words, as a button that searches them.
    let suggestion = move || {
        state
            .response
            .with(|r| r.as_ref().and_then(|r| r.suggestion.clone()))
    };
    view! {
        <div class="odc-status">
            <p>{move || if state.more_coming() { t().no_results_so_far } else { t().no_results }}</p>
            {move || suggestion().map(|words| {
                let query = words.clone();
                view! {
                    <p class="odc-suggestion">
                        {t().did_you_mean}" "
                        <button type="button" class="odc-link-button" on:click=move |_| state.text.set(query.clone())>
                            {words}
                        </button>
                        "?"
                    </p>
                }
            })}
            <p>{move || t().no_results_hint}</p>
            <button type="button" class="odc-button" on:click=move |_| state.clear_filters()>
                {move || t().clear_all}
            </button>
        </div>
    }
}
