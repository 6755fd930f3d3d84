//! The widget's root: search field, filters, results, and the loading and
//! error states in between.

use super::active_filters::ActiveFilters;
use super::facets_panel::FacetsPanel;
use super::pager::Pager;
use super::result_list::ResultList;
use super::search_box::SearchBox;
use super::sort_select::SortSelect;
use super::state::Catalogue;
use super::status::{ErrorState, Loading, Notices, ResultCount};
use leptos::prelude::*;

#[component]
pub fn App(state: Catalogue) -> impl IntoView {
    provide_context(state);
    let has_facets = move || !state.shown_facets().is_empty();
    view! {
        <div class="odc" lang=move || state.lang.get().code()>
            <SearchBox />
            {move || match state.registry() {
                None => view! { <Loading /> }.into_any(),
                Some(load) => match load {
                Err(failure) => view! { <ErrorState error=failure.error /> }.into_any(),
                Ok(_) => view! {
                    <div class="odc-layout" class:odc-no-facets=move || !has_facets()>
                        <Show when=has_facets>
                            <FacetsPanel />
                        </Show>
                        <div class="odc-main">
                            <div class="odc-toolbar">
                                <ResultCount />
                                <SortSelect />
                            </div>
                            <ActiveFilters />
                            <Notices />
                            <ResultList />
                            <Pager />
                        </div>
                    </div>
                }.into_any(),
            }}}
        </div>
    }
}
