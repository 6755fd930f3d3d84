//! While the registry loads, a stand-in of the widget renders the layout
//! of an answer (toolbar, filter groups, rows, pager) into an element that
//! is never attached to the page, shows it a second sample answer, and is
//! dropped.
//!
//! The browser compiles each of the wasm's functions the first time it
//! runs (V8's lazy compilation, on the thread that calls it). The first
//! answer calls every function that builds the layout for the first time,
//! and the first keystroke (or the whole registry's answer after an early
//! page) every function that updates it in place, so that compiling fell
//! inside the long tasks that show them: of the demo's first answer's
//! 75 ms task, 36 ms were compiling 740 functions, and 13 ms of the 25 ms
//! task after it (the filter groups). Done here, in tasks of their own
//! while the page waits for the worker, that task took 46-52 ms and the
//! next 10 ms. The stand-in's rows render a task before the rest of its
//! layout: in one task they took 37-80 ms (traced), apart 21-30 and
//! 16-41 ms. Nothing of it is seen, announced or sent to the host page:
//! the stand-in has no registry, worker, listener or URL state
//! ([`Catalogue::stand_in`]).

use super::loaded::Loaded;
use super::remote::RemoteAnswer;
use super::result_list::ResultList;
use super::state::Catalogue;
use super::App;
use crate::browser::timer::after_this_task;
use crate::model::{Agent, Catalog, Dataset, Distribution, LangText};
use crate::registry::merge::Merged;
use crate::search::facets::FacetCounts;
use crate::search::{Facet, Response};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Renders the stand-in's rows one task from now and the rest of its
/// layout in the next (its filter groups follow in the one after, as the
/// widget's do), shows it the second sample in the task after and drops it
/// in the one after that; it stops as soon as a first answer is on show
/// (then it is too late to help) or the widget is gone.
pub fn warm_up(state: Catalogue) {
    after_this_task(move || {
        if too_late(state) {
            return;
        }
        let Some(parent) = detached_element() else {
            return;
        };
        let first = sample_answer(vec![
            sample("Befolkning", 2),
            sample("Trafik", 1),
            sample("Skola", 2),
        ]);
        // Other datasets in the first two positions, one row fewer.
        let second = sample_answer(vec![sample("Skola", 2), sample("Befolkning", 1)]);
        // The stand-in's signals and effects belong to an owner of their
        // own, disposed with it: nothing is left behind.
        let owner = Owner::new();
        // The rows first, in a task of their own: with the rest of the
        // layout, that first run would be one task of 50 ms or more.
        let (stand_in, rows) = owner.with(|| {
            let stand_in = state.stand_in(first);
            provide_context(stand_in);
            let rows = leptos::mount::mount_to(parent.clone(), ResultList);
            (stand_in, rows)
        });
        after_this_task(move || {
            // Its work is done (the rows' code is compiled): the layout
            // below has rows of its own, and two sets would both update.
            drop(rows);
            if too_late(state) {
                return;
            }
            let layout = owner
                .with(|| leptos::mount::mount_to(parent, move || view! { <App state=stand_in /> }));
            // After the filter groups' task (timers run in the order set).
            after_this_task(move || {
                if !too_late(state) {
                    // Updates on the reactive system's next turn, still in
                    // this task; the stand-in is dropped in the next.
                    stand_in.show(second);
                }
                after_this_task(move || {
                    drop(layout);
                    drop(owner);
                });
            });
        });
    });
}

/// A first answer is on show, or the widget is gone (the element was
/// removed or moved at once).
fn too_late(state: Catalogue) -> bool {
    state.response.try_with_untracked(Option::is_some) != Some(false)
}

fn detached_element() -> Option<web_sys::HtmlElement> {
    let element = web_sys::window()?.document()?.create_element("div").ok()?;
    element.dyn_into().ok()
}

/// An answer showing `datasets`, with two values in every filter group.
fn sample_answer(datasets: Vec<Dataset>) -> Result<RemoteAnswer, super::Failure> {
    let n = datasets.len();
    let facets = Facet::ALL
        .iter()
        .map(|&facet| FacetCounts {
            facet,
            values: ["a", "b"]
                .iter()
                .zip([n as u32, 1])
                .map(|(v, count)| {
                    (
                        format!("urn:open-data-catalogue:warm-up:{}:{v}", facet.as_str()),
                        count,
                    )
                })
                .collect(),
        })
        .collect();
    let loaded = Loaded::new(Merged {
        catalog: Catalog {
            datasets,
            ..Default::default()
        },
        failed: Vec::new(),
        stale: Vec::new(),
    });
    Ok(RemoteAnswer {
        loaded: Rc::new(loaded),
        response: Response {
            total: n,
            hits: (0..n as u32).collect(),
            facets,
            ..Default::default()
        },
        facets_missing: Vec::new(),
    })
}

/// A dataset with every part a row shows but its date: title,
/// description, publisher, licence and `formats` formats. A date would make
/// the page's first `Intl.DateTimeFormat` here, on the main thread, if this
/// ran before the engine worker has made one (`Catalogue::new`).
fn sample(title: &str, formats: usize) -> Dataset {
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
        license: Some("http://creativecommons.org/publicdomain/zero/1.0/".into()),
        distributions: ["CSV", "JSON"]
            .iter()
            .take(formats)
            .map(|f| distribution(f))
            .collect(),
        ..Default::default()
    }
}
