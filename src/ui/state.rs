//! The widget's state. What a person or the webmaster sets is held in
//! signals (options, search text, ticked filters, sort, page, opened
//! dataset); everything else is derived from them.
//!
//! The one boundary between UI and search: the query state makes a
//! `Request`, and a `Response` (total, a page of hits, facet counts) comes
//! back from one of three backends, the UI not knowing which:
//! * the engine worker (`ui::worker`), the default for a registry file:
//!   fetching, reading, indexing and searching run off the main thread;
//! * a search service (`ui::remote`), when the registry is one;
//! * the engine in the page, where no worker can start: the registry is
//!   loaded by a Leptos `Action` dispatched for each set of registry URLs
//!   (and on "try again"), the engine is a memo of (registry, language)
//!   and the response a memo of (engine, request).
//!
//! Nothing derived is copied into a signal by hand, so nothing can fall
//! out of step.

use super::activity::{Activity, Listener};
use super::load::{load_all, Limits};
pub use super::loaded::{Failure, LoadError, Loaded};
use super::remote::{RemoteAnswer, Searcher};
use super::worker::{Outcome, Port};
use crate::browser::intl::{title_ranker, DateFormat};
use crate::browser::location;
use crate::browser::timer::after_this_task;
use crate::config::{Lang, Options};
use crate::remote::Service;
use crate::search::{Engine, Facet, Filters, Request, Response, Sort};
use crate::url_state::QueryState;
use crate::worker::wire::Ask;
use js_sys::Function;
use leptos::prelude::*;
use leptos::reactive::actions::ActionAbortHandle;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// The registry: `None` while it loads.
pub type Load = Result<Rc<Loaded>, Failure>;

/// [`Load`] as a memo value: the same when it is the same registry (or an
/// equal failure). The wrapper makes it one (the widget is
/// single-threaded).
#[derive(Clone)]
struct SharedLoad(SendWrapper<Load>);

impl PartialEq for SharedLoad {
    fn eq(&self, other: &Self) -> bool {
        match (&*self.0, &*other.0) {
            (Ok(a), Ok(b)) => Rc::ptr_eq(a, b),
            (Err(a), Err(b)) => a == b,
            _ => false,
        }
    }
}

/// What a service or the worker answered, shown where the layout reads it.
type RemoteSlot = RwSignal<Option<Result<Rc<RemoteAnswer>, Failure>>, LocalStorage>;

/// The engine built for one registry in one UI language. The engine keeps
/// scratch buffers between searches, hence the `RefCell`; the wrapper
/// makes it a memo value (the widget is single-threaded).
#[derive(Clone)]
pub struct SharedEngine(SendWrapper<Rc<RefCell<Engine>>>);

impl SharedEngine {
    fn build(loaded: &Loaded, lang: Lang) -> SharedEngine {
        let rank_titles = title_ranker(lang.code());
        let engine = Engine::with_title_order(&loaded.catalog.datasets, lang.code(), &rank_titles);
        SharedEngine(SendWrapper::new(Rc::new(RefCell::new(engine))))
    }

    fn search(&self, request: &Request) -> Response {
        self.0.borrow_mut().search(request)
    }
}

impl PartialEq for SharedEngine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// `Intl.DateTimeFormat` of one UI language, shared by every row.
#[derive(Clone)]
pub struct Dates(SendWrapper<Rc<DateFormat>>);

impl Dates {
    pub fn format(&self, iso: &str) -> String {
        self.0.format(iso)
    }
}

