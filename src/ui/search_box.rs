//! The search field: searches as the person types.

use super::state::Catalogue;
use crate::i18n::texts;
use leptos::prelude::*;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    view! {
        <div class="odc-search" role="search">
            <label for="odc-q">{move || t().search_label}</label>
            <input
                id="odc-q"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || t().search_placeholder
                prop:value=move || state.text.get()
                on:input:target=move |ev| state.text.set(ev.target().value())
            />
        </div>
    }
}
