//! One facet as a fieldset of checkboxes with live counts. OR within the
//! group; the counts ignore the group's own selection, so ticking a second
//! value shows how many that adds.

use super::labels::{facet_value_label, facet_value_lang};
use super::state::Catalogue;
use crate::i18n::texts;
use crate::search::Facet;
use leptos::prelude::*;

/// Values shown before "show more".
const TOP: usize = 8;

#[component]
pub fn FacetGroup(facet: Facet) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    let expanded = RwSignal::new(false);
    // (value, label, count, checked); values with no matches are hidden
    // unless ticked, so a person cannot tick their way into zero results.
    let values = Memo::new(move |_| {
        let lang = state.lang.get();
        let counts = state.response.with(|r| {
            r.as_ref().and_then(|r| {
                r.facets
                    .iter()
                    .find(|fc| fc.facet == facet)
                    .map(|fc| fc.values.clone())
            })
        })?;
        state.loaded().map(|loaded| {
            counts
                .into_iter()
                .filter_map(|(value, count)| {
                    let checked = state.is_selected(facet, &value);
                    (count > 0 || checked).then(|| {
                        let label =
                            facet_value_label(facet, &value, lang.code(), &loaded.publishers);
                        (value, label, count, checked)
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let total = move || values.with(|v| v.as_ref().map_or(0, |v| v.len()));
    // Only the values' keys drive the list, so a changing count or a tick
    // updates a row in place and keyboard focus stays on its checkbox.
    let visible = move || {
        values.with(|v| {
            let all = v.as_deref().unwrap_or_default();
            let expanded = expanded.get();
            all.iter()
                .enumerate()
                // Ticked values stay visible even when they are not in the top.
                .filter(|(i, x)| expanded || *i < TOP || x.3)
                .map(|(_, x)| x.0.clone())
                .collect::<Vec<_>>()
        })
    };
    let find = move |value: &str| {
        values.with(|v| {
            v.as_deref()
                .unwrap_or_default()
                .iter()
                .find(|x| x.0 == value)
                .cloned()
        })
    };
    let row = move |value: String| {
        let (v1, v2, v3, v4) = (value.clone(), value.clone(), value.clone(), value.clone());
        view! {
            <li>
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || find(&v1).is_some_and(|x| x.3)
                        on:change=move |_| state.toggle(facet, &v2)
                    />
                    <span lang=move || {
                        state.loaded().and_then(|l| facet_value_lang(facet, &v4, state.lang.get().code(), &l.publishers))
                    }>{move || find(&v3).map(|x| x.1).unwrap_or_default()}</span>
                    <span class="odc-facet-count">{move || find(&value).map_or(0, |x| x.2)}</span>
                </label>
            </li>
        }
    };
    view! {
        <Show when=move || { total() > 0 }>
            <fieldset class="odc-facet">
                <legend>{move || t().facet(facet)}</legend>
                <ul>
                    <For each=visible key=|value| value.clone() children=row />
                </ul>
                <Show when=move || { total() > TOP }>
                    <button
                        type="button"
                        class="odc-link-button"
                        aria-expanded=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || if expanded.get() { t().show_less } else { t().show_more }}
                        <span class="odc-sr-only">{move || format!(" ({})", t().facet(facet))}</span>
                    </button>
                </Show>
            </fieldset>
        </Show>
    }
}
