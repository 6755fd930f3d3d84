//! What the widget borrows from the browser instead of shipping it:
//! networking, `Intl` collation and date formatting, constructable
//! stylesheets. Only built for wasm32.

pub mod cache;
pub mod fetch;
pub mod intl;
pub mod location;
pub mod rdf;
pub mod style;
pub mod theme;
pub mod timer;
