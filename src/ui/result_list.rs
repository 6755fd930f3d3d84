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
    let hits = move || {
        state
            .response
            .with(|r| r.as_ref().map(|r| r.hits.clone()).unwrap_or_default())
    };
    let empty = move || {
        state
            .response
            .with(|r| r.as_ref().is_some_and(|r| r.total == 0))
    };
    view! {
        <Show when=move || !empty() fallback=|| view! { <NoResults /> }>
            <ul id="odc-results" class="odc-results" tabindex="-1" aria-label=move || texts(state.lang.get()).results_label>
                <For each=hits key=|index| *index let(index)>
                    <ResultItem index=index />
                </For>
            </ul>
        </Show>
    }
}