impl PartialEq for Dates {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Everything the components share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct Catalogue {
    pub options: RwSignal<Options>,
    /// The language the host page or element says, used when the `lang`
    /// option is not given.
    pub page_lang: RwSignal<Option<Lang>>,
    /// Loads and merges the registries; its value is the registry.
    load: Action<Vec<String>, Load>,
    /// The registry on show ([`Catalogue::registry`]), worked out once per
    /// change: every result row and filter group reads it.
    registry: Memo<Option<SharedLoad>>,
    /// The load under way, aborted when a newer one starts, so a slow old
    /// registry never replaces a newer one and never delays it.
    in_flight: StoredValue<Option<ActionAbortHandle>>,
    urls: Memo<Vec<String>>,
    pub text: RwSignal<String>,
    /// Filters the person chose (locked filters live in `options`).
    pub selected: RwSignal<Filters>,
    pub sort: RwSignal<Sort>,
    /// Zero-based page.
    pub page: RwSignal<usize>,
    /// The IRI of the dataset shown in detail. Kept by IRI, not position,
    /// so a shared link's dataset survives a registry that changed or did
    /// not load.
    pub open: RwSignal<Option<String>>,
    pub lang: Memo<Lang>,
    pub dates: Memo<Dates>,
    /// Told what the person does (`odc-*` events on the host element).
    listener: StoredValue<Option<Listener>, LocalStorage>,
    pub response: Memo<Option<Response>>,
    /// The search service the registry is, if it is one (`src/remote`):
    /// then nothing is downloaded whole and every query asks the service.
    service: Memo<Option<Service>>,
    /// The service's or the worker's last answer (kept on show while the
    /// next one loads).
    remote: RemoteSlot,
    /// The engine runs in the page: there is no worker port, or the worker
    /// could not start.
    in_page: RwSignal<bool>,
    /// Which of the worker's loads its last answer comes from.
    worker_load: RwSignal<u64>,
    /// What the UI asks the engine now, and what the worker's answer on
    /// show was asked (they differ while an ask waits for a registry that
    /// is still downloading).
    request: Signal<Request>,
    answered: RwSignal<Option<Request>, LocalStorage>,
    /// A service request is under way.
    remote_busy: RwSignal<bool>,
    /// Bumped by "try again" against a service.
    remote_retry: RwSignal<u32>,
}

/// Whether a search service or the worker answers the searches ([`Catalogue::searched_elsewhere`]).
fn searched_elsewhere(service: Memo<Option<Service>>, in_page: RwSignal<bool>) -> bool {
    service.with(Option::is_some) || !in_page.get()
}

/// Makes the date format in a task of its own (see `Catalogue::new`).
/// `try_`: the widget may be gone by then (removed or moved at once).
fn make_date_format_soon(dates: Memo<Dates>) {
    after_this_task(move || {
        dates.try_with_untracked(|_| ());
    });
}

/// Puts a service's or the worker's answer on show. `try_`: the answer may
/// arrive after the widget is gone.
fn show_answer(remote: RemoteSlot, answer: Result<RemoteAnswer, Failure>) {
    remote.try_set(Some(answer.map(Rc::new)));
}

impl Catalogue {
    pub fn new(
        options: Options,
        page_lang: Option<Lang>,
        rdf_loader: Option<Function>,
        worker: Option<Port>,
        listener: Option<Listener>,
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
        let text = RwSignal::new(from_url.text);
        let selected = RwSignal::new(from_url.filters);
        let page = RwSignal::new(from_url.page);
        let open = RwSignal::new(from_url.open);
        let lang = Memo::new(move |_| {
            options
                .with(|o| o.lang)
                .or(page_lang.get())
                .unwrap_or(Lang::Sv)
        });
        let dates = Memo::new(move |_| {
            Dates(SendWrapper::new(Rc::new(DateFormat::new(
                lang.get().code(),
            ))))
        });

        // Only a change of URLs reloads, not a change of language or sort.
        let urls = Memo::new(move |_| options.with(|o| o.registry.clone()));
        let rdf_loader = SendWrapper::new(rdf_loader);
        let load = Action::new_unsync_local(move |urls: &Vec<String>| {
            let urls = urls.clone();
            // Read when the load starts: a new `timeout` or `max-size`
            // applies to the next load.
            let limits = options.with_untracked(|o| Limits {
                timeout: Duration::from_secs(o.timeout_secs.into()),
                max_bytes: u64::from(o.max_size_mb) * 1024 * 1024,
            });
            let loader = (*rdf_loader).clone();
            async move {
                load_all(&urls, loader.as_ref(), limits, None)
                    .await
                    .map(Rc::new)
            }
        });
        let loading = load.pending();
        // The last load's answer, made once (each call of `Action::value`
        // makes a new mapped signal).
        let loaded_value = load.value();

        // A search service, at the address the page resolves it to.
        let service = Memo::new(move |_| {
            let service = options.with(|o| Service::for_registry(&o.registry, o.registry_type))?;
            let base = crate::browser::fetch::resolve(service.base())?;
            Some(service.with_base(base))
        });
        let remote = RwSignal::new_local(None);
        let remote_busy = RwSignal::new(false);
        let remote_retry = RwSignal::new(0u32);
        let in_page = RwSignal::new(worker.is_none());
        let worker_load = RwSignal::new(0u64);
        let answered = RwSignal::new_local(None);

        let registry = Memo::new(move |_| {
            let load = if searched_elsewhere(service, in_page) {
                remote.with(|r: &Option<Result<Rc<RemoteAnswer>, Failure>>| {
                    r.as_ref()
                        .map(|r| r.as_ref().map(|a| a.loaded.clone()).map_err(Clone::clone))
                })
            } else if loading.get() {
                None
            } else {
                loaded_value.get()
            };
            load.map(|load| SharedLoad(SendWrapper::new(load)))
        });
        let engine = Memo::new(move |_| {
            let loaded = loaded_value.get()?.ok()?;
            Some(SharedEngine::build(&loaded, lang.get()))
        });
        // What the UI asks the engine, from the query state.
        let request = Signal::derive(move || {
            let size = options.with(|o| o.page_size);
            Request {
                text: text.get(),
                filters: options.with(|o| selected.with(|s| o.locked.and(s))),
                sort: sort.get(),
                offset: page.get().saturating_mul(size),
                limit: size,
            }
        });
        let response = Memo::new(move |_| {
            if searched_elsewhere(service, in_page) {
                return remote.with(|r: &Option<Result<Rc<RemoteAnswer>, Failure>>| {
                    r.as_ref()?.as_ref().ok().map(|a| a.response.clone())
                });
            }
            Some(engine.get()?.search(&request.get()))
        });
        // Ask the service whenever the query, the facets shown or the
        // language change (and on "try again").
        let searcher = StoredValue::new_local(Rc::new(RefCell::new(Searcher::default())));
        Effect::new(move |previous_text: Option<String>| {
            remote_retry.track();
            let Some(service) = service.get() else {
                return String::new();
            };
            let request = request.get();
            let facets: Vec<Facet> = options.with(|o| {
                o.facets
                    .iter()
                    .copied()
                    .filter(|f| !o.is_locked(*f) && service.has_facet(*f))
                    .collect()
            });
            let lang = lang.get().code();
            let timeout = options.with(|o| Duration::from_secs(o.timeout_secs.into()));
            // Only typing waits: a click on a filter or a page asks at once.
            let debounce = previous_text.is_some_and(|t| t != request.text);
            let text = request.text.clone();
            remote_busy.set(true);
            let searcher = searcher.get_value();
            leptos::task::spawn_local(async move {
                let answer = super::remote::search(
                    searcher, service, request, facets, lang, timeout, debounce,
                )
                .await;
                if let Some(answer) = answer {
                    show_answer(remote, answer);
                    remote_busy.set(false);
                }
            });
            text
        });

        // Ask the engine worker whenever the query, the opened dataset, the
        // language or the registry change (and on "try again"). Not
        // debounced: it answers within a frame, off the main thread.
        let worker = StoredValue::new_local(worker);
        Effect::new(move |_| {
            let load = remote_retry.get();
            let Some(port) = worker.get_value() else {
                return;
            };
            if service.with(Option::is_some) {
                // Started with the element, before the registry was known.
                port.close();
                return;
            }
            if in_page.get() {
                return;
            }
            let ask = options.with(|o| Ask {
                registry: o
                    .registry
                    .iter()
                    .map(|url| crate::browser::fetch::resolve(url).unwrap_or_else(|| url.clone()))
                    .collect(),
                load,
                timeout_ms: u64::from(o.timeout_secs) * 1000,
                max_bytes: u64::from(o.max_size_mb) * 1024 * 1024,
                lang: lang.get().code().to_string(),
                request: request.get(),
                open: open.get(),
            });
            let asked = ask.request.clone();
            let show = move |outcome| match outcome {
                Outcome::Answered(load, answer) => {
                    worker_load.try_set(load);
                    answered.try_set(Some(asked.clone()));
                    show_answer(remote, answer);
                }
                Outcome::Superseded => {}
                Outcome::Unavailable => {
                    in_page.try_set(true);
                    make_date_format_soon(dates);
                }
            };
            let early = show.clone();
            leptos::task::spawn_local(async move { show(port.search(&ask, early).await) });
        });

        let state = Catalogue {
            options,
            page_lang,
            load,
            registry,
            in_flight: StoredValue::new(None),
            urls,
            text,
            selected,
            sort,
            page,
            open,
            lang,
            dates,
            listener: StoredValue::new_local(listener),
            response,
            service,
            remote,
            in_page,
            worker_load,
            request,
            answered,
            remote_busy,
            remote_retry,
        };
        // A page's first `Intl.DateTimeFormat` costs ≈ 30 ms (the browser
        // loads its locale data, once per process). Where the engine worker
        // answers, it has made one as it started (`pkg/odc_worker.js`), off
        // this thread, and the date format costs well under a millisecond
        // when the first answer needs it. Otherwise (the engine in the
        // page, or a search service, whose worker is closed before it
        // starts) it is made in a task of its own while the registry loads,
        // not inside the long task that renders the first answer. Without a
        // registry (the warm-up's stand-in) there is no load to do it in.
        let worker_answers = service.with_untracked(Option::is_none) && !in_page.get_untracked();
        if !worker_answers && options.with_untracked(|o| !o.registry.is_empty()) {
            make_date_format_soon(dates);
        }
        state.load_on_new_registry();
        state.first_page_on_new_query();
        state.write_url_on_change();
        state
    }

