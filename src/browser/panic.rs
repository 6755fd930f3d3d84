//! A panic must never leave a blank box on someone else's page.
//!
//! The hook logs the panic to the console and replaces the content of every
//! mounted widget with a plain message. It uses only DOM calls, no Leptos,
//! because the reactive system may be what panicked.

use crate::i18n::Texts;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

thread_local! {
    static MOUNTED: RefCell<Vec<(HtmlElement, &'static Texts)>> = const { RefCell::new(Vec::new()) };
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = MOUNTED.try_with(|m| {
            if let Ok(mounted) = m.try_borrow() {
                for (container, texts) in mounted.iter() {
                    show(container, texts);
                }
            }
        });
    }));
}

fn show(container: &HtmlElement, texts: &Texts) {
    container.set_text_content(None);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(alert), Ok(p), Ok(button)) = (
        doc.create_element("div"),
        doc.create_element("p"),
        doc.create_element("button"),
    ) else {
        return;
    };
    let _ = alert.set_attribute("role", "alert");
    let _ = alert.set_attribute("class", "odc-crash");
    p.set_text_content(Some(texts.error_internal));
    let _ = button.set_attribute("type", "button");
    button.set_text_content(Some(texts.reload));
    // A panicked wasm instance cannot be trusted to render again: the
    // honest retry is loading the page anew.
    let reload = Closure::once_into_js(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.unchecked_ref());
    let _ = alert.append_child(&p);
    let _ = alert.append_child(&button);
    let _ = container.append_child(&alert);
}

/// Registers a widget container and the language of its message.
pub fn register(container: &HtmlElement, texts: &'static Texts) {
    MOUNTED.with(|m| m.borrow_mut().push((container.clone(), texts)));
}

pub fn unregister(container: &HtmlElement) {
    MOUNTED.with(|m| m.borrow_mut().retain(|(c, _)| c != container));
}
