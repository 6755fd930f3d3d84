//! The widget's root: search field, filters, results, and the loading and
//! error states in between.

use super::active_filters::ActiveFilters;
use super::facets_panel::FacetsPanel;
use super::next_task::NextTask;
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
    // What the layout depends on: loading, failed, or which registry is on
    // show. A search service's or the worker's answers (a new page each
    // query) keep one layout, whose parts follow the answers, so focus
    // stays where it is.
    let phase = Memo::new(move |_| match state.registry() {
        None => Phase::Loading,
        Some(Err(failure)) => Phase::Failed(failure),
        Some(Ok(loaded)) if state.searched_elsewhere() => {
            let _ = loaded;
            Phase::Ready(0)
        }
        Some(Ok(loaded)) => Phase::Ready(std::rc::Rc::as_ptr(&loaded) as usize),
    });
    view! {
        <div class="odc" lang=move || state.lang.get().code()>
            <SearchBox />
            {move || match phase.get() {
                Phase::Loading => view! { <Loading /> }.into_any(),
                Phase::Failed(failure) => view! { <ErrorState error=failure.error /> }.into_any(),
                Phase::Ready(_) => view! {
                    <div class="odc-layout" class:odc-no-facets=move || !has_facets()>
                        <Show when=has_facets>
                            <NextTask>
                                <FacetsPanel />
                            </NextTask>
                        </Show>
                        // Busy while an early page waits for the rest of
                        // the registry: assistive technology may wait too.
                        <div class="odc-main" aria-busy=move || state.more_coming().then_some("true")>
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
            }}
        </div>
    }
}

/// The widget's state as far as the layout is concerned.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Failed(super::state::Failure),
    /// Which registry (its address; 0 for a search service).
    Ready(usize),
}
