//! One dataset in the result list: its title (a disclosure button that
//! opens the details in place), a line of facts (publisher, modified date,
//! licence), an excerpt of the description and the formats.

use super::dataset_detail::DatasetDetail;
use super::labels::facet_value_label;
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
pub fn ResultItem(dataset: Dataset) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let id = StoredValue::new(dataset.id.clone());
    let is_open = move || {
        state
            .open
            .with(|o| id.with_value(|id| o.as_ref() == Some(id)))
    };
    let toggle = NodeRef::<html::Button>::new();
    // From the IRI, not the position: a row keeps its id as results move.
    let detail_id = format!(
        "odc-detail-{:x}",
        crate::registry::ids::fnv1a([dataset.id.as_bytes()])
    );
    view! {
        <li class="odc-result">
            <article>
                <ResultTitle dataset=dataset.clone() detail_id=detail_id.clone() toggle=toggle />
                <ResultFacts dataset=dataset.clone() />
                <Excerpt dataset=dataset.clone() />
                <FormatBadges dataset=dataset.clone() />
                <QualityRating dataset=dataset.clone() />
                <div id=detail_id>
                    <Show when=is_open>
                        <DatasetDetail dataset=dataset.clone() toggle=toggle />
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
    dataset: Dataset,
    detail_id: String,
    toggle: NodeRef<html::Button>,
) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let id = StoredValue::new(dataset.id.clone());
    let is_open = move || {
        state
            .open
            .with(|o| id.with_value(|id| o.as_ref() == Some(id)))
    };
    // (text, lang): the title in the UI language, else another language,
    // else the identifier.
    let title = move || {
        let lang = state.lang.get();
        match dataset.title.get(lang.code()) {
            Some((l, text)) => (text.to_string(), lang_attr(l, lang.code())),
            None => (
                dataset
                    .identifier
                    .clone()
                    .unwrap_or_else(|| texts(lang).untitled.to_string()),
                None,
            ),
        }
    };
    let (title_lang, title_text) = (title.clone(), title);
    move || {
        heading(
            state.heading_level(),
            "odc-result-title",
            view! {
                <button
                    type="button"
                    node_ref=toggle
                    aria-expanded=move || is_open().to_string()
                    aria-controls=detail_id.clone()
                    lang={
                        let title = title_lang.clone();
                        move || title().1
                    }
                    on:click=move |_| state.open_dataset(if is_open() { None } else { Some(id.get_value()) })
                >
                    {
                        let title = title_text.clone();
                        move || {
                            let text = title().0;
                            state.with_matched_terms(|terms| highlighted(&text, terms))
                        }
                    }
                </button>
            }
            .into_any(),
        )
    }
}

/// Publisher, date last modified (else issued) and licence.
#[component]
fn ResultFacts(dataset: Dataset) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let t = move || texts(state.lang.get());
    let ui = move || state.lang.get().code();
    let publisher = {
        let d = dataset.clone();
        move || {
            let ui = ui();
            let (l, name) = d.publisher.as_ref()?.name.get(ui)?;
            Some((name.to_string(), lang_attr(l, ui)))
        }
    };
    let date = dataset.modified.clone().or(dataset.issued.clone());
    let modified = move || date.as_ref().map(|iso| state.dates.get().format(iso));
    let licence = dataset
        .license
        .clone()
        .or_else(|| dataset.distributions.iter().find_map(|x| x.license.clone()));
    let licence = move || {
        let iri = licence.as_ref()?;
        state
            .loaded()
            .map(|l| facet_value_label(Facet::License, iri, ui(), &l.publishers))
    };
    view! {
        <p class="odc-meta">
            {move || publisher().map(|(name, lang)| view! { <span lang=lang>{name}</span> })}
            {move || modified().map(|date| view! { <span>{t().modified}" "{date}</span> })}
            {move || licence().map(|l| view! { <span>{t().license}": "{l}</span> })}
        </p>
    }
}

/// The start of the description, in the UI language where there is one.
#[component]
fn Excerpt(dataset: Dataset) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    // Around the first word the query matched, so the person sees why.
    let description = move || {
        let ui = state.lang.get().code();
        let (l, text) = dataset.description.get(ui)?;
        let shown = state.with_matched_terms(|terms| {
            let shown = match highlight::excerpt_start(text, terms, EXCERPT_CHARS) {
                Some(start) => format!("…{}", excerpt(&text[start..], EXCERPT_CHARS)),
                None => excerpt(text, EXCERPT_CHARS),
            };
            highlighted(&shown, terms)
        });
        Some((shown, lang_attr(l, ui)))
    };
    move || description().map(|(text, lang)| view! { <p class="odc-excerpt" lang=lang>{text}</p> })
}

/// The dataset's formats: the same labels the format facet counts
/// (`vocab::distribution_format`), each once.
#[component]
fn FormatBadges(dataset: Dataset) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let mut labels: Vec<String> = Vec::new();
    for label in dataset.distributions.iter().filter_map(distribution_format) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    (!labels.is_empty()).then(|| {
        view! {
            <ul class="odc-badges" aria-label=move || texts(state.lang.get()).formats>
                {labels.into_iter().map(|f| view! { <li class="odc-badge">{f}</li> }).collect_view()}
            </ul>
        }
    })
}

/// The metadata quality rating the harvest gave, in words (not colour
/// alone), when quality is shown ([`Catalogue::shows_quality`]).
#[component]
fn QualityRating(dataset: Dataset) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let quality = dataset.quality;
    move || {
        let q = quality.filter(|_| state.shows_quality())?;
        let lang = state.lang.get();
        let rating = crate::quality::Rating::of(q.points, q.max);
        let percent = (q.points * 100).checked_div(q.max).unwrap_or(0);
        Some(view! {
            <p class="odc-quality" data-rating=rating.code()>
                {format!("{}: {} ({percent} %)", texts(lang).quality, rating.label(lang.code()))}
            </p>
        })
    }
}
