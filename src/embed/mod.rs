//! The bridge to the page: `Widget` is what the custom element (and the
//! `mount()` function) in `pkg/open-data-catalogue.js` drive. It renders
//! into an open shadow root on the host element, so the host's CSS cannot
//! reach in and ours cannot leak out, and it tells the page what happens
//! through DOM events on the host element.

use crate::browser::{style, theme};
use crate::config::{JsOptions, Lang, Options};
use crate::ui::{App, Catalogue, NextTask, Port};
use leptos::prelude::*;
use std::any::Any;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

mod events;

/// The shipped build aborts on a panic without formatting a message
/// (`-C panic=immediate-abort`, `scripts/build.sh`); the entry module sees
/// the trap and replaces every widget with a message. A debug build logs
/// the panic's message to the console first.
#[cfg(debug_assertions)]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    container: HtmlElement,
    state: Catalogue,
    /// Dropping it unmounts the view and disposes of every signal.
    mounted: Option<Box<dyn Any>>,
    /// Re-checks the accent's contrast when the colour scheme changes.
    scheme_listener: Option<(web_sys::MediaQueryList, Closure<dyn Fn()>)>,
}

#[wasm_bindgen]
impl Widget {
    /// Renders the catalogue inside `host`'s open shadow root. `options` is
    /// either `{ attributes: { name: value } }` (the custom element passes
    /// its attributes) or the JavaScript options object of `mount()`.
    /// `rdf_loader(text, base)` converts RDF registries with the second
    /// wasm module, which the entry module imports only when it is needed.
    /// `worker` is the entry module's port to this widget's engine worker
    /// (`{ search(ask) }`); without one the engine runs in the page.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        options: JsValue,
        rdf_loader: Option<js_sys::Function>,
        worker: JsValue,
    ) -> Result<Widget, JsValue> {
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        // The placeholder the custom element shows while loading stays
        // until the view replaces it, a task from now.
        let placeholder = root.first_element_child();
        style::adopt(&root);
        let document = host.owner_document().ok_or("no document")?;
        let container: HtmlElement = document.create_element("div")?.unchecked_into();
        root.append_child(&container)?;

        let options = parse_options(&options);
        let page_lang = page_lang(&host);

        let state_cell = std::rc::Rc::new(std::cell::Cell::new(None));
        let cell = state_cell.clone();
        let events_host = host.clone();
        let handle = leptos::mount::mount_to(container.clone(), move || {
            let listener = events::activity_listener(events_host.clone());
            let worker = Port::new(worker.clone());
            let state = Catalogue::new(options, page_lang, rdf_loader, worker, Some(listener));
            cell.set(Some(state));
            events::dispatch_load_events(state, events_host.clone());
            events::dispatch_settled_searches(state);
            // The view is built one task after the state: the widget's
            // first run of both (the browser compiling every function it
            // calls for the first time) would keep the host page from
            // handling a click or a scroll for more than 50 ms in one task.
            // The placeholder goes in that task, as the view replaces it.
            let shown: Box<dyn FnOnce()> = Box::new(move || {
                if let Some(placeholder) = &placeholder {
                    placeholder.remove();
                }
            });
            view! {
                <NextTask shown=shown>
                    <App state=state />
                </NextTask>
            }
        });
        let state = state_cell.take().ok_or("mount failed")?;
        crate::ui::warm_up(state);
        let mut widget = Widget {
            host,
            container,
            state,
            mounted: Some(Box::new(handle)),
            scheme_listener: None,
        };
        // After the first frame, not in the mount's task: reading a
        // computed colour makes the browser compute the whole page's styles
        // first (≈ 11 ms here); a frame later they are computed already.
        let container = widget.container.clone();
        request_animation_frame(move || {
            set_timeout(move || check_theme(&container), Duration::ZERO)
        });
        widget.scheme_listener = widget.listen_to_colour_scheme();
        Ok(widget)
    }

    /// New attributes or options (the element's attributes changed, or a
    /// developer called `update()`): the widget follows without reloading
    /// unless the registry changed.
    pub fn update(&self, options: JsValue) {
        let options = parse_options(&options);
        self.state.page_lang.set(page_lang(&self.host));
        if options.sort != self.state.options.with_untracked(|o| o.sort) {
            self.state.sort.set(options.sort);
        }
        self.state.options.set(options);
        self.check_theme();
    }

    /// The filter values of the current results with their labels and
    /// counts: `[{ facet, values: [{ value, label, count }] }]` (for the
    /// embed-code builder, which offers them as locked filters).
    pub fn facets(&self) -> JsValue {
        events::facet_values(self.state)
    }

    /// Unmounts: removes the DOM, disposes of signals, effects and timers.
    pub fn destroy(&mut self) {
        if let Some((list, listener)) = self.scheme_listener.take() {
            let _ = list
                .remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        }
        self.mounted = None;
        self.container.remove();
    }
}

impl Widget {
    fn check_theme(&self) {
        check_theme(&self.container);
    }

    fn listen_to_colour_scheme(&self) -> Option<(web_sys::MediaQueryList, Closure<dyn Fn()>)> {
        let list = web_sys::window()?
            .match_media("(prefers-color-scheme: dark)")
            .ok()??;
        let container = self.container.clone();
        let listener = Closure::<dyn Fn()>::new(move || check_theme(&container));
        list.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref())
            .ok()?;
        Some((list, listener))
    }
}

/// Keeps the accent of the widget in `container` readable.
fn check_theme(container: &HtmlElement) {
    if let Some(odc) = container.first_element_child() {
        theme::keep_accent_readable(odc.unchecked_ref());
    }
}

fn parse_options(value: &JsValue) -> Options {
    let attributes = js_sys::Reflect::get(value, &"attributes".into())
        .ok()
        .filter(|a| a.is_object());
    match attributes {
        Some(attrs) => {
            let pairs: Vec<(String, String)> = js_sys::Object::entries(attrs.unchecked_ref())
                .iter()
                .filter_map(|entry| {
                    let entry: js_sys::Array = entry.unchecked_into();
                    Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
                })
                .collect();
            Options::from_attributes(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        }
        None => {
            let raw: JsOptions =
                serde_wasm_bindgen::from_value(value.clone()).unwrap_or_else(|e| {
                    web_sys::console::warn_1(
                        &format!("open-data-catalogue: options ignored: {e}").into(),
                    );
                    JsOptions::default()
                });
            Options::from_js_options(raw)
        }
    }
}

/// The language the page says the element is in: the nearest `lang`
/// attribute, on the element itself or an ancestor.
fn page_lang(host: &HtmlElement) -> Option<Lang> {
    let holder = host.closest("[lang]").ok().flatten()?;
    Lang::parse(&holder.get_attribute("lang")?)
}

/// For the browser tests only: proves that a panic becomes a message in
/// every mounted widget instead of a blank box (the entry module's trap
/// handler). Gated: it does nothing unless the page has set
/// `globalThis.__odcTestHooks = true`, which no host page does, so calling
/// it by accident cannot break a widget.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests() {
    let enabled = js_sys::Reflect::get(&js_sys::global(), &"__odcTestHooks".into())
        .is_ok_and(|v| v.is_truthy());
    if enabled {
        panic!("deliberate panic from the browser tests");
    }
}
