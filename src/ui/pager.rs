//! Previous / next page. After a page change, focus moves to the result
//! list (documented), so a keyboard user starts reading the new page.

use super::activity::Activity;
use super::state::Catalogue;
use crate::i18n::texts;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Pager() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    let pages = move || {
        let total = state.response.with(|r| r.as_ref().map_or(0, |r| r.total));
        let size = state.page_size().max(1);
        total.div_ceil(size)
    };
    let nav = NodeRef::<html::Nav>::new();
    let go = move |page: usize| {
        state.open.set(None);
        state.page.set(page);
        state.tell(Activity::Page {
            page: page + 1,
            pages: pages(),
        });
        request_animation_frame(move || {
            let list = nav
                .get_untracked()
                .map(|n| n.get_root_node())
                .and_then(|r| r.dyn_into::<web_sys::ShadowRoot>().ok())
                .and_then(|r| r.query_selector("#odc-results").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(list) = list {
                let _ = list.focus();
            }
        });
    };
    view! {
        <Show when=move || { pages() > 1 }>
            <nav class="odc-pager" aria-label=move || t().pagination node_ref=nav>
                <button
                    type="button"
                    class="odc-button"
                    disabled=move || state.page.get() == 0
                    on:click=move |_| go(state.page.get_untracked().saturating_sub(1))
                >
                    {move || t().previous_page}
                </button>
                <span>{move || (t().page_of)(state.page.get() + 1, pages())}</span>
                <button
                    type="button"
                    class="odc-button"
                    disabled=move || { state.page.get() + 1 >= pages() }
                    on:click=move |_| go((state.page.get_untracked() + 1).min(pages().saturating_sub(1)))
                >
                    {move || t().next_page}
                </button>
            </nav>
        </Show>
    }
}
