//! One dataset in the result list: its title (a disclosure button that
//! opens the details in place), a line of facts (publisher, modified date,
//! licence), an excerpt of the description and the formats.

use super::dataset_detail::DatasetDetail;
use super::labels::facet_value_label;
use super::loaded::DatasetRef;
use super::state::Catalogue;
use super::text::{excerpt, heading, highlighted, lang_attr};
use crate::i18n::texts;
use crate::model::Dataset;
use crate::search::highlight;
use crate::search::Facet;
use crate::vocab::distribution_format;
use leptos::html;
use leptos::prelude::*;

const EXCERPT_CHARS: usize = 220;

#[component]
pub fn ResultItem(#[prop(into)] dataset: Signal<Option<DatasetRef>>) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let is_open = Signal::derive(move || {
        state.open.with(|o| {
            dataset.with(|d| {
                d.as_ref()
                    .is_some_and(|d| o.as_deref() == Some(d.id.as_str()))
            })
        })
    });
    let toggle = NodeRef::<html::Button>::new();
    // From the IRI, not the position, so a link to an opened dataset's
    // details names the dataset.
    let detail_id = Signal::derive(move || {
        dataset.with(|d| {
            let id = d.as_ref().map_or("", |d| d.id.as_str());
            format!(
                "odc-detail-{:x}",
                crate::registry::ids::fnv1a([id.as_bytes()])
            )
        })
    });
    view! {
        <li class="odc-result">
            <article>
                <ResultTitle dataset=dataset is_open=is_open detail_id=detail_id toggle=toggle />
                <div class="odc-result-body">
                    <ResultBody dataset=dataset />
                </div>
                <div id=detail_id>
                    <Show when=move || is_open.get()>
                        {move || dataset.with(|d| d.as_deref().cloned()).map(|dataset| view! { <DatasetDetail dataset=dataset toggle=toggle /> })}
                    </Show>
                </div>
            </article>
        </li>
    }
}

/// The title as a heading at the `heading-level` (also when it changes),
/// holding the button that opens and closes the details.
#[component]
fn ResultTitle(
    dataset: Signal<Option<DatasetRef>>,
    /// Whether this row's details are open.
    is_open: Signal<bool>,
    detail_id: Signal<String>,
    toggle: NodeRef<html::Button>,
) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let id = move || dataset.with(|d| d.as_ref().map(|d| d.id.clone()));
    // (text, lang): the title in the UI language, else another language,
    // else the identifier. A memo: the button's `lang` and its text both
    // read it.
    let title = Memo::new(move |_| {
        let lang = state.lang.get();
        dataset.with(|d| {
            let d = d.as_ref()?;
            Some(match d.title.get(lang.code()) {
                Some((l, text)) => (text.to_string(), lang_attr(l, lang.code())),
                None => (
                    d.identifier
                        .clone()
                        .unwrap_or_else(|| texts(lang).untitled.to_string()),
                    None,
                ),
            })
        })
    });
    move || {
        heading(
            state.heading_level(),
            "odc-result-title",
            view! {
                <button
                    type="button"
                    node_ref=toggle
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=detail_id
                    lang=move || title.with(|t| t.as_ref().and_then(|t| t.1.clone()))
                    on:click=move |_| state.open_dataset(if is_open.get_untracked() { None } else { id() })
                >
                    {move || title.with(|t| {
                        let text = t.as_ref().map_or("", |t| t.0.as_str());
                        state.with_matched_terms(|terms| highlighted(text, terms))
                    })}
                </button>
            }
            .into_any(),
        )
    }
}

/// Everything under the title: the facts (publisher, date last modified,
/// else issued, and licence), an excerpt of the description, the formats
/// and the quality rating. One render effect for all of them, rebuilt in
/// place when the row shows another dataset: a keystroke updates some 20
/// rows at once, and an effect (with its subscriptions) per part cost more
/// than the parts' own text.
#[component]
fn ResultBody(dataset: Signal<Option<DatasetRef>>) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    move || {
        let lang = state.lang.get();
        let ui = lang.code();
        let t = texts(lang);
        let dates = state.dates.get();
        let loaded = state.loaded();
        let shows_quality = state.shows_quality();
        state.with_matched_terms(|terms| {
            dataset.with(|d| {
                let d = d.as_ref()?;
                let publisher = d.publisher.as_ref().and_then(|p| p.name.get(ui)).map(
                    |(l, name)| view! { <span lang=lang_attr(l, ui)>{name.to_string()}</span> },
                );
                let modified = d
                    .modified
                    .as_ref()
                    .or(d.issued.as_ref())
                    .map(|iso| view! { <span>{t.modified}" "{dates.format(iso)}</span> });
                let licence = d.licences().next().zip(loaded.as_ref()).map(|(iri, l)| {
                    let label = facet_value_label(Facet::License, iri, ui, &l.publishers);
                    view! { <span>{t.license}": "{label}</span> }
                });
                Some(view! {
                    <p class="odc-meta">{publisher}{modified}{licence}</p>
                    {excerpt_of(d, ui, terms)}
                    {format_badges(d, t.formats)}
                    {d.quality.filter(|_| shows_quality).map(|q| quality_rating(q, lang))}
                })
            })
        })
    }
}

/// The start of the description, in the UI language where there is one,
/// around the first word the query matched, so the person sees why.
fn excerpt_of(d: &Dataset, ui: &str, terms: &[String]) -> Option<impl IntoView + use<>> {
    let (l, text) = d.description.get(ui)?;
    let shown = match highlight::excerpt_start(text, terms, EXCERPT_CHARS) {
        Some(start) => format!("…{}", excerpt(&text[start..], EXCERPT_CHARS)),
        None => excerpt(text, EXCERPT_CHARS),
    };
    let text = highlighted(&shown, terms);
    Some(view! { <p class="odc-excerpt" lang=lang_attr(l, ui)>{text}</p> })
}

/// The dataset's formats: the same labels the format facet counts
/// (`vocab::distribution_format`), each once.
fn format_badges(d: &Dataset, list_label: &'static str) -> Option<impl IntoView + use<>> {
    let mut labels: Vec<String> = Vec::new();
    for label in d.distributions.iter().filter_map(distribution_format) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    (!labels.is_empty()).then(|| {
        view! {
            <ul class="odc-badges" aria-label=list_label>
                {labels.into_iter().map(|f| view! { <li class="odc-badge">{f}</li> }).collect_view()}
            </ul>
        }
    })
}

/// The metadata quality rating the harvest gave, in words (not colour
/// alone), when quality is shown ([`Catalogue::shows_quality`]).
fn quality_rating(q: crate::model::Quality, lang: crate::config::Lang) -> impl IntoView + use<> {
    let rating = crate::quality::Rating::of(q.points, q.max);
    let percent = (q.points * 100).checked_div(q.max).unwrap_or(0);
    view! {
        <p class="odc-quality" data-rating=rating.code()>
            {format!("{}: {} ({percent} %)", texts(lang).quality, rating.label(lang.code()))}
        </p>
    }
}
