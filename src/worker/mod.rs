//! The engine worker: the widget's registry is fetched, read, indexed and
//! searched in a Web Worker (`pkg/odc_worker.js`), with its own instance of
//! this wasm, so the host page's main thread only renders.
//!
//! This is one of the three backends behind the UI's one asynchronous
//! boundary (`ui::state`): the UI sends an [`wire::Ask`] (the registry, the
//! language, the [`Request`](crate::search::Request), the opened dataset)
//! and gets back an [`wire::Answer`] shaped like a search service's (a page
//! of datasets and a `Response` whose hits index that page). The other two
//! are a search service (`ui::remote`) and the same engine in the page,
//! used when a worker cannot start.

mod early;
pub mod host;
pub mod wire;
