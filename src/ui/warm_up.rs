//! While the registry loads, one sample row is rendered into an element
//! that is never attached to the page, shown a second sample dataset, and
//! dropped.
//!
//! The browser compiles each of the wasm's functions the first time it
//! runs (V8's lazy compilation, on the thread that calls it). The first
//! answer calls every function that builds a result row for the first
//! time, and the first keystroke every function that updates one in place
//! (rows are kept by position), so that compiling fell inside the long
//! task that shows the first results (median 74 → 60 ms at 10k with the
//! row built here) and inside the first keystroke's (54-62 ms at 10k and
//! 100k without the update here). Done here, in tasks of their own while
//! the page waits for the worker, it is out of both. Nothing of it is
//! seen, announced or sent to the host page.

use super::result_item::ResultItem;
use super::state::Catalogue;
use crate::browser::timer::after_this_task;
use crate::model::{Agent, Dataset, Distribution, LangText};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Renders the sample row one task from now, shows it the second sample
/// in the next, and drops it in the one after, unless a first answer is
/// already on show (then it is too late to help).
pub fn warm_up_rows(state: Catalogue) {
    after_this_task(move || {
        // Gone (the element was removed or moved at once), or too late.
        if state.response.try_with_untracked(Option::is_some) != Some(false) {
            return;
        }
        let Some(parent) = detached_element() else {
            return;
        };
        // Reference-counted, not in the arena: nothing is left behind.
        let dataset = ArcRwSignal::new(Some(sample("Befolkning", "2024-04-03", 2)));
        let shown = dataset.clone();
        let handle = leptos::mount::mount_to(parent, move || {
            provide_context(state);
            let shown: Signal<Option<Dataset>> = shown.into();
            view! { <ResultItem dataset=shown /> }
        });
        after_this_task(move || {
            // The row reads the widget's state: not once the widget is
            // gone (reading a disposed signal panics).
            if state.response.try_with_untracked(|_| ()).is_none() {
                return;
            }
            // The row updates on the reactive system's next turn, still
            // in this task; it is dropped in the next.
            dataset.set(Some(sample("Trafik", "2023-11-30", 1)));
            after_this_task(move || drop(handle));
        });
    });
}

fn detached_element() -> Option<web_sys::HtmlElement> {
    let element = web_sys::window()?.document()?.create_element("div").ok()?;
    element.dyn_into().ok()
}

/// A dataset with every part a row shows: title, description, publisher,
/// date, licence and `formats` formats.
fn sample(title: &str, modified: &str, formats: usize) -> Dataset {
    let distribution = |format: &str| Distribution {
        format: Some(format!(
            "http://publications.europa.eu/resource/authority/file-type/{format}"
        )),
        ..Default::default()
    };
    Dataset {
        id: format!("urn:open-data-catalogue:warm-up:{title}"),
        title: LangText::plain(title),
        description: LangText::plain(format!("{title} efter region och år.")),
        publisher: Some(Agent {
            id: Some(format!("urn:open-data-catalogue:warm-up-publisher:{title}")),
            name: LangText::plain(format!("Myndighet för {title}")),
        }),
        modified: Some(modified.into()),
        license: Some("http://creativecommons.org/publicdomain/zero/1.0/".into()),
        distributions: ["CSV", "JSON"]
            .iter()
            .take(formats)
            .map(|f| distribution(f))
            .collect(),
        ..Default::default()
    }
}
