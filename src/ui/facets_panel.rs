//! The filter panel: one group per configured facet. On narrow screens it
//! collapses behind a labelled toggle so results come first.

use super::facet_group::FacetGroup;
use super::state::Catalogue;
use crate::i18n::texts;
use leptos::prelude::*;

#[component]
pub fn FacetsPanel() -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    let collapsed = RwSignal::new(true);
    let facets = move || state.shown_facets();
    view! {
        <div class="odc-filters">
            <button
                type="button"
                class="odc-button odc-filters-toggle"
                aria-expanded=move || (!collapsed.get()).to_string()
                aria-controls="odc-filter-panel"
                on:click=move |_| collapsed.update(|c| *c = !*c)
            >
                {move || t().show_filters}
            </button>
            <div id="odc-filter-panel" class="odc-filter-panel" class:odc-collapsed=move || collapsed.get()>
                <p class="odc-filters-heading">{move || t().filters_heading}</p>
                <For each=facets key=|f| *f let(facet)>
                    <FacetGroup facet=facet />
                </For>
            </div>
        </div>
    }
}
