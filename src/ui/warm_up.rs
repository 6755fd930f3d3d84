//! While the registry loads, one sample row is rendered into an element
//! that is never attached to the page, and dropped.
//!
//! The browser compiles each of the wasm's functions the first time it
//! runs (V8's lazy compilation, on the thread that calls it). Rendering the
//! first answer calls every function a result row needs for the first
//! time, so that compiling fell inside the one long task that shows the
//! first results: ≈ 55 ms for 20 rows on this project's machine, against
//! ≈ 10 ms for the 20 new rows of a keystroke. Done here, in a task of its
//! own while the page waits for the worker, it is out of that task.
//! Nothing of it is seen, announced or sent to the host page.

use super::result_item::ResultItem;
use super::state::Catalogue;
use crate::model::{Agent, Dataset, Distribution, LangText};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Renders the sample row one task from now, unless a first answer is
/// already on show (then it is too late to help).
pub fn warm_up_rows(state: Catalogue) {
    set_timeout(
        move || {
            if state.response.with_untracked(Option::is_some) {
                return;
            }
            let Some(parent) = detached_element() else {
                return;
            };
            let handle = leptos::mount::mount_to(parent, move || {
                provide_context(state);
                view! { <ResultItem dataset=Signal::stored(Some(sample())) /> }
            });
            drop(handle);
        },
        Duration::ZERO,
    );
}

fn detached_element() -> Option<web_sys::HtmlElement> {
    let element = web_sys::window()?.document()?.create_element("div").ok()?;
    element.dyn_into().ok()
}

/// A dataset with every part a row shows: title, description, publisher,
/// date, licence and formats.
fn sample() -> Dataset {
    let distribution = Distribution {
        format: Some("http://publications.europa.eu/resource/authority/file-type/CSV".into()),
        media_type: Some("text/csv".into()),
        ..Default::default()
    };
    Dataset {
        id: "urn:open-data-catalogue:warm-up".into(),
        title: LangText::plain("Befolkning"),
        description: LangText::plain("Befolkningen efter region och år."),
        publisher: Some(Agent {
            id: Some("urn:open-data-catalogue:warm-up-publisher".into()),
            name: LangText::plain("Myndighet"),
        }),
        modified: Some("2024-04-03".into()),
        license: Some("http://creativecommons.org/publicdomain/zero/1.0/".into()),
        distributions: vec![distribution.clone(), distribution],
        ..Default::default()
    }
}
