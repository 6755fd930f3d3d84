//! The widget's state: options in, registry loaded, query state, and the
//! search response derived from them.

pub use super::load::LoadError;
use super::load::{load_all, Limits};
use crate::browser::intl::{title_ranker, DateFormat};
use crate::browser::location;
use crate::config::{Lang, Options};
use crate::model::{Catalog, Dataset, LangText};
use crate::search::{Engine, Facet, Request, Response, Sort};
use crate::url_state::QueryState;
use js_sys::Function;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

/// A registry that loaded, with the engine built for one UI language.
pub struct Loaded {
    pub catalog: Catalog,
    /// Publisher names by facet key, for labels.
    pub publishers: HashMap<String, LangText>,
    pub engine: RefCell<Option<(Lang, Engine)>>,
    /// Sources that failed while others loaded: (url, error).
    pub failed_sources: Vec<(String, LoadError)>,
    /// Sources shown from the saved copy because they could not be
    /// reached: (url, when the copy was saved, ISO 8601).
    pub stale_sources: Vec<(String, String)>,
}

impl Loaded {
    pub fn dataset(&self, index: u32) -> Option<&Dataset> {
        self.catalog.datasets.get(index as usize)
    }
}

#[derive(Clone)]
pub enum Load {
    Loading,
    Ready(Rc<Loaded>),
    Failed(LoadError),
}

/// Everything the components share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct Catalogue {
    pub options: RwSignal<Options>,
    /// The language the host page or element says, used when the `lang`
    /// option is not given.
    pub page_lang: RwSignal<Option<Lang>>,
    pub load: RwSignal<Load, LocalStorage>,
    /// Bumped by "try again" to refetch.
    pub attempt: RwSignal<u32>,
    pub text: RwSignal<String>,
    /// Filters the person chose (locked filters live in `options`).
    pub selected: RwSignal<Vec<(Facet, Vec<String>)>>,
    pub sort: RwSignal<Sort>,
    /// Zero-based page.
    pub page: RwSignal<usize>,
    /// The dataset shown in detail (index into the catalogue).
    pub open: RwSignal<Option<u32>>,
    pub lang: Memo<Lang>,
    pub response: Memo<Option<Response>>,
    pub dates: StoredValue<Option<(Lang, Rc<DateFormat>)>, LocalStorage>,
    /// Converts RDF registries with the second wasm module (see browser::rdf).
    pub rdf_loader: StoredValue<Option<Function>, LocalStorage>,
}

impl Catalogue {
    pub fn new(
        options: Options,
        page_lang: Option<Lang>,
        rdf_loader: Option<Function>,
    ) -> Catalogue {
        // A shared link's state, when the webmaster enabled URL state.
        let from_url = options
            .url_state
            .as_deref()
            .map(location::read_state)
            .unwrap_or_default();
        let sort = RwSignal::new(from_url.sort.unwrap_or(options.sort));
        let options = RwSignal::new(options);
        let page_lang = RwSignal::new(page_lang);
        let load = RwSignal::new_local(Load::Loading);
        let text = RwSignal::new(from_url.text);
        let selected = RwSignal::new(from_url.filters);
        let page = RwSignal::new(from_url.page);
        let lang = Memo::new(move |_| {
            options
                .with(|o| o.lang)
                .or(page_lang.get())
                .unwrap_or(Lang::Sv)
        });
        let response = Memo::new(move |_| {
            let Load::Ready(loaded) = load.get() else {
                return None;
            };
            let lang = lang.get();
            let (locked, page_size) = options.with(|o| (o.locked.clone(), o.page_size));
            let mut filters = locked;
            selected.with(|s| filters.extend(s.iter().cloned()));
            let request = Request {
                text: text.get(),
                filters,
                sort: sort.get(),
                offset: page.get() * page_size,
                limit: page_size,
            };
            let mut engine = loaded.engine.borrow_mut();
            if engine.as_ref().is_none_or(|(l, _)| *l != lang) {
                let rank_titles = title_ranker(lang.code());
                *engine = Some((
                    lang,
                    Engine::with_title_order(&loaded.catalog.datasets, lang.code(), &rank_titles),
                ));
            }
            engine.as_mut().map(|(_, e)| e.search(&request))
        });
        let state = Catalogue {
            options,
            page_lang,
            load,
            attempt: RwSignal::new(0),
            text,
            selected,
            sort,
            page,
            open: RwSignal::new(None),
            lang,
            response,
            dates: StoredValue::new_local(None),
            rdf_loader: StoredValue::new_local(rdf_loader),
        };
        state.load_registry_on_change(from_url.open);
        state.write_url_on_change();
        state.reset_page_on_query_change();
        state
    }

