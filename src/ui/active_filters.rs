//! The filters in force, as removable chips, and "clear all".
//!
//! Focus after removing a chip (documented in docs/accessibility.md): the
//! chip that took its place, else the one before it, else the search field,
//! so a keyboard user is never dropped at the top of the page.

use super::labels::facet_value_label;
use super::state::Catalogue;
use crate::i18n::texts;
use crate::search::Facet;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    let container = NodeRef::<html::Div>::new();
    let chips = move || {
        state.selected.with(|s| {
            s.pairs()
                .map(|(f, v)| (f, v.to_string()))
                .collect::<Vec<(Facet, String)>>()
        })
    };
    let focus_after_removal = move |index: usize| {
        // Found now: once the last chip is gone, so is the container.
        let search = search_input(container);
        request_animation_frame(move || {
            let buttons = container
                .get()
                .and_then(|c| c.query_selector_all("button").ok());
            let target = buttons.and_then(|list| {
                let n = list.length();
                // The last button is "clear all"; chips come before it.
                let chips = n.saturating_sub(1);
                (chips > 0)
                    .then(|| list.get((index as u32).min(chips - 1)))
                    .flatten()
            });
            // A removed last chip leaves a detached container behind.
            let target = target.filter(|n| n.is_connected());
            match target.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                Some(button) => {
                    let _ = button.focus();
                }
                None => {
                    if let Some(input) = search {
                        let _ = input.focus();
                    }
                }
            }
        });
    };
    let chip = move |(index, (facet, value)): (usize, (Facet, String))| {
        let value_for_click = value.clone();
        let label = move || {
            let lang = state.lang.get();
            let name = state
                .loaded()
                .map(|l| facet_value_label(facet, &value, lang.code(), &l.publishers))
                .unwrap_or_default();
            (
                name.clone(),
                format!("{} {}: {}", t().remove_filter, t().facet(facet), name),
            )
        };
        let label_text = label.clone();
        view! {
            <li>
                <button
                    type="button"
                    class="odc-chip"
                    aria-label=move || label().1
                    on:click=move |_| {
                        focus_after_removal(index);
                        state.toggle(facet, &value_for_click);
                    }
                >
                    <span>{move || label_text().0}</span>
                    <span class="odc-chip-x" aria-hidden="true">"×"</span>
                </button>
            </li>
        }
    };
    view! {
        <Show when=move || !chips().is_empty()>
            <div class="odc-chips" role="group" aria-label=move || t().active_filters node_ref=container>
                <ul>
                    {move || chips().into_iter().enumerate().map(chip).collect_view()}
                </ul>
                <button
                    type="button"
                    class="odc-link-button"
                    on:click=move |_| {
                        if let Some(input) = search_input(container) {
                            let _ = input.focus();
                        }
                        state.clear_filters();
                    }
                >
                    {move || t().clear_all}
                </button>
            </div>
        </Show>
    }
}

/// This widget's search field, found through the shadow root the chips
/// live in, so several widgets on a page never mix.
fn search_input(anchor: NodeRef<html::Div>) -> Option<web_sys::HtmlElement> {
    let root = anchor.get_untracked()?.get_root_node();
    root.dyn_into::<web_sys::ShadowRoot>()
        .ok()?
        .query_selector("#odc-q")
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}