    /// A stand-in with this widget's options showing `answer` as if the
    /// worker had sent it: no registry, no worker, no listener, no URL
    /// state, so nothing it does reaches the page (`super::warm_up`).
    pub fn stand_in(&self, answer: Result<RemoteAnswer, Failure>) -> Catalogue {
        let options = self.options.with_untracked(|o| Options {
            registry: Vec::new(),
            url_state: None,
            ..o.clone()
        });
        let stand_in = Catalogue::new(options, self.page_lang.get_untracked(), None, None, None);
        stand_in.in_page.set(false);
        stand_in.show(answer);
        stand_in
    }

    /// Shows `answer` as the worker's (the stand-in's).
    pub fn show(&self, answer: Result<RemoteAnswer, Failure>) {
        show_answer(self.remote, answer);
    }

    /// `f` of the catalogue's words the current query matched (for
    /// `<mark>`), lent rather than copied for every row.
    pub fn with_matched_terms<T>(&self, f: impl FnOnce(&[String]) -> T) -> T {
        self.response
            .with(|r| f(r.as_ref().map_or(&[][..], |r| r.terms.as_slice())))
    }

    /// The filter groups shown, in order: the `facets` option less the
    /// locked ones.
    pub fn shown_facets(&self) -> Vec<Facet> {
        let service = self.service.get();
        self.options.with(|o| {
            o.facets
                .iter()
                .copied()
                .filter(|f| !o.is_locked(*f))
                // A search service shows the filters it can count.
                .filter(|f| service.as_ref().is_none_or(|s| s.has_facet(*f)))
                .collect()
        })
    }

