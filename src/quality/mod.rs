//! Metadata quality: what a dataset's description lacks against
//! DCAT-AP-SE ([`rules`]) and its score on the EU's Metadata Quality
//! Assessment dimensions ([`score`]). Pure Rust: the `harvest` command
//! scores and reports every member's datasets, and the widget names what a
//! dataset lacks from the same rules.

pub mod rules;
pub mod score;

pub use rules::{findings, Finding, Obligation, Rule, RULES};
pub use score::{assess, Assessment, Indicator, Rating, INDICATORS};