    /// (Re)loads whenever the registry URLs change or "try again" is pressed.
    fn load_registry_on_change(self, open_from_url: Option<String>) {
        let open_from_url = StoredValue::new(open_from_url);
        let generation = StoredValue::new(0u32);
        // Only a change of URLs reloads, not a change of language or sort.
        let registry = Memo::new(move |_| self.options.with(|o| o.registry.clone()));
        Effect::new(move |_| {
            let urls = registry.get();
            self.attempt.track();
            generation.update_value(|g| *g += 1);
            let this_generation = generation.get_value();
            self.load.set(Load::Loading);
            spawn_local(async move {
                let loader = self.rdf_loader.try_get_value().flatten();
                let limits = self.options.with_untracked(|o| Limits {
                    timeout: Duration::from_secs(o.timeout_secs.into()),
                    max_bytes: u64::from(o.max_size_mb) * 1024 * 1024,
                });
                let result = load_all(&urls, loader.as_ref(), limits).await;
                // A slower earlier load must not overwrite a newer one.
                if generation.try_get_value() != Some(this_generation) {
                    return;
                }
                // A new registry starts afresh, except for what a shared link
                // asked for on the first load.
                let wanted = open_from_url.try_update_value(Option::take).flatten();
                if this_generation > 1 {
                    self.open.set(None);
                    self.page.set(0);
                }
                if let (Some(id), Ok(loaded)) = (&wanted, &result) {
                    let index = loaded.catalog.datasets.iter().position(|d| &d.id == id);
                    self.open.set(index.map(|i| i as u32));
                }
                self.load.set(match result {
                    Ok(loaded) => Load::Ready(Rc::new(loaded)),
                    Err(e) => Load::Failed(e),
                });
            });
        });
    }

    /// Mirrors the query state into the page URL (only when enabled).
    fn write_url_on_change(self) {
        Effect::new(move |_| {
            let Some(prefix) = self.options.with(|o| o.url_state.clone()) else {
                return;
            };
            let default_sort = self.options.with(|o| o.sort);
            let open = self.open.get().and_then(|i| {
                self.with_loaded(|l| l.dataset(i).map(|d| d.id.clone()))
                    .flatten()
            });
            let state = QueryState {
                text: self.text.get(),
                filters: self.selected.get(),
                sort: Some(self.sort.get()).filter(|s| *s != default_sort),
                page: self.page.get(),
                open,
            };
            location::write_state(&prefix, &state);
        });
    }

    /// A new query or filter starts on the first page.
    fn reset_page_on_query_change(self) {
        Effect::new(move |prev: Option<()>| {
            self.text.track();
            self.selected.track();
            self.sort.track();
            if prev.is_some() {
                self.page.set(0);
                self.open.set(None);
            }
        });
    }

    pub fn with_loaded<T>(&self, f: impl FnOnce(&Loaded) -> T) -> Option<T> {
        match self.load.get() {
            Load::Ready(l) => Some(f(&l)),
            _ => None,
        }
    }

    pub fn date_format(&self) -> Rc<DateFormat> {
        let lang = self.lang.get();
        if let Some(Some((l, f))) = self.dates.try_get_value() {
            if l == lang {
                return f;
            }
        }
        let f = Rc::new(DateFormat::new(lang.code()));
        self.dates.set_value(Some((lang, f.clone())));
        f
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected.with(|s| {
            s.iter()
                .any(|(f, vs)| *f == facet && vs.iter().any(|v| v == value))
        })
    }

    pub fn toggle(&self, facet: Facet, value: &str) {
        self.selected.update(|s| {
            match s.iter_mut().find(|(f, _)| *f == facet) {
                Some((_, values)) => {
                    if let Some(i) = values.iter().position(|v| v == value) {
                        values.remove(i);
                    } else {
                        values.push(value.to_string());
                    }
                }
                None => s.push((facet, vec![value.to_string()])),
            }
            s.retain(|(_, values)| !values.is_empty());
        });
    }

    pub fn clear_filters(&self) {
        self.selected.set(Vec::new());
        self.text.set(String::new());
    }
}
