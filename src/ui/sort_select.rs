//! The sort order: relevance, title (the UI language's alphabetical
//! order, from `Intl.Collator`), newest modified, and best metadata quality
//! when quality is shown.

use super::state::Catalogue;
use crate::i18n::texts;
use crate::search::Sort;
use leptos::prelude::*;

#[component]
pub fn SortSelect() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    let option = move |sort: Sort, label: fn(&crate::i18n::Texts) -> &'static str| {
        view! {
            <option value=sort.as_str() prop:selected=move || state.sort.get() == sort>
                {move || label(t())}
            </option>
        }
    };
    view! {
        <div class="odc-sort">
            <label for="odc-sort">{move || t().sort_label}</label>
            <select
                id="odc-sort"
                on:change:target=move |ev| {
                    if let Ok(sort) = ev.target().value().parse::<Sort>() {
                        state.sort.set(sort);
                    }
                }
            >
                {option(Sort::Relevance, |t| t.sort_relevance)}
                {option(Sort::Title, |t| t.sort_title)}
                {option(Sort::Modified, |t| t.sort_modified)}
                {move || state.shows_quality().then(|| option(Sort::Quality, |t| t.sort_quality))}
            </select>
        </div>
    }
}
