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
    // (position, dataset IRI): keyed by the dataset, so a row stays when
    // its dataset stays, also when a search service's page holds it at
    // another position.
    let hits = move || {
        let loaded = state.loaded();
        state.response.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.hits
                        .iter()
                        .map(|&i| {
                            (
                                i,
                                loaded
                                    .as_ref()
                                    .and_then(|l| l.dataset(i))
                                    .map(|d| d.id.clone()),
                            )
                        })
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
                <For each=hits key=|hit| hit.clone() let((index, _id))>
                    <ResultItem index=index />
                </For>
            </ul>
        </Show>
    }
}
