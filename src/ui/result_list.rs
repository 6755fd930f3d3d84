//! The current page of results. Rows are kept by position and follow the
//! dataset at their position: a keystroke that brings a new page updates
//! the rows' text in place instead of removing and building some 250
//! elements, the main-thread work that decides how soon typing shows on a
//! phone (Interaction to Next Paint).

use super::loaded::DatasetRef;
use super::result_item::ResultItem;
use super::state::Catalogue;
use super::status::NoResults;
use crate::i18n::texts;
use leptos::prelude::*;

#[component]
pub fn ResultList() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let rows = move || {
        state
            .response
            .with(|r| r.as_ref().map_or(0, |r| r.hits.len()))
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
                <For each=move || 0..rows() key=|position| *position let(position)>
                    <ResultItem dataset=dataset_at(state, position) />
                </For>
            </ul>
        </Show>
    }
}

/// The dataset at `position` on the current page; unchanged (so nothing in
/// its row re-renders) while the same dataset stays there.
fn dataset_at(state: Catalogue, position: usize) -> Memo<Option<DatasetRef>> {
    Memo::new(move |_| {
        let loaded = state.loaded()?;
        let index = state
            .response
            .with(|r| r.as_ref()?.hits.get(position).copied())?;
        DatasetRef::new(loaded, index)
    })
}
