//! A dataset opened in place: full description, each distribution with its
//! links, and the facts a person needs to use the data. Escape closes it
//! and returns focus to the title that opened it.

use super::activity::Activity;
use super::labels::{facet_value_label, last_segment};
use super::state::Catalogue;
use super::text::{heading, lang_attr};
use crate::i18n::{texts, Texts};
use crate::links::safe_href;
use crate::model::{Dataset, Distribution};
use crate::search::Facet;
use crate::vocab;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn DatasetDetail(dataset: Dataset, toggle: NodeRef<html::Button>) -> impl IntoView {
    let state = expect_context::<Catalogue>();
    let close = move || {
        state.open.set(None);
        if let Some(button) = toggle.get_untracked() {
            let _ = button.focus();
        }
    };
    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            close();
        }
    };
    // Rebuilt when the UI language or the heading level changes, so an
    // opened dataset follows `lang` and `heading-level` like the rest.
    view! {
        <div class="odc-detail" on:keydown=close_on_escape>
            {move || content(&dataset, state, close)}
        </div>
    }
}

/// The opened dataset in the current UI language.
fn content(dataset: &Dataset, state: Catalogue, close: impl Fn() + Copy + 'static) -> AnyView {
    let lang = state.lang.get();
    let ui = lang.code();
    let t = texts(lang);
    let level = state.heading_level().saturating_add(1);
    let loaded = state.loaded();
    let label = |facet: Facet, value: &str| {
        loaded
            .as_ref()
            .map(|l| facet_value_label(facet, value, ui, &l.publishers))
            .unwrap_or_default()
    };

    let description = dataset
        .description
        .get(ui)
        .map(|(l, text)| view! { <p class="odc-detail-description" lang=lang_attr(l, ui)>{text.to_string()}</p> });

    let mut facts: Vec<(&'static str, AnyView)> = Vec::new();
    if let Some(p) = &dataset.publisher {
        if let Some((l, name)) = p.name.get(ui) {
            facts.push((
                t.publisher,
                view! { <span lang=lang_attr(l, ui)>{name.to_string()}</span> }.into_any(),
            ));
        }
    }
    if !dataset.themes.is_empty() {
        let themes = dataset
            .themes
            .iter()
            .map(|th| label(Facet::Theme, th))
            .collect::<Vec<_>>()
            .join(", ");
        facts.push((t.theme, themes.into_any()));
    }
    if let Some(iri) = &dataset.license {
        facts.push((t.license, link_or_text(iri, label(Facet::License, iri))));
    }
    if let Some(iri) = &dataset.access_rights {
        facts.push((t.access_rights, label(Facet::AccessRights, iri).into_any()));
    }
    if let Some(iri) = &dataset.accrual_periodicity {
        let text = vocab::frequency_label(iri, ui)
            .map(str::to_string)
            .unwrap_or_else(|| last_segment(iri).to_string());
        facts.push((t.update_frequency, text.into_any()));
    }
    let dates = state.dates.get();
    if let Some(d) = &dataset.issued {
        facts.push((t.issued, dates.format(d).into_any()));
    }
    if let Some(d) = &dataset.modified {
        facts.push((t.modified, dates.format(d).into_any()));
    }
    if let Some(url) = dataset.landing_page.as_deref().and_then(safe_href) {
        facts.push((t.landing_page, link_or_text(url, url.to_string())));
    }
    if let Some(c) = &dataset.contact_point {
        let name = c.name.clone().unwrap_or_default();
        let email = c.email.as_deref().and_then(safe_href).map(|href| {
            let shown = href.trim_start_matches("mailto:").to_string();
            view! { " " <a href=href.to_string()>{shown}</a> }
        });
        let url = c
            .url
            .as_deref()
            .and_then(safe_href)
            .map(|href| view! { " " <a href=href.to_string()>{href.to_string()}</a> });
        facts.push((
            t.contact,
            view! { <span>{name}{email}{url}</span> }.into_any(),
        ));
    }
    let keywords = dataset
        .keywords
        .iter()
        .filter(|(l, _)| l.is_empty() || l == ui)
        .map(|(_, k)| k.clone())
        .collect::<Vec<_>>();
    if !keywords.is_empty() {
        facts.push((t.keywords, keywords.join(", ").into_any()));
    }

    // What the description lacks against DCAT-AP-SE (the harvest's
    // rules), when quality is shown.
    let lacking: Vec<&'static str> = if state.shows_quality() {
        crate::quality::findings(dataset)
            .iter()
            .filter_map(|f| crate::quality::Rule::by_id(f.rule))
            .map(|r| r.problem(ui))
            .collect()
    } else {
        Vec::new()
    };
    let lacking = (!lacking.is_empty()).then(|| {
        view! {
            {heading(level, "odc-detail-heading", t.quality_missing.into_any())}
            <ul class="odc-quality-missing">
                {lacking.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        }
    });

    let distributions = dataset
        .distributions
        .iter()
        .map(|d| distribution(d, ui, t, followed(state, dataset, lang.code())))
        .collect_view();
    let has_distributions = !dataset.distributions.is_empty();

    view! {
            {description}
            <dl class="odc-facts">
                {facts.into_iter().map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
            {has_distributions.then(|| view! {
                {heading(level, "odc-detail-heading", t.distributions.into_any())}
                <ul>{distributions}</ul>
            })}
            {lacking}
            <p>
                <button type="button" class="odc-link-button" on:click=move |_| close()>
                    {t.close}
                </button>
            </p>
    }
    .into_any()
}

/// Tells the host page a person followed a link of `dataset`: (url,
/// format).
fn followed(
    state: Catalogue,
    dataset: &Dataset,
    ui: &str,
) -> impl Fn(String, Option<String>) + Clone + 'static {
    let id = dataset.id.clone();
    let title = dataset.title.text(ui).to_string();
    move |url, format| {
        state.tell(Activity::Download {
            url,
            format,
            dataset: id.clone(),
            title: title.clone(),
        })
    }
}

fn distribution(
    d: &Distribution,
    ui: &'static str,
    t: &'static Texts,
    followed: impl Fn(String, Option<String>) + Clone + 'static,
) -> impl IntoView {
    let format = vocab::distribution_format(d);
    let link_format = format.clone();
    let link = move |class: &'static str, href: &str, text: String| {
        let (href, format, followed) = (href.to_string(), link_format.clone(), followed.clone());
        let url = href.clone();
        view! {
            <a class=class href=href on:click=move |_| followed(url.clone(), format.clone())>{text}</a>
        }
    };
    let title = d
        .title
        .get(ui)
        .or_else(|| d.description.get(ui))
        .map(|(l, text)| view! { <span lang=lang_attr(l, ui)>{text.to_string()}</span> });
    let name = format.clone().unwrap_or_default();
    let download = d.download_url.as_deref().and_then(safe_href).map(|href| {
        let text = if name.is_empty() {
            t.download.to_string()
        } else {
            format!("{} ({name})", t.download)
        };
        link("odc-button odc-primary", href, text)
    });
    // The access URL is often the same as the download URL; show it only
    // when it leads somewhere else.
    let access = d
        .access_url
        .as_deref()
        .and_then(safe_href)
        .filter(|a| Some(*a) != d.download_url.as_deref().and_then(safe_href))
        .map(|href| link("odc-button", href, t.access.to_string()));
    let license = d.license.as_deref().map(|iri| {
        let l = vocab::licence_label(iri, ui)
            .map(str::to_string)
            .unwrap_or_else(|| last_segment(iri).to_string());
        view! { <span>{t.license}": "{l}</span> }
    });
    view! {
        <li class="odc-distribution">
            <div>
                {format.map(|f| view! { <span class="odc-badge">{f}</span> " " })}
                {title}
            </div>
            {license.map(|l| view! { <div class="odc-meta">{l}</div> })}
            <div class="odc-distribution-links">{download}{access}</div>
        </li>
    }
}

/// A licence or page IRI: a link when it is safe to follow, else text.
fn link_or_text(iri: &str, text: String) -> AnyView {
    match safe_href(iri) {
        Some(href) => view! { <a href=href.to_string()>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}
