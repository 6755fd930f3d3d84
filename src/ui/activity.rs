//! What a person does in the widget, told to the host page so a site's own
//! statistics can record it (the embed layer turns each into a DOM event).
//! The widget itself records nothing and sends nothing anywhere.

use crate::search::Facet;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Activity {
    /// A query the person settled on (once per pause in typing).
    Search { query: String, total: usize },
    /// A filter value ticked (`selected`) or removed.
    Filter {
        facet: Facet,
        value: String,
        selected: bool,
    },
    /// A dataset opened.
    Open { id: String, title: String },
    /// A download or access link followed.
    Download {
        url: String,
        format: Option<String>,
        dataset: String,
        title: String,
    },
    /// Another page of results (1-based, of `pages`).
    Page { page: usize, pages: usize },
}

/// Where activities go: the host element's events, or nowhere.
pub type Listener = Rc<dyn Fn(Activity)>;