    /// Whether quality is shown: the `quality` facet is asked for
    /// (`facets="… quality"`), which also shows each dataset's rating and,
    /// when opened, what its description lacks. Off by default: an agency
    /// page need not grade its own datasets.
    pub fn shows_quality(&self) -> bool {
        self.options.with(|o| o.facets.contains(&Facet::Quality))
    }

    /// The level of the dataset-title headings (`heading-level`).
    pub fn heading_level(&self) -> u8 {
        self.options.with(|o| o.heading_level)
    }

    pub fn page_size(&self) -> usize {
        self.options.with(|o| o.page_size)
    }

    /// Some filter counts could not be had from the search service this
    /// time (the results could).
    pub fn facets_missing(&self) -> bool {
        self.remote.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .is_some_and(|a| !a.facets_missing.is_empty())
        })
    }

    /// Whether the registry is a search service asked on every query.
    pub fn is_remote(&self) -> bool {
        self.service.with(Option::is_some)
    }

    /// A search service request is under way (the results on show are the
    /// previous ones).
    pub fn busy(&self) -> bool {
        self.is_remote() && self.remote_busy.get()
    }

    /// Whether the engine runs elsewhere (a search service, the worker):
    /// then the registry is the last answer's page of datasets.
    pub fn searched_elsewhere(&self) -> bool {
        searched_elsewhere(self.service, self.in_page)
    }

    /// The registry: `None` while it loads. For a search service or the
    /// worker, its last answer (the page of datasets on show).
    pub fn registry(&self) -> Option<Load> {
        self.registry.with(|r| r.as_ref().map(|r| (*r.0).clone()))
    }

    /// Which load the registry on show comes from: changes once per load
    /// (and "try again"), not per search. A search service's every answer
    /// is a load of its own.
    pub fn load_identity(&self) -> u64 {
        if self.is_remote() {
            self.remote.with(|r| {
                r.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .map_or(0, |a| Rc::as_ptr(a) as u64)
            })
        } else if !self.in_page.get() {
            self.worker_load.get()
        } else {
            self.load.version().get() as u64
        }
    }

    /// The results on show are an early page of a registry that is still
    /// downloading (the engine worker's, `crate::worker::early`).
    pub fn more_coming(&self) -> bool {
        self.remote.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .is_some_and(|a| a.loaded.more_coming)
        })
    }

    /// The person asked for something else while an early page is on
    /// show: the worker answers it from the datasets read so far once the
    /// next part of the registry arrives (`crate::worker::early`).
    pub fn search_waits_for_registry(&self) -> bool {
        self.more_coming()
            && self
                .answered
                .with(|a| a.as_ref() != Some(&self.request.get()))
    }

    /// The loaded registry (`None` while loading or after an error).
    pub fn loaded(&self) -> Option<Rc<Loaded>> {
        self.registry()?.ok()
    }

    /// Loads the registry again ("try again").
    pub fn retry(&self) {
        if untrack(|| self.searched_elsewhere()) {
            self.remote.set(None);
            self.remote_retry.update(|n| *n += 1);
            return;
        }
        self.start_load(self.urls.get_untracked());
    }

    fn start_load(&self, urls: Vec<String>) {
        if let Some(previous) = self.in_flight.try_update_value(Option::take).flatten() {
            previous.abort();
        }
        // Kept until the next load: dropping the handle would abort it.
        self.in_flight
            .set_value(Some(self.load.dispatch_local(urls)));
    }

    /// Loads the registry, and again whenever its URLs change; a different
    /// registry starts on its first page with nothing open.
    fn load_on_new_registry(self) {
        Effect::new(move |prev: Option<(Vec<String>, bool)>| {
            let urls = self.urls.get();
            let remote = self.service.with(Option::is_some);
            // Not when the worker could not start: the same registry then
            // loads in the page, keeping the page and opened dataset.
            if prev.is_some_and(|p| p != (urls.clone(), remote)) {
                self.open.set(None);
                self.page.set(0);
                self.remote.set(None);
            }
            if !remote && self.in_page.get() {
                self.start_load(urls.clone());
            }
            (urls, remote)
        });
    }

    /// A new query, filter or order starts on the first page.
    fn first_page_on_new_query(self) {
        Effect::new(move |prev: Option<()>| {
            self.text.track();
            self.selected.track();
            self.sort.track();
            // Only what changes: a set signal tells its readers even when
            // the value is the same, and the query each keystroke sends
            // the engine reads both (it was sent twice per keystroke).
            if prev.is_some() {
                if self.page.get_untracked() != 0 {
                    self.page.set(0);
                }
                if self.open.with_untracked(Option::is_some) {
                    self.open.set(None);
                }
            }
        });
    }

    /// Mirrors the query state into the page URL (only when enabled). A
    /// changed prefix takes the old prefix's parameters away.
    fn write_url_on_change(self) {
        Effect::new(move |before: Option<Option<String>>| {
            let prefix = self.options.with(|o| o.url_state.clone());
            if let Some(Some(old)) = before.filter(|b| *b != prefix) {
                location::write_state(&old, &QueryState::default());
            }
            let prefix = prefix?;
            let default_sort = self.options.with(|o| o.sort);
            let state = QueryState {
                text: self.text.get(),
                filters: self.selected.get(),
                sort: Some(self.sort.get()).filter(|s| *s != default_sort),
                page: self.page.get(),
                open: self.open.get(),
            };
            location::write_state(&prefix, &state);
            Some(prefix)
        });
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected.with(|s| s.contains(facet, value))
    }

    /// The label of a facet value in the UI language (untracked).
    pub fn facet_label(&self, facet: Facet, value: &str) -> String {
        let lang = self.lang.get_untracked();
        untrack(|| self.loaded())
            .map(|l| super::labels::facet_value_label(facet, value, lang.code(), &l.publishers))
            .unwrap_or_else(|| value.to_string())
    }

    /// Tells the host page what the person did.
    pub fn tell(&self, activity: Activity) {
        if let Some(Some(listener)) = self.listener.try_get_value() {
            listener(activity);
        }
    }

    pub fn toggle(&self, facet: Facet, value: &str) {
        let selected = !self.is_selected(facet, value);
        self.selected.update(|s| s.toggle(facet, value));
        self.tell(Activity::Filter {
            facet,
            value: value.to_string(),
            selected,
        });
    }

    pub fn clear_filters(&self) {
        let removed = self.selected.with_untracked(|s| {
            s.pairs()
                .map(|(f, v)| (f, v.to_string()))
                .collect::<Vec<_>>()
        });
        self.selected.set(Filters::new());
        self.text.set(String::new());
        for (facet, value) in removed {
            self.tell(Activity::Filter {
                facet,
                value,
                selected: false,
            });
        }
    }

    /// Opens a dataset (or closes it: `None`).
    pub fn open_dataset(&self, id: Option<String>) {
        if let Some(id) = &id {
            let lang = self.lang.get_untracked().code();
            let title = self
                .loaded()
                .and_then(|l| l.dataset_by_id(id).map(|d| d.title.text(lang).to_string()))
                .unwrap_or_default();
            self.tell(Activity::Open {
                id: id.clone(),
                title,
            });
        }
        self.open.set(id);
    }
}
