//! The Leptos UI: one component per file, all state in `state::Catalogue`.
//!
//! Components read derived signals from the shared state rather than
//! keeping copies, so a change (a keystroke, a ticked box, a new language)
//! flows through one search and every part re-renders only what changed.

mod active_filters;
mod activity;
mod app;
mod dataset_detail;
mod facet_group;
mod facets_panel;
mod labels;
mod load;
mod loaded;
mod next_task;
mod pager;
mod remote;
mod result_item;
mod result_list;
mod search_box;
mod sort_select;
mod state;
mod status;
mod text;
mod warm_up;
mod worker;

pub use activity::{Activity, Listener};
pub use app::App;
pub use labels::publisher_names;
pub use load::{load_all, Limits, Progress};
pub use loaded::{LoadError, Loaded};
pub use next_task::NextTask;
pub use state::{Catalogue, Failure, Load};
pub use warm_up::warm_up;
pub use worker::Port;
