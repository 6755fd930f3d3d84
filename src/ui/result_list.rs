//! The current page of results, keyed by dataset so rows that stay are not
//! re-rendered when the query changes.

use super::result_item::ResultItem;
use super::state::Catalogue;
use super::status::NoResults;
use crate::i18n::texts;
use leptos::prelude::*;

#[component]
pub fn ResultList() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    // Keyed by the dataset's IRI, so a row stays when its dataset stays,
    // also when the worker's or a search service's next page holds it at
    // another position (their hits index each answer's own page).
    let hits = move || {
        let loaded = state.loaded();
        state.response.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.hits
                        .iter()
                        .filter_map(|&i| loaded.as_ref()?.dataset(i).cloned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let empty = move || {
        state
            .response
            .with(|r| r.as_ref().is_some_and(|r| r.total == 0))
    };
    view! {
        <Show when=move || !empty() fallback=|| view! { <NoResults /> }>
            <ul
                id="odc-results"
                class="odc-results"
                tabindex="-1"
                aria-label=move || texts(state.lang.get()).results_label
                aria-busy=move || state.busy().then_some("true")
            >
                <For each=hits key=|dataset| dataset.id.clone() let(dataset)>
                    <ResultItem dataset=dataset />
                </For>
            </ul>
        </Show>
    }
}
