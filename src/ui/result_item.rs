//! One dataset in the result list: title (a disclosure button that opens
//! the details in place), publisher, modified date, excerpt, formats,
//! licence.

use super::dataset_detail::DatasetDetail;
use super::labels::facet_value_label;
use super::state::Catalogue;
use super::text::{excerpt, heading, lang_attr};
use crate::i18n::texts;
use crate::search::Facet;
use crate::vocab::distribution_format;
use leptos::html;
use leptos::prelude::*;

const EXCERPT_CHARS: usize = 220;

#[component]
pub fn ResultItem(index: u32) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let Some(dataset) = state.loaded().and_then(|l| l.dataset(index).cloned()) else {
        return ().into_any();
    };
    let t = move || texts(state.lang.get());
    let ui = move || state.lang.get().code();
    let id = StoredValue::new(dataset.id.clone());
    let is_open = move || state.open.with(|o| id.with_value(|id| o.as_ref() == Some(id)));
    let toggle = NodeRef::<html::Button>::new();
    let detail_id = format!("odc-detail-{index}");
    let controls = detail_id.clone();

    let title = {
        let d = dataset.clone();
        move || {
            let ui = ui();
            match d.title.get(ui) {
                Some((lang, text)) => (text.to_string(), lang_attr(lang, ui)),
                None => (
                    d.identifier
                        .clone()
                        .unwrap_or_else(|| t().untitled.to_string()),
                    None,
                ),
            }
        }
    };
    let title_text = {
        let title = title.clone();
        move || title().0
    };
    let title_lang = move || title().1;
    let publisher = {
        let d = dataset.clone();
        move || {
            let ui = ui();
            d.publisher.as_ref().and_then(|p| {
                p.name
                    .get(ui)
                    .map(|(l, n)| (n.to_string(), lang_attr(l, ui)))
            })
        }
    };
    let description = {
        let d = dataset.clone();
        move || {
            let ui = ui();
            d.description
                .get(ui)
                .map(|(l, text)| (excerpt(text, EXCERPT_CHARS), lang_attr(l, ui)))
        }
    };
    let modified = {
        let d = dataset.clone();
        move || {
            d.modified
                .as_ref()
                .or(d.issued.as_ref())
                .map(|iso| state.dates.get().format(iso))
        }
    };
    // The same labels the format facet counts.
    let formats = format_labels(&dataset);
    let license = {
        let d = dataset.clone();
        move || {
            let iri = d
                .license
                .clone()
                .or_else(|| d.distributions.iter().find_map(|x| x.license.clone()))?;
            state.loaded().map(|l| facet_value_label(Facet::License, &iri, ui(), &l.publishers))
        }
    };

    view! {
        <li class="odc-result">
            <article>
                // The level follows `heading-level`, also when it changes.
                {move || heading(state.heading_level.get(), "odc-result-title", view! {
                    <button
                        type="button"
                        node_ref=toggle
                        aria-expanded=move || is_open().to_string()
                        aria-controls=controls.clone()
                        lang=title_lang.clone()
                        on:click=move |_| state.open.set(if is_open() { None } else { Some(id.get_value()) })
                    >
                        {title_text.clone()}
                    </button>
                }.into_any())}
                <p class="odc-meta">
                    {move || publisher().map(|(name, lang)| view! { <span lang=lang>{name}</span> })}
                    {move || modified().map(|date| view! { <span>{t().modified}" "{date}</span> })}
                    {move || license().map(|l| view! { <span>{t().license}": "{l}</span> })}
                </p>
                {move || description().map(|(text, lang)| view! { <p class="odc-excerpt" lang=lang>{text}</p> })}
                {(!formats.is_empty()).then(|| view! {
                    <ul class="odc-badges" aria-label=move || t().formats>
                        {formats.iter().map(|f| view! { <li class="odc-badge">{f.clone()}</li> }).collect_view()}
                    </ul>
                })}
                <div id=detail_id.clone()>
                    <Show when=is_open>
                        <DatasetDetail dataset=dataset.clone() toggle=toggle />
                    </Show>
                </div>
            </article>
        </li>
    }
    .into_any()
}

/// The dataset's format labels, each once: the same rule and the same keys
/// as the format facet (`vocab::distribution_format`).
fn format_labels(dataset: &crate::model::Dataset) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for label in dataset.distributions.iter().filter_map(distribution_format) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}
